/* The canonical writer of answers files (DESIGN section 4).
 *
 * It uses libyaml's emitter, so quoting is always valid YAML; it forces
 * double quotes on strings another YAML reader would take for a number, a
 * boolean, null or a date, so the file means the same thing to every
 * tool. */
#include <errno.h>
#include <string.h>
#include <yaml.h>

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/strbuf.h"
#include "yardstick/text.h"

#include "answers_priv.h"

/* ------------------------------------------------------------------ */
/* Writer */

/* libyaml's output handler: appends to a ys_sb. */
static int sb_handler(void *ctx, unsigned char *buf, size_t size)
{
	ys_sb *b = ctx;

	ys_sb_putn(b, (const char *)buf, size);
	return !b->oom;
}

typedef struct emitter {
	yaml_emitter_t em;
	bool failed;
	bool oom;
} emitter;

enum style {
	ST_TEXT,        /* any style; quoted when it would read as another type */
	ST_PLAIN,       /* a timestamp or date: plain */
	ST_QUOTED,      /* always double-quoted */
};

static bool in_set(const char *s, const char *set)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!strchr(set, *s))
			return false;
	return true;
}

/* True when s, written plain, would be read by a YAML 1.1 or 1.2 reader as
 * something other than a string: null, a boolean, a number in any of the
 * notations those versions allow, a timestamp, or a merge key. */
static bool looks_typed(const char *s)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N",
		"no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
		"on", "On", "ON", "off", "Off", "OFF", "<<", "=", ".inf", ".Inf",
		".INF", ".nan", ".NaN", ".NAN", NULL,
	};
	const char *p = s, *e;
	size_t i;

	if (!*s)
		return true;
	/* Most text starts with a letter that begins no special word. */
	if (!strchr("~nNyYtTfFoO<=.+-0123456789", *s))
		return false;
	/* The words are at most five characters long. */
	if (strnlen(s, 6) <= 5)
		for (i = 0; words[i]; i++)
			if (!strcmp(s, words[i]))
				return true;
	if (ys_answers_all_digits(s, 4) && s[4] == '-')
		return true;            /* a date or timestamp */
	if (*p == '+' || *p == '-')
		p++;
	if (!strcmp(p, ".inf") || !strcmp(p, ".Inf") || !strcmp(p, ".INF"))
		return true;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return in_set(p + 2, "0123456789abcdefABCDEF_");
	if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
		return in_set(p + 2, "01234567_");
	if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		return in_set(p + 2, "01_");
	/* Decimal and sexagesimal numbers: digits, '_', '.', ':' and at most
	 * one exponent. */
	if (!((*p >= '0' && *p <= '9') || *p == '.'))
		return false;
	e = strpbrk(p, "eE");
	if (!e)
		return in_set(p, "0123456789_.:") && strpbrk(p, "0123456789");
	{
		char mant[64];
		size_t n = (size_t)(e - p);

		if (n == 0 || n >= sizeof(mant))
			return false;
		memcpy(mant, p, n);
		mant[n] = '\0';
		if (!in_set(mant, "0123456789_.") || !strpbrk(mant, "0123456789"))
			return false;
		e++;
		if (*e == '+' || *e == '-')
			e++;
		return in_set(e, "0123456789");
	}
}

/* libyaml 0.2.5 escapes every character beyond U+FFFF (emoji, rare CJK)
 * as \UXXXXXXXX even in Unicode mode. So that the file holds them as
 * UTF-8, scalars are passed to the emitter with each such character
 * replaced by a pair of private-use characters (U+E000+high 10 bits,
 * U+E400+low 10 bits), which libyaml writes as they are; a private-use
 * character in U+E000..U+E800 of the text itself is written as U+E800
 * followed by it. unmask() undoes this on the finished output. */
static char *mask(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = ys_malloc(n * 2 + 1);

	if (!out)
		return NULL;
	while (i < n) {
		uint32_t cp;
		size_t k = ys_utf8_decode(s + i, n - i, &cp);

		if (cp >= 0x10000) {
			o += ys_utf8_encode(0xE000 + ((cp - 0x10000) >> 10), out + o);
			o += ys_utf8_encode(0xE400 + ((cp - 0x10000) & 0x3FF), out + o);
		} else if (cp >= 0xE000 && cp <= 0xE800) {
			o += ys_utf8_encode(0xE800, out + o);
			o += ys_utf8_encode(cp, out + o);
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* The code point of the 3-byte sequence at p (known to start with 0xEE). */
static uint32_t cp3(const char *p)
{
	return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
	       (uint32_t)(p[2] & 0x3F);
}

/* Undoes mask() over the whole output, in place; returns the new length. */
static size_t unmask(char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t a, b;

		if ((unsigned char)s[i] != 0xEE || i + 6 > n ||
		    (unsigned char)s[i + 3] != 0xEE) {
			s[o++] = s[i++];
			continue;
		}
		a = cp3(s + i);
		b = cp3(s + i + 3);
		if (a == 0xE800 && b >= 0xE000 && b <= 0xE800) {
			o += ys_utf8_encode(b, s + o);
		} else if (a >= 0xE000 && a <= 0xE3FF && b >= 0xE400 && b <= 0xE7FF) {
			o += ys_utf8_encode(0x10000 + ((a - 0xE000) << 10) + (b - 0xE400),
					    s + o);
		} else {
			s[o++] = s[i++];
			continue;
		}
		i += 6;
	}
	return o;
}

static bool emit(emitter *E, yaml_event_t *ev, int ok)
{
	if (E->failed)
		return false;
	if (!ok || !yaml_emitter_emit(&E->em, ev))
		E->failed = true;
	return !E->failed;
}

/* What the writer needs to know about a string, in one pass. */
enum {
	HAS_BREAK = 1 << 0,     /* a newline */
	HAS_SEPARATOR = 1 << 1, /* U+2028 or U+2029 */
	HAS_MASKED = 1 << 2,    /* characters mask() changes */
};

static unsigned scan(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned flags = 0;

	for (; *u; u++) {
		if (*u < 0x80) {
			if (*u == '\n')
				flags |= HAS_BREAK;
		} else if (*u == 0xEE || *u >= 0xF0) {
			flags |= HAS_MASKED;
		} else if (*u == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) {
			flags |= HAS_SEPARATOR;
		}
	}
	return flags;
}

static bool scalar(emitter *E, const char *s, enum style st)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	unsigned flags = scan(s);
	yaml_event_t ev;
	char *m = NULL;
	bool ok;

	if (st == ST_QUOTED || (st == ST_TEXT && looks_typed(s)))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else if (st == ST_TEXT && (flags & HAS_BREAK))
		style = YAML_LITERAL_SCALAR_STYLE;
	/* Line and paragraph separators read back differently outside
	 * double quotes. */
	if (flags & HAS_SEPARATOR)
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (flags & HAS_MASKED) {
		m = mask(s);
		if (!m) {
			E->failed = E->oom = true;
			return false;
		}
		s = m;
	}
	ok = emit(E, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
			  (yaml_char_t *)(void *)(uintptr_t)s, (int)strlen(s), 1, 1,
			  style));
	ys_free(m);
	return ok;
}

static bool key_value(emitter *E, const char *key, const char *value,
		      enum style st)
{
	return scalar(E, key, ST_TEXT) && scalar(E, value, st);
}

static bool map_start(emitter *E, bool flow)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
			    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}

static bool map_end(emitter *E)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_mapping_end_event_initialize(&ev));
}

static bool seq_start(emitter *E, bool flow)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
			    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

static bool seq_end(emitter *E)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_sequence_end_event_initialize(&ev));
}

static bool string_list(emitter *E, const char *key, char **v, size_t n)
{
	size_t i;

	if (!scalar(E, key, ST_TEXT) || !seq_start(E, true))
		return false;
	for (i = 0; i < n; i++)
		scalar(E, v[i] ? v[i] : "", ST_TEXT);
	return seq_end(E);
}

static bool response_empty(const ys_response *rs, bool workshop)
{
	return !rs->answer && !rs->note && !rs->parked &&
	       !(workshop && (rs->n_votes || rs->n_rounds || rs->contested));
}

/* The votes of one round as a flow mapping. */
static void write_votes(emitter *E, const ys_vote *v, size_t n)
{
	size_t i;

	map_start(E, true);
	for (i = 0; i < n; i++)
		key_value(E, v[i].participant, v[i].answer, ST_TEXT);
	map_end(E);
}

static bool area_empty(const ys_area_record *ar)
{
	return !ar->owner && !ar->n_actions;
}

/* workshop: the file's mode is workshop; settled_keys: a->has_settled. */
static void write_response(emitter *E, const ys_response *rs, bool workshop,
			   bool settled_keys)
{
	size_t i;

	scalar(E, rs->question_id, ST_TEXT);
	map_start(E, false);
	if (rs->answer)
		key_value(E, "answer", rs->answer, ST_TEXT);
	if (rs->note)
		key_value(E, "note", rs->note, ST_TEXT);
	/* A reason without n/a would not read back (it may be set just
	 * before the answer is). */
	if (rs->na_reason && rs->answer && !strcmp(rs->answer, YS_KEY_NA))
		key_value(E, "na_reason", rs->na_reason, ST_TEXT);
	if (rs->at)
		key_value(E, "at", rs->at, ST_PLAIN);
	if (workshop && rs->n_votes) {
		scalar(E, "votes", ST_TEXT);
		write_votes(E, rs->votes, rs->n_votes);
	}
	if (workshop && rs->n_rounds) {
		scalar(E, "rounds", ST_TEXT);
		seq_start(E, true);
		for (i = 0; i < rs->n_rounds; i++)
			write_votes(E, rs->rounds[i].votes, rs->rounds[i].n_votes);
		seq_end(E);
	}
	if (workshop && rs->contested)
		key_value(E, "contested", "true", ST_PLAIN);
	/* Once the file has settled keys, every answer says whether it is
	 * settled, so that none changes state when read back. */
	if (workshop && settled_keys && rs->answer)
		key_value(E, "settled", rs->settled ? "true" : "false", ST_PLAIN);
	if (rs->parked)
		key_value(E, "parked", "true", ST_PLAIN);
	map_end(E);
}

static void write_area(emitter *E, const ys_area_record *ar)
{
	size_t i;

	scalar(E, ar->area_id, ST_TEXT);
	map_start(E, false);
	if (ar->owner)
		key_value(E, "owner", ar->owner, ST_TEXT);
	if (ar->n_actions) {
		scalar(E, "actions", ST_TEXT);
		seq_start(E, false);
		for (i = 0; i < ar->n_actions; i++) {
			const ys_action *act = &ar->actions[i];

			map_start(E, true);
			key_value(E, "text", act->text ? act->text : "", ST_TEXT);
			if (act->owner)
				key_value(E, "owner", act->owner, ST_TEXT);
			if (act->due)
				key_value(E, "due", act->due, ST_PLAIN);
			map_end(E);
		}
		seq_end(E);
	}
	map_end(E);
}

static void write_body(emitter *E, const ys_answers *a)
{
	/* Participants, votes and contested belong to workshop mode only;
	 * written in another mode the file could not be read back. */
	bool workshop = a->mode == YS_MODE_WORKSHOP;
	char version[16];
	size_t i;
	bool any;

	snprintf(version, sizeof(version), "%d", YS_ANSWERS_FORMAT);
	map_start(E, false);
	key_value(E, "yardstick-answers", version, ST_PLAIN);
	scalar(E, "questionnaire", ST_TEXT);
	map_start(E, true);
	key_value(E, "id", a->q_id ? a->q_id : "", ST_TEXT);
	key_value(E, "version", a->q_version ? a->q_version : "", ST_QUOTED);
	key_value(E, "sha256", a->q_sha256 ? a->q_sha256 : "", ST_TEXT);
	if (a->q_file)
		key_value(E, "file", a->q_file, ST_TEXT);
	map_end(E);
	if (a->organisation)
		key_value(E, "organisation", a->organisation, ST_TEXT);
	if (a->n_assessors)
		string_list(E, "assessors", a->assessors, a->n_assessors);
	key_value(E, "mode", ys_mode_name(a->mode), ST_TEXT);
	if (a->target && !ys_str_blank(a->target))
		key_value(E, "target", a->target, ST_TEXT);
	if (a->created)
		key_value(E, "created", a->created, ST_PLAIN);
	if (a->updated)
		key_value(E, "updated", a->updated, ST_PLAIN);
	if (workshop && a->n_participants)
		string_list(E, "participants", a->participants, a->n_participants);
	for (any = false, i = 0; i < a->n_areas && !any; i++)
		any = !area_empty(&a->areas[i]);
	if (any) {
		scalar(E, "areas", ST_TEXT);
		map_start(E, false);
		for (i = 0; i < a->n_areas; i++)
			if (!area_empty(&a->areas[i]))
				write_area(E, &a->areas[i]);
		map_end(E);
	}
	for (any = false, i = 0; i < a->n_responses && !any; i++)
		any = !response_empty(&a->responses[i], workshop);
	if (any) {
		scalar(E, "answers", ST_TEXT);
		map_start(E, false);
		for (i = 0; i < a->n_responses; i++)
			if (!response_empty(&a->responses[i], workshop) && a->responses[i].question_id)
				write_response(E, &a->responses[i], workshop,
					       a->has_settled);
		map_end(E);
	}
	map_end(E);
}

char *ys_answers_to_string(const ys_answers *a, size_t *len)
{
	ys_sb b = {0};
	emitter E;
	char *s;
	size_t n;
	yaml_event_t ev;
	bool ok;
	int err;

	memset(&E, 0, sizeof(E));
	if (!yaml_emitter_initialize(&E.em)) {
		errno = ENOMEM;
		return NULL;
	}
	yaml_emitter_set_output(&E.em, sb_handler, &b);
	yaml_emitter_set_unicode(&E.em, 1);
	yaml_emitter_set_width(&E.em, -1);
	yaml_emitter_set_indent(&E.em, 2);
	yaml_emitter_set_break(&E.em, YAML_LN_BREAK);
	emit(&E, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(&E, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	write_body(&E, a);
	emit(&E, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(&E, &ev, yaml_stream_end_event_initialize(&ev));
	ok = !E.failed && yaml_emitter_flush(&E.em);
	err = b.oom || E.oom || E.em.error == YAML_MEMORY_ERROR ? ENOMEM : EINVAL;
	yaml_emitter_delete(&E.em);
	n = b.len;
	s = ok ? ys_sb_take(&b) : NULL;
	if (!s) {
		ys_sb_free(&b);
		errno = ok ? ENOMEM : err;
		return NULL;
	}
	n = unmask(s, n);
	s[n] = '\0';
	if (len)
		*len = n;
	return s;
}

int ys_answers_write(const ys_answers *a, FILE *out)
{
	size_t len;
	char *s = ys_answers_to_string(a, &len);
	int err = 0;

	if (!s)
		return errno;
	errno = 0;
	if (fwrite(s, 1, len, out) != len || fflush(out) != 0)
		err = errno ? errno : EIO;
	ys_free(s);
	return err;
}

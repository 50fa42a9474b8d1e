/* Structural checks on the questionnaires built into the binary.
 *
 * Each bundled questionnaire is loaded through the real loader, from the
 * bytes compiled into the program (ys_builtins), and checked against the
 * content standards set out in doc/questionnaires.md: version 2027.1 with
 * the released 2026.1 kept beside it, level and target names a committee
 * cannot misread, the default's six areas and its one-sitting length,
 * enough questions at every level, a variety of answer scales, advice on
 * every question, recommendations and targets for every area, red flags
 * that can hold an area down and are consistent, estate-wide controls
 * that count as met only when (nearly) all of the estate is covered, help
 * text that names the evidence, few N/A permissions, known reference keys
 * and text that fits an 80-column screen. A later edit that breaks one of
 * these fails here, with the offending id in the message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "ys_config.h"
#include "yardstick/catalog.h"
#include "yardstick/questionnaire.h"
#include "yardstick/text.h"

#define MAX_TEXT_BYTES 200      /* question text, in bytes */
#define MAX_LABEL_COLUMNS 48    /* answer option label, in display columns */
#define MAX_SET_SHARE 0.60      /* largest share of questions one named set may cover */
#define MIN_SCALES 3            /* distinct answer sets, inline lists included */
#define MAX_DEFAULT_QUESTIONS 90 /* the default fits one sitting of about 90 minutes */
#define MIN_BITING_RED_FLAGS 4  /* red-flag questions at least two levels above their cap */
#define VERSION "2027.1"
#define ARCHIVED_VERSION "2026.1"
#define ESTATE_SET "estate-coverage"    /* the answer set of estate-wide controls */

static const char *const expected_ids[] = {
	YS_DEFAULT_QUESTIONNAIRE,
	"remote-working-readiness",
	"ai-and-data-readiness",
};
#define N_EXPECTED (sizeof(expected_ids) / sizeof(expected_ids[0]))

static const char *const default_areas[] = {
	"data", "technology", "ownership", "policy", "infrastructure", "cyber",
};
#define N_DEFAULT_AREAS (sizeof(default_areas) / sizeof(default_areas[0]))

/* Every reference key the bundled files may use. */
static const char *const ref_keys[] = {
	"caf",                  /* NCSC Cyber Assessment Framework outcome */
	"cyber-essentials",     /* one of the five Cyber Essentials controls */
	"uk-gdpr",              /* an article of the UK GDPR */
	"ico",                  /* an ICO code of practice or guidance */
	"equality-act",         /* a section of the Equality Act 2010 */
	"duaa",                 /* a section of the Data (Use and Access) Act 2025 */
	"dspt",                 /* the NHS Data Security and Protection Toolkit */
	"psn",                  /* the Public Services Network compliance regime */
	"ncsc",                 /* an NCSC guidance page, by its title */
	"lga",                  /* an LGA guide, by its title */
};

/* CAF contributing outcomes whose ids mean the same in CAF 3.2 and 4.0
 * (A2.b, A2.c, A4.b, C1.d onwards and C2 changed or were added). */
static const char *const caf_outcomes[] = {
	"A1.a", "A1.b", "A1.c", "A2.a", "A3.a", "A4.a",
	"B1.a", "B1.b", "B2.a", "B2.b", "B2.c", "B2.d",
	"B3.a", "B3.b", "B3.c", "B3.d", "B3.e",
	"B4.a", "B4.b", "B4.c", "B4.d", "B5.a", "B5.b", "B5.c",
	"B6.a", "B6.b", "C1.a", "C1.b", "C1.c",
	"D1.a", "D1.b", "D1.c", "D2.a", "D2.b",
};

static const char *const ce_controls[] = {
	"Firewalls", "Secure configuration", "Security update management",
	"User access control", "Malware protection",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static ys_questionnaire *loaded[N_EXPECTED];

static bool in_list(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return true;
	return false;
}

/* The current (not archived) built-in version of id. */
static const ys_builtin *find_builtin(const char *id)
{
	const ys_builtin *b;

	for (b = ys_builtins; b->id; b++)
		if (!strcmp(b->id, id) && !b->archived)
			return b;
	return NULL;
}

/* Display columns of a UTF-8 string: combining marks and zero-width
 * characters take none, East Asian wide characters and emoji two. Kept
 * here so the test does not depend on the width tables of text.c. */
static int cp_columns(uint32_t cp)
{
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

static size_t columns(const char *s)
{
	size_t n = strlen(s), i = 0, cols = 0;

	while (i < n) {
		uint32_t cp;

		i += ys_utf8_decode(s + i, n - i, &cp);
		cols += (size_t)cp_columns(cp);
	}
	return cols;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

static const ys_area *area_by_id(const ys_questionnaire *q, const char *id)
{
	long i = ys_questionnaire_area_index(q, id);

	return i < 0 ? NULL : &q->areas[i];
}

static int load_all(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_EXPECTED; i++) {
		const ys_builtin *b = find_builtin(expected_ids[i]);
		ys_diags d = {0};
		char name[128];

		if (!b) {
			fprintf(stderr, "built-in questionnaire %s is missing\n",
				expected_ids[i]);
			return -1;
		}
		snprintf(name, sizeof(name), "builtin:%s", b->id);
		loaded[i] = ys_questionnaire_load_mem(b->data, b->len, name, &d);
		if (!loaded[i]) {
			ys_diags_print(&d, stderr, "test-bundled");
			ys_diags_free(&d);
			return -1;
		}
		ys_diags_free(&d);
	}
	return 0;
}

static int free_all(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_EXPECTED; i++) {
		ys_questionnaire_free(loaded[i]);
		loaded[i] = NULL;
	}
	return 0;
}

/* The three bundled questionnaires are built in at version 2027.1, each
 * with its released 2026.1 version archived beside it, and nothing else
 * is. */
static void test_builtins_listed(void **state)
{
	const ys_builtin *b;
	size_t current = 0, archived = 0, i;

	(void)state;
	for (b = ys_builtins; b->id; b++) {
		assert_true(in_list(b->id, expected_ids, N_EXPECTED));
		assert_true(b->len > 0);
		if (b->archived) {
			assert_string_equal(b->version, ARCHIVED_VERSION);
			archived++;
		} else {
			assert_string_equal(b->version, VERSION);
			current++;
		}
	}
	assert_int_equal(current, N_EXPECTED);
	assert_int_equal(archived, N_EXPECTED);
	for (i = 0; i < N_EXPECTED; i++) {
		assert_string_equal(loaded[i]->id, expected_ids[i]);
		assert_string_equal(loaded[i]->version, VERSION);
	}
}

/* Each archived version loads, is what it says, and still has the target
 * names its answers files use. */
static void test_archived_versions(void **state)
{
	const ys_builtin *b;

	(void)state;
	for (b = ys_builtins; b->id; b++) {
		ys_diags d = {0};
		ys_questionnaire *q;

		if (!b->archived)
			continue;
		q = ys_questionnaire_load_mem(b->data, b->len, b->id, &d);
		if (!q) {
			ys_diags_print(&d, stderr, "test-bundled");
			fail_msg("archived %s %s does not load", b->id, b->version);
		}
		assert_string_equal(q->id, b->id);
		assert_string_equal(q->version, b->version);
		assert_non_null(ys_questionnaire_find_target(q, "baseline"));
		assert_non_null(ys_questionnaire_find_target(q, "enhanced"));
		ys_questionnaire_free(q);
		ys_diags_free(&d);
	}
}

/* The compiled-in bytes are those of questionnaires/ID.yaml (or, for an
 * archived version, questionnaires/archive/ID-VERSION.yaml), and the file
 * loads from disk too. */
static void test_builtins_match_files(void **state)
{
	const ys_builtin *b;

	(void)state;
	for (b = ys_builtins; b->id; b++) {
		char path[256];
		char *buf;
		FILE *f;
		long len;
		ys_diags d = {0};
		ys_questionnaire *q, *mem;

		if (b->archived)
			snprintf(path, sizeof(path), "../questionnaires/archive/%s-%s.yaml",
				 b->id, b->version);
		else
			snprintf(path, sizeof(path), "../questionnaires/%s.yaml", b->id);
		f = fopen(path, "rb");
		if (!f) {
			fail_msg("cannot open %s (the test runs in tests/)", path);
			return;
		}
		assert_int_equal(fseek(f, 0, SEEK_END), 0);
		len = ftell(f);
		assert_true(len >= 0);
		rewind(f);
		buf = malloc((size_t)len + 1);
		assert_non_null(buf);
		assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
		fclose(f);
		if ((size_t)len != b->len || memcmp(buf, b->data, b->len))
			fail_msg("built-in %s differs from %s: rebuild", b->id, path);
		free(buf);

		q = ys_questionnaire_load_file(path, NULL, &d);
		assert_non_null(q);
		assert_int_equal(d.count, 0);
		mem = ys_questionnaire_load_mem(b->data, b->len, b->id, &d);
		assert_non_null(mem);
		assert_string_equal(q->sha256, mem->sha256);
		ys_questionnaire_free(mem);
		ys_questionnaire_free(q);
		ys_diags_free(&d);
	}
}

/* With no questionnaire folders, the catalog finds the built-in default. */
static void test_catalog_finds_default(void **state)
{
	char dir[] = "/tmp/ys-bundled-XXXXXX";
	char installed[1024];
	struct stat st;
	ys_diags d = {0};
	ys_questionnaire *q;

	(void)state;
	snprintf(installed, sizeof(installed), "%s/questionnaires/%s.yaml",
		 YS_DATADIR, YS_DEFAULT_QUESTIONNAIRE);
	if (stat(installed, &st) == 0)
		skip();         /* an installed copy would be found first */
	assert_non_null(mkdtemp(dir));
	assert_int_equal(setenv("YARDSTICK_PATH", "", 1), 0);
	assert_int_equal(setenv("XDG_DATA_HOME", dir, 1), 0);

	q = ys_catalog_load(YS_DEFAULT_QUESTIONNAIRE, &d);
	assert_non_null(q);
	assert_int_equal(d.count, 0);
	assert_string_equal(q->source, "builtin:" YS_DEFAULT_QUESTIONNAIRE);
	assert_string_equal(q->sha256, loaded[0]->sha256);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
	assert_int_equal(rmdir(dir), 0);
}

/* All three share the five documented levels and the 0.75 threshold.
 * Level 0 says that basics are missing: "Absent" read as "not assessed"
 * or "nothing at all" to a committee. */
static void test_levels_and_threshold(void **state)
{
	static const char *const names[] = {
		"Below basics", "Initial", "Repeatable", "Established", "Managed",
	};
	size_t i, l;

	(void)state;
	for (i = 0; i < N_EXPECTED; i++) {
		const ys_questionnaire *q = loaded[i];

		assert_int_equal(q->n_levels, COUNT(names));
		assert_string_not_equal(q->levels[0].name, "Absent");
		for (l = 0; l < q->n_levels; l++) {
			assert_string_equal(q->levels[l].name, names[l]);
			if (!q->levels[l].description ||
			    ys_str_blank(q->levels[l].description))
				fail_msg("%s: level %zu has no description", q->id, l);
		}
		assert_true(q->threshold == 0.75);
	}
}

static void count_levels(const ys_area *a, size_t *per_level, size_t n_levels)
{
	size_t i;

	memset(per_level, 0, n_levels * sizeof(*per_level));
	for (i = 0; i < a->n_questions; i++)
		per_level[a->questions[i].level]++;
}

static void test_default_areas(void **state)
{
	const ys_questionnaire *q = loaded[0];
	size_t per_level[YS_MAX_LEVELS];
	size_t i, l;

	(void)state;
	if (q->n_questions > MAX_DEFAULT_QUESTIONS)
		fail_msg("the default has %zu questions, more than one sitting "
			 "can take (%d)", q->n_questions, MAX_DEFAULT_QUESTIONS);
	assert_int_equal(q->n_areas, N_DEFAULT_AREAS);
	for (i = 0; i < q->n_areas; i++) {
		const ys_area *a = &q->areas[i];

		assert_string_equal(a->id, default_areas[i]);
		if (a->n_questions < 8)
			fail_msg("area %s has %zu questions, want at least 8",
				 a->id, a->n_questions);
		count_levels(a, per_level, q->n_levels);
		for (l = 1; l < q->n_levels; l++)
			if (per_level[l] < 2)
				fail_msg("area %s has %zu questions at level %zu, want at least 2",
					 a->id, per_level[l], l);
	}
}

static void test_other_areas(void **state)
{
	size_t per_level[YS_MAX_LEVELS];
	size_t i, k, l;

	(void)state;
	for (k = 1; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		if (q->n_areas < 4)
			fail_msg("%s has %zu areas, want at least 4", q->id, q->n_areas);
		for (i = 0; i < q->n_areas; i++) {
			const ys_area *a = &q->areas[i];

			if (a->n_questions < 6)
				fail_msg("%s: area %s has %zu questions, want at least 6",
					 q->id, a->id, a->n_questions);
			count_levels(a, per_level, q->n_levels);
			for (l = 1; l < q->n_levels; l++)
				if (per_level[l] < 1)
					fail_msg("%s: area %s has no question at level %zu",
						 q->id, a->id, l);
		}
	}
}

/* Not one scale for everything: at least MIN_SCALES distinct scales, and
 * no named set covers more than MAX_SET_SHARE of the questions. */
static void test_answer_variety(void **state)
{
	size_t k, s, i;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];
		size_t scales = 0, inline_lists = 0;

		for (i = 0; i < q->n_questions; i++)
			if (!q->questions[i].answer_set)
				inline_lists++;
		for (s = 0; s < q->n_answer_sets; s++) {
			const char *name = q->answer_sets[s].name;
			size_t used = 0;

			for (i = 0; i < q->n_questions; i++)
				if (q->questions[i].answer_set &&
				    !strcmp(q->questions[i].answer_set, name))
					used++;
			if (used)
				scales++;
			if ((double)used > MAX_SET_SHARE * (double)q->n_questions)
				fail_msg("%s: answer set %s covers %zu of %zu questions",
					 q->id, name, used, q->n_questions);
		}
		if (scales + inline_lists < MIN_SCALES)
			fail_msg("%s uses only %zu answer scales", q->id,
				 scales + inline_lists);
	}
}

/* Every scale runs from 0 to 1, has distinct labels, and has options both
 * below and at or above the threshold, so that "met" means something. */
static void test_answer_scales(void **state)
{
	size_t k, i, o, p;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];
			bool below = false, meets = false;

			assert_true(qn->n_options >= 2);
			if (qn->options[0].value != 0.0 ||
			    qn->options[qn->n_options - 1].value != 1.0)
				fail_msg("%s: options of %s do not run from 0 to 1",
					 q->id, qn->id);
			for (o = 0; o < qn->n_options; o++) {
				assert_true(qn->options[o].label[0] != '\0');
				if (qn->options[o].value >= q->threshold)
					meets = true;
				else
					below = true;
				for (p = 0; p < o; p++)
					if (!strcasecmp(qn->options[o].label,
							qn->options[p].label))
						fail_msg("%s: %s has two options labelled '%s'",
							 q->id, qn->id, qn->options[o].label);
			}
			if (!below || !meets)
				fail_msg("%s: %s has no option on one side of the threshold",
					 q->id, qn->id);
		}
	}
}

static void test_recommendations(void **state)
{
	size_t k, i;
	unsigned l;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		for (i = 0; i < q->n_areas; i++) {
			const ys_area *a = &q->areas[i];

			for (l = 0; l + 1 < q->n_levels; l++) {
				const char *r = ys_area_recommendation(a, l);

				if (!r || strlen(r) < 40)
					fail_msg("%s: area %s has no recommendation for level %u",
						 q->id, a->id, l);
			}
		}
	}
}

/* Two targets, "minimum" and "good-practice", and no other: "baseline"
 * read as the CAF or GovAssure Baseline profile, which it is not. Every
 * area has a minimum of at least level 1, and good practice is never
 * below it. */
static void test_targets(void **state)
{
	size_t k, i;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];
		const ys_target *min = ys_questionnaire_find_target(q, "minimum");
		const ys_target *good = ys_questionnaire_find_target(q, "good-practice");

		if (!min || !good) {
			fail_msg("%s lacks the minimum or good-practice target", q->id);
			return;
		}
		assert_int_equal(q->n_targets, 2);
		for (i = 0; i < q->n_areas; i++) {
			if (min->levels[i] < 1 || min->levels[i] >= q->n_levels)
				fail_msg("%s: minimum for %s is %u", q->id,
					 q->areas[i].id, min->levels[i]);
			if (good->levels[i] < min->levels[i])
				fail_msg("%s: good-practice target for %s is below "
					 "the minimum", q->id, q->areas[i].id);
		}
	}
}

/* Every question says what to do to meet it: the advice shown when it
 * holds a level back. known_by, where given, names someone. */
static void test_advice(void **state)
{
	size_t k, i;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];
		size_t known = 0;

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];

			if (!qn->advice || ys_str_blank(qn->advice))
				fail_msg("%s: %s has no advice", q->id, qn->id);
			if (qn->advice && strlen(qn->advice) < 40)
				fail_msg("%s: advice of %s is too short to act on",
					 q->id, qn->id);
			if (qn->known_by) {
				if (ys_str_blank(qn->known_by))
					fail_msg("%s: known_by of %s is blank",
						 q->id, qn->id);
				known++;
			}
		}
		/* Some questions need people beyond the IT lead. */
		if (known * 5 < q->n_questions)
			fail_msg("%s: only %zu of %zu questions say who usually "
				 "knows", q->id, known, q->n_questions);
	}
}

static size_t red_flag_questions(const ys_area *a)
{
	size_t i, o, n = 0;

	for (i = 0; i < a->n_questions; i++)
		for (o = 0; o < a->questions[i].n_options; o++)
			if (a->questions[i].red_flag[o]) {
				n++;
				break;
			}
	return n;
}

static void assert_flags(const ys_questionnaire *q, const char *id, const char *key)
{
	const ys_question *qn = ys_questionnaire_find_question(q, id);
	long o;

	if (!qn) {
		fail_msg("%s: question %s is missing", q->id, id);
		return;
	}
	o = ys_question_option_index(qn, key);
	if (o < 0 || !qn->red_flag[o])
		fail_msg("%s: answer %s of %s is not a red flag", q->id, key, id);
}

/* Red flags where the content review found immediate risks, in the
 * default and the other two. */
static void test_named_red_flags(void **state)
{
	const ys_questionnaire *q = loaded[0];
	static const char *const flagged[] = {
		"cyber", "data", "infrastructure", "technology",
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(flagged); i++) {
		const ys_area *a = area_by_id(q, flagged[i]);

		if (!a) {
			fail_msg("area %s is missing", flagged[i]);
			return;
		}
		if (red_flag_questions(a) < 1)
			fail_msg("area %s has no red flag", a->id);
	}
	assert_flags(q, "cyber-mfa-remote", "none");
	assert_flags(q, "cyber-admin-mfa", "none");
	assert_flags(q, "cyber-unsupported-internet", "several");
	assert_flags(q, "cyber-unmanaged-devices", "full-access");
	assert_flags(q, "cyber-alert-monitoring", "not-monitored");
	assert_flags(q, "infra-restore-test", "never");
	assert_flags(q, "infra-backups", "none");
	assert_flags(q, "infra-offline-backup", "none");
	assert_flags(q, "infra-guest-wifi", "shared");
	assert_flags(q, "infra-guest-wifi", "some-sites");
	assert_flags(q, "data-dpo", "none");
	assert_flags(q, "data-dpo", "informal");       /* legally no DPO */
	assert_flags(loaded[1], "access-mfa", "none");
	assert_flags(loaded[1], "access-unmanaged-devices", "full-access");
	assert_flags(loaded[2], "risk-human-check", "sometimes");
}

/* A red flag is a failing answer of an important question: never an
 * option that meets the threshold, never the best option, only on
 * questions of weight 2 or 3, and consistent: every answer worth less
 * than a red-flag answer is a red flag too (an informal DPO is no better
 * than a vacant post). The cap is below the question's level, or equal
 * to it for a level-1 basic, so a red flag never claims a level its
 * question does not reach. */
static void test_red_flags_consistent(void **state)
{
	size_t k, i, o, p;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];
			bool any = false;

			for (o = 0; o < qn->n_options; o++) {
				if (!qn->red_flag[o])
					continue;
				any = true;
				if (qn->options[o].value >= q->threshold)
					fail_msg("%s: red flag %s on %s meets the threshold",
						 q->id, qn->options[o].key, qn->id);
				if (o + 1 == qn->n_options)
					fail_msg("%s: the best answer of %s is a red flag",
						 q->id, qn->id);
				for (p = 0; p < qn->n_options; p++)
					if (qn->options[p].value < qn->options[o].value &&
					    !qn->red_flag[p])
						fail_msg("%s: %s flags %s but not the "
							 "worse answer %s", q->id, qn->id,
							 qn->options[o].key,
							 qn->options[p].key);
			}
			if (any && qn->weight < 2)
				fail_msg("%s: red-flag question %s has weight %u",
					 q->id, qn->id, qn->weight);
			if (any && qn->red_flag_cap > qn->level)
				fail_msg("%s: %s caps at level %u, above its own "
					 "level %u", q->id, qn->id, qn->red_flag_cap,
					 qn->level);
		}
	}
}

/* Red flags that can hold an area down: in each questionnaire at least
 * MIN_BITING_RED_FLAGS red-flagged questions sit two or more levels above
 * their cap, so a flagged answer takes away a level the other answers
 * would otherwise give. */
static void test_red_flags_bite(void **state)
{
	size_t k, i, o;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];
		size_t biting = 0;

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];
			bool any = false;

			for (o = 0; o < qn->n_options; o++)
				any = any || qn->red_flag[o];
			if (any && qn->level >= qn->red_flag_cap + 2)
				biting++;
		}
		if (biting < MIN_BITING_RED_FLAGS)
			fail_msg("%s: %zu red-flag questions sit two levels above "
				 "their cap, want at least %d", q->id, biting,
				 MIN_BITING_RED_FLAGS);
	}
}

/* The estate-wide controls the review names are measured on the estate
 * scale, on which only "all or nearly all" meets the threshold: a quarter
 * of endpoints unprotected or of critical systems unbacked can never
 * count as the practice in place. */
static void test_estate_coverage(void **state)
{
	static const struct {
		size_t k;
		const char *id;
	} estate[] = {
		{0, "cyber-av-endpoints"}, {0, "cyber-edr"},
		{0, "tech-supported-os"}, {0, "tech-supported-server-os"},
		{0, "infra-backups"}, {0, "infra-offline-backup"},
		{0, "cyber-admin-mfa"},
		{1, "sec-endpoint-protection"}, {1, "dev-supported-os"},
		{1, "access-admin-mfa"}, {1, "dev-encryption"},
	};
	size_t i, k, o;

	(void)state;
	for (i = 0; i < COUNT(estate); i++) {
		const ys_question *qn =
			ys_questionnaire_find_question(loaded[estate[i].k], estate[i].id);

		if (!qn) {
			fail_msg("%s: question %s is missing", loaded[estate[i].k]->id,
				 estate[i].id);
			return;
		}
		if (!qn->answer_set || strcmp(qn->answer_set, ESTATE_SET) != 0)
			fail_msg("%s: %s is not measured on the %s scale",
				 loaded[estate[i].k]->id, qn->id, ESTATE_SET);
	}
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];

			if (!qn->answer_set || strcmp(qn->answer_set, ESTATE_SET) != 0)
				continue;
			for (o = 0; o + 1 < qn->n_options; o++)
				if (qn->options[o].value >= q->threshold)
					fail_msg("%s: %s answer %s meets the threshold "
						 "without covering the estate", q->id,
						 qn->id, qn->options[o].key);
			if (qn->options[qn->n_options - 1].value < q->threshold)
				fail_msg("%s: no answer of %s meets the threshold",
					 q->id, qn->id);
		}
	}
}

/* Help says what evidence looks like; N/A help says when to choose it. */
static void test_help(void **state)
{
	size_t k, i;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];

			if (!qn->help || strlen(qn->help) < 80)
				fail_msg("%s: %s has no help text", q->id, qn->id);
			if (!contains_nocase(qn->help, "evidence"))
				fail_msg("%s: help of %s does not name the evidence",
					 q->id, qn->id);
			if (qn->allow_na && !strstr(qn->help, "N/A"))
				fail_msg("%s: help of %s does not say when N/A applies",
					 q->id, qn->id);
		}
	}
}

static const char *const default_na[] = {
	"infra-guest-wifi", "tech-phone-digital", "tech-eol-plans", "own-caldicott",
};

static void test_na_minority(void **state)
{
	size_t k, i;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];
		size_t na = 0;

		for (i = 0; i < q->n_questions; i++)
			if (q->questions[i].allow_na)
				na++;
		if (na * 5 > q->n_questions)
			fail_msg("%s: %zu of %zu questions allow N/A", q->id, na,
				 q->n_questions);
	}
	/* The default allows N/A only where the thing asked about may not
	 * exist: guest WiFi, analogue lines, systems past end of life, and
	 * health or adult social care records (a Caldicott Guardian). */
	for (i = 0; i < loaded[0]->n_questions; i++)
		if (loaded[0]->questions[i].allow_na &&
		    !in_list(loaded[0]->questions[i].id, default_na, COUNT(default_na)))
			fail_msg("%s allows N/A", loaded[0]->questions[i].id);
	for (i = 0; i < COUNT(default_na); i++) {
		const ys_question *qn =
			ys_questionnaire_find_question(loaded[0], default_na[i]);

		if (!qn || !qn->allow_na)
			fail_msg("%s should allow N/A", default_na[i]);
	}
}

static void test_refs(void **state)
{
	size_t k, i, r;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];

			for (r = 0; r < qn->n_refs; r++) {
				const ys_ref *ref = &qn->refs[r];

				if (!in_list(ref->key, ref_keys, COUNT(ref_keys)))
					fail_msg("%s: %s has unknown ref key %s",
						 q->id, qn->id, ref->key);
				if (!strcmp(ref->key, "caf") &&
				    !in_list(ref->value, caf_outcomes, COUNT(caf_outcomes)))
					fail_msg("%s: %s cites CAF outcome '%s'",
						 q->id, qn->id, ref->value);
				if (!strcmp(ref->key, "cyber-essentials") &&
				    !in_list(ref->value, ce_controls, COUNT(ce_controls)))
					fail_msg("%s: %s cites Cyber Essentials control '%s'",
						 q->id, qn->id, ref->value);
				if (ref->value[0] == '\0')
					fail_msg("%s: %s has an empty ref", q->id, qn->id);
			}
		}
	}
}

static void test_lengths(void **state)
{
	size_t k, i, o;

	(void)state;
	for (k = 0; k < N_EXPECTED; k++) {
		const ys_questionnaire *q = loaded[k];

		for (i = 0; i < q->n_questions; i++) {
			const ys_question *qn = &q->questions[i];

			if (strlen(qn->text) > MAX_TEXT_BYTES)
				fail_msg("%s: text of %s is %zu bytes", q->id, qn->id,
					 strlen(qn->text));
			if (strchr(qn->text, '\n'))
				fail_msg("%s: text of %s has a line break", q->id, qn->id);
			for (o = 0; o < qn->n_options; o++)
				if (columns(qn->options[o].label) > MAX_LABEL_COLUMNS)
					fail_msg("%s: label '%s' of %s is too wide",
						 q->id, qn->options[o].label, qn->id);
		}
	}
}

/* The width helper itself, so the label check cannot pass vacuously. */
static void test_columns(void **state)
{
	(void)state;
	assert_int_equal(columns(""), 0);
	assert_int_equal(columns("All or nearly all (95% or more)"), 31);
	assert_int_equal(columns("\xe6\x97\xa5\xe6\x9c\xac"), 4);      /* two CJK */
	assert_int_equal(columns("e\xcc\x81"), 1);                     /* e + combining acute */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_builtins_listed),
		cmocka_unit_test(test_archived_versions),
		cmocka_unit_test(test_builtins_match_files),
		cmocka_unit_test(test_catalog_finds_default),
		cmocka_unit_test(test_levels_and_threshold),
		cmocka_unit_test(test_default_areas),
		cmocka_unit_test(test_other_areas),
		cmocka_unit_test(test_answer_variety),
		cmocka_unit_test(test_answer_scales),
		cmocka_unit_test(test_recommendations),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_advice),
		cmocka_unit_test(test_named_red_flags),
		cmocka_unit_test(test_red_flags_consistent),
		cmocka_unit_test(test_red_flags_bite),
		cmocka_unit_test(test_estate_coverage),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_na_minority),
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_lengths),
	};

	return cmocka_run_group_tests(tests, load_all, free_all);
}

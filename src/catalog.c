/* Finding questionnaires by path or id; see catalog.h. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ys_config.h"
#include "yardstick/alloc.h"
#include "yardstick/catalog.h"
#include "yardstick/path.h"
#include "yardstick/sha256.h"
#include "yardstick/strbuf.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"
#include "yardstick/yread.h"

/* The folders searched for an id, in order; the caller frees each string
 * and the array with ys_free. Built-ins are searched after these. */
static char **search_dirs(size_t *n)
{
	const char *path = getenv("YARDSTICK_PATH");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char **dirs = NULL;
	size_t count = 0, cap = 0;
	char buf[4096];

#define ADD(s)                                                          \
	do {                                                            \
		if (!YS_GROW(dirs, cap, count + 1) ||                   \
		    !(dirs[count] = ys_strdup(s)))                      \
			goto oom;                                       \
		count++;                                                \
	} while (0)

	if (path && *path) {
		const char *p = path;

		while (*p) {
			const char *end = strchr(p, ':');
			size_t len = end ? (size_t)(end - p) : strlen(p);

			if (len > 0 && len < sizeof(buf)) {
				memcpy(buf, p, len);
				buf[len] = '\0';
				ADD(buf);
			}
			p += len;
			if (*p == ':')
				p++;
		}
	}
	if (xdg && *xdg) {
		snprintf(buf, sizeof(buf), "%s/yardstick/questionnaires", xdg);
		ADD(buf);
	} else if (home && *home) {
		snprintf(buf, sizeof(buf), "%s/.local/share/yardstick/questionnaires", home);
		ADD(buf);
	}
	ADD(YS_DATADIR "/questionnaires");
#undef ADD
	*n = count;
	return dirs;
oom:
	ys_strv_free(dirs, count);
	*n = 0;
	return NULL;
}

bool ys_catalog_is_path(const char *spec)
{
	size_t len = strlen(spec);

	return strchr(spec, '/') || (len > 5 && !strcmp(spec + len - 5, ".yaml")) ||
	       (len > 4 && !strcmp(spec + len - 4, ".yml"));
}

int ys_version_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			const char *ea = a, *eb = b;
			size_t la, lb;
			int c;

			while (*a == '0' && isdigit((unsigned char)a[1]))
				a++;
			while (*b == '0' && isdigit((unsigned char)b[1]))
				b++;
			for (ea = a; isdigit((unsigned char)*ea); ea++)
				;
			for (eb = b; isdigit((unsigned char)*eb); eb++)
				;
			la = (size_t)(ea - a);
			lb = (size_t)(eb - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			c = memcmp(a, b, la);
			if (c)
				return c < 0 ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

/* The newest built-in version of id, or NULL. */
static const ys_builtin *find_builtin(const char *id)
{
	const ys_builtin *b, *best = NULL;

	for (b = ys_builtins; b->id; b++)
		if (!strcmp(b->id, id) &&
		    (!best || ys_version_cmp(b->version, best->version) > 0))
			best = b;
	return best;
}

/* Built-ins are named builtin:ID, and an archived one builtin:ID@VERSION,
 * in messages and reports. */
static ys_questionnaire *load_builtin(const ys_builtin *b, ys_diags *d)
{
	char name[160];

	if (b->archived)
		snprintf(name, sizeof(name), "builtin:%s@%s", b->id, b->version);
	else
		snprintf(name, sizeof(name), "builtin:%s", b->id);
	return ys_questionnaire_load_mem(b->data, b->len, name, d);
}

static void mem_sha256(const char *data, size_t len, char out[65])
{
	ys_sha256 c;
	unsigned char digest[32];

	ys_sha256_init(&c);
	ys_sha256_update(&c, data, len);
	ys_sha256_final(&c, digest);
	ys_sha256_hex(digest, out);
}

/* The sha256 of a file's bytes; false when it cannot be read. */
static bool file_sha256(const char *path, char out[65])
{
	FILE *f = fopen(path, "rb");
	ys_sha256 c;
	unsigned char buf[16384], digest[32];
	size_t n;
	bool ok;

	if (!f)
		return false;
	ys_sha256_init(&c);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		ys_sha256_update(&c, buf, n);
	ok = !ferror(f);
	fclose(f);
	if (ok) {
		ys_sha256_final(&c, digest);
		ys_sha256_hex(digest, out);
	}
	return ok;
}

static ys_questionnaire *load_path(const char *path, bool fingerprint,
				   ys_diags *d)
{
	return fingerprint ? ys_questionnaire_load_file(path, NULL, d)
			   : ys_questionnaire_load_file_nofp(path, NULL, d);
}

ys_questionnaire *ys_catalog_load(const char *spec, ys_diags *d)
{
	return ys_catalog_load_fp(spec, true, d);
}

ys_questionnaire *ys_catalog_load_fp(const char *spec, bool fingerprint,
				     ys_diags *d)
{
	const ys_builtin *b;
	char **dirs;
	size_t n, i;

	if (ys_catalog_is_path(spec))
		return load_path(spec, fingerprint, d);
	if (!ys_valid_id(spec, strlen(spec))) {
		ys_diag_add(d, YS_EX_NOINPUT, NULL, (ys_pos){0, 0},
			    "'%s' is neither a questionnaire file nor a questionnaire id", spec);
		return NULL;
	}
	dirs = search_dirs(&n);
	for (i = 0; i < n; i++) {
		char path[4096];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s.yaml", dirs[i], spec);
		if (stat(path, &st) == 0) {
			ys_strv_free(dirs, n);
			return load_path(path, fingerprint, d);
		}
	}
	b = find_builtin(spec);
	if (b) {
		ys_strv_free(dirs, n);
		return load_builtin(b, d);
	}
	{
		char searched[2048];
		size_t used = 0;

		searched[0] = '\0';
		for (i = 0; i < n && used < sizeof(searched); i++)
			used += (size_t)snprintf(searched + used, sizeof(searched) - used,
						 "%s, ", dirs[i]);
		ys_diag_add(d, YS_EX_NOINPUT, NULL, (ys_pos){0, 0},
			    "no questionnaire with id '%s' (searched %sand the built-in "
			    "ones; 'yardstick list' shows what there is)", spec, searched);
	}
	ys_strv_free(dirs, n);
	return NULL;
}

/* Calls fn for every questionnaire file in every folder, then every
 * built-in; fn returns false to stop. */
typedef bool (*visit_fn)(void *ctx, const char *path, const ys_builtin *b);

static bool visit_all(visit_fn fn, void *ctx)
{
	const ys_builtin *b;
	char **dirs;
	size_t n, i;

	dirs = search_dirs(&n);
	if (!dirs && n == 0)
		return false;
	for (i = 0; i < n; i++) {
		struct dirent **names = NULL;
		int count = scandir(dirs[i], &names, NULL, alphasort), k;
		bool go = true;

		for (k = 0; k < count; k++) {
			const char *e = names[k]->d_name;
			size_t len = strlen(e);
			char path[4096];

			if (go && e[0] != '.' && len > 5 && !strcmp(e + len - 5, ".yaml")) {
				snprintf(path, sizeof(path), "%s/%s", dirs[i], e);
				go = fn(ctx, path, NULL);
			}
			free(names[k]);
		}
		free(names);
		if (!go) {
			ys_strv_free(dirs, n);
			return true;
		}
	}
	ys_strv_free(dirs, n);
	for (b = ys_builtins; b->id; b++)
		if (!fn(ctx, NULL, b))
			break;
	return true;
}

struct find_ctx {
	const char *id;
	const char *sha256;
	ys_questionnaire *found;
};

/* Parses only a file whose bytes have the sha256 sought: the others
 * cannot be the version an answers file recorded. */
static bool find_visit(void *ctx, const char *path, const ys_builtin *b)
{
	struct find_ctx *c = ctx;
	ys_diags d = {0};
	ys_questionnaire *q;
	char sha[65];

	if (path) {
		if (!file_sha256(path, sha))
			return true;
	} else {
		if (strcmp(b->id, c->id) != 0)
			return true;
		mem_sha256(b->data, b->len, sha);
	}
	if (strcmp(sha, c->sha256) != 0)
		return true;
	q = path ? ys_questionnaire_load_file(path, NULL, &d)
		 : load_builtin(b, &d);
	ys_diags_free(&d);
	if (q && !strcmp(q->id, c->id) && !strcmp(q->sha256, c->sha256)) {
		c->found = q;
		return false;
	}
	ys_questionnaire_free(q);
	return true;
}

ys_questionnaire *ys_catalog_find_sha256(const char *id, const char *sha256)
{
	struct find_ctx c = {id, sha256, NULL};

	if (!id || !sha256 || !*sha256)
		return NULL;
	visit_all(find_visit, &c);
	return c.found;
}

ys_questionnaire *ys_catalog_load_recorded(const char *id, const char *sha256,
					   ys_diags *d)
{
	ys_questionnaire *q = NULL;

	if (sha256 && *sha256 && ys_valid_id(id, strlen(id)))
		q = ys_catalog_find_sha256(id, sha256);
	return q ? q : ys_catalog_load(id, d);
}

struct list_ctx {
	ys_catalog_entry *items;
	size_t count;
	size_t cap;
	bool oom;
};

/* Notes an archived built-in version on the entry of its id; the
 * built-ins come last and the archived ones after the current ones, so
 * the entry exists by then. */
static bool note_archived(struct list_ctx *c, const ys_builtin *b)
{
	size_t i;

	for (i = 0; i < c->count; i++) {
		ys_catalog_entry *e = &c->items[i];
		ys_sb sb = {0};

		if (strcmp(e->id, b->id) != 0)
			continue;
		if (e->archived) {
			ys_sb_puts(&sb, e->archived);
			ys_sb_puts(&sb, ", ");
		}
		ys_sb_puts(&sb, b->version);
		ys_free(e->archived);
		e->archived = ys_sb_take(&sb);
		return e->archived != NULL;
	}
	return true;
}

static bool list_visit(void *ctx, const char *path, const ys_builtin *b)
{
	struct list_ctx *c = ctx;
	ys_diags d = {0};
	ys_questionnaire *q;
	ys_catalog_entry *e;
	char id[256];
	size_t i;

	if (!path && b->archived) {
		if (note_archived(c, b))
			return true;
		c->oom = true;
		return false;
	}
	q = path ? ys_questionnaire_load_file(path, NULL, &d) : load_builtin(b, &d);
	ys_diags_free(&d);
	if (q) {
		snprintf(id, sizeof(id), "%s", q->id);
	} else {
		const char *base = path ? strrchr(path, '/') : NULL;
		size_t len;

		snprintf(id, sizeof(id), "%s", !path ? b->id : base ? base + 1 : path);
		len = strlen(id);
		if (len > 5 && !strcmp(id + len - 5, ".yaml"))
			id[len - 5] = '\0';
	}
	for (i = 0; i < c->count; i++)
		if (!strcmp(c->items[i].id, id)) {
			ys_questionnaire_free(q);
			return true;    /* the first source wins */
		}
	if (!YS_GROW(c->items, c->cap, c->count + 1)) {
		c->oom = true;
		ys_questionnaire_free(q);
		return false;
	}
	e = &c->items[c->count];
	memset(e, 0, sizeof(*e));
	e->id = ys_strdup(id);
	e->source = ys_strdup(path ? path : "built-in");
	e->valid = q != NULL;
	if (q) {
		e->title = ys_strdup(q->title);
		e->version = ys_strdup(q->version);
		e->n_questions = q->n_questions;
	}
	ys_questionnaire_free(q);
	c->count++;
	if (!e->id || !e->source || (e->valid && (!e->title || !e->version))) {
		c->oom = true;
		return false;
	}
	return true;
}

bool ys_catalog_list(ys_catalog_entry **out, size_t *n)
{
	struct list_ctx c = {0};

	if (!visit_all(list_visit, &c))
		c.oom = true;
	if (c.oom) {
		ys_catalog_list_free(c.items, c.count);
		*out = NULL;
		*n = 0;
		return false;
	}
	*out = c.items;
	*n = c.count;
	return true;
}

void ys_catalog_list_free(ys_catalog_entry *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ys_free(e[i].id);
		ys_free(e[i].title);
		ys_free(e[i].version);
		ys_free(e[i].source);
		ys_free(e[i].archived);
	}
	ys_free(e);
}

/* ---- The questionnaire of an answers file ---- */

bool ys_catalog_check_spec(const ys_answers *a, const char *answers_path,
			   const ys_questionnaire *q, const char *qspec,
			   ys_diags *d)
{
	if (a->q_id && !strcmp(a->q_id, q->id))
		return true;
	ys_diag_add(d, YS_EX_DATAERR, answers_path, (ys_pos){0, 0},
		    "holds answers to questionnaire '%s', but -q %s is questionnaire "
		    "'%s'; leave out -q to use the questionnaire the file names, or "
		    "give one with id '%s'", a->q_id ? a->q_id : "?", qspec, q->id,
		    a->q_id ? a->q_id : "?");
	return false;
}

/* What became of the file an answers file records. */
enum recorded {
	REC_NONE,       /* none recorded */
	REC_MISSING,    /* it does not exist */
	REC_INVALID,    /* it did not load */
	REC_OTHER_ID,   /* it is another questionnaire */
};

ys_questionnaire *ys_catalog_for_answers(const ys_answers *a,
					 const char *answers_path,
					 const char *qspec, bool exact,
					 ys_diags *d, const char **from_file)
{
	enum recorded rec = REC_NONE;
	ys_questionnaire *q = NULL;
	char *file = NULL, *other_id = NULL;
	struct stat st;

	if (from_file)
		*from_file = NULL;
	if (qspec) {
		q = ys_catalog_load(qspec, d);
		if (q && !ys_catalog_check_spec(a, answers_path, q, qspec, d)) {
			ys_questionnaire_free(q);
			return NULL;
		}
		if (q && from_file && ys_catalog_is_path(qspec))
			*from_file = q->source;
		return q;
	}
	if (a->q_file) {
		file = ys_path_in_answers(a->q_file, answers_path);
		if (!file) {
			ys_diag_add(d, YS_EX_SOFTWARE, NULL, (ys_pos){0, 0}, "out of memory");
			return NULL;
		}
		rec = REC_MISSING;
		if (stat(file, &st) == 0) {
			ys_diags dq = {0};

			q = ys_questionnaire_load_file(file, NULL, &dq);
			ys_diags_free(&dq);
			rec = q ? REC_NONE : REC_INVALID;
			if (q && (!a->q_id || strcmp(q->id, a->q_id))) {
				other_id = ys_strdup(q->id);
				ys_questionnaire_free(q);
				q = NULL;
				rec = REC_OTHER_ID;
			}
		}
		if (q) {
			if (from_file)
				*from_file = q->source;
			ys_free(file);
			return q;
		}
	}
	if (!a->q_id) {
		ys_diag_add(d, YS_EX_DATAERR, answers_path, (ys_pos){0, 0},
			    "does not name its questionnaire");
	} else {
		/* The version the file was answered with, when it can be
		 * found (archived built-ins included), else the newest. */
		q = ys_catalog_load_recorded(a->q_id, exact ? a->q_sha256 : NULL,
					     d);
	}
	if (!q && rec == REC_MISSING)
		ys_diag_add(d, YS_EX_NOINPUT, answers_path, (ys_pos){0, 0},
			    "the questionnaire file it records, %s, is not there "
			    "(looked for %s); give the questionnaire with -q",
			    a->q_file, file);
	else if (!q && rec == REC_OTHER_ID)
		ys_diag_add(d, YS_EX_NOINPUT, answers_path, (ys_pos){0, 0},
			    "the questionnaire file it records, %s, is questionnaire "
			    "'%s' now, not '%s'; give the questionnaire with -q",
			    a->q_file, other_id ? other_id : "?", a->q_id);
	else if (!q && rec == REC_INVALID) {
		ys_diag_add(d, YS_EX_NOINPUT, answers_path, (ys_pos){0, 0},
			    "the questionnaire file it records, %s, does not load:",
			    a->q_file);
		ys_questionnaire_free(ys_questionnaire_load_file(file, NULL, d));
	}
	ys_free(other_id);
	ys_free(file);
	return q;
}

/* Finding questionnaires: by path, or by id through the lookup order of
 * DESIGN section 2:
 *   1. each folder in $YARDSTICK_PATH (colon-separated),
 *   2. $XDG_DATA_HOME/yardstick/questionnaires (default
 *      ~/.local/share/yardstick/questionnaires),
 *   3. the installed data folder (YS_DATADIR/questionnaires),
 *   4. the questionnaires built into the binary.
 * In a folder, id X is the file X.yaml. */
#ifndef YARDSTICK_CATALOG_H
#define YARDSTICK_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"

#define YS_DEFAULT_QUESTIONNAIRE "public-sector-digital-maturity"

/* A questionnaire compiled into the binary. */
typedef struct ys_builtin {
	const char *id;
	const char *version;    /* as the file's version: line says */
	const char *data;
	size_t len;
	bool archived;          /* an earlier released version (questionnaires/
				 * archive/ID-VERSION.yaml), kept read-only so
				 * answers files made with it score against it */
} ys_builtin;

/* The built-in questionnaires, NULL-id terminated (generated at build
 * time from questionnaires/ and questionnaires/archive/): the current
 * version of each bundled id, then the archived ones. Every entry is
 * const data; nothing at run time writes, installs or replaces one. */
extern const ys_builtin ys_builtins[];

/* Orders two version strings: the runs of digits compare as numbers,
 * everything else byte by byte, so "2026.10" > "2026.9" > "2026.1".
 * Negative, zero or positive as for strcmp. */
int ys_version_cmp(const char *a, const char *b);

/* Loads the questionnaire named by spec: a path when it contains '/' or
 * ends in .yaml/.yml, otherwise an id looked up in order; among the
 * built-ins the newest version of the id is the one found. Diagnostics as
 * ys_questionnaire_load_file; an unknown id is exit 66 with the folders
 * searched in the message. */
ys_questionnaire *ys_catalog_load(const char *spec, ys_diags *d);
/* The same; with fingerprint false a file's SHA-256 is not computed. */
ys_questionnaire *ys_catalog_load_fp(const char *spec, bool fingerprint,
				     ys_diags *d);

/* True when spec names a file rather than an id: it contains '/' or ends
 * in .yaml or .yml. */
bool ys_catalog_is_path(const char *spec);

/* Finds the questionnaire of answers a, read from answers_path, as DESIGN
 * section 2 says:
 *   1. qspec (-q) when not NULL; refused (exit 65, with a message saying
 *      what to do) when its id is not the one a records;
 *   2. else the file a records (questionnaire.file, seen from
 *      answers_path's folder) when it exists and has a's id;
 *   3. else a's id through the lookup order; with exact, first the
 *      version whose sha256 a records, wherever it is.
 * Problems go to d with their exit code; when the id lookup fails after a
 * recorded file was tried, a further error says what was wrong with that
 * file. *from_file (when from_file is not NULL) gets the questionnaire's
 * path (q->source) when it was given as a path with -q or found as the
 * recorded file, else NULL: what an answers file should record. */
ys_questionnaire *ys_catalog_for_answers(const ys_answers *a,
					 const char *answers_path,
					 const char *qspec, bool exact,
					 ys_diags *d, const char **from_file);

/* The check of step 1 above for a questionnaire q loaded from qspec:
 * true when q has the id a records; else adds the refusal to d (exit 65,
 * naming answers_path) and returns false. */
bool ys_catalog_check_spec(const ys_answers *a, const char *answers_path,
			   const ys_questionnaire *q, const char *qspec,
			   ys_diags *d);

/* Finds a questionnaire with this id and sha256 (any version) among all
 * the sources, the archived built-ins included: the first in lookup
 * order. Only files whose bytes have that sha256 are parsed. NULL when
 * not found. The caller frees the result. */
ys_questionnaire *ys_catalog_find_sha256(const char *id, const char *sha256);

/* The questionnaire of an answers file that records id and sha256 (DESIGN
 * section 2): where several versions of the id are found, the one whose
 * sha256 the file records (ys_catalog_find_sha256), else what
 * ys_catalog_load(id) finds, which for the built-ins is the newest.
 * sha256 may be NULL or empty (then the latter). Diagnostics and result
 * as ys_catalog_load. */
ys_questionnaire *ys_catalog_load_recorded(const char *id, const char *sha256,
					   ys_diags *d);

/* One entry per questionnaire found; the first source wins for an id. */
typedef struct ys_catalog_entry {
	char *id;
	char *title;
	char *version;
	size_t n_questions;
	char *source;           /* path, or "built-in" */
	char *archived;         /* the archived built-in versions of the id,
				 * ", "-separated; NULL when none */
	bool valid;             /* false when it failed to load */
} ys_catalog_entry;

/* Lists every questionnaire of every source (invalid files included, with
 * valid = false), each id once: the one the lookup finds for it, with the
 * archived built-in versions noted in the entry rather than listed. The
 * caller frees with ys_catalog_list_free. */
bool ys_catalog_list(ys_catalog_entry **out, size_t *n);
void ys_catalog_list_free(ys_catalog_entry *e, size_t n);

#endif

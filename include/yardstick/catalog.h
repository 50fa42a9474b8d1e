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

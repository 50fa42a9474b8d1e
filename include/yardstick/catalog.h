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
	const char *data;
	size_t len;
} ys_builtin;

/* The built-in questionnaires, NULL-id terminated (generated at build
 * time from questionnaires/). */
extern const ys_builtin ys_builtins[];

/* Loads the questionnaire named by spec: a path when it contains '/' or
 * ends in .yaml/.yml, otherwise an id looked up in order. Diagnostics as
 * ys_questionnaire_load_file; an unknown id is exit 66 with the folders
 * searched in the message. */
ys_questionnaire *ys_catalog_load(const char *spec, ys_diags *d);
/* The same; with fingerprint false a file's SHA-256 is not computed. */
ys_questionnaire *ys_catalog_load_fp(const char *spec, bool fingerprint,
				     ys_diags *d);

/* Finds a questionnaire with this id and sha256 (any version) among all
 * the sources; used to show what changed since an answers file was
 * started. NULL when not found. */
ys_questionnaire *ys_catalog_find_sha256(const char *id, const char *sha256);

/* One entry per questionnaire found; the first source wins for an id. */
typedef struct ys_catalog_entry {
	char *id;
	char *title;
	char *version;
	size_t n_questions;
	char *source;           /* path, or "built-in" */
	bool valid;             /* false when it failed to load */
} ys_catalog_entry;

/* Lists every questionnaire of every source (invalid files included, with
 * valid = false). The caller frees with ys_catalog_list_free. */
bool ys_catalog_list(ys_catalog_entry **out, size_t *n);
void ys_catalog_list_free(ys_catalog_entry *e, size_t n);

#endif

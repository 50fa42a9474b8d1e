/* The questionnaire model and its loader.
 *
 * A loaded questionnaire is immutable and lives in one arena: free it with
 * ys_questionnaire_free(). Every string is valid UTF-8 without control
 * characters other than newline and tab (the loader enforces it), but may
 * still hold bidi controls and other text that must be sanitised before it
 * reaches a terminal or an export. */
#ifndef YARDSTICK_QUESTIONNAIRE_H
#define YARDSTICK_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yardstick/arena.h"
#include "yardstick/common.h"
#include "yardstick/diag.h"
#include "yardstick/strset.h"

#define YS_FORMAT_VERSION 1
#define YS_MIN_LEVELS 2
#define YS_MAX_LEVELS 10
#define YS_MAX_QUESTIONS 100000
#define YS_DEFAULT_THRESHOLD 0.75

typedef struct ys_option {
	const char *key;
	const char *label;
	double value;           /* 0..1, strictly increasing within a set */
} ys_option;

typedef struct ys_answer_set {
	const char *name;
	const ys_option *options;
	size_t n_options;
	ys_pos pos;
} ys_answer_set;

typedef struct ys_ref {
	const char *key;
	const char *value;
} ys_ref;

typedef struct ys_question {
	const char *id;
	unsigned level;         /* 1..n_levels-1 */
	unsigned weight;        /* 1, 2 or 3 */
	const char *text;
	const char *help;       /* NULL when absent */
	const char *answer_set; /* name of the set used, NULL for an inline list */
	const ys_option *options;       /* the answer options, in order */
	size_t n_options;
	const bool *red_flag;   /* n_options flags: true when that answer is a red flag */
	unsigned red_flag_cap;  /* the level a red flag caps the area at, 0..N-2; default 1 */
	const char *advice;     /* what to do to meet this practice; NULL when absent */
	const char *known_by;   /* who usually knows the answer; NULL when absent */
	bool allow_na;
	const ys_ref *refs;
	size_t n_refs;
	size_t area;            /* index of its area */
	size_t index;           /* index in ys_questionnaire.questions */
	ys_pos pos;             /* position of the question's mapping */
} ys_question;

typedef struct ys_recommendation {
	unsigned level;         /* 0..n_levels-1 */
	const char *text;
} ys_recommendation;

typedef struct ys_area {
	const char *id;
	const char *title;
	const char *description;        /* NULL when absent */
	double weight;                  /* > 0, default 1 */
	const ys_question *questions;   /* points into ys_questionnaire.questions */
	size_t n_questions;
	size_t first_question;          /* index of its first question */
	const ys_recommendation *recommendations;
	size_t n_recommendations;
	ys_pos pos;
} ys_area;

typedef struct ys_level {
	const char *name;
	const char *description;        /* NULL when absent */
} ys_level;

typedef struct ys_target {
	const char *name;
	const unsigned *levels; /* n_areas target levels (0 = no target for that area) */
} ys_target;

typedef struct ys_questionnaire {
	ys_arena arena;
	const char *source;     /* path or "builtin:ID"; for messages */
	char sha256[65];        /* of the file's bytes, 64 hex digits */
	size_t size;            /* bytes */
	const char *id;
	const char *title;
	const char *version;
	const char *description;        /* NULL when absent */
	double threshold;
	const ys_level *levels;
	size_t n_levels;
	const ys_answer_set *answer_sets;
	size_t n_answer_sets;
	const ys_target *targets;
	size_t n_targets;
	const ys_area *areas;
	size_t n_areas;
	const ys_question *questions;   /* all questions, in questionnaire order */
	size_t n_questions;
	/* Private: the question array and its index by id, outside the arena
	 * so they can grow while loading without copies. */
	ys_question *priv_questions;
	ys_index priv_index;
} ys_questionnaire;

/* Loads and validates the questionnaire at path. Returns NULL after adding
 * every problem found to d (schema problems are all reported up to
 * YS_DIAG_MAX; a YAML syntax error stops at that error); d->exit_code says
 * which exit code applies. The result is freed with ys_questionnaire_free().
 * display_name names the file in messages (NULL: path). */
ys_questionnaire *ys_questionnaire_load_file(const char *path,
					     const char *display_name,
					     ys_diags *d);
/* The same without computing the file's SHA-256 (sha256 is then ""): for
 * commands such as validate that never need the fingerprint. */
ys_questionnaire *ys_questionnaire_load_file_nofp(const char *path,
						  const char *display_name,
						  ys_diags *d);
/* Loads from memory; buf need not outlive the result. */
ys_questionnaire *ys_questionnaire_load_mem(const char *buf, size_t len,
					    const char *display_name,
					    ys_diags *d);
void ys_questionnaire_free(ys_questionnaire *q);

/* Adds to d a warning (never an error) for each thing the format allows
 * but a useful questionnaire should not leave out: a question without
 * advice, and an area without a recommendation for some level 0..N-2.
 * Warnings past YS_WARN_MAX are only counted. Returns the number found,
 * counted or not. */
size_t ys_questionnaire_lint(const ys_questionnaire *q, ys_diags *d);

/* Lookups; NULL or -1 when absent. */
const ys_question *ys_questionnaire_find_question(const ys_questionnaire *q,
						  const char *id);
long ys_questionnaire_area_index(const ys_questionnaire *q, const char *id);
const ys_target *ys_questionnaire_find_target(const ys_questionnaire *q,
					      const char *name);
/* Index of the option with this key in the question, or -1. */
long ys_question_option_index(const ys_question *qn, const char *key);
/* The recommendation of area a for level, or NULL. */
const char *ys_area_recommendation(const ys_area *a, unsigned level);

#endif

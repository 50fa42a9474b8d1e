/* Scoring (DESIGN section 5). The same rules serve the screen, every
 * export, merge and benchmark. All arithmetic is in double precision;
 * rounding happens only for display, in yardstick/round.h. */
#ifndef YARDSTICK_SCORE_H
#define YARDSTICK_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"
#include "yardstick/questionnaire.h"
#include "yardstick/round.h"

typedef enum ys_area_state {
	YS_AREA_ASSESSED = 0,
	YS_AREA_NOT_ASSESSED,   /* no answered, applicable question */
	YS_AREA_NOT_APPLICABLE, /* every question is N/A */
} ys_area_state;

/* A list of question indexes. */
typedef struct ys_qlist {
	size_t *items;
	size_t count;
} ys_qlist;

typedef struct ys_area_score {
	ys_area_state state;
	double score;           /* 0..100 exact; meaningful when assessed */
	int level;              /* 0..n_levels-1 when assessed, else -1 */
	int level_uncapped;     /* level before the red-flag cap (-1 when not assessed) */
	int progress_to_next;   /* whole percent, rounded down; -1 at the top level or not assessed */
	unsigned target;        /* target level for this area, 0 when none */
	bool target_met;        /* level >= target (false when not assessed) */
	bool has_owner;
	size_t answered;        /* questions with any answer (option, dont-know, n/a) */
	size_t total;
	ys_qlist blockers;      /* questions at level+1 that do not meet the threshold */
	ys_qlist red_flags;     /* questions answered with a red-flag answer */
	ys_qlist dont_know;
	ys_qlist not_applicable;
	ys_qlist unanswered;
	ys_qlist contested;     /* workshop: responses marked contested */
} ys_area_score;

typedef struct ys_score {
	ys_area_score *areas;   /* n_areas entries, questionnaire order */
	size_t n_areas;
	size_t answered;
	size_t total;
	size_t unsettled;       /* workshop: answered but not yet settled in the room */
	bool provisional;       /* some question unanswered, or (workshop) unsettled */
	bool has_index;         /* some area assessed */
	double index;           /* area-weighted mean of assessed area scores */
	long weakest_area;      /* area index, -1 when none assessed */
	const char *target_name;        /* NULL when no target profile */
	bool has_target;
	double percent_to_target;       /* meaningful when has_target and some target > 0 */
	bool has_percent_to_target;
	double ownership_clarity;       /* 0..100: share of areas with a named owner */
} ys_score;

/* Scores answers a (bound to q) against q. target names a profile of q
 * (NULL: a->target, and none when that is NULL too). Returns false when
 * out of memory or when the target is unknown (*out is then empty and
 * safe to free). Free with ys_score_free(). */
bool ys_score_compute(const ys_questionnaire *q, const ys_answers *a,
		      const char *target, ys_score *out);
void ys_score_free(ys_score *s);

/* The value v of a choice for question qn: option value, 0 for don't
 * know. Only meaningful for YS_ANS_OPTION and YS_ANS_DONT_KNOW. */
double ys_choice_value(const ys_question *qn, ys_choice c);
/* True when the choice meets q's threshold for a level. */
bool ys_choice_meets(const ys_questionnaire *q, const ys_question *qn,
		     ys_choice c);

/* "Beginning", "Developing", "Established" or "Advanced" for a 0..100
 * score (bands on the rounded score: 0-24, 25-49, 50-74, 75-100). */
const char *ys_band(double score);

#endif

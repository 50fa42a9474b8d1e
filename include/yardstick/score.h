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

/* One area's result (DESIGN section 5, revision 2). Maturity is the
 * headline figure, on the level scale; the practice score is secondary. */
typedef struct ys_area_score {
	ys_area_state state;
	double maturity;        /* G + f, or min(G + f, cap): 0..n_levels-1 exact */
	int level;              /* whole part of maturity = min(G, cap); -1 when not assessed */
	int gated;              /* G: every applicable question at 1..G meets the threshold */
	double progress;        /* f = m/n at level G+1, 0 <= f < 1; 0 at the top level */
	int progress_to_next;   /* 100 * f rounded down; 0 when capped; -1 at the top level or not assessed */
	int cap;                /* lowest red_flag_cap among red-flagged answers; -1 when none */
	bool capped;            /* cap < G + f: a red flag holds the area where it is */
	double practice;        /* practice score 0..100 exact; meaningful when assessed */
	unsigned target;        /* target level for this area, 0 when none */
	bool target_met;        /* level >= target (false when not assessed) */
	bool has_owner;
	size_t answered;        /* questions with any answer (option, dont-know, n/a) */
	size_t total;
	ys_qlist blockers;      /* what stands between level and level+1: red-flagged
	                         * questions whose cap is at most level, then the
	                         * questions at level+1 that do not meet the threshold */
	size_t n_cap_blockers;  /* how many of blockers are red flags */
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
	size_t unsettled;       /* workshop: answered questions not yet settled */
	bool provisional;       /* some question unanswered or not settled */
	bool assessed;          /* some area assessed: maturity and practice exist */
	double maturity;        /* area-weighted mean of assessed areas' maturity */
	double practice;        /* area-weighted mean of assessed areas' practice scores */
	long weakest_area;      /* lowest maturity, then practice, then order; -1 when none */
	const char *target_name;        /* NULL when no target profile */
	bool has_target;
	double percent_to_target;       /* meaningful when has_percent_to_target */
	bool has_percent_to_target;     /* a target with some level above 0 */
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

/* Display forms of the figures, rounded by yardstick/round.h (DESIGN
 * section 5, "Display"). */
#define YS_FIGURE_BUF 32
/* Maturity with one decimal, rounded down: "1.9" for 1.97. */
const char *ys_maturity_str(double maturity, char buf[YS_FIGURE_BUF]);
/* Practice score as a whole number, halves away from zero. */
long ys_practice_shown(double practice);
/* A percentage (percent to target, ownership clarity), rounded down. */
long ys_percent_shown(double percent);

/* Bars on the maturity scale (the profile screen, the text scorecard):
 * per_level cells for each level above 0, so a target at level t is
 * marked after cell t * per_level. The number of filled cells for a
 * maturity is maturity * per_level rounded down, so a bar reaches its
 * target's mark exactly when maturity >= t, which is when the target
 * is met. */
size_t ys_maturity_cells(double maturity, size_t per_level);
/* Cells per level for a bar at most max_cells wide on q's scale (at
 * least 1). */
size_t ys_bar_per_level(const ys_questionnaire *q, size_t max_cells);

#endif

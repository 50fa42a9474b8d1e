/* Workshop consensus (DESIGN section 7): the spread of a question's votes
 * and the answer they propose. The same rules serve the workshop screen,
 * `yardstick merge` and the scorecard, so they always agree.
 *
 * A vote is a ys_choice: an option, don't know, N/A, or absent
 * (YS_ANS_NONE: the participant has not voted on this question). An
 * absent vote is not a vote: it counts nowhere, so "all votes" below means
 * the votes actually cast. An option vote whose index is outside the
 * question's options is treated as absent.
 *
 * The rules, first match wins:
 *   1. no vote cast: no answer (YS_ANS_NONE);
 *   2. every vote is N/A and the question allows N/A: N/A;
 *   3. more than half of the votes are don't know: don't know;
 *   4. some vote chose an option: the lower median of the option votes
 *      (option indexes sorted; with an even count, the lower of the two
 *      middle ones);
 *   5. otherwise (only don't know and N/A votes): don't know.
 * Don't-know and N/A votes are counted but take no part in the median or
 * the range. The range is the number of option steps between the lowest
 * and highest option voted (0 with fewer than two option votes); the
 * question is contested when the range is 2 or more.
 *
 * Nothing here allocates or prints. */
#ifndef YARDSTICK_CONSENSUS_H
#define YARDSTICK_CONSENSUS_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"
#include "yardstick/questionnaire.h"

/* Votes two or more option steps apart make a question contested. */
#define YS_CONTESTED_RANGE 2

typedef struct ys_spread {
	size_t n_votes;         /* votes cast: option + don't know + N/A */
	size_t n_option;        /* votes that chose an option */
	size_t n_dont_know;
	size_t n_na;
	int min_option;         /* lowest option index voted, -1 when none */
	int max_option;         /* highest, -1 when none */
	unsigned range;         /* max_option - min_option, 0 when none */
	bool contested;         /* range >= YS_CONTESTED_RANGE */
	ys_choice proposed;     /* the consensus the votes propose */
} ys_spread;

/* The spread of n votes on question qn. counts, when not NULL, has
 * qn->n_options entries and receives the number of votes per option. */
ys_spread ys_consensus_compute(const ys_question *qn, const ys_choice *votes,
			       size_t n, size_t *counts);

/* The same for a workshop response's votes (their bound choices). */
ys_spread ys_consensus_votes(const ys_question *qn, const ys_vote *votes,
			     size_t n, size_t *counts);

#endif

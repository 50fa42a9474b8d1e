/* Merging answers files that participants completed separately into one
 * workshop answers file (DESIGN section 7, `yardstick merge`).
 *
 * The merge streams: the caller reads, checks, binds and adds one file at
 * a time and frees it straight after, so memory holds the votes (one per
 * question and participant) and the text worth keeping, never the files.
 *
 *   m = ys_merge_new(q);
 *   for each file: a = ys_answers_read_file(...);
 *                  ys_merge_check(m, a, name, d);    identity, before binding
 *                  ys_answers_bind(a, q, name, d);
 *                  ys_merge_add(m, a, name, d);
 *                  ys_answers_free(a);
 *   out = ys_merge_finish(m, &summary);
 *
 * Who the participants are: an interview file is one participant, named
 * by the file's first assessor (a file naming no assessor is refused: the
 * name is what the facilitator sees on the screen and in the votes, and a
 * file name is rarely a person). A workshop file brings its participants
 * and their votes, so a late participant's file can be merged into an
 * earlier merge. The same name twice, in one file or in two, is refused.
 *
 * What the merged file holds:
 *  - mode workshop; participants in input order; assessors: every file's
 *    assessors, in order, each once;
 *  - per question, each participant's vote (an interview file's answer,
 *    or a workshop file's votes); the answer is the consensus the votes
 *    propose (consensus.h), none when nobody voted; contested as the
 *    consensus rules say; a workshop file's settled answers are not kept,
 *    the consensus is worked out again from all the votes;
 *  - notes: each interview file's note as a line "NAME: note", a workshop
 *    file's note as it is, in input order; the N/A reason, when the
 *    consensus is N/A: the reason when all give the same one, else
 *    "NAME: reason" lines ("Every participant answered N/A." when no
 *    file gave one); "at": the latest of the files' (now when none has
 *    one);
 *  - per area: the first owner named; the actions of every file in order,
 *    each distinct action (text, owner, due) once;
 *  - organisation and target: the first file's that has one; created: the
 *    earliest; updated: now (ys_now_rfc3339).
 * Parked flags are not carried over: parking is one sitting's to-do list.
 * A combined note or reason longer than one string may be (YS_MAX_STRING)
 * keeps the lines that fit and says how many were left out. */
#ifndef YARDSTICK_MERGE_H
#define YARDSTICK_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"

typedef struct ys_merge ys_merge;

typedef struct ys_merge_summary {
	size_t n_files;
	size_t n_participants;
	size_t n_questions;     /* of the questionnaire */
	size_t n_voted;         /* questions with at least one vote */
	size_t n_contested;
	size_t n_lines_cut;     /* note and reason lines left out for length */
} ys_merge_summary;

/* A new, empty merge for questionnaire q, which must outlive it. NULL
 * when out of memory. Free with ys_merge_free(). */
ys_merge *ys_merge_new(const ys_questionnaire *q);

/* Checks that the answers a, read from the file called name, are for the
 * same questionnaire as the files checked before (id, then version, then
 * sha256; the message names both files and the difference) and, for the
 * first file, that q is that questionnaire (same sha256). Returns false
 * with a diagnostic in d (exit 65; 70 when out of memory). Call it before
 * binding, so a file for another questionnaire is not reported question
 * by question. */
bool ys_merge_check(ys_merge *m, const ys_answers *a, const char *name,
		    ys_diags *d);

/* Adds the votes, notes and records of a, checked and bound to q. Nothing
 * of a is kept: the caller frees it. Returns false with diagnostics in d
 * (exit 65) when the file names no participant, repeats one already
 * added, or answers questions q does not have; the merge is then
 * unchanged and may carry on with other files. Out of memory: false, exit
 * 70, and the merge must not be finished. */
bool ys_merge_add(ys_merge *m, const ys_answers *a, const char *name,
		  ys_diags *d);

/* The merged workshop answers, bound to q, which the caller frees with
 * ys_answers_free(); summary (when not NULL) says what went in. NULL when
 * out of memory. The merge itself is left as it was. */
ys_answers *ys_merge_finish(const ys_merge *m, ys_merge_summary *summary);

void ys_merge_free(ys_merge *m);

#endif

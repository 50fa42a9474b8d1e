/* The answers file (DESIGN section 4): model, strict reader, canonical
 * writer, and binding to a questionnaire.
 *
 * Unlike the questionnaire, answers are edited while the program runs, so
 * every string here is allocated with ys_malloc()/ys_strdup() and owned by
 * the ys_answers that holds it; ys_answers_free() frees everything. Use the
 * setters below to change a field so ownership stays simple. */
#ifndef YARDSTICK_ANSWERS_H
#define YARDSTICK_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "yardstick/common.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"

#define YS_ANSWERS_FORMAT 1
#define YS_KEY_DONT_KNOW "dont-know"
#define YS_KEY_NA "n/a"

typedef enum ys_answer_kind {
	YS_ANS_NONE = 0,        /* unanswered */
	YS_ANS_OPTION,          /* one of the question's options */
	YS_ANS_DONT_KNOW,
	YS_ANS_NA,
} ys_answer_kind;

/* How the answers were gathered: written "interview" or "workshop". */
typedef enum ys_mode {
	YS_MODE_INTERVIEW = 0,
	YS_MODE_WORKSHOP,
} ys_mode;

/* "interview" or "workshop": the word the file uses for mode m. */
const char *ys_mode_name(ys_mode m);

/* A choice: what one answer or one vote says. */
typedef struct ys_choice {
	ys_answer_kind kind;
	int option;             /* option index when kind == YS_ANS_OPTION, else -1 */
} ys_choice;

typedef struct ys_vote {
	char *participant;      /* as listed in ys_answers.participants */
	char *answer;           /* raw key as written: option key, dont-know or n/a */
	ys_choice choice;       /* resolved by ys_answers_bind() */
	ys_pos pos;             /* of the participant's name */
	ys_pos answer_pos;      /* of the answer key */
} ys_vote;

/* An earlier round of votes on a question (workshop): what each
 * participant said before the room voted again. */
typedef struct ys_vote_round {
	ys_vote *votes;         /* in participants order once bound */
	size_t n_votes;         /* at least one */
	ys_pos pos;             /* of the round where read; {0,0} otherwise */
} ys_vote_round;

typedef struct ys_response {
	char *question_id;
	char *answer;           /* raw key: option key, "dont-know", "n/a"; NULL when unanswered */
	ys_choice choice;       /* resolved by ys_answers_bind() */
	char *note;             /* NULL when absent */
	char *na_reason;        /* required with n/a */
	char *at;               /* RFC 3339 UTC timestamp of the last change, NULL when absent */
	ys_vote *votes;         /* workshop only: the current round */
	size_t n_votes;
	ys_vote_round *rounds;  /* workshop only: earlier rounds, oldest first */
	size_t n_rounds;
	bool contested;         /* workshop only */
	bool settled;           /* workshop only: agreed in the room; see
				 * ys_answer_is_settled() for files that
				 * predate the key */
	bool parked;
	ys_pos pos;             /* where it was read; {0,0} when created in memory */
	ys_pos answer_pos;      /* of the answer value; {0,0} when none was read */
} ys_response;

typedef struct ys_action {
	char *text;
	char *owner;            /* NULL when absent */
	char *due;              /* YYYY-MM-DD, NULL when absent */
} ys_action;

typedef struct ys_area_record {
	char *area_id;
	char *owner;            /* NULL when absent */
	ys_action *actions;
	size_t n_actions;
	ys_pos pos;             /* of the area id where read; {0,0} otherwise */
} ys_area_record;

typedef struct ys_answers {
	char *q_id;
	char *q_version;
	char *q_sha256;         /* 64 hex digits */
	/* questionnaire.file: the questionnaire's file, relative to the
	 * answers file's folder (or absolute when written so by hand), NULL
	 * when it was not loaded from a file given by its path. Set it with
	 * ys_answers_set_questionnaire_file(). */
	char *q_file;
	ys_pos q_file_pos;      /* where it was read; {0,0} otherwise */
	char *organisation;     /* NULL when absent */
	char **assessors;
	size_t n_assessors;
	ys_mode mode;
	char *target;           /* target profile name, NULL when absent */
	ys_pos target_pos;      /* where the target was read; {0,0} otherwise */
	char *created;          /* RFC 3339 UTC */
	char *updated;
	char **participants;    /* workshop only */
	size_t n_participants;
	ys_area_record *areas;
	size_t n_areas;
	/* Responses. After ys_answers_bind() the first n_questions entries are
	 * the questionnaire's questions in order (empty ones have answer ==
	 * NULL and no note), followed by responses to question ids the
	 * questionnaire does not have (kept so nothing is lost). */
	ys_response *responses;
	size_t n_responses;
	size_t n_bound;         /* n_questions after binding, else 0 */
	/* Some answer has a settled key (read from the file, or set with
	 * ys_answers_set_settled). A workshop file without one was written
	 * before the key existed: its answered questions count as settled. */
	bool has_settled;
} ys_answers;

/* Creates empty answers for questionnaire q (identity copied, created and
 * updated set to now, mode "interview"), already bound. NULL when out of
 * memory. */
ys_answers *ys_answers_new(const ys_questionnaire *q);

/* Reads an answers file. Strict like the questionnaire loader: every
 * problem is a positioned diagnostic in d, exit code 65 (66 when the file
 * cannot be read, 70 when out of memory). Returns NULL on any error. The
 * result is not bound.
 *
 * Required: yardstick-answers (1), questionnaire {id, version, sha256 (64
 * lower-case hex digits)}, mode, created, updated; questionnaire.file is
 * optional (a path on one line). Unknown keys, duplicate keys, wrong
 * types, ids that are not valid ids, times that are not
 * YYYY-MM-DDTHH:MM:SSZ, due dates that are not real YYYY-MM-DD dates,
 * answer and vote keys that are not an id, dont-know or n/a, na_reason
 * with another answer, settled without an answer, rounds that are not a
 * list of non-empty mappings of participant to answer key, participants,
 * votes, rounds, contested or settled outside workshop mode, votes (in
 * any round) by someone not in participants, and blank or repeated
 * participant names are errors. Text where a string is expected may be
 * written plain or quoted; an unquoted empty value or null is an error.
 * A file that is a questionnaire (it has the questionnaire's format key
 * `yardstick` and no `yardstick-answers`) gets one diagnostic saying so
 * in place of the others. */
ys_answers *ys_answers_read_file(const char *path, ys_diags *d);
ys_answers *ys_answers_read_mem(const char *buf, size_t len,
				const char *display_name, ys_diags *d);

/* Resolves the answers against q: orders responses as described above,
 * resolves every answer and vote key (votes of earlier rounds too) to a
 * choice, and checks it (unknown
 * answer key, with a did-you-mean hint; n/a where the question does not
 * allow it; n/a without a reason; unknown area id in areas; unknown
 * target). Area records are put in questionnaire order and votes (of
 * every round) in participants order, so the written file is canonical. Problems go to d
 * (exit 65) with the positions they were read at, and the function
 * returns false; a is bound all the same (keys that did not resolve are
 * YS_ANS_NONE), so a caller may show the problems and carry on. Out of
 * memory: exit 70, a unchanged. Binding again (to the same or another
 * questionnaire) is allowed. The questionnaire identity (id, version,
 * sha256) is NOT checked here: see ys_answers_changed. */
bool ys_answers_bind(ys_answers *a, const ys_questionnaire *q,
		     const char *display_name, ys_diags *d);

/* What changed between the questionnaire the answers were started with
 * and q. Returns true when the id, version or sha256 recorded in a differ
 * from q's. old is the questionnaire the file was started with when it can
 * be found (same sha256), else NULL. With old: removed lists ids of old
 * not in q, added ids of q not in old. Without old: removed lists answered
 * ids unknown to q and added is empty. The caller frees each list and its
 * strings with ys_free(). */
bool ys_answers_changed(const ys_answers *a, const ys_questionnaire *q,
			const ys_questionnaire *old,
			char ***removed, size_t *n_removed,
			char ***added, size_t *n_added);

/* Writes a in canonical order (DESIGN section 4): fixed key order,
 * questions in questionnaire order, empty responses (no answer, note or
 * votes, not parked) and empty area records omitted, absent optional
 * fields omitted. Block style; the questionnaire identity, votes and
 * actions as flow mappings, assessors and participants as flow lists.
 * Text is quoted only when YAML needs it, and double-quoted when another
 * YAML reader would take it for a number, boolean, null or date; text
 * with line breaks is written as a literal block; Unicode is written as
 * UTF-8 and lines are never folded. Participants, votes, rounds,
 * contested and settled are written in workshop mode only, na_reason only
 * with answer n/a, settled only with an answer, so what is written always
 * reads back. settled is written only when a->has_settled (a file that
 * predates the key stays as it was): `settled: true` for a settled
 * answer, `settled: false` for an answer that is not (after a new round),
 * so every answer keeps its state when read back. Reading the output gives the same model
 * back, and output for the same answers is byte-identical. Returns 0, or
 * errno of a failed write. */
int ys_answers_write(const ys_answers *a, FILE *out);
/* The same into a new NUL-terminated buffer the caller frees with
 * ys_free(); *len (when len is not NULL) gets its length. NULL with errno
 * ENOMEM when out of memory, EINVAL when a string is not valid UTF-8. */
char *ys_answers_to_string(const ys_answers *a, size_t *len);

void ys_answers_free(ys_answers *a);

/* The record of the area with id area_id, NULL when there is none. Like
 * strchr, it takes const answers and returns a record the caller may
 * change when it owns the answers. */
ys_area_record *ys_answers_area(const ys_answers *a, const char *area_id);

/* Setters: the answers model makes every change to a file's content, so
 * callers change fields only through these. Each copies its string
 * arguments (NULL clears) and updates
 * response->at / a->updated with the current time. Return false when out
 * of memory or for an index or option out of range, leaving the old value
 * in place. i is a response index (a question index once bound).
 *
 * Copies are made fit to be written and read back: invalid UTF-8 and
 * control characters other than tab and newline become U+FFFD, CR LF and
 * CR become LF, and text is cut at YS_MAX_STRING bytes. A blank note or
 * reason clears it. set_choice to anything but n/a clears na_reason (set
 * the reason before or after choosing n/a). ys_answers_set_string does
 * the same cleaning for any other field and does not touch the times.
 * Participant names must be non-blank and unique (the reader refuses
 * others); that is the caller's to ensure. */
bool ys_answers_set_choice(ys_answers *a, const ys_questionnaire *q,
			   size_t i, ys_choice c);
bool ys_answers_set_note(ys_answers *a, size_t i, const char *note);
bool ys_answers_set_na_reason(ys_answers *a, size_t i, const char *reason);
bool ys_answers_set_parked(ys_answers *a, size_t i, bool parked);
bool ys_answers_set_string(char **field, const char *value);

/* Assessors, area owners and actions; same cleaning as above, and every
 * change is made here so the file always reads back.
 *
 * set_assessors replaces the assessor list with cleaned copies of names
 * (NULL counts as ""). Like ys_answers_set_string it does not touch the
 * times.
 *
 * area_record returns the record of q's area (an index into q->areas),
 * creating an empty one in questionnaire order when there is none; NULL
 * when out of memory or area is out of range. It does not touch the
 * times; an empty record is not written.
 *
 * set_owner sets the owner of the area (creating its record); a blank or
 * NULL owner clears it. add_action appends an action to the area (text
 * must not be NULL; a NULL owner and an empty or NULL due are left out;
 * due must otherwise be a real YYYY-MM-DD date), edit_action replaces all
 * three fields of the area's action k the same way, and remove_action
 * removes action k. These three update a->updated and return false, with
 * nothing changed, when out of memory or given something out of range or
 * not valid. */
bool ys_answers_set_assessors(ys_answers *a, const char *const *names,
			      size_t n);
ys_area_record *ys_answers_area_record(ys_answers *a, const ys_questionnaire *q,
				       size_t area);
bool ys_answers_set_owner(ys_answers *a, const ys_questionnaire *q,
			  size_t area, const char *owner);
bool ys_answers_add_action(ys_answers *a, const ys_questionnaire *q,
			   size_t area, const char *text, const char *owner,
			   const char *due);
bool ys_answers_edit_action(ys_answers *a, const ys_questionnaire *q,
			    size_t area, size_t k, const char *text,
			    const char *owner, const char *due);
bool ys_answers_remove_action(ys_answers *a, const ys_questionnaire *q,
			      size_t area, size_t k);
/* Frees an action's strings (not the action itself) and zeroes it. */
void ys_action_clear(ys_action *act);

/* Workshop setters (mode "workshop"); same conventions as above.
 *
 * set_participants replaces the participant list with copies of names
 * (cleaned like any text, then trimmed of spaces). It refuses (false,
 * nothing changed) a blank name or a name given twice, comparing ASCII
 * letters without regard to case, so the file always reads back; votes
 * by anyone no longer listed are removed, in earlier rounds too (a round
 * left without votes goes). It does not touch the times.
 *
 * set_vote records participant p's (an index into a->participants) vote
 * on response i: an option, don't know or N/A (N/A only where question
 * i allows it); YS_ANS_NONE removes the vote. Votes stay in participants
 * order. Updates response->at and a->updated.
 *
 * set_contested sets response i's contested flag and the times. */
bool ys_answers_set_participants(ys_answers *a, const char *const *names,
				 size_t n);
bool ys_answers_set_vote(ys_answers *a, const ys_questionnaire *q, size_t i,
			 size_t p, ys_choice c);
bool ys_answers_set_contested(ys_answers *a, size_t i, bool contested);
/* The index in response i's votes of participant p's vote, or -1. */
long ys_answers_find_vote(const ys_answers *a, size_t i, size_t p);

/* set_settled marks response i as agreed in the room (true) or not. A
 * question needs an answer to be settled: true without one is refused.
 * The first call on answers without any settled key (a file written
 * before the key existed) first marks every answered question settled,
 * as ys_answer_is_settled() counted them, so nothing changes state
 * behind the user's back. Updates response->at and a->updated.
 *
 * start_round holds a new round of votes on response i: its current
 * votes (if any) become its latest earlier round (rounds, oldest first),
 * the current round starts empty, and the question is neither contested
 * nor settled until it is agreed again; its answer stays. Updates the
 * times. Both return false, nothing changed, when out of memory or i is
 * out of range. */
bool ys_answers_set_settled(ys_answers *a, size_t i, bool settled);
bool ys_answers_start_round(ys_answers *a, size_t i);

/* Marks every answer of a as not yet settled, so that the room must
 * settle each one in a workshop before the scorecard is final: merge's
 * answers are proposals (DESIGN section 7). */
void ys_answers_unsettle_all(ys_answers *a);

/* Whether response i counts as settled: in a workshop file with settled
 * keys, its settled flag; in a workshop file without any (written before
 * the key existed), and in an interview, whether it has an answer. False
 * for i out of range. */
bool ys_answer_is_settled(const ys_answers *a, size_t i);

/* Records where the questionnaire was loaded from (questionnaire.file),
 * relative to the answers file's folder; NULL clears it. Refuses (false,
 * nothing changed) an empty path, or one with invalid UTF-8 or control
 * characters, which the file could not hold as it is: the recorded path
 * must name the file exactly. Does not touch the times. See path.h for
 * making the relative path. */
bool ys_answers_set_questionnaire_file(ys_answers *a, const char *file);

/* The current time as RFC 3339 UTC ("2026-11-21T10:00:00Z") into buf. Goes
 * through a seam so tests can fix the clock (YARDSTICK_NOW environment
 * variable, an RFC 3339 time, is honoured when set). */
void ys_now_rfc3339(char buf[32]);

#endif

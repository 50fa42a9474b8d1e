/* What the parts of the session share (see session.h for the machine):
 *
 *   session.c           ys_session_apply, the per-screen actions, new/free
 *   session_state.c     status line, saving, getters, navigation, answers
 *   session_workshop.c  clock, timer, votes, undo, reveal and accept
 *   session_prompt.c    prompts and their line editor, submitting each
 *                       prompt, save-as, export naming
 *
 * Nothing here is for other modules. */
#ifndef YARDSTICK_SESSION_PRIV_H
#define YARDSTICK_SESSION_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/common.h"
#include "yardstick/session.h"

/* session_state.c */
/* Sets the status line from a format. */
void sess_status(ys_session *s, bool error, const char *fmt, ...) YS_PRINTF(3, 4);
/* The answer kind of question i. */
ys_answer_kind sess_kind(const ys_session *s, size_t i);
/* True when question i is done: answered in an interview, settled in a
 * workshop. */
bool sess_done(const ys_session *s, size_t i);
/* The local time as HH:MM:SS ("now" when it cannot be read). */
void sess_local_time(char out[16]);
/* Records that the answers changed and saves them. */
void sess_changed(ys_session *s);
/* Sets the answers' updated time to now. */
void sess_touch_updated(ys_session *s);
/* Says on the status line that a change was not made for lack of memory. */
void sess_oom(ys_session *s);
void sess_go_question(ys_session *s, size_t i);
void sess_recompute_score(ys_session *s);
void sess_open_review(ys_session *s);
void sess_open_profile(ys_session *s);
/* The first unanswered question, else the review or the profile. */
void sess_land(ys_session *s);
/* Moves on after the current question was answered. */
void sess_advance(ys_session *s, bool finished);
/* Answers the current question with c and moves on. */
bool sess_set_choice(ys_session *s, ys_choice c);
/* Answers the current question with option opt (0-based). */
bool sess_choose(ys_session *s, long opt);

/* session_workshop.c */
/* The session's clock, in seconds. */
long sess_now(const ys_session *s);
/* True once the start and changed screens are behind. */
bool sess_running(const ys_session *s);
/* Charges the time since the last mark to the current question's area. */
void sess_charge(ys_session *s);
/* Makes room for one undo entry per participant; false when out of memory. */
bool sess_undo_room(ys_session *s);
/* Sets up vote collection on question i as it is shown. */
void sess_enter_question(ys_session *s, size_t i);
/* The question screen's workshop keys; *done is false for the others. */
bool sess_workshop_action(ys_session *s, const ys_session_action *act, bool *done);
/* Sets up a workshop session; false when out of memory. */
bool sess_workshop_new(ys_session *s);
/* The status line of a resumed workshop. */
void sess_resumed_status(ys_session *s);

/* The marked voter moves on when participant p voted from a device. */
void sess_device_voted(ys_session *s, size_t p);

/* session_live.c */
void sess_live_free(ys_session *s);
/* The join screen's keys. */
bool sess_join_action(ys_session *s, const ys_session_action *act);
/* The live keys of other screens; *done is false for the others. */
bool sess_live_action(ys_session *s, const ys_session_action *act, bool *done);

/* session_prompt.c */
/* Opens prompt p with initial text (NULL for none). */
void sess_open_prompt(ys_session *s, ys_prompt p, const char *initial);
void sess_close_prompt(ys_session *s);
/* Forgets the action being added on the profile screen. */
void sess_drop_pending(ys_session *s);
/* Saves and quits, or asks when the save fails. */
bool sess_quit(ys_session *s);
/* An action while a prompt is open. */
bool sess_prompt_action(ys_session *s, const ys_session_action *act);

#endif

/* The interview as a state machine (DESIGN section 6), with no terminal;
 * with opts.workshop, the same machine runs a workshop (DESIGN section 7).
 *
 * The terminal front end turns each key into a ys_action and passes it to
 * ys_session_apply(); the session changes its state, saves the answers
 * through the store after every change, and the screens then draw only
 * from the state below. A resize is therefore just a redraw, and the whole
 * interview can be driven and checked in unit tests without a terminal.
 *
 * Nothing here prints. Text taken from the questionnaire or the answers is
 * stored as it is; the screens sanitise it when they draw it. */
#ifndef YARDSTICK_SESSION_H
#define YARDSTICK_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"
#include "yardstick/line.h"
#include "yardstick/questionnaire.h"
#include "yardstick/score.h"
#include "yardstick/store.h"

typedef enum ys_screen {
	YS_SCR_START = 0,       /* organisation, assessors, target, questionnaire */
	YS_SCR_CHANGED,         /* the questionnaire changed since the file was started */
	YS_SCR_QUESTION,
	YS_SCR_AREAS,           /* area menu */
	YS_SCR_REVIEW,          /* unanswered, parked, don't know, N/A */
	YS_SCR_PROFILE,         /* scores per area, owners and actions */
	YS_SCR_QHELP,           /* help for the current question */
	YS_SCR_KEYS,            /* key help (F1) */
	YS_SCR_JOIN,            /* live workshop: how to join, with a QR code */
} ys_screen;

/* A question to the user that takes over the input: a line of text, or a
 * yes/no confirmation. */
typedef enum ys_prompt {
	YS_PROMPT_NONE = 0,
	YS_PROMPT_ORG,          /* text: organisation */
	YS_PROMPT_ASSESSORS,    /* text: assessors, comma separated */
	YS_PROMPT_NA_REASON,    /* text: why the question does not apply */
	YS_PROMPT_NOTE,         /* text: note on the current question */
	YS_PROMPT_OWNER,        /* text: owner of the selected area */
	YS_PROMPT_ACTION_TEXT,  /* text: new action for the selected area */
	YS_PROMPT_ACTION_OWNER, /* text: its owner */
	YS_PROMPT_ACTION_DUE,   /* text: its due date, YYYY-MM-DD or DD/MM/YYYY */
	YS_PROMPT_SAVE_AS,      /* text: another answers file to save to */
	YS_PROMPT_EXPORT_FORMAT, /* choice among opts.export_names (Left/Right, Enter);
				  * text, checked by export_format, without them */
	YS_PROMPT_EXPORT_PATH,  /* text: file to export the scorecard to */
	YS_PROMPT_CONFIRM_QUIT, /* yes/no: quit (after Ctrl-C) */
	YS_PROMPT_QUIT_UNSAVED, /* yes/no: quit although the last save failed */
	YS_PROMPT_DELETE_ACTION, /* yes/no: delete the selected action */
	/* Workshop. */
	YS_PROMPT_PARTICIPANTS, /* text: participants, comma separated */
	YS_PROMPT_TIMEBOX,      /* text: minutes per area, empty for none */
	YS_PROMPT_DISSENT,      /* text: a dissent note, added to the note */
} ys_prompt;

typedef enum ys_action_type {
	YS_A_NONE = 0,
	/* Selection in the current list (options, areas, review, fields). */
	YS_A_UP,
	YS_A_DOWN,
	YS_A_FIRST,
	YS_A_LAST,
	YS_A_SELECT,            /* Enter: choose the selected option, open the item */
	YS_A_CHOOSE,            /* arg: option index (digit keys 1-9 give 0-8) */
	YS_A_JUMP,              /* arg: item index in the area menu or review list */
	/* Questions. */
	YS_A_PREV,              /* previous question (start screen: previous value) */
	YS_A_NEXT,              /* next question (start screen: next value) */
	YS_A_DONT_KNOW,
	YS_A_NA,                /* asks for a reason when the question allows N/A */
	YS_A_NOTE,
	YS_A_PARK,              /* park (and move on) or unpark */
	/* Screens. */
	YS_A_QHELP,
	YS_A_KEYS,
	YS_A_AREAS,
	YS_A_REVIEW,
	YS_A_PROFILE,
	YS_A_BACK,              /* Esc: back to the question screen */
	/* Profile. */
	YS_A_OWNER,
	YS_A_ADD_ACTION,
	YS_A_DELETE_ACTION,     /* asks, then deletes the selected action */
	YS_A_EXPORT,
	/* Saving and leaving. */
	YS_A_RETRY_SAVE,
	YS_A_SAVE_ELSEWHERE,
	YS_A_QUIT,              /* save and quit */
	YS_A_INTERRUPT,         /* Ctrl-C: ask whether to quit */
	YS_A_TERMINATE,         /* SIGTERM / SIGHUP: save and leave at once */
	YS_A_YES,
	YS_A_NO,
	/* Line editing while a text prompt is open. */
	YS_A_INPUT_INSERT,      /* text: UTF-8 to insert at the cursor */
	YS_A_INPUT_BACKSPACE,
	YS_A_INPUT_DELETE,
	YS_A_INPUT_LEFT,
	YS_A_INPUT_RIGHT,
	YS_A_INPUT_HOME,
	YS_A_INPUT_END,
	YS_A_INPUT_KILL,        /* clear the line */
	YS_A_SUBMIT,
	YS_A_CANCEL,
	/* Workshop: votes are YS_A_CHOOSE, YS_A_DONT_KNOW and YS_A_NA while
	 * they are being collected; after the reveal those keys choose the
	 * answer instead, and YS_A_SELECT accepts the proposed consensus. */
	YS_A_UNDO_VOTE,         /* Backspace: take back the last vote recorded */
	YS_A_REVEAL,            /* show the votes and the spread */
	YS_A_DISSENT,           /* add a dissent note */
	YS_A_NEW_ROUND,         /* after the reveal: vote again (the votes move to rounds) */
	/* Live workshop. */
	YS_A_JOIN_SCREEN,       /* show the join screen */
	YS_A_NEXT_ADDRESS,      /* join screen: show the next address of this computer */
	YS_A_RELEASE,           /* free the marked participant's name for another device */
} ys_action_type;

typedef struct ys_session_action {
	ys_action_type type;
	long arg;
	const char *text;       /* borrowed for the call */
} ys_session_action;

/* The most participants the start screen and the command line take (a
 * merged file may hold more), and the most assessors the command line
 * takes. */
#define YS_MAX_NAMES 64

/* The longest workshop time box, in minutes per area. */
#define YS_TIMEBOX_MAX 600

/* Parses a time box given as whole minutes: decimal digits only (no
 * sign, no space), 0 to YS_TIMEBOX_MAX. Returns false, *out unchanged,
 * for anything else. */
bool ys_timebox_parse(const char *text, unsigned *out);

/* Rows of the start screen. */
enum {
	YS_START_ORG = 0,
	YS_START_ASSESSORS,
	YS_START_TARGET,
	YS_START_QUESTIONNAIRE,
	YS_START_BEGIN,
	YS_START_ROWS,
	/* Workshop rows; the workshop's start screen shows, in order: ORG,
	 * PARTICIPANTS, TARGET, TIMEBOX, QUESTIONNAIRE, BEGIN (see
	 * ys_session_start_field). */
	YS_START_PARTICIPANTS = YS_START_ROWS,
	YS_START_TIMEBOX,
	/* First of all when opts.offer_path is set: resume that file. */
	YS_START_RESUME,
};

/* Flags of a review list item. */
enum {
	YS_REV_UNANSWERED = 1 << 0,
	YS_REV_PARKED = 1 << 1,
	YS_REV_DONT_KNOW = 1 << 2,
	YS_REV_NA = 1 << 3,
	YS_REV_CONTESTED = 1 << 4,      /* workshop: votes two or more steps apart */
	YS_REV_VOTING = 1 << 5,         /* workshop: votes recorded, no answer yet */
};

typedef struct ys_review_item {
	size_t question;
	unsigned flags;
} ys_review_item;

/* How the session ended. */
typedef enum ys_outcome {
	YS_OUT_RUNNING = 0,
	YS_OUT_QUIT,            /* the user quit; answers saved (unless they chose not to) */
	YS_OUT_TERMINATED,      /* a signal asked us to leave; a save was attempted */
	YS_OUT_RELOAD,          /* start again with questionnaire reload_id */
	YS_OUT_RESUME_OFFERED,  /* resume opts.offer_path instead of a new file */
} ys_outcome;

/* Writes the scorecard in format (a canonical name from ys_export_format_fn)
 * to out_path, with the same rules as `scorecard -o`: never replaces an
 * existing file, never follows a symbolic link there, leaves nothing
 * partial. Returns true on success; *msg (allocated with ys_malloc, freed
 * by the session) says what happened either way, and *exists is set when
 * the file was refused because it exists. */
/* Looks up a scorecard format by the name typed at the format prompt
 * ("" for the default): sets *name to its canonical name and *ext to its
 * file extension (strings that outlive the session) and returns true, or
 * returns false for a name it does not know. */
typedef bool (*ys_export_format_fn)(const char *typed, const char **name,
				    const char **ext);

typedef bool (*ys_export_fn)(void *ctx, const ys_questionnaire *q,
			     const ys_answers *a, const char *format,
			     const char *out_path, char **msg, bool *exists);

/* Starts saving to a new answers file ("save elsewhere"), with the rules
 * and results of ys_store_create (store.h): refuses a path that exists
 * (*exists), else opens *store at path and saves a to it. Returns 0 with
 * *store open (the session takes it over and saves there from then on),
 * or an exit code with a message in *err (allocated with ys_malloc, freed
 * by the session; may be NULL). */
typedef int (*ys_save_as_fn)(void *ctx, ys_store *store, const char *path,
			     const ys_answers *a, bool *exists, char **err);

typedef struct ys_session_opts {
	bool resume;            /* an existing file: no start screen */
	/* Questionnaires the start screen offers (ids and titles, borrowed,
	 * must outlive the session); may be NULL/0, then only the loaded one
	 * is shown. */
	const char *const *q_ids;
	const char *const *q_titles;
	size_t n_q;
	/* What changed since the file was started (borrowed; shown on the
	 * changed screen when has_changes). */
	bool has_changes;
	const char *const *removed;
	size_t n_removed;
	const char *const *added;
	size_t n_added;
	ys_export_fn export_fn;
	void *export_ctx;
	/* The scorecard formats export_fn knows: the names as a sentence for
	 * the format prompt ("text, markdown, csv, json or svg"; borrowed) and
	 * the check of a typed name. NULL: the name typed is used as it is,
	 * and as the file extension. */
	const char *export_formats;
	ys_export_format_fn export_format;
	/* The formats' canonical names, offered as a list at the export
	 * prompt (borrowed); none: the format is typed. */
	const char *const *export_names;
	size_t n_export_names;
	/* A new file's start screen offers to resume this earlier answers
	 * file instead (borrowed), described by offer_label ("1 of 78
	 * answered, last changed 10:41"); NULL for no offer. */
	const char *offer_path;
	const char *offer_label;
	/* Saving elsewhere; NULL for ys_store_create. */
	ys_save_as_fn save_as_fn;
	void *save_as_ctx;
	/* Workshop mode: the answers' mode is "workshop" and their
	 * participants vote on each question. */
	bool workshop;
	unsigned timebox;       /* minutes per area, 0 for none */
	/* The clock for the question timer and the time box: seconds from
	 * any fixed point, never going back. NULL for the default clock
	 * (monotonic; fixed when YARDSTICK_NOW is set, so screens do not
	 * change under tests). */
	long (*clock)(void *ctx);
	void *clock_ctx;
} ys_session_opts;

/* Form tokens a device's forms may carry at once: the last pages sent to
 * it (several tabs, or a page fetched by the script while a vote was
 * being sent). */
#define YS_LIVE_SEAT_FORMS 4

/* A live workshop's seats and join code (DESIGN section 7). They live in
 * memory only: nothing here is ever written to the answers file. */
typedef struct ys_live_seat {
	char *name;             /* the participant's name when the seat was set up */
	char token[33];         /* the device's token; "" while the name is free */
	/* The form tokens of the last pages sent to the device, one new per
	 * page (a vote must carry one of them); "" where none was issued. */
	char forms[YS_LIVE_SEAT_FORMS][33];
	unsigned next_form;
} ys_live_seat;

typedef struct ys_live_guard {
	char addr[64];          /* a client address */
	long minute;            /* the minute its wrong codes are counted in */
	unsigned wrong;
} ys_live_guard;

typedef struct ys_session_live {
	char code[16];          /* the join code */
	unsigned port;
	bool tls;
	char **addrs;           /* addresses to show, the default route's first */
	size_t n_addrs;
	size_t addr;            /* the one shown */
	ys_live_seat *seats;    /* one per participant */
	size_t n_seats;
	ys_live_guard *guards;  /* wrong join codes per address */
	size_t n_guards;
	size_t guards_cap;
	long (*minute)(void);   /* the clock for guards; NULL: monotonic minutes */
} ys_session_live;

typedef struct ys_session {
	const ys_questionnaire *q;      /* borrowed */
	ys_answers *a;                  /* owned */
	ys_store store;                 /* owned; path NULL when there is none */
	bool has_store;
	ys_session_opts opts;

	ys_screen screen;
	ys_screen help_return;          /* screen to go back to from the help screens */
	size_t question;                /* current question index */
	int option;                     /* selected option on the question screen;
					 * -1 before the user moves to one */
	bool from_review;               /* the question was opened from the review list */
	size_t item;                    /* profile: the selected blocker, then action,
					 * of the selected area */
	size_t row;                     /* selected row on list screens */
	size_t scroll;                  /* first line shown on the help screens */

	/* Start screen. */
	int target;                     /* target profile index, -1 for none */
	size_t q_choice;                /* index into opts.q_ids */
	bool started;                   /* the answers file has been written once */

	/* Prompt and its line editor. */
	ys_prompt prompt;
	ys_line line;                   /* the text typed; buf never NULL */
	/* The action being added on the profile screen. */
	char *pending_action;
	char *export_format;    /* chosen in the export format prompt */
	char export_label[96];  /* that prompt's label, with the formats */
	char *pending_owner;
	char *pending_due;              /* an edited action's due date, to offer */
	size_t editing;                 /* the action being edited, SIZE_MAX when adding */
	size_t export_choice;           /* index into opts.export_names */

	/* Review list, rebuilt when the review screen opens. */
	ys_review_item *review;
	size_t n_review;

	/* Scores for the profile screen, recomputed when it opens and after
	 * every change made on it. */
	ys_score score;
	bool has_score;

	/* Status line. */
	char status[256];
	bool status_error;
	char saved_at[16];              /* local time of the last good save, "" if none */
	bool save_failed;               /* the last save failed: answers only in memory */
	bool dirty;                     /* changes not yet on disk */
	char *save_error;               /* owned; message of the last failed save */

	ys_outcome outcome;
	const char *reload_id;          /* with YS_OUT_RELOAD: borrowed from opts.q_ids */

	/* Workshop. Votes are saved as they are recorded, but hidden until
	 * the facilitator reveals them; a question with an answer is shown
	 * revealed. */
	bool workshop;
	unsigned timebox;               /* minutes per area, 0 for none */
	size_t voter;                   /* participant whose vote comes next;
					 * n_participants when all have voted */
	size_t *undo;                   /* participants in the order their votes
					 * were recorded on this question */
	size_t n_undo;
	size_t undo_cap;
	bool entered;                   /* the current question's votes are set up */
	bool *revealed;                 /* per question */
	long shown_at;                  /* clock when the current question was shown */
	long mark;                      /* clock up to which time was charged */
	long *area_spent;               /* seconds spent per area in this sitting */

	/* Live workshop; NULL when participants do not vote from devices. */
	ys_session_live *live;
	ys_screen join_return;          /* screen to go back to from the join screen */
	/* Requests from devices are being handled as one batch: changes
	 * are saved once, by ys_session_live_end_batch(), before any of the
	 * batch's replies is sent. */
	bool live_batch;
	size_t batch_votes;             /* votes recorded in the batch */
} ys_session;

/* Creates a session for questionnaire q (borrowed, must outlive it) over
 * answers a (bound to q; the session takes ownership and frees it) and
 * store (an open store whose ownership passes to the session, or NULL for
 * no saving at all). opts is copied; the arrays it points to are borrowed.
 * A resumed session starts on the changed screen when opts->has_changes,
 * else on the first unanswered question; a new one on the start screen.
 * With opts->workshop the answers' mode is set to "workshop"; a resumed
 * workshop in which every question is answered opens on the review list
 * when some are contested (a file from merge), on the profile otherwise.
 * Returns NULL when out of memory (a and store are then still the
 * caller's). */
ys_session *ys_session_new(const ys_questionnaire *q, ys_answers *a,
			   ys_store *store, const ys_session_opts *opts);
/* Frees the session, its answers, and closes its store. NULL is fine. */
void ys_session_free(ys_session *s);

/* Applies one action. Returns true when the state changed (the screen
 * should be redrawn). */
bool ys_session_apply(ys_session *s, const ys_session_action *act);

/* Convenience for a type without argument. */
bool ys_session_do(ys_session *s, ys_action_type type);

/* Saves now. Returns true on success; on failure the answers stay in
 * memory, save_failed is set and the status line says why. */
bool ys_session_save(ys_session *s);

/* True when a text prompt (not a yes/no one) is open. */
bool ys_session_text_prompt(const ys_session *s);
/* The label shown before the open prompt's text ("Why does it not apply"). */
const char *ys_session_prompt_label(const ys_session *s);

/* Counts. */
size_t ys_session_answered(const ys_session *s);
void ys_session_area_progress(const ys_session *s, size_t area,
			      size_t *answered, size_t *total);
/* The index of the first unanswered question, or n_questions. */
size_t ys_session_first_unanswered(const ys_session *s);
/* The index of the first question neither answered nor parked, or
 * n_questions. */
size_t ys_session_first_open(const ys_session *s);

/* Profile: the selected area's items, its blockers (the score's, in
 * order) then its actions; the item selected is s->item. */
size_t ys_session_profile_items(const ys_session *s, size_t *n_blockers);

/* A new session after the start screen switched questionnaire: takes
 * over what was typed on old's start screen (organisation, assessors,
 * participants, time box, the row) and its target when the new
 * questionnaire has one of that name. Returns false when out of memory. */
bool ys_session_carry_start(ys_session *s, const ys_session *old);

/* Reads a due date typed as YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY)
 * into iso as YYYY-MM-DD. Returns NULL when it is a real date, else a
 * sentence saying what is wrong (static). */
const char *ys_due_date_parse(const char *text, char iso[11]);

/* The response of question i (always present after binding). */
const ys_response *ys_session_response(const ys_session *s, size_t i);

/* Sets the status line (the text is copied, cut at 255 bytes). */
void ys_session_set_status(ys_session *s, bool error, const char *msg);

/* Moves the store out of the session into *out (for starting a new
 * session on the same file). Returns false when the session has none. */
bool ys_session_take_store(ys_session *s, ys_store *out);

/* The path being saved to, or NULL. */
const char *ys_session_path(const ys_session *s);

/* Start screen rows: how many there are, and which field (YS_START_*)
 * row r shows. */
size_t ys_session_start_rows(const ys_session *s);
int ys_session_start_field(const ys_session *s, size_t row);

/* Workshop. */
/* True when the current question's votes are shown. */
bool ys_session_revealed(const ys_session *s);
/* The vote of participant p on question i, {YS_ANS_NONE, -1} when none. */
ys_choice ys_session_vote(const ys_session *s, size_t i, size_t p);
/* The number of votes recorded on question i. */
size_t ys_session_votes_cast(const ys_session *s, size_t i);
/* Seconds since the current question was shown. */
long ys_session_question_seconds(const ys_session *s);
/* Seconds left in area's time box (negative when over), counting the
 * time spent on its questions in this sitting; 0 without a time box. */
long ys_session_area_left(const ys_session *s, size_t area);
/* The number of contested questions. */
size_t ys_session_contested(const ys_session *s);

/* Live workshop (session_live.c). */
/* Makes s a live workshop with join code code, shown at addrs (taken
 * over: freed with the session) on port. False
 * when out of memory (addrs are freed all the same). */
bool ys_session_live_setup(ys_session *s, const char *code, unsigned port, bool tls,
			   char **addrs, size_t n_addrs);
/* The join address as shown ("http://192.168.1.20:8080/j/CODE"). */
void ys_session_join_url(const ys_session *s, char *buf, size_t n);
/* The same without the code, and the code alone. */
void ys_session_join_host(const ys_session *s, char *buf, size_t n);
/* True when participant p's name is taken by a device. */
bool ys_session_live_joined(const ys_session *s, size_t p);
/* The number of participants with a device. */
size_t ys_session_live_count(const ys_session *s);
/* The participant whose device holds token, or -1. */
long ys_session_live_who(ys_session *s, const char *token);
/* True while the current question takes votes from devices. */
bool ys_session_live_open(const ys_session *s);

/* Results of a device's request. */
typedef enum ys_live_result {
	YS_LIVE_OK = 0,
	YS_LIVE_WRONG_CODE,     /* 404: no such join address */
	YS_LIVE_LIMITED,        /* 429: too many wrong codes from this address */
	YS_LIVE_TAKEN,          /* 409: the name has a device already */
	YS_LIVE_NO_NAME,        /* 400: no such participant */
	YS_LIVE_NO_TOKEN,       /* 403: no device token, or an unknown one */
	YS_LIVE_BAD_FORM,       /* 403: the form is not this device's */
	YS_LIVE_CLOSED,         /* 409: that question is not open for voting */
	YS_LIVE_BAD_VOTE,       /* 400: no such option */
	YS_LIVE_NOT_SAVED,      /* 503: recorded in memory, the save failed */
	YS_LIVE_NO_MEMORY,      /* 503 */
} ys_live_result;

/* A new form token for a page sent to participant p's device (the oldest
 * of its YS_LIVE_SEAT_FORMS stops working); NULL without random bytes. */
const char *ys_session_live_new_form(ys_session *s, size_t p);

/* Checks a join code from addr: counts wrong ones per address and
 * refuses an address that has tried too many this minute. */
ys_live_result ys_session_live_check_code(ys_session *s, const char *addr, const char *code);
/* Claims participant p (index text) for a new device after the code was
 * checked; *token gets the device's token for the cookie. */
ys_live_result ys_session_live_join(ys_session *s, const char *p, char token[33]);
/* Starts a batch of requests: their changes are kept in memory until
 * ys_session_live_end_batch() saves them all at once (one atomic save
 * for many votes arriving together). Ends it: saves when anything
 * changed; returns false when that save failed (the batch's votes are
 * then only in memory and must not be reported as recorded). */
void ys_session_live_begin_batch(ys_session *s);
bool ys_session_live_end_batch(ys_session *s);
/* Records the vote v ("1".."N", "d", "x") of the device with token on
 * question qid, sent with form token form. Saved before it returns OK,
 * or, in a batch, by the end of the batch. */
ys_live_result ys_session_live_vote(ys_session *s, const char *token, const char *form,
				    const char *qid, const char *v);

#endif

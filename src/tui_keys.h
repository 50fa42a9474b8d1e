/* The interview's keys: one table of bindings that gives the key map, the
 * hint lines at the foot of every screen and the key help (F1). No
 * curses here: keys are plain ints (a character is its code point, other
 * keys sit above Unicode), so the table can be checked on its own. */
#ifndef YARDSTICK_TUI_KEYS_H
#define YARDSTICK_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/session.h"

#define YS_CTRL(c) ((c) & 0x1f)
#define TK_ESC 27

/* Keys that are not characters. Enter ('\r', '\n') and Backspace (DEL,
 * Ctrl-H) arrive as TK_ENTER and TK_BACKSPACE. */
enum {
	TK_KEY_BASE = 0x110000,
	TK_UP = TK_KEY_BASE,
	TK_DOWN,
	TK_LEFT,
	TK_RIGHT,
	TK_HOME,
	TK_END,
	TK_PGUP,
	TK_PGDN,
	TK_ENTER,
	TK_BACKSPACE,
	TK_DELETE,
	TK_F1,
	/* In the table only: any digit 1-9, with argument 0-8. */
	TK_DIGIT,
	/* In the table only: any character no other entry of the screen takes. */
	TK_OTHER,
};

/* Where a binding applies: the screens, and the prompts that take the
 * keys over while they are open. */
enum {
	TK_START = 1u << 0,
	TK_CHANGED = 1u << 1,
	TK_QUESTION = 1u << 2,
	TK_AREAS = 1u << 3,
	TK_REVIEW = 1u << 4,
	TK_PROFILE = 1u << 5,
	TK_KEYS = 1u << 6,
	TK_QHELP = 1u << 7,
	TK_QUIT = 1u << 8,      /* "Quit?" after Ctrl-C */
	TK_UNSAVED = 1u << 9,   /* "Quit anyway?" after a failed save */
	TK_INPUT = 1u << 10,    /* a text prompt */
	TK_REASON = 1u << 11,   /* the text prompt for an N/A reason */
	TK_CONFIRM_DELETE = 1u << 12, /* "Delete the selected action?" */
	TK_CHOICE = 1u << 13,   /* the export format, chosen from a list */
	TK_JOIN = 1u << 14,     /* the live workshop's join screen */
	TK_SCREENS = (1u << 8) - 1,     /* every screen, no prompt open */
};

/* Modes: the interview, and the workshop before and after the reveal. */
enum {
	TK_INTERVIEW = 1u << 0,
	TK_VOTING = 1u << 1,
	TK_REVEALED = 1u << 2,
	TK_WORKSHOP = TK_VOTING | TK_REVEALED,
	TK_ANY = TK_INTERVIEW | TK_WORKSHOP,
};

/* Conditions for showing a hint. */
enum {
	TK_IF_NA = 1u << 0,     /* the question allows N/A */
	TK_IF_SCORED = 1u << 1, /* the scores could be computed */
	TK_IF_LIVE = 1u << 2,   /* participants vote from their devices */
	TK_IF_ADDRS = 1u << 3,  /* live, with several addresses to show */
};

/* Sections of the key help, in the order shown. */
enum {
	TK_HELP_NONE = 0,
	TK_HELP_START,
	TK_HELP_QUESTION,
	TK_HELP_VOTING,
	TK_HELP_REVEALED,
	TK_HELP_ANY_QUESTION,
	TK_HELP_ANYWHERE,
	TK_HELP_PROFILE,
	TK_HELP_COUNT,
};

/* One binding. An entry with a hint line shows "name label" there, in
 * table order; an entry with a line but no name is shown with the named
 * entry before it ("1-9/Enter answer" is two entries). */
typedef struct tui_key {
	unsigned screens, modes;
	int key;
	ys_action_type action;
	int line;               /* 1 the upper hint line, 2 the lower, 0 none */
	const char *name;       /* the key as shown (UTF-8) */
	const char *ascii;      /* the name where UTF-8 cannot be shown, or NULL */
	const char *label;
	unsigned when;          /* TK_IF_*: shown only then */
	int help;               /* TK_HELP_* section, or TK_HELP_NONE */
	const char *help_keys;  /* the keys as the help lists them */
	const char *help_text;
} tui_key;

extern const tui_key tui_keys[];
extern const size_t tui_n_keys;

/* The screen bit and mode bit of the session's state. */
unsigned tui_key_screen(const ys_session *s);
unsigned tui_key_mode(const ys_session *s);

/* The action of key on screen in mode (single bits), or YS_A_NONE; *arg
 * gets a digit's argument. */
ys_action_type tui_key_action(unsigned screen, unsigned mode, int key, long *arg);

/* The hint line (1 or 2) of screen in mode as "name label" pairs
 * separated by two spaces, into buf; ascii picks the ASCII names. */
void tui_key_hint_line(unsigned screen, unsigned mode, int line, unsigned when,
		       bool ascii, char *buf, size_t n);

/* The heading of a help section. */
const char *tui_key_help_heading(int section);

#endif

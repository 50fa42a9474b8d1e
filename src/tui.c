/* The terminal: start and stop curses, signals, the colour table, drawing
 * helpers, and the main loop that turns keys into session actions. */
#include <curses.h>
#include <term.h>

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "tui.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

/* ---- Signals ----
 * The handlers only set flags that the input loop checks (getch times out
 * every 200 ms). They are installed before newterm() so that ncurses does
 * not install its own, which would exit without saving. The crash handler
 * restores the terminal as far as it safely can and re-raises the signal
 * through the previous handler. Process-wide state, documented here:
 * signals have no other way in. */
static volatile sig_atomic_t got_int;
static volatile sig_atomic_t got_term;  /* signal number of SIGTERM/SIGHUP */
static int end_signal;

static struct sigaction old_int, old_term, old_hup;
static struct sigaction old_segv, old_abrt, old_bus, old_fpe;
static struct termios saved_tios;
static int have_tios;
static char crash_reset[256];
static size_t crash_reset_len;

static SCREEN *screen;
static bool ascii_mode;
static bool mono;

static void on_int(int sig)
{
	(void)sig;
	got_int = 1;
}

static void on_term(int sig)
{
	got_term = sig;
}

static void on_crash(int sig)
{
	struct sigaction *old = sig == SIGSEGV ? &old_segv :
				sig == SIGABRT ? &old_abrt :
				sig == SIGBUS ? &old_bus : &old_fpe;
	ssize_t w;

	if (crash_reset_len)
		w = write(STDOUT_FILENO, crash_reset, crash_reset_len);
	if (have_tios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tios);
	w = write(STDERR_FILENO, "yardstick: crashed; the terminal was reset.\n", 44);
	(void)w;
	sigaction(sig, old, NULL);
	raise(sig);
}

static void install(int sig, void (*fn)(int), struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;        /* no SA_RESTART: a signal wakes getch */
	sigaction(sig, &sa, old);
}

static void install_signals(void)
{
	install(SIGINT, on_int, &old_int);
	install(SIGTERM, on_term, &old_term);
	install(SIGHUP, on_term, &old_hup);
	install(SIGSEGV, on_crash, &old_segv);
	install(SIGABRT, on_crash, &old_abrt);
	install(SIGBUS, on_crash, &old_bus);
	install(SIGFPE, on_crash, &old_fpe);
}

static void restore_signals(void)
{
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGABRT, &old_abrt, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	sigaction(SIGFPE, &old_fpe, NULL);
}

static void add_cap(const char *name)
{
	char *v = tigetstr(name);
	size_t n;

	if (!v || v == (char *)-1)
		return;
	n = strlen(v);
	if (crash_reset_len + n < sizeof(crash_reset)) {
		memcpy(crash_reset + crash_reset_len, v, n);
		crash_reset_len += n;
	}
}

/* ---- Colours ---- */

struct role_style {
	short fg, bg;           /* colour pair; -1 is the terminal default */
	int colour_attr;        /* extra attributes with colour */
	int mono_attr;          /* attributes without colour */
};

static const struct role_style roles[TUI_ROLE_COUNT] = {
	[TUI_NORMAL] = {-1, -1, 0, 0},
	[TUI_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[TUI_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[TUI_QUESTION] = {-1, -1, A_BOLD, A_BOLD},
	[TUI_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[TUI_CURRENT] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[TUI_DIM] = {-1, -1, A_DIM, 0},
	[TUI_KEY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[TUI_OK] = {COLOR_GREEN, -1, 0, 0},
	[TUI_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
	[TUI_BAR] = {COLOR_GREEN, -1, 0, 0},
	[TUI_BAR_EMPTY] = {-1, -1, A_DIM, 0},
	[TUI_FLAG] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[TUI_PROMPT] = {-1, -1, A_BOLD, A_BOLD},
};

static void init_colours(void)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	mono = (nc && *nc) || !has_colors() || start_color() == ERR;
	if (mono)
		return;
	use_default_colors();
	for (i = 0; i < TUI_ROLE_COUNT; i++)
		init_pair((short)(i + 1), roles[i].fg, roles[i].bg);
}

int tui_attr(int role)
{
	if (role < 0 || role >= TUI_ROLE_COUNT)
		role = TUI_NORMAL;
	if (mono)
		return roles[role].mono_attr;
	return (int)COLOR_PAIR(role + 1) | roles[role].colour_attr;
}

/* ---- Text ---- */

bool tui_ascii(void)
{
	return ascii_mode;
}

const char *tui_glyph(const char *utf8, const char *ascii)
{
	return ascii_mode ? ascii : utf8;
}

/* Sanitised copy for the screen (the caller frees it), or NULL. */
static char *screen_text(const char *text, size_t n)
{
	return ys_sanitize(text, n, ascii_mode ? YS_SAN_ASCII : 0);
}

int tui_text(int y, int x, int width, const char *text, int role)
{
	char *t;
	size_t used = 0, fit;

	if (!text || width <= 0)
		return 0;
	t = screen_text(text, strlen(text));
	if (!t)
		return 0;
	fit = ys_text_fit(t, strlen(t), (size_t)width, &used);
	attrset(tui_attr(role));
	mvaddnstr(y, x, t, (int)fit);
	attrset(A_NORMAL);
	ys_free(t);
	return (int)used;
}

void tui_fill(int y, int x, int width, int role)
{
	attrset(tui_attr(role));
	if (width > 0)
		mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

struct wrap_ctx {
	int y, x, width, max, n, role;
	bool draw;
	size_t last_used;       /* width of the last line drawn */
};

static void wrap_emit(void *ctx, const char *line, size_t len)
{
	struct wrap_ctx *w = ctx;
	size_t used;

	if (w->draw && w->n < w->max) {
		size_t fit = ys_text_fit(line, len, (size_t)w->width, &used);

		attrset(tui_attr(w->role));
		mvaddnstr(w->y + w->n, w->x, line, (int)fit);
		attrset(A_NORMAL);
		w->last_used = used;
	}
	w->n++;
}

int tui_wrap(int y, int x, int width, int max_lines, const char *text, int role)
{
	struct wrap_ctx w = {y, x, width, max_lines, 0, role, true, 0};
	char *t;

	if (!text || width <= 0 || max_lines <= 0)
		return 0;
	t = ys_sanitize(text, strlen(text),
			YS_SAN_KEEP_NEWLINE | (ascii_mode ? YS_SAN_ASCII : 0));
	if (!t)
		return 0;
	ys_wrap(t, (size_t)width, wrap_emit, &w);
	ys_free(t);
	if (w.n > max_lines) {
		const char *e = tui_glyph("\xe2\x80\xa6", "~");
		int ex = (int)w.last_used + 1 < width ? (int)w.last_used + 1 : width - 1;

		attrset(tui_attr(role));
		mvaddstr(y + max_lines - 1, x + ex, e);
		attrset(A_NORMAL);
		return max_lines;
	}
	return w.n;
}

int tui_wrap_count(const char *text, int width)
{
	struct wrap_ctx w = {0, 0, width, 0, 0, 0, false, 0};
	char *t;

	if (!text || width <= 0)
		return 0;
	t = ys_sanitize(text, strlen(text),
			YS_SAN_KEEP_NEWLINE | (ascii_mode ? YS_SAN_ASCII : 0));
	if (!t)
		return 0;
	ys_wrap(t, (size_t)width, wrap_emit, &w);
	ys_free(t);
	return w.n;
}

void tui_bar(int y, int x, int width, double fraction)
{
	int full, i;
	const char *on = tui_glyph("\xe2\x96\x88", "#");
	const char *off = tui_glyph("\xe2\x96\x91", ".");

	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	full = (int)(fraction * width + 0.5);
	move(y, x);
	attrset(tui_attr(TUI_BAR));
	for (i = 0; i < full; i++)
		addstr(on);
	attrset(tui_attr(TUI_BAR_EMPTY));
	for (; i < width; i++)
		addstr(off);
	attrset(A_NORMAL);
}

size_t tui_page_top(size_t sel, size_t height)
{
	if (height == 0)
		return sel;
	return sel / height * height;
}

void tui_title(const ys_session *s, const char *left, const char *right)
{
	int rw = right ? (int)ys_text_width(right, strlen(right)) : 0;

	(void)s;
	tui_fill(0, 0, COLS, TUI_TITLE);
	tui_text(0, 1, COLS - rw - 3, left, TUI_TITLE);
	if (right)
		tui_text(0, COLS - rw - 1, rw, right, TUI_TITLE);
}

void tui_question_title(const ys_session *s, const ys_question *qn)
{
	const ys_area *ar = &s->q->areas[qn->area];
	char buf[64];
	int x;

	snprintf(buf, sizeof(buf), "Question %zu of %zu", s->question + 1,
		 s->q->n_questions);
	tui_title(s, s->q->title, buf);
	snprintf(buf, sizeof(buf), "Area %zu of %zu: ", qn->area + 1, s->q->n_areas);
	x = 1 + tui_text(1, 1, COLS - 2, buf, TUI_DIM);
	x += tui_text(1, x, COLS - x - 24, ar->title, TUI_HEADING);
	snprintf(buf, sizeof(buf), "  question %zu of %zu",
		 s->question - ar->first_question + 1, ar->n_questions);
	tui_text(1, x, COLS - x - 1, buf, TUI_DIM);
}

void tui_status(const ys_session *s)
{
	int y = LINES - 3;

	if (s->status[0])
		tui_text(y, 1, COLS - 2, s->status,
			 s->status_error ? TUI_ERROR : TUI_OK);
}

/* Hints are "k label" pairs separated by two spaces; keys are shown in
 * the key role. */
void tui_hints(int y, const char *hints)
{
	int x = 1;
	const char *p = hints;

	while (*p && x < COLS - 1) {
		const char *sp = strchr(p, ' ');
		const char *end = strstr(p, "  ");
		size_t klen, llen;
		char buf[128];

		if (!end)
			end = p + strlen(p);
		if (!sp || sp > end)
			sp = end;
		klen = (size_t)(sp - p);
		if (klen >= sizeof(buf))
			klen = sizeof(buf) - 1;
		memcpy(buf, p, klen);
		buf[klen] = '\0';
		x += tui_text(y, x, COLS - 1 - x, buf, TUI_KEY);
		llen = (size_t)(end - sp);
		if (llen >= sizeof(buf))
			llen = sizeof(buf) - 1;
		memcpy(buf, sp, llen);
		buf[llen] = '\0';
		x += tui_text(y, x, COLS - 1 - x, buf, TUI_DIM);
		x += 2;
		p = *end ? end + 2 : end;
	}
}

/* ---- Start and stop ---- */

/* True when terminfo knows term and it can move the cursor. */
static bool usable_term(const char *term)
{
	int err = 0;
	bool ok;
	char *cup;

	if (setupterm(term, STDOUT_FILENO, &err) != OK)
		return false;
	cup = tigetstr("cup");
	ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	return ok;
}

int tui_begin(void)
{
	const char *cs;
	const char *term = getenv("TERM");

	cs = nl_langinfo(CODESET);
	ascii_mode = !(cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8")));
	if (tcgetattr(STDIN_FILENO, &saved_tios) == 0)
		have_tios = 1;
	install_signals();
	if (!term || !*term) {
		restore_signals();
		fputs("yardstick: TERM is not set, so the terminal cannot be used.\n"
		      "Set TERM (for example TERM=xterm-256color), or use the non-interactive\n"
		      "commands: yardstick scorecard, validate, list.\n", stderr);
		return YS_EX_USAGE;
	}
	/* A dumb terminal type cannot move the cursor; it is usually set to
	 * ask for plain output, so draw with the plainest full-screen type:
	 * no colour, reverse video for the selection. */
	if (!strcmp(term, "dumb"))
		term = "vt100";
	/* Look the type up first: newterm() leaks its half-made screen when
	 * the type is unknown. */
	if (!usable_term(term))
		screen = NULL;
	else
		screen = newterm(term, stdout, stdin);
	if (!screen) {
		term = getenv("TERM");
		restore_signals();
		fputs("yardstick: cannot use the terminal type '", stderr);
		ys_fputs_safe(term, stderr, 0);
		fputs("' (unknown to terminfo, or it cannot move the cursor).\n"
		      "Set TERM to your terminal's type (for example TERM=xterm-256color),\n"
		      "or use the non-interactive commands: yardstick scorecard, validate, list.\n",
		      stderr);
		return YS_EX_USAGE;
	}
	set_term(screen);
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmcup");
	if (crash_reset_len + 2 < sizeof(crash_reset)) {
		crash_reset[crash_reset_len++] = '\r';
		crash_reset[crash_reset_len++] = '\n';
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(200);
	init_colours();
	return 0;
}

void tui_end(void)
{
	if (screen) {
		curs_set(1);
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	crash_reset_len = 0;
	restore_signals();
}

int tui_signal(void)
{
	return end_signal;
}

/* ---- Drawing ---- */

static void draw_small(const ys_session *s)
{
	char msg[192];
	int n, y;

	erase();
	snprintf(msg, sizeof(msg),
		 "Please enlarge the terminal\nto at least %dx%d.\nIt is now %dx%d.%s",
		 TUI_MIN_COLS, TUI_MIN_LINES, COLS, LINES,
		 s->prompt == YS_PROMPT_CONFIRM_QUIT ? "\nQuit? y saves and quits, n carries on." :
		 s->prompt == YS_PROMPT_QUIT_UNSAVED ? "\nNOT SAVED. Quit anyway? y/n" : "");
	n = tui_wrap_count(msg, COLS);
	y = (LINES - n) / 2;
	if (y < 0)
		y = 0;
	tui_wrap(y, 0, COLS, LINES - y, msg, TUI_NORMAL);
}

static void draw(const ys_session *s)
{
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
		curs_set(0);
		draw_small(s);
		refresh();
		return;
	}
	erase();
	switch (s->screen) {
	case YS_SCR_START:
		tui_draw_start(s);
		break;
	case YS_SCR_CHANGED:
		tui_draw_changed(s);
		break;
	case YS_SCR_QUESTION:
		if (s->workshop)
			tui_draw_workshop(s);
		else
			tui_draw_question(s);
		break;
	case YS_SCR_AREAS:
		tui_draw_areas(s);
		break;
	case YS_SCR_REVIEW:
		tui_draw_review(s);
		break;
	case YS_SCR_PROFILE:
		tui_draw_profile(s);
		break;
	case YS_SCR_KEYS:
		tui_draw_keys(s);
		break;
	case YS_SCR_QHELP:
		tui_draw_qhelp(s);
		break;
	}
	tui_status(s);
	if (s->prompt != YS_PROMPT_NONE) {
		tui_draw_prompt(s);
	} else {
		leaveok(stdscr, TRUE);
		curs_set(0);
	}
	refresh();
}

/* ---- Keys ---- */

#define YS_CTRL(c) ((c) & 0x1f)

static ys_action_type map_key(const ys_session *s, int is_key, unsigned long ch,
			      long *arg)
{
	if (s->prompt == YS_PROMPT_CONFIRM_QUIT || s->prompt == YS_PROMPT_QUIT_UNSAVED) {
		if (is_key)
			return YS_A_NONE;
		switch (ch) {
		case 'y':
		case 'Y':
			return YS_A_YES;
		case 'n':
		case 'N':
		case 27:
			return YS_A_NO;
		case 'R':
			return YS_A_RETRY_SAVE;
		case 'W':
			return YS_A_SAVE_ELSEWHERE;
		default:
			return YS_A_NONE;
		}
	}
	if (is_key) {
		switch (ch) {
		case KEY_UP:
			return YS_A_UP;
		case KEY_DOWN:
			return YS_A_DOWN;
		case KEY_HOME:
			return YS_A_FIRST;
		case KEY_END:
			return YS_A_LAST;
		case KEY_LEFT:
		case KEY_PPAGE:
			return YS_A_PREV;
		case KEY_RIGHT:
		case KEY_NPAGE:
			return YS_A_NEXT;
		case KEY_ENTER:
			return YS_A_SELECT;
		case KEY_F(1):
			return YS_A_KEYS;
		case KEY_BACKSPACE:
			return s->workshop && s->screen == YS_SCR_QUESTION ?
			       YS_A_UNDO_VOTE : YS_A_NONE;
		default:
			return YS_A_NONE;
		}
	}
	if (ch >= '1' && ch <= '9') {
		*arg = (long)(ch - '1');
		if (s->screen == YS_SCR_QUESTION)
			return YS_A_CHOOSE;
		if (s->screen == YS_SCR_AREAS || s->screen == YS_SCR_REVIEW)
			return YS_A_JUMP;
		return YS_A_NONE;
	}
	switch (ch) {
	case '\r':
	case '\n':
		return YS_A_SELECT;
	case 27:
		return YS_A_BACK;
	case 'k':
		return YS_A_UP;
	case 'j':
		return YS_A_DOWN;
	case 'q':
		return YS_A_QUIT;
	case 'R':
		return YS_A_RETRY_SAVE;
	case 'W':
		return YS_A_SAVE_ELSEWHERE;
	case 'a':
		return YS_A_AREAS;
	case 'r':
		return YS_A_REVIEW;
	case 's':
		return YS_A_PROFILE;
	case '?':
		return s->screen == YS_SCR_QUESTION ? YS_A_QHELP : YS_A_KEYS;
	case YS_CTRL('l'):
		return YS_A_NONE;
	default:
		break;
	}
	if (s->workshop && s->screen == YS_SCR_QUESTION) {
		switch (ch) {
		case 'v':
			return YS_A_REVEAL;
		case 'n':
			return YS_A_DISSENT;
		case 'N':
			return YS_A_NOTE;
		case 127:
		case YS_CTRL('h'):
			return YS_A_UNDO_VOTE;
		default:
			break;
		}
	}
	if (s->screen == YS_SCR_QUESTION) {
		switch (ch) {
		case 'd':
			return YS_A_DONT_KNOW;
		case 'x':
			return YS_A_NA;
		case 'n':
			return YS_A_NOTE;
		case 'p':
			return YS_A_PARK;
		default:
			break;
		}
	}
	if (s->screen == YS_SCR_PROFILE) {
		switch (ch) {
		case 'o':
			return YS_A_OWNER;
		case '+':
		case 'A':
			return YS_A_ADD_ACTION;
		case '-':
			return YS_A_DELETE_ACTION;
		case 'e':
			return YS_A_EXPORT;
		default:
			break;
		}
	}
	if (s->screen == YS_SCR_KEYS || s->screen == YS_SCR_QHELP)
		return YS_A_BACK;
	return YS_A_NONE;
}

/* Reads one key: OK with a character, KEY_CODE_YES with a key code, or
 * ERR. Where the locale is not UTF-8, bytes are read one at a time (a
 * multibyte reader could wait forever on bytes it cannot decode) and each
 * non-ASCII character becomes a single '?'. */
static int read_key(wint_t *wc)
{
	int c;

	if (!ascii_mode)
		return get_wch(wc);
	for (;;) {
		c = getch();
		if (c == ERR)
			return ERR;
		if (c >= KEY_MIN) {
			*wc = (wint_t)c;
			return KEY_CODE_YES;
		}
		if (c >= 0x80 && c < 0xC0)
			continue;       /* a continuation byte */
		*wc = (wint_t)(c >= 0x80 ? '?' : c);
		return OK;
	}
}

/* The keys that work below the minimum size: q to quit, and y/n when
 * asked whether to quit. */
static bool small_key(const ys_session *s, int rc, wint_t wc)
{
	if (rc != OK)
		return false;
	if (s->prompt == YS_PROMPT_NONE)
		return wc == 'q';
	if (ys_session_text_prompt(s))
		return false;
	return wc == 'y' || wc == 'Y' || wc == 'n' || wc == 'N';
}

void tui_run(ys_session *s)
{
	bool redraw = true;
	bool small = false;
	long shown_seconds = -1;

	while (s->outcome == YS_OUT_RUNNING) {
		ys_session_action act = {YS_A_NONE, 0, NULL};
		char buf[8];
		wint_t wc;
		int rc;

		if (got_term) {
			end_signal = got_term;
			got_term = 0;
			ys_session_do(s, YS_A_TERMINATE);
			break;
		}
		if (got_int) {
			got_int = 0;
			redraw |= ys_session_do(s, YS_A_INTERRUPT);
		}
		if (redraw) {
			draw(s);
			small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
			redraw = false;
		}
		rc = read_key(&wc);
		if (rc == ERR) {
			/* The workshop's question timer and time box tick. */
			if (s->workshop && s->screen == YS_SCR_QUESTION && !small) {
				long t = ys_session_question_seconds(s);

				if (t != shown_seconds) {
					shown_seconds = t;
					redraw = true;
				}
			}
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			redraw = true;
			continue;
		}
		/* Below the minimum size only quitting works: nothing else can
		 * be seen. */
		if (small && !small_key(s, rc, wc))
			continue;
		if (rc == OK && wc == YS_CTRL('l')) {
			clearok(curscr, TRUE);
			redraw = true;
			continue;
		}
		if (ys_session_text_prompt(s)) {
			if (!tui_input_key(rc == KEY_CODE_YES, (unsigned long)wc, &act, buf))
				continue;
		} else {
			act.type = map_key(s, rc == KEY_CODE_YES, (unsigned long)wc, &act.arg);
		}
		if (act.type != YS_A_NONE)
			redraw |= ys_session_apply(s, &act);
	}
}

/* The terminal: start and stop curses, signals, and the main loop that
 * reads keys, turns them into session actions through the key table and
 * draws the current screen. */
#include <curses.h>
#include <term.h>

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "tui.h"
#include "tui_draw.h"
#include "tui_keys.h"
#include "yardstick/alloc.h"
#include "yardstick/live_page.h"
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
	bool ascii;

	cs = nl_langinfo(CODESET);
	ascii = !(cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8")));
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
	tui_draw_init(ascii);
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
	case YS_SCR_JOIN:
		tui_draw_join(s);
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

/* The key table's code for what read_key() returned, or -1 for a key it
 * does not know. Enter and Backspace arrive in several forms. */
static int key_code(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP:
			return TK_UP;
		case KEY_DOWN:
			return TK_DOWN;
		case KEY_LEFT:
			return TK_LEFT;
		case KEY_RIGHT:
			return TK_RIGHT;
		case KEY_HOME:
			return TK_HOME;
		case KEY_END:
			return TK_END;
		case KEY_PPAGE:
			return TK_PGUP;
		case KEY_NPAGE:
			return TK_PGDN;
		case KEY_ENTER:
			return TK_ENTER;
		case KEY_BACKSPACE:
			return TK_BACKSPACE;
		case KEY_DC:
			return TK_DELETE;
		case KEY_F(1):
			return TK_F1;
		default:
			return -1;
		}
	}
	if (wc == '\r' || wc == '\n')
		return TK_ENTER;
	if (wc == 127 || wc == YS_CTRL('h'))
		return TK_BACKSPACE;
	return wc < TK_KEY_BASE ? (int)wc : -1;
}

/* Reads one key: OK with a character, KEY_CODE_YES with a key code, or
 * ERR. Where the locale is not UTF-8, bytes are read one at a time (a
 * multibyte reader could wait forever on bytes it cannot decode) and each
 * non-ASCII character becomes a single '?'. */
static int read_key(wint_t *wc)
{
	int c;

	if (!tui_ascii())
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

/* Handles every request waiting in the live server's queue, then
 * publishes what the pages show. Returns true when the screen changed. */
static bool serve_live(ys_session *s, ys_live *live)
{
	ys_live_req *batch[256], *r;
	bool changed = false, saved;
	size_t n = 0, i;

	/* Votes arriving together are saved together: the requests waiting
	 * now are handled as one batch, saved once, and only then answered,
	 * so no reply says "recorded" before the vote is on disk. */
	ys_session_live_begin_batch(s);
	while (n < sizeof(batch) / sizeof(batch[0]) && (r = ys_live_next(live))) {
		changed |= ys_live_serve(s, r);
		batch[n++] = r;
	}
	saved = ys_session_live_end_batch(s);
	for (i = 0; i < n; i++) {
		if (!saved)
			ys_live_unsaved(s, batch[i]);
		ys_live_reply(live, batch[i]);
	}
	ys_live_set_version(live, ys_live_page_version(s));
	return changed;
}

/* Waits up to 200 ms for a key or a request; returns true when the live
 * queue woke it (or a signal did), false on a key or the timeout. */
static bool wait_live(ys_live *live, bool *timeout)
{
	struct pollfd pf[2];
	int n;

	pf[0].fd = STDIN_FILENO;
	pf[0].events = POLLIN;
	pf[1].fd = ys_live_fd(live);
	pf[1].events = POLLIN;
	n = poll(pf, 2, 200);
	*timeout = n == 0;
	if (n < 0)
		return errno == EINTR;
	return n > 0 && (pf[1].revents & POLLIN);
}

void tui_run(ys_session *s, ys_live *live)
{
	bool redraw = true;
	bool small = false;
	long shown_seconds = -1;

	/* With a live server, keys are read without waiting and the loop
	 * waits in poll() on the terminal and the queue together. */
	timeout(live ? 0 : 200);
	while (s->outcome == YS_OUT_RUNNING) {
		ys_session_action act = {YS_A_NONE, 0, NULL};
		char buf[8];
		wint_t wc;
		int rc, key;

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
		if (live)
			redraw |= serve_live(s, live);
		if (redraw) {
			tui_set_scroll_limit(SIZE_MAX);
			draw(s);
			/* A help screen scrolled past its end comes back to it,
			 * so that the first Up moves. */
			if ((s->screen == YS_SCR_QHELP || s->screen == YS_SCR_KEYS) &&
			    s->scroll > tui_scroll_limit()) {
				s->scroll = tui_scroll_limit();
				draw(s);
			}
			small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
			redraw = false;
		}
		rc = read_key(&wc);
		if (rc == ERR && live) {
			bool timed_out;

			if (wait_live(live, &timed_out) || !timed_out)
				continue;
		}
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
		key = key_code(rc, wc);
		act.type = tui_key_action(tui_key_screen(s), tui_key_mode(s), key, &act.arg);
		/* In a text prompt, the characters no binding takes are typed. */
		if (act.type == YS_A_NONE && rc == OK && key >= 0 && key < TK_KEY_BASE &&
		    ys_session_text_prompt(s) && !tui_input_char((uint32_t)key, &act, buf))
			continue;
		if (act.type != YS_A_NONE)
			redraw |= ys_session_apply(s, &act);
	}
	if (live)
		timeout(200);
}

/* The interview's terminal: start and stop it, and run the screens until
 * the session ends. Only src/tui_*.c include <curses.h>. */
#ifndef YARDSTICK_TUI_H
#define YARDSTICK_TUI_H

#include "yardstick/live.h"
#include "yardstick/session.h"

/* Starts curses on the terminal. Installs the signal handlers first.
 * Returns 0, or an exit code after printing why to stderr. */
int tui_begin(void);
/* Restores the terminal and the previous signal handlers. */
void tui_end(void);
/* Runs the interview until the session's outcome is no longer running.
 * With live (a running live server; NULL for none), the loop also waits
 * on the server's queue and handles each request as it arrives, on this
 * thread, between keys. */
void tui_run(ys_session *s, ys_live *live);
/* The signal that ended the run (SIGTERM, SIGHUP), or 0. */
int tui_signal(void);

#endif

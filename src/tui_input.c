/* The prompt line: keys for the line editor (the editing itself is in the
 * session) and drawing the prompt with its cursor. */
#include <curses.h>

#include <string.h>

#include "tui.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

#define YS_CTRL(c) ((c) & 0x1f)

bool tui_input_key(int is_key, unsigned long ch, ys_session_action *act, char buf[8])
{
	act->arg = 0;
	act->text = NULL;
	if (is_key) {
		switch (ch) {
		case KEY_ENTER:
			act->type = YS_A_SUBMIT;
			return true;
		case KEY_BACKSPACE:
			act->type = YS_A_INPUT_BACKSPACE;
			return true;
		case KEY_DC:
			act->type = YS_A_INPUT_DELETE;
			return true;
		case KEY_LEFT:
			act->type = YS_A_INPUT_LEFT;
			return true;
		case KEY_RIGHT:
			act->type = YS_A_INPUT_RIGHT;
			return true;
		case KEY_HOME:
			act->type = YS_A_INPUT_HOME;
			return true;
		case KEY_END:
			act->type = YS_A_INPUT_END;
			return true;
		default:
			return false;
		}
	}
	switch (ch) {
	case '\r':
	case '\n':
		act->type = YS_A_SUBMIT;
		return true;
	case 27:
		act->type = YS_A_CANCEL;
		return true;
	case 127:
	case YS_CTRL('h'):
		act->type = YS_A_INPUT_BACKSPACE;
		return true;
	case YS_CTRL('a'):
		act->type = YS_A_INPUT_HOME;
		return true;
	case YS_CTRL('e'):
		act->type = YS_A_INPUT_END;
		return true;
	case YS_CTRL('u'):
		act->type = YS_A_INPUT_KILL;
		return true;
	case YS_CTRL('d'):
		act->type = YS_A_INPUT_DELETE;
		return true;
	default:
		break;
	}
	if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch > 0x10ffff)
		return false;
	if (ch >= 0x80 && tui_ascii())
		ch = '?';
	buf[ys_utf8_encode((uint32_t)ch, buf)] = '\0';
	act->type = YS_A_INPUT_INSERT;
	act->text = buf;
	return true;
}

static void draw_confirm(const ys_session *s)
{
	int y = LINES - 2;

	tui_fill(y, 0, COLS, TUI_NORMAL);
	tui_fill(y + 1, 0, COLS, TUI_NORMAL);
	tui_text(y, 1, COLS - 2, ys_session_prompt_label(s), TUI_PROMPT);
	if (s->prompt == YS_PROMPT_QUIT_UNSAVED)
		tui_hints(y + 1, "y quit without saving  n stay  R retry the save  W save elsewhere");
	else
		tui_hints(y + 1, "y save and quit  n keep going");
}

void tui_draw_prompt(const ys_session *s)
{
	const char *label = ys_session_prompt_label(s);
	int y = LINES - 2, x, avail;
	char *before, *shown;
	size_t start = 0, wb;

	if (!ys_session_text_prompt(s)) {
		draw_confirm(s);
		return;
	}
	tui_fill(y, 0, COLS, TUI_NORMAL);
	tui_fill(y + 1, 0, COLS, TUI_NORMAL);
	x = 1 + tui_text(y, 1, COLS / 2, label, TUI_PROMPT);
	x += tui_text(y, x, 2, ": ", TUI_PROMPT);
	avail = COLS - x - 1;
	if (avail < 4)
		return;
	/* Scroll the text so that the cursor stays visible. */
	for (;;) {
		before = ys_sanitize(s->input + start, s->cursor - start,
				     tui_ascii() ? YS_SAN_ASCII : 0);
		if (!before)
			return;
		wb = ys_text_width(before, strlen(before));
		ys_free(before);
		if ((int)wb < avail || start >= s->cursor)
			break;
		{
			uint32_t cp;

			start += ys_utf8_decode(s->input + start, s->input_len - start, &cp);
		}
	}
	shown = s->input + start;
	tui_text(y, x, avail, shown, TUI_NORMAL);
	tui_hints(y + 1, s->prompt == YS_PROMPT_NA_REASON ?
		  "Enter save (a reason is required)  Esc cancel  Ctrl-U clear" :
		  "Enter save  Esc cancel  Ctrl-U clear  Left/Right move");
	leaveok(stdscr, FALSE);
	curs_set(1);
	move(y, x + (int)wb);
}

/* The prompt line: characters typed into it (the editing keys are in the
 * key table, the editing itself in the session) and drawing the prompt
 * with its cursor. */
#include <curses.h>

#include <string.h>

#include "tui_draw.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

bool tui_input_char(uint32_t ch, ys_session_action *act, char buf[8])
{
	if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch > 0x10ffff)
		return false;
	if (ch >= 0x80 && tui_ascii())
		ch = '?';
	buf[ys_utf8_encode(ch, buf)] = '\0';
	act->type = YS_A_INPUT_INSERT;
	act->arg = 0;
	act->text = buf;
	return true;
}

static void draw_confirm(const ys_session *s)
{
	int y = LINES - 2;

	tui_fill(y, 0, COLS, TUI_NORMAL);
	tui_fill(y + 1, 0, COLS, TUI_NORMAL);
	tui_text(y, 1, COLS - 2, ys_session_prompt_label(s), TUI_PROMPT);
	tui_key_hints(s, 0);
}

/* The export format as a list: "Scorecard format: 1 text  2 markdown ...",
 * the chosen one marked. */
static void draw_choice(const ys_session *s)
{
	int y = LINES - 2, x;
	size_t i;
	char buf[64];

	tui_fill(y, 0, COLS, TUI_NORMAL);
	tui_fill(y + 1, 0, COLS, TUI_NORMAL);
	x = 1 + tui_text(y, 1, COLS / 2, ys_session_prompt_label(s), TUI_PROMPT);
	x += tui_text(y, x, 2, ": ", TUI_PROMPT);
	for (i = 0; i < s->opts.n_export_names && x < COLS - 2; i++) {
		bool sel = i == s->export_choice;

		snprintf(buf, sizeof(buf), "%s%zu %s%s", sel ? tui_glyph("\xe2\x96\xb6", ">") : " ",
			 i + 1, s->opts.export_names[i], sel ? " " : "");
		x += tui_text(y, x, COLS - x - 1, buf, sel ? TUI_SELECTED : TUI_NORMAL) + 1;
	}
	tui_key_hints(s, 0);
}

void tui_draw_prompt(const ys_session *s)
{
	const char *label = ys_session_prompt_label(s);
	int y = LINES - 2, x, avail;
	char *before, *shown;
	size_t start = 0, wb;

	if (s->prompt == YS_PROMPT_EXPORT_FORMAT && s->opts.n_export_names) {
		draw_choice(s);
		return;
	}
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
		before = ys_sanitize(s->line.buf + start, s->line.cursor - start,
				     tui_ascii() ? YS_SAN_ASCII : 0);
		if (!before)
			return;
		wb = ys_text_width(before, strlen(before));
		ys_free(before);
		if ((int)wb < avail || start >= s->line.cursor)
			break;
		start = ys_line_next(&s->line, start);
	}
	shown = s->line.buf + start;
	tui_text(y, x, avail, shown, TUI_NORMAL);
	tui_key_hints(s, 0);
	leaveok(stdscr, FALSE);
	curs_set(1);
	move(y, x + (int)wb);
}

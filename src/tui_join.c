/* The live workshop's join screen, for the projector: a QR code of the
 * join address drawn with half blocks (two modules per character cell,
 * one above the other), black modules on white whatever the terminal's
 * theme, inside a quiet zone of four modules; the address as text below
 * it, and who has joined so far. */
#include <curses.h>
#include <qrencode.h>

#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"

#define QUIET 4

/* True when module (x, y) of a QR code of width w (with its quiet zone
 * around it, in modules) is dark. */
static bool dark(const QRcode *qr, int x, int y)
{
	x -= QUIET;
	y -= QUIET;
	if (x < 0 || y < 0 || x >= qr->width || y >= qr->width)
		return false;
	return qr->data[y * qr->width + x] & 1;
}

/* Draws qr with its top left at (y, x), each module scale columns wide
 * and scale half-rows high. */
static void draw_qr(const QRcode *qr, int y, int x, int scale)
{
	int full = qr->width + 2 * QUIET, rows = (full * scale + 1) / 2, r, c;
	bool ascii = tui_ascii();

	attrset(tui_attr(TUI_QR));
	for (r = 0; r < rows; r++) {
		move(y + r, x);
		for (c = 0; c < full * scale; c++) {
			int mx = c / scale;
			bool top = dark(qr, mx, (2 * r) / scale);
			bool bottom = 2 * r + 1 < full * scale && dark(qr, mx, (2 * r + 1) / scale);

			if (ascii)
				addstr(top || bottom ? "#" : " ");
			else if (top && bottom)
				addstr("\xe2\x96\x88");
			else if (top)
				addstr("\xe2\x96\x80");
			else if (bottom)
				addstr("\xe2\x96\x84");
			else
				addstr(" ");
		}
	}
	attrset(A_NORMAL);
}

void tui_draw_join(const ys_session *s)
{
	char url[256], buf[256];
	QRcode *qr;
	int full, scale = 1, rows, qx = 2, tx, tw, y;
	const ys_session_live *l = s->live;

	tui_title(s->q->title, "Join the live workshop");
	ys_session_join_url(s, url, sizeof(url));
	qr = QRcode_encodeString(url, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
	if (!qr) {
		tui_text(2, 2, COLS - 4, "The QR code could not be made: give participants the address below.",
			 TUI_ERROR);
		rows = 1;
		full = 0;
	} else {
		full = qr->width + 2 * QUIET;
		/* As large as the screen allows, leaving the address, the
		 * status and the hints their rows. */
		while ((full * (scale + 1) + 1) / 2 <= LINES - 5 && full * (scale + 1) <= COLS / 2)
			scale++;
		rows = (full * scale + 1) / 2;
		if (rows > LINES - 5 || full * scale > COLS - 2) {
			tui_text(2, 2, COLS - 4, "Enlarge the terminal to show the QR code; the address is below.",
				 TUI_ERROR);
			QRcode_free(qr);
			qr = NULL;
			full = 0;
			rows = 1;
		} else {
			draw_qr(qr, 1, qx, scale);
		}
	}
	/* The address as one line below the code. */
	tui_text(1 + rows, qx, COLS - qx - 1, url, TUI_HEADING);
	/* Beside the code: what to do, and who has joined. */
	tx = qr ? qx + full * scale + 3 : 2;
	y = qr ? 2 : 3 + rows;
	tw = COLS - tx - 1;
	if (tw >= 20) {
		y += tui_wrap(y, tx, tw, 3, "Scan the code with your phone's camera, or open the address below it, then tap your name.", TUI_QUESTION) + 1;
		snprintf(buf, sizeof(buf), "Join code: %s", l ? l->code : "");
		y += tui_text(y, tx, tw, buf, TUI_NORMAL) ? 1 : 0;
		snprintf(buf, sizeof(buf), "Joined: %zu of %zu", ys_session_live_count(s),
			 s->a->n_participants);
		y += tui_text(y, tx, tw, buf, TUI_NORMAL) ? 2 : 1;
		if (l && l->n_addrs > 1) {
			snprintf(buf, sizeof(buf), "Address %zu of %zu (Tab shows the next)",
				 l->addr + 1, l->n_addrs);
			y += tui_wrap(y, tx, tw, 2, buf, TUI_DIM) + 1;
		}
		if (!s->a->n_participants)
			tui_wrap(y, tx, tw, 3, "Name the participants first (start screen): they choose their name when they join.",
				 TUI_ERROR);
	}
	if (qr)
		QRcode_free(qr);
	tui_key_hints(s, 0);
}

/* The live workshop's pages and the handling of a request on the loop's
 * thread (src/live_page.c). */
#ifndef YARDSTICK_LIVE_PAGE_H
#define YARDSTICK_LIVE_PAGE_H

#include <stdbool.h>

#include "yardstick/live.h"
#include "yardstick/session.h"

/* Handles request r against the session: a join, a vote or a page. Fills
 * r's reply (status, body, cookie, location); the caller then passes r to
 * ys_live_reply(). A vote is saved before this returns. Returns true when
 * the facilitator's screen should be redrawn. */
bool ys_live_serve(ys_session *s, ys_live_req *r);

/* After the save of a batch failed: turns r's reply, built as if the
 * batch had been saved, into one that says its vote is not saved yet
 * (a vote's redirect becomes a 503 page; a page is built again). */
void ys_live_unsaved(ys_session *s, ys_live_req *r);

/* A number that changes whenever what the page shows every participant
 * changes (the question, whether it is open, the reveal, the answer);
 * the script polls it to follow the facilitator. */
unsigned long ys_live_page_version(const ys_session *s);

#endif

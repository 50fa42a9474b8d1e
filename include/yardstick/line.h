/* A one-line text editor as a value: the text typed into a prompt and the
 * cursor in it, with no terminal. The session owns one for its prompts and
 * turns the results below into status messages; the terminal draws it.
 *
 * The text is UTF-8 and the cursor a byte offset that always sits on a
 * character boundary: moves and deletions go by whole code points. */
#ifndef YARDSTICK_LINE_H
#define YARDSTICK_LINE_H

#include <stdbool.h>
#include <stddef.h>

/* The longest text a line holds, in bytes. */
#define YS_LINE_MAX 4096

/* Zero-initialised is an empty line with no buffer yet; after any
 * successful ys_line_set, ys_line_reserve or ys_line_insert, buf is a
 * NUL-terminated string (memory from ys_malloc, owned by the line). */
typedef struct ys_line {
	char *buf;
	size_t len;             /* bytes, without the NUL */
	size_t cap;
	size_t cursor;          /* byte offset, 0..len */
} ys_line;

typedef enum ys_line_rc {
	YS_LINE_OK = 0,
	YS_LINE_UNCHANGED,      /* nothing to insert */
	YS_LINE_TOO_LONG,       /* the text would pass YS_LINE_MAX; unchanged */
	YS_LINE_NOMEM,          /* out of memory; unchanged */
} ys_line_rc;

/* Makes sure buf is allocated (an empty string when it was not). Returns
 * false when out of memory. */
bool ys_line_reserve(ys_line *l);
/* Replaces the text with text (NULL for none), cut at YS_LINE_MAX bytes on
 * a character boundary, and puts the cursor at its end. Returns false when
 * out of memory; the line is then unchanged. Bytes are taken as they are. */
bool ys_line_set(ys_line *l, const char *text);
/* Inserts text at the cursor and moves the cursor after it. Anything
 * ys_sanitize would replace becomes U+FFFD, line breaks and tabs become
 * spaces. */
ys_line_rc ys_line_insert(ys_line *l, const char *text);
/* Deletes the character before (backspace) or at (delete) the cursor.
 * Return false when there is none. */
bool ys_line_backspace(ys_line *l);
bool ys_line_delete(ys_line *l);
/* Move the cursor one character; false when it is already at that end. */
bool ys_line_left(ys_line *l);
bool ys_line_right(ys_line *l);
void ys_line_home(ys_line *l);
void ys_line_end(ys_line *l);
/* Empties the text (the buffer is kept). */
void ys_line_clear(ys_line *l);

/* The byte offset of the character after / before byte offset at. */
size_t ys_line_next(const ys_line *l, size_t at);
size_t ys_line_prev(const ys_line *l, size_t at);
/* Display width of bytes [from, to) of the text (ys_text_width). */
size_t ys_line_width(const ys_line *l, size_t from, size_t to);

/* The text without leading and trailing spaces and tabs, as a new string
 * the caller frees with ys_free; NULL when out of memory. */
char *ys_line_trimmed(const ys_line *l);

/* Frees the buffer; the line is empty and zeroed again. */
void ys_line_free(ys_line *l);

#endif

/* Text helpers: UTF-8 decoding, display width and sanitising. No curses.
 *
 * Display width follows Unicode East Asian Width and general categories
 * with built-in tables (it does not depend on the locale): CJK and emoji are
 * 2 columns, combining marks and zero-width characters 0, invalid bytes are
 * shown as U+FFFD (1 column). */
#ifndef YARDSTICK_TEXT_H
#define YARDSTICK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define YS_REPLACEMENT 0xFFFDu

/* Decodes one UTF-8 sequence from s (n bytes available). Stores the code
 * point in *cp and returns the number of bytes used (1..4). Invalid,
 * overlong, surrogate or truncated sequences give *cp = YS_REPLACEMENT and
 * consume 1 byte. n must be > 0. */
size_t ys_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t ys_utf8_encode(uint32_t cp, char *out);
/* True when s[0..n) is valid UTF-8. */
bool ys_utf8_valid(const char *s, size_t n);

/* Display width of one code point: 0, 1 or 2 (control characters: 0). */
int ys_cp_width(uint32_t cp);
/* Display width of the UTF-8 string s[0..n), invalid bytes counted as U+FFFD. */
size_t ys_text_width(const char *s, size_t n);

/* True for code points that must never reach a terminal or an export:
 * C0 controls other than tab and newline, DEL, C1 controls, and the bidi
 * embedding, override and isolate controls (U+202A..U+202E,
 * U+2066..U+2069, U+200E, U+200F, U+061C). Also the line and paragraph
 * separators U+2028 and U+2029 (some terminals and viewers treat them as
 * line breaks), and values that are not characters at all (surrogates
 * U+D800..U+DFFF, anything above U+10FFFF). */
bool ys_cp_unsafe(uint32_t cp);

/* Flags for ys_sanitize. */
enum {
	YS_SAN_KEEP_NEWLINE = 1 << 0,   /* keep '\n' (otherwise it becomes a space) */
	YS_SAN_KEEP_TAB = 1 << 1,       /* keep '\t' (otherwise it becomes a space) */
	YS_SAN_ASCII = 1 << 2,          /* replace every non-ASCII character with '?' */
};

/* Returns a sanitised copy of s[0..n) that the caller frees with ys_free():
 * invalid UTF-8 becomes U+FFFD (or '?' with YS_SAN_ASCII), unsafe code
 * points (ys_cp_unsafe) become U+FFFD (or '?'). NULL when out of memory. */
char *ys_sanitize(const char *s, size_t n, unsigned flags);
/* Writes s sanitised as by ys_sanitize to out without allocating. */
void ys_fputs_safe(const char *s, FILE *out, unsigned flags);

/* Word wrapping by display width. Splits s into lines of at most width
 * columns, breaking at spaces where possible and inside words only when a
 * word is wider than the line. '\n' in s forces a break. Calls emit() for
 * each line with its bytes (not NUL-terminated). Returns the number of
 * lines.
 *
 * Details: s is NUL-terminated. Spaces inside a line are kept as they are;
 * the run of spaces at which a line breaks is dropped. A word wider than
 * the line is broken at character boundaries (never inside a UTF-8
 * sequence, and combining marks stay with their base); a character wider
 * than the whole line goes alone on its own line. A '\n' ends a line, so
 * "" gives no lines, "a\n" one line and "\n\n" two empty lines. Width 0
 * is treated as 1. Bytes are passed through unchanged: sanitise first. */
size_t ys_wrap(const char *s, size_t width,
	       void (*emit)(void *ctx, const char *line, size_t len),
	       void *ctx);

/* Returns the byte length of the longest prefix of s[0..n) whose display
 * width is at most width; *used gets that width when used is not NULL.
 * The prefix never ends inside a UTF-8 sequence and includes the zero
 * width characters (combining marks) that follow its last character. */
size_t ys_text_fit(const char *s, size_t n, size_t width, size_t *used);

/* True when two names are equal with ASCII letters compared without regard
 * to case ("Ana" and "ANA" are one participant). Other bytes must match. */
bool ys_name_equal(const char *x, const char *y);

/* Splits a comma-separated list of names ("Sam Patel, Jo Okafor"),
 * trimming spaces and tabs and dropping empty items, as the start screen
 * reads its name fields. Sets *out to n new strings in a new array (the
 * caller frees them with ys_strv_free) and *count to n. Returns 0; 1 when
 * there are more than max names and -1 when out of memory, with *out NULL
 * and *count 0. */
int ys_names_split(const char *text, size_t max, char ***out, size_t *count);

/* Organisation names are the same organisation when they are equal but
 * for ASCII case and ASCII white space ("Anytown Borough Council" and
 * "anytown  borough council"). ys_org_key gives the form compared: the
 * name with ASCII letters in lower case and white space left out, in a
 * new string (the caller frees it with ys_free; NULL when out of
 * memory). */
char *ys_org_key(const char *name);
bool ys_org_equal(const char *x, const char *y);

/* The n names joined as "A, B, C" in a new string (the caller frees it
 * with ys_free); "" for none, NULL when out of memory. */
char *ys_names_join(char *const *names, size_t n);

/* Frees the n strings of v and v itself (with ys_free); NULL is fine. */
void ys_strv_free(char **v, size_t n);

/* True when s is NULL, empty, or only spaces, tabs and line breaks. */
bool ys_str_blank(const char *s);

/* True when a and b are equal strings; NULL equals only NULL. */
bool ys_str_eq(const char *a, const char *b);

#endif

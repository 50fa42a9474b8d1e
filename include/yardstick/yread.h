/* A strict reader of YAML events on top of libyaml's event API, shared by
 * the questionnaire loader and the answers reader.
 *
 * It turns libyaml's events into a simpler stream (mapping start/end,
 * sequence start/end, scalar) and rejects, with a positioned diagnostic,
 * everything yardstick's formats do not allow: several documents, anchors,
 * aliases, tags, nesting deeper than YS_MAX_DEPTH, a scalar longer than
 * YS_MAX_STRING, a file larger than YS_MAX_FILE, NUL or control characters
 * inside a string, and byte-level problems (invalid UTF-8, control bytes)
 * with a computed line and column. It also computes the SHA-256 of the
 * bytes read.
 *
 * Duplicate keys are the caller's to detect (the caller knows the schema);
 * ys_keyset (strset.h) helps with mappings whose keys are free-form. */
#ifndef YARDSTICK_YREAD_H
#define YARDSTICK_YREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "yardstick/common.h"
#include "yardstick/diag.h"
#include "yardstick/strset.h"

#define YS_MAX_FILE (64u * 1024u * 1024u)
#define YS_MAX_DEPTH 16
#define YS_MAX_STRING (64u * 1024u)

typedef enum ys_ytype {
	YS_Y_END = 0,        /* end of the document (after the last value) */
	YS_Y_MAP,            /* mapping start */
	YS_Y_MAP_END,
	YS_Y_SEQ,            /* sequence start */
	YS_Y_SEQ_END,
	YS_Y_SCALAR,
} ys_ytype;

typedef struct ys_yevent {
	ys_ytype type;
	ys_pos pos;             /* where the node starts */
	const char *value;      /* scalar text, NUL-terminated; valid until the next call */
	size_t len;             /* scalar length in bytes */
	bool plain;             /* scalar was written without quotes or block style */
	int depth;              /* nesting depth of the node (top-level value: 1) */
} ys_yevent;

typedef struct ys_yreader ys_yreader;

/* Opens path for reading. On failure adds a diagnostic (exit 66 for a
 * missing or unreadable file, 65 for one that is not a regular file or
 * is too large) and returns NULL. The reader is freed with
 * ys_yreader_close(). display_name is used in diagnostics (NULL: path). */
ys_yreader *ys_yreader_open_file(const char *path, const char *display_name,
				 ys_diags *d);
/* The same; with fingerprint false the SHA-256 is not computed and
 * ys_yreader_sha256() returns "". */
ys_yreader *ys_yreader_open_file_fp(const char *path, const char *display_name,
				    bool fingerprint, ys_diags *d);
/* Reads from memory (buf must outlive the reader). */
ys_yreader *ys_yreader_open_mem(const char *buf, size_t len,
				const char *display_name, ys_diags *d);

/* Reads the next event into *ev. Returns true on success (including the
 * final YS_Y_END), false after an error, which has been added to the
 * diagnostics; every later call also returns false. */
bool ys_yreader_next(ys_yreader *r, ys_yevent *ev);

/* Skips the value whose first event is ev (a scalar, or a whole mapping or
 * sequence). Returns false on error. */
bool ys_yreader_skip(ys_yreader *r, const ys_yevent *ev);

/* The SHA-256 of every byte of the input, as 64 hex digits. Valid once
 * YS_Y_END has been returned. */
const char *ys_yreader_sha256(const ys_yreader *r);
/* Total bytes of input (valid after YS_Y_END). */
size_t ys_yreader_size(const ys_yreader *r);
/* The display name used in diagnostics. */
const char *ys_yreader_name(const ys_yreader *r);

void ys_yreader_close(ys_yreader *r);

/* Scalar conversions. Each accepts only a plain scalar whose whole text is
 * a number of the kind asked for (no spaces, no trailing text, no hex, no
 * .inf/.nan), range-checked against [min, max]; on failure adds a
 * diagnostic at ev->pos naming what (e.g. "level") and the allowed range,
 * and returns false. */
bool ys_yscalar_int(ys_yreader *r, const ys_yevent *ev, const char *what,
		    long min, long max, long *out);
bool ys_yscalar_double(ys_yreader *r, const ys_yevent *ev, const char *what,
		       double min, double max, double *out);
/* Accepts the plain scalars true and false. */
bool ys_yscalar_bool(ys_yreader *r, const ys_yevent *ev, const char *what,
		     bool *out);
/* True when s is a valid id: [a-z0-9][a-z0-9._-]*, at most 64 characters. */
bool ys_valid_id(const char *s, size_t len);

/* Adds a data error (exit 65) at pos in this reader's file. */
void ys_yerror(ys_yreader *r, ys_pos pos, const char *fmt, ...) YS_PRINTF(3, 4);
/* The diagnostics list the reader reports into. */
ys_diags *ys_yreader_diags(ys_yreader *r);

/* Schema helpers shared by the questionnaire loader and the answers
 * reader. */

/* True for a plain empty scalar, ~ or null. */
bool ys_yevent_is_null(const ys_yevent *ev);

/* Checks that ev is of type; otherwise reports it ("WHAT must be a list,
 * not a single value", or "WHAT is empty" for null) and skips the value.
 * Returns false when it was not (reading can go on). */
bool ys_yexpect(ys_yreader *r, const ys_yevent *ev, ys_ytype type,
		const char *what);

/* Checks that ev is a string scalar fit to store: not null (an unquoted
 * empty value), and with nonempty not only white space. Reports and
 * returns false otherwise (skipping a non-scalar value). */
bool ys_ycheck_text(ys_yreader *r, const ys_yevent *ev, const char *what,
		    bool nonempty);
/* The same for an id (ys_valid_id), with a message saying what ids are. */
bool ys_ycheck_id(ys_yreader *r, const ys_yevent *ev, const char *what);

/* Called for each known key of a mapping read by ys_yread_fields with the
 * key's index and the value's first event; must consume the whole value
 * (skip it on error). Returns false to stop reading. */
typedef bool (*ys_field_fn)(void *ctx, int key, const ys_yevent *value);

/* Reads the rest of a mapping (after its start event) whose keys are the
 * NULL-terminated keys. Reports unknown keys (with a did-you-mean hint)
 * and duplicates (with the first one's position), skipping their values;
 * key_pos gets each key's position ({0,0} when absent). The mapping is
 * named in messages by printf(what_fmt, what_arg), built only when a
 * message needs it. Stops early when fn returns false or *stop becomes
 * true (stop may be NULL). Returns false only when reading must stop. */
bool ys_yread_fields(ys_yreader *r, const char *what_fmt, const char *what_arg,
		     const char *const *keys, ys_pos *key_pos, ys_field_fn fn,
		     void *ctx, const bool *stop);

/* Reports, in one message at pos, the required keys (indexes into keys,
 * -1 terminated) that key_pos marks as absent. */
void ys_yrequire(ys_yreader *r, ys_pos pos, const char *what,
		 const char *const *keys, const ys_pos *key_pos,
		 const int *required);

/* "Did you mean" helper: returns the candidate closest to word by edit
 * distance when it is close enough to be a likely typo, else NULL.
 * candidates is NULL-terminated. */
const char *ys_did_you_mean(const char *word, const char *const *candidates);

#endif

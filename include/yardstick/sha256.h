/* SHA-256 (FIPS 180-4), used to fingerprint questionnaire files. */
#ifndef YARDSTICK_SHA256_H
#define YARDSTICK_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct ys_sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t used;
} ys_sha256;

void ys_sha256_init(ys_sha256 *c);
void ys_sha256_update(ys_sha256 *c, const void *data, size_t n);
void ys_sha256_final(ys_sha256 *c, unsigned char out[32]);
/* Writes 64 lowercase hex digits and a NUL. */
void ys_sha256_hex(const unsigned char digest[32], char out[65]);

#endif

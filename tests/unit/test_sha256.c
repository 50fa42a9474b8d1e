/* SHA-256 against the FIPS 180-4 examples and a long pseudo-random input
 * fed in awkward chunk sizes. The suite runs this program twice: once as
 * is (the SHA extensions where the processor has them) and once with
 * YARDSTICK_SHA256_PORTABLE=1 (plain C), so both paths are checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "yardstick/sha256.h"

static void hex_of(const void *data, size_t n, char out[65])
{
	ys_sha256 c;
	unsigned char d[32];

	ys_sha256_init(&c);
	ys_sha256_update(&c, data, n);
	ys_sha256_final(&c, d);
	ys_sha256_hex(d, out);
}

static void test_vectors(void **state)
{
	char h[65];
	char *million = malloc(1000000);

	(void)state;
	hex_of("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hex_of("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	hex_of(million, 1000000, h);
	assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

static void test_chunked(void **state)
{
	size_t n = 1u << 20, i, off;
	unsigned char *buf = malloc(n);
	uint32_t x = 2463534242u;
	static const size_t steps[] = {1, 63, 64, 65, 127, 4096, 7, 100000};
	ys_sha256 c;
	unsigned char d[32];
	char h[65];

	(void)state;
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
	ys_sha256_init(&c);
	for (off = 0, i = 0; off < n; i++) {
		size_t step = steps[i % (sizeof(steps) / sizeof(steps[0]))];

		if (step > n - off)
			step = n - off;
		ys_sha256_update(&c, buf + off, step);
		off += step;
	}
	ys_sha256_final(&c, d);
	ys_sha256_hex(d, h);
	assert_string_equal(h, "7974191283d321758e3dbd7133d003e368d762a29503941c0911730d8678029c");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_chunked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

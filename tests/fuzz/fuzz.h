/* The libFuzzer entry point each fuzz target defines. The same target
 * code is linked either with libFuzzer (meson -Dfuzzing=true, clang) or
 * with replay.c, which feeds it the committed corpus as a unit test. */
#ifndef YARDSTICK_FUZZ_H
#define YARDSTICK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant: say which, then abort so that libFuzzer saves the
 * input and the replay test fails. */
#define FUZZ_CHECK(cond)                                                  \
	do {                                                              \
		if (!(cond)) {                                            \
			fprintf(stderr, "%s:%d: invariant failed: %s\n",  \
				__FILE__, __LINE__, #cond);               \
			abort();                                          \
		}                                                         \
	} while (0)

#endif

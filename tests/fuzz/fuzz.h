/*
 * The entry point every harness defines, as libFuzzer calls it; the
 * replay runner (replay.c) calls the same function with the stored
 * inputs in `make check`.
 */
#ifndef DPIA_FUZZ_H
#define DPIA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif

## Benchmarks (issue 7): `make bench` prints "name value unit target"
## lines. Not part of `make check`: the figures depend on the machine and
## the 10,000-assessment database takes a while to build. The helper
## programs are EXTRA_PROGRAMS, so only `make bench` builds them.

BENCH_BINS = \
	tests/bench/bench-gen \
	tests/bench/bench-run \
	tests/bench/bench-keys
EXTRA_PROGRAMS = $(BENCH_BINS)
CLEANFILES += $(BENCH_BINS)

tests_bench_bench_gen_SOURCES = tests/bench/gen.c
tests_bench_bench_gen_LDADD = $(DPIA_LIBS)
tests_bench_bench_run_SOURCES = tests/bench/runstat.c
tests_bench_bench_keys_SOURCES = tests/bench/keys.c
tests_bench_bench_keys_LDADD = $(DPIA_LIBS)

EXTRA_DIST += tests/bench/bench.sh tests/bench/README.md

.PHONY: bench
bench: dpia$(EXEEXT) $(BENCH_BINS)
	DPIA='$(abs_top_builddir)/dpia$(EXEEXT)' \
	BENCH_BIN='$(abs_top_builddir)/tests/bench' \
	TOP_SRCDIR='$(abs_top_srcdir)' \
	$(SHELL) $(srcdir)/tests/bench/bench.sh

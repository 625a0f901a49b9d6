## Benchmarks: `make bench` prints "name value unit target verdict"
## lines (tests/bench/README.md). Not part of `make check`: the figures
## depend on the machine, and the databases and the typing through a
## terminal take a few minutes. The helper programs are EXTRA_PROGRAMS,
## so only `make bench` builds them.

BENCH_BINS = \
	tests/bench/bench-gen \
	tests/bench/bench-run \
	tests/bench/bench-type \
	tests/bench/bench-save \
	tests/bench/bench-echo \
	tests/bench/bench-clients
EXTRA_PROGRAMS = $(BENCH_BINS)
CLEANFILES += $(BENCH_BINS)

tests_bench_bench_gen_SOURCES = tests/bench/gen.c
tests_bench_bench_gen_LDADD = $(DPIA_LIBS)
tests_bench_bench_run_SOURCES = tests/bench/runstat.c tests/bench/pty.h
tests_bench_bench_type_SOURCES = tests/bench/type.c tests/bench/pty.h
tests_bench_bench_type_LDADD = $(DPIA_LIBS)
tests_bench_bench_save_SOURCES = tests/bench/save.c
tests_bench_bench_save_LDADD = $(DPIA_LIBS)
tests_bench_bench_clients_SOURCES = tests/bench/clients.c
tests_bench_bench_clients_LDADD = $(DPIA_LIBS)
tests_bench_bench_echo_SOURCES = tests/bench/echo.c
tests_bench_bench_echo_LDADD = $(NCURSES_LIBS)

EXTRA_DIST += tests/bench/bench.sh tests/bench/README.md

.PHONY: bench bench-clients
bench: dpia$(EXEEXT) $(BENCH_BINS)
	DPIA='$(abs_top_builddir)/dpia$(EXEEXT)' \
	BENCH_BIN='$(abs_top_builddir)/tests/bench' \
	TOP_SRCDIR='$(abs_top_srcdir)' HAVE_LIBPQ='$(have_libpq)' \
	$(SHELL) $(srcdir)/tests/bench/bench.sh

## The twenty clients alone (BENCH_CLIENTS_DB: the database they write;
## without it, an SQLite file and then a throwaway PostgreSQL server).
bench-clients: dpia$(EXEEXT) $(BENCH_BINS)
	DPIA='$(abs_top_builddir)/dpia$(EXEEXT)' \
	BENCH_BIN='$(abs_top_builddir)/tests/bench' \
	TOP_SRCDIR='$(abs_top_srcdir)' HAVE_LIBPQ='$(have_libpq)' BENCH_ONLY=clients \
	$(SHELL) $(srcdir)/tests/bench/bench.sh

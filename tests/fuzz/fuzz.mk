## Fuzzing (issue 7). With --enable-fuzzing (clang, libFuzzer) the four
## harnesses are built and `make fuzz-smoke` runs each for 30 s from its
## seed corpus. Whatever the compiler, `make check` replays the seed
## corpus and every kept crasher through the same entry points.

FUZZ_TARGETS = template import textedit database
FUZZ_SRC_CPPFLAGS = -DFUZZ_SRCDIR='"$(abs_top_srcdir)/tests/fuzz"'

# The replay runners: part of make check, any compiler.
FUZZ_REPLAY = \
	tests/fuzz/replay-template \
	tests/fuzz/replay-import \
	tests/fuzz/replay-textedit \
	tests/fuzz/replay-database
check_PROGRAMS += $(FUZZ_REPLAY)
TESTS += $(FUZZ_REPLAY)
tests_fuzz_replay_template_SOURCES = tests/fuzz/replay.c tests/fuzz/f_template.c
tests_fuzz_replay_template_CPPFLAGS = $(AM_CPPFLAGS) $(FUZZ_SRC_CPPFLAGS) -DFUZZ_TARGET='"template"'
tests_fuzz_replay_template_LDADD = $(DPIA_LIBS)
tests_fuzz_replay_import_SOURCES = tests/fuzz/replay.c tests/fuzz/f_import.c
tests_fuzz_replay_import_CPPFLAGS = $(AM_CPPFLAGS) $(FUZZ_SRC_CPPFLAGS) -DFUZZ_TARGET='"import"'
tests_fuzz_replay_import_LDADD = $(DPIA_LIBS)
tests_fuzz_replay_textedit_SOURCES = tests/fuzz/replay.c tests/fuzz/f_textedit.c
tests_fuzz_replay_textedit_CPPFLAGS = $(AM_CPPFLAGS) $(FUZZ_SRC_CPPFLAGS) -DFUZZ_TARGET='"textedit"'
tests_fuzz_replay_textedit_LDADD = $(DPIA_LIBS)
tests_fuzz_replay_database_SOURCES = tests/fuzz/replay.c tests/fuzz/f_database.c
tests_fuzz_replay_database_CPPFLAGS = $(AM_CPPFLAGS) $(FUZZ_SRC_CPPFLAGS) -DFUZZ_TARGET='"database"'
tests_fuzz_replay_database_LDADD = $(DPIA_LIBS)

EXTRA_DIST += tests/fuzz/fuzz.h tests/fuzz/smoke.sh tests/fuzz/mkdb.sh \
	tests/fuzz/corpus tests/fuzz/regressions \
	tests/valgrind/dpia-vg tests/valgrind/dpia.supp tests/valgrind/cli.sh

if ENABLE_FUZZING
# libFuzzer supplies main(); the library is already built with
# -fsanitize=fuzzer-no-link (configure adds it to CFLAGS).
FUZZ_BINS = tests/fuzz/f_template tests/fuzz/f_import tests/fuzz/f_textedit \
	tests/fuzz/f_database
noinst_PROGRAMS += $(FUZZ_BINS)
tests_fuzz_f_template_SOURCES = tests/fuzz/f_template.c
tests_fuzz_f_template_LDADD = $(DPIA_LIBS)
tests_fuzz_f_template_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_f_import_SOURCES = tests/fuzz/f_import.c
tests_fuzz_f_import_LDADD = $(DPIA_LIBS)
tests_fuzz_f_import_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_f_textedit_SOURCES = tests/fuzz/f_textedit.c
tests_fuzz_f_textedit_LDADD = $(DPIA_LIBS)
tests_fuzz_f_textedit_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_f_database_SOURCES = tests/fuzz/f_database.c
tests_fuzz_f_database_LDADD = $(DPIA_LIBS)
tests_fuzz_f_database_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer

fuzz-smoke: $(FUZZ_BINS)
	FUZZ_BIN='$(abs_top_builddir)/tests/fuzz' FUZZ_SRCDIR='$(abs_top_srcdir)/tests/fuzz' \
	FUZZ_TARGETS='$(FUZZ_TARGETS)' $(SHELL) $(srcdir)/tests/fuzz/smoke.sh
else
fuzz-smoke:
	@echo "fuzz-smoke: configure with CC=clang --enable-fuzzing first" >&2; exit 1
endif
.PHONY: fuzz-smoke

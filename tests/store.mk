## The store's tests: cmocka unit tests, a helper program for the shell
## tests (writer killed at random, two writers at once, generator for the
## listing's speed), and the command-line tests of the store commands.

check_PROGRAMS += tests/store/storetool
tests_store_storetool_SOURCES = tests/store/storetool.c
tests_store_storetool_LDADD = $(DPIA_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/t_store tests/unit/t_drafts tests/unit/t_undo tests/unit/t_live
TESTS += tests/unit/t_store tests/unit/t_drafts tests/unit/t_undo tests/unit/t_live
endif
tests_unit_t_store_SOURCES = tests/unit/t_store.c
tests_unit_t_store_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_store_LDADD = $(UNIT_LDADD)
tests_unit_t_drafts_SOURCES = tests/unit/t_drafts.c
tests_unit_t_drafts_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_drafts_LDADD = $(UNIT_LDADD)
tests_unit_t_live_SOURCES = tests/unit/t_live.c
tests_unit_t_live_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_live_LDADD = $(UNIT_LDADD)
tests_unit_t_undo_SOURCES = tests/unit/t_undo.c
tests_unit_t_undo_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_undo_LDADD = $(UNIT_LDADD)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/t_summary
TESTS += tests/unit/t_summary
endif
tests_unit_t_summary_SOURCES = tests/unit/t_summary.c
tests_unit_t_summary_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_summary_LDADD = $(UNIT_LDADD)

STORE_SHELL_TESTS = \
	tests/cli/store-commands.sh \
	tests/cli/fields.sh \
	tests/cli/risk-kinds.sh \
	tests/cli/workflow.sh \
	tests/cli/store-migrate.sh \
	tests/cli/store-formats.sh \
	tests/cli/store-refuse.sh \
	tests/cli/store-readonly.sh \
	tests/cli/store-netfs.sh \
	tests/cli/store-shared.sh \
	tests/cli/store-kill.sh \
	tests/cli/store-concurrent.sh \
	tests/cli/store-many.sh \
	tests/cli/store-big.sh \
	tests/cli/store-backup.sh \
	tests/cli/store-hostile.sh \
	tests/cli/undo.sh
TESTS += $(STORE_SHELL_TESTS)
EXTRA_DIST += $(STORE_SHELL_TESTS)

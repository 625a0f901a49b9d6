## Tests: unit tests (cmocka, TAP), command-line and screen tests (shell,
## exit status 0 pass, 77 skip, anything else fail).

TEST_EXTENSIONS = .sh
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	DPIA='$(abs_top_builddir)/dpia$(EXEEXT)'; export DPIA; \
	TOP_SRCDIR='$(abs_top_srcdir)'; export TOP_SRCDIR; \
	TOP_BUILDDIR='$(abs_top_builddir)'; export TOP_BUILDDIR; \
	TMUX_PROG='$(TMUX_PROG)'; export TMUX_PROG; \
	XMLLINT='$(XMLLINT)'; export XMLLINT; \
	DPIA_SAN_CFLAGS='$(SAN_CFLAGS)'; export DPIA_SAN_CFLAGS; \
	LANG=C.UTF-8; export LANG; LC_ALL=C.UTF-8; export LC_ALL; \
	DPIA_LOCALEDIR='$(abs_top_builddir)/tests/locale'; export DPIA_LOCALEDIR; \
	MSGFMT='$(MSGFMT)'; export MSGFMT; XGETTEXT='$(XGETTEXT)'; export XGETTEXT; \
	MSGMERGE='$(MSGMERGE)'; export MSGMERGE; \
	USE_NLS='$(USE_NLS)'; export USE_NLS; \
	HAVE_LIBPQ='$(have_libpq)'; export HAVE_LIBPQ; \
	PG_INITDB='$(PG_INITDB)'; export PG_INITDB; PG_CTL='$(PG_CTL)'; export PG_CTL; \
	unset TMUX LANGUAGE LC_MESSAGES DPIA_DB DPIA_TEMPLATE_PATH XDG_DATA_HOME XDG_CONFIG_HOME \
	  DPIA_TEST_DB DPIA_TEST_PG PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD \
	  PGSERVICE PGOPTIONS;

# The catalogues, uninstalled, where the tests' dpia finds them
# (DPIA_LOCALEDIR).
TEST_LOCALES = tests/locale/fr/LC_MESSAGES/dpia.mo tests/locale/de/LC_MESSAGES/dpia.mo
check_DATA = $(TEST_LOCALES)
CLEANFILES += $(TEST_LOCALES)
tests/locale/fr/LC_MESSAGES/dpia.mo: $(srcdir)/po/fr.po
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(GMSGFMT) -c -o $@ $(srcdir)/po/fr.po
tests/locale/de/LC_MESSAGES/dpia.mo: $(srcdir)/po/de.po
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(GMSGFMT) -c -o $@ $(srcdir)/po/de.po

# A library preloaded by tests/cli/store-netfs.sh to fake the type of
# file system statfs reports. Built without libtool, and only for the
# tests: a compiler that cannot build it makes that test skip, not fail.
check_DATA += tests/fakefs/fakefs.so
CLEANFILES += tests/fakefs/fakefs.so
EXTRA_DIST += tests/fakefs/fakefs.c
tests/fakefs/fakefs.so: $(srcdir)/tests/fakefs/fakefs.c
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	{ $(CC) -shared -fPIC -o $@ $(srcdir)/tests/fakefs/fakefs.c -ldl || \
	  { rm -f $@; echo "tests/fakefs/fakefs.so not built: store-netfs.sh will skip"; }; }

UNIT_TESTS = \
	tests/unit/t_util \
	tests/unit/t_tmpl \
	tests/unit/t_table \
	tests/unit/t_logic \
	tests/unit/t_workflow \
	tests/unit/t_roles \
	tests/unit/t_keys \
	tests/unit/t_textedit \
	tests/unit/t_date \
	tests/unit/t_register \
	tests/unit/t_settings \
	tests/unit/t_copy

if HAVE_CMOCKA
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)
else
TESTS += tests/unit/no-cmocka.sh
endif
EXTRA_DIST += tests/unit/no-cmocka.sh tests/unit/unit.h

UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"' \
	-DTOP_BUILDDIR='"$(abs_top_builddir)"'
UNIT_LDADD = $(DPIA_LIBS) $(CMOCKA_LIBS)
tests_unit_t_util_SOURCES = tests/unit/t_util.c
tests_unit_t_util_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_util_LDADD = $(UNIT_LDADD)
tests_unit_t_tmpl_SOURCES = tests/unit/t_tmpl.c
tests_unit_t_tmpl_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_tmpl_LDADD = $(UNIT_LDADD)
tests_unit_t_table_SOURCES = tests/unit/t_table.c
tests_unit_t_table_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_table_LDADD = $(UNIT_LDADD)
tests_unit_t_logic_SOURCES = tests/unit/t_logic.c
tests_unit_t_logic_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_logic_LDADD = $(UNIT_LDADD)
tests_unit_t_workflow_SOURCES = tests/unit/t_workflow.c
tests_unit_t_workflow_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_workflow_LDADD = $(UNIT_LDADD)
tests_unit_t_roles_SOURCES = tests/unit/t_roles.c
tests_unit_t_roles_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_roles_LDADD = $(UNIT_LDADD)
tests_unit_t_keys_SOURCES = tests/unit/t_keys.c
tests_unit_t_keys_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_keys_LDADD = $(UNIT_LDADD)
tests_unit_t_textedit_SOURCES = tests/unit/t_textedit.c
tests_unit_t_textedit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_textedit_LDADD = $(UNIT_LDADD)
tests_unit_t_date_SOURCES = tests/unit/t_date.c
tests_unit_t_date_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_date_LDADD = $(UNIT_LDADD)
tests_unit_t_register_SOURCES = tests/unit/t_register.c
tests_unit_t_register_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_register_LDADD = $(UNIT_LDADD)
tests_unit_t_settings_SOURCES = tests/unit/t_settings.c
tests_unit_t_settings_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_settings_LDADD = $(UNIT_LDADD)
tests_unit_t_copy_SOURCES = tests/unit/t_copy.c
tests_unit_t_copy_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_copy_LDADD = $(UNIT_LDADD)

SHELL_TESTS = \
	tests/cli/basics.sh \
	tests/cli/templates.sh \
	tests/cli/tables.sh \
	tests/cli/catalogue.sh \
	tests/cli/catalogue-data.sh \
	tests/cli/docs.sh \
	tests/cli/i18n.sh \
	tests/cli/man-lang.sh \
	tests/cli/lang.sh \
	tests/cli/layers.sh \
	tests/cli/report-revision.sh \
	tests/cli/report-lang.sh \
	tests/cli/i18n-reports.sh \
	tests/cli/input.sh \
	tests/cli/output.sh \
	tests/cli/dates.sh \
	tests/cli/register.sh \
	tests/cli/judgement.sh \
	tests/cli/workshop.sh \
	tests/cli/roles.sh \
	tests/cli/review.sh \
	tests/cli/threshold.sh \
	tests/cli/edpb.sh \
	tests/cli/example-fr.sh \
	tests/cli/copy.sh \
	tests/cli/concurrent.sh \
	tests/screen/start.sh \
	tests/screen/journey.sh \
	tests/screen/live.sh \
	tests/screen/review.sh \
	tests/screen/behalf.sh \
	tests/screen/notice.sh \
	tests/screen/robust.sh \
	tests/screen/hostile.sh \
	tests/screen/risks.sh \
	tests/screen/theme.sh \
	tests/screen/example.sh \
	tests/screen/home.sh \
	tests/screen/conflict.sh \
	tests/screen/conflict-records.sh \
	tests/screen/replaced.sh \
	tests/screen/signoff.sh \
	tests/screen/lone-file.sh \
	tests/screen/narrow.sh \
	tests/screen/room.sh \
	tests/screen/approval.sh \
	tests/screen/drafts.sh \
	tests/screen/cuts.sh \
	tests/screen/keys.sh \
	tests/screen/dates.sh \
	tests/screen/home-review.sh \
	tests/screen/register.sh \
	tests/screen/export-dir.sh \
	tests/screen/export-office.sh \
	tests/screen/catalogue.sh \
	tests/screen/undo.sh \
	tests/screen/judgement.sh \
	tests/screen/workshop.sh \
	tests/screen/tables.sh \
	tests/screen/fields.sh \
	tests/screen/edpb.sh \
	tests/screen/lang.sh
TESTS += $(SHELL_TESTS)
EXTRA_DIST += $(SHELL_TESTS) tests/lib.sh tests/tmux.sh tests/screen/walk.sh

# The same tests against a throwaway PostgreSQL server (tests/pg.sh):
# they skip (77) without libpq or initdb and pg_ctl.
PG_TESTS = \
	tests/cli/pg-open.sh \
	tests/cli/pg-rules.sh \
	tests/cli/pg-store.sh \
	tests/cli/pg-records.sh \
	tests/cli/pg-team.sh \
	tests/screen/pg-live.sh \
	tests/screen/pg-screens.sh \
	tests/screen/pg-typing.sh
if HAVE_CMOCKA
PG_TESTS += tests/unit/pg-units.sh
endif
TESTS += $(PG_TESTS)
EXTRA_DIST += $(PG_TESTS) tests/pg.sh tests/pg-run.sh tests/unit/pg-units.sh \
	tests/unit/unit_db.h
EXTRA_DIST += \
	tests/fixtures/templates/expected.tsv \
	tests/fixtures/templates/minimal.xml \
	tests/fixtures/templates/tables.xml \
	tests/fixtures/templates/grouped.xml \
	tests/fixtures/templates/kinds.xml
EXTRA_DIST += \
	tests/fixtures/templates/bad-table-condition.xml \
	tests/fixtures/templates/bad-table-condition-text.xml \
	tests/fixtures/templates/bad-table-condition-option.xml \
	tests/fixtures/templates/bad-table-condition-not-table.xml \
	tests/fixtures/templates/bad-table-dup-column.xml \
	tests/fixtures/templates/bad-table-dup-prefix.xml \
	tests/fixtures/templates/bad-table-prefix-r.xml \
	tests/fixtures/templates/bad-table-ref-text.xml \
	tests/fixtures/templates/bad-bad-type.xml \
	tests/fixtures/templates/bad-dup-group.xml \
	tests/fixtures/templates/bad-dup-risk-type.xml \
	tests/fixtures/templates/bad-builtin-risk-type.xml \
	tests/fixtures/templates/bad-billion-laughs.xml \
	tests/fixtures/templates/bad-cond-later.xml \
	tests/fixtures/templates/bad-cond-text.xml \
	tests/fixtures/templates/bad-cond-value.xml \
	tests/fixtures/templates/bad-covers-unknown.xml \
	tests/fixtures/templates/bad-criterion-outside.xml \
	tests/fixtures/templates/bad-dup-criterion.xml \
	tests/fixtures/templates/bad-dup-question.xml \
	tests/fixtures/templates/bad-external-dtd.xml \
	tests/fixtures/templates/bad-malformed.xml \
	tests/fixtures/templates/bad-matrix-level.xml \
	tests/fixtures/templates/bad-matrix-missing.xml \
	tests/fixtures/templates/bad-matrix-short.xml \
	tests/fixtures/templates/bad-namespace.xml \
	tests/fixtures/templates/bad-no-high.xml \
	tests/fixtures/templates/bad-no-prompt.xml \
	tests/fixtures/templates/bad-one-option.xml \
	tests/fixtures/templates/bad-options-on-text.xml \
	tests/fixtures/templates/bad-scale-gap.xml \
	tests/fixtures/templates/bad-schema.xml \
	tests/fixtures/templates/bad-two-screening.xml \
	tests/fixtures/templates/bad-uncovered.xml \
	tests/fixtures/templates/bad-xxe.xml \
	tests/fixtures/templates/bad-implies-text.xml \
	tests/fixtures/templates/bad-feared-outside.xml \
	tests/fixtures/templates/bad-threshold.xml \
	tests/fixtures/templates/bad-six-levels.xml \
	tests/fixtures/templates/threshold.xml \
	tests/fixtures/templates/translated.xml \
	tests/fixtures/templates/bad-translation-twice.xml \
	tests/fixtures/templates/bad-translation-orphan.xml
include tests/store.mk
include tests/report.mk
# Record fixtures of revisions, risk types and records made before them.
EXTRA_DIST += \
	tests/fixtures/records/bad-changes.xml \
	tests/fixtures/records/bad-risk-type.xml \
	tests/fixtures/records/good-example-1.0.xml \
	tests/fixtures/records/good-revision.xml

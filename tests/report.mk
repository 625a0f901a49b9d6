## The reports' tests: a cmocka unit test of export, import, HTML and
## CSV on in-memory assessments; command-line tests of dpia export and
## dpia import; the hostile record fixtures with their expected messages.

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/t_report tests/unit/t_fields tests/unit/t_labels
TESTS += tests/unit/t_report tests/unit/t_fields tests/unit/t_labels
endif
tests_unit_t_report_SOURCES = tests/unit/t_report.c
tests_unit_t_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_report_LDADD = $(UNIT_LDADD)
# Every field of the field tables in the store, the CSV, the forms and
# the record.
tests_unit_t_fields_SOURCES = tests/unit/t_fields.c
tests_unit_t_fields_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_fields_LDADD = $(UNIT_LDADD)
# The labels of the core and the reports in the language of the moment
# (i18n_push), the keys beside them unchanged.
tests_unit_t_labels_SOURCES = tests/unit/t_labels.c
tests_unit_t_labels_CFLAGS = $(UNIT_CFLAGS)
tests_unit_t_labels_LDADD = $(UNIT_LDADD)

REPORT_SHELL_TESTS = \
	tests/cli/report-roundtrip.sh \
	tests/cli/report-import.sh \
	tests/cli/report-html.sh \
	tests/cli/report-chromium.sh \
	tests/cli/report-csv.sh \
	tests/cli/report-files.sh \
	tests/cli/report-limits.sh \
	tests/cli/report-office.sh \
	tests/cli/report-auditor.sh \
	tests/cli/report-office-lo.sh \
	tests/cli/report-office-parse.sh \
	tests/cli/report-pdf.sh \
	tests/cli/files.sh
TESTS += $(REPORT_SHELL_TESTS)
EXTRA_DIST += $(REPORT_SHELL_TESTS) tests/cli/report-payload.sh tests/cli/zipparts.py \
	tests/cli/pdftext.py

EXTRA_DIST += \
	tests/fixtures/records/expected.tsv \
	tests/fixtures/records/redigest.sh \
	tests/fixtures/records/good-minimal.xml \
	tests/fixtures/records/bad-billion-laughs.xml \
	tests/fixtures/records/bad-date.xml \
	tests/fixtures/records/bad-digest.xml \
	tests/fixtures/records/bad-malformed.xml \
	tests/fixtures/records/bad-measure-risk.xml \
	tests/fixtures/records/bad-method.xml \
	tests/fixtures/records/bad-namespace.xml \
	tests/fixtures/records/bad-schema.xml \
	tests/fixtures/records/bad-score.xml \
	tests/fixtures/records/bad-snapshot.xml \
	tests/fixtures/records/bad-type.xml \
	tests/fixtures/records/bad-unknown-question.xml \
	tests/fixtures/records/bad-value.xml \
	tests/fixtures/records/bad-version.xml \
	tests/fixtures/records/bad-xxe.xml

## The record schema and the HTML report stylesheet: installed with the
## templates, and compiled into the binary (tools/report.mk).
dist_templates_DATA += \
	templates/dpia-record.rng \
	templates/report.xsl \
	templates/odt.xsl \
	templates/docx.xsl

## The translators' reference, po/reports/reports.pot, is kept in git:
## `make update-reports-po` makes it again from the stylesheets (after a
## change of their English) and merges it into po/reports/LL.po, in the
## source tree. tests/cli/i18n-reports.sh fails while a message is
## untranslated, fuzzy or obsolete.
EXTRA_DIST += templates/xsl.its tools/xsl-lang.sh tools/reports-pot.sh \
	po/reports/reports.pot po/reports/fr.po po/reports/de.po
update-reports-po:
	ITSTOOL='$(ITSTOOL)' $(SHELL) $(srcdir)/tools/reports-pot.sh $(srcdir) $(srcdir)/po/reports/reports.pot
	for l in $(REPORT_LANGS); do \
	  $(MSGMERGE) --update --backup=none --previous $(srcdir)/po/reports/$$l.po \
	    $(srcdir)/po/reports/reports.pot || exit 1; \
	done
.PHONY: update-reports-po

include tools/report.mk

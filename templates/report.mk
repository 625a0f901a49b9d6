## The report stylesheets and the record schema, compiled into dpia
## (tools/embed, as tools/local.mk does for the template). The English
## stylesheets are the sources; the French and German ones are made in
## the build tree from them and po/reports/LL.po (tools/xsl-lang.sh:
## msgfmt, then itstool with the rules templates/xsl.its).
REPORT_LANGS = fr de
REPORT_SHEETS = report odt docx
REPORT_L10N_XSL = \
	templates/report.fr.xsl templates/odt.fr.xsl templates/docx.fr.xsl \
	templates/report.de.xsl templates/odt.de.xsl templates/docx.de.xsl
REPORT_EMBEDDED = \
	res_report_xsl=$(srcdir)/templates/report.xsl \
	res_record_rng=$(srcdir)/templates/dpia-record.rng \
	res_odt_xsl=$(srcdir)/templates/odt.xsl \
	res_docx_xsl=$(srcdir)/templates/docx.xsl \
	res_report_fr_xsl=templates/report.fr.xsl \
	res_odt_fr_xsl=templates/odt.fr.xsl \
	res_docx_fr_xsl=templates/docx.fr.xsl \
	res_report_de_xsl=templates/report.de.xsl \
	res_odt_de_xsl=templates/odt.de.xsl \
	res_docx_de_xsl=templates/docx.de.xsl
REPORT_EMBEDDED_FILES = $(srcdir)/templates/report.xsl $(srcdir)/templates/dpia-record.rng \
	$(srcdir)/templates/odt.xsl $(srcdir)/templates/docx.xsl $(REPORT_L10N_XSL)

nodist_libdpia_a_SOURCES += tui/gen/report_res.c
CLEANFILES += tui/gen/report_res.c $(REPORT_L10N_XSL)
tui/gen/report_res.c: tools/embed$(EXEEXT) $(REPORT_EMBEDDED_FILES)
	$(AM_V_GEN)$(MKDIR_P) tui/gen && ./tools/embed$(EXEEXT) $@ $(REPORT_EMBEDDED)

REPORT_XSL_LANG = GMSGFMT='$(GMSGFMT)' ITSTOOL='$(ITSTOOL)' $(SHELL) $(srcdir)/tools/xsl-lang.sh
REPORT_XSL_DEPS = $(srcdir)/tools/xsl-lang.sh $(srcdir)/templates/xsl.its
templates/report.fr.xsl: $(srcdir)/templates/report.xsl $(srcdir)/po/reports/fr.po $(REPORT_XSL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) templates && $(REPORT_XSL_LANG) fr $(srcdir)/po/reports/fr.po $(srcdir)/templates/report.xsl $(srcdir)/templates/xsl.its $@
templates/odt.fr.xsl: $(srcdir)/templates/odt.xsl $(srcdir)/po/reports/fr.po $(REPORT_XSL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) templates && $(REPORT_XSL_LANG) fr $(srcdir)/po/reports/fr.po $(srcdir)/templates/odt.xsl $(srcdir)/templates/xsl.its $@
templates/docx.fr.xsl: $(srcdir)/templates/docx.xsl $(srcdir)/po/reports/fr.po $(REPORT_XSL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) templates && $(REPORT_XSL_LANG) fr $(srcdir)/po/reports/fr.po $(srcdir)/templates/docx.xsl $(srcdir)/templates/xsl.its $@
templates/report.de.xsl: $(srcdir)/templates/report.xsl $(srcdir)/po/reports/de.po $(REPORT_XSL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) templates && $(REPORT_XSL_LANG) de $(srcdir)/po/reports/de.po $(srcdir)/templates/report.xsl $(srcdir)/templates/xsl.its $@
templates/odt.de.xsl: $(srcdir)/templates/odt.xsl $(srcdir)/po/reports/de.po $(REPORT_XSL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) templates && $(REPORT_XSL_LANG) de $(srcdir)/po/reports/de.po $(srcdir)/templates/odt.xsl $(srcdir)/templates/xsl.its $@
templates/docx.de.xsl: $(srcdir)/templates/docx.xsl $(srcdir)/po/reports/de.po $(REPORT_XSL_DEPS)
	$(AM_V_GEN)$(MKDIR_P) templates && $(REPORT_XSL_LANG) de $(srcdir)/po/reports/de.po $(srcdir)/templates/docx.xsl $(srcdir)/templates/xsl.its $@

## The translators' reference, po/reports/reports.pot, is kept in git:
## `make update-reports-po` makes it again from the stylesheets (after a
## change of their English) and merges it into po/reports/LL.po, in the
## source tree. tests/cli/i18n-reports.sh fails while a message is
## untranslated, fuzzy or obsolete.
EXTRA_DIST += templates/xsl.its tools/xsl-lang.sh tools/reports-pot.sh \
	po/reports/reports.pot po/reports/fr.po po/reports/de.po
update-reports-po:
	$(SHELL) $(srcdir)/tools/reports-pot.sh $(srcdir) $(srcdir)/po/reports/reports.pot
	for l in $(REPORT_LANGS); do \
	  $(MSGMERGE) --update --backup=none --previous $(srcdir)/po/reports/$$l.po \
	    $(srcdir)/po/reports/reports.pot || exit 1; \
	done
.PHONY: update-reports-po

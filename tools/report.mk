## The report stylesheets and the record schema, compiled into dpia
## (tools/embed, as tools/local.mk does for the template). The English
## stylesheets are the sources; the French and German ones are made in
## the build tree from them and po/reports/LL.po (tools/xsl-lang.sh:
## msgfmt, then itstool with the rules templates/xsl.its).
REPORT_LANGS = fr de
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

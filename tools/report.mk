## The report stylesheet and the record schema, compiled into dpia
## (tools/embed, as tools/local.mk does for the template).
REPORT_EMBEDDED = \
	res_report_xsl=$(srcdir)/templates/report.xsl \
	res_record_rng=$(srcdir)/templates/dpia-record.rng \
	res_odt_xsl=$(srcdir)/templates/odt.xsl \
	res_docx_xsl=$(srcdir)/templates/docx.xsl
REPORT_EMBEDDED_FILES = $(srcdir)/templates/report.xsl $(srcdir)/templates/dpia-record.rng \
	$(srcdir)/templates/odt.xsl $(srcdir)/templates/docx.xsl

nodist_libdpia_a_SOURCES += tui/gen/report_res.c
CLEANFILES += tui/gen/report_res.c
tui/gen/report_res.c: tools/embed$(EXEEXT) $(REPORT_EMBEDDED_FILES)
	$(AM_V_GEN)$(MKDIR_P) tui/gen && ./tools/embed$(EXEEXT) $@ $(REPORT_EMBEDDED)

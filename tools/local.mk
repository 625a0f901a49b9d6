## The embedder runs at build time on the build machine.
noinst_PROGRAMS += tools/embed
tools_embed_SOURCES = tools/embed.c
tools_embed_CFLAGS = $(WARN_CFLAGS)
tools_embed_LDFLAGS =

EMBEDDED = \
	res_template_xml=tui/gen/gdpr-dpia.xml \
	res_template_edpb_xml=$(srcdir)/templates/edpb-2026.xml \
	res_template_rng=$(srcdir)/templates/dpia-template.rng \
	res_catalogue_xml=$(srcdir)/data/catalogue.xml \
	res_catalogue_rng=$(srcdir)/data/catalogue.rng
EMBEDDED_FILES = tui/gen/gdpr-dpia.xml $(srcdir)/templates/edpb-2026.xml \
	$(srcdir)/templates/dpia-template.rng \
	$(srcdir)/data/catalogue.xml $(srcdir)/data/catalogue.rng

nodist_libdpia_a_SOURCES += tui/gen/resources.c
CLEANFILES += tui/gen/resources.c
tui/gen/resources.c: tools/embed$(EXEEXT) $(EMBEDDED_FILES)
	$(AM_V_GEN)$(MKDIR_P) tui/gen && ./tools/embed$(EXEEXT) $@ $(EMBEDDED)

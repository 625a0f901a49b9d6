dist_templates_DATA += \
	templates/edpb-2026.xml \
	templates/dpia-template.rng

## The default template with its French and German translations joined
## in as xml:lang alternatives (itstool): what the program has built in
## and what is installed. The English source is templates/gdpr-dpia.xml;
## the translations are po/gdpr-dpia/LANG.po (see doc/HACKING.md).
TEMPLATE_LINGUAS = fr de
TEMPLATE_PO = $(TEMPLATE_LINGUAS:%=$(srcdir)/po/gdpr-dpia/%.po)
EXTRA_DIST += templates/gdpr-dpia.xml templates/template.its \
	po/gdpr-dpia/gdpr-dpia.pot $(TEMPLATE_PO)
nodist_templates_DATA = tui/gen/gdpr-dpia.xml
CLEANFILES += tui/gen/gdpr-dpia.xml
tui/gen/gdpr-dpia.xml: $(srcdir)/templates/gdpr-dpia.xml $(srcdir)/templates/template.its $(TEMPLATE_PO)
	$(AM_V_GEN)$(MKDIR_P) tui/gen && \
	if test -n "$(ITSTOOL)"; then \
	  d=tui/gen/gdpr-dpia.mo && rm -rf $$d && $(MKDIR_P) $$d && \
	  for l in $(TEMPLATE_LINGUAS); do \
	    $(GMSGFMT) -c -o $$d/$$l.mo $(srcdir)/po/gdpr-dpia/$$l.po || exit 1; \
	  done && \
	  $(ITSTOOL) -i $(srcdir)/templates/template.its -j $(srcdir)/templates/gdpr-dpia.xml \
	    -o $@.tmp $$d/*.mo && rm -rf $$d && mv $@.tmp $@; \
	else \
	  cp $(srcdir)/templates/gdpr-dpia.xml $@; \
	fi

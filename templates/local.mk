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

## `make update-po`: every catalogue made again from its English and
## merged into the French and German translations, in the source tree:
## the program's messages (po/), the default template's text
## (po/gdpr-dpia), the reports' (po/reports) and the man pages'
## (po/man). Then translate what is new or fuzzy; tests/cli/i18n.sh
## says what is left.
update-po: update-reports-po
	$(MAKE) -C po update-po
	$(ITSTOOL) -i $(srcdir)/templates/template.its -o $(srcdir)/po/gdpr-dpia/gdpr-dpia.pot \
	  $(srcdir)/templates/gdpr-dpia.xml
	for l in $(TEMPLATE_LINGUAS); do \
	  $(MSGMERGE) --update --backup=none --previous $(srcdir)/po/gdpr-dpia/$$l.po \
	    $(srcdir)/po/gdpr-dpia/gdpr-dpia.pot || exit 1; \
	done
	for page in dpia.1 dpia-template.5; do \
	  po4a-updatepo -f man -M UTF-8 -m $(srcdir)/doc/$$page -p $(srcdir)/po/man/$$page.pot || exit 1; \
	  for l in $(TEMPLATE_LINGUAS); do \
	    $(MSGMERGE) --update --backup=none --previous $(srcdir)/po/man/$$page.$$l.po \
	      $(srcdir)/po/man/$$page.pot || exit 1; \
	  done; \
	done
.PHONY: update-po

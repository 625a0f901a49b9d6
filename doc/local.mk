dist_man_MANS += doc/dpia.1 doc/dpia-template.5
EXTRA_DIST += doc/template-format.md doc/HACKING.md

## The man pages in French and German: the English pages with the
## translations of po/man (po4a), installed under the language's man
## folder. Without po4a they are not made (configure says so).
MAN_PO = po/man/dpia.1.pot po/man/dpia-template.5.pot \
	po/man/dpia.1.fr.po po/man/dpia.1.de.po \
	po/man/dpia-template.5.fr.po po/man/dpia-template.5.de.po
EXTRA_DIST += $(MAN_PO)
if HAVE_PO4A
manfr1dir = $(mandir)/fr/man1
manfr5dir = $(mandir)/fr/man5
mande1dir = $(mandir)/de/man1
mande5dir = $(mandir)/de/man5
manfr1_DATA = doc/fr/dpia.1
manfr5_DATA = doc/fr/dpia-template.5
mande1_DATA = doc/de/dpia.1
mande5_DATA = doc/de/dpia-template.5
MAN_TRANSLATED = $(manfr1_DATA) $(manfr5_DATA) $(mande1_DATA) $(mande5_DATA)
CLEANFILES += $(MAN_TRANSLATED)
# The page's encoding said on its first line, for man-db.
MAN_PO4A = $(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(PO4A_TRANSLATE) -f man -M UTF-8 -L UTF-8 -k 80 -m $(srcdir)/doc/$(@F) \
	  -p $(srcdir)/po/man/$(@F).$$(basename $(@D)).po -l $@.tmp && \
	{ echo "'\\\" -*- coding: UTF-8 -*-"; cat $@.tmp; } > $@ && rm -f $@.tmp
doc/fr/dpia.1: $(srcdir)/doc/dpia.1 $(srcdir)/po/man/dpia.1.fr.po
	$(MAN_PO4A)
doc/de/dpia.1: $(srcdir)/doc/dpia.1 $(srcdir)/po/man/dpia.1.de.po
	$(MAN_PO4A)
doc/fr/dpia-template.5: $(srcdir)/doc/dpia-template.5 $(srcdir)/po/man/dpia-template.5.fr.po
	$(MAN_PO4A)
doc/de/dpia-template.5: $(srcdir)/doc/dpia-template.5 $(srcdir)/po/man/dpia-template.5.de.po
	$(MAN_PO4A)
endif

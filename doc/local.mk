dist_man_MANS += doc/dpia.1 doc/dpia-template.5
EXTRA_DIST += doc/template-format.md doc/HACKING.md

## The record schema and the HTML report stylesheet: installed with the
## templates, and compiled into the binary (tools/report.mk).
dist_templates_DATA += \
	templates/dpia-record.rng \
	templates/report.xsl \
	templates/odt.xsl \
	templates/docx.xsl

include tools/report.mk

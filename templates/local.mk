dist_templates_DATA += \
	templates/gdpr-dpia.xml \
	templates/dpia-template.rng

dist_templates_DATA += \
	templates/gdpr-dpia.xml \
	templates/edpb-2026.xml \
	templates/dpia-template.rng

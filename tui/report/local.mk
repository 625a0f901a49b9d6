libdpia_a_SOURCES += \
	tui/report/report.h tui/report/report_int.h \
	tui/report/record.c \
	tui/report/xw.c tui/report/xw.h \
	tui/report/xml_write.c \
	tui/report/xml_read.c \
	tui/report/html.c \
	tui/report/log_marks.c \
	tui/report/pdf_af.c \
	tui/report/csv.c \
	tui/report/register.c \
	tui/report/office.c \
	tui/report/pdf.c \
	tui/report/zipw.c tui/report/zipw.h

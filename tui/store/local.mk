libdpia_a_SOURCES +=

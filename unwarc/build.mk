# unwarc: build lines (included by the top Makefile).
PROGS += unwarc
# fetch's charset sniffing and conversion and its choice of bodies:
# linked, so that a page read from a WARC file becomes the record
# fetching it gives.
unwarc_SRCS = unwarc/unwarc.c unwarc/warcin.c unwarc/decode.c \
	fetch/charset.c fetch/body.c
unwarc_PKGS = icu-i18n zlib
# Brotli (Content-Encoding: br) when libbrotlidec is installed
# (libbrotli-dev); without it such a body gets an error.
ifneq ($(shell pkg-config --exists libbrotlidec 2>/dev/null && echo y),)
LIBS_brotli := $(shell pkg-config --libs libbrotlidec)
unwarc_PKGS += brotli
build/opt/unwarc/decode.o build/asan/unwarc/decode.o: DEP_CFLAGS += -DKH_BROTLI
endif
# The WARC reader reads what archives hold.
FUZZ_TARGETS += warc
warc_FUZZ_LINK = unwarc/warcin.c unwarc/decode.c
warc_FUZZ_PKGS = zlib $(filter brotli,$(unwarc_PKGS))

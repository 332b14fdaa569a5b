# unwarc: build lines (included by the top Makefile).
PROGS += unwarc
# fetch's charset sniffing and conversion and its choice of bodies:
# linked, so that a page read from a WARC file becomes the record
# fetching it gives.
unwarc_SRCS = unwarc/unwarc.c unwarc/warcin.c
# lib/decode.c: zlib, and libbrotlidec when there (lib/build.mk)
unwarc_PKGS = icu-i18n zlib $(BROTLI)
# The WARC reader reads what archives hold.
FUZZ_TARGETS += warc
warc_FUZZ_LINK = unwarc/warcin.c
warc_FUZZ_PKGS = zlib $(BROTLI)

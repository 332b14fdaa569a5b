# clean: build lines (included by the top Makefile).
PROGS += clean
clean_SRCS = clean/clean.c clean/extract.c clean/meta.c clean/kind.c \
	clean/textmode.c clean/dateline.c
clean_PKGS = libxml-2.0 icu-uc icu-i18n

# bench/parse: libxml2's bare parse of each record's html, the speed
# anchor of bench/clean.sh.
TOOLS += parse
parse_SRCS = bench/parse.c
parse_PKGS = libxml-2.0

# The extractor alone: HTML bytes in, text and metadata out.
FUZZ_TARGETS += extract
extract_FUZZ_LINK = clean/extract.c clean/meta.c clean/kind.c clean/textmode.c \
	clean/dateline.c fuzz/valid.c
extract_FUZZ_PKGS = libxml-2.0 icu-uc icu-i18n

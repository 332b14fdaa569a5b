# lib/url.c: build lines (included by the top Makefile).
#
# A program that calls kh_url_*() names icu-uc and libpsl in its
# NAME_PKGS; others link without them (lib/ is a static library).
TOOLS += url-test url-bench
url-test_SRCS = tests/url-test.c tests/tap.c
url-test_PKGS = icu-uc libpsl
url-bench_SRCS = bench/url-bench.c
url-bench_PKGS = icu-uc libpsl
# the fuzz target checks its output with libcurl's URL parser too
FUZZ_TARGETS += url
url_FUZZ_LINK =
url_FUZZ_PKGS = libcurl icu-uc libpsl

# lib/decode.c (HTTP bodies as received: chunked, gzip, deflate, br)
# decodes br when libbrotlidec is installed (libbrotli-dev); without it
# such a body gets an error.  A program that calls decode_*() names
# zlib and $(BROTLI) in its NAME_PKGS.
ifneq ($(shell pkg-config --exists libbrotlidec 2>/dev/null && echo y),)
BROTLI = brotli
LIBS_brotli := $(shell pkg-config --libs libbrotlidec)
build/opt/lib/decode.o build/asan/lib/decode.o: DEP_CFLAGS += -DKH_BROTLI
endif

# lib/charset.c (a page's encoding and its text in UTF-8, for fetch and
# unwarc) calls ICU's converters: a program that calls charset_*() names
# icu-i18n in its NAME_PKGS.  lib/body.c (which bodies a record takes,
# sitemaps' gzip) needs zlib; lib/sha1.c (WARC digests) nothing.

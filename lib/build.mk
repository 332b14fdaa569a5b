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

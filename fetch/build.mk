# fetch: build lines (included by the top Makefile).
PROGS += fetch
fetch_SRCS = fetch/fetch.c fetch/sched.c fetch/robots.c \
	fetch/state.c fetch/url.c fetch/resolve.c fetch/warcout.c
# --warc: lib/sha1.c for WARC's digests, lib/decode.c for the bodies
fetch_PKGS = libcurl icu-i18n zlib $(BROTLI)
# robots.txt, charset sniffing and charset labels read what servers
# send.
FUZZ_TARGETS += robots charset charset-label
robots_FUZZ_LINK = fetch/robots.c
charset_FUZZ_LINK =
charset_FUZZ_PKGS = icu-i18n
charset-label_FUZZ_LINK =
charset-label_FUZZ_PKGS = icu-i18n
# Drivers for tests/robots.t and tests/charset.t.
TOOLS += robots-test
robots-test_SRCS = tests/robots-test.c tests/slurp.c fetch/robots.c
TOOLS += charset-test
charset-test_SRCS = tests/charset-test.c tests/slurp.c
charset-test_PKGS = icu-i18n
# URLs and Location headers as fetch reads them.
FUZZ_TARGETS += fetch-url
fetch-url_FUZZ_LINK = fetch/url.c
fetch-url_FUZZ_PKGS = libcurl

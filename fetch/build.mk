# fetch: build lines (included by the top Makefile).
PROGS += fetch
fetch_SRCS = fetch/fetch.c fetch/sched.c fetch/robots.c fetch/charset.c \
	fetch/state.c fetch/url.c
fetch_PKGS = libcurl icu-i18n
# robots.txt and charset sniffing read what servers send.
FUZZ_TARGETS += robots charset
robots_FUZZ_LINK = fetch/robots.c
charset_FUZZ_LINK = fetch/charset.c
charset_FUZZ_PKGS = icu-i18n
# URLs and Location headers as fetch reads them.
FUZZ_TARGETS += fetch-url
fetch-url_FUZZ_LINK = fetch/url.c
fetch-url_FUZZ_PKGS = libcurl

# links: build lines (included by the top Makefile).
LINKS_CORE = links/emit.c links/date.c links/xml.c
PROGS += links
links_SRCS = links/links.c links/sniff.c links/feed.c links/sitemap.c \
	links/page.c links/shape.c $(LINKS_CORE)
links_PKGS = libxml-2.0 icu-uc libpsl

# Every reader of outside input has a target; each checks that what it
# finds makes records validate passes (lib/check.c).
FUZZ_TARGETS += feed sitemap robotslines linkhtml
feed_FUZZ_LINK = links/feed.c fuzz/linkrec.c $(LINKS_CORE)
feed_FUZZ_PKGS = libxml-2.0 icu-uc libpsl
sitemap_FUZZ_LINK = links/sitemap.c fuzz/linkrec.c \
	$(LINKS_CORE)
sitemap_FUZZ_PKGS = libxml-2.0 icu-uc libpsl
robotslines_FUZZ_LINK = links/sitemap.c fuzz/linkrec.c \
	$(LINKS_CORE)
robotslines_FUZZ_PKGS = libxml-2.0 icu-uc libpsl
linkhtml_FUZZ_LINK = links/page.c links/shape.c fuzz/linkrec.c \
	$(LINKS_CORE)
linkhtml_FUZZ_PKGS = libxml-2.0 icu-uc libpsl

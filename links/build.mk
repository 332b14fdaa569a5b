# links: build lines (included by the top Makefile).
#
# links/url-tmp.c stands in for lib/url.c (kh_url_canon, kh_url_site)
# until that lands: drop it from LINKS_CORE then.
LINKS_CORE = links/emit.c links/date.c links/xml.c links/url-tmp.c
PROGS += links
links_SRCS = links/links.c links/sniff.c links/feed.c links/sitemap.c \
	links/page.c links/shape.c $(LINKS_CORE)
links_PKGS = libxml-2.0 libcurl

# Every reader of outside input has a target; each checks that what it
# finds makes records validate passes (validate/check.c).
FUZZ_TARGETS += feed sitemap robotslines linkhtml
feed_FUZZ_LINK = links/feed.c fuzz/linkrec.c validate/check.c $(LINKS_CORE)
feed_FUZZ_PKGS = libxml-2.0 libcurl
sitemap_FUZZ_LINK = links/sitemap.c fuzz/linkrec.c validate/check.c \
	$(LINKS_CORE)
sitemap_FUZZ_PKGS = libxml-2.0 libcurl
robotslines_FUZZ_LINK = links/sitemap.c fuzz/linkrec.c validate/check.c \
	$(LINKS_CORE)
robotslines_FUZZ_PKGS = libxml-2.0 libcurl
linkhtml_FUZZ_LINK = links/page.c links/shape.c fuzz/linkrec.c validate/check.c \
	$(LINKS_CORE)
linkhtml_FUZZ_PKGS = libxml-2.0 libcurl

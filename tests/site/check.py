#!/usr/bin/env python3
"""check.py: check the sample site against expected.json.

    check.py files                 the files alone, no server
    check.py served PORT           server.py on PORT, first state
    check.py updated PORT          server.py on PORT, overlay on

Prints what is wrong and exits 1, or exits 0 quietly.  Used by
tests/site.t.  Python 3 standard library only.
"""

import gzip
import http.client
import json
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
E = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
errors = []
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
      "a": "http://www.w3.org/2005/Atom"}


def bad(msg):
    errors.append(msg)


def same(what, got, want):
    if got != want:
        bad("%s: got %s, want %s" % (what, got, want))


class Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if tag == "a" and d.get("href"):
            self.hrefs.append(d["href"])


def paths_of(urls, origin):
    """The paths of the URLs on origin, percent-encoded as links writes
    them (raw Bengali in an href is encoded)."""
    out = []
    for u in urls:
        if u.startswith("/"):
            u = origin + u
        if not u.startswith(origin + "/"):
            continue
        p = urllib.parse.urlsplit(u)
        path = urllib.parse.quote(urllib.parse.unquote(p.path))
        out.append(path + ("?" + p.query if p.query else ""))
    return out


def feed_links(xml):
    root = ET.fromstring(xml)
    if root.tag == "rss":
        return [i.findtext("link") for i in root.iter("item")]
    if root.tag == "{%s}feed" % NS["a"]:
        return [e.find("a:link", NS).get("href")
                for e in root.findall("a:entry", NS)]
    if root.tag == "{%s}urlset" % NS["s"]:
        return [u.findtext("s:loc", namespaces=NS)
                for u in root.findall("s:url", NS)]
    if root.tag == "{%s}sitemapindex" % NS["s"]:
        return [u.findtext("s:loc", namespaces=NS)
                for u in root.findall("s:sitemap", NS)]
    raise ValueError("not a feed or sitemap: " + root.tag)


# --- the files ---------------------------------------------------------


def read(outlet, rel, state=1):
    if state == 2:
        p = os.path.join(HERE, "update", outlet, rel)
        if os.path.exists(p):
            return open(p, "rb").read()
    return open(os.path.join(HERE, outlet, rel), "rb").read()


def file_of(path):
    p = urllib.parse.unquote(path).lstrip("/")
    return p if p.endswith(".html") else p + ".html"


def check_files():
    total = 0
    for key, o in E["outlets"].items():
        org = o["placeholder"]
        total += o["articles_count"]
        same(key + " articles_count", len(o["articles"]), o["articles_count"])
        same(key + " articles unique", len(set(o["articles"])),
             len(o["articles"]))
        for a in o["articles"]:
            if not os.path.isfile(os.path.join(HERE, key, file_of(a))):
                bad("%s %s: no file" % (key, a))
        # Every article is linked from the home page or a section page.
        linked = set()
        for page in ["index.html"] + [s.lstrip("/") + "/index.html"
                                      for s in o["sections"]]:
            h = Hrefs()
            h.feed(read(key, page).decode("utf-8"))
            linked.update(p.split("?")[0] for p in paths_of(h.hrefs, org))
        missing = set(o["articles"]) - linked
        if missing:
            bad("%s: articles no page links to: %s" % (key, sorted(missing)))
        for name, rel in (("in_rss", o["rss"]), ("in_atom", o["atom"])):
            same("%s %s" % (key, name),
                 paths_of(feed_links(read(key, rel.lstrip("/"))), org),
                 o[name])
        news = paths_of(feed_links(read(key, "_gz/sitemap-news.xml")), org)
        same(key + " in_news_sitemap", news, o["in_news_sitemap"])
        maps = paths_of(feed_links(read(key, "sitemap.xml")), org)
        got = []
        for m in maps:
            rel = "_gz" + m[:-3] if m.endswith(".gz") else m
            if not m.endswith(".gz"):
                got += paths_of(feed_links(read(key, rel.lstrip("/"))), org)
        same(key + " in_sitemaps", got, o["in_sitemaps"])
        rb = read(key, "robots.txt").decode()
        same(key + " robots Sitemap lines",
             re.findall(r"(?m)^Sitemap: (\S+)$", rb),
             [org + o["sitemap_index"], org + o["news_sitemap"]])
        for s in o["sections_without_feed"]:
            if b'rel="alternate"' in read(key, s.lstrip("/") + "/index.html"):
                bad("%s %s has a feed" % (key, s))
        # Feeds cover all but the HTML-only articles.
        fed = set(o["in_rss"] + o["in_atom"] + o["in_sitemaps"]
                  + o["in_news_sitemap"])
        same(key + " html_only", sorted(set(o["articles"]) - fed),
             sorted(o["html_only"]))
        up = o["update"]
        same(key + " update count", up["articles_count"],
             o["articles_count"] + len(up["new"]))
        for a in up["new"] + up["edited"]:
            if not os.path.isfile(os.path.join(HERE, "update", key,
                                               file_of(a))):
                bad("%s %s: not in update/" % (key, a))
    same("articles_count", total, E["articles_count"])
    for p in E["legacy_charset"]["paths"]:
        b = read("courier", file_of(p))
        try:
            b.decode("utf-8")
            bad("%s decodes as UTF-8" % p)
        except UnicodeDecodeError:
            pass
        if b"charset=windows-1252" not in b:
            bad("%s: no <meta> charset" % p)
    home = read("dainik", "index.html").decode()
    t = E["tracking_twin"]
    if 'href="%s"' % t["href"].replace("&", "&amp;") not in home \
            or 'href="%s"' % t["canonical"] not in home:
        bad("tracking twin: not both on the home page")


# --- the server --------------------------------------------------------


def get(host, port, path, headers=None, method="GET"):
    """Ask the server on 127.0.0.1 for the outlet called host."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request(method, path,
              headers=dict(headers or {}, Host="%s:%d" % (host, port)))
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), body


def check_served(port, state):
    for key, o in E["outlets"].items():
        host = o["host"]
        org = "http://%s:%d" % (host, port)
        up = o["update"]
        arts = o["articles"] + (up["new"] if state == 2 else [])
        for a in arts:
            st, h, b = get(host, port, a)
            same("%s %s status" % (key, a), st, 200)
            legacy = a in E["legacy_charset"]["paths"]
            same("%s %s type" % (key, a), h.get("content-type"),
                 "text/html" if legacy else "text/html; charset=utf-8")
            for x in E["outlets"].values():
                b = b.replace(("%s:%d" % (x["placeholder"], port)).encode(),
                              b"")
            if b"http://dainik.test" in b or b"http://courier.test" in b:
                bad("%s %s: placeholder left" % (key, a))
            if not h.get("etag") or not h.get("last-modified"):
                bad("%s %s: no ETag or Last-Modified" % (key, a))
        if state == 2:
            for a in up["new"]:
                st, h, b = get(host, port, a)
                same(a + " Last-Modified", h.get("last-modified"),
                     "Sun, 18 Aug 2024 04:00:00 GMT")
        for rel, ctype in ((o["rss"], "application/rss+xml; charset=utf-8"),
                           (o["atom"],
                            "application/atom+xml; charset=utf-8"),
                           (o["sitemap_index"],
                            "application/xml; charset=utf-8"),
                           (o["robots"], "text/plain; charset=utf-8"),
                           (o["news_sitemap"], "application/gzip")):
            st, h, b = get(host, port, rel)
            same("%s %s" % (key, rel), (st, h.get("content-type")),
                 (200, ctype))
            if rel.endswith(".gz"):
                b = gzip.decompress(b)
            if rel == o["robots"]:
                if ("Sitemap: %s/sitemap.xml" % org).encode() not in b:
                    bad("%s robots.txt: no Sitemap line for %s" % (key, org))
                continue
            links = paths_of(feed_links(b), org)
            want = {o["rss"]: "in_rss", o["atom"]: "in_atom",
                    o["news_sitemap"]: "in_news_sitemap"}.get(rel)
            if want:
                same("%s %s served" % (key, rel), links,
                     (up if state == 2 else o)[want])
        # Conditional requests: ETag, then If-Modified-Since.
        st, h, b = get(host, port, "/")
        st2, h2, b2 = get(host, port, "/", {"If-None-Match": h["etag"]})
        same(key + " If-None-Match", (st2, b2), (304, b""))
        st2, _, _ = get(host, port, "/", {"If-None-Match": '"other"'})
        same(key + " If-None-Match other", st2, 200)
        st2, _, _ = get(host, port, "/",
                        {"If-Modified-Since": h["last-modified"]})
        same(key + " If-Modified-Since", st2, 304)
        st2, _, _ = get(host, port, "/", {"If-Modified-Since":
                                          "Fri, 16 Aug 2024 00:00:00 GMT"})
        same(key + " If-Modified-Since older", st2, 200)
        st2, h2, b2 = get(host, port, "/", method="HEAD")
        same(key + " HEAD", (st2, b2, h2.get("content-length")),
             (200, b"", str(len(b))))
        for p in ("/_redirects", "/_gz/sitemap-news.xml", "/../make.py",
                  "/no/such/page"):
            st, _, _ = get(host, port, p)
            same("%s %s" % (key, p), st, 404)
    r = E["redirect"]
    host = E["outlets"][r["outlet"]]["host"]
    st, h, _ = get(host, port, r["from"])
    same("redirect", (st, h.get("location")),
         (301, "http://%s:%d%s" % (host, port, r["to"])))
    n = E["not_found"]
    st, _, _ = get(E["outlets"][n["outlet"]]["host"], port, n["path"])
    same("not found", st, 404)
    t = E["tracking_twin"]
    st, _, _ = get(E["outlets"][t["outlet"]]["host"], port, t["href"])
    same("tracking twin served", st, 200)
    st, _, _ = get("127.0.0.1", port, "/")
    same("a Host that is no outlet", st, 404)
    # The first state's ETag of an edited page no longer matches; an
    # unchanged page's still does.
    for key, o in E["outlets"].items():
        host = o["host"]
        for a in o["update"]["edited"]:
            st, h, b = get(host, port, a)
            old = read(key, file_of(a))
            for x in E["outlets"].values():
                old = old.replace(x["placeholder"].encode(), (
                    "http://%s:%d" % (x["host"], port)).encode())
            changed = b != old
            same("%s %s changed" % (key, a), changed, state == 2)


def main(argv):
    if argv[:1] == ["files"]:
        check_files()
    elif len(argv) == 2 and argv[0] in ("served", "updated"):
        check_served(int(argv[1]), 1 if argv[0] == "served" else 2)
    else:
        sys.stderr.write(__doc__)
        return 2
    for e in errors[:30]:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

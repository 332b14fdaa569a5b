#!/usr/bin/env python3
"""bad-input.py DIR: write the bad-input cases (cmd, stdin, records) under
DIR, tests/bad-input/ in the repository; then

    KH_BIN=$PWD/build/asan/bin tests/golden.sh --dir bad-input --update

runs them and writes what each prints and exits with, to be reviewed and
committed.  tests/bad-input.t runs them in make check.

Each case is hostile input for one program: malformed lines between two
good records (the good ones must come out), records that break
docs/records.md, hostile HTML, feeds and sitemaps (entity amplification,
external entities, deep nesting), closed and full descriptors.  A case
marked records must also write output that validate passes.
"""
import os, json, sys
root = sys.argv[1]
GOOD1 = '{"url":"https://a.example/1","fetched_at":"2024-08-15T06:00:00Z","html":"<html><head><title>One</title></head><body><article><h1>One</h1><p>ঢাকায় আজ সকাল থেকে আকাশ মেঘলা ছিল, দুপুরের পর নগরীর বিভিন্ন এলাকায় মাঝারি থেকে ভারী বৃষ্টি হয়েছে। আবহাওয়া অধিদপ্তর জানিয়েছে, আগামী দুই দিন বৃষ্টি হবে।</p></article></body></html>"}'
GOOD2 = '{"url":"https://a.example/2","fetched_at":"2024-08-16T06:00:00Z","html":"<html><head><title>Two</title></head><body><article><h1>Two</h1><p>The quick brown fox jumps over the lazy dog in Dhaka on Thursday, 15 August 2024, said Sheikh Hasina.</p></article></body></html>"}'
TAGREC1 = '{"url":"https://a.example/1","fetched_at":"2024-08-17T06:00:00Z","published":"2024-08-17T11:46:00+06:00","title":"পুতিনের সফর","text":"রাশিয়ার প্রেসিডেন্ট পুতিন বৃহস্পতিবার (১৫ আগস্ট) আলাস্কায় পৌঁছান।"}'
FEED1 = json.dumps({"url":"https://a.example/feed","final_url":"https://a.example/feed","status":200,"fetched_at":"2024-08-17T06:00:00Z","content_type":"application/rss+xml","html":"<rss version='2.0'><channel><title>A</title><item><title>একটি খবর</title><link>https://a.example/news/1</link><pubDate>Sat, 17 Aug 2024 05:46:00 GMT</pubDate></item></channel></rss>"}, ensure_ascii=False)
FEED2 = json.dumps({"url":"https://a.example/sitemap.xml","final_url":"https://a.example/sitemap.xml","status":200,"fetched_at":"2024-08-17T06:00:00Z","content_type":"application/xml","html":"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://a.example/news/2</loc><lastmod>2024-08-17</lastmod></url></urlset>"}, ensure_ascii=False)
TAGREC2 = '{"url":"https://a.example/2","fetched_at":"2024-08-17T06:00:00Z","published":"2024-08-17","title":"A visit","text":"Vladimir Putin reached Alaska on Thursday, 15 August."}'

cases = {}
def case(name, cmd, stdin=None, records=True, files=None):
    cases[name] = (cmd, stdin, records, files or {})

# --- the record layer, in every program that reads records -------------
progs = {
    "clean": ("clean", GOOD1, GOOD2),
    "tag": ("tag --ref 2024-08-20", TAGREC1, TAGREC2),
    "validate": ("validate", GOOD1, GOOD2),
    "fetch": ("fetch --delay 0", '{"url":"file:///nonexistent/khobor-1"}', '{"url":"file:///nonexistent/khobor-2"}'),
    "store": ('store -o A --tee && store cat A', GOOD1, GOOD2),
    "links": ("links", FEED1, FEED2),
}
bad_lines = {
    "malformed-json": '{"url":"https://a.example/x",}',
    "invalid-utf8": '{"url":"https://a.example/\udcff\udcfe"}',
    "nul-byte": '{"url":"https://a.example/x"}\x00',
    "not-object": '["https://a.example/x"]',
    "two-values": '{"url":"https://a.example/x"} {"url":"https://a.example/y"}',
    "deep-nesting": '{"url":"https://a.example/x","a":' + '[' * 40 + ']' * 40 + '}',
    "integer-overflow": '{"url":"https://a.example/x","n":123456789012345678901234567890}',
    "nan": '{"url":"https://a.example/x","n":NaN}',
}
for p, (cmd, g1, g2) in progs.items():
    for what, line in bad_lines.items():
        if p in ("fetch",) and what not in ("malformed-json", "invalid-utf8", "not-object"):
            continue
        case("%s-%s" % (p, what), cmd, "\n".join([g1, line, g2]) + "\n",
             records=(p != "validate"))
    case("%s-line-over-limit" % p, cmd.replace(" ", " --max-line 2K ", 1) if " " in cmd else cmd + " --max-line 2K",
         "\n".join([g1, '{"url":"https://a.example/long","html":"' + "x" * 5000 + '"}', g2]) + "\n",
         records=(p != "validate"))
    case("%s-no-url" % p, cmd, "\n".join([g1, '{"html":"<p>no url</p>","text":"no url"}', g2]) + "\n",
         records=(p != "validate"))
    case("%s-url-not-string" % p, cmd, "\n".join([g1, '{"url":42,"html":"<p>x</p>","text":"x"}', g2]) + "\n",
         records=(p != "validate"))

# --- clean ----------------------------------------------------------------
C = "clean"
def crec(url, html, extra=""):
    return json.dumps({"url": url, "fetched_at": "2024-08-15T06:00:00Z", "html": html}, ensure_ascii=False)[:-1] + extra + "}"
case("clean-html-not-string", C, "\n".join([GOOD1, '{"url":"https://a.example/x","fetched_at":"2024-08-15T06:00:00Z","html":{"p":1}}', GOOD2]) + "\n")
case("clean-html-missing", C, "\n".join([GOOD1, '{"url":"https://a.example/x","fetched_at":"2024-08-15T06:00:00Z","status":200}', GOOD2]) + "\n")
case("clean-html-empty", C, "\n".join([GOOD1, '{"url":"https://a.example/x","fetched_at":"2024-08-15T06:00:00Z","html":""}', GOOD2]) + "\n")
case("clean-html-binary", C, "\n".join([GOOD1, crec("https://a.example/x", "\u0001\u0002\u0003PK\u0003\u0004\ufffd\ufffd" * 50), GOOD2]) + "\n")
case("clean-html-deep", C, crec("https://a.example/deep", "<div>" * 20000 + "<p>deep text here for the body of it all</p>" + "</div>" * 20000) + "\n")
case("clean-html-no-root", C, crec("https://a.example/r", "<script>var a=1;</script><meta charset=utf-8><title>T</title><h1>Head</h1><p>" + "Body text of the page that is long enough to keep. " * 5 + "</p>") + "\n")
case("clean-html-only-scripts", C, crec("https://a.example/s", "<html><head><script>" + "x=1;" * 100 + "</script><style>p{}</style></head><body><script>y()</script></body></html>") + "\n")
case("clean-html-unclosed", C, crec("https://a.example/u", "<html><body><article><p>Unclosed paragraph one with words enough to count as body text here<p>and two with more words<div><span><b><i>") + "\n")
case("clean-error-record", C, '{"url":"https://a.example/gone","fetched_at":"2024-08-15T06:00:00Z","status":404,"error":"HTTP 404"}\n' + GOOD2 + "\n")
case("clean-html-entities", C, crec("https://a.example/e", "<html><body><article><p>&nbsp;&amp;&lt;&#0;&#xD800;&#x110000;&#99999999999;&bogus; text with words enough to be a body of an article</p></article></body></html>") + "\n")
case("clean-html-null-in-text", C, crec("https://a.example/n", "<html><body><article><p>before\u0000after with more words to keep the paragraph going on</p></article></body></html>") + "\n")
case("clean-meta-garbage", C, crec("https://a.example/m", '<html lang="\u0001bogus--tag-"><head><meta property="article:published_time" content="32/13/2024 99:99"><link rel="canonical" href="javascript:alert(1)"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"not a date","author":{"name":[1,2]}}</script></head><body><article><p>Body words enough to make a paragraph of an article page here.</p></article></body></html>') + "\n")

# --- tag ------------------------------------------------------------------
T = "tag --ref 2024-08-20"
case("tag-text-not-string", T, "\n".join([TAGREC1, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","text":["a"],"title":7}', TAGREC2]) + "\n")
case("tag-no-text", T, "\n".join([TAGREC1, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z"}', TAGREC2]) + "\n")
case("tag-published-garbage", T, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","published":"yesterday-ish","text":"গত বছর নভেম্বরে এই সফরের কথা প্রথম শোনা যায়। Last week was busy."}\n')
case("tag-huge-numbers", T, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","text":"৯৯৯৯৯৯৯৯৯৯৯৯৯ সালে, 99999999999999999999 BC, on 31 February 2024 and ৩২ আগস্ট ২০২৪, in year 0 and year 10000."}\n')
case("tag-combining-marks", T, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","text":"\u09cd\u09cd\u09cd\u200d\u200c\u09bc ঢাকা\u09cd শহরে \ufeff১৫\u200dআগস্ট"}\n')
case("tag-empty-strings", T, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","title":"","text":""}\n')
case("tag-lone-surrogate-escape", T, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","text":"\\ud800 ঢাকায় ১৫ আগস্ট \\udc00"}\n')

# --- store ----------------------------------------------------------------
case("store-no-fetched-at", "store -o A && store cat A | sed 's/T[0-9:]*Z//'", '{"url":"https://a.example/nf","html":"<p>x</p>"}\n', records=False)
case("store-fetched-at-garbage", "store -o A --tee >/dev/null; store ls A | cut -f1", '{"url":"https://a.example/g","fetched_at":"yesterday","html":"<p>x</p>"}\n' + GOOD2 + "\n", records=False)
case("store-duplicate-url", "store -o A && store get A https://a.example/1", GOOD1 + "\n" + GOOD1.replace("2024-08-15T06", "2024-08-15T07") + "\n")
case("store-get-missing", "store -o A && store get A https://a.example/none", GOOD1 + "\n")
case("store-not-a-dir", "touch F && store -o F < /dev/null", None, records=False)
case("store-cat-missing-archive", "store cat nonexistent", None, records=False)
case("store-empty-input", "store -o A && store cat A && ls A | sort", "", records=False)
case("store-corrupt-index-line", "store -o A && printf 'garbage line\\n' >> A/2024-08-15.idx && store get A https://a.example/1 && store verify A", GOOD1 + "\n", records=False)

# --- links ----------------------------------------------------------------
def lrec(url, body, ctype="text/html", extra=None):
    r = {"url": url, "final_url": url, "status": 200, "fetched_at": "2024-08-17T06:00:00Z", "content_type": ctype, "html": body}
    r.update(extra or {})
    return json.dumps(r, ensure_ascii=False)
L = "links"
case("links-html-not-string", L, "\n".join([FEED1, '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","html":[1]}', FEED2]) + "\n")
case("links-error-record", L, '{"url":"https://a.example/gone","status":404,"fetched_at":"2024-08-17T06:00:00Z","error":"HTTP 404"}\n' + FEED1 + "\n")
case("links-depth-negative", L, "\n".join([FEED1, FEED2[:-1] + ',"depth":-1}']) + "\n")
case("links-feed-garbage", L, lrec("https://a.example/f", "<rss><channel><item><link>\x01\x02</link><title>" + "<" * 300 + "</title></item><item><link>javascript:alert(1)</link></item><item><link>https://a.example/ok/1</link></item>", "application/rss+xml") + "\n")
lol = "<?xml version='1.0'?><!DOCTYPE urlset [<!ENTITY a 'https://a.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'><!ENTITY e '&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;'><!ENTITY f '&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;'><!ENTITY g '&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;'><!ENTITY h '&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;'>]><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>&h;</loc></url><url><loc>https://a.example/news/9</loc></url></urlset>"
case("links-sitemap-entity-amplification", L, lrec("https://a.example/sitemap.xml", lol, "application/xml") + "\n")
case("links-sitemap-external-entity", L, lrec("https://a.example/sitemap.xml", "<?xml version='1.0'?><!DOCTYPE urlset [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://a.example/&x;</loc></url><url><loc>https://a.example/news/10</loc></url></urlset>", "application/xml") + "\n")
case("links-sitemap-huge-loc", L, lrec("https://a.example/sitemap.xml", "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://a.example/" + "a" * 70000 + "</loc></url><url><loc>https://a.example/news/11</loc><lastmod>9999-99-99</lastmod></url><url><loc>https://a.example/news/12</loc><lastmod>2024-02-30T25:00:00Z</lastmod></url></urlset>", "application/xml") + "\n")
case("links-robots-binary", L, lrec("https://a.example/robots.txt", "User-agent: *\nSitemap: \x01\x02\x7f\nSitemap: https://a.example/s.xml\nSitemap: javascript:x\nSitemap: https://other.example/s.xml\n" + "Disallow: /" + "x" * 5000 + "\n", "text/plain", {"kind": "robots"}) + "\n")
case("links-html-hostile", L, lrec("https://a.example/section", "<html><head><base href='javascript:alert(1)//'><link rel=alternate type=application/rss+xml href='data:text/xml,<rss/>'></head><body>" + "<div>" * 3000 + "<a href='https://a.example/news/2024/08/17/123456'>খবরের শিরোনাম এখানে লেখা আছে</a><a href='mailto:x@a.example'>mail</a><a href='//[::1]:99999/x'>bad host</a>" + "</div>" * 3000 + "</body></html>") + "\n")
case("links-gzip-bomb-name", L, lrec("https://a.example/sitemap.xml.gz", "\x1f\ufffd\x08\x00garbage", "application/x-gzip") + "\n")

# --- store: references, spacing ---------------------------------------------
case("store-forged-html-ref", "store -o A && store cat A && store verify A", '{"url":"https://a.example/r","fetched_at":"2024-08-15T06:00:00Z","html_ref":"@2024-08-15/0/0","text_ref":"@../../etc/passwd/0/0"}\n' + GOOD1 + "\n", records=False)
case("store-blank-after-colon", "store -o A && store cat A", GOOD1.replace('"html":"', '"html" :  "') + "\n" + GOOD1.replace('"html":"', '"html":\t"').replace("06:00:00Z", "07:00:00Z") + "\n", records=False)

# --- closed descriptors ---------------------------------------------------------
case("clean-stdout-closed", "clean >&-", GOOD1 + "\n", records=False)
case("tag-stdin-closed", "tag --ref 2024-08-20 <&-", None, records=False)
case("validate-stderr-closed", "validate 2>&-; echo status $?", '{"url":1}\n', records=False)
case("links-stdout-full", "links > /dev/full", FEED1 + "\n", records=False)

# --- amplification --------------------------------------------------------------
case("tag-many-dates-over-max-values", "tag --ref 2024-08-20 --max-values 500", '{"url":"https://a.example/x","fetched_at":"2024-08-17T06:00:00Z","text":"' + "১৫ আগস্ট ২০২৪, " * 400 + '"}\n' + TAGREC2 + "\n")
case("clean-html-entity-amplification", C, crec("https://a.example/lol", "<?xml version='1.0'?><!DOCTYPE html [<!ENTITY a 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa '><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'><!ENTITY e '&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;'><!ENTITY f '&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;'><!ENTITY g '&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;'>]><html xmlns='http://www.w3.org/1999/xhtml'><body><article><p>&g;</p><p>Body words enough to make a paragraph of an article page here and more.</p></article></body></html>") + "\n")
case("clean-many-paragraphs", "clean --max-values 200", crec("https://a.example/many", "<html><body><article>" + "<p>A paragraph of words that is long enough to be article text, repeated.</p>" * 3000 + "</article></body></html>") + "\n" + GOOD2 + "\n")

# --- fetch, offline: file: URLs and URLs refused before any request ----------
F = "fetch --delay 0"
case("fetch-bad-schemes", F, "ftp://a.example/x\njavascript:alert(1)\nmailto:a@b.example\ndata:text/html,hi\n", records=True)
case("fetch-relative-url", F, "page.html\n/abs/path\n", records=True)
case("fetch-url-with-space", F, "https://a.example/a b\n{\"url\":\"https://a.example/a b\"}\n", records=True)
case("fetch-file-missing", F, "file:///nonexistent/khobor\n", records=True)
case("fetch-file-dir", F, "file:///\n", records=True)
case("fetch-file-pdf", "printf '%%PDF-1.4 x' > p.pdf && echo \"file://$PWD/p.pdf\" | " + F + " | sed -e \"s|$PWD|HERE|g\" -e 's/\"fetched_at\":\"[^\"]*\"/\"fetched_at\":\"2000-01-01T00:00:00Z\"/'", None, records=True)
case("fetch-url-control-char", F, "https://a.example/\x01x\n", records=True)
case("fetch-empty-url", F, '{"url":""}\n{"url":"   "}\n', records=True)

os.makedirs(root, exist_ok=True)
for name, (cmd, stdin, records, files) in sorted(cases.items()):
    d = os.path.join(root, name)
    os.makedirs(d, exist_ok=True)
    # each case works in a scratch folder of its own
    with open(os.path.join(d, "cmd"), "w") as f:
        f.write('t=$(mktemp -d) && cd "$t" && trap \'rm -rf "$t"\' EXIT && { %s; }\n' % cmd if ("A" in cmd.split() or "F" in cmd.split() or "p.pdf" in cmd) else cmd + "\n")
    if stdin is not None:
        with open(os.path.join(d, "stdin"), "wb") as f:
            f.write(stdin.encode("utf-8", "surrogateescape") if isinstance(stdin, str) else stdin)
    if records:
        open(os.path.join(d, "records"), "w").close()
print(len(cases))

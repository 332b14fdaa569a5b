#!/bin/sh
# links: each format (RSS 2.0, RDF, Atom, JSON Feed, sitemap index,
# urlset, Google News sitemap, text sitemap, robots.txt, HTML pages),
# broken feeds, XXE and billion laughs, the options, dedup, depth and
# site, bad input records, the sitemap cap, write errors, and
# precision and recall on the development section pages.  Every record
# written must pass validate.
. "$(dirname "$0")/lib.sh"
plan 37

fx=$here/links
mkrec=$fx/mkrec.py

# expect FILE PYTHON-EXPR...: each expression holds over the records of
# FILE (recs, a list; by, records keyed by url; err, FILE.err's text;
# st, FILE.st's exit status).
expect() {
	f=$1
	shift
	python3 - "$f" "$@" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
by = {r["url"]: r for r in recs}
try:
    err = open(sys.argv[1] + ".err", encoding="utf-8").read()
except OSError:
    err = ""
try:
    st = int(open(sys.argv[1] + ".st").read())
except OSError:
    st = None
for e in sys.argv[2:]:
    if not eval(e):
        print("failed:", e)
        for r in recs:
            print(json.dumps(r, ensure_ascii=False)[:300])
        print(err[:2000])
        sys.exit(1)
PY
}

# run NAME ARGS... < records: links' output in $tmp/NAME, stderr in
# $tmp/NAME.err, status in $tmp/NAME.st; the output must validate.
run() {
	n=$1
	shift
	links "$@" >"$tmp/$n" 2>"$tmp/$n.err"
	echo $? >"$tmp/$n.st"
	validate -q "$tmp/$n" || echo "validate failed on $n" >>"$tmp/$n.err"
}

# src URL FILE [FIELD...]: a fetch record of FILE's body
src() {
	"$mkrec" "$@"
}

t_rss() {
	src https://www.example-bd.com/feed "$fx/rss.xml" | run rss
	expect "$tmp/rss" 'len(recs) == 4' 'st == 0' \
	    '"validate failed" not in err' \
	    'list(recs[0]) == ["url", "kind", "source", "via", "depth", "title", "published", "lang"]' \
	    'recs[0]["url"] == "https://www.example-bd.com/world/putin-visit"' \
	    'recs[0]["title"] == "পুতিনের সফর: আলাস্কায় বৈঠক"' \
	    'recs[0]["published"] == "2024-08-17T11:46:00+06:00"' \
	    'recs[0]["lang"] == "bn-BD"' \
	    'all(r["kind"] == "article" and r["via"] == "rss" and r["depth"] == 1 and r["source"] == "https://www.example-bd.com/feed" for r in recs)' \
	    'by["https://www.example-bd.com/national/123456"]["published"] == "2024-08-16T10:00:00Z"' \
	    'by["https://www.example-bd.com/bangladesh/relative-link-story"]["published"] == "2024-08-16T09:00+06:00"' \
	    '"https://www.example-bd.com/sports/origlink-story" in by' \
	    'not any("not-a-permalink" in u or "other" in u or "feedburner" in u for u in by)' \
	    '"links: 1 source: 1 feed; 4 urls (4 articles)" in err'
}

t_rdf_atom_json() {
	{ src https://rdf.example.org/rss "$fx/rdf.xml"
	  src https://news.example.net/feed.atom "$fx/atom.xml"
	  src https://json.example.com/feed.json "$fx/jsonfeed.json"; } |
	    run feeds
	expect "$tmp/feeds" 'st == 0' 'len(recs) == 7' \
	    '"validate failed" not in err' \
	    'by["https://rdf.example.org/one"]["via"] == "rdf"' \
	    'by["https://rdf.example.org/two"]["published"] == "2024-08-16"' \
	    'by["https://rdf.example.org/one"]["lang"] == "en-GB"' \
	    'by["https://news.example.net/blog/2024/08/floods-recede-in-sylhet"]["title"] == "Floods recede in Sylhet"' \
	    'by["https://news.example.net/blog/2024/08/floods-recede-in-sylhet"]["lastmod"] == "2024-08-17T07:30:00+06:00"' \
	    'by["https://news.example.net/blog/2024/08/floods-recede-in-sylhet"]["published"] == "2024-08-17T05:00:00Z"' \
	    'by["https://news.example.net/bn/rain-in-dhaka-today"]["lang"] == "bn"' \
	    'by["https://news.example.net/only-an-id"]["via"] == "atom"' \
	    'by["https://json.example.com/posts/first-post"]["via"] == "jsonfeed"' \
	    'by["https://json.example.com/posts/first-post"]["lastmod"] == "2024-08-17T12:00:00+06:00"' \
	    'by["https://json.example.com/posts/2"]["lang"] == "en-US"' \
	    'not any(u.startswith("javascript") for u in by)'
}

t_sitemaps() {
	{ src https://www.example-bd.com/sitemap.xml "$fx/sitemapindex.xml" depth:=1
	  src https://www.example-bd.com/s1.xml "$fx/urlset.xml" depth:=2
	  src https://www.example-bd.com/news.xml "$fx/news-sitemap.xml" depth:=2; } |
	    run sitemaps
	expect "$tmp/sitemaps" 'st == 0' 'len(recs) == 8' \
	    '"validate failed" not in err' \
	    '[r["kind"] for r in recs[:3]] == ["sitemap"] * 3' \
	    'all(r["depth"] == 2 for r in recs[:3])' \
	    'recs[0]["lastmod"] == "2024-08-17T06:00:00+06:00"' \
	    'recs[2]["url"] == "https://www.example-bd.com/sitemap/news.xml"' \
	    'by["https://www.example-bd.com/national/123456"]["lastmod"] == "2024-08-17"' \
	    'by["https://www.example-bd.com/national/123456"]["depth"] == 3' \
	    '"https://www.example-bd.com/sports/234567?a=1&b=2" in by' \
	    '"https://www.example-bd.com/%E0%A6%96%E0%A6%AC%E0%A6%B0" in by' \
	    'not any("img." in u for u in by)' \
	    'by["https://www.example-bd.com/bangladesh/capital/metro-rail-resumes-service"]["via"] == "news-sitemap"' \
	    'by["https://www.example-bd.com/bangladesh/capital/metro-rail-resumes-service"]["title"] == "মেট্রোরেল আবার চালু"' \
	    'by["https://www.example-bd.com/bangladesh/capital/metro-rail-resumes-service"]["published"] == "2024-08-17T11:46:00+06:00"' \
	    'by["https://www.example-bd.com/world/2"]["title"] == "Second & last"' \
	    'by["https://www.example-bd.com/world/2"]["lang"] == "en"' \
	    '"1 bare &" in err'
}

t_text_robots() {
	printf 'https://txt.example.com/a\n\n  https://txt.example.com/b  \r\nnot a url\n' >"$tmp/urls.txt"
	{ src https://txt.example.com/sitemap.txt "$tmp/urls.txt" kind=sitemap
	  src https://www.example-bd.com/robots.txt "$fx/robots.txt"; } |
	    run textrobots
	expect "$tmp/textrobots" 'st == 0' '"validate failed" not in err' \
	    '[r["url"] for r in recs] == ["https://txt.example.com/a", "https://txt.example.com/b", "https://www.example-bd.com/sitemap.xml", "https://www.example-bd.com/news-sitemap.xml", "https://www.example-bd.com/sitemap-index.xml"]' \
	    'all(r["via"] == "sitemap" and r["kind"] == "article" for r in recs[:2])' \
	    'all(r["via"] == "robots" and r["kind"] == "sitemap" for r in recs[2:])'
}

t_page() {
	src https://www.example-bd.com/sections/national "$fx/page.html" \
	    site=খবর depth:=1 | run page
	expect "$tmp/page" 'st == 0' '"validate failed" not in err' \
	    '[(r["kind"], r["url"]) for r in recs] == [("feed", "https://www.example-bd.com/feed/national.xml"), ("feed", "https://feeds.example.net/khobor.atom"), ("article", "https://www.example-bd.com/bn/national/999999"), ("article", "https://www.example-bd.com/bn/national/123456"), ("article", "https://www.example-bd.com/bn/national/123457"), ("article", "https://m.example-bd.com/bn/national/123458")]' \
	    'recs[0]["title"] == "খবর RSS"' \
	    'recs[3]["title"] == "ঢাকায় মেট্রোরেল চলাচল আবার শুরু, যাত্রীদের ভিড়"' \
	    'all(r["via"] == "html" and r["depth"] == 2 and r["site"] == "খবর" and list(r)[-1] == "site" for r in recs)'
}

# Cases section pages get wrong (tests/links/cases.html): a body whose
# class names navigation, a story in the menu (an article: its id and
# headline say so) among a topic, an archive, a sub-section named at
# length and dates that are no headline, card headers, slugs of two words among longer ones,
# sub-section names, an e-paper host, a random id, an id in the query
# beside a category, a title from aria-label.
t_page_cases() {
	src https://www.example-bd.com/country "$fx/cases.html" | run cases
	expect "$tmp/cases" 'st == 0' '"validate failed" not in err' \
	    '[u.split("example-bd.com")[1] for u in by] == ["/national/7654321", "/country/sylhet-floods", "/country/river-erosion", "/country/rohingya-repatriation-talks-resume-today", "/country/tiger-count-rises-in-sundarbans", "/bangladesh/environment/4qgygcmtba", "/news.php?nid=12345&cat=1"]' \
	    'by["https://www.example-bd.com/bangladesh/environment/4qgygcmtba"]["title"] == "Early winter vegetables bring smiles to farmers"'
}

# A page goes on past </html> (a browser shows what follows), and
# nests deeper than libxml2's tree builder would go (256 elements).
t_page_tail() {
	python3 - >"$tmp/tail.html" <<'PY'
story = '<h2><a href="/national/%d">A headline of several words here %d</a></h2>'
print('<!DOCTYPE html><html><head><title>x</title></head><body>' +
      story % (123451, 1) + '</body></html>\n<div class="content">' +
      story % (123452, 2) + story % (123453, 3) + '</div>' +
      '<div>' * 300 + story % (123454, 4) + '</div>' * 300)
PY
	src https://www.example-bd.com/national "$tmp/tail.html" | run tail
	expect "$tmp/tail" 'st == 0' '"validate failed" not in err' \
	    '[u.rsplit("/", 1)[1] for u in by] == ["123451", "123452", "123453", "123454"]'
}

t_broken() {
	for f in broken-amp broken-markup broken-junk broken-control broken-truncated; do
		src "https://www.example-bd.com/feed/$f" "$fx/$f.xml"
	done | run broken
	expect "$tmp/broken" 'st == 0' '"validate failed" not in err' \
	    'len(recs) == 12' \
	    'by["https://www.example-bd.com/country/flood?a=1&b=2"]["title"] == "সিলেটে বন্যা — পানিবন্দী লাখো মানুষ"' \
	    'by["https://www.example-bd.com/business/rice-prices"]["title"] == "Rice prices fall & traders smile"' \
	    'by["https://www.example-bd.com/a/3"]["title"] == "An entity of no DTD: &bogus; stays"' \
	    '[u for u in by if "markup" in u] == ["https://markup.example.com/first", "https://markup.example.com/second", "https://markup.example.com/third", "https://markup.example.com/fourth"]' \
	    '"https://junk.example.com/story-one" in by' \
	    'by["https://ctl.example.com/a"]["title"] == "Control char here"' \
	    '"https://cut.example.com/cut" in by' \
	    '"links: <stdin>:1: https://www.example-bd.com/feed/broken-amp: broken feed, read leniently: 3 bare &, 2 HTML entities, 1 reference to undefined entities (&bogus; first) kept as text" in err' \
	    '"broken-markup: broken feed: 1 of 4 items read as XML, 4 as HTML" in err' \
	    '"broken-junk: 143 bytes of junk before the XML: passed over" in err' \
	    '"broken-control: broken feed, read leniently: 2 control characters" in err'
}

t_xxe() {
	echo "PLANTED-SECRET-$$" >"$tmp/planted.txt"
	sed "s|/tmp/khobor-links-planted.txt|$tmp/planted.txt|g" \
	    "$fx/xxe.xml" >"$tmp/xxe.xml"
	src https://x.example/feed "$tmp/xxe.xml" | run xxe
	expect "$tmp/xxe" 'st == 0' 'len(recs) == 2' \
	    '"PLANTED-SECRET" not in open(sys.argv[1]).read()' \
	    '"root:" not in open(sys.argv[1]).read()' \
	    'recs[0]["title"] == "&xxe;"' \
	    '"PLANTED-SECRET" not in err and "root:" not in err'
}

t_laughs() {
	src https://x.example/feed "$fx/laughs.xml" >"$tmp/laughs.in"
	/usr/bin/time -f '%e %M' -o "$tmp/laughs.time" \
	    links "$tmp/laughs.in" >"$tmp/laughs" 2>"$tmp/laughs.err"
	echo $? >"$tmp/laughs.st"
	# generous bounds: a sanitizer build on a loaded machine
	expect "$tmp/laughs" 'st == 0' 'len(recs) == 1' \
	    'recs[0]["title"] == "&lol9;"' \
	    'float(open(sys.argv[1] + ".time").read().split()[0]) < 20' \
	    'int(open(sys.argv[1] + ".time").read().split()[1]) < 400000'
}

# Items dated relative to now, for --max-age.
dated_feed() {
	python3 - <<'PY'
import datetime as d
now = d.datetime.now(d.timezone.utc)
def item(path, days, fmt):
    t = now - d.timedelta(days=days)
    return "<item><title>%s</title><link>https://age.example.com/%s</link><pubDate>%s</pubDate></item>" % (
        path, path, t.strftime(fmt))
print('<?xml version="1.0"?><rss version="2.0"><channel>' +
      item("fresh", 0.5, "%a, %d %b %Y %H:%M:%S +0000") +
      item("old", 10, "%a, %d %b %Y %H:%M:%S +0000") +
      item("four-days", 4, "%Y-%m-%d") +
      "<item><title>undated</title><link>https://age.example.com/undated</link></item>"
      "</channel></rss>")
PY
}

t_max_age() {
	dated_feed >"$tmp/dated.xml"
	src https://age.example.com/feed "$tmp/dated.xml" | run age --max-age 2d
	src https://age.example.com/feed "$tmp/dated.xml" | run age2 --max-age 1w
	expect "$tmp/age" 'st == 0' \
	    '[u.rsplit("/", 1)[1] for u in by] == ["fresh", "undated"]' \
	    '"2 older than --max-age" in err' &&
	expect "$tmp/age2" \
	    '[u.rsplit("/", 1)[1] for u in by] == ["fresh", "four-days", "undated"]'
}

t_include_exclude_limit() {
	src https://www.example-bd.com/s1.xml "$fx/urlset.xml" |
	    run incl --include '/national/' --include '/sports/'
	src https://www.example-bd.com/s1.xml "$fx/urlset.xml" |
	    run excl --exclude 'sports'
	src https://www.example-bd.com/s1.xml "$fx/urlset.xml" | run lim --limit 2
	expect "$tmp/incl" 'len(recs) == 2' '"1 filtered out" in err' &&
	expect "$tmp/excl" 'len(recs) == 2' 'not any("sports" in u for u in by)' &&
	expect "$tmp/lim" '[u.rsplit("/", 1)[1] for u in by] == ["123456", "234567?a=1&b=2"]' \
	    '"1 over --limit" in err'
}

t_bad_options() {
	links --include '(' </dev/null >/dev/null 2>"$tmp/badre.err"
	a=$?
	links --max-age 2x </dev/null >/dev/null 2>"$tmp/badage.err"
	b=$?
	links --limit 0 </dev/null >/dev/null 2>/dev/null
	c=$?
	[ $a -eq 2 ] && [ $b -eq 2 ] && [ $c -eq 2 ] &&
	    grep -q '^links: --include: (: ' "$tmp/badre.err" &&
	    grep -q '^links: --max-age: not a duration' "$tmp/badage.err"
}

t_max_depth() {
	src https://www.example-bd.com/sitemap.xml "$fx/sitemapindex.xml" \
	    depth:=4 | run deep -v
	src https://www.example-bd.com/sitemap.xml "$fx/sitemapindex.xml" \
	    depth:=4 | run deep5 --max-depth 5
	src https://www.example-bd.com/s1.xml "$fx/urlset.xml" depth:=9 |
	    run deeparticles
	expect "$tmp/deep" 'st == 0' 'recs == []' \
	    '"https://www.example-bd.com/sitemap.xml: depth 4 reaches --max-depth 4: 3 further sources not written" in err' \
	    '"3 further sources past --max-depth" in err' &&
	expect "$tmp/deep5" 'len(recs) == 3' 'recs[0]["depth"] == 5' &&
	expect "$tmp/deeparticles" 'len(recs) == 3' 'recs[0]["depth"] == 10'
}

t_same_site() {
	src https://www.example-bd.com/sections/national "$fx/page.html" |
	    run anysite --any-site
	src https://news.example.net/feed.atom "$fx/atom.xml" |
	    run samesite --same-site
	src https://other.example.org/feed.atom "$fx/atom.xml" |
	    run samesite2 --same-site
	src https://other.example.org/feed.atom "$fx/atom.xml" | run feedany
	expect "$tmp/anysite" '"https://other-outlet.example.org/national/555555" in by' &&
	expect "$tmp/samesite" 'len(recs) == 3' &&
	expect "$tmp/samesite2" 'recs == []' '"3 filtered out" in err' &&
	expect "$tmp/feedany" 'len(recs) == 3'
}

t_dedup() {
	cat >"$tmp/dup1.xml" <<'EOF'
<rss version="2.0"><channel>
<item><link>https://dup.example.com/a</link></item>
<item><title>Title from the second mention</title><link>https://DUP.example.com:443/a#x</link><pubDate>Sat, 17 Aug 2024 10:00:00 GMT</pubDate></item>
<item><title>B</title><link>https://dup.example.com/b?utm_campaign=x</link></item>
</channel></rss>
EOF
	{ src https://dup.example.com/feed1 "$tmp/dup1.xml"
	  src https://dup.example.com/feed2 "$tmp/dup1.xml"
	  src https://dup.example.com/s1.xml "$fx/urlset.xml"
	  src https://dup.example.com/s1-again.xml "$fx/urlset.xml"; } | run dedup
	expect "$tmp/dedup" 'st == 0' '"validate failed" not in err' \
	    'len(recs) == 5' 'len(by) == 5' \
	    'by["https://dup.example.com/a"]["title"] == "Title from the second mention"' \
	    'by["https://dup.example.com/a"]["published"] == "2024-08-17T10:00:00Z"' \
	    'recs[0]["url"] == "https://dup.example.com/a" and recs[1]["url"] == "https://dup.example.com/b"' \
	    'all(r["source"] != "https://dup.example.com/feed2" for r in recs)' \
	    '"5 duplicates" in err'
}

t_again() {
	# An RSS item dates a story by its pubDate; the Atom feed read next
	# says it was updated later: written again (store new --changed
	# and collect need that date), once.  The same date again, or a
	# story first written with no date: duplicates.
	cat >"$tmp/again.rss" <<'EOF'
<rss version="2.0"><channel>
<item><link>https://ag.example.com/edited</link><pubDate>Sat, 17 Aug 2024 10:00:00 GMT</pubDate></item>
<item><link>https://ag.example.com/same</link><pubDate>Sat, 17 Aug 2024 10:00:00 GMT</pubDate></item>
<item><link>https://ag.example.com/undated</link></item>
</channel></rss>
EOF
	cat >"$tmp/again.atom" <<'EOF'
<feed xmlns="http://www.w3.org/2005/Atom">
<entry><link href="https://ag.example.com/edited"/><updated>2024-08-18T08:30:00Z</updated></entry>
<entry><link href="https://ag.example.com/same"/><updated>2024-08-17T10:00:00Z</updated></entry>
<entry><link href="https://ag.example.com/undated"/><updated>2024-08-18T08:30:00Z</updated></entry>
</feed>
EOF
	{ src https://ag.example.com/rss "$tmp/again.rss"
	  src https://ag.example.com/atom "$tmp/again.atom"
	  src https://ag.example.com/atom2 "$tmp/again.atom"; } | run again
	expect "$tmp/again" 'st == 0' '"validate failed" not in err' \
	    '[(r["url"].split("/")[-1], r["source"].split("/")[-1]) for r in recs] == [("edited", "rss"), ("same", "rss"), ("undated", "rss"), ("edited", "atom")]' \
	    'recs[3]["lastmod"] == "2024-08-18T08:30:00Z"' \
	    '"; 5 duplicates, 1 written again with a later lastmod" in err'
}
check "a story dated later by the next source is written again, once" t_again

t_bad_records() {
	printf '%s\n' 'not json at all' '{"url":"https://e.example/a","error":"HTTP 404","status":404}' \
	    '{"url":"https://e.example/b","status":304}' \
	    '{"url":"https://e.example/c","kind":"article","html":"<a href=/x>x</a>"}' \
	    '{"url":"https://e.example/d","status":200}' \
	    '{"url":"https://e.example/e","html":5}' \
	    '{"url":"https://e.example/f","html":"<rss/>","depth":-1}' \
	    '{"html":"<rss/>"}' \
	    '{"url":"https://e.example/g","html":"{\"version\":\"1\"}"}' \
	    '{"url":"https://e.example/robots.txt","html":"<html><body>no</body></html>"}' |
	    run bad
	expect "$tmp/bad" 'st == 1' 'recs == []' \
	    '"links: <stdin>:1: malformed JSON" in err' \
	    '"links: <stdin>:5: no html and no error: nothing to read; skipped" in err' \
	    '"links: <stdin>:6: html: not a string; skipped" in err' \
	    '"links: <stdin>:7: depth: not a non-negative integer; skipped" in err' \
	    '"links: <stdin>:8: no url; skipped" in err' \
	    '"links: <stdin>:9: https://e.example/g: JSON, but not one links reads: nothing read" in err' \
	    '"links: <stdin>:10: https://e.example/robots.txt: of kind robots, but an HTML page: nothing read" in err' \
	    '"1 failed source skipped, 1 unchanged (304), 1 article not read" in err' \
	    '"links: 5 of 10 records skipped" in err'
	# -q: nothing on stderr, the same status
	printf '%s\n' 'not json' | links -q >/dev/null 2>"$tmp/quiet.err"
	[ $? -eq 1 ] && [ ! -s "$tmp/quiet.err" ]
}

t_empty() {
	run empty </dev/null
	expect "$tmp/empty" 'st == 0' 'recs == []' \
	    'err == "links: 0 sources; 0 urls\n"'
}

t_write_error() {
	[ -w /dev/full ] || { echo "no /dev/full"; return 0; }
	src https://www.example-bd.com/s1.xml "$fx/urlset.xml" |
	    links >/dev/full 2>"$tmp/full.err"
	[ $? -eq 2 ] && grep -q 'write error' "$tmp/full.err"
}

t_sitemap_cap() {
	python3 - >"$tmp/big.xml" <<'PY'
print('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
for i in range(50010):
    print("<url><loc>https://big.example.com/news/%d</loc></url>" % (1000000 + i))
print("</urlset>")
PY
	src https://big.example.com/sitemap.xml "$tmp/big.xml" | run big
	expect "$tmp/big" 'st == 0' 'len(recs) == 50000' \
	    'recs[-1]["url"] == "https://big.example.com/news/1049999"' \
	    '"sitemap over the protocol'"'"'s limit of 50000 URLs: read the first 50000" in err'
}

t_kind_mismatch() {
	{ src https://www.example-bd.com/feed "$fx/page.html" kind=feed
	  src https://www.example-bd.com/sitemap.xml "$fx/page.html" kind=sitemap
	  src https://www.example-bd.com/s2.xml "$fx/news-sitemap.xml" kind=feed; } |
	    run mismatch
	expect "$tmp/mismatch" 'st == 0' 'len(recs) == 2' \
	    'all(r["via"] == "news-sitemap" for r in recs)' \
	    '"https://www.example-bd.com/feed: of kind feed, but an HTML page: nothing read" in err' \
	    '"https://www.example-bd.com/sitemap.xml: of kind sitemap, but an HTML page: nothing read" in err'
}

t_dates() {
	cat >"$tmp/dates.xml" <<'EOF'
<rss version="2.0"><channel>
<item><link>https://d.example.com/1</link><pubDate>Sat, 17 Aug 2024 11:46:00 IST</pubDate></item>
<item><link>https://d.example.com/2</link><pubDate>17 Aug 24 11:46 EDT</pubDate></item>
<item><link>https://d.example.com/3</link><pubDate>August 17, 2024 11:46 pm</pubDate></item>
<item><link>https://d.example.com/4</link><pubDate>2024-08-17 11:46:05</pubDate></item>
<item><link>https://d.example.com/5</link><pubDate>2024-08-17T11:46:00.123+0530</pubDate></item>
<item><link>https://d.example.com/6</link><pubDate>শনিবার, ১৭ আগস্ট ২০২৪ ১১:৪৬</pubDate></item>
<item><link>https://d.example.com/7</link><pubDate>2024-08</pubDate></item>
<item><link>https://d.example.com/8</link><pubDate>0001-01-01T00:00:00Z</pubDate></item>
<item><link>https://d.example.com/9</link><pubDate>31 Feb 2024</pubDate></item>
<item><link>https://d.example.com/10</link><pubDate>Sat, 17 Aug 2024 11:46:00 -0000</pubDate></item>
</channel></rss>
EOF
	src https://d.example.com/feed "$tmp/dates.xml" | run dates
	expect "$tmp/dates" 'st == 0' '"validate failed" not in err' \
	    '[r.get("published") for r in recs] == ["2024-08-17T11:46:00+05:30", "2024-08-17T11:46-04:00", "2024-08-17T23:46", "2024-08-17T11:46:05", "2024-08-17T11:46:00+05:30", "2024-08-17T11:46", None, None, None, "2024-08-17T11:46:00+00:00"]'
}

# Every page on its own too: each holds a kind of link the others do
# not (header-strips, picture-strips and letter-ids: articles in the
# header's strips and the footer, pictures with a count or a ▶, ids of
# letters alone).
t_dev_pages() {
	python3 "$fx/measure.py" -l links "$fx/dev" >"$tmp/dev.out" 2>&1 ||
	    { cat "$tmp/dev.out"; return 1; }
	cat "$tmp/dev.out"
	tail -1 "$tmp/dev.out" | awk '{ exit !($3 >= 0.97 && $5 >= 0.97) }' &&
	    awk '$2 == "P" && ($3 < 0.95 || $5 < 0.95) { bad = 1 }
	    END { exit bad }' "$tmp/dev.out"
}

t_help() {
	links --help >"$tmp/help" 2>&1 && grep -q '^usage: links ' "$tmp/help" &&
	    grep -q -- '--max-age d ' "$tmp/help"
}

check "RSS 2.0: link, guid, origLink, dates, language, canonical URLs" t_rss
check "RDF, Atom (xml:base, html titles, updated) and JSON Feed" t_rdf_atom_json
check "sitemap index, urlset (no image:loc) and Google News sitemap" t_sitemaps
check "text sitemap and robots.txt Sitemap: lines" t_text_robots
check "HTML page: announced feeds, articles, base href, site and depth" t_page
check "HTML page cases: body classes, card headers, short slugs, sub-sections, e-paper, ids" t_page_cases
check "HTML page: read past </html> and nested 300 deep" t_page_tail
check "broken feeds: bare &, entities, markup, junk, controls, cut short" t_broken
check "XXE: no local file read" t_xxe
check "billion laughs: fast, bounded memory, inert" t_laughs
check "--max-age" t_max_age
check "--include, --exclude, --limit" t_include_exclude_limit
check "bad option values: exit 2" t_bad_options
check "--max-depth: further sources stop, articles do not" t_max_depth
check "--same-site and --any-site" t_same_site
check "dedup within a source (merged) and across sources" t_dedup
check "bad input records: reported, skipped, exit 1; failed, 304 and articles counted" t_bad_records
check "empty input: exit 0, a summary" t_empty
check "write error: exit 2" t_write_error
check "a sitemap over 50,000 URLs: the first 50,000, said so" t_sitemap_cap
check "kind feed or sitemap but an HTML page: nothing read, said so; XML as it is" t_kind_mismatch
check "feed dates: RFC 822, ISO 8601, Bengali, bad ones left out" t_dates
check "development section pages: precision and recall >= 0.95 each, >= 0.97 in all" t_dev_pages
check "--help" t_help

# The XML fixtures once more, one record a line through validate alone.
for f in rss rdf atom sitemapindex urlset news-sitemap broken-amp \
    broken-markup broken-junk broken-control broken-truncated laughs; do
	check "validate passes links' output for $f" sh -c \
	    "'$mkrec' https://www.example-bd.com/x '$fx/$f.xml' | links -q | validate"
done
done_testing

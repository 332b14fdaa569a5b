#!/bin/sh
# fetch takes a body by what the record expects its URL to be (kind,
# docs/records.md): feeds may be JSON or text, sitemaps text or gzip
# (inflated, capped by --max-size), robots.txt plain text; pages stay
# HTML or XML, and images and PDFs are refused for every kind.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 6

serve fetch-server.py
u=http://127.0.0.1:$port
F="fetch --delay 0 --retries 0"

# rec PATH KIND: a record for $u/PATH with that kind ("-": none)
rec() {
	if [ "$2" = - ]; then
		echo "{\"url\":\"$u/$1\"}"
	else
		echo "{\"url\":\"$u/$1\",\"kind\":\"$2\"}"
	fi
}

t_kinds() {
	{ rec feed.json feed; rec feed.json -; rec urls.txt sitemap
	  rec urls.txt -; rec robots.txt -; rec robots.txt robots
	  rec rss feed; rec page/a article; rec page/b feed; } |
	    $F >"$tmp/kinds" 2>"$tmp/kinds.err"
	expect "$tmp/kinds" 'len(recs) == 9' \
	    '"একটি খবর" in [x for x in recs if x["url"].endswith("feed.json") and x.get("kind") == "feed"][0]["html"]' \
	    '[x for x in recs if x["url"].endswith("feed.json") and "kind" not in x][0]["error"] == "not HTML: application/feed+json"' \
	    '"page/two" in [x for x in recs if x["url"].endswith("urls.txt") and x.get("kind") == "sitemap"][0]["html"]' \
	    '[x for x in recs if x["url"].endswith("urls.txt") and "kind" not in x][0]["error"] == "not HTML: text/plain"' \
	    'all("Disallow" in x["html"] for x in recs if x["url"].endswith("robots.txt"))' \
	    'all("html" in x for x in recs if x["url"].endswith(("/rss", "/page/a", "/page/b")))' &&
	    validate "$tmp/kinds"
}
check "kind: feeds take JSON, sitemaps text, robots.txt text; pages HTML only" t_kinds

t_refused() {
	{ rec pdf feed; rec png sitemap; rec pdf robots; rec png article; } |
	    $F >"$tmp/ref" 2>/dev/null
	expect "$tmp/ref" 'len(recs) == 4' \
	    'by["/pdf"]["error"] in ("not a feed: application/pdf", "not a robots.txt: application/pdf")' \
	    'sorted(x["error"] for x in recs) == ["not HTML: image/png", "not a feed: application/pdf", "not a robots.txt: application/pdf", "not a sitemap: image/png"]' \
	    'all("html" not in x for x in recs)' && validate "$tmp/ref"
}
check "images and PDFs are refused whatever the kind, and the message names it" t_refused

t_gzip() {
	{ rec sitemap.xml.gz sitemap; rec sitemap.xml.gz -
	  rec sitemap-octet.xml.gz sitemap; rec sitemap.xml.gz article; } |
	    $F -k >"$tmp/gz" 2>/dev/null
	expect "$tmp/gz" 'len(recs) == 4' \
	    'recs[0]["html"].startswith("<?xml") and recs[0]["html"].count("<loc>") == 200' \
	    'recs[0]["truncated"] is False and recs[0]["charset"] == "UTF-8"' \
	    'recs[1]["html"] == recs[0]["html"]' \
	    'recs[2]["html"] == recs[0]["html"]' \
	    'recs[3]["error"] == "not HTML: application/gzip"' &&
	    validate "$tmp/gz"
}
check "a sitemap's .xml.gz is inflated (kind sitemap, or a .xml.gz path)" t_gzip

t_damaged() {
	rec sitemap-damaged.xml.gz sitemap | $F >"$tmp/dmg" 2>"$tmp/dmg.err"
	expect "$tmp/dmg" 'r["error"] == "damaged gzip data"' '"html" not in r' \
	    '"gzip 1" in err' && validate "$tmp/dmg"
}
check "damaged gzip data is an error record, counted as gzip" t_damaged

t_bomb() {
	# 1 GB of zeros in 1 MB of gzip: cut at --max-size, memory bounded
	head -c 1000000000 /dev/zero | gzip -1 >"$tmp/bomb.xml.gz"
	echo "{\"url\":\"file://$tmp/bomb.xml.gz\",\"kind\":\"sitemap\"}" |
	    /usr/bin/time -f %M -o "$tmp/bomb.rss" \
	    "$root/bin/fetch" --max-size 2M \
	    >"$tmp/bomb" 2>/dev/null
	kb=$(tail -n 1 "$tmp/bomb.rss")
	echo "peak RSS $kb KiB"
	expect "$tmp/bomb" 'r["truncated"] is True' \
	    'len(r["html"]) == 2 << 20' && test "$kb" -lt 100000
}
if [ -x "$root/bin/fetch" ] && [ -x /usr/bin/time ]; then
	check "a gzip bomb sitemap is cut at --max-size in bounded memory" t_bomb
else
	skip "gzip bomb" "no bin/fetch or /usr/bin/time"
fi

t_cut() {
	head -c 100000 /dev/urandom | base64 | gzip >"$tmp/full.gz"
	head -c 2000 "$tmp/full.gz" >"$tmp/cut.xml.gz"
	echo "file://$tmp/cut.xml.gz" | $F >"$tmp/cut" 2>/dev/null
	expect "$tmp/cut" 'r["truncated"] is True' 'len(r["html"]) > 1000'
}
check "a gzip file that ends too soon keeps what came, marked truncated" t_cut
done_testing

#!/bin/sh
# fetch | links repeated walks the sample site (tests/site/) as a user's
# seeds would: robots.txt to the sitemap index to gzip news sitemaps to
# articles, feeds to articles, home and section pages to articles and to
# the feeds they announce; and the README's pipeline runs as written.
# The article sets must be exactly those tests/site/expected.json gives.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 6

serve site/server.py
B=http://dainik.test:$port	# দৈনিক নমুনা
E=http://courier.test:$port	# The Delta Courier
# The outlets' names lead to the server on 127.0.0.1.
R="--resolve dainik.test:$port:127.0.0.1 --resolve courier.test:$port:127.0.0.1"

# walk SEEDS OUT: fetch | links from SEEDS, then again from each further
# source found (kind feed, sitemap, robots), 4 rounds at most; the
# articles in OUT, every record links wrote in OUT.all.
walk() {
	cp "$1" "$tmp/cur"
	: >"$2"
	: >"$2.all"
	for r in 1 2 3 4; do
		fetch -q --delay 0 $R <"$tmp/cur" | links -q >"$tmp/found" ||
		    return 1
		cat "$tmp/found" >>"$2.all"
		grep '"kind":"article"' "$tmp/found" >>"$2"
		grep -v '"kind":"article"' "$tmp/found" >"$tmp/cur"
		[ -s "$tmp/cur" ] || break
	done
	validate "$2.all"
}

# same_set OUT EXPR: the set of article paths in OUT (on both outlets,
# "dainik:/path") is the set the Python expression over e (expected.json)
# gives.
same_set() {
	python3 - "$1" "$here/site/expected.json" "$port" "$2" <<'PY'
import json, sys, urllib.parse
out, exp, port, expr = sys.argv[1:]
e = json.load(open(exp))
name = {"dainik.test:" + port: "dainik", "courier.test:" + port: "courier"}
got = set()
for l in open(out):
    u = urllib.parse.urlsplit(json.loads(l)["url"])
    got.add(name.get(u.netloc, u.netloc) + ":" + u.path +
            ("?" + u.query if u.query else ""))
def paths(outlet, key):
    return {outlet + ":" + p for p in e["outlets"][outlet][key]}
want = eval(expr)
if got != want:
    print("missing:", sorted(want - got))
    print("extra:", sorted(got - want))
    sys.exit(1)
print(len(got), "articles")
PY
}

t_robots() {
	printf '%s\n' "$B/robots.txt" "$E/robots.txt" >"$tmp/seeds"
	walk "$tmp/seeds" "$tmp/rob" &&
	    grep -q '"via":"news-sitemap"' "$tmp/rob" &&
	    grep -q '"kind":"sitemap","source":"[^"]*robots.txt","via":"robots"' "$tmp/rob.all" &&
	    same_set "$tmp/rob" 'paths("dainik", "in_sitemaps") | paths("courier", "in_sitemaps")'
}
check "robots.txt -> sitemap index -> gzip news sitemap and urlsets -> every article in a sitemap" t_robots

t_feeds() {
	printf '%s\n' "$B/feed/rss.xml" "$B/feed/atom.xml" "$E/rss.xml" \
	    "$E/atom.xml" >"$tmp/feeds"
	walk "$tmp/feeds" "$tmp/fd" &&
	    same_set "$tmp/fd" 'paths("dainik", "in_rss") | paths("dainik", "in_atom") | paths("courier", "in_rss") | paths("courier", "in_atom")'
}
check "RSS and Atom feeds -> their articles, canonical and once each" t_feeds

t_pages() {
	# From the home pages alone: their articles, the feeds they announce
	# (read in the next round), and no section, tag or author page.
	printf '%s\n' "$B/" "$E/" "$E/opinion" >"$tmp/home"
	walk "$tmp/home" "$tmp/hp" &&
	    grep -q '"kind":"feed","source":"[^"]*","via":"html"' "$tmp/hp.all" &&
	    python3 - "$tmp/hp" "$here/site/expected.json" <<'PY'
import json, sys, urllib.parse
e = json.load(open(sys.argv[2]))
known = set()
for o in e["outlets"].values():
    known |= set(o["articles"])
known |= {e["redirect"]["from"], e["not_found"]["path"]}
got = [urllib.parse.urlsplit(json.loads(l)["url"]).path for l in open(sys.argv[1])]
bad = [p for p in got if p not in known]
print(len(got), "articles,", len(set(got)), "distinct;", "not articles:", bad)
sys.exit(1 if bad or len(got) < 30 else 0)
PY
}
check "home and section pages -> articles only, and the feeds they announce" t_pages

t_everything() {
	# A user's seeds: each outlet's home page, its robots.txt and the
	# section without a feed; the walk finds every article of the site.
	printf '%s\n' "$B/" "$B/robots.txt" "$E/" "$E/robots.txt" \
	    "$E/opinion" >"$tmp/all"
	walk "$tmp/all" "$tmp/ev" &&
	    python3 - "$tmp/ev" "$here/site/expected.json" <<'PY'
import json, sys, urllib.parse
e = json.load(open(sys.argv[2]))
want = set()
for o in e["outlets"].values():
    want |= set(o["articles"])
got = [urllib.parse.urlsplit(json.loads(l)["url"]).path for l in open(sys.argv[1])]
missing = want - set(got)
print(len(set(got)), "distinct articles;", len(got) - len(set(got)), "again;", "missing:", sorted(missing))
sys.exit(1 if missing else 0)
PY
}
check "home pages and robots.txt -> every article of both outlets" t_everything

t_twins() {
	# On the home page, the tracking-parameter link and its plain twin
	# are one URL, written once by one links run.
	echo "$B/" | fetch -q --delay 0 $R | links -q >"$tmp/tw"
	n=$(grep -c '"url":"[^"]*/national/news/50101"' "$tmp/tw")
	m=$(grep -c 'utm_' "$tmp/tw")
	echo "50101 written $n times; utm_ in $m records"
	test "$n" -eq 1 && test "$m" -eq 0
}
check "a tracking-parameter twin is written once, without the parameters" t_twins

t_readme() {
	# The README's pipeline, as written (the store in a folder of ours;
	# --resolve for the outlets' names).
	printf '%s\n' "$B/feed/rss.xml" "$E/rss.xml" >"$tmp/feeds.txt"
	(cd "$tmp" && fetch -q --delay 0 $R < feeds.txt | links -q |
	    fetch -q --delay 0 $R |
	    clean | tag | store -o news/) 2>"$tmp/readme.err"
	n=$(store cat "$tmp/news" | wc -l)
	echo "$n records archived"
	cat "$tmp/readme.err" | head -5
	test "$n" -ge 25 && store cat "$tmp/news" | validate
}
check "the README's pipeline runs as written: fetch < feeds | links | fetch | clean | tag | store" t_readme
done_testing

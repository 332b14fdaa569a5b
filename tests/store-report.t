#!/bin/sh
# store report: one HTML page of an archive's period, its charts SVG
# that store writes.  The archive is tests/report/records.jsonl:
# thirteen tagged articles of four made-up outlets over five days (one
# of them with markup in its title, its site and a name), with
# tests/report/log and sites.log as collect's logs of four runs.  A
# headless Chromium, where there is one, loads the page.
. "$(dirname "$0")/lib.sh"
plan 13

A=$tmp/A
store -q -o "$A" "$here/report/records.jsonl" ||
    { echo "Bail out! store -o failed"; exit 1; }
mkdir "$A/.collect" && cp "$here/report/log" "$here/report/sites.log" \
    "$A/.collect/" || { echo "Bail out! no collect log"; exit 1; }

# look FILE CHECK...: the page's SVGs, texts and rows, as html.parser
# reads it, against python conditions on p (below), each said when false.
look() {
	python3 - "$@" <<'PY'
import sys, re
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.svgs = {}		# id: [(tag, title text)] of data elements
        self.svg = None
        self.stack = []
        self.text = []		# every piece of text, unescaped
        self.rows = []		# table rows: (class, [cells])
        self.cell = None
        self.tags = []		# every start tag
        self.title = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "svg":
            self.svg = a.get("id")
            self.svgs[self.svg] = []
        elif self.svg and "d" in (a.get("class") or "").split():
            self.svgs[self.svg].append([tag, ""])
            self.title = self.svgs[self.svg][-1]
        if tag == "tr":
            self.rows.append((a.get("class"), []))
        if tag == "td":
            self.cell = []
    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = None
        if tag in ("rect", "polyline"):
            self.title = None
        if tag == "td" and self.cell is not None:
            self.rows[-1][1].append("".join(self.cell))
            self.cell = None
    def handle_data(self, d):
        self.text.append(d)
        if self.title is not None:
            self.title[1] += d
        if self.cell is not None:
            self.cell.append(d)

p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
text = " ".join(p.text)
def counts(svg):	# "2024-08-17 dainik: 1": the numbers after ": "
    return sum(int(t.rsplit(": ", 1)[1].split()[0]) for _, t in p.svgs.get(svg, []))
def days(svg):
    return sorted({t[:10] for _, t in p.svgs.get(svg, [])})
def row(first):
    return [r for r in p.rows if r[1] and r[1][0] == first]
bad = 0
for c in sys.argv[2:]:
    if not eval(c):
        print("false:", c)
        bad = 1
if bad:
    print("svgs:", {k: len(v) for k, v in p.svgs.items()})
    print("text:", text[:600])
sys.exit(bad)
PY
}

t_sections() {
	store report "$A" -o "$tmp/r.html" 2>"$tmp/err" &&
	grep -qx 'store: .*/r.html: 13 articles, 4 sites, 4 stories, 4 collect runs' "$tmp/err" &&
	look "$tmp/r.html" \
	    'sorted(p.svgs) == ["chart-days", "chart-names", "chart-runs", "chart-stories"]' \
	    'all(len(v) > 0 for v in p.svgs.values())' \
	    'counts("chart-days") == 13' \
	    'days("chart-days") == ["2024-08-17", "2024-08-18", "2024-08-19", "2024-08-20", "2024-08-21"]' \
	    '[t for _, t in p.svgs["chart-names"] if _ == "rect"][:4] == ["Dhaka: 8 articles", "Vladimir Putin: 5 articles", "Feni: 4 articles", "Muhammad Yunus: 3 articles"]' \
	    'sum(1 for _, t in p.svgs["chart-names"] if _ == "polyline") == 5' \
	    'counts("chart-stories") == 12' \
	    '"পুতিনের সফর" in text and "Metro rail resumes" in text' \
	    'row("1")[0][1][2:4] == ["5", "courier (2), dainik (2), blog.other.example (1)"]' \
	    'row("1")[0][1][4] == "2024-08-17 to 2024-08-19"' \
	    '"4 runs, 1 that did not end well, 1 stopped at --max-time; 12 articles archived, 4 failed (404 3, timeout 1)." in text' \
	    'row("deadfeed")[0][0] == "dead" and row("courier")[0][0] == "failing" and row("dainik")[0][0] is None' \
	    '"1 failed in every run" in row("courier")[0][1][5]'
}
check "a report of the archive: every chart with data, names, stories with their outlets, collect's health" t_sections

t_escape() {
	# markup in a title, a site, a name, a site of collect's log:
	# text on the page, no element of it
	look "$tmp/r.html" \
	    '"<script>alert(\x27title\x27)</script> & \"quotes\"" in text' \
	    '"<b>evil</b>&co" in text and "<img src=x onerror=alert(1)>" in text' \
	    'row("<i>odd&name</i>")' \
	    '"script" not in p.tags and "img" not in p.tags and "b" not in p.tags and "i" not in p.tags' &&
	! grep -qi '<script\|<img\|<b>\|<i>' "$tmp/r.html" &&
	grep -q '<meta charset="utf-8">' "$tmp/r.html" &&
	grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$tmp/r.html"
}
check "record text escaped: markup in titles, sites and names stays text" t_escape

t_same() {
	# the same archive and options, the same page; -o - as -o FILE
	store -q report "$A" -o "$tmp/r2.html" &&
	same "$tmp/r.html" "$tmp/r2.html" &&
	store -q report "$A" -o - >"$tmp/r3.html" &&
	same "$tmp/r.html" "$tmp/r3.html" &&
	store -q report "$A" >"$tmp/r4.html" &&
	same "$tmp/r.html" "$tmp/r4.html" &&
	test ! -e "$tmp/r.html.tmp"
}
check "byte for byte the same page each time; -o - and no -o: standard output" t_same

t_period() {
	store -q report --from 2024-08-18 --to 2024-08-19 "$A" -o "$tmp/p.html" &&
	look "$tmp/p.html" \
	    '"from 2024-08-18 to 2024-08-19 (2 days)" in text' \
	    'counts("chart-days") == 6' \
	    'days("chart-days") == ["2024-08-18", "2024-08-19"]' \
	    '[t for _, t in p.svgs["chart-names"] if _ == "rect"] == ["Dhaka: 3 articles", "Feni: 3 articles", "Vladimir Putin: 3 articles", "Muhammad Yunus: 2 articles"]' \
	    'days("chart-runs") == ["2024-08-18", "2024-08-19"]' \
	    '"2 runs, 1 that did not end well" in text' \
	    'row("deadfeed")[0][1][1] == "2"' \
	    '"Metro rail resumes" not in text'
}
check "--from/--to: the articles, names, stories and runs of those days only" t_period

t_empty() {
	mkdir "$tmp/E" &&
	store -q report "$tmp/E" -o "$tmp/e.html" &&
	look "$tmp/e.html" 'p.svgs == {}' '"No article in this period." in text' \
	    '"No collect log" in text' &&
	store -q report --from 2030-01-01 "$A" -o "$tmp/e2.html" &&
	look "$tmp/e2.html" 'p.svgs == {}' '"No article in this period." in text' \
	    '"No collect run in this period." in text' \
	    '"from 2030-01-01 to 2030-01-01" in text'
}
check "an empty archive, a period without articles: a page that says so" t_empty

t_errors() {
	store report "$tmp/none" -o "$tmp/x.html" 2>"$tmp/e1"
	test $? -eq 2 || return 1
	grep -qx "store: $tmp/none: No such file or directory" "$tmp/e1" &&
	test ! -e "$tmp/x.html" || return 1
	store report "$A" -o "$tmp/no/such/x.html" 2>"$tmp/e2"
	test $? -eq 2 || return 1
	grep -qx "store: $tmp/no/such/x.html: No such file or directory" "$tmp/e2" || return 1
	store report "$A" extra >/dev/null 2>&1
	test $? -eq 2 || return 1
	store report --site dainik "$A" >/dev/null 2>"$tmp/e5"
	test $? -eq 2 && grep -q 'takes no filter but --from and --to' "$tmp/e5" ||
	    return 1
	store report --from 2024-13-01 "$A" >/dev/null 2>"$tmp/e3"
	test $? -eq 2 && grep -q 'want YYYY-MM-DD' "$tmp/e3" || return 1
	store -q report "$A" -o - >/dev/full 2>"$tmp/e4"
	test $? -eq 2 && grep -q 'No space left on device' "$tmp/e4" || return 1
	# the archive's own files are untouched: no page written into it
	store report "$A" -o "$A" 2>/dev/null
	test $? -eq 2 && test -d "$A" && test ! -e "$A.tmp"
}
check "a missing archive, a bad -o, a full disk, extra words, find's filters: exit 2 with a message" t_errors

t_replace() {
	# an old page is replaced whole, through a temporary file renamed
	echo old >"$tmp/old.html" &&
	store -q report "$A" -o "$tmp/old.html" &&
	same "$tmp/r.html" "$tmp/old.html" &&
	test "$(ls "$tmp" | grep -c '\.tmp$')" -eq 0
}
check "-o replaces a page whole" t_replace

t_many() {
	# more names than the table holds (4096): the one named in every
	# article is counted exactly, first, whatever is dropped
	python3 - "$tmp/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        t = "Common and N%05d" % i
        f.write(json.dumps({"url": "https://m.example/%d" % i,
            "fetched_at": "2024-09-%02dT05:00:00Z" % (1 + i % 3), "site": "m",
            "title": t, "story": "s%016x" % (i % 7000),
            "entities": [{"field": "title", "start": 0, "end": 6, "text": "Common",
                "type": "PER", "norm": "Common"},
                {"field": "title", "start": 11, "end": 17, "text": t[11:],
                "type": "ORG", "norm": t[11:]}]}) + "\n")
PY
	store -q -o "$tmp/M" "$tmp/many.jsonl" &&
	store report "$tmp/M" -o "$tmp/m.html" 2>"$tmp/m.err" &&
	grep -q ': 10000 articles, 1 site, [0-9]* stories' "$tmp/m.err" &&
	look "$tmp/m.html" \
	    '[t for _, t in p.svgs["chart-names"] if _ == "rect"][0] == "Common: 10000 articles"' \
	    'counts("chart-days") == 10000' \
	    'len(p.svgs["chart-stories"]) == 10'
}
check "more names and stories than the tables hold: the leaders counted exactly" t_many

# chrome ARGS...: headless Chromium as root runs it (no sandbox as root),
# with a profile of its own; generous time on a loaded machine.
chrome() {
	timeout 180 chromium --headless --disable-gpu --no-sandbox \
	    --user-data-dir="$tmp/chrome" --enable-logging=stderr --v=0 "$@"
}

t_browser() {
	cd "$tmp" || return 1
	chrome --screenshot="$tmp/shot.png" --window-size=1200,2000 \
	    "file://$tmp/r.html" >/dev/null 2>"$tmp/c1.err"
	chrome --dump-dom "file://$tmp/r.html" >"$tmp/dom.html" 2>"$tmp/c2.err"
	# a PNG of 1200 by 2000, not a blank one
	python3 - "$tmp/shot.png" <<'PY' || return 1
import sys, struct, zlib
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", b[16:24])
assert (w, h) == (1200, 2000), (w, h)
assert len(b) > 20000, "%d bytes: a blank page?" % len(b)
PY
	# the page as the browser built it: the four charts, their data
	look "$tmp/dom.html" 'len(p.svgs) == 4' \
	    'all(len(v) > 0 for v in p.svgs.values())' \
	    'counts("chart-days") == 13' || return 1
	if grep -E 'CONSOLE|Uncaught' "$tmp/c1.err" "$tmp/c2.err"; then
		return 1
	fi
	# and the check sees an error when there is one: a script and an
	# image slipped in are refused, and said on the console
	sed 's|<h1>|<script>f()</script><img src="http://127.0.0.1:9/x.png"><h1>|' \
	    "$tmp/r.html" >"$tmp/bad.html" &&
	chrome --dump-dom "file://$tmp/bad.html" >/dev/null 2>"$tmp/c3.err"
	test "$(grep -c 'CONSOLE' "$tmp/c3.err")" -ge 2
}
if command -v chromium >/dev/null; then
	check "headless Chromium: a screenshot, every chart drawn, no console error" t_browser
else
	skip "headless Chromium: a screenshot, every chart drawn, no console error" \
	    "no chromium (apt-get install chromium)"
fi

t_single() {
	# a single-file archive: no collect log there
	store -q -o "$tmp/one.zst" "$here/report/records.jsonl" &&
	store -q report "$tmp/one.zst" -o "$tmp/one.html" &&
	look "$tmp/one.html" 'counts("chart-days") == 13' \
	    '"No collect log" in text'
}
check "a single-file archive" t_single

t_badlog() {
	# collect's logs as no run wrote them: garbage, a NUL, numbers too
	# large, fields missing or empty, a line of 100000 bytes (passed
	# over); and a record with no date.  Read on, the page whole, exit 0.
	store -q -o "$tmp/L" "$here/report/records.jsonl" &&
	printf '{"url":"https://x.example/undated","site":"x"}\n' |
	    store -q -o "$tmp/L" &&
	mkdir "$tmp/L/.collect" &&
	python3 - "$tmp/L/.collect" <<'PY' &&
import sys
d = sys.argv[1]
with open(d + "/log", "wb") as f:
    f.write(b"garbage\n\n2024-13-45T00:00:00Z archived=5\n")
    f.write(b"2024-08-17T06:00:00Z archived=99999999999999999999999 failed=-3 failed_by=::,,:,x:,:7,404:2 exit=\n")
    f.write(b"2024-08-18T06:00:00Z archived=1\0 failed=1 exit=1\n")
    f.write(b"2024-08-19T06:00:00Z " + b"x=1 " * 25000 + b"archived=2\n")
    f.write(b"2024-08-20T06:00:00Z")
with open(d + "/sites.log", "wb") as f:
    f.write(b"2024-08-17T06:00:00Z site= sources=\n2024-08-17T06:00:00Z sources=2\n")
    f.write(b"2024-08-17T06:00:00Z site=a sources=0 failed_sources=9\n")
    f.write(b"2024-08-18T06:00:00Z site=a sources=3 failed_sources=3 site=b\n")
PY
	store report "$tmp/L" -o "$tmp/l.html" 2>"$tmp/l.err" &&
	grep -q ': 13 articles, 4 sites' "$tmp/l.err" &&
	look "$tmp/l.html" 'len(p.svgs) == 4' \
	    '"1 record without a date left out." in text' \
	    '"2 runs, 0 that did not end well, 0 stopped at --max-time; 1000000000001 articles archived, 0 failed (404 2)." in text' \
	    '"2024-08-17: 1 run, 4294967295 archived" in [t for _, t in p.svgs["chart-runs"]]' \
	    'len(row("a")) == 1 and not row("")' \
	    'row("a")[0][1][5] == "all failed in 1 run"'
}
check "collect logs no run wrote, a record without a date: read on, a whole page" t_badlog

t_once() {
	# a name a record mentions many times counts once, in a record of
	# few mentions and in one of many (over 32: a table, not a look
	# back)
	python3 - "$tmp/once.jsonl" <<'PY' &&
import json, sys
with open(sys.argv[1], "w") as f:
    for k, n in ((1, 5), (2, 40)):
        t = "Aa Bb Cc " * n
        f.write(json.dumps({"url": "https://o.example/%d" % k,
            "fetched_at": "2024-08-17T05:00:00Z", "site": "o", "text": t,
            "entities": [{"field": "text", "start": 3 * i, "end": 3 * i + 2,
                "text": t[3 * i:3 * i + 2], "type": "PER",
                "norm": t[3 * i:3 * i + 2]} for i in range(3 * n)]}) + "\n")
PY
	store -q -o "$tmp/O" "$tmp/once.jsonl" &&
	store -q report "$tmp/O" -o "$tmp/o.html" &&
	look "$tmp/o.html" '[t for _, t in p.svgs["chart-names"] if _ == "rect"] == ["Aa: 2 articles", "Bb: 2 articles", "Cc: 2 articles"]' &&
	store find --by entity "$tmp/O" >"$tmp/o.tsv" &&
	printf 'Aa\t2\nBb\t2\nCc\t2\n' | same - "$tmp/o.tsv"
}
check "a name mentioned many times in a record counts once (report and find --by entity)" t_once

t_find() {
	# find's walk, shared with report, still answers as it did
	test "$(store find --count "$A")" = 13 &&
	store find --by site "$A" >"$tmp/sites" &&
	printf 'courier\t5\ndainik\t5\nblog.other.example\t2\n<b>evil</b>&co\t1\n' |
	    same - "$tmp/sites"
}
check "find over the same archive: its tallies as before" t_find

done_testing

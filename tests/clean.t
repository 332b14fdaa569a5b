#!/bin/sh
# clean: the article text and metadata of hand-made Bengali and English
# pages, pass-through rules, text mode, and pages built to hurt (empty,
# scripts only, 5 MB, 10,000 deep, broken, all links, odd bytes).
. "$(dirname "$0")/lib.sh"
plan 17

fx=$root/tests/clean

# rec NAME: the fixture page as a record on stdout.
rec() {
	python3 - "$fx/$1.html" "$1" <<'PY'
import json, sys
html = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"url": "https://bd.example/news/" + sys.argv[2],
                  "html": html}, ensure_ascii=False))
PY
}

# field FIELD < records: each record's FIELD, one a line ("" if none).
field() {
	python3 -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line).get(sys.argv[1], ""))' "$1"
}

for page in prothomalo jugantor anandabazar bdnews24; do
	text_of() {
		rec "$1" >"$tmp/$1.in" &&
		clean "$tmp/$1.in" >"$tmp/$1.out" &&
		field text <"$tmp/$1.out" >"$tmp/$1.txt" &&
		same "$fx/$1.txt" "$tmp/$1.txt"
	}
	check "$page: the article's text, line by line" text_of "$page"
done

meta() {
	rec prothomalo | clean >"$tmp/m.out" &&
	python3 - "$tmp/m.out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
want = {"title": "বন্যায় সিলেটে লাখো মানুষ পানিবন্দী",
        "published": "2024-06-19T08:35:00+06:00",
        "modified": "2024-06-19T11:02:00+06:00",
        "author": "নিজস্ব প্রতিবেদক", "lang": "bn",
        "canonical_url": "https://bd.example/bangladesh/district/sylhet-flood-2024",
        "site_name": "প্রথম আলো"}
bad = {k: (r.get(k), v) for k, v in want.items() if r.get(k) != v}
assert "html" not in r, "html kept"
assert not bad, bad
PY
}
check "metadata from JSON-LD, OpenGraph and <link>" meta

dateline() {
	rec jugantor | clean | field published >"$tmp/d" &&
	test "$(cat "$tmp/d")" = 2025-12-27T08:35 &&
	rec jugantor | clean | field title >"$tmp/t" &&
	test "$(cat "$tmp/t")" = "চট্টগ্রাম বন্দরে কনটেইনার জট কমেছে"
}
check "the visible Bengali dateline; <title> without the site name" dateline

passthru() {
	printf '%s\n' '{"url":"https://bd.example/gone","status":404,"error":"HTTP 404"}' \
	    '{"url":"https://bd.example/none","status":200}' >"$tmp/p.in" &&
	clean "$tmp/p.in" >"$tmp/p.out" && same "$tmp/p.in" "$tmp/p.out"
}
check "records with error, or without html and text, pass untouched" passthru

keep() {
	rec bdnews24 | clean --keep-html | field html >"$tmp/k" &&
	grep -q 'contentDetails' "$tmp/k" &&
	rec bdnews24 | clean | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
assert list(r)[:1] == ["url"] and "html" not in r and r["text"]'
}
check "--keep-html keeps the page, otherwise it goes" keep

textmode() {
	python3 -c '
import json
t = "প্রচ্ছদ\nবিশ্ব\nপ্রকাশ : ২৭ ডিসেম্বর ২০২৫, ০৮:৩৫ এএম\n" + "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন বৃহস্পতিবার আলাস্কায় পৌঁছেছেন, সেখানে তিনি মার্কিন প্রেসিডেন্টের সঙ্গে বৈঠক করবেন বলে জানিয়েছে ক্রেমলিন।\n" * 2 + "সর্বাধিক পঠিত"
print(json.dumps({"url": "https://bd.example/t", "text": t}, ensure_ascii=False))' |
	    clean >"$tmp/tm.out" &&
	field text <"$tmp/tm.out" | grep -q 'আলাস্কায় পৌঁছেছেন' &&
	! field text <"$tmp/tm.out" | grep -q 'সর্বাধিক পঠিত'
}
check "text mode: records with text and no html" textmode

# Pages built to hurt, each as one record, with a good record after.
python3 - "$tmp/hurt.jsonl" <<'PY'
import json, sys
good = "<html><body><article>" + "<p>রাশিয়ার প্রেসিডেন্ট পুতিন বৃহস্পতিবার আলাস্কায় পৌঁছান, বৈঠক শুরু হয় দুপুরে।</p>" * 3 + "</article></body></html>"
pages = {
    "empty": "",
    "scripts": "<html><head><script>var a='<p>not text</p>';</script></head><body><script>document.write('x')</script><style>p{}</style></body></html>",
    "big": "<html><body><div>" + "<p>A long page, paragraph %d, with words, commas and a full stop.</p>" * 80000 + "</div></body></html>",
    "deep": "<div>" * 10000 + "গভীর লেখা, অনেক নিচে।" + "</div>" * 10000,
    "deep200": "<div>" * 200 + "গভীর লেখা, অনেক নিচে।" + "</div>" * 200,
    "deepp": "<b><i>" * 5000 + "x" * 100,
    "broken": "<html><body><p>Unclosed <b>bold <i>both</p></div></span><p>Another, with an <a href='x>broken link</p><table><tr><td>cell</table></p>&#xFFFFFF;&bogus;&#0;",
    "links": "<html><body>" + "".join("<a href='/%d'>link number %d</a> " % (i, i) for i in range(3000)) + "</body></html>",
    "charset": "<html><head><meta charset='windows-1252'></head><body><p>বাংলা লেখা থাকবে, কারণ এটা ইউটিএফ-৮।</p><p>বাংলা লেখা থাকবে, আবারও একবার।</p></body></html>",
    "nul": "<p>before\u0000after, with a NUL in it.</p>\udcff",
}
with open(sys.argv[1], "w", encoding="utf-8", errors="surrogatepass") as f:
    for k, v in pages.items():
        v = v.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        f.write(json.dumps({"url": "https://bd.example/" + k, "html": v}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"url": "https://bd.example/good", "html": good}, ensure_ascii=False) + "\n")
PY

hurt() {
	clean "$tmp/hurt.jsonl" >"$tmp/hurt.out" 2>"$tmp/hurt.err" &&
	test "$(wc -l <"$tmp/hurt.out")" -eq 11 &&
	tail -1 "$tmp/hurt.out" | field text | grep -q 'আলাস্কায়'
}
check "empty, scripts-only, 5 MB, 10,000-deep, broken pages: all go through" hurt

# text N: the text of record N of hurt.out, as JSON.
text() {
	sed -n "$1p" "$tmp/hurt.out" | python3 -c '
import json, sys
print(json.dumps(json.loads(sys.stdin.read()).get("text", ""),
                 ensure_ascii=False))'
}

hurt_text() {
	test "$(text 1)" = '""' && test "$(text 2)" = '""' &&
	test "$(text 5)" = '"গভীর লেখা, অনেক নিচে।"' &&
	text 7 | grep -q 'Another, with' &&
	test "$(text 9)" = '"বাংলা লেখা থাকবে, কারণ এটা ইউটিএফ-৮।\nবাংলা লেখা থাকবে, আবারও একবার।"'
}
check "what those pages give: nothing, the deep text, the broken text, UTF-8" hurt_text

# A page of nothing but links is no article: its links are its items,
# and page_kind tells a collector to leave it.
links() {
	sed -n 8p "$tmp/hurt.out" | field page_kind >"$tmp/kind" &&
	test "$(cat "$tmp/kind")" != article &&
	test -n "$(cat "$tmp/kind")"
}
check "a page of nothing but links is no article" links

bad_input() {
	printf '%s\n' '{"url":"https://bd.example/a","html":"<p>x</p>"}' \
	    'not json' '{"url":"https://bd.example/b","html":42}' >"$tmp/b.in"
	clean "$tmp/b.in" >"$tmp/b.out" 2>"$tmp/b.err"
	test $? -eq 1 && test "$(wc -l <"$tmp/b.out")" -eq 1 &&
	grep -q ':3: html: want a string, got a number; skipped' "$tmp/b.err"
}
check "bad records are reported and skipped, exit 1" bad_input

valid() {
	cat "$tmp"/*.in "$tmp/hurt.jsonl" 2>/dev/null | grep -v '^not json' |
	    grep -v '"html":42' | clean | validate
}
check "what clean writes passes validate" valid

# libxml2 ends a page at a text node of 10,000,000 characters unless
# told otherwise: the text was cut there and what followed was lost.
huge_node() {
	python3 -c '
import json
pages = {
    "text": "<html><head><title>Big page</title></head><body><article><p>"
        + "word " * 2300000 + "</p><p>After the big one, a closing "
        "paragraph.</p></article></body></html>",
    "script": "<html><head><title>Big page</title><script>var x=\""
        + "a" * 11000000 + "\";</script></head><body><article><p>After "
        "the big script, a paragraph, with commas, and more.</p>"
        "</article></body></html>",
}
for k, v in pages.items():
    print(json.dumps({"url": "https://bd.example/" + k, "html": v}))' \
	    >"$tmp/huge.jsonl" &&
	clean "$tmp/huge.jsonl" >"$tmp/huge.out" &&
	python3 - "$tmp/huge.out" <<'PY'
import json, sys
a, b = (json.loads(l) for l in open(sys.argv[1], encoding="utf-8"))
assert len(a["text"]) == 11500039, len(a["text"])
assert a["text"].endswith("word\nAfter the big one, a closing paragraph."), a["text"][-60:]
assert b["text"] == "After the big script, a paragraph, with commas, and more.", b
assert "truncated" not in a and "truncated" not in b
PY
}
check "a text node or script of 11M characters: read whole, the rest kept" huge_node

# A JSON-LD block of 3,000,000 empty objects (9 MB): json-c's tree of it
# took 2.3 GB.  One that may hold more values than a record may have
# (--max-values) is not read; the page is.  -j 2 whatever the machine's
# CPUs: each worker reserves address space that ulimit -v counts.
ld_values() {
	python3 -c '
import json
ld = "[" + ",".join(["{}"] * 3000000) + "]"
h = ("<html><head><title>Big JSON-LD</title><script type=\"application/ld+json\">"
     + ld + "</script></head><body><article><p>The article, with commas, "
     "and a full stop. It goes on for a while, as articles do.</p>"
     "</article></body></html>")
print(json.dumps({"url": "https://bd.example/ld", "html": h}))' >"$tmp/ld.jsonl"
	kb=$(ulimit -v 1048576; /usr/bin/time -f %M -o "$tmp/ld.rss" \
	    "$root/bin/clean" -j 2 "$tmp/ld.jsonl" >"$tmp/ld.out"; tail -n 1 "$tmp/ld.rss")
	echo "max RSS ${kb} KiB"
	test "$kb" -lt 200000 &&
	test "$(field title <"$tmp/ld.out")" = "Big JSON-LD" &&
	field text <"$tmp/ld.out" | grep -q '^The article, with commas'
}
if [ -x "$root/bin/clean" ] && [ -x /usr/bin/time ]; then
	check "a JSON-LD block of 3M values is not read: memory under 200 MB" ld_values
else
	skip "a JSON-LD block of 3M values" "no bin/clean or /usr/bin/time"
fi

full() {
	rec bdnews24 | clean >/dev/full 2>"$tmp/f.err"
	test $? -eq 2 && grep -q 'write error' "$tmp/f.err"
}
if [ -w /dev/full ]; then
	check "a full disk is an error (exit 2)" full
else
	skip "a full disk is an error" "no /dev/full"
fi
done_testing

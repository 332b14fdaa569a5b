#!/bin/sh
# The measurement set for links' article links (tests/links/section):
# the pages are make.py's, each gold is canonical, sorted and in range,
# and score.py scores a perfect output 1, an empty one 0.
. "$(dirname "$0")/lib.sh"
plan 5

sec=$here/links/section
check "section pages: the files are make.py's" python3 "$sec/make.py" --check

cat >"$tmp/gold.py" <<'PY'
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
from common import canon
bad = 0
pages = [d for d in sorted(os.listdir(sys.argv[1]))
         if os.path.isfile(os.path.join(sys.argv[1], d, "gold"))]
for d in pages:
    p = os.path.join(sys.argv[1], d)
    gold = open(os.path.join(p, "gold"), encoding="utf-8").read().split("\n")
    if gold[-1] != "" or "" in gold[:-1]:
        print(d, "gold: empty line or no newline at the end"); bad = 1
    gold = gold[:-1]
    if gold != sorted(set(gold)):
        print(d, "gold: not sorted or not unique"); bad = 1
    if not 25 <= len(gold) <= 80:
        print(d, "gold: %d articles" % len(gold)); bad = 1
    for u in gold:
        if canon(u, u) != u:
            print(d, "gold: not canonical:", u); bad = 1
    if len(open(os.path.join(p, "url")).read().splitlines()) != 1:
        print(d, "url: not one line"); bad = 1
if len(pages) != 16:
    print("%d pages" % len(pages)); bad = 1
sys.exit(bad)
PY
check "section pages: 16 golds, canonical, sorted, 25-80 articles each" \
    python3 "$tmp/gold.py" "$sec"

# A "links" that writes the gold of the page it is given.
cat >"$tmp/oracle.py" <<'PY'
import json, os, sys
rec = json.loads(sys.stdin.readline())
for d in os.listdir(sys.argv[1]):
    p = os.path.join(sys.argv[1], d)
    if os.path.isfile(os.path.join(p, "url")) and \
            open(os.path.join(p, "url")).read().strip() == rec["url"]:
        assert rec["html"] == open(os.path.join(p, "page.html"),
                                   encoding="utf-8").read()
        for u in open(os.path.join(p, "gold")).read().split():
            print(json.dumps({"url": u, "kind": "article",
                              "source": rec["url"], "via": "html"}))
        print(json.dumps({"url": rec["url"] + "?feed", "kind": "feed"}))
PY
check "score.py: the gold itself scores 1" sh -c '
	python3 "$1/score.py" --run "python3 $2 $1" "$1" >"$3/perfect" &&
	grep -qx "micro precision=1.0000 recall=1.0000 tp=[0-9]* fp=0 fn=0" \
	    "$3/perfect" && [ "$(grep -c " 1.0000  *1.0000" "$3/perfect")" = 16 ]
' sh "$sec" "$tmp/oracle.py" "$tmp"
check "score.py: no output scores 0, exit 0" sh -c '
	python3 "$1/score.py" --run "cat >/dev/null" "$1" | tail -1 |
	    grep -q "^micro precision=0.0000 recall=0.0000 tp=0 fp=0 fn=[1-9]"
' sh "$sec"

printf '%s\n' '{"url":"https://www.jugantor.com/national","kind":"article"}' \
    '{"url":"https://www.jugantor.com/rss.xml","kind":"feed"}' \
    'not json' >"$tmp/out"
sed 1d "$sec/jugantor-home/gold" | sed 's/.*/{"url":"&","kind":"article"}/' \
    >>"$tmp/out"
check "score.py: one page's false positive and negative" sh -c '
	python3 "$1/score.py" "$1/jugantor-home" "$2" >"$3/one" &&
	grep -qx "  + https://www.jugantor.com/national" "$3/one" &&
	grep -qx "  - $(head -1 "$1/jugantor-home/gold")" "$3/one" &&
	grep -q "^bad lines 1" "$3/one" &&
	grep -q "^precision 0.98" "$3/one"
' sh "$sec" "$tmp/out" "$tmp"
done_testing

#!/bin/sh
# clean-eval.sh: how well clean finds the article.
#
#   1. Zyte article-extraction benchmark (../shared/data/zyte, 181
#      pages): clean's text against articleBody, scored by
#      ../shared/eval/score-clean (shingle F1; targets: trafilatura
#      0.958, Readability.js 0.944 here).  With Readability.js installed
#      by bench/clean.sh, its output is scored too.
#   2. Our Bengali and English pages, tests/clean/*.html against their
#      *.txt, with the same scorer.
#   3. Text mode on the seed pages: bench/clean-text-eval.sh.
#   4. wcxb-dev (../shared/data/wcxb-dev, 1,497 pages of 7 types), in
#      its two fixed parts (bench/wcxb-records.py): "tune", what clean
#      is tuned on, and "held", what it is reported on and never tuned
#      on.  ../shared/eval/score-wcxb's table per page type, title,
#      published and author, and page_kind's accuracy (article against
#      the rest); Readability.js on the same pages beside it when
#      bench/node_modules has it (its output is kept in bench/out/).
#      WCXB's own test split is not used.
#
# Exit 0 when it ran (or was skipped for want of ../shared), 1 when a
# command failed, 2 for usage errors.
set -eu

prog=clean-eval.sh
usage() {
	echo "usage: $prog" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
[ $# -eq 0 ] || usage
find_shared
need_tools python3

if [ ! -x bin/clean ]; then
	${MAKE:-make} bin/clean >&2 || die "make failed"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
score=$shared/eval/score-clean
gold=$shared/data/zyte/ground-truth.json

mkdir -p bench/out
file=bench/out/clean-zyte.jsonl
if [ ! -s "$file" ]; then
	bench/zyte-records.py "$shared/data/zyte" >"$file.tmp" ||
		die "cannot make $file"
	mv "$file.tmp" "$file"
fi
bin/clean "$file" >"$tmp/zyte.out" || die "clean failed"
echo "Zyte (181 pages), clean:          $("$score" "$gold" "$tmp/zyte.out")"
if [ -s bench/out/readability-zyte.jsonl ]; then
	echo "Zyte (181 pages), Readability.js: $("$score" "$gold" bench/out/readability-zyte.jsonl)"
fi

# our own pages: a gold file in score-clean's layout, and clean's output
python3 - "$root/tests/clean" "$tmp/own-gold.json" "$tmp/own.jsonl" <<'PY'
import glob, json, os, sys
src, gold_out, rec_out = sys.argv[1:4]
gold = {}
with open(rec_out, "w", encoding="utf-8") as f:
    for h in sorted(glob.glob(os.path.join(src, "*.html"))):
        name = os.path.basename(h)[:-5]
        t = h[:-5] + ".txt"
        if not os.path.exists(t):
            continue
        gold[name] = {"articleBody": open(t, encoding="utf-8").read()}
        f.write(json.dumps({"id": name, "url": "https://bd.example/" + name,
                            "html": open(h, encoding="utf-8").read()},
                           ensure_ascii=False) + "\n")
json.dump(gold, open(gold_out, "w", encoding="utf-8"), ensure_ascii=False)
PY
bin/clean "$tmp/own.jsonl" >"$tmp/own.out" || die "clean failed"
echo "Own pages (tests/clean), clean:   $("$score" "$tmp/own-gold.json" "$tmp/own.out")"

if [ -x build/opt/bin/textmode-test ] || ${MAKE:-make} build/opt/bin/textmode-test >/dev/null 2>&1; then
	echo "Seeds, text mode (bench/clean-text-eval.sh):"
	bench/clean-text-eval.sh | sed 's/^/  /'
else
	echo "Seeds, text mode: build/opt/bin/textmode-test not built; left out"
fi

wcxb=$shared/data/wcxb-dev
[ -d "$wcxb/html" ] || exit 0
rd=
if [ -d bench/node_modules/@mozilla/readability ] &&
    command -v node >/dev/null 2>&1; then
	rd=1
fi
for part in tune held; do
	file=bench/out/wcxb-$part.jsonl
	if [ ! -s "$file" ] || [ "bench/wcxb-records.py" -nt "$file" ]; then
		bench/wcxb-records.py "$wcxb" "$part" >"$file.tmp" ||
			die "cannot make $file"
		mv "$file.tmp" "$file"
	fi
	# score-wcxb scores the pages of a folder: this part's
	mkdir -p "$tmp/gold-$part/ground-truth"
	bench/wcxb-records.py ids "$part" "$wcxb" | while read -r id; do
		ln -s "$wcxb/ground-truth/$id.json" "$tmp/gold-$part/ground-truth/"
	done
	bin/clean "$file" >"$tmp/wcxb-$part.out" || die "clean failed"
	echo "wcxb-dev, $part part ($(wc -l <"$file") pages), clean:"
	"$shared/eval/score-wcxb" "$tmp/wcxb-$part.out" \
	    --gold "$tmp/gold-$part" | sed 's/^/  /'
	python3 - "$tmp/wcxb-$part.out" "$tmp/gold-$part" <<'PY'
import json, os, sys
kind = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    kind[r["id"]] = r.get("page_kind")
ok = n = 0
d = os.path.join(sys.argv[2], "ground-truth")
for f in os.listdir(d):
    g = json.load(open(os.path.join(d, f), encoding="utf-8"))
    t = (g.get("_internal") or {}).get("page_type", "article")
    t = t.get("primary", "article") if isinstance(t, dict) else t
    n += 1
    ok += (t == "article") == (kind.get(f[:-5]) == "article")
print("  page_kind, article or not: %d/%d = %.3f" % (ok, n, ok / n))
PY
	[ -n "$rd" ] || continue
	rdout=bench/out/readability-wcxb-$part.jsonl
	if [ ! -s "$rdout" ] || [ "$file" -nt "$rdout" ]; then
		node bench/readability/run.js "$file" >"$rdout.tmp" ||
			die "Readability.js failed"
		mv "$rdout.tmp" "$rdout"
	fi
	echo "wcxb-dev, $part part, Readability.js:"
	"$shared/eval/score-wcxb" "$rdout" --gold "$tmp/gold-$part" |
	    sed 's/^/  /'
done

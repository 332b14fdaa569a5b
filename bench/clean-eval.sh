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

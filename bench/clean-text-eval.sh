#!/bin/sh
# clean-text-eval.sh: clean's text mode against the gold body lines of
# the five seed pages (../shared/data/seeds/body.jsonl): body-line
# precision, recall and F1 per page and over all lines.  Lines count by
# their number in the page; a line glued from byline and body is
# boilerplate, as the gold has it (GOLD-README.txt).  With -o it also
# scores our own texts, tests/clean-text/*.txt against their *.keep.
#
#   bench/clean-text-eval.sh [-o] [textmode-test]
prog=clean-text-eval.sh
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KH_SHARED:-$root/../shared}
own=0
if [ "${1:-}" = -o ]; then
	own=1
	shift
fi
tool=${1:-$root/build/opt/bin/textmode-test}
if [ ! -f "$shared/data/seeds/body.jsonl" ]; then
	echo "$prog: skipped: ../shared not found ($shared/data/seeds)" >&2
	exit 0
fi
if [ ! -x "$tool" ]; then
	echo "$prog: $tool not found (make build/opt/bin/textmode-test)" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# one "name<TAB>gold line numbers<TAB>kept line numbers" a page
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    print(o["seed"] + "\t" + " ".join(map(str, o["body_line_numbers"])))
' "$shared/data/seeds/body.jsonl" | while IFS='	' read -r seed gold; do
	kept=$("$tool" -n <"$shared/data/seeds/$seed" | tr '\n' ' ')
	printf '%s\t%s\t%s\n' "$seed" "$gold" "$kept"
done >"$tmp/pages"
if [ $own = 1 ]; then
	for t in "$root"/tests/clean-text/*.txt; do
		[ -f "${t%.txt}.keep" ] || continue
		kept=$("$tool" -n <"$t" | tr '\n' ' ')
		printf '%s\t%s\t%s\n' "own/$(basename "$t")" \
		    "$(tr '\n' ' ' <"${t%.txt}.keep")" "$kept"
	done >>"$tmp/pages"
fi

awk -F'\t' '
function f1(p, r) { return p + r > 0 ? 2 * p * r / (p + r) : 0 }
function show(name, tp, fp, fn,   p, r) {
	p = tp + fp > 0 ? tp / (tp + fp) : 1
	r = tp + fn > 0 ? tp / (tp + fn) : 1
	printf "%-28s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n",
	    name, p, r, f1(p, r), tp, fp, fn
}
{
	split($2, g, " "); split($3, k, " ")
	delete want; delete got
	for (i in g) if (g[i] != "") want[g[i]] = 1
	for (i in k) if (k[i] != "") got[k[i]] = 1
	tp = fp = fn = 0
	for (x in got) if (x in want) tp++; else fp++
	for (x in want) if (!(x in got)) fn++
	show($1, tp, fp, fn)
	set = $1 ~ /^own\// ? "own" : "seeds"
	T[set] += tp; F[set] += fp; N[set] += fn
}
END {
	show("seeds: all lines", T["seeds"], F["seeds"], N["seeds"])
	if ("own" in T) show("own: all lines", T["own"], F["own"], N["own"])
}' "$tmp/pages"
exit 0

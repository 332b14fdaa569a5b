#!/bin/sh
# clean.sh [-n runs]: the speed of clean.
#
# Makes a JSON Lines file of page records ({"id", "url", "html"}) from
# ../shared/data/zyte/html/*.html.gz, each page decoded by its declared
# charset, and times over it, median wall time of -n runs (default 5):
# build/opt/bin/parse (libxml2's bare parse of each html, the anchor),
# bin/clean, and Mozilla Readability.js with jsdom (installed once from
# npm into bench/node_modules; offline afterwards; left out when npm and
# the folder are both missing).  Prints MB/s (10^6 bytes of input) and
# the ratios the issue asks for: clean >= 40 MB/s, >= 55% of the bare
# parse, >= 50x Readability.js.  Max RSS of clean on the file and on its
# first tenth shows memory flat in the number of records.
#
# Exit 0 when the benchmark ran (or was skipped for want of ../shared),
# 1 when a command failed, 2 for usage errors or missing tools.
set -eu

prog=clean.sh
runs=5

usage() {
	echo "usage: $prog [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
only_runs "$@"

find_shared
need_tools python3 /usr/bin/time

if [ ! -x bin/clean ] || [ ! -x build/opt/bin/parse ]; then
	echo "$prog: building with make" >&2
	${MAKE:-make} bin/clean build/opt/bin/parse >&2 || die "make failed"
fi

mkdir -p bench/out
file=bench/out/clean-zyte.jsonl
tenth=bench/out/clean-zyte.tenth.jsonl
if [ ! -s "$file" ] || [ ! "$file" -nt "$script" ]; then
	echo "$prog: generating $file" >&2
	bench/zyte-records.py "$shared/data/zyte" >"$file.tmp" ||
		die "cannot make $file"
	mv "$file.tmp" "$file"
	head -n 18 "$file" >"$tenth"
fi
bytes=$(wc -c <"$file")

# median_time CMD...: the median wall time of $runs runs, in seconds.
median_time() {
	for i in $(seq "$runs"); do
		/usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1
	done | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

mbs() {
	awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.1f", (t > 0 ? b / t / 1e6 : 0) }'
}

echo "input: $file, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $(wc -l <"$file") pages; median of $runs runs"
tp=$(median_time build/opt/bin/parse "$file")
tc=$(median_time bin/clean "$file")
printf '%-28s %6.2f s %8s MB/s\n' "libxml2 parse (bench/parse)" "$tp" "$(mbs "$tp")"
printf '%-28s %6.2f s %8s MB/s\n' "clean" "$tc" "$(mbs "$tc")"

# Readability.js, installed once into bench/node_modules.
rd=bench/node_modules/@mozilla/readability
if [ ! -d "$rd" ] && command -v npm >/dev/null 2>&1; then
	echo "$prog: installing Readability.js and jsdom from npm" >&2
	deps=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))["dependencies"]
print(" ".join(k + "@" + v for k, v in d.items()))' bench/readability/package.json)
	# shellcheck disable=SC2086
	npm install --no-save --no-package-lock --no-audit --no-fund \
	    --prefix bench $deps >&2 || echo "$prog: npm install failed" >&2
fi
tr=
if [ -d "$rd" ] && command -v node >/dev/null 2>&1; then
	# one run: it is slow, and its median would take minutes
	tr=$(/usr/bin/time -f %e node bench/readability/run.js "$file" \
	    2>&1 >bench/out/readability-zyte.jsonl | tail -1)
	printf '%-28s %6.2f s %8s MB/s (1 run)\n' "Readability.js + jsdom" "$tr" "$(mbs "$tr")"
else
	echo "Readability.js: not installed (no npm?), left out"
fi

awk -v p="$tp" -v c="$tc" -v r="${tr:-0}" 'BEGIN {
	printf "clean / bare parse: %.2f (target >= 0.55)\n", p / c
	if (r > 0)
		printf "clean / Readability.js: %.1fx (target >= 50x)\n", r / c
}'

# memory: max RSS on the whole file and on its first tenth
rss() {
	/usr/bin/time -f %M bin/clean "$1" 2>&1 >/dev/null | tail -1
}
echo "clean max RSS: $(rss "$tenth") KB on 18 pages, $(rss "$file") KB on $(wc -l <"$file")"

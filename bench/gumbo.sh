#!/bin/sh
# gumbo.sh [-n runs]: issue 16's choice of tree, measured.
#
# libxml2 2.9's HTML parser does not build the tree a browser builds (a
# <div> in a <button> keeps the site header open around the article).
# clean keeps libxml2's parser and never drops a block that holds most
# of the page's prose: option (b).  Option (a) builds the tree with
# gumbo, an HTML5 tree builder, copied into a libxml2 document
# (bench/gumbo/doc.c) under the same extractor.  This script builds (a)
# into build/gumbo/ and prints, for both, word F1 on the tuning part of
# wcxb-dev (score-wcxb, all pages and articles) and MB/s on the Zyte
# pages of bench/clean.sh, median wall time of -n runs (default 3),
# beside each parser's bare parse.
#
# Exit 0 when it ran (or was skipped for want of ../shared or of
# libgumbo-dev), 1 when a command failed, 2 for usage errors.
set -eu

prog=gumbo.sh
runs=3

usage() {
	echo "usage: $prog [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
only_runs "$@"
find_shared
need_tools python3 /usr/bin/time
if ! pkg-config --exists gumbo 2>/dev/null; then
	echo "$prog: skipped: gumbo not found (apt-get install libgumbo-dev)" >&2
	exit 0
fi

${MAKE:-make} -s bin/clean build/opt/bin/parse build/opt/libkhobor.a >&2 ||
	die "make failed"
mkdir -p build/gumbo bench/out
cc="${CC:-cc} -O2 -std=c17 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -Ilib"
pc="json-c libxml-2.0 icu-uc icu-i18n gumbo"
# shellcheck disable=SC2046,SC2086
{
	$cc $(pkg-config --cflags $pc) -c -o build/gumbo/doc.o bench/gumbo/doc.c &&
	$cc $(pkg-config --cflags $pc) -DKH_VERSION='"gumbo"' \
	    -DhtmlReadMemory=gumbo_read_memory -o build/gumbo/clean \
	    clean/clean.c clean/extract.c clean/meta.c clean/kind.c \
	    clean/textmode.c clean/dateline.c build/gumbo/doc.o \
	    build/opt/libkhobor.a $(pkg-config --libs $pc) -lm -pthread &&
	$cc $(pkg-config --cflags $pc) -o build/gumbo/parse bench/gumbo/parse.c \
	    build/opt/libkhobor.a $(pkg-config --libs $pc) -lm -pthread
} || die "cannot build build/gumbo"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# F1 on the tuning part: the choice is made there, not on the held-out
wcxb=$shared/data/wcxb-dev
tune=bench/out/wcxb-tune.jsonl
if [ ! -s "$tune" ] || [ bench/wcxb-records.py -nt "$tune" ]; then
	bench/wcxb-records.py "$wcxb" tune >"$tune.tmp" || die "cannot make $tune"
	mv "$tune.tmp" "$tune"
fi
mkdir -p "$tmp/gold/ground-truth"
bench/wcxb-records.py ids tune "$wcxb" | while read -r id; do
	ln -s "$wcxb/ground-truth/$id.json" "$tmp/gold/ground-truth/"
done
for v in b a; do
	if [ $v = b ]; then bin=bin/clean; else bin=build/gumbo/clean; fi
	"$bin" "$tune" >"$tmp/$v.out" || die "$bin failed"
	"$shared/eval/score-wcxb" "$tmp/$v.out" --gold "$tmp/gold" |
	    awk -v v=$v '$1 == "all" || $1 == "article" {
		printf "(%s) wcxb-dev tuning part, %-8s F1 %s  empty %s\n", v, $1, $3, $NF }'
done

# speed on the Zyte pages, as bench/clean.sh
file=bench/out/clean-zyte.jsonl
if [ ! -s "$file" ]; then
	bench/zyte-records.py "$shared/data/zyte" >"$file.tmp" ||
		die "cannot make $file"
	mv "$file.tmp" "$file"
fi
bytes=$(wc -c <"$file")
median_time() {
	for i in $(seq "$runs"); do
		/usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1
	done | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}
echo "speed: $file, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB; median of $runs runs"
for p in "libxml2 parse:build/opt/bin/parse" "gumbo parse:build/gumbo/parse" \
    "(b) clean, libxml2:bin/clean" "(a) clean, gumbo:build/gumbo/clean"; do
	t=$(median_time "${p#*:}" "$file")
	awk -v n="${p%%:*}" -v b="$bytes" -v t="$t" \
	    'BEGIN { printf "%-22s %6.2f s %6.1f MB/s\n", n, t, (t > 0 ? b / t / 1e6 : 0) }'
done

#!/bin/sh
# url.sh [-n runs]: the speed of kh_url_canon() (lib/url.c).
#
# Generates 1,000,000 URLs in the shapes links meets on news pages, in
# bench/out/urls.tsv (cached while newer than this script): absolute
# URLs, some with tracking parameters and upper-case hosts; relative
# ones with ../ and ./, from the root, query only; Bengali paths raw and
# percent-encoded in either case; a few that are refused (javascript:,
# mailto:, a fragment alone is kept).  Relative ones carry their page's
# URL as base ("BASE<tab>REF"); a page has 40 links, so the base
# changes every 40 lines as it does for links.  Then runs url-bench
# over them -n times (default 3) and prints the median URLs/s of CPU
# time (on a shared machine wall time swells with other work; url-bench
# prints both).  The target is 1,000,000 URLs/s.
#
# Needs no ../shared.  Exit 0 when the benchmark ran, 1 when a command
# failed, 2 for usage errors.
set -eu

prog=url.sh
runs=3

usage() {
	echo "usage: $prog [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
only_runs "$@"

script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/.." || exit 2

bench=build/opt/bin/url-bench
if [ ! -x "$bench" ]; then
	echo "$prog: building $bench with make" >&2
	${MAKE:-make} "$bench" >&2 || die "make failed"
fi

mkdir -p bench/out
file=bench/out/urls.tsv
if [ ! -s "$file" ] || [ ! "$file" -nt "$script" ]; then
	echo "$prog: generating $file" >&2
	awk -v n=1000000 'BEGIN {
	srand(14)
	split("www.prothomalo.com bangla.bdnews24.com www.jugantor.com " \
	    "www.kalerkantho.com WWW.Ittefaq.COM.BD bn.bdnews24.com " \
	    "www.dhakatribune.com www.bd-pratidin.com", hosts, " ")
	split("bangladesh politics sports world entertainment economy " \
	    "opinion country-news lifestyle technology", sections, " ")
	# বাজেট, নির্বাচন, ঢাকা, খেলা: raw, then encoded upper and lower case
	split("বাজেট নির্বাচন ঢাকা খেলা", bn, " ")
	split("%E0%A6%AC%E0%A6%BE%E0%A6%9C%E0%A7%87%E0%A6%9F " \
	    "%E0%A6%A8%E0%A6%BF%E0%A6%B0%E0%A7%8D%E0%A6%AC%E0%A6%BE%E0%A6%9A%E0%A6%A8 " \
	    "%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE " \
	    "%E0%A6%96%E0%A7%87%E0%A6%B2%E0%A6%BE", bnu, " ")
	for (i = 1; i <= 4; i++)
		bnl[i] = tolower(bnu[i])
	split("utm_source=facebook&utm_medium=social " \
	    "fbclid=IwAR2x7Yq0kPzL1mN3bV " \
	    "utm_source=twitter&utm_campaign=share&ref_src=twsrc " \
	    "gclid=Cj0KCQjw&page=2", track, " ")
	for (i = 0; i < n; i++) {
		if (i % 40 == 0)
			base = "https://" hosts[int(rand() * 8) + 1] "/" \
			    sections[int(rand() * 10) + 1] "/" \
			    int(rand() * 900000 + 100000)
		r = rand()
		h = hosts[int(rand() * 8) + 1]
		s = sections[int(rand() * 10) + 1]
		id = int(rand() * 9000000 + 1000000)
		w = int(rand() * 4) + 1
		if (r < 0.25)		# absolute
			print "https://" h "/" s "/" id
		else if (r < 0.35)	# absolute, tracking parameters
			print "https://" h "/" s "/" id "?" track[int(rand() * 4) + 1]
		else if (r < 0.55)	# relative with ..
			print base "\t../" s "/article-" id
		else if (r < 0.60)	# relative with ./ and ../..
			print base "\t./../../" s "/" id "/"
		else if (r < 0.75)	# from the root
			print base "\t/" s "/" id "?page=" int(rand() * 9)
		else if (r < 0.82)	# Bengali, raw
			print "https://" h "/" s "/" bn[w] "-" id
		else if (r < 0.89)	# Bengali, encoded in upper case
			print base "\t/" s "/" bnu[w] "-" id
		else if (r < 0.95)	# Bengali, encoded in lower case, tracked
			print "https://" h "/" s "/" bnl[w] "?utm_source=fb"
		else if (r < 0.97)
			print base "\t#top"
		else if (r < 0.98)
			print base "\t?page=" int(rand() * 9)
		else if (r < 0.99)
			print base "\tjavascript:void(0)"
		else
			print base "\tmailto:news@" h
	}
	}' >"$file.tmp" || die "generating $file failed"
	mv "$file.tmp" "$file"
fi

echo "input: $file, $(wc -l <"$file") URLs; median of $runs runs"
i=0
while [ "$i" -lt "$runs" ]; do
	"$bench" "$file" 2>&1 >/dev/null |
	    sed -n 's/.* \([0-9][0-9]*\) URLs\/s$/\1/p' || die "url-bench failed"
	i=$((i + 1))
done | sort -n | awk -v runs="$runs" '
	{ v[NR] = $1 }
	END {
		if (NR != runs) { print "url.sh: a run failed" > "/dev/stderr"; exit 1 }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "kh_url_canon: %.0f URLs/s of CPU time (runs:", m
		for (i = 1; i <= NR; i++) printf " %s", v[i]
		printf "); target 1000000\n"
	}'

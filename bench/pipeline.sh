#!/bin/sh
# pipeline.sh [-n runs] [-r repeats]: clean | tag | store -o on one
# thread a stage against clean -j2 | tag -j2 | store -o.
#
# The Zyte pages as records, repeated -r times (default 3) with
# distinct urls and fetched_at, so that a run lasts some seconds and
# store writes every record.  The two pipelines run in turn, -n times
# each (default 5), each into a new archive; prints the median wall
# time of each, pages/s, the ratio (target: -j2 >= 1.6x on 2 cores),
# the peak RSS of each stage (the largest of the runs), the median CPU
# time (user + system) of the three stages together, the load of the
# machine before and after (other jobs share it: wall times follow
# it), and whether the two archives hold the same records.
#
# Exit 0 when the benchmark ran (or was skipped for want of ../shared),
# 1 when a command failed, 2 for usage errors or missing tools.
set -eu

prog=pipeline.sh
runs=5
repeats=3

usage() {
	echo "usage: $prog [-n runs] [-r repeats]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
while getopts n:r: c; do
	case $c in
	n) posint "$OPTARG"; runs=$OPTARG ;;
	r) posint "$OPTARG"; repeats=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

find_shared
need_tools python3 /usr/bin/time
if [ ! -x bin/clean ] || [ ! -x bin/tag ] || [ ! -x bin/store ]; then
	echo "$prog: building with make" >&2
	${MAKE:-make} bin/clean bin/tag bin/store >&2 || die "make failed"
fi

mkdir -p bench/out
file=bench/out/pipeline-zyte-$repeats.jsonl
if [ ! -s "$file" ] || [ "$script" -nt "$file" ]; then
	echo "$prog: generating $file" >&2
	bench/zyte-records.py "$shared/data/zyte" >"$file.pages" ||
		die "cannot read the Zyte pages"
	python3 - "$file.pages" "$repeats" >"$file.tmp" <<'PY' ||
import json, sys
pages = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    del r["id"]
    pages.append(r)
for i in range(len(pages) * int(sys.argv[2])):
    r = dict(pages[i % len(pages)])
    r["url"] += ("&" if "?" in r["url"] else "?") + "rep=%d" % i
    r["fetched_at"] = "2024-03-%02dT%02d:%02d:00Z" % (1 + i // 1440 % 28,
                                                    i // 60 % 24, i % 60)
    print(json.dumps(r, ensure_ascii=False))
PY
		die "cannot make $file"
	mv "$file.tmp" "$file"
	rm -f "$file.pages"
fi
pages=$(wc -l <"$file")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pipeline.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# run J: one run of the pipeline with -j J, its wall time in seconds on
# stdout; each stage's peak RSS (KiB) into $tmp/rss.STAGE.J, the
# largest so far; the stages' CPU seconds, added, onto $tmp/cpu.J.
run() {
	rm -rf "$tmp/arch$1"
	s=$(date +%s.%N)
	/usr/bin/time -f "%M %U %S" -o "$tmp/m.clean" bin/clean -j "$1" "$file" \
	    2>"$tmp/err.clean" |
	    /usr/bin/time -f "%M %U %S" -o "$tmp/m.tag" bin/tag -j "$1" \
	    2>"$tmp/err.tag" |
	    /usr/bin/time -f "%M %U %S" -o "$tmp/m.store" bin/store -o "$tmp/arch$1" \
	    2>"$tmp/err.store" || :
	e=$(date +%s.%N)
	cpu=0
	for st in clean tag store; do
		# time(1) writes "Command exited with non-zero status N" or
		# "Command terminated by signal N" first
		if grep -q '^Command' "$tmp/m.$st"; then
			cat "$tmp/err.$st" >&2
			die "$st -j $1 failed"
		fi
		m=$(tail -1 "$tmp/m.$st" | cut -d' ' -f1)
		old=$(cat "$tmp/rss.$st.$1" 2>/dev/null || echo 0)
		[ "$m" -gt "$old" ] && echo "$m" >"$tmp/rss.$st.$1"
		cpu=$(tail -1 "$tmp/m.$st" |
		    awk -v c="$cpu" '{ print c + $2 + $3 }')
	done
	echo "$cpu" >>"$tmp/cpu.$1"
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", e - s }'
}

median() {
	sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

echo "input: $file, $pages records ($(awk -v b="$(wc -c <"$file")" \
    'BEGIN { printf "%.1f", b / 1e6 }') MB); $runs runs each, interleaved"
echo "machine: $(nproc) CPUs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$tmp/t1"
: >"$tmp/t2"
for i in $(seq "$runs"); do
	run 1 >>"$tmp/t1"
	run 2 >>"$tmp/t2"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
t1=$(median <"$tmp/t1")
t2=$(median <"$tmp/t2")
echo "runs -j1: $(tr '\n' ' ' <"$tmp/t1")s"
echo "runs -j2: $(tr '\n' ' ' <"$tmp/t2")s"
for j in 1 2; do
	eval "t=\$t$j"
	printf 'clean -j%s | tag -j%s | store -o: median %6.2f s, %5.0f pages/s, CPU %5.2f s; peak RSS clean %s KiB, tag %s KiB, store %s KiB\n' \
	    "$j" "$j" "$t" "$(awk -v n="$pages" -v t="$t" 'BEGIN { print n / t }')" \
	    "$(median <"$tmp/cpu.$j")" \
	    "$(cat "$tmp/rss.clean.$j")" "$(cat "$tmp/rss.tag.$j")" \
	    "$(cat "$tmp/rss.store.$j")"
done
ratio=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", a / b }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 1.6 ? "PASS" : "FAIL") }')
echo "ratio -j2 / -j1: ${ratio}x (target >= 1.6x): $verdict"
bin/store cat "$tmp/arch1" >"$tmp/cat1"
bin/store cat "$tmp/arch2" >"$tmp/cat2"
if cmp -s "$tmp/cat1" "$tmp/cat2"; then
	echo "archives: the same $(wc -l <"$tmp/cat1") records"
else
	die "the -j1 and -j2 archives differ"
fi

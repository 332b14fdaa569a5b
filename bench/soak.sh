#!/bin/sh
# soak.sh [-n records]: a long run of clean | tag | store over the Zyte
# pages repeated with distinct urls (and fetched_at spread over days, so
# store writes many day files), to show that each stage's memory stays
# flat: the peak RSS of every stage (VmHWM) is read when 10k, 100k and
# 1M records (or -n) have gone into clean, and at the end.  Not in make
# check: 1M records take about an hour on 2 cores.
prog=soak.sh
usage() {
	echo "usage: bench/soak.sh [-n records]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
records=1000000
while getopts n: c; do
	case $c in
	n) posint "$OPTARG"; records=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage
find_shared
need_tools python3 make
make -s all || die "make failed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/soak.XXXXXX")
trap 'kill $pids 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
python3 bench/zyte-records.py "$shared/data/zyte" >"$tmp/zyte.jsonl" ||
	die "cannot read the Zyte pages"

# The generator writes the records into a FIFO and, at each milestone,
# the number written so far into $tmp/gen.count.
mkfifo "$tmp/in"
python3 - "$tmp/zyte.jsonl" "$records" "$tmp/gen.count" >"$tmp/in" <<'PY' &
import datetime, json, os, sys
pages = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    del r["id"]
    pages.append(r)
n = int(sys.argv[2])
day0 = datetime.date(2024, 1, 1)
out = sys.stdout
for i in range(n):
    r = dict(pages[i % len(pages)])
    r["url"] = r["url"] + ("&" if "?" in r["url"] else "?") + "soak=%d" % i
    d = day0 + datetime.timedelta(days=i // 5000)
    r["fetched_at"] = "%sT%02d:%02d:00Z" % (d.isoformat(), i // 60 % 24, i % 60)
    out.write(json.dumps(r, ensure_ascii=False) + "\n")
    if (i + 1) % 1000 == 0 or i + 1 == n:
        out.flush()
        # whole or not at all: the reader never sees it half written
        with open(sys.argv[3] + ".tmp", "w") as f:
            f.write("%d\n" % (i + 1))
        os.replace(sys.argv[3] + ".tmp", sys.argv[3])
PY
gen=$!
bin/clean <"$tmp/in" 2>"$tmp/clean.err" | bin/tag 2>"$tmp/tag.err" |
	bin/store -o "$tmp/arch" 2>"$tmp/store.err" &
pids="$gen $!"
start=$(date +%s)

# The pids of the three stages, once they run.
stage_pid() {
	pgrep -n -f "^bin/$1" 2>/dev/null
}
hwm() {	# hwm PID: peak RSS in KiB
	awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null
}
sleep 1
clean=$(stage_pid clean) tag=$(stage_pid tag) store=$(stage_pid store)
[ -n "$clean" ] && [ -n "$tag" ] && [ -n "$store" ] ||
	die "the pipeline did not start"

# The last peak seen of each stage (a stage that has ended keeps its
# last reading).
hc=0 ht=0 hs=0
sample() {
	v=$(hwm "$clean") && [ -n "$v" ] && hc=$v
	v=$(hwm "$tag") && [ -n "$v" ] && ht=$v
	v=$(hwm "$store") && [ -n "$v" ] && hs=$v
}
report() {	# report LABEL
	printf '%-10s %8s KiB %8s KiB %8s KiB  %6ss\n' "$1" "$hc" "$ht" "$hs" \
	    $(($(date +%s) - start))
}
printf '%-10s %12s %12s %12s  %7s\n' records clean tag store elapsed
next=10000
while kill -0 "$clean" 2>/dev/null || kill -0 "$tag" 2>/dev/null ||
    kill -0 "$store" 2>/dev/null; do
	sample
	n=$(cat "$tmp/gen.count" 2>/dev/null || echo 0)
	while [ "$n" -ge "$next" ] && [ "$next" -le "$records" ]; do
		report "$next"
		next=$((next * 10))
	done
	sleep 1
done
report "end"
wait
n=$(bin/store stats "$tmp/arch" | awk '$1 == "records" { print $2 }')
echo "$records records in, $n archived in $(($(date +%s) - start)) s"
grep -v '^$' "$tmp/clean.err" "$tmp/tag.err" "$tmp/store.err" | head -5
[ "$n" -eq "$records" ] || die "records lost: $n of $records archived"

#!/bin/sh
# campaign.sh [-t seconds] [-o dir] [target ...]: run the libFuzzer
# targets (make fuzz builds them in build/fuzz/) one after another, each
# for -t seconds (default 600) under ASan and UBSan, from a copy of its
# seed corpus (fuzz/corpus/NAME is not written to), and print a line a
# target: executions, corpus size, findings.  Crashing inputs are kept
# in DIR/NAME/ (default build/fuzz-campaign); add them to the seed
# corpus once fixed.  With no target named, every built one.
set -u
secs=600
out=build/fuzz-campaign
while getopts t:o: c; do
	case $c in
	t) secs=$OPTARG ;;
	o) out=$OPTARG ;;
	*) echo "usage: fuzz/campaign.sh [-t seconds] [-o dir] [target ...]" >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
cd "$(dirname "$0")/.." || exit 2
if [ $# -eq 0 ]; then
	set -- $(ls fuzz/corpus)
fi
printf '%-14s %12s %8s %8s  %s\n' target executions seconds corpus findings
status=0
for t in "$@"; do
	bin=build/fuzz/$t
	if [ ! -x "$bin" ]; then
		printf '%-14s not built (make fuzz)\n' "$t"
		status=1
		continue
	fi
	rm -rf "$out/$t"
	mkdir -p "$out/$t/corpus" "$out/$t/found"
	# Files a target rejects for size or time count as findings too.
	"$bin" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2560 \
	    -print_final_stats=1 -artifact_prefix="$out/$t/found/" \
	    "$out/$t/corpus" "fuzz/corpus/$t" >"$out/$t/log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t/log")
	found=$(ls "$out/$t/found" | wc -l)
	size=$(ls "$out/$t/corpus" | wc -l)
	printf '%-14s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "$secs" "$size" \
	    "$found (exit $st)"
	[ "$found" -eq 0 ] && [ "$st" -eq 0 ] || status=1
done
exit $status

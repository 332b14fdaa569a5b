#!/bin/sh
# find.sh [-N records] [-n runs]: store find against store cat | jq on one
# archive of N records (default 100000) made from the Zyte pages as tag
# writes them (bench/find.py says how); median of -n runs (default 3),
# each interleaved with its anchor.  Not in make check.
prog=find.sh
runs=3
records=100000
usage() {
	echo "usage: bench/find.sh [-N records] [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
while getopts N:n: c; do
	case $c in
	N) posint "$OPTARG"; records=$OPTARG ;;
	n) posint "$OPTARG"; runs=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage
find_shared
need_tools python3 jq zstd
${MAKE:-make} -s all || die "make failed"
KH_ZYTE=$shared/data/zyte exec python3 bench/find.py bin "$records" "$runs"

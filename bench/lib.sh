# lib.sh: what the benchmark scripts share.  Source it after setting
# prog and defining usage().

die() {
	echo "$prog: $*" >&2
	exit "${status:-1}"
}

posint() {	# posint VALUE: a positive integer, or usage
	case $1 in
	'' | *[!0-9]* | 0 | 0*) usage ;;
	esac
}

only_runs() {	# only_runs "$@": a script whose one option is -n runs
	while getopts n: c; do
		case $c in
		n) posint "$OPTARG"; runs=$OPTARG ;;
		*) usage ;;
		esac
	done
	shift $((OPTIND - 1))
	[ $# -eq 0 ] || usage
}

# Sets script, root and shared (absolute), then cd to the repository.
# Exits 0 with a note when ../shared (or $KH_SHARED) is not there.
find_shared() {
	script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
	root=$(cd "$(dirname "$0")/.." && pwd)
	shared=${KH_SHARED:-$root/../shared}
	if [ ! -d "$shared/data/zyte/html" ]; then
		echo "$prog: skipped: ../shared not found ($shared/data/zyte/html)" >&2
		exit 0
	fi
	shared=$(cd "$shared" && pwd)
	cd "$root" || exit 2
}

need_tools() {	# need_tools TOOL...
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 ||
			status=2 die "$t not found (see scripts/deps.sh bench)"
	done
}

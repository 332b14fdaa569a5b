#!/bin/sh
# golden.sh [--update] [--dir DIR] [CASE ...]: run the golden tests,
# print TAP.
#
# A case is a folder under tests/golden/ (or tests/DIR/) holding:
#   cmd      the command line, run by sh in the case folder, with the
#            programs under test first in PATH ($KH_BIN, default bin/)
#   stdin    its standard input (optional; /dev/null when absent)
#   stdout, stderr, status   what it must print and exit with
#   records  (optional, empty) stdout is records: it must also pass
#            validate, whatever the input was
# --update runs the cases and writes stdout, stderr and status anew;
# review the diff before committing.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${KH_BIN:-$root/bin}
PATH=$bin:$PATH
export PATH
update=0
cases=golden
while [ $# -gt 0 ]; do
	case $1 in
	--update) update=1 ;;
	--dir) cases=$2; shift ;;
	*) break ;;
	esac
	shift
done
if [ $# -eq 0 ]; then
	set -- $(cd "$here/$cases" && ls)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "1..$#"
n=0
fail=0
for c in "$@"; do
	n=$((n + 1))
	dir=$here/$cases/$c
	in=/dev/null
	[ -f "$dir/stdin" ] && in=$dir/stdin
	(cd "$dir" && sh ./cmd) <"$in" >"$tmp/stdout" 2>"$tmp/stderr"
	echo $? >"$tmp/status"
	if [ $update -eq 1 ]; then
		cp "$tmp/stdout" "$tmp/stderr" "$tmp/status" "$dir/"
		echo "ok $n - $c # updated"
		continue
	fi
	bad=
	for f in stdout stderr status; do
		if ! cmp -s "$dir/$f" "$tmp/$f"; then
			bad="$bad $f"
		fi
	done
	if [ -f "$dir/records" ] &&
	    ! validate -q "$tmp/stdout" >"$tmp/valid" 2>&1; then
		bad="$bad validate"
	fi
	if [ -z "$bad" ]; then
		echo "ok $n - $c"
	else
		fail=1
		echo "not ok $n - $c: differs in$bad"
		for f in $bad; do
			if [ "$f" = validate ]; then
				validate "$tmp/stdout" 2>&1 | sed 's/^/# /' |
				    head -10
				continue
			fi
			diff -u "$dir/$f" "$tmp/$f" | sed 's/^/# /' | head -40
		done
	fi
done
exit $fail

# lib.sh: sourced by the shell tests (*.t): TAP output and paths.
#   plan N; ok COND-STATUS NAME (pass $? or use check); skip NAME WHY
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${KH_BIN:-$root/bin}		# programs under test (sanitizer build)
build=${KH_BUILD:-$root/build}		# build/opt/bin: unsanitized, for RSS
shared=${KH_SHARED:-$root/../shared}
PATH=$bin:$PATH
export PATH
# a UBSan trap (make check's build) said with its file and line
ASAN_OPTIONS=${ASAN_OPTIONS:-handle_sigill=1}
export ASAN_OPTIONS
tmp=$(mktemp -d)
# cleanup: remove the scratch directory at exit; with KH_KEEP=1 a failing
# test file leaves it for a look.  A test adding to the exit trap calls it.
cleanup() {
	if [ -n "${KH_KEEP:-}" ] && [ "$t_fail" != 0 ]; then
		echo "# kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
# python3 by its own path: a version manager's shim (pyenv) on PATH runs
# a dozen shell processes for each call, and the tests make hundreds.
if py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) &&
    [ -x "$py" ]; then
	mkdir "$tmp/.py" && ln -s "$py" "$tmp/.py/python3" &&
	    PATH=$tmp/.py:$PATH
fi
t_n=0
t_fail=0

plan() {
	echo "1..$1"
}

# check NAME COMMAND...: one test, passing when COMMAND succeeds.
check() {
	t_name=$1
	shift
	t_n=$((t_n + 1))
	if "$@" >"$tmp/check.out" 2>&1; then
		echo "ok $t_n - $t_name"
		# KH_VERBOSE=1: what a passing test said too (its figures)
		[ -n "${KH_VERBOSE:-}" ] && sed 's/^/# /' "$tmp/check.out" | tail -5
	else
		t_fail=1
		echo "not ok $t_n - $t_name"
		# on stderr, as TAP's diagnostics: prove shows them unasked
		sed 's/^/# /' "$tmp/check.out" | head -20 >&2
	fi
}

skip() {
	t_n=$((t_n + 1))
	echo "ok $t_n - $1 # SKIP $2"
}

# same FILE1 FILE2: byte for byte, with a diff to show when not.
same() {
	cmp -s "$1" "$2" && return 0
	diff -u "$1" "$2" | head -20
	return 1
}

# flip_bit FILE: a bit of FILE's middle byte flipped, damage to be found.
flip_bit() {
	python3 -c '
import sys
f = sys.argv[1]; b = bytearray(open(f, "rb").read()); b[len(b) // 2] ^= 0x10
open(f, "wb").write(b)' "$1"
}

# wait_for COMMAND...: run COMMAND every 0.1 s until it succeeds, for
# 30 s at most (a server starting on a loaded machine); 1 if it never did.
wait_for() {
	w_i=0
	until "$@"; do
		[ $w_i -ge 300 ] && return 1
		sleep 0.1
		w_i=$((w_i + 1))
	done
}

done_testing() {
	exit $t_fail
}

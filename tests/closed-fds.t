#!/bin/sh
# Standard descriptors closed at start (cron, daemons, `prog <&-`): no
# program reads a file it opened as its input, writes records into one,
# hangs, or exits 0 having read or written nowhere (lib/opt.c:
# kh_std_fds).
. "$(dirname "$0")/lib.sh"
plan 7

printf '%s\n' '{"url":"https://a.example/1","fetched_at":"2024-08-15T00:00:00Z","html":"<p>x</p>"}' \
    '{"url":"https://a.example/2","fetched_at":"2024-08-15T00:00:00Z","html":"<p>y</p>"}' >"$tmp/in"

# status WANT PATTERN REDIR CMD...: CMD, run with the redirection REDIR
# ("<&-", ">&-"), exits WANT and its stderr matches PATTERN.
status() {
	want=$1 pat=$2 redir=$3
	shift 3
	sh -c "exec \"\$@\" $redir" sh "$@" 2>"$tmp/err"
	st=$?
	cat "$tmp/err"
	test "$st" -eq "$want" && grep -q "$pat" "$tmp/err"
}

tee_closed() {
	status 2 'write error on standard output: Bad file descriptor' \
	    '>&-' store -o "$tmp/A" --tee <"$tmp/in" || return 1
	# nothing went into a file that took descriptor 1
	test ! -s "$tmp/A/.lock" && store verify -q "$tmp/A"
}
check "store --tee >&-: exit 2, the lock file untouched" tee_closed

stdin_closed() {
	status 2 '<stdin>: read error: Bad file descriptor' \
	    '<&-' store -o "$tmp/B" && test ! -s "$tmp/B/.lock"
}
check "store <&-: exit 2, the lock file not read as input" stdin_closed

fetch_closed() {
	status 2 '<stdin>: read error: Bad file descriptor' \
	    '<&-' timeout 20 fetch
}
check "fetch <&-: exit 2 at once, no hang on curl's socket" fetch_closed

stages_closed() {
	for p in clean tag passthru; do
		command -v $p >/dev/null || continue
		status 2 'write error on standard output' '>&-' $p "$tmp/in" ||
		    { echo "$p"; return 1; }
	done
}
check "clean, tag, passthru >&-: exit 2" stages_closed

stderr_closed() {
	sh -c 'exec passthru "$1" 2>&-' sh "$tmp/in" >"$tmp/out" &&
	    same "$tmp/in" "$tmp/out"
}
check "2>&-: the records still go through" stderr_closed

no_output_needed() {
	# store without --tee writes no records: a closed stdout is fine
	sh -c 'exec store -o "$1" >&-' sh "$tmp/C" <"$tmp/in" && test "$(store cat "$tmp/C" | wc -l)" -eq 2
}
check "store -o without --tee >&-: archives, exit 0" no_output_needed

all_closed() {
	status 2 '<stdin>: read error: Bad file descriptor' '<&- >&-' passthru
}
check "stdin and stdout closed together: exit 2" all_closed
done_testing

#!/bin/sh
# Every man page is clean under mandoc -Tlint, and a program's SYNOPSIS
# matches its usage line (scripts/collect.1: scripts/collect's).
. "$(dirname "$0")/lib.sh"

pages=$(cd "$root" && ls */*.1)
overviews=$(cd "$root" && ls */*.7)
plan $(($(echo "$pages" | wc -l) * 2 + $(echo "$overviews" | wc -l)))

for page in $overviews; do
	check "$page: mandoc -Tlint" mandoc -Tlint "$root/$page"
done
for page in $pages; do
	check "$page: mandoc -Tlint" mandoc -Tlint "$root/$page"
	prog=$(basename "$page" .1)
	cmd=$prog
	[ -x "$root/scripts/$prog" ] && cmd=$root/scripts/$prog
	synopsis() {
		# The usage line, and the SYNOPSIS as mandoc renders it, both
		# flattened to one line of words.
		"$cmd" -x 2>&1 >/dev/null | sed -n '/^usage: /,$p' |
		    sed '1s/^usage: //' | tr -s ' \t\n' ' ' >"$tmp/usage"
		mandoc -Tascii -Owidth=200 "$root/$page" |
		    sed "s/.$(printf '\b')//g" |
		    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' |
		    tr -s ' \t\n' ' ' | sed 's/^ //' >"$tmp/synopsis"
		echo "usage:    $(cat "$tmp/usage")"
		echo "synopsis: $(cat "$tmp/synopsis")"
		test "$(cat "$tmp/usage")" = "$(cat "$tmp/synopsis")"
	}
	check "$page: SYNOPSIS matches the usage line" synopsis
done
done_testing

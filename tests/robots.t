#!/bin/sh
# fetch's robots.txt parser and matcher (fetch/robots.c) through
# robots-test: RFC 9309's rules (longest match, Allow wins a tie, '*'
# and '$', percent-encoding), and bounded time and memory on files and
# paths built to make a backtracking matcher take minutes.
. "$(dirname "$0")/lib.sh"

rt=$bin/robots-test
plan 7
if [ ! -x "$rt" ]; then
	for i in 1 2 3 4 5 6 7; do
		skip "robots-test $i" "no $rt (make check builds it)"
	done
	done_testing
fi

# n BYTE COUNT: COUNT times BYTE, no newline.
n() {
	head -c "$2" /dev/zero | tr '\0' "$1"
}

# cpu_under SECONDS FILE: the CPU time robots-test -t wrote to FILE is
# below SECONDS (CPU, not wall time: a loaded machine does not count).
cpu_under() {
	awk -v max="$1" '/cpu/ { found = 1; if ($3 + 0 >= max + 0) bad = 1;
	    print } END { exit !found || bad }' "$2"
}

cat >"$tmp/rules.txt" <<'EOF'
User-agent: *
Disallow: /private
Allow: /private/public
Disallow: /*.pdf$
Allow: /page
Disallow: /page
Disallow: /a*b*c
Disallow: /x$
Disallow: /s*t*$
disallow: /%e2%82%ac
Disallow: /q?id=*&x
Crawl-delay: 2.5
EOF
cat >"$tmp/rules.want" <<'EOF'
disallow /private/x
allow /private/public/y
disallow /doc.pdf
allow /doc.pdf?x
allow /page
disallow /a1b2c3
disallow /abc
allow /acb
disallow /x
allow /xy
disallow /s-t
disallow /st
allow /s
disallow /€
disallow /%E2%82%AC
disallow /q?id=7&x=1
allow /q?id=7
allow /robots.txt
allow /
delay 2.5
EOF
semantics() {
	"$rt" "$tmp/rules.txt" /private/x /private/public/y /doc.pdf \
	    /doc.pdf?x /page /a1b2c3 /abc /acb /x /xy /s-t /st /s /€ \
	    /%E2%82%AC '/q?id=7&x=1' '/q?id=7' /robots.txt / \
	    >"$tmp/rules.out" && same "$tmp/rules.want" "$tmp/rules.out"
}
check "longest match decides, Allow wins a tie, * and \$, %-encoding" \
    semantics

groups() {
	printf 'User-agent: *\nDisallow: /\n\nUser-agent: Khobor/1.0\nUser-agent: other\nDisallow: /k\nCrawl-delay: 1\n' \
	    >"$tmp/g.txt" &&
	    "$rt" "$tmp/g.txt" /k /a >"$tmp/g.out" &&
	    printf 'disallow /k\nallow /a\ndelay 1\n' >"$tmp/g.want" &&
	    same "$tmp/g.want" "$tmp/g.out" &&
	    "$rt" -a someone "$tmp/g.txt" /a >"$tmp/g2.out" &&
	    printf 'disallow /a\ndelay -1\n' >"$tmp/g2.want" &&
	    same "$tmp/g2.want" "$tmp/g2.out"
}
check "our group, else the * group" groups

# The case of issue 13: a rule of 490 KB, '*' then a's and a b, against
# a path of 256 KiB of a's took a backtracking matcher 13 s (-O2) to
# tens of seconds.  A rule that long can match no path we judge.
bomb() {
	{ printf 'User-agent: *\nDisallow: /*'; n a 490000; printf 'b\n'; } \
	    >"$tmp/bomb.txt" &&
	    { printf /; n a 262143; echo; } >"$tmp/bomb.path" &&
	    timeout 120 "$rt" -t -p "$tmp/bomb.path" "$tmp/bomb.txt" \
	    >"$tmp/bomb.out" 2>"$tmp/bomb.err" &&
	    test "$(cut -c1-8 "$tmp/bomb.out")" = "$(printf 'allow /a\ndelay -1')" &&
	    cpu_under 1 "$tmp/bomb.err"
}
check "a 490 KB wildcard rule against a 256 KiB path: milliseconds" bomb

# The same within the limits, where the matcher itself must be linear:
# 25 rules of 16,000 a's and a byte no path has, after a '*', against
# paths of 16,600 a's: a backtracking matcher compares 10^10 bytes.
linear() {
	{ echo 'User-agent: *'; i=0; while [ $i -lt 25 ]; do
		printf 'Disallow: /*'; n a 16000; echo "x$i"
		i=$((i + 1))
	done; printf 'Disallow: /*'; n a 16000; echo 'y$'; } \
	    >"$tmp/lin.txt" &&
	    { printf /; n a 16600; echo; printf /; n a 16600; echo y; } \
	    >"$tmp/lin.path" &&
	    timeout 120 "$rt" -t -p "$tmp/lin.path" "$tmp/lin.txt" \
	    >"$tmp/lin.out" 2>"$tmp/lin.err" &&
	    test "$(cut -c1-10 "$tmp/lin.out")" = \
	    "$(printf 'allow /aaa\ndisallow /\ndelay -1')" &&
	    cpu_under 2 "$tmp/lin.err"
}
check "wildcard rules of 16 KB against 16 KB paths: linear" linear

# 500 KiB of wildcard rules, none matching: each question stops after a
# bounded number of steps, and takes the path as disallowed then.
many() {
	{ echo 'User-agent: *'; i=0; while [ $i -lt 20000 ]; do
		echo "Disallow: /*a*z$i"
		i=$((i + 1))
	done; } | head -c 512000 >"$tmp/many.txt" &&
	    { printf /; n b 16000; echo; echo /short; } >"$tmp/many.path" &&
	    timeout 120 "$rt" -t -p "$tmp/many.path" "$tmp/many.txt" \
	    >"$tmp/many.out" 2>"$tmp/many.err" &&
	    test "$(cut -c1-10 "$tmp/many.out")" = \
	    "$(printf 'disallow /\nallow /sho\ndelay -1')" &&
	    cpu_under 2 "$tmp/many.err"
}
check "500 KiB of wildcard rules: bounded work a question" many

# Memory: the unsanitized build, on the 500 KiB file and a long line of
# stars (each kept as one).
memory() {
	opt=$build/opt/bin/robots-test
	[ -x "$opt" ] || opt=$rt
	{ echo 'User-agent: *'; printf 'Disallow: /'; n '*' 500000; echo a; } \
	    >"$tmp/stars.txt" &&
	    "$opt" -t "$tmp/stars.txt" /xa /x >"$tmp/stars.out" \
	    2>"$tmp/stars.err" &&
	    printf 'disallow /xa\nallow /x\ndelay -1\n' >"$tmp/stars.want" &&
	    same "$tmp/stars.want" "$tmp/stars.out" &&
	    cpu_under 1 "$tmp/stars.err" &&
	    "$opt" -t "$tmp/many.txt" /a >/dev/null 2>"$tmp/mem.err" &&
	    cat "$tmp/mem.err" && if [ "$opt" != "$rt" ]; then
		awk '{ exit !($5 < 40000) }' "$tmp/mem.err"
	    fi
}
check "a line of 500,000 stars; memory of the 500 KiB file" memory

# Paths past ROBOTS_PATH_MAX (16,664 bytes) are not judged: disallowed
# where a Disallow rule could apply, allowed where there is none.
long_path() {
	printf 'User-agent: *\nDisallow: /nothing-here\n' >"$tmp/d.txt" &&
	    printf 'User-agent: *\nAllow: /x\n' >"$tmp/a.txt" &&
	    { printf /; n c 16663; echo; printf /; n c 16664; echo; } \
	    >"$tmp/long.path" &&
	    "$rt" -p "$tmp/long.path" "$tmp/d.txt" | cut -c1-9 \
	    >"$tmp/d.out" &&
	    printf 'allow /cc\ndisallow \ndelay -1\n' >"$tmp/d.want" &&
	    same "$tmp/d.want" "$tmp/d.out" &&
	    "$rt" -p "$tmp/long.path" "$tmp/a.txt" | cut -c1-9 \
	    >"$tmp/a.out" &&
	    printf 'allow /cc\nallow /cc\ndelay -1\n' >"$tmp/a.want" &&
	    same "$tmp/a.want" "$tmp/a.out"
}
check "paths longer than 16,664 bytes" long_path
done_testing

#!/bin/sh
# fetch against a local test server (tests/fetch-server.py on 127.0.0.1,
# reached as h2.test to h9.test too through --resolve, each name a host
# of its own): pages, redirects, errors, Retry-After, robots.txt,
# politeness timing, conditional GETs with --state, charsets, limits,
# order, signals, file: URLs, the summary line and the exit status.
# Every record written must pass validate.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 40

serve fetch-server.py --log "$tmp/log"
u=http://127.0.0.1:$port

# Quick settings for the tests: no delay unless a test asks for one.
# The names h2.test to h9.test lead to the server (one entry each: a
# `*' would be a glob pattern in $F).
F="fetch --delay 0 --backoff 0.1"
for i in 2 3 4 5 6 7 8 9; do
	F="$F --resolve h$i.test:$port:127.0.0.1"
done

# valid FILE: every record passes validate.
valid() {
	validate "$1"
}

# run NAME ARGS... < input: fetch's records in $tmp/NAME, its stderr in
# $tmp/NAME.err, its status in $tmp/NAME.st, the server's log lines
# written meanwhile in $tmp/NAME.log.
run() {
	n=$1
	shift
	before=$(wc -l <"$tmp/log")
	$F "$@" >"$tmp/$n" 2>"$tmp/$n.err"
	echo $? >"$tmp/$n.st"
	tail -n +$((before + 1)) "$tmp/log" >"$tmp/$n.log"
}

t_pages() {
	printf '%s\n' "$u/page/a" "{\"url\":\"$u/page/b\",\"keep\":1}" |
	    run pages
	expect "$tmp/pages" 'len(recs) == 2' \
	    'by["/page/a"]["status"] == 200' \
	    'by["/page/a"]["final_url"] == by["/page/a"]["url"]' \
	    'by["/page/a"]["content_type"].startswith("text/html")' \
	    'by["/page/a"]["charset"] == "UTF-8"' \
	    'by["/page/a"]["etag"] == "\"p-a\""' \
	    'by["/page/a"]["last_modified"].endswith("GMT")' \
	    '"<title>a</title>" in by["/page/a"]["html"]' \
	    'by["/page/a"]["truncated"] is False' \
	    'by["/page/a"]["fetched_at"].endswith("Z")' \
	    'list(by["/page/b"])[:2] == ["url", "keep"]' \
	    'open(sys.argv[1] + ".st").read().strip() == "0"' &&
	    valid "$tmp/pages"
}
check "pages: the fetch fields, other fields kept first" t_pages

t_agent() {
	echo "$u/echo" | run agent --contact mailto:news@example.org
	expect "$tmp/agent" \
	    '"khobor/" in r["html"] and "mailto:news@example.org" in r["html"]' \
	    '"gzip" in log[-1]["ae"]'
}
check "User-Agent names us and the contact; compression offered" t_agent

t_redirects() {
	printf '%s\n' "$u/redirect/3" "$u/loop" "$u/redirect-file" \
	    "$u/redirect-ftp" | run redir
	expect "$tmp/redir" \
	    'by["/redirect/3"]["final_url"].endswith("/page/redirected")' \
	    'by["/redirect/3"]["status"] == 200' \
	    '"too many redirects" in by["/loop"]["error"]' \
	    '"html" not in by["/loop"]' \
	    '"refused" in by["/redirect-file"]["error"]' \
	    '"refused" in by["/redirect-ftp"]["error"]' \
	    '"root:" not in open(sys.argv[1]).read()' && valid "$tmp/redir"
}
check "redirects: followed, loops stopped, file: and ftp: refused" t_redirects

t_maxredir() {
	echo "$u/redirect/3" | run maxredir --max-redirects 2
	expect "$tmp/maxredir" '"more than 2" in r["error"]'
}
check "--max-redirects" t_maxredir

t_errors() {
	printf '%s\n' "$u/status/404" "$u/status/500" "$u/status/410" |
	    run errors --retries 0
	expect "$tmp/errors" 'len(recs) == 3' \
	    'by["/status/404"]["status"] == 404' \
	    'by["/status/404"]["error"] == "HTTP 404"' \
	    'by["/status/500"]["error"] == "HTTP 500"' \
	    'all("html" not in x for x in recs)' \
	    'st == "1"' && valid "$tmp/errors"
}
check "HTTP errors are records with error and status (all failed: status 1)" \
    t_errors

t_okonly() {
	printf '%s\n' "$u/status/404" "$u/page/ok" | run okonly --ok-only
	expect "$tmp/okonly" 'len(recs) == 1' 'r["status"] == 200'
}
check "--ok-only drops failed fetches" t_okonly

t_retry5xx() {
	echo "$u/flaky/f1?n=2" | run flaky --retries 2
	expect "$tmp/flaky" 'r["status"] == 200' \
	    'sum(1 for l in log if l["path"].startswith("/flaky/f1")) == 3'
}
check "5xx retried (--retries) until it works" t_retry5xx

t_retry_spent() {
	echo "$u/flaky/f2?n=5" | run spent --retries 1
	expect "$tmp/spent" 'r["error"] == "HTTP 500"' \
	    'sum(1 for l in log if l["path"].startswith("/flaky/f2")) == 2'
}
check "retries spent: the last error is the record's" t_retry_spent

t_retry_after() {
	start=$(date +%s.%N)
	printf '%s\n' "$u/retry-after/ra1?n=1&s=1" | run ra
	end=$(date +%s.%N)
	expect "$tmp/ra" 'r["status"] == 200' \
	    'sum(1 for l in log if l["path"].startswith("/retry-after")) == 2' \
	    "$end - $start >= 1.0" \
	    '[l["t"] for l in log if "/retry-after" in l["path"]][1] - [l["t"] for l in log if "/retry-after" in l["path"]][0] >= 0.95'
}
check "503 with Retry-After: the host waits that long, then retries" \
    t_retry_after

t_429() {
	echo "$u/retry-after/ra2?n=2&code=429" | run r429 --backoff 0.2
	expect "$tmp/r429" 'r["status"] == 200' \
	    '[l["t"] for l in log if "/ra2" in l["path"]][2] - [l["t"] for l in log if "/ra2" in l["path"]][1] >= 0.35'
}
check "429 without Retry-After: exponential backoff" t_429

t_maxwait() {
	start=$(date +%s)
	h=http://h4.test:$port
	printf '%s\n' "$h/retry-after/ra3?n=1&s=3600" "$h/page/m1" \
	    "$h/page/m2" | run maxwait --max-wait 10 --per-host 1 -k
	end=$(date +%s)
	expect "$tmp/maxwait" 'r["error"] == "HTTP 503"' 'r["status"] == 503' \
	    'all("beyond --max-wait" in x["error"] for x in recs[1:])' \
	    'len(recs) == 3' "$end - $start < 5"
}
check "Retry-After beyond --max-wait: the host's pages given up at once" t_maxwait

t_state() {
	st=$tmp/state.jsonl
	printf '%s\n' "$u/page/s1" "$u/lastmod/s2" | run state1 --state "$st"
	printf '%s\n' "$u/page/s1" "$u/lastmod/s2" | run state2 --state "$st"
	printf '%s\n' "$u/page/s1" "$u/lastmod/s2" | run state3 --state "$st" \
	    --changed-only
	expect "$tmp/state1" 'all(x["status"] == 200 for x in recs)' &&
	expect "$tmp/state2" 'all(x["status"] == 304 for x in recs)' \
	    'all("html" not in x and "error" not in x for x in recs)' \
	    'by["/page/s1"]["etag"] == "\"p-s1\""' \
	    '[l["inm"] for l in log if l["path"] == "/page/s1"] == ["\"p-s1\""]' \
	    '[l["ims"] for l in log if l["path"] == "/lastmod/s2"] == ["Sat, 17 Aug 2024 05:46:00 GMT"]' &&
	valid "$tmp/state2" &&
	test ! -s "$tmp/state3" && test "$(cat "$tmp/state3.st")" = 0 &&
	test "$(wc -l <"$st")" = 2 && ! ls "$st".tmp* 2>/dev/null
}
check "--state: conditional GETs, 304 records, --changed-only" t_state

t_state_two_runs() {
	st=$tmp/two.jsonl
	for k in 1 2 3 4 5 6; do echo "$u/slow?ms=100&k=a$k"; done |
	    $F --state "$st" >/dev/null 2>&1 &
	a=$!
	for k in 1 2 3 4 5 6; do echo "$u/page/b$k"; done |
	    $F --state "$st" >/dev/null 2>&1
	wait $a
	test "$(wc -l <"$st")" = 12 && validate "$st"
}
check "--state: two runs at once both keep their URLs" t_state_two_runs

t_gzip_chunked() {
	printf '%s\n' "$u/gzip" "$u/chunked" | run gz
	expect "$tmp/gz" 'by["/gzip"]["html"].count("quick brown fox") == 200 or by["/gzip"]["html"].count("<p>") >= 100 or len(by["/gzip"]["html"]) > 5000' \
	    'by["/chunked"]["status"] == 200 and "</html>" in by["/chunked"]["html"]'
}
check "gzip and chunked bodies" t_gzip_chunked

t_big() {
	printf '%s\n' "$u/big?mb=2" "$u/big-chunked?mb=2" | run big --max-size 1M
	expect "$tmp/big" 'all(x["truncated"] is True for x in recs)' \
	    'all(len(x["html"].encode()) == 1 << 20 for x in recs)' &&
	    valid "$tmp/big"
}
check "a body over --max-size: cut at the limit, truncated" t_big

t_stall() {
	start=$(date +%s)
	printf '%s\n' "$u/stall" "$u/stall-headers" "$u/conn-reset" |
	    run stall --timeout 1 --retries 0
	end=$(date +%s)
	expect "$tmp/stall" 'by["/stall"]["error"] == "timeout after 1 s"' \
	    'by["/stall-headers"]["error"] == "timeout after 1 s"' \
	    '"reset" in by["/conn-reset"]["error"].lower() or "receiv" in by["/conn-reset"]["error"].lower()' \
	    'all("html" not in x for x in recs)' "$end - $start <= 4" &&
	    valid "$tmp/stall"
}
check "a stalled body and a reset connection: errors, in time" t_stall

t_refused() {
	echo "http://127.0.0.1:1/x" | run refused --retries 0 --ignore-robots
	expect "$tmp/refused" '"connect" in r["error"].lower()' \
	    '"status" not in r and "fetched_at" not in r'
}
check "a refused connection" t_refused

t_charsets() {
	printf '%s\n' "$u/cp1252" "$u/meta-charset" "$u/legacy" \
	    "$u/legacy-koi8" "$u/bn" "$u/bom-utf8" "$u/bom-utf16" | run cs
	expect "$tmp/cs" \
	    'by["/cp1252"]["charset"] == "windows-1252"' \
	    'all(c in by["/cp1252"]["html"] for c in "é“”€—")' \
	    'by["/meta-charset"]["charset"] == "windows-1252"' \
	    'all(c in by["/meta-charset"]["html"] for c in "üß©")' \
	    'by["/legacy"]["charset"] == "windows-1251"' \
	    'by["/legacy-koi8"]["charset"] == "KOI8-R"' \
	    '"Новости" in by["/legacy"]["html"] and "Новости" in by["/legacy-koi8"]["html"]' \
	    'by["/bn"]["charset"] == "UTF-8" and "ঢাকা" in by["/bn"]["html"]' \
	    'not by["/bom-utf8"]["html"].startswith("\ufeff")' \
	    'by["/bom-utf16"]["charset"] == "UTF-16LE"' \
	    '"<html" in by["/bom-utf16"]["html"].lower()' && valid "$tmp/cs"
}
check "charsets: header, meta, detected legacy, Bengali, BOMs" t_charsets

t_nothtml() {
	printf '%s\n' "$u/pdf" "$u/png" "$u/xml" | run nothtml
	expect "$tmp/nothtml" 'by["/pdf"]["error"] == "not HTML: application/pdf"' \
	    'by["/png"]["error"] == "not HTML: image/png"' \
	    '"html" not in by["/pdf"]' 'by["/xml"]["status"] == 200' \
	    '"<rss" in by["/xml"]["html"] or "<?xml" in by["/xml"]["html"]'
}
check "images and PDF: an error naming the type, no body; XML is fine" \
    t_nothtml

t_robots() {
	h=http://h2.test:$port
	printf '%s\n' "$h/private/x" "$h/private/ok/y" "$h/page/r1" \
	    "$h/page/r2" | run robots
	expect "$tmp/robots" \
	    'by["/private/x"]["error"] == "disallowed by robots.txt"' \
	    'by["/private/ok/y"]["status"] == 200' \
	    'by["/page/r1"]["status"] == 200' \
	    'sum(1 for l in log if l["path"] == "/robots.txt") == 1' \
	    '"/private/x" not in [l["path"] for l in log]' && valid "$tmp/robots"
}
check "robots.txt: fetched once per host, Disallow and Allow obeyed" t_robots

t_ignore_robots() {
	echo "http://h2.test:$port/private/z" | run noro --ignore-robots
	expect "$tmp/noro" 'r["status"] == 200' \
	    'all(l["path"] != "/robots.txt" for l in log)'
}
check "--ignore-robots" t_ignore_robots

t_robots_down() {
	printf '%s\n' "http://h8.test:$port/page/x" \
	    "http://h9.test:$port/page/y" | run rdown
	expect "$tmp/rdown" '"robots.txt" in by["/page/x"]["error"]' \
	    'by["/page/y"]["status"] == 200'
}
check "robots.txt: 5xx keeps us away, 404 lets us in" t_robots_down

t_crawl_delay() {
	h=http://h7.test:$port
	printf '%s\n' "$h/page/c1" "$h/page/c2" "$h/page/c3" | run cdelay
	expect "$tmp/cdelay" 'all(x["status"] == 200 for x in recs)' \
	    'max(l["t"] for l in log) - min(l["t"] for l in log) >= 1.45'
}
check "Crawl-delay spaces the requests to its host" t_crawl_delay

t_polite_one_host() {
	h=http://h3.test:$port
	for k in 1 2 3 4 5; do echo "$h/page/p$k"; done |
	    run one --delay 0.2 --per-host 1
	expect "$tmp/one" 'len(recs) == 5' \
	    'max(l["t"] for l in log if l["path"].startswith("/page")) - min(l["t"] for l in log if l["path"].startswith("/page")) >= 0.8' \
	    'len(set(l["conn"] for l in log)) == 1'
}
check "--delay 0.2 --per-host 1: 5 pages of one host take 0.8 s, on one connection" \
    t_polite_one_host

t_polite_five_hosts() {
	# a delay long enough that pages which waited for each other
	# (8 s at least) cannot be mistaken for a loaded machine's slowness
	for k in 2 3 4 5 6; do echo "http://h$k.test:$port/page/q$k"; done |
	    run five --delay 2 --per-host 1
	expect "$tmp/five" 'len(recs) == 5' \
	    'max(l["t"] for l in log if l["path"].startswith("/page")) - min(l["t"] for l in log if l["path"].startswith("/page")) < 4'
}
check "... while 5 pages on 5 hosts do not wait for each other (--delay 2)" \
    t_polite_five_hosts

t_order() {
	printf '%s\n' "$u/slow?ms=600" "$u/page/fast" | run unordered \
	    --per-host 2
	printf '%s\n' "$u/slow?ms=600" "$u/page/fast" | run ordered -k \
	    --per-host 2
	expect "$tmp/unordered" 'recs[0]["url"].endswith("/page/fast")' &&
	expect "$tmp/ordered" 'recs[0]["url"].endswith("slow?ms=600")'
}
check "output as transfers end; -k keeps input order" t_order

t_file() {
	printf '<html><body><p>offline</p></body></html>' >"$tmp/page.html"
	echo "file://$tmp/page.html" | run file
	expect "$tmp/file" '"offline" in r["html"]' '"status" not in r' \
	    'r["charset"] == "UTF-8"' && valid "$tmp/file"
}
check "file: URLs given on input" t_file

t_bad_input() {
	printf '%s\n' '{"nourl":1}' "$u/page/good" 'not a url' \
	    '{"url":"ftp://127.0.0.1/x"}' '{broken' | run bad
	expect "$tmp/bad" 'len(recs) == 2' 'by["/page/good"]["status"] == 200' \
	    '"unsupported" in by["/x"]["error"]' &&
	grep -q '^fetch: <stdin>:1: no "url" string; skipped$' "$tmp/bad.err" &&
	grep -q '^fetch: <stdin>:3: ' "$tmp/bad.err" &&
	grep -q '^fetch: <stdin>:5: ' "$tmp/bad.err" &&
	grep -q '^fetch: 3 of 5 records skipped$' "$tmp/bad.err" &&
	test "$(cat "$tmp/bad.st")" = 1
}
check "bad input lines: reported and skipped, the rest fetched, status 1" \
    t_bad_input

t_bad_url() {
	printf '%s\n' '{"url":"foo"}' '{"url":"http://x.example/a b"}' \
	    '{"url":"1http://x.example/"}' "{\"url\":\"$u/page/ok\\u0000x\"}" \
	    "$u/page/burl" | run burl
	cat "$tmp/burl.err"
	expect "$tmp/burl" 'len(recs) == 1' 'r["status"] == 200' &&
	    valid "$tmp/burl" &&
	grep -q '^fetch: <stdin>:1: "url" is not an absolute URL; skipped$' \
	    "$tmp/burl.err" &&
	grep -q '^fetch: <stdin>:2: "url" holds a blank or control character; skipped$' \
	    "$tmp/burl.err" &&
	grep -q '^fetch: <stdin>:3: "url" is not an absolute URL; skipped$' \
	    "$tmp/burl.err" &&
	grep -q '^fetch: <stdin>:4: "url" is not an absolute URL; skipped$' \
	    "$tmp/burl.err" && test "$(cat "$tmp/burl.st")" = 1
}
check "a url that is not absolute or holds blanks: skipped, not written" \
    t_bad_url

t_refetch() {
	# A record fetched before: fetch's fields replaced in place.
	echo "$u/status/404" | $F -q --retries 0 | $F -q >"$tmp/re"
	expect "$tmp/re" 'r["status"] == 404' && validate "$tmp/re" &&
	printf '%s\n' "{\"url\":\"$u/page/x\",\"error\":\"old\",\"status\":500}" |
	    $F >"$tmp/re2" &&
	expect "$tmp/re2" '"error" not in r' 'list(r)[:2] == ["url", "status"]'
}
check "a record fetched again: fetch's fields replaced, stale ones gone" \
    t_refetch

t_sigterm() {
	printf '%s\n' "$u/page/done1" "$u/stall" "$u/page/done2" >"$tmp/sig.in"
	# Input stays open (sleep), so fetch is mid-run when the signal comes.
	{ cat "$tmp/sig.in"; sleep 5; } | $F --state "$tmp/sig.state" \
	    >"$tmp/sig" 2>"$tmp/sig.err" &
	pid=$!
	# the signal comes once both pages are out and /stall is in
	# flight (a fixed 1.5 s was not enough on a loaded machine)
	i=0
	while [ "$(wc -l <"$tmp/sig" 2>/dev/null || echo 0)" -lt 2 ] &&
	    [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -TERM $pid
	wait $pid 2>/dev/null
	expect "$tmp/sig" 'len(recs) == 2' \
	    'all(x["status"] == 200 for x in recs)' &&
	grep -q "stopped by signal 15: 1 record in flight not written" \
	    "$tmp/sig.err" && test "$(wc -l <"$tmp/sig.state")" = 2
}
check "SIGTERM: complete records written, none partial, state saved" \
    t_sigterm

t_progress_verbose() {
	echo "$u/page/v" | run verbose -v
	grep -q "^fetch: GET $u/page/v 200 " "$tmp/verbose.err"
}
check "-v logs each request" t_progress_verbose

t_head() {
	for k in 1 2 3 4 5 6 7 8; do echo "$u/page/h$k"; done |
	    $F | head -1 >"$tmp/head"
	test "$(wc -l <"$tmp/head")" = 1
}
check "a closed pipe ends fetch quietly" t_head

t_full() {
	echo "$u/page/full" | $F >/dev/full 2>"$tmp/full.err"
	test $? = 2 && grep -q "No space left" "$tmp/full.err"
}
check "> /dev/full: status 2 and a clear error" t_full

t_file_special() {
	mkfifo "$tmp/fifo"
	printf '<html><body><p>ok</p></body></html>' >"$tmp/ok.html"
	start=$(date +%s)
	printf '%s\n' "file://$tmp/fifo" "file:///dev/zero" "file://$tmp" \
	    "file://$tmp/none.html" "file://$tmp/ok.html" |
	    timeout 30 $F --timeout 2 >"$tmp/special" 2>"$tmp/special.err"
	end=$(date +%s)
	expect "$tmp/special" 'len(recs) == 5' \
	    'by[sys.argv[1].rsplit("/", 1)[0] + "/fifo"]["error"] == "not a regular file"' \
	    'by["/dev/zero"]["error"] == "not a regular file"' \
	    'by[sys.argv[1].rsplit("/", 1)[0]]["error"] == "not a regular file"' \
	    'by[sys.argv[1].rsplit("/", 1)[0] + "/none.html"]["error"] == "cannot open the file: No such file or directory"' \
	    '"<p>ok</p>" in by[sys.argv[1].rsplit("/", 1)[0] + "/ok.html"]["html"]' \
	    "$end - $start < 10" && valid "$tmp/special"
}
check "file: a FIFO without a writer, a device, a folder: refused at once" \
    t_file_special

t_summary() {
	st=$tmp/sum.state
	printf '%s\n' "$u/page/y1" "$u/page/y2" | run sum1 --state "$st"
	printf '%s\n' "$u/page/y1" "$u/page/y2" "$u/page/y3" "$u/status/404" |
	    run sum2 --state "$st" --retries 0
	cat "$tmp/sum1.err" "$tmp/sum2.err"
	grep -qx 'fetch: 2 urls: 2 fetched' "$tmp/sum1.err" &&
	grep -qx 'fetch: 4 urls: 2 unchanged, 1 fetched, 1 failed (404 1)' \
	    "$tmp/sum2.err" && test "$(cat "$tmp/sum2.st")" = 0 &&
	: | run sum0 && grep -qx 'fetch: 0 urls' "$tmp/sum0.err" &&
	test "$(cat "$tmp/sum0.st")" = 0
}
check "a summary line on stderr at the end of every run" t_summary

t_all_failed() {
	printf '%s\n' "$u/status/404" "http://127.0.0.1:1/x" |
	    run fail1 --retries 0 --ignore-robots
	printf '%s\n' "$u/status/410" | run fail2 -q --retries 0
	cat "$tmp/fail1.err"
	grep -qx 'fetch: 2 urls: 2 failed (404 1, connect 1)' \
	    "$tmp/fail1.err" && test "$(cat "$tmp/fail1.st")" = 1 &&
	test ! -s "$tmp/fail2.err" && test "$(cat "$tmp/fail2.st")" = 1 &&
	expect "$tmp/fail1" 'len(recs) == 2'
}
check "nothing fetched at all: status 1 (-q: no summary)" t_all_failed

t_memory() {
	# 4,000 records against 400: memory bounded by --queue, not input.
	printf '<html><body><p>%%0500d</p></body></html>' 0 >"$tmp/m.html"
	for n in 400 4000; do
		awk -v n=$n -v f="$tmp/m.html" \
		    'BEGIN { for (i = 0; i < n; i++) print "file://" f "?" i }' |
		    /usr/bin/time -f %M -o "$tmp/m$n.rss" "$root/bin/fetch" \
		    --queue 64 | wc -l >"$tmp/m$n.n"
	done
	echo "RSS KiB: $(cat "$tmp/m400.rss") for 400, $(cat "$tmp/m4000.rss") for 4000"
	test "$(cat "$tmp/m4000.n")" = 4000 &&
	    test "$(cat "$tmp/m4000.rss")" -lt $(($(cat "$tmp/m400.rss") + 2048))
}
check "memory stays flat over the input (--queue)" t_memory

t_usage() {
	fetch -j 0 </dev/null 2>"$tmp/u.err"
	test $? = 2 && grep -q "^fetch: -j: not a number" "$tmp/u.err" &&
	fetch --delay x </dev/null 2>/dev/null
	test $? = 2
}
check "bad options: status 2" t_usage

# --resolve: a name that does not exist reaches the server, as itself
# (its Host header, its own robots.txt); `*' stands for every name on
# the port but not for an address in a redirect, which still meets the
# private-address rule; a malformed entry is a usage error.
t_resolve() {
	n=http://nowhere.test:$port
	echo "$n/page/n1" | run res1 --resolve "*:$port:127.0.0.1"
	echo "$n/page/n2" | run res2 --resolve "nowhere.test:$port:127.0.0.1"
	echo "$n/redirect-to?url=http%3A%2F%2F169.254.169.254%3A$port%2Fx" |
	    run res3 --resolve "*:$port:127.0.0.1" --retries 0
	fetch --resolve "nowhere.test:$port" </dev/null >"$tmp/res4" \
	    2>"$tmp/res4.err"
	echo $? >"$tmp/res4.st"
	fetch --resolve "nowhere.test:$port:no-address" </dev/null \
	    >"$tmp/res5" 2>"$tmp/res5.err"
	echo $? >"$tmp/res5.st"
	expect "$tmp/res1" 'r["status"] == 200' \
	    '[(l["host"], l["path"]) for l in log] == [("nowhere.test", "/robots.txt"), ("nowhere.test", "/page/n1")]' &&
	expect "$tmp/res2" 'r["status"] == 200' \
	    '[l["host"] for l in log] == ["nowhere.test", "nowhere.test"]' &&
	expect "$tmp/res3" 'r["error"] == "redirect to a link-local address (169.254.169.254) refused; see --allow-private"' \
	    '[l["path"].split("?")[0] for l in log] == ["/robots.txt", "/redirect-to"]' &&
	expect "$tmp/res4" 'st == "2"' \
	    'err.startswith("fetch: --resolve: not HOST:PORT:ADDRESS")' &&
	expect "$tmp/res5" 'st == "2"' \
	    'err.startswith("fetch: --resolve: not HOST:PORT:ADDRESS")' &&
	valid "$tmp/res1" && valid "$tmp/res3"
}
check "--resolve: a name that does not exist, at the local server" t_resolve

done_testing

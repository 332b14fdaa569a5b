#!/bin/sh
# fetch against hostile hosts (tests/hostile-server.py): each way a host
# can hang, trickle, flood, inflate, loop or lie ends in a record that
# passes validate, in bounded time and memory, and a good host in the
# same run is not held up: its records reach the reader at once (read
# as a stream, with the time each came).
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 16

# One server on 127.0.0.1; each name hN.test is a host of its own.
serve hostile-server.py --log "$tmp/log" \
    --robots h20.test=huge --robots h21.test=binary \
    --robots h22.test=hang --robots h23.test=bomb \
    --robots h24.test=stall --robots h25.test=storm \
    --robots h26.test=999 --robots h27.test=down \
    --robots h32.test=loop --robots h33.test=crawl-delay
h() {
	echo "http://h$1.test:$port"
}
# A port nothing listens on.
dead=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The names lead to the server, one entry each (a `*' would be a glob
# pattern in $F, and would pin localhost too).
R=
for i in $(seq 2 33); do
	R="$R --resolve h$i.test:$port:127.0.0.1"
done
F="fetch --delay 0 --backoff 0.2 $R"
opt=${KH_BUILD:-$root/build}/../bin	# unsanitized, for RSS

# Every mode at once, one host each, with good pages first and last.
{
	echo "$(h 2)/good/first"
	echo "$(h 3)/slowloris"
	echo "$(h 4)/hang"
	echo "$(h 5)/endless-chunked"
	echo "$(h 6)/bomb/gzip"
	echo "$(h 7)/bomb/deflate"
	echo "$(h 8)/bomb/zstd"
	echo "$(h 9)/bomb/gzip2"
	echo "$(h 10)/bomb/layers"
	echo "$(h 11)/big-header"
	echo "$(h 11)/header-flood"
	echo "$(h 11)/endless-1xx"
	echo "$(h 12)/redirects/10000"
	echo "$(h 12)/loop/a"
	for loc in ftp://127.0.0.1/x file:///etc/passwd gopher://127.0.0.1/ \
	    javascript:alert%281%29 data:text/html,hi mailto:a@b.c; do
		echo "$(h 13)/to?loc=$loc"
	done
	echo "$(h 14)/to?loc=http://169.254.169.254/latest/meta-data/"
	echo "$(h 14)/to?loc=http://10.0.0.1/"
	echo "$(h 14)/to?loc=http://2852039166/"
	echo "$(h 14)/to?loc=http://%5B::ffff:169.254.169.254%5D/"
	echo "$(h 14)/to?loc=http://%5Bfe80::1%2525lo%5D:$port/x"
	echo "$(h 15)/to?loc=/a%20b"
	echo "$(h 15)/to?loc=$(h 15)/c%20d?e%20f"
	echo "$(h 15)/to?loc=/%C3%BC%FF"
	echo "$(h 15)/to?loc=%20/x%09y%0A"
	echo "$(h 20)/good/huge"
	echo "$(h 20)/secret"
	echo "$(h 20)/late"
	echo "$(h 21)/good/binary"
	echo "$(h 22)/good/robots-hang"
	echo "$(h 24)/good/robots-stall"
	echo "$(h 25)/good/robots-storm"
	echo "$(h 26)/good/robots-999"
	echo "$(h 27)/good/robots-down"
	echo "$(h 32)/good/robots-loop"
	echo "$(h 33)/good/crawl-delay-1"
	echo "$(h 33)/good/crawl-delay-2"
	echo "$(h 28)/status?line=HTTP/1.1%20999%20Weird"
	echo "$(h 28)/status?line=HTTP/1.1%20000%20Zero"
	echo "$(h 28)/status?line=HTTP/1.1%20199%20Odd"
	echo "$(h 28)/status?line=GARBAGE%20LINE"
	echo "$(h 28)/http09"
	echo "$(h 28)/bad-headers"
	echo "$(h 28)/unasked-304"
	echo "http://127.0.0.1:$dead/good/dead-port"
	echo "http://nonexistent.invalid/good/no-dns"
	echo "$(h 2)/good/last"
} >"$tmp/mix.in"
stream mix 60 $F --timeout 5 --connect-timeout 4 --retries 0 \
    --max-size 1M <"$tmp/mix.in"
cp "$tmp/log" "$tmp/mix.log"

t_mix_valid() {
	cat "$tmp/mix.err"
	expect "$tmp/mix" 'len(recs) == len(open(f + ".in").readlines())' \
	    'st == "0"' 'elapsed < 25' && validate "$tmp/mix"
}
check "every mode at once: one record each, all valid, in bounded time" \
    t_mix_valid

t_mix_good() {
	# Before the hanging hosts' records, which --timeout ends: a time
	# of its own (3 s) was more than a loaded machine gave the run.
	expect "$tmp/mix" 'at[by["/slowloris"]["url"]] >= 4.5 and at[by["/hang"]["url"]] >= 4.5' \
	    'at[recs[0]["url"]] < min(at[by["/slowloris"]["url"]], at[by["/hang"]["url"]])' \
	    'by["/good/first"]["status"] == 200 and at[by["/good/first"]["url"]] < min(at[by["/slowloris"]["url"]], at[by["/hang"]["url"]])' \
	    'by["/good/last"]["status"] == 200 and at[by["/good/last"]["url"]] < min(at[by["/slowloris"]["url"]], at[by["/hang"]["url"]])'
}
check "... and the good pages reach the reader at once, hanging hosts or not" \
    t_mix_good

t_mix_slow() {
	expect "$tmp/mix" \
	    'by["/slowloris"]["error"] == "timeout after 5 s"' \
	    'by["/hang"]["error"] == "timeout after 5 s"' \
	    'all(at[x["url"]] < 12 for x in recs)'
}
check "slowloris and accept-and-hang: --timeout ends them" t_mix_slow

t_mix_floods() {
	expect "$tmp/mix" \
	    'all(by[p]["truncated"] is True and len(by[p]["html"]) == 1 << 20 for p in ("/endless-chunked", "/bomb/gzip", "/bomb/deflate", "/bomb/gzip2"))' \
	    '"encoding" in by["/bomb/layers"]["error"]' \
	    'by["/big-header"]["error"] == "a response header too large (or out of memory)"' \
	    'all("error" in by[p] and at[by[p]["url"]] < 4 for p in ("/big-header", "/header-flood", "/endless-1xx"))' \
	    '"zstd" not in [l for l in log if l["path"] == "/bomb/zstd"][0]["ae"] or len(by["/bomb/zstd"]["html"]) == 1 << 20'
}
check "endless bodies, compression bombs, header floods, endless 1xx: cut or refused" \
    t_mix_floods

t_mix_redirects() {
	expect "$tmp/mix" \
	    'by["/redirects/10000"]["error"] == "too many redirects (more than 10)"' \
	    'by["/loop/a"]["error"] == "too many redirects (more than 10)"' \
	    'all("refused" in x["error"] for x in recs if "h13.test:" in x["url"])' \
	    'len([x for x in recs if "h13.test:" in x["url"]]) == 6' \
	    'all(x["error"].endswith("refused; see --allow-private") for x in recs if "h14.test:" in x["url"])' \
	    'all(" " not in x["final_url"] and x["final_url"].isascii() for x in recs)' \
	    'sorted(x["final_url"].split("/", 3)[3] for x in recs if "h15.test:" in x["url"]) == ["%C3%BC%FF", "a%20b", "c%20d?e%20f", "xy"]'
}
check "redirects: chains and loops stopped, other schemes and private addresses refused, Locations percent-encoded" \
    t_mix_redirects

t_mix_robots() {
	expect "$tmp/mix" \
	    'by["/good/huge"]["status"] == 200' \
	    'by["/secret"]["error"] == "disallowed by robots.txt"' \
	    'by["/late"]["error"] == "HTTP 404"' \
	    '"/secret" not in [l["path"] for l in log]' \
	    '"error" in by["/good/binary"] or by["/good/binary"]["status"] == 200' \
	    'by["/good/robots-hang"]["error"] == "robots.txt unreachable: timeout after 5 s: not fetched"' \
	    'by["/good/robots-stall"]["error"] == "robots.txt unreachable: timeout after 5 s: not fetched"' \
	    'by["/good/robots-storm"]["status"] == 200' \
	    'by["/good/robots-999"]["error"] == "robots.txt unreachable: HTTP status 999 out of range: not fetched"' \
	    'by["/good/robots-down"]["error"] == "robots.txt gave HTTP 500: not fetched"' \
	    'by["/good/robots-loop"]["status"] == 200' \
	    'by["/good/crawl-delay-1"]["error"] == "robots.txt asks for a Crawl-delay of 86000 s, beyond --max-wait"' \
	    'by["/good/crawl-delay-2"]["error"] == by["/good/crawl-delay-1"]["error"]' \
	    'by["/good/dead-port"]["error"] == "robots.txt unreachable: connection refused: not fetched"' \
	    'by["/good/no-dns"]["error"] in ("robots.txt unreachable: could not resolve host: not fetched", "robots.txt unreachable: connect timeout after 4 s: not fetched")'
}
check "robots.txt: over 500 KiB parsed, binary, hanging, 429, 999, 5xx, loops, a day's Crawl-delay, dead port, no DNS" \
    t_mix_robots

t_mix_status() {
	expect "$tmp/mix" \
	    'bq["status?line=HTTP/1.1%20999%20Weird"]["error"] == "HTTP status 999 out of range"' \
	    '"status" not in bq["status?line=HTTP/1.1%20999%20Weird"]' \
	    'all(100 <= x.get("status", 100) <= 599 for x in recs)' \
	    '"error" in by["/http09"]' \
	    'by["/bad-headers"]["etag"] == "\"\ufffd\ufffd\ufffd\"" and "content_type" not in by["/bad-headers"]' \
	    'by["/unasked-304"]["error"] == "HTTP 304 to a request without conditions"'
}
check "status lines out of range, HTTP/0.9, headers that are not UTF-8, a 304 not asked for" \
    t_mix_status

t_state_bytes() {
	printf '%s\n' "$(h 28)/bad-headers" "$(h 2)/good/state" |
	    stream sb 30 $F --state "$tmp/sb.state"
	cat "$tmp/sb.state"
	expect "$tmp/sb" 'len(recs) == 2' && validate "$tmp/sb" &&
	validate "$tmp/sb.state"
}
check "--state: an ETag that is not UTF-8 keeps the state file JSON" \
    t_state_bytes

# The same floods with the unsanitized build: memory stays bounded by
# --max-size, not by what the hosts send.
t_memory() {
	if [ ! -x "$opt/fetch" ]; then
		echo "no unsanitized build in $opt"
		return 0
	fi
	grep -E '/(endless|bomb|big-header|header-flood|good/first)' \
	    "$tmp/mix.in" >"$tmp/mem.in"
	stream mem 60 "$opt/fetch" $R --delay 0 --timeout 10 --max-size 1M \
	    <"$tmp/mem.in"
	stream mem4 60 "$opt/fetch" $R --delay 0 --timeout 10 --max-size 4M \
	    <"$tmp/mem.in"
	expect "$tmp/mem" 'print("RSS KiB:", rss) or rss < 80000' \
	    'len(recs) == 10' &&
	expect "$tmp/mem4" 'print("RSS KiB with --max-size 4M:", rss) or rss < 200000'
}
check "memory: bounded by --max-size through bombs and floods" t_memory

t_flush() {
	printf '%s\n' "$(h 4)/hang" "$(h 2)/good/flush" |
	    stream flush 30 $F --timeout 4 --retries 0
	expect "$tmp/flush" 'recs[0]["status"] == 200' \
	    'at[recs[0]["url"]] < at[recs[1]["url"]] - 1' \
	    'recs[1]["error"] == "timeout after 4 s"'
}
check "a finished record is flushed before fetch waits on a hanging host" \
    t_flush

t_retry_after() {
	n=0
	{
		for ra in 0 -5 1e3 inf nan soon 2.5 \
		    'Sun,%2006%20Nov%201994%2008:49:37%20GMT'; do
			n=$((n + 1))
			echo "$(h 16)/retry?key=ra$n&ra=$ra"
		done
		echo "$(h 17)/retry?key=huge&ra=99999999999999999999"
		echo "$(h 17)/good/after-huge"
		echo "$(h 19)/storm/s1"
		echo "$(h 19)/storm/s2"
		echo "$(h 2)/good/ra"
		echo "$(h 18)/retry?key=future&ra=Fri,%2001%20Jan%202100%2000:00:00%20GMT"
	} | stream ra 60 $F --retries 1 --max-wait 60 --per-host 1
	expect "$tmp/ra" \
	    'all(x["status"] == 200 for x in recs if "h16.test:" in x["url"])' \
	    'len([x for x in recs if "h16.test:" in x["url"]]) == 8' \
	    'bq["retry?key=huge&ra=99999999999999999999"]["error"] == "HTTP 503"' \
	    '"beyond --max-wait" in by["/good/after-huge"]["error"]' \
	    'bq["retry?key=future&ra=Fri,%2001%20Jan%202100%2000:00:00%20GMT"]["error"] == "HTTP 503"' \
	    'all(x["error"] == "HTTP 429" for x in recs if "/storm/" in x["url"])' \
	    'at[by["/good/ra"]["url"]] < 3' 'elapsed < 20'
}
check "Retry-After: 0, negative, huge, garbage, dates past and far; 429 storms" \
    t_retry_after

t_robots_retry() {
	before=$(wc -l <"$tmp/log")
	printf '%s\n' "$(h 22)/good/r1" "$(h 22)/good/r2" "$(h 2)/good/r3" |
	    stream rr 60 $F --timeout 1 --retries 2 --backoff 0.1
	tail -n +$((before + 1)) "$tmp/log" >"$tmp/rr.log"
	expect "$tmp/rr" \
	    'len([l for l in log if l["host"] == "h22.test" and l["path"] == "/robots.txt"]) == 3' \
	    'by["/good/r1"]["error"] == "robots.txt unreachable: timeout after 1 s: not fetched"' \
	    'by["/good/r2"]["error"] == by["/good/r1"]["error"]' \
	    'by["/good/r3"]["status"] == 200'
}
check "robots.txt that fails on the network: tried again like a page (--retries)" \
    t_robots_retry

t_breaker() {
	{
		for k in $(seq 30); do echo "$(h 30)/hang?$k"; done
		for k in 1 2 3; do echo "$(h 2)/good/b$k"; done
	} | stream breaker 90 $F --ignore-robots --timeout 1 --retries 1 \
	    --queue 10 --per-host 2
	expect "$tmp/breaker" 'len(recs) == 33' \
	    'all(x["status"] == 200 and at[x["url"]] < 10 for x in recs if "/good/" in x["url"])' \
	    'len([x for x in recs if x.get("error", "").startswith("host given up after 5 network failures in a row (timeout after 1 s)")]) >= 20' \
	    'elapsed < 12'
}
check "a hanging host with a full --queue is given up after 5 failures in a row" \
    t_breaker

t_private() {
	{
		echo "$(h 14)/to?loc=http://169.254.169.254/x"
		echo "$(h 14)/to?loc=$(h 31)/good/loopback-to-loopback"
		echo "$(h 14)/to?loc=http://localhost:$port/good/localhost"
	} | stream priv 30 $F --connect-timeout 1 --retries 0
	# A link-local address on the loopback interface: nothing leaves
	# the machine, and the connection fails at once.
	printf '%s\n' "$(h 14)/to?loc=http://%5Bfe80::1%2525lo%5D:$port/x" |
	    stream priv2 30 $F --connect-timeout 1 --retries 0 \
	    --ignore-robots --allow-private
	expect "$tmp/priv" \
	    'bq["to?loc=http://169.254.169.254/x"]["error"] == "redirect to a link-local address (169.254.169.254) refused; see --allow-private"' \
	    '[x["status"] for x in recs if x["final_url"].endswith("/good/loopback-to-loopback")] == [200]' \
	    '[x["status"] for x in recs if x["final_url"].endswith("/good/localhost")] == [200]' &&
	expect "$tmp/priv2" 'r["error"] in ("could not connect", "network unreachable", "host unreachable")'
}
check "redirects from loopback: to loopback followed, to link-local refused; --allow-private" \
    t_private

t_all_valid() {
	for f in mix mem mem4 flush ra rr breaker priv priv2 sb; do
		[ -f "$tmp/$f" ] || continue
		validate "$tmp/$f" || return 1
	done
}
check "every record of every run passes validate" t_all_valid

# A wildcard robots.txt rule of 490 KB against a 256 KiB path: the
# matcher answers in bounded time (fetch/robots.c), so another host's
# page is not held up.
t_wildcard() {
	path=$(python3 -c 'print("a" * (256 << 10))')
	printf '%s\n' "$(h 23)/$path" "$(h 2)/good/wild" |
	    stream wild 12 $F --retries 0
	expect "$tmp/wild" 'st == "0"' 'elapsed < 8' \
	    'by["/good/wild"]["status"] == 200'
}
check "robots.txt wildcard bomb: bounded time" t_wildcard

done_testing

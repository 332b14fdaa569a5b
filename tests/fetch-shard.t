#!/bin/sh
# fetch --shard I/N: workers that read the same URLs split them by host,
# so that two never ask one host at once and together they fetch every
# URL once (links | tee to N workers, GNU parallel, machines of a
# cluster).  Hosts h1.test to h12.test all reach the test server.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 4

serve fetch-server.py
R="--resolve *:$port:127.0.0.1"
h=1
while [ $h -le 12 ]; do
	for p in 1 2 3; do
		echo "http://h$h.test:$port/page/s$h-$p"
	done
	# the same host in capitals: its worker too
	echo "http://H$h.TEST:$port/page/s$h-caps"
	h=$((h + 1))
done >"$tmp/urls"

# shards N: run the N workers at once on the same input.
shards() {
	i=0
	pids=
	while [ $i -lt "$1" ]; do
		fetch -q $R --delay 0 --retries 0 --connect-timeout 2 \
		    --shard "$i/$1" <"$tmp/urls" >"$tmp/out.$i" \
		    2>"$tmp/err.$i" &
		pids="$pids $!"
		i=$((i + 1))
	done
	# the workers only: the test server runs in the background too
	for p in $pids; do
		wait "$p"
	done
}

t_split() {
	shards 3
	python3 - "$tmp/urls" "$tmp"/out.0 "$tmp"/out.1 "$tmp"/out.2 <<'PY'
import json, sys, urllib.parse
urls = [l.strip() for l in open(sys.argv[1])]
seen, hosts = {}, {}
for i, f in enumerate(sys.argv[2:]):
    for l in open(f):
        u = json.loads(l)["url"]
        seen[u] = seen.get(u, 0) + 1
        hosts.setdefault(urllib.parse.urlsplit(u).hostname.lower(), set()).add(i)
shared = {h: s for h, s in hosts.items() if len(s) > 1}
used = set().union(*hosts.values())
print(len(seen), "of", len(urls), "urls;", "hosts in more than one shard:",
      shared, "; shards used:", sorted(used))
sys.exit(0 if sorted(seen) == sorted(urls) and
         set(seen.values()) == {1} and not shared and used == {0, 1, 2}
         else 1)
PY
}
check "three workers on the same URLs: every URL once, each host (any case) in one shard" t_split

t_same() {
	# the same split on every run (and every machine)
	for i in 0 1 2; do
		cp "$tmp/out.$i" "$tmp/a.$i"
	done
	shards 3
	for i in 0 1 2; do
		python3 -c '
import json, sys
a, b = (sorted(json.loads(l)["url"] for l in open(f)) for f in sys.argv[1:])
sys.exit(a != b)' "$tmp/a.$i" "$tmp/out.$i" || return 1
	done
}
check "the split is the same run after run" t_same

t_summary() {
	fetch $R --delay 0 --retries 0 --shard 1/2 --ok-only \
	    <"$tmp/urls" >"$tmp/one" 2>"$tmp/one.err"
	cat "$tmp/one.err"
	n=$(grep -c . "$tmp/one")
	grep -q "left to the other shards" "$tmp/one.err" &&
	    [ "$n" -gt 0 ] && [ "$n" -lt 48 ] && validate -q "$tmp/one"
}
check "the summary says how many URLs were left to the other shards" t_summary

t_usage() {
	for a in 3/3 1 a/2 1/0 -1/2 1/2x; do
		fetch --shard "$a" </dev/null >/dev/null 2>"$tmp/e"
		st=$?
		[ $st -eq 2 ] && grep -q "^fetch: --shard" "$tmp/e" || {
			echo "--shard $a: status $st: $(cat "$tmp/e")"
			return 1
		}
	done
}
check "a bad --shard: exit 2 and a message" t_usage

done_testing

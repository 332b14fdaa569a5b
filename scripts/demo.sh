#!/bin/bash
# demo.sh: khobor's main job, offline.  Serves the sample news site
# (tests/site: two outlets, dainik.test and courier.test, on one free
# port of 127.0.0.1; fetch's --resolve, given through KH_FETCH, leads
# their names there),
# runs scripts/collect three times into build/demo/news (everything;
# nothing new; then 3 new articles and 1 edited, published by the
# server on SIGUSR1) and prints what the archive holds.  `make demo`
# builds the programs first.  KH_DEMO_DIR puts the demo's files
# elsewhere than build/demo (tests/demo.t); it is emptied first.
#
# The server is tests/site/server.py, ours, not nginx even where nginx
# is installed: it puts the port it listens on into the pages' links
# (the files say http://dainik.test), gzips the news sitemap at each
# request, answers conditional requests with 304, and switches to the
# site's second state on a signal, on the same port, which the third
# run needs.  Python 3's standard library is all it takes.
set -u -o pipefail
export LC_ALL=C.UTF-8

root=$(cd "$(dirname "$0")/.." && pwd)
demo=${KH_DEMO_DIR:-$root/build/demo}
collect=$root/scripts/collect

for p in fetch links clean tag store; do
	[ -x "$root/bin/$p" ] || { echo "demo.sh: bin/$p missing: run make demo" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "demo.sh: python3 missing: run make demo as root, or apt-get install python3" >&2; exit 2; }

rm -rf "$demo"
mkdir -p "$demo"
python3 "$root/tests/site/server.py" --port-file "$demo/port" \
    --log "$demo/server.log" --overlay "$root/tests/site/update" \
    --overlay-later 2>"$demo/server.err" &
server=$!
trap 'kill $server 2>/dev/null' EXIT INT TERM
for _ in $(seq 300); do
	[ -s "$demo/port" ] && break
	kill -0 $server 2>/dev/null || { cat "$demo/server.err" >&2; exit 1; }
	sleep 0.1
done
[ -s "$demo/port" ] || { echo "demo.sh: the server did not start" >&2; exit 1; }
port=$(cat "$demo/port")
# The outlets' names resolve nowhere: fetch connects to the server for
# them.  collect runs $KH_FETCH as a command line (a user's own first).
KH_FETCH="${KH_FETCH:-$(printf '%q' "$root/bin/fetch")} --resolve dainik.test:$port:127.0.0.1 --resolve courier.test:$port:127.0.0.1"
export KH_FETCH

cat >"$demo/sites" <<EOF
# The sample news site of tests/site, served on this machine: no delay
# between requests, as it is ours (leave the default of 1 s for others).
delay=0
dainik   http://dainik.test:$port/
courier  http://courier.test:$port/ http://courier.test:$port/opinion
EOF

news=$demo/news
echo "khobor demo: two outlets of the sample news site, dainik.test:$port and courier.test:$port (on 127.0.0.1)"
echo "  sites file: ${demo#"$root"/}/sites; archive: ${news#"$root"/}"
echo

# run N TITLE: one collect run, its summary line, its time.
run() {
	local t0 t1 line st
	echo "run $1: $2"
	t0=$EPOCHREALTIME
	line=$("$collect" "$demo/sites" "$news")
	st=$?
	t1=$EPOCHREALTIME
	echo "  $line"
	printf '  %s s, exit status %d\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" "$st"
	archived=$(echo "$line" | sed -n 's/.* archived=\([0-9]*\).*/\1/p')
	[ "$st" -eq 0 ] || { echo "demo.sh: collect failed; see $news/.collect/stderr.log" >&2; exit 1; }
}

run 1 "everything the site has"
a1=$archived
run 2 "again: nothing new"
a2=$archived
[ "$a2" -eq 0 ] && echo "  nothing new: the feeds, sitemaps and pages answered 304 Not Modified"
kill -USR1 $server
for _ in $(seq 100); do
	grep -q '"event": "overlay"' "$demo/server.log" && break
	sleep 0.1
done
echo
echo "the site publishes 3 new articles and edits one"
run 3 "after the update"
a3=$archived
echo

"$root/bin/store" cat "$news" | python3 -c '
import collections, json, sys
sites = collections.Counter()
names = {}
norms = collections.Counter()
spell = collections.defaultdict(collections.Counter)
dates = []
for line in sys.stdin:
    r = json.loads(line)
    sites[r.get("site", "?")] += 1
    names.setdefault(r.get("site", "?"), r.get("site_name", ""))
    for e in r.get("entities", []):
        norms[e["norm"]] += 1
        spell[e["norm"]][e["text"]] += 1
    if r.get("published"):
        dates.append(r["published"][:10])
print("articles per outlet (records in the archive, versions included):")
for s, n in sites.most_common():
    print("  %-8s %3d  %s" % (s, n, names[s]))
print("top 10 entities, Bengali and English mentions merged by their norm:")
for norm, n in norms.most_common(10):
    forms = ", ".join("%s %d" % f for f in spell[norm].most_common(3))
    print("  %3d  %-28s %s" % (n, norm, forms))
if dates:
    print("published: %s to %s" % (min(dates), max(dates)))
'
"$root/bin/store" stats "$news" | awk -F'\t' '
{ v[$1] = $2 }
END {
	printf "archive: %d records, %d bytes of records, %d compressed (ratio %s)\n",
	    v["records"], v["bytes"], v["compressed"], v["ratio"]
}'
echo
ok=1
[ "$a1" -eq 42 ] && [ "$a2" -eq 0 ] && [ "$a3" -eq 4 ] || ok=0
if [ $ok = 1 ]; then
	echo "as expected: 42 articles, then none, then the 4 new or edited ones."
else
	echo "demo.sh: expected 42, 0 and 4 articles archived; got $a1, $a2 and $a3" >&2
fi
echo
r=${news#"$root"/}
dict=
[ -f "$news/khobor.dict" ] && dict="-D $r/khobor.dict "
cat <<EOF
query it:
  bin/store ls $r | head                # url, fetched_at, size
  bin/store get $r 'http://dainik.test:$port/national/news/50101?utm_source=x'
                                        # by any of its URLs, canonical
  bin/store cat --where site=dainik $r | jq -r .title
  zstd -dc $dict$r/*.jsonl.zst | jq -c '[.site, .published, .title]'
  scripts/collect --status $r           # the last runs, per site
EOF
[ $ok = 1 ]

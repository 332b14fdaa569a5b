#!/bin/sh
# scripts/collect (kh-collect) over the sample news site (tests/site):
# three runs archive everything, nothing, then exactly the 3 new and the
# 1 edited article; the 404 is not asked for again, the redirect and
# the tracking twin are stored once; the lock, the time budget, kill -9
# at any moment, --status, a swapped stage, the summary line and the
# exit statuses.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 24

collect=$root/scripts/collect
serve site/server.py --log "$tmp/server.log" --overlay "$here/site/update" \
    --overlay-later
B=http://dainik.test:$port	# দৈনিক নমুনা
E=http://courier.test:$port	# The Delta Courier

# The programs under test (the sanitizer build in make check); collect
# runs $KH_FETCH as a command line, so the outlets' names lead to the
# server on 127.0.0.1 through it.
R="--resolve dainik.test:$port:127.0.0.1 --resolve courier.test:$port:127.0.0.1"
KH_FETCH="$bin/fetch $R" KH_LINKS=$bin/links KH_CLEAN=$bin/clean \
    KH_TAG=$bin/tag KH_STORY=$bin/story KH_STORE=$bin/store
export KH_FETCH KH_LINKS KH_CLEAN KH_TAG KH_STORY KH_STORE

# sites FILE [SETTINGS]: the two outlets, as a user would name them.
sites() {
	cat >"$1" <<EOF
# the sample site (tests/site)
delay=0 ${2:-}
dainik   $B/
courier  $E/ $E/opinion
EOF
}
sites "$tmp/sites"

# run NAME ARGS...: collect, its summary in NAME.out, messages in
# NAME.err, exit status in NAME.st.
run() {
	rn=$1
	shift
	"$collect" "$@" >"$tmp/$rn.out" 2>"$tmp/$rn.err"
	echo $? >"$tmp/$rn.st"
}

# val NAME KEY: KEY's value in NAME's summary line.
val() {
	sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$tmp/$1.out"
}

# once ARCHIVE [first|update|both]: the archive holds every article of
# expected.json once a version: of the first state (first), of the
# second (update), or of both (both: the edited one twice).  Each
# record is counted by its final_url.
once() {
	store cat "$1" >"$tmp/once.jsonl" &&
	python3 - "$tmp/once.jsonl" "$here/site/expected.json" "${2:-first}" <<'PY'
import collections, json, sys, urllib.parse
recs = [json.loads(l) for l in open(sys.argv[1])]
e = json.load(open(sys.argv[2]))
mode = sys.argv[3]
want, edited = set(), set()
for name, o in e["outlets"].items():
    want |= {(name, p) for p in o["articles"]}
    if mode != "first":
        want |= {(name, p) for p in o["update"]["new"]}
    if mode == "both":
        edited |= {(name, p) for p in o["update"]["edited"]}
host = {"dainik.test": "dainik", "courier.test": "courier"}
got = collections.Counter()
for r in recs:
    u = urllib.parse.urlsplit(r.get("final_url", r["url"]))
    got[(host[u.hostname], u.path + ("?" + u.query if u.query else ""))] += 1
bad = {k: n for k, n in got.items() if n != (2 if k in edited else 1)}
print(len(recs), "records;", len(got), "articles; missing:",
      sorted(want - set(got)), "extra:", sorted(set(got) - want),
      "not once:", bad)
sys.exit(1 if want != set(got) or bad else 0)
PY
}

t_three() {
	run r1 "$tmp/sites" "$tmp/A" &&
	run r2 "$tmp/sites" "$tmp/A" &&
	kill -USR1 "$servers" 2>/dev/null
	wait_for grep -q '"event": "overlay"' "$tmp/server.log"
	run r3 "$tmp/sites" "$tmp/A"
	for r in r1 r2 r3; do
		echo "$r: exit $(cat "$tmp/$r.st"): $(cat "$tmp/$r.out")"
	done
	test "$(cat "$tmp/r1.st") $(cat "$tmp/r2.st") $(cat "$tmp/r3.st")" = "0 0 0" &&
	test "$(val r1 archived) $(val r2 archived) $(val r3 archived)" = "42 0 4" &&
	test "$(val r2 unchanged)" = "$(val r2 sources)" &&
	test "$(val r3 new) $(val r3 changed)" = "3 1" &&
	once "$tmp/A" both
}
check "three runs: 42 archived, then 0 (every source 304), then the 3 new and the 1 edited" t_three

t_line() {
	# One line a run in the log, every field there, in this order.
	test "$(wc -l <"$tmp/A/.collect/log")" -eq 3 &&
	grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z sites=2 reached=2 sources=[0-9]+ fetched=[0-9]+ unchanged=[0-9]+ source_failed=0 found=44 new=44 changed=0 retry=0 revisit=0 archived=42 same=1 failed=1 failed_by=404:1 bytes_in=[0-9]+ bytes=[0-9]+ seconds=[0-9]+ exit=0$' "$tmp/A/.collect/log" &&
	test "$(sed -n 1p "$tmp/A/.collect/log")" = "$(cat "$tmp/r1.out")" &&
	grep -q '^fetch: ' "$tmp/A/.collect/stderr.log" &&
	grep -q '^links: ' "$tmp/A/.collect/stderr.log"
}
check "the summary line: time, sites, sources, articles, failures by reason, bytes, seconds, exit" t_line

t_story() {
	# Every article archived carries a story id, and the edited one of
	# the third run joins the story its first version started two runs
	# before: story's state is kept in .collect/.
	test -s "$tmp/A/.collect/story.state" &&
	store cat "$tmp/A" | python3 -c '
import collections, json, sys
ids = collections.defaultdict(set)
n = 0
for line in sys.stdin:
    r = json.loads(line)
    if "text" not in r:
        continue
    n += 1
    if "story" not in r:
        sys.exit("no story: " + r["url"])
    ids[r.get("final_url", r["url"])].add(r["story"])
twice = [u for u, s in ids.items() if len(s) > 1]
print(n, "articles,", len(set().union(*ids.values())), "stories;",
      "versions apart:", twice)
sys.exit(1 if twice or n < 40 else 0)'
}
check "every article archived has a story id; an edited article stays in its story from run to run" t_story

t_404() {
	# The RSS feed lists the removed article in both states: asked for
	# once, in the first run, then left to its backoff.
	n=$(grep -c '"path": "/national/news/50100"' "$tmp/server.log")
	echo "/national/news/50100 asked for $n times; failed table:"
	cat "$tmp/A/.collect/failed"
	test "$n" -eq 1 && grep -q "/national/news/50100	dainik	404	1	" "$tmp/A/.collect/failed"
}
check "a 404 is not asked for again on the next runs (backoff)" t_404

t_twins() {
	# The redirect (/news/2101 in the RSS feed) and the tracking twin
	# (?utm_ on the home page): one record each, under any URL.
	store ls "$tmp/A" >"$tmp/ls"
	n=$(grep -c -- '-2101	\|/news/2101	' "$tmp/ls")
	u=$(grep -c 'utm_' "$tmp/ls")
	echo "2101: $n records; utm_: $u"
	test "$n" -eq 1 && test "$u" -eq 0 &&
	store get "$tmp/A" "$E/bangladesh/feni-flood-situation-worsens-as-muhuri-rises-above-danger-level-2101" | grep -q '"final_url":"[^"]*-2101"' &&
	store get "$tmp/A" "$B/national/news/50101?utm_source=home&utm_medium=lead" |
	    grep -q '"url":"[^"]*/national/news/50101"'
}
check "a redirect and a tracking-parameter twin are stored once, found by either URL" t_twins

t_lock() {
	# A run that finds the lock held exits at once, 75, saying so.
	flock -o "$tmp/A/.collect/lock" sleep 30 &
	holder=$!
	wait_for sh -c "! flock -n '$tmp/A/.collect/lock' true"
	run lk "$tmp/sites" "$tmp/A"
	kill $holder
	cat "$tmp/lk.err"
	test "$(cat "$tmp/lk.st")" -eq 75 && grep -q 'another run holds the lock' "$tmp/lk.err" &&
	test ! -s "$tmp/lk.out" && test "$(wc -l <"$tmp/A/.collect/log")" -eq 3
}
check "an overlapping run exits at once with status 75 and a message" t_lock

t_status() {
	# A site whose only source is a feed that is gone (404): FAILING;
	# with a short --quiet-for, the outlets with nothing new are QUIET.
	sites "$tmp/sites2"
	echo "ghost $B/feed/gone.xml" >>"$tmp/sites2"
	run st1 "$tmp/sites2" "$tmp/A"
	sleep 2
	"$collect" --status --quiet-for 1s "$tmp/A" >"$tmp/status" 2>&1
	cat "$tmp/status"
	grep -q '^last runs:' "$tmp/status" &&
	grep -q '^  ghost .*FAILING' "$tmp/status" &&
	grep -q '^  courier .*QUIET' "$tmp/status" &&
	grep -q 'gone.xml' "$tmp/status" &&
	grep -Eq '^  dainik +25 +25 ' "$tmp/status"
}
check "--status: last runs, per-site counts, a dead feed (FAILING) and quiet sites" t_status

t_budget() {
	# A second pair of outlets' worth of work at one request a second
	# a host: --max-time 6 stops it; the run ends soon after, cleanly;
	# runs without the budget then finish the work, nothing twice.
	sites "$tmp/slow" "delay=1"
	t0=$(date +%s)
	run b1 --max-time 6 "$tmp/slow" "$tmp/B"
	t1=$(date +%s)
	echo "$((t1 - t0)) s: $(cat "$tmp/b1.out")"
	test "$(cat "$tmp/b1.st")" -eq 0 && test $((t1 - t0)) -lt 40 &&
	grep -q ' stopped=max-time ' "$tmp/b1.out" &&
	test "$(val b1 archived)" -lt 42 || return 1
	run b2 "$tmp/sites" "$tmp/B" && run b3 "$tmp/sites" "$tmp/B"
	echo "then: $(cat "$tmp/b2.out")"
	echo "then: $(cat "$tmp/b3.out")"
	test "$(cat "$tmp/b2.st")" -eq 0 && test "$(val b3 archived)" -eq 0 &&
	once "$tmp/B" update
}
check "--max-time: the run stops in time with what it archived; the next completes it" t_budget

t_kill() {
	# kill -9 of the whole run (every stage) at some moment; the next
	# run, and the next, complete the work: nothing lost, nothing twice.
	sites "$tmp/slow2" "delay=0.1"
	for at in 0.5 1.5 2.5 4 6; do
		setsid "$collect" "$tmp/slow2" "$tmp/C" >/dev/null 2>&1 &
		wait_for test -s "$tmp/C/.collect/stderr.log"
		sleep $at
		pg=$(ps -o pgid= -p $! | tr -d ' ')
		[ -n "$pg" ] && kill -9 -- "-$pg" 2>/dev/null
		wait $! 2>/dev/null
		echo "killed at $at s: $(store ls "$tmp/C" 2>/dev/null | wc -l) records"
	done
	run k1 "$tmp/sites" "$tmp/C"
	run k2 "$tmp/sites" "$tmp/C"
	echo "then: $(cat "$tmp/k1.out")"
	echo "then: $(cat "$tmp/k2.out")"
	test "$(cat "$tmp/k1.st") $(cat "$tmp/k2.st")" = "0 0" &&
	test "$(val k2 archived)" -eq 0 &&
	store verify "$tmp/C" >/dev/null && once "$tmp/C" update
}
check "kill -9 at any moment: the next run completes the work, nothing lost, nothing twice" t_kill

t_swap() {
	# clean swapped for a 10-line Python filter, from the environment
	# and from the sites file: the run still archives every article.
	cat >"$tmp/myclean.py" <<'PY'
import html, json, re, sys
for line in sys.stdin:
    r = json.loads(line)
    page = r.pop("html", None)
    if page is not None:
        m = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        r["title"] = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""
        r["text"] = "\n".join(html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in re.findall(r"<p[^>]*>(.*?)</p>", page, re.S))
    print(json.dumps(r, ensure_ascii=False), flush=True)
PY
	KH_CLEAN="python3 '$tmp/myclean.py'" run sw1 "$tmp/sites" "$tmp/D"
	{ echo "KH_CLEAN=python3 $tmp/myclean.py"; cat "$tmp/sites"; } >"$tmp/sites3"
	env -u KH_CLEAN "$collect" "$tmp/sites3" "$tmp/D2" >"$tmp/sw2.out" 2>&1
	echo "env: $(cat "$tmp/sw1.out")"
	echo "file: $(cat "$tmp/sw2.out")"
	test "$(cat "$tmp/sw1.st")" -eq 0 &&
	test "$(val sw1 archived)" -ge 42 && test "$(val sw2 archived)" -ge 42 &&
	store cat "$tmp/D" | grep -q '"title":"Feni flood situation worsens' &&
	store cat "$tmp/D" | validate
}
check "a stage swapped for a Python filter (environment, sites file): the run still archives" t_swap

t_usage() {
	"$collect" >/dev/null 2>"$tmp/u1"; s1=$?
	"$collect" --bogus "$tmp/sites" "$tmp/E" 2>"$tmp/u2"; s2=$?
	printf 'dainik ftp://x/\n' >"$tmp/bad"
	"$collect" "$tmp/bad" "$tmp/E" 2>"$tmp/u3"; s3=$?
	printf 'delay=0\nx %s/ speed=9\n' "$B" >"$tmp/bad2"
	"$collect" "$tmp/bad2" "$tmp/E" 2>"$tmp/u4"; s4=$?
	"$collect" "$tmp/nosuch" "$tmp/E" 2>"$tmp/u5"; s5=$?
	cat "$tmp/u1" "$tmp/u3" "$tmp/u4" "$tmp/u5"
	test "$s1 $s2 $s3 $s4 $s5" = "2 2 2 2 2" &&
	grep -q '^usage: collect ' "$tmp/u1" &&
	grep -q "bad:1: ftp://x/: not a URL" "$tmp/u3" &&
	grep -q "bad2:2: speed: no such setting" "$tmp/u4" && test ! -e "$tmp/E"
}
check "usage errors and bad sites files: exit 2, the file and line said" t_usage

t_missing() {
	# A stage that is not there stops the run before anything is done.
	KH_TAG=/nonexistent/tag run ms "$tmp/sites" "$tmp/F"
	cat "$tmp/ms.err"
	test "$(cat "$tmp/ms.st")" -eq 2 && grep -q 'KH_TAG: /nonexistent/tag: no such program' "$tmp/ms.err"
}
check "a missing stage program: exit 2 before anything is fetched" t_missing

t_stagefail() {
	# A stage that fails (exit 3) mid-run: exit 1, said, in the log.
	KH_TAG="sh -c 'cat; exit 3'" run sf "$tmp/sites" "$tmp/G"
	cat "$tmp/sf.err"
	test "$(cat "$tmp/sf.st")" -eq 1 && grep -q 'tag failed (exit status 3)' "$tmp/sf.err" &&
	grep -q ' exit=1$' "$tmp/G/.collect/log"
}
check "a stage that fails: exit status 1, a message, exit=1 in the log" t_stagefail

t_stagedies() {
	# clean dies after five records: the pages fetched and lost with it
	# are not failures of theirs; they stay in the queue, and the next
	# run archives them, nothing twice.
	KH_CLEAN="sh -c 'head -n 5 | $bin/clean; exit 2'" run sd1 "$tmp/sites" "$tmp/L"
	run sd2 "$tmp/sites" "$tmp/L"
	echo "$(cat "$tmp/sd1.out")"
	echo "$(cat "$tmp/sd2.out")"
	test "$(cat "$tmp/sd1.st") $(cat "$tmp/sd2.st")" = "1 0" &&
	test "$(val sd1 archived)" -eq 5 && ! grep -q stage "$tmp/L/.collect/failed" &&
	once "$tmp/L" update
}
check "a stage that dies mid-run: what it lost stays queued, the next run archives it" t_stagedies

t_unreachable() {
	# No site answers (a port nothing listens on): exit 1, said.
	printf 'delay=0\nnowhere http://127.0.0.1:1/\n' >"$tmp/dead"
	run ur "$tmp/dead" "$tmp/H"
	cat "$tmp/ur.err" "$tmp/ur.out"
	test "$(cat "$tmp/ur.st")" -eq 1 && grep -q 'no site could be reached' "$tmp/ur.err" &&
	grep -q ' reached=0 .* exit=1$' "$tmp/ur.out"
}
check "no site reachable: exit status 1 and a message" t_unreachable

t_quiet() {
	# -q: no summary on the standard output; nothing on stderr either
	# when all is well (what cron mails).
	run qq -q "$tmp/sites" "$tmp/A"
	test "$(cat "$tmp/qq.st")" -eq 0 && test ! -s "$tmp/qq.out" && test ! -s "$tmp/qq.err"
}
check "-q: a run that went well prints nothing" t_quiet

t_gone() {
	# A site taken out of the sites file: what the queue and the
	# failures held of it is dropped, not fetched, not counted.
	now=$(date +%s)
	printf '{"url":"%s/national/news/59999","site":"gone"}\n' "$B" \
	    >>"$tmp/A/.collect/queue"
	printf '%s/national/news/59998\tgone\t503\t1\t%s\t%s\n' "$B" \
	    $((now - 100)) $((now - 10)) >>"$tmp/A/.collect/failed"
	run gn "$tmp/sites" "$tmp/A"
	echo "$(cat "$tmp/gn.out")"
	test "$(cat "$tmp/gn.st")" -eq 0 &&
	test "$(val gn new) $(val gn retry) $(val gn archived)" = "0 0 0" &&
	! grep -q 'gone' "$tmp/A/.collect/queue" "$tmp/A/.collect/failed" &&
	! grep -q '/national/news/5999[89]' "$tmp/server.log"
}
check "a site taken out of the sites file: its queue and failures are dropped" t_gone

t_5xx() {
	# fetch answers 503 for one article (a wrapper stands for a server
	# in trouble), on a terminal with -v --progress: the stages'
	# messages and a count of the articles archived are shown; the
	# article is tried again at the next run, then backs off (an hour).
	cat >"$tmp/f503.py" <<'PY'
import json, subprocess, sys
log, cmd = sys.argv[1], sys.argv[2:]
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, text=True)
bad = []
for line in sys.stdin:
    if "/politics/news/50110" in line:
        bad.append(json.loads(line))
    else:
        p.stdin.write(line)
p.stdin.close()
st = p.wait()
for r in bad:
    open(log, "a").write(r["url"] + "\n")
    print(json.dumps({"url": r["url"], "site": r["site"], "status": 503,
                      "fetched_at": "2024-08-18T00:00:00Z",
                      "error": "HTTP 503"}), flush=True)
sys.exit(st)
PY
	KH_FETCH="python3 '$tmp/f503.py' '$tmp/f503.log' '$bin/fetch' $R"
	export KH_FETCH
	printf '"%s" -v --progress "%s" "%s"\n' "$collect" "$tmp/sites" \
	    "$tmp/M" >"$tmp/m1.sh"
	script -qec "sh '$tmp/m1.sh'" /dev/null </dev/null >"$tmp/m1.tty" 2>&1
	tr '\r' '\n' <"$tmp/m1.tty" | grep -a '^[0-9-]*T[0-9:]*Z sites=2 ' >"$tmp/m1.out"
	run m2 "$tmp/sites" "$tmp/M"
	run m3 "$tmp/sites" "$tmp/M"
	KH_FETCH="$bin/fetch $R"
	echo "m1: $(cat "$tmp/m1.out")"
	echo "m2: $(cat "$tmp/m2.out")"
	echo "m3: $(cat "$tmp/m3.out")"
	cat "$tmp/M/.collect/failed"
	tr '\r' '\n' <"$tmp/m1.tty" | grep -aq '^collect: [0-9]* of [0-9]* archived' &&
	grep -aq '^fetch: ' "$tmp/m1.tty" && grep -aq '^collect: discovery' "$tmp/m1.tty" &&
	test "$(val m1 archived)" -eq 44 &&	# the second state's 45, less the 503
	grep -q ' failed=2 failed_by=404:1,503:1 ' "$tmp/m1.out" &&
	test "$(val m2 retry) $(val m2 archived) $(cat "$tmp/m2.st")" = "1 0 0" &&
	test "$(val m3 retry) $(val m3 archived) $(cat "$tmp/m3.st")" = "0 0 0" &&
	test "$(grep -c 50110 "$tmp/f503.log")" -eq 2 &&
	grep -q "/politics/news/50110	dainik	503	2	" "$tmp/M/.collect/failed"
}
check "a 503: -v and --progress show it; tried again next run, then backing off" t_5xx

t_quietrun() {
	# Without -v, a run that goes well says nothing on the standard
	# error, its stages' messages going to stderr.log only.
	test ! -s "$tmp/r2.err" && test ! -s "$tmp/m2.err" &&
	grep -q '^fetch: ' "$tmp/M/.collect/stderr.log"
}
check "without -v: the stages' messages go to stderr.log, not to the terminal" t_quietrun

t_seeds() {
	# A start URL that discovery finds again (the feed the home page
	# announces) is read once a run.
	printf 'delay=0\ndainik %s/ %s/feed/rss.xml\n' "$B" "$B" >"$tmp/seeds"
	n0=$(wc -l <"$tmp/server.log")
	run se "$tmp/seeds" "$tmp/N"
	n=$(tail -n +$((n0 + 1)) "$tmp/server.log" | grep -c '"path": "/feed/rss.xml"')
	echo "/feed/rss.xml asked for $n times: $(cat "$tmp/se.out")"
	test "$(cat "$tmp/se.st")" -eq 0 && test "$n" -eq 1
}
check "a start URL discovery finds again is fetched once a run" t_seeds

t_lang() {
	# lang=en for an outlet in Bengali keeps its Bengali articles out
	# where the source says their language (feeds, news sitemap).
	printf 'delay=0\ndainik %s/feed/atom.xml lang=en\n' "$B" >"$tmp/en"
	run la "$tmp/en" "$tmp/I"
	echo "$(cat "$tmp/la.out")"
	test "$(cat "$tmp/la.st")" -eq 0 && test "$(val la archived)" -eq 0 &&
	test "$(val la found)" -gt 0
}
check "lang= keeps out what the source says is in another language" t_lang

t_revisit() {
	# revisit=1000d/1s: the sample site's articles (August 2024) are
	# young enough (the three of 2019 are not); a second later each is
	# fetched again, found the
	# same, and not stored again.
	sites "$tmp/rv" "revisit=1000d/1s"
	run rv1 "$tmp/rv" "$tmp/J" && sleep 2 && run rv2 "$tmp/rv" "$tmp/J"
	echo "$(cat "$tmp/rv1.out")"
	echo "$(cat "$tmp/rv2.out")"
	test "$(wc -l <"$tmp/J/.collect/young")" -eq 42 &&
	test "$(val rv2 revisit)" -eq 42 && test "$(val rv2 same)" -eq 42 &&
	test "$(val rv2 archived)" -eq 0 && once "$tmp/J" update
}
check "revisits: young articles fetched again after the interval, the same text not stored again" t_revisit

t_example() {
	# scripts/sites.example reads without a complaint (fetch swapped for
	# one that fetches nothing: no site is reached, exit 1).
	KH_FETCH=true run ex "$root/scripts/sites.example" "$tmp/K"
	cat "$tmp/ex.err"
	test "$(cat "$tmp/ex.st")" -eq 1 && grep -q ' sites=16 reached=0 ' "$tmp/ex.out"
}
check "scripts/sites.example is a sites file collect reads" t_example

t_shellcheck() {
	command -v shellcheck >/dev/null || return 0
	shellcheck "$root/scripts/collect" "$root/scripts/demo.sh" \
	    "$root/scripts/deps.sh"
}
if command -v shellcheck >/dev/null; then
	check "shellcheck: scripts/ is clean" t_shellcheck
else
	skip "shellcheck: scripts/ is clean" "shellcheck not installed"
fi
done_testing

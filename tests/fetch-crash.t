#!/bin/sh
# fetch --state and crashes: the state file may only describe records
# already written and flushed, so a run killed with kill -9 (at the
# moment right after a save, or at any moment) and run again with
# --changed-only loses no page.  KH_FETCH_STATE_EVERY makes the saves
# frequent; KH_FETCH_KILL_AFTER_SAVE=n kills fetch right after its n-th
# save; -v says "--state saved after N records written".
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 5

serve fetch-server.py --log "$tmp/log"
u=http://127.0.0.1:$port
u2=http://h2.test:$port
# h2.test to h4.test: hosts of their own on the one server.
F="fetch --delay 0 --backoff 0.1"
for i in 2 3 4; do
	F="$F --resolve h$i.test:$port:127.0.0.1"
done

# once NAME OUT...: the pages of NAME.in, each in the outputs OUT...
# exactly once.  A last line without a newline is a record the kill cut
# short: not delivered.
once() {
	python3 - "$tmp/$1.in" "$@" <<'PY'
import json, sys
want = [l.strip() for l in open(sys.argv[1]) if l.strip()]
got = []
for f in sys.argv[3:]:
    data = open(f, encoding="utf-8").read()
    lines = data.split("\n")
    if lines[-1] != "":
        print("%s: a last line cut short (not delivered)" % f)
    for l in lines[:-1]:
        got.append(json.loads(l)["url"])
    print("%s: %d records" % (f, len(lines) - 1))
missing = [x for x in want if x not in got]
twice = sorted({x for x in got if got.count(x) > 1})
print("missing:", missing[:5], len(missing), "twice:", twice[:5], len(twice))
sys.exit(1 if missing or twice or len(got) != len(want) else 0)
PY
}

# crash NAME ARGS...: NAME.in through fetch with the test hooks of the
# environment (it dies by SIGKILL), then again with --changed-only to
# its end; the pages must come out once across the two runs.
crash() {
	n=$1
	shift
	$F --state "$tmp/$n.state" -v "$@" <"$tmp/$n.in" >"$tmp/$n.1" \
	    2>"$tmp/$n.1.err"
	st=$?
	grep "state saved" "$tmp/$n.1.err"
	echo "first run: status $st"
	test $st = 137 || return 1
	env -u KH_FETCH_KILL_AFTER_SAVE $F --state "$tmp/$n.state" \
	    --changed-only "$@" <"$tmp/$n.in" >"$tmp/$n.2" 2>"$tmp/$n.2.err"
	once "$n" "$tmp/$n.1" "$tmp/$n.2"
}

t_ring() {
	{
		echo "$u/slow?ms=3000"
		for k in $(seq 20); do echo "$u2/page/k$k"; done
	} >"$tmp/ring.in"
	KH_FETCH_STATE_EVERY=0.5 KH_FETCH_KILL_AFTER_SAVE=1 crash ring -k
}
check "-k, a slow page first: killed after a save, no page lost" t_ring

t_buffered() {
	for k in $(seq 60); do echo "$u/page/b$k?ms=20"; done >"$tmp/buf.in"
	KH_FETCH_STATE_EVERY=0.2 KH_FETCH_KILL_AFTER_SAVE=1 crash buf
}
check "records in stdout's buffer at a save: killed after it, none lost" \
    t_buffered

t_final() {
	for k in $(seq 40); do echo "$u/page/f$k"; done >"$tmp/fin.in"
	KH_FETCH_KILL_AFTER_SAVE=1 crash fin
}
check "killed right after the final save: none lost" t_final

t_term() {
	for k in $(seq 16); do echo "$u/page/t$k?ms=150"; done >"$tmp/term.in"
	{ cat "$tmp/term.in"; sleep 4; } |
	    KH_FETCH_KILL_AFTER_SAVE=1 $F --state "$tmp/term.state" -v \
	    --per-host 2 >"$tmp/term.1" 2>"$tmp/term.1.err" &
	pid=$!
	sleep 1
	kill -TERM $pid
	wait $pid
	grep "state saved" "$tmp/term.1.err"
	$F --state "$tmp/term.state" --changed-only <"$tmp/term.in" \
	    >"$tmp/term.2" 2>"$tmp/term.2.err"
	once term "$tmp/term.1" "$tmp/term.2"
}
check "killed right after the save on SIGTERM: none lost" t_term

# 100 runs over the same pages, each killed with kill -9: every fourth
# right after a save (by the hook), the others at a random moment; -k in
# every other run.  Then one run to the end.  The state file is whole
# after every kill (its lines pass validate: a url and an RFC 3339
# fetched_at each); every page comes out; and a page written before a
# run's last save ("--state saved after N records written": the first
# N lines of its output) never comes out again.  Pages written after
# that save may come again: the state cannot know of them (at least
# once, as a crash must be).
t_loop() {
	hosts="$u http://h3.test:$port http://h4.test:$port"
	for k in $(seq 30); do
		for h in $hosts; do
			echo "$h/page/L$k?ms=$((k * 37 % 40 + 5))"
		done
	done >"$tmp/loop.in"
	st=$tmp/loop.state
	i=0
	while [ $i -lt 100 ]; do
		i=$((i + 1))
		k=
		[ $((i % 2)) = 0 ] && k=-k
		if [ $((i % 4)) = 0 ]; then
			KH_FETCH_STATE_EVERY=0.1 \
			    KH_FETCH_KILL_AFTER_SAVE=$((i % 3 + 1)) \
			    $F -j 6 --per-host 2 --state "$st" --changed-only \
			    -v $k <"$tmp/loop.in" >"$tmp/loop.$i" \
			    2>"$tmp/loop.$i.err"
		else
			KH_FETCH_STATE_EVERY=0.1 $F -j 6 --per-host 2 \
			    --state "$st" --changed-only -v $k \
			    <"$tmp/loop.in" >"$tmp/loop.$i" \
			    2>"$tmp/loop.$i.err" &
			pid=$!
			sleep "$(awk -v s=$i 'BEGIN { srand(s); print rand() * 0.5 }')"
			kill -9 $pid 2>/dev/null
			wait $pid 2>/dev/null
		fi
		[ -e "$st" ] && cp "$st" "$tmp/state.$i"
		test "$(ls "$st".tmp* 2>/dev/null | wc -l)" -le 1 || {
			echo "run $i: temporary files left: $(ls "$st".tmp*)"
			return 1
		}
	done
	validate "$tmp"/state.* >/dev/null || {
		echo "a state file left by a kill is not whole"
		return 1
	}
	$F -j 6 --state "$st" --changed-only <"$tmp/loop.in" \
	    >"$tmp/loop.last" 2>"$tmp/loop.last.err" || return 1
	python3 - "$tmp" <<'PY'
import json, re, sys
tmp = sys.argv[1]
want = [l.strip() for l in open(tmp + "/loop.in")]
seen = {}
before_save = {}	# url -> the run that wrote it before a save
dup = 0
for i in list(range(1, 101)) + ["last"]:
    data = open("%s/loop.%s" % (tmp, i), encoding="utf-8").read()
    lines = data.split("\n")[:-1]
    err = open("%s/loop.%s.err" % (tmp, i), errors="replace").read()
    saved = [int(n) for n in
             re.findall(r"--state saved after (\d+) records", err)]
    n = saved[-1] if saved else 0
    for j, l in enumerate(lines):
        url = json.loads(l)["url"]
        if url in before_save:
            sys.exit("run %s wrote %s again, written before a save by "
                     "run %s" % (i, url, before_save[url]))
        if url in seen:
            dup += 1
        seen[url] = i
        if j < n:
            before_save[url] = i
missing = [u for u in want if u not in seen]
print("pages: %d, seen: %d, missing: %d, again after a crash: %d"
      % (len(want), len(seen), len(missing), dup))
sys.exit(1 if missing else 0)
PY
}
check "100 runs killed at random and after saves: the state stays whole, no page lost" \
    t_loop

done_testing

#!/bin/sh
# The sample news site (tests/site): its files are make.py's and agree
# with expected.json, and server.py serves them as tests/site/README.md
# says: first state, then the second (update/) turned on by SIGUSR1 on
# the same port.
. "$(dirname "$0")/lib.sh"
plan 6

site=$here/site
check "site: the files are make.py's" python3 "$site/make.py" --check
check "site: the files agree with expected.json" \
    python3 "$site/check.py" files

python3 "$site/server.py" --port-file "$tmp/port" --log "$tmp/log" \
    --overlay "$site/update" --overlay-later 2>"$tmp/server.err" &
srv=$!
trap 'kill $srv 2>/dev/null; cleanup' EXIT
wait_for test -s "$tmp/port"
port=$(cat "$tmp/port" 2>/dev/null)

check "site: the first state is served" \
    python3 "$site/check.py" served "${port:-0}"

kill -USR1 $srv
wait_for grep -q '"event": "overlay"' "$tmp/log"
check "site: SIGUSR1 serves the second state" \
    python3 "$site/check.py" updated "${port:-0}"

kill $srv
wait $srv
check "site: the server stops on SIGTERM, exit 0" test $? -eq 0
check "site: the server said nothing on stderr" \
    same "$tmp/server.err" /dev/null
trap cleanup EXIT
done_testing

# fetch-lib.sh: sourced by the fetch tests after lib.sh.
#   serve SCRIPT ARGS...   start tests/SCRIPT (a test server on 127.0.0.x)
#   expect FILE EXPR...    Python expressions over FILE's records

# serve SCRIPT ARGS...: start the server, wait for its port file, set
# $port; every server started is stopped by its PID at exit.
servers=
serve() {
	sv=$1
	svn=$(basename "$sv")
	shift
	python3 "$here/$sv" --port-file "$tmp/$svn.port" "$@" \
	    2>"$tmp/$svn.err" &
	servers="$servers $!"
	trap 'kill $servers 2>/dev/null; cleanup' EXIT
	i=0
	while [ ! -s "$tmp/$svn.port" ]; do
		i=$((i + 1))
		if [ $i -gt 200 ]; then
			echo "Bail out! $sv did not start"
			cat "$tmp/$svn.err"
			exit 1
		fi
		sleep 0.1
	done
	port=$(cat "$tmp/$svn.port")
}

# expect FILE PYTHON-EXPR...: each expression holds over the records of
# FILE (recs, a list; r, the first; by, records keyed by url path; bq,
# by what follows the host (path and query, no leading slash); log,
# the server's log lines of FILE.log when there is one; st, the status
# in FILE.st; err, the text of FILE.err; from stream: at, the time each
# record came keyed by its url, elapsed and rss).
expect() {
	f=$1
	shift
	python3 - "$f" "$@" <<'PY'
import json, sys, urllib.parse
f = sys.argv[1]
recs = [json.loads(l) for l in open(f, encoding="utf-8", errors="replace")]
r = recs[0] if recs else {}
by = {urllib.parse.urlsplit(x["url"]).path: x for x in recs}
bq = {x["url"].split("/", 3)[3]: x for x in recs if x["url"].count("/") > 2}
def text(name, default=""):
    try:
        return open(name, errors="replace").read()
    except OSError:
        return default
log = [json.loads(l) for l in text(f + ".log").splitlines()]
st = text(f + ".st", "-1").strip()
err = text(f + ".err")
at = dict(zip((x["url"] for x in recs),
              map(float, text(f + ".t").split())))
elapsed = float(text(f + ".time", "0"))
rss = int(text(f + ".rss", "0"))
for e in sys.argv[2:]:
    if not eval(e):
        print("failed:", e)
        for x in recs:
            print("%.3f" % at.get(x["url"], -1), json.dumps(
                {k: (v[:80] if isinstance(v, str) else v)
                 for k, v in x.items() if k != "url"}, ensure_ascii=False))
        print(err[-2000:])
        sys.exit(1)
PY
}

# stream NAME LIMIT CMD... < input: run CMD, reading its output as a
# reader does, line by line as it comes.  Writes $tmp/NAME (the
# records), NAME.t (when each came, seconds from the start), NAME.st
# (the exit status; 137 when killed after LIMIT seconds), NAME.err,
# NAME.time (seconds in all) and NAME.rss (the peak RSS in KiB).
stream() {
	[ -f "$tmp/stream.py" ] || cat >"$tmp/stream.py" <<'PY'
import os, resource, select, signal, subprocess, sys, time
out, limit, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
err = open(out + ".err", "wb")
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
recs, times, buf = open(out, "wb"), open(out + ".t", "w"), b""
fd = p.stdout.fileno()
while True:
    left = start + limit - time.monotonic()
    if left <= 0:
        p.kill()
        break
    r, _, _ = select.select([fd], [], [], left)
    if not r:
        continue
    d = os.read(fd, 1 << 20)
    if not d:
        break
    buf += d
    while b"\n" in buf:
        line, buf = buf.split(b"\n", 1)
        recs.write(line + b"\n")
        times.write("%.3f\n" % (time.monotonic() - start))
_, status, ru = os.wait4(p.pid, 0)
code = os.waitstatus_to_exitcode(status)
open(out + ".st", "w").write("%d\n" % (128 - code if code < 0 else code))
open(out + ".time", "w").write("%.3f\n" % (time.monotonic() - start))
open(out + ".rss", "w").write("%d\n" % ru.ru_maxrss)
PY
	sn=$1
	shift
	python3 "$tmp/stream.py" "$tmp/$sn" "$@"
}

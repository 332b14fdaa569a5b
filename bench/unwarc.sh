#!/bin/sh
# unwarc.sh [-n runs]: the speed of unwarc on a WARC.gz of real pages.
#
# Writes bench/out/zyte.warc.gz (gitignored): the Zyte benchmark's
# pages (../shared/data/zyte, through bench/zyte-records.py) as WARC
# response records, one gzip member each as crawlers write them (zlib
# level 6, text/html in UTF-8), repeated under other URLs up to 100 MB
# or more of compressed input; then, median of -n runs (default 5),
# zcat of the file (inflating it is the least any reader must do: the
# limit) and unwarc -q, one after the other in each round so that both
# see the machine alike.  MB/s are of the WARC.gz input, by CPU seconds
# (user + system) of the process, steadier than wall time on a shared
# machine; wall time is shown too.  The target: 200 MB/s of WARC.gz on
# one core.  UNWARC=path times another build.  Exit 0 when the
# benchmark ran (or ../shared is absent: skipped), 1 when a command
# failed, 2 for usage errors or missing tools.
set -eu

prog=unwarc.sh
runs=5

usage() {
	echo "usage: $prog [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
only_runs "$@"
find_shared
need_tools python3 zcat /usr/bin/time

unwarc=${UNWARC:-bin/unwarc}
if [ -z "${UNWARC:-}" ]; then
	${MAKE:-make} -s bin/unwarc >&2 || die "make failed"
fi
mkdir -p bench/out
warc=bench/out/zyte.warc.gz
if [ ! -s $warc ] || [ ! $warc -nt "$script" ]; then
	echo "$prog: generating $warc" >&2
	python3 bench/zyte-records.py "$shared/data/zyte" |
	python3 -c '
import gzip, json, sys, zlib
pages = [json.loads(l) for l in sys.stdin]
out, size, rep = open(sys.argv[1], "wb"), 0, 0
def member(b):
    z = zlib.compressobj(6, zlib.DEFLATED, 31)
    return z.compress(b) + z.flush()
while size < 100 << 20:
    for p in pages:
        url = p["url"] + ("#" if "#" in p["url"] else "") + ("" if rep == 0 else "?rep=%d" % rep)
        body = p["html"].encode()
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: %d\r\n\r\n" % len(body)) + body
        head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
                "WARC-Date: 2024-08-17T05:46:03Z\r\n"
                "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                "Content-Length: %d\r\n\r\n" % (url, size, len(http))).encode()
        m = member(head + http + b"\r\n\r\n")
        out.write(m)
        size += len(m)
    rep += 1
' "$warc.tmp" || die "cannot write $warc"
	mv "$warc.tmp" $warc
fi
mb=$(python3 -c "import os; print(os.path.getsize('$warc') / 1e6)")
records=$(zcat $warc | grep -ac '^WARC-Type: response')

# timeit CMD...: "cpu wall" seconds of one run, output to /dev/null.
timeit() {
	/usr/bin/time -f '%U %S %e' "$@" 2>&1 >/dev/null | tail -1 |
	    awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }'
}
: >bench/out/unwarc.times
i=0
while [ $i -lt "$runs" ]; do
	z=$(timeit zcat $warc) || die "zcat failed"
	u=$(timeit "$unwarc" -q $warc) || die "unwarc failed"
	echo "$z $u" >>bench/out/unwarc.times
	i=$((i + 1))
done
"$unwarc" -q $warc | wc -l | {
	read -r n
	[ "$n" -eq "$records" ] || die "unwarc wrote $n records of $records"
}
python3 - "$mb" "$records" bench/out/unwarc.times <<'PY'
import statistics, sys
mb, recs = float(sys.argv[1]), int(sys.argv[2])
rows = [list(map(float, l.split())) for l in open(sys.argv[3])]
med = lambda i: statistics.median(r[i] for r in rows)
zc, zw, uc, uw = med(0), med(1), med(2), med(3)
print("input: %.1f MB of WARC.gz, %d response records; median of %d runs"
      % (mb, recs, len(rows)))
print("zcat    %6.1f MB/s cpu (%.2f s), %6.1f MB/s wall" % (mb / zc, zc, mb / zw))
print("unwarc  %6.1f MB/s cpu (%.2f s), %6.1f MB/s wall, %.0f pages/s"
      % (mb / uc, uc, mb / uw, recs / uc))
print("unwarc / zcat: %.2f of zcat's speed (cpu); target 200 MB/s: %s"
      % (zc / uc, "met" if mb / uc >= 200 else "not met"))
PY

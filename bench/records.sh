#!/bin/sh
# records.sh [-n runs] [-s MB]: the record-layer benchmark.
#
# Builds a JSON Lines file of page-carrying records ({"url", "html"}) from
# ../shared/data/zyte/html/*.html.gz, then times cat, jq -c ., passthru
# (the record layer alone) and validate over it: median wall time of
# -n runs each, as MB/s (10^6 bytes).  The target is passthru at 4x jq
# or better.  Max RSS of passthru and validate on the whole file and on
# its first tenth shows that memory does not grow with the records.
#
# The generated files are cached in bench/out/ (gitignored) while they
# are newer than this script.  KH_SHARED names the shared folder if it is
# not ../shared next to the repository.
#
# Exit 0 when the benchmark ran (whatever the figures) or was skipped for
# want of ../shared, 1 when a command failed or validate rejected a
# generated record, 2 for usage errors or missing tools.
set -eu

prog=records.sh
runs=5
size=100

usage() {
	echo "usage: $prog [-n runs] [-s MB]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"

while getopts n:s: c; do
	case $c in
	n) posint "$OPTARG"; runs=$OPTARG ;;
	s) posint "$OPTARG"; size=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

find_shared
need_tools python3 jq /usr/bin/time

passthru=build/opt/bin/passthru
validate=bin/validate
if [ ! -x "$passthru" ] || [ ! -x "$validate" ]; then
	echo "$prog: building with make" >&2
	${MAKE:-make} >&2 || die "make failed"
fi

# --- the input -----------------------------------------------------------
mkdir -p bench/out
file=bench/out/records-${size}MB.jsonl
tenth=bench/out/records-${size}MB.tenth.jsonl

if [ ! -s "$file" ] || [ ! "$file" -nt "$script" ]; then
	echo "$prog: generating $file from $shared/data/zyte/html" >&2
	python3 - "$shared/data/zyte/html" "$size" "$file.tmp" <<'EOF'
import glob, gzip, json, os, sys

src, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = sorted(glob.glob(os.path.join(src, "*.html.gz")))
if not pages:
    sys.exit("records.sh: no *.html.gz in " + src)
# Pages need not be UTF-8: decode with U+FFFD for bad bytes, so every
# record is valid JSON text in UTF-8.
docs = []
for p in pages:
    with gzip.open(p, "rb") as f:
        html = f.read().decode("utf-8", errors="replace")
    docs.append((os.path.basename(p)[:-len(".html.gz")], html))
want, done, n = mb * 1000 * 1000, 0, 0
with open(out, "w", encoding="utf-8", newline="\n") as f:
    while done < want:
        for pid, html in docs:
            line = json.dumps({"url": "https://bench.invalid/%s/%d" %
                               (pid, n), "html": html},
                              ensure_ascii=False,
                              separators=(",", ":")) + "\n"
            f.write(line)
            done += len(line.encode("utf-8"))
            if done >= want:
                break
        n += 1
EOF
	mv "$file.tmp" "$file"
fi
if [ ! -s "$tenth" ] || [ ! "$tenth" -nt "$file" ]; then
	lines=$(wc -l < "$file")
	head -n $((lines / 10)) "$file" > "$tenth.tmp"
	mv "$tenth.tmp" "$tenth"
fi

# Every generated record must pass, or the timings compare unlike work.
err=bench/out/validate.err
if ! "$validate" "$file" > /dev/null 2> "$err"; then
	echo "$prog: validate rejected generated records:" >&2
	head -n 10 "$err" >&2
	die "stopping: the input is not what the benchmark assumes"
fi

# --- memory ----------------------------------------------------------------
rss() {	# rss FILE COMMAND...: max RSS in KiB, output to /dev/null
	_f=$1
	shift
	/usr/bin/time -f %M -o bench/out/rss.txt "$@" "$_f" > /dev/null ||
		die "$* $_f failed"
	tail -n 1 bench/out/rss.txt
}
echo "$prog: measuring memory" >&2
rss_p_full=$(rss "$file" "$passthru")
rss_p_tenth=$(rss "$tenth" "$passthru")
rss_v_full=$(rss "$file" "$validate")
rss_v_tenth=$(rss "$tenth" "$validate")

# --- time --------------------------------------------------------------------
echo "$prog: timing, $runs runs each" >&2
python3 - "$file" "$runs" "$passthru" "$validate" \
    "$rss_p_full" "$rss_p_tenth" "$rss_v_full" "$rss_v_tenth" <<'EOF'
import os, statistics, subprocess, sys, time

file, runs, passthru, validate = sys.argv[1], int(sys.argv[2]), \
    sys.argv[3], sys.argv[4]
rss = [int(x) / 1024 for x in sys.argv[5:9]]
cmds = [
    ("cat", ["cat", file]),
    ("jq -c .", ["jq", "-c", ".", file]),
    ("passthru", [passthru, file]),
    ("validate", [validate, file]),
]
size = os.path.getsize(file)
with open(file, "rb") as f:
    records = sum(1 for _ in f)

# One untimed pass puts the file in the page cache.
subprocess.run(["cat", file], stdout=subprocess.DEVNULL, check=True)
times = {name: [] for name, _ in cmds}
for _ in range(runs):
    # Round robin, so a drift in machine load hits every command alike.
    for name, argv in cmds:
        t0 = time.perf_counter()
        r = subprocess.run(argv, stdout=subprocess.DEVNULL)
        t = time.perf_counter() - t0
        if r.returncode != 0:
            sys.exit("records.sh: %s exited %d" % (" ".join(argv),
                                                   r.returncode))
        times[name].append(t)

med = {n: statistics.median(ts) for n, ts in times.items()}
mbs = {n: size / 1e6 / med[n] for n in med}
print("%s: %.1f MB, %d records, median of %d runs" %
      (os.path.basename(file), size / 1e6, records, runs))
print("%-12s %10s %10s" % ("command", "MB/s", "median s"))
for name, _ in cmds:
    print("%-12s %10.1f %10.3f" % (name, mbs[name], med[name]))
pj = mbs["passthru"] / mbs["jq -c ."]
vj = mbs["validate"] / mbs["jq -c ."]
print("%-12s %10.2f   target >= 4.00: %s" %
      ("passthru/jq", pj, "PASS" if pj >= 4 else "FAIL"))
print("%-12s %10.2f" % ("validate/jq", vj))
print("%-12s %10s %10s" % ("max RSS MiB", "full", "1/10"))
print("%-12s %10.1f %10.1f" % ("passthru", rss[0], rss[1]))
print("%-12s %10.1f %10.1f" % ("validate", rss[2], rss[3]))
EOF

#!/bin/sh
# store.sh [-gs] [-n runs]: the archive benchmark.
#
# Builds a JSON Lines file of the 181 pages of ../shared/data/zyte/html,
# each page's record as clean --keep-html leaves it (the raw html plus
# text, title, dates...), then times store -o at the default level and
# at --level 19 against zstd -3, -19, -3 --long=27 and gzip per record
# (WARC style, in python): median wall time of -n runs, as MB/s (10^6
# bytes) and ratio (input over output; for store the .zst, .idx and the
# dictionary, and the .zst alone).  Targets: store's ratio >= zstd -3's
# at >= 0.8x its speed; store --level 19's ratio >= 0.95x zstd -19's.
# Then store get over 1000 urls drawn with a fixed seed: in one running
# `store get ARCHIVE -` (a url written, its record read back; median,
# p99; target: median under 1 ms), timed by a client in C (getlat) and
# by one in python, and a process each, beside what starting a process
# costs here (/bin/true, store --version).
# Unless -s, store and zstd again on near duplicates (6 variants of each
# of the first 60 pages), where a dictionary or long window pays off.
# Then lookups on archives of 1k, 500k and 1M records (bench/
# store-get.py says what and how; alone with -g, which needs no
# ../shared).
#
# The generated files are cached in bench/out/ (gitignored) while they
# are newer than this script.  KH_SHARED names the shared folder if it is
# not ../shared next to the repository.
#
# Exit 0 when the benchmark ran (whatever the figures, PASS or FAIL) or
# was skipped for want of ../shared, 1 when a command failed or an
# archive did not give back its input, 2 for usage errors or missing tools.
set -eu

prog=store.sh
runs=5
variants=1

usage() {
	echo "usage: $prog [-gs] [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"

lookups_only=0
while getopts gn:s c; do
	case $c in
	g) lookups_only=1 ;;
	n) posint "$OPTARG"; runs=$OPTARG ;;
	s) variants=0 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

if [ "$lookups_only" -eq 1 ]; then
	cd "$(dirname "$0")/.." || exit 2
	need_tools python3
	[ -x bin/store ] || ${MAKE:-make} bin/store >&2 || die "make failed"
	mkdir -p bench/out
	echo "$prog: lookups, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
	exec python3 bench/store-get.py bin/store "$runs"
fi

find_shared
need_tools python3 zstd

store=bin/store
getlat=build/opt/bin/getlat
if [ ! -x "$store" ] || [ ! -x bin/clean ] || [ ! -x "$getlat" ]; then
	echo "$prog: building with make" >&2
	${MAKE:-make} >&2 || die "make failed"
fi

# --- the input -----------------------------------------------------------
mkdir -p bench/out
file=bench/out/store-zyte.jsonl
vfile=bench/out/store-variants.jsonl

gen() {	# gen FILE MODE: MODE is pages (each page once) or variants
	[ -s "$1" ] && [ "$1" -nt "$script" ] && return 0
	echo "$prog: generating $1 from $shared/data/zyte/html" >&2
	python3 - "$shared/data/zyte/html" "$2" "$1.tmp" <<'EOF'
import glob, gzip, json, os, re, sys

src, mode, out = sys.argv[1:4]
pages = sorted(glob.glob(os.path.join(src, "*.html.gz")))
if not pages:
    sys.exit("store.sh: no *.html.gz in " + src)
if mode == "variants":
    pages = pages[:60]
# Pages need not be UTF-8: decode with U+FFFD for bad bytes, so every
# record is valid JSON text in UTF-8.
# Variant-major, as a crawler revisits a site: the 6 versions of a page
# lie ~11 MB apart, beyond zstd -3's window.  Version v bumps the first
# 40 numbers of the page by v and stamps its own date.
import subprocess
f = open(out, "w", encoding="utf-8", newline="\n")
if mode == "pages":	# what clean makes of each, html kept
    clean = subprocess.Popen(["bin/clean", "--keep-html"], text=True,
                             encoding="utf-8", stdin=subprocess.PIPE,
                             stdout=f)
    f = clean.stdin
with f:
    for v in range(1 if mode == "pages" else 6):
        for p in pages:
            with gzip.open(p, "rb") as g:
                html = g.read().decode("utf-8", errors="replace")
            pid = os.path.basename(p)[:-len(".html.gz")]
            r = {"url": "https://zyte.example/" + pid,
                 "fetched_at": "2024-08-17T05:50:12Z", "html": html}
            if mode == "variants":
                html = re.sub(r"\d{1,9}", lambda m: str(int(m.group()) + v),
                              html, count=40)
                r = {"url": r["url"] + "?v=%d" % v,
                     "fetched_at": "2024-08-17T05:5%d:12Z" % v,
                     "html": html.replace("</body>", "<!-- 2024-08-%02d -->"
                                          "\n</body>" % (17 + v), 1)}
            f.write(json.dumps(r, ensure_ascii=False,
                               separators=(",", ":")) + "\n")
if mode == "pages" and clean.wait() != 0:
    sys.exit("store.sh: bin/clean failed")
EOF
	mv "$1.tmp" "$1"
}
gen "$file" pages
[ "$variants" -eq 0 ] || gen "$vfile" variants

# --- time ------------------------------------------------------------------
echo "$prog: timing, $runs runs each" >&2
python3 - "$runs" "$store" "$file" "$vfile" "$variants" "$getlat" <<'EOF'
import hashlib, json, os, random, statistics, subprocess, sys, time, zlib

runs, store, file, vfile = int(sys.argv[1]), *sys.argv[2:5]
variants, out, W = sys.argv[5] == "1", "bench/out/store-", 24
getlat = sys.argv[6]

def fail(msg):
    sys.exit("store.sh: " + msg)

def run(argv, stdout=subprocess.DEVNULL):
    r = subprocess.run(argv, stdout=stdout)
    if r.returncode != 0:
        fail("%s exited %d" % (" ".join(argv), r.returncode))

def gzip_records(src, dst):
    # WARC style: one gzip member per record, so each can be read alone.
    with open(src, "rb") as f, open(dst, "wb") as o:
        for line in f:
            c = zlib.compressobj(6, zlib.DEFLATED, 31)
            o.write(c.compress(line) + c.flush())

def time_one(kind, argv, dst):
    for p in (dst, dst + ".idx", dst + ".lock", dst + ".dict"):
        if os.path.exists(p):	# store appends: start from nothing
            os.unlink(p)
    t0 = time.perf_counter()
    if kind == "py":
        argv(dst)
    elif kind == "store":
        run(argv)
    else:
        with open(dst, "wb") as o:
            run(argv, stdout=o)
    return time.perf_counter() - t0

def line(name, *cols):
    print(("%-*s" % (W, name) + "".join(" %9s" % c for c in cols)).rstrip())

def compress(src, cmds):
    # cmds: (name, kind, argv or function, output).  Round robin, so a
    # drift in machine load hits every command alike.
    subprocess.run(["cat", src], stdout=subprocess.DEVNULL, check=True)
    times = {c[0]: [] for c in cmds}
    for _ in range(runs):
        for name, kind, argv, dst in cmds:
            times[name].append(time_one(kind, argv, dst))
    size = os.path.getsize(src)
    with open(src, "rb") as f:
        records = sum(1 for _ in f)
    print("%s: %.1f MB, %d records, median of %d runs" %
          (os.path.basename(src), size / 1e6, records, runs))
    line("command", "MB/s", "median s", "ratio", "data only")
    res = {}
    for name, kind, argv, dst in cmds:
        t, data = statistics.median(times[name]), os.path.getsize(dst)
        idx = dict_size = 0
        if kind == "store":
            idx = os.path.getsize(dst + ".idx")
            if os.path.exists(dst + ".dict"):
                dict_size = os.path.getsize(dst + ".dict")
        res[name] = (size / 1e6 / t, size / (data + idx + dict_size))
        line(name, "%.1f" % res[name][0], "%.3f" % t, "%.3f" % res[name][1],
             "%.3f" % (size / data) if kind == "store" else "")
    a = cmds[0][3]
    if os.path.exists(a + ".dict"):
        print("(store's ratio counts its index, %d bytes, and its "
              "dictionary, %d bytes)" % (os.path.getsize(a + ".idx"),
                                         os.path.getsize(a + ".dict")))
    # The archive must give back its input, byte for byte, to zstd.
    d = ["-D", a + ".dict"] if os.path.exists(a + ".dict") else []
    got = subprocess.run(["zstd", "-dc"] + d + [a], stdout=subprocess.PIPE,
                         check=True).stdout
    with open(src, "rb") as f:
        if hashlib.sha256(got).digest() != hashlib.sha256(f.read()).digest():
            fail("zstd -dc %s differs from %s" % (a, src))
    return res

def target(label, value, goal):
    line(label, "%.2f" % value, "target >= %.2f: %s" %
         (goal, "PASS" if value >= goal else "FAIL"))

def zcmds(src, tag, full):
    a = out + tag
    c = [("store", "store", [store, "-o", a + ".zst", src], a + ".zst"),
         ("store --level 19", "store",
          [store, "--level", "19", "-o", a + "19.zst", src], a + "19.zst"),
         ("zstd -3", "zstd", ["zstd", "-q", "-3", "-c", src], a + ".z3"),
         ("zstd -19", "zstd", ["zstd", "-q", "-19", "-c", src], a + ".z19"),
         ("zstd -3 --long=27", "zstd",
          ["zstd", "-q", "-3", "--long=27", "-c", src], a + ".zlong"),
         ("gzip/record (python)", "py", lambda d: gzip_records(src, d),
          a + ".warc.gz")]
    # The near-duplicate corpus skips the slow and the reference ones.
    return c if full else [x for x in c if x[0] in
                           ("store", "zstd -3", "zstd -3 --long=27")]

# --- compression ---
r = compress(file, zcmds(file, "zyte", True))
target("store/zstd -3 ratio", r["store"][1] / r["zstd -3"][1], 1.0)
target("store/zstd -3 speed", r["store"][0] / r["zstd -3"][0], 0.8)
target("store 19/zstd -19 ratio",
       r["store --level 19"][1] / r["zstd -19"][1], 0.95)

# --- get ---
arc = out + "zyte.zst"
with open(file, "rb") as f:
    urls = [json.loads(l)["url"] for l in f]
# 181 urls, so 1000 draws repeat some; a fixed seed draws the same ones.
picks = random.Random(1).choices(urls, k=1000)

def ms(argv, stdout=subprocess.DEVNULL):
    t0 = time.perf_counter()
    run(argv, stdout)
    return (time.perf_counter() - t0) * 1000

def served():
    # One store get reading urls on stdin: the time from writing a url
    # to reading its record back, each checked.
    p = subprocess.Popen([store, "get", arc, "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE)
    t = []
    for u in picks:
        t0 = time.perf_counter()
        p.stdin.write(u.encode() + b"\n")
        p.stdin.flush()
        rec = p.stdout.readline()
        t.append((time.perf_counter() - t0) * 1000)
        if json.loads(rec)["url"] != u:
            fail("store get - gave another record for " + u)
    p.stdin.close()
    if p.wait() != 0:
        fail("store get - exited %d" % p.returncode)
    return sorted(t)

def served_c():
    # The same through getlat, a client in C: python's readline costs
    # about half a millisecond of its own on a record of 124 KB.
    r = subprocess.run([getlat, store, arc, urlfile], check=True,
                       stdout=subprocess.PIPE, text=True).stdout.split()
    if r[0] != "n" or r[1] != str(len(picks)):
        fail("getlat: " + " ".join(r))
    return float(r[3]), float(r[5])

urlfile = out + "get-urls.txt"
with open(urlfile, "w") as f:
    f.write("".join(u + "\n" for u in picks))
served_runs, c_runs = [], []
for _ in range(runs):	# alternately, so that load hits both alike
    served_runs.append(served())
    c_runs.append(served_c())
once = sorted(ms([store, "get", arc, u]) for u in picks)
boot = [ms([store, "--version"]) for _ in range(200)]
true = [ms(["/bin/true"]) for _ in range(200)]
# the median over the runs of each run's median and p99
med = statistics.median(m for m, _ in c_runs)
p99 = statistics.median(p for _, p in c_runs)
py_med = statistics.median(statistics.median(t) for t in served_runs)
py_p99 = statistics.median(t[989] for t in served_runs)
print()
print("store get, 1000 urls of %d (seed 1), ms" % len(urls))
line("", "median", "p99")
line("get -, url to record", "%.3f" % med, "%.3f" % p99)
line("  python client", "%.3f" % py_med, "%.3f" % py_p99)
line("get, a process each", "%.3f" % statistics.median(once),
     "%.3f" % once[989])
line("  /bin/true", "%.3f" % statistics.median(true))
line("  store --version", "%.3f" % statistics.median(boot))
line("get median", "%.3f" % med,
     "target < 1.00: %s" % ("PASS" if med < 1 else "FAIL"))

# --- near duplicates ---
if variants:
    print()
    r = compress(vfile, zcmds(vfile, "var", False))
    line("store/zstd -3 ratio", "%.2f" % (r["store"][1] / r["zstd -3"][1]))
    line("store/zstd -3 speed", "%.2f" % (r["store"][0] / r["zstd -3"][0]))
EOF
echo "$prog: lookups, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 bench/store-get.py "$store" "$runs"

#!/bin/sh
# tag.sh [-n runs]: the speed of tag.
#
# Builds a file of the five seed pages of ../shared/data/seeds (title,
# body lines as text, published) repeated to 50 MB of text at least, and
# times bin/tag over it (dates and entities, then each alone): the
# median wall time of -n runs (5), as MB/s of text (10^6 bytes of title
# and text).  In the same run Debian's python3-dateparser search_dates
# (languages bn and en) reads records of the same file for ten seconds:
# at its speed 50 MB would take hours, and MB/s is what is compared.
# Then the start-up cost (a one-record input, median of 21 runs, with
# and without the entity model and gazetteers), and the largest RSS
# over 1,000 and 10,000 records.  Targets: >= 20 MB/s, >= 50x
# dateparser, model load < 50 ms, memory flat.
#
# The input is cached in bench/out/ while newer than this script.
# Exit 0 when the benchmark ran (PASS or FAIL), or was skipped for want
# of ../shared; 1 when a command failed; 2 for usage errors.
set -eu

prog=tag.sh
runs=5

usage() {
	echo "usage: $prog [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
only_runs "$@"

find_shared
need_tools python3
[ -x bin/tag ] || status=2 die "bin/tag not built (make)"
mkdir -p bench/out
file=bench/out/tag-50MB.jsonl
if [ ! -s "$file" ] || [ "$script" -nt "$file" ]; then
	python3 - "$shared/data/seeds/body.jsonl" "$file" <<'PY'
import json, sys
recs, size = [], []
for l in open(sys.argv[1], encoding="utf-8"):
    b = json.loads(l)
    r = {"url": "file:///seeds/" + b["seed"], "title": b["title"] or "",
         "text": "\n".join(b["body_lines"])}
    if b.get("published"):
        r["published"] = b["published"].replace(" ", "T")[:19]
    recs.append(json.dumps(r, ensure_ascii=False))
    size.append(len(r["title"].encode()) + len(r["text"].encode()))
n, i = 0, 0
with open(sys.argv[2] + ".tmp", "w", encoding="utf-8") as f:
    while n < 50_000_000:
        f.write(recs[i % len(recs)] + "\n")
        n += size[i % len(recs)]
        i += 1
PY
	mv "$file.tmp" "$file"
fi

dp=/usr/bin/python3
"$dp" -c 'import dateparser.search' 2>/dev/null || dp=

python3 - "$runs" "$file" "$dp" <<'PY'
import json, os, statistics, subprocess, sys, time
runs, path, dp = int(sys.argv[1]), sys.argv[2], sys.argv[3]
text = 0
with open(path, encoding="utf-8") as f:
    for l in f:
        r = json.loads(l)
        text += len(r["title"].encode()) + len(r["text"].encode())

def timed(argv, stdin_path, out=subprocess.DEVNULL):
    with open(stdin_path, "rb") as f:
        t0 = time.perf_counter()
        subprocess.run(argv, stdin=f, stdout=out, check=True)
        return time.perf_counter() - t0

rows = []
for name, argv in [("tag", ["bin/tag"]),
                   ("tag --no-dates", ["bin/tag", "--no-dates"]),
                   ("tag --no-entities", ["bin/tag", "--no-entities"])]:
    ts = [timed(argv, path) for _ in range(runs)]
    rows.append((name, text / statistics.median(ts) / 1e6,
                 statistics.median(ts)))

dps = None
if dp:
    code = r'''
import json, sys, time, warnings
warnings.simplefilter("ignore")
from dateparser.search import search_dates
n, t0 = 0, time.perf_counter()
for i, l in enumerate(open(sys.argv[1], encoding="utf-8")):
    r = json.loads(l)
    for k in ("title", "text"):
        search_dates(r[k], languages=["bn", "en"])
        n += len(r[k].encode())
    if time.perf_counter() - t0 > 10 and i >= 4:
        break
print(n, time.perf_counter() - t0)
'''
    out = subprocess.run([dp, "-c", code, path], capture_output=True,
                         text=True, check=True).stdout.split()
    dps = int(out[0]) / float(out[1]) / 1e6
    rows.append(("dateparser search_dates", dps, float(out[1])))

print("tag.sh: %.1f MB of text (%s), median of %d runs" %
      (text / 1e6, path, runs))
print("%-26s %9s %9s %9s" % ("command", "MB/s", "seconds", "x dp"))
for name, mbs, t in rows:
    print("%-26s %9.2f %9.2f %9s" % (name, mbs, t,
          "%.0f" % (mbs / dps) if dps else "-"))
mbs = rows[0][1]
print("speed: %.1f MB/s (target 20) %s" % (mbs, "PASS" if mbs >= 20 else "FAIL"))
if dps:
    print("vs dateparser: %.0fx (target 50x) %s" %
          (mbs / dps, "PASS" if mbs / dps >= 50 else "FAIL"))

one = "bench/out/tag-one.jsonl"
with open(one, "w", encoding="utf-8") as f:
    f.write(json.dumps({"url": "x:1", "text": "ঢাকায় পুতিন"},
                       ensure_ascii=False) + "\n")
full = statistics.median(timed(["bin/tag"], one) for _ in range(21))
bare = statistics.median(timed(["bin/tag", "--no-entities"], one)
                         for _ in range(21))
print("start-up: %.1f ms with the model and gazetteers, %.1f ms without: "
      "load %.1f ms (target < 50) %s" % (full * 1e3, bare * 1e3,
      (full - bare) * 1e3, "PASS" if full - bare < 0.05 else "FAIL"))

def rss(n):
    part = "bench/out/tag-%d.jsonl" % n
    with open(path, encoding="utf-8") as f, open(part, "w", encoding="utf-8") as o:
        for i, l in enumerate(f):
            if i >= n:
                break
            o.write(l)
    r = subprocess.run(["/usr/bin/time", "-f", "%M", "bin/tag", part],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, check=True)
    os.unlink(part)
    return int(r.stderr.split()[-1])
if os.path.exists("/usr/bin/time"):
    a, b = rss(1000), rss(10000)
    print("max RSS: %d KB over 1,000 records, %d KB over 10,000: %s" %
          (a, b, "PASS (flat)" if b < a * 1.1 + 2048 else "FAIL"))
PY

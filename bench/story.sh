#!/bin/sh
# story.sh [-n runs]: the quality and the speed of story.
#
# Quality: builds the gold story set (bench/story-gold.py: the sample
# site's 46 articles, real articles of other outlets from ../shared as
# distractors, syndicated copies and updated versions made from some of
# them) and scores bin/story on it (bench/story-score.py): pairwise
# precision, recall and F1, and B-cubed, on the tuning part and on the
# held-out part.  Target: 0.9 or more (B-cubed F1 and pairwise
# precision, held-out part).
#
# Speed: the gold set 25 times over, each copy 4 days after the one
# before (other URLs), so the window moves as on a long collection;
# the median wall time of -n runs (3) of bin/story, cat and bin/tag over
# the same file, as MB/s of article text (10^6 bytes of title and
# text).  Target: story >= 5 MB/s.  And the largest RSS of story over
# 5 and 25 copies: flat.
#
# Exit 0 when the benchmark ran (PASS or FAIL), or was skipped for want
# of ../shared; 1 when a command failed; 2 for usage errors.
set -eu

prog=story.sh
runs=3

usage() {
	echo "usage: $prog [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
only_runs "$@"

find_shared
need_tools python3
for p in clean tag story; do
	[ -x bin/$p ] || status=2 die "bin/$p not built (make)"
done
mkdir -p bench/out
gold=bench/out/story-gold.jsonl
if [ ! -s "$gold" ] || [ "$script" -nt "$gold" ] ||
    [ bench/story-gold.py -nt "$gold" ]; then
	python3 bench/story-gold.py "$shared" "$gold.tmp"
	mv "$gold.tmp" "$gold"
fi
bin/story -q "$gold" >bench/out/story-gold.out
echo "story.sh: the gold set ($gold)"
python3 bench/story-score.py bench/out/story-gold.out |
    tee bench/out/story-score.txt
awk '$1 == "held-out" { p = $11; bf = $NF }
    END { ok = p >= 0.9 && bf >= 0.9
	printf "quality: held-out pairwise P %.3f, B-cubed F1 %.3f " \
	    "(target 0.9) %s\n", p, bf, ok ? "PASS" : "FAIL" }' \
    bench/out/story-score.txt

python3 - "$runs" "$gold" <<'PY'
import json, os, re, statistics, subprocess, sys, time
from datetime import datetime, timedelta
runs, gold = int(sys.argv[1]), sys.argv[2]
lines = open(gold, encoding="utf-8").read().split("\n")
lines = [l for l in lines if l]
recs = [json.loads(l) for l in lines]

def shifted(copies, path):
    text = 0
    with open(path, "w", encoding="utf-8") as f:
        for c in range(copies):
            for r in recs:
                r = dict(r)
                r["url"] = r["url"] + ("&" if "?" in r["url"] else "?") + \
                    "copy=%d" % c
                for k in ("published", "fetched_at"):
                    if k in r:
                        t = datetime.fromisoformat(r[k].replace("Z", "+00:00"))
                        t += timedelta(days=4 * c)
                        r[k] = t.isoformat().replace("+00:00", "Z") \
                            if k == "fetched_at" else t.isoformat()
                text += len(r.get("title", "").encode()) + \
                    len(r.get("text", "").encode())
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return text

big = "bench/out/story-25.jsonl"
text = shifted(25, big)

def timed(argv):
    with open(big, "rb") as f:
        t0 = time.perf_counter()
        subprocess.run(argv, stdin=f, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - t0

rows = []
for name, argv in [("cat", ["cat"]), ("story", ["bin/story", "-q"]),
                   ("tag", ["bin/tag", "-q", "-j", "1"])]:
    ts = [timed(argv) for _ in range(runs)]
    rows.append((name, text / statistics.median(ts) / 1e6,
                 statistics.median(ts)))
print("story.sh: %.1f MB of text, %d articles (%s), median of %d runs" %
      (text / 1e6, 25 * len(recs), big, runs))
print("%-10s %9s %9s" % ("command", "MB/s", "seconds"))
for name, mbs, t in rows:
    print("%-10s %9.2f %9.2f" % (name, mbs, t))
mbs = rows[1][1]
print("speed: %.1f MB/s (target 5) %s" % (mbs, "PASS" if mbs >= 5 else "FAIL"))

if os.path.exists("/usr/bin/time"):
    small = "bench/out/story-5.jsonl"
    shifted(5, small)
    def rss(p):
        r = subprocess.run(["/usr/bin/time", "-f", "%M", "bin/story", "-q",
                            p], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, check=True)
        return int(r.stderr.split()[-1])
    a, b = rss(small), rss(big)
    print("memory: max RSS %d KiB over 5 copies, %d KiB over 25 %s"
          % (a, b, "PASS" if b <= a * 1.25 else "FAIL"))
    os.unlink(small)
os.unlink(big)
PY

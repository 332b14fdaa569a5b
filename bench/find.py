#!/usr/bin/env python3
"""find.py BIN N RUNS: store find against the anchor a user would
otherwise reach for, `store cat | jq 'select(...)'`, on one archive.

The archive: the 181 Zyte pages through bin/clean | bin/tag (cached in
bench/out/find-tagged.jsonl), repeated with distinct URLs to N records
spread over 365 days, without their html (an archive of articles as
tag writes them, less the page source).  The questions: a rare name (a
norm of one page), a common one (the most frequent norm), the common
one day by day (--by day), and two words of text.  Each is timed
interleaved with its anchor, RUNS times; medians, and the anchor's time
over find's.  Run by bench/find.sh.
"""
import collections
import datetime
import json
import os
import statistics
import subprocess
import sys
import time

BIN, N, RUNS = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
OUT = "bench/out"
STORE = os.path.join(BIN, "store")
NEEDLE = "Ferdousi Khatun"


def tagged():
    path = os.path.join(OUT, "find-tagged.jsonl")
    if not os.path.exists(path):
        zyte = subprocess.run(["python3", "bench/zyte-records.py",
                               os.environ["KH_ZYTE"]], check=True,
                              capture_output=True).stdout
        c = subprocess.run([os.path.join(BIN, "clean"), "-q"], input=zyte,
                           check=True, capture_output=True).stdout
        t = subprocess.run([os.path.join(BIN, "tag"), "-q"], input=c,
                           check=True, capture_output=True).stdout
        with open(path + ".tmp", "wb") as f:
            f.write(t)
        os.replace(path + ".tmp", path)
    return [json.loads(l) for l in open(path, encoding="utf-8")]


def archive(pages):
    arch = os.path.join(OUT, "find-%d" % N)
    if os.path.exists(os.path.join(arch, ".done")):
        return arch
    subprocess.run(["rm", "-rf", arch], check=True)
    day0 = datetime.date(2024, 1, 1)
    p = subprocess.Popen([STORE, "-q", "-o", arch], stdin=subprocess.PIPE)
    for i in range(N):
        r = dict(pages[i % len(pages)])
        r.pop("html", None)
        r.pop("id", None)
        r["url"] = r["url"] + ("&" if "?" in r["url"] else "?") + "n=%d" % i
        d = day0 + datetime.timedelta(days=i * 365 // N)
        r["fetched_at"] = "%sT%02d:%02d:00Z" % (d.isoformat(), i // 60 % 24,
                                                 i % 60)
        if i == N // 2:	# the one record that names NEEDLE
            t = "%s spoke. " % NEEDLE + r.get("text", "")
            r["text"] = t
            r["entities"] = [{"field": "text", "start": 0,
                              "end": len(NEEDLE), "text": NEEDLE,
                              "type": "PER", "norm": NEEDLE}] + [
                dict(e, start=e["start"] + len(NEEDLE) + 8,
                     end=e["end"] + len(NEEDLE) + 8)
                for e in r.get("entities", []) if e["field"] == "text"] + [
                e for e in r.get("entities", []) if e["field"] != "text"]
        p.stdin.write((json.dumps(r, ensure_ascii=False) + "\n").encode())
    p.stdin.close()
    if p.wait() != 0:
        sys.exit("find.py: store -o failed")
    open(os.path.join(arch, ".done"), "w").close()
    return arch


def timed(cmd, shell=False):
    t = time.perf_counter()
    out = subprocess.run(cmd, shell=shell, check=True,
                         capture_output=True).stdout
    return time.perf_counter() - t, out


def main():
    os.makedirs(OUT, exist_ok=True)
    pages = tagged()
    arch = archive(pages)
    norms = collections.Counter()
    for r in pages:
        for n in {e["norm"] for e in r.get("entities", []) if "norm" in e}:
            norms[n] += 1
    common = norms.most_common(1)[0][0]
    rare = sorted(n for n, k in norms.items() if k == 1 and " " in n and
                  n.replace(" ", "").isalpha())[0]
    size = sum(os.path.getsize(os.path.join(arch, f))
               for f in os.listdir(arch))
    zst = " ".join(os.path.join(arch, f) for f in sorted(os.listdir(arch))
                   if f.endswith(".zst"))
    # store cat, not zstd -dc: a text stored once for two records is a
    # reference in the file (docs/records.md), which store puts back
    dec = "%s cat %s" % (STORE, arch)

    def jq_sel(norm):
        return ("%s | jq -c 'select(any(.entities[]?; .norm == %s))' "
                "| wc -l" % (dec, json.dumps(norm)))
    for f in os.listdir(arch):
        if f.endswith(".terms"):
            os.unlink(os.path.join(arch, f))
    t, _ = timed([STORE, "find", "--entity", NEEDLE, "--count", arch])
    isize = sum(os.path.getsize(os.path.join(arch, f))
                for f in os.listdir(arch) if f.endswith(".terms"))
    print("the first find, making the index: %.2f s; index %.1f MB, %.1f%% "
          "of the archive's files" % (t, isize / 1e6, 100 * isize / size))
    questions = [
        ("--entity (one record: %s)" % NEEDLE,
         [STORE, "find", "--entity", NEEDLE, "--count", arch],
         jq_sel(NEEDLE)),
        ("--entity (one page: %s)" % rare,
         [STORE, "find", "--entity", rare, "--count", arch], jq_sel(rare)),
        ("--entity (common: %s)" % common,
         [STORE, "find", "--entity", common, "--count", arch],
         jq_sel(common)),
        ("--entity common --by day",
         [STORE, "find", "--entity", common, "--by", "day", arch],
         "%s | jq -r 'select(any(.entities[]?; .norm == %s)) | "
         "(.published // .fetched_at)[:10]' | sort | uniq -c | wc -l"
         % (dec, json.dumps(common))),
        ("--text 'government minister'",
         [STORE, "find", "--text", "government minister", "--count", arch],
         "%s | jq -c 'select(((.title // \"\") + \" \" + (.text // \"\")) "
         "| test(\"\\\\bgovernment\\\\b\"; \"i\") and "
         "test(\"\\\\bminister\\\\b\"; \"i\"))' | wc -l" % dec),
    ]
    print("archive: %d records, %.1f MB on disk, %d days; load %s; "
          "median of %d runs" % (N, size / 1e6, zst.count(".zst"),
                                 open("/proc/loadavg").read().split()[0],
                                 RUNS))
    print("%-42s %10s %10s %8s %8s" % ("question", "find s", "jq s",
                                        "ratio", "answers"))
    for name, cmd, anchor in questions:
        tf, ta = [], []
        for _ in range(RUNS):
            t, out = timed(cmd)
            tf.append(t)
            t, aout = timed(anchor, shell=True)
            ta.append(t)
        ans = out.decode().strip().splitlines()
        got = ans[0] if len(ans) == 1 else "%d days" % len(ans)
        mf, ma = statistics.median(tf), statistics.median(ta)
        print("%-42s %10.3f %10.3f %7.1fx %8s (jq: %s)" % (
            name[:42], mf, ma, ma / mf, got, aout.decode().strip()))


main()

"""store-get.py STORE RUNS: store's lookups, for bench/store.sh.

Archives of 1,000 records (7 days), 500,000 (365 days) and 1,000,000
(730 days) of small synthetic records, built once with store -o into
bench/out/store-get-N/ (kept while newer than this file), and on each:
store get URL, a process each, for urls drawn over every day (hits) and
urls it lacks (misses), beside /bin/true and store --version run in
turn with them: median and p99 of the wall time, and the median CPU
time of the process (user + system, which the machine's load changes
less); the time `store get ARCHIVE -` takes from its start to its first
answer, and its peak RSS after 2,000 answers; store new over 20,000 url
records (half archived), per url, its time less that of an empty input;
the size of the URL index; and, when valgrind is there, the
instructions each runs (callgrind: user space only, but the same
whatever the load).  Targets: get under 1 ms above /bin/true at 1M
records, a miss as fast; get - first answer under 10 ms.
"""
import datetime
import os
import random
import statistics
import subprocess
import sys
import time

store, runs = sys.argv[1], int(sys.argv[2])
W = 26
WORDS = "dhaka news market rain river court vote bank port rail".split()


def line(name, *cols):
    print(("%-*s" % (W, name) + "".join(" %9s" % c for c in cols)).rstrip())


def url(i):
    return "https://site%d.example/news/%d" % (i % 50, i)


def build(path, n, days):
    stamp = path + ".done"
    if (os.path.exists(stamp) and
            os.path.getmtime(stamp) > os.path.getmtime(__file__)):
        return
    subprocess.run(["rm", "-rf", path, stamp], check=True)
    print("store.sh: building %s (%d records, %d days)" % (path, n, days),
          file=sys.stderr)
    p = subprocess.Popen([store, "-o", path], stdin=subprocess.PIPE)
    d0, i, buf = datetime.date(2024, 1, 1), 0, []
    for d in range(days):	# the records of a day together, as a crawl
        day = (d0 + datetime.timedelta(days=d)).isoformat()
        k = n // days + (d < n % days)
        for j in range(k):
            buf.append('{"url":"%s","fetched_at":"%sT%02d:%02d:00Z",'
                       '"title":"%s %d","text":"%s"}\n'
                       % (url(i), day, j * 24 // k, j % 60, WORDS[i % 10], i,
                          " ".join(WORDS[(i + m) % 10] for m in range(20))))
            i += 1
        if len(buf) > 5000:
            p.stdin.write("".join(buf).encode())
            buf = []
    p.stdin.write("".join(buf).encode())
    p.stdin.close()
    if p.wait() != 0:
        sys.exit("store.sh: store -o %s failed" % path)
    open(stamp, "w").close()


def spawn(argv):
    """Wall ms, CPU ms of the child, exit status (posix_spawn, wait4)."""
    fa = [(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
          (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=fa)
    _, st, ru = os.wait4(pid, 0)
    return ((time.perf_counter() - t0) * 1000,
            (ru.ru_utime + ru.ru_stime) * 1000, os.waitstatus_to_exitcode(st))


def first_answer(arc, u):
    """From the start of get - to its first record, ms."""
    t0 = time.perf_counter()
    p = subprocess.Popen([store, "get", arc, "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE)
    p.stdin.write((u + "\n").encode())
    p.stdin.flush()
    rec = p.stdout.readline()
    t = (time.perf_counter() - t0) * 1000
    p.stdin.close()
    p.wait()
    if ('"url":"%s"' % u).encode() not in rec:
        sys.exit("store.sh: get - gave no record for " + u)
    return t


def peak_rss(arc, urls):
    """get - over urls, each answer checked: its peak RSS, MB."""
    p = subprocess.Popen([store, "get", arc, "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE)
    for u in urls:
        p.stdin.write((u + "\n").encode())
        p.stdin.flush()
        if ('"url":"%s"' % u).encode() not in p.stdout.readline():
            sys.exit("store.sh: get - gave another record for " + u)
    with open("/proc/%d/status" % p.pid) as f:
        hwm = [x.split()[1] for x in f if x.startswith("VmHWM")][0]
    p.stdin.close()
    p.wait()
    return int(hwm) / 1024


def timed_new(arc, path):
    with open(path, "rb") as f:
        t0 = time.perf_counter()
        r = subprocess.run([store, "new", "-q", arc], stdin=f,
                           stdout=subprocess.DEVNULL)
    if r.returncode != 0:
        sys.exit("store.sh: store new failed")
    return (time.perf_counter() - t0) * 1000


def instructions(argv):
    """Instructions argv runs (callgrind), or None without valgrind."""
    out = "bench/out/store-get.callgrind"
    try:
        r = subprocess.run(["valgrind", "--tool=callgrind",
                            "--callgrind-out-file=" + out] + argv,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
    except FileNotFoundError:
        return None
    for x in r.stderr.splitlines():
        if "Collected :" in x:
            return int(x.split()[-1])
    return None


def med(v):
    return statistics.median(v)


def p99(v):
    v = sorted(v)
    return v[min(len(v) - 1, int(len(v) * 0.99))]


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


res = {}
for name, n, days in (("1k", 1000, 7), ("500k", 500000, 365),
                      ("1M", 1000000, 730)):
    arc = "bench/out/store-get-" + name
    build(arc, n, days)
    rnd = random.Random(7)
    hits = [url(rnd.randrange(n)) for _ in range(100 * runs)]
    misses = ["https://site%d.example/gone/%d" % (i % 50, i)
              for i in rnd.sample(range(10**9), 100 * runs)]
    before = load()
    t = {k: [] for k in ("true", "version", "get", "miss")}
    for h, m in zip(hits, misses):	# in turn: the load hits all alike
        t["true"].append(spawn(["/bin/true"]))
        t["get"].append(spawn([store, "get", arc, h]))
        t["version"].append(spawn([store, "--version"]))
        t["miss"].append(spawn([store, "get", arc, m]))
    if any(x[2] != 0 for x in t["get"]) or any(x[2] != 1 for x in t["miss"]):
        sys.exit("store.sh: a get of %s did not answer as it should" % arc)
    first, true1 = [], []
    for h in hits[:20 * runs]:
        first.append(first_answer(arc, h))
        true1.append(spawn(["/bin/true"])[0])
    rss = peak_rss(arc, hits[:2000])
    # new: half archived, half not; less the time of an empty input
    nf = "bench/out/store-new-%s.jsonl" % name
    with open(nf, "w") as f:
        for i in range(10000):
            f.write('{"url":"%s"}\n{"url":"https://site%d.example/new/%d"}\n'
                    % (url(rnd.randrange(n)), i % 50, i))
    open(nf + ".0", "w").close()
    tn, t0 = [], []
    for _ in range(runs):
        tn.append(timed_new(arc, nf))
        t0.append(timed_new(arc, nf + ".0"))
    size = sum(os.path.getsize(os.path.join(arc, f)) for f in
               ("khobor.urls", "khobor.urls.log"))
    tt = med([x[0] for x in t["true"]])
    print()
    print("%s records over %d days; URL index %.1f MB (%.1f bytes a record); "
          "load %s, then %s" % (name, days, size / 1e6, size / n, before,
                                load()))
    line("ms, %d each" % len(hits), "median", "p99", "-true", "cpu med")
    for k, label in (("true", "/bin/true"), ("version", "store --version"),
                     ("get", "store get (hit)"), ("miss", "store get (miss)")):
        w = [x[0] for x in t[k]]
        line(label, "%.3f" % med(w), "%.3f" % p99(w), "%.3f" % (med(w) - tt),
             "%.3f" % med([x[1] for x in t[k]]))
    line("get - first answer", "%.3f" % med(first), "%.3f" % p99(first),
         "%.3f" % (med(first) - med(true1)))
    line("get - peak RSS, MB", "%.1f" % rss)
    line("new, us a url", "%.1f" % ((med(tn) - med(t0)) * 1000 / 20000))
    ins = {}
    for k, argvs in (("/bin/true", [["/bin/true"]]),
                     ("store --version", [[store, "--version"]]),
                     ("store get (hit)", [[store, "get", arc, h]
                                          for h in hits[:5]]),
                     ("store get (miss)", [[store, "get", arc, m]
                                           for m in misses[:5]])):
        v = [instructions(a) for a in argvs]
        if None in v:
            break
        ins[k] = med(v)
    if ins:
        line("instructions, M", "median", "", "-true")
        for k, v in ins.items():
            line(k, "%.3f" % (v / 1e6), "", "%.3f" %
                 ((v - ins["/bin/true"]) / 1e6))
    res[name] = (med([x[0] for x in t["get"]]) - tt,
                 med([x[0] for x in t["miss"]]) - tt, med(first),
                 med([x[0] for x in t["get"]]) -
                 med([x[0] for x in t["version"]]))
print()
g, m, f, v = res["1M"]
line("1M: get above /bin/true", "%.3f" % g,
     "target < 1.00: %s" % ("PASS" if g < 1 else "FAIL"))
line("1M: miss above /bin/true", "%.3f" % m,
     "target < 1.00: %s" % ("PASS" if m < 1 else "FAIL"))
line("1M: get above --version", "%.3f" % v)
line("1M: get - first answer", "%.3f" % f,
     "target < 10.0: %s" % ("PASS" if f < 10 else "FAIL"))

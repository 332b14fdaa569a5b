#!/usr/bin/env python3
"""dates-eval.py: score tag's date finder on the seed pages.

Runs build/opt/bin/dates-test over every line of the five seed pages in
../shared/data/seeds, resolved against each page's published date
(body.jsonl; a page without one takes the first full date on it, as
GOLD-README says of sample 000), and scores the non-optional gold items
of dates.jsonl: a hit is a mention with the gold's span (line, start,
length in code points) AND the gold's value.  Debian's python3-dateparser
(search_dates, languages bn and en, RELATIVE_BASE the same reference) is
scored on the same items in the same run; its datetimes are written at
the gold value's precision (year, month, ISO week, day, minute), which is
generous to it.

usage: bench/dates-eval.py [-v] [--bin PATH] [--seeds DIR]
"""
import json
import os
import subprocess
import sys
import time
import warnings

warnings.simplefilter("ignore")

try:
    import dateparser.search
except ImportError:
    # Debian's package lives with Debian's python, not a pyenv one.
    if sys.executable != "/usr/bin/python3" and os.path.exists(
            "/usr/bin/python3") and not os.environ.get("DATES_EVAL_REEXEC"):
        os.environ["DATES_EVAL_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    dateparser = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def usage():
    sys.stderr.write("usage: bench/dates-eval.py [-v] [--bin PATH] "
                     "[--seeds DIR]\n")
    sys.exit(2)


def run_finder(binary, jobs):
    """jobs: list of (ref, text); one mention list per job."""
    res = []
    for ref, text in jobs:
        out = subprocess.run([binary], input="%s\t%s\n" % (ref or "-", text),
                             capture_output=True, text=True,
                             check=True).stdout
        ms = []
        for line in out.split("\n"):
            f = line.split("\t")
            if len(f) >= 6:
                ms.append({"start": int(f[0]), "end": int(f[1]),
                           "kind": f[2], "value": f[3],
                           "mod": None if f[4] == "-" else f[4]})
        res.append(ms)
    return res


def dp_value(dt, gold):
    """dateparser's datetime written at the gold value's precision."""
    v = gold
    if len(v) == 4 and v.isdigit():
        return "%04d" % dt.year
    if len(v) == 7 and v[4] == "-" and v[:4].isdigit():
        return "%04d-%02d" % (dt.year, dt.month)
    if "-W" in v and len(v) == 8:
        y, w, _ = dt.isocalendar()
        return "%04d-W%02d" % (y, w)
    if len(v) == 10:
        return dt.strftime("%Y-%m-%d")
    if len(v) == 16 and v[10] == "T" and v[13] == ":":
        return dt.strftime("%Y-%m-%dT%H:%M")
    return dt.isoformat()


def main():
    args = sys.argv[1:]
    verbose = False
    binary = os.path.join(ROOT, "build/opt/bin/dates-test")
    seeds = os.environ.get("KH_SHARED", os.path.join(ROOT, "..", "shared"))
    seeds = os.path.join(seeds, "data", "seeds")
    while args:
        a = args.pop(0)
        if a == "-v":
            verbose = True
        elif a == "--bin" and args:
            binary = args.pop(0)
        elif a == "--seeds" and args:
            seeds = args.pop(0)
        else:
            usage()
    if not os.path.isdir(seeds):
        print("dates-eval: skipped: no seeds (%s)" % seeds)
        return 0
    if not os.access(binary, os.X_OK):
        sys.stderr.write("dates-eval: %s: not built (make all)\n" % binary)
        return 2

    gold = [json.loads(l) for l in open(os.path.join(seeds, "dates.jsonl"),
                                        encoding="utf-8")]
    pub = {}
    for l in open(os.path.join(seeds, "body.jsonl"), encoding="utf-8"):
        b = json.loads(l)
        pub[b.get("seed") or b.get("file")] = b.get("published")

    pages = sorted({g["seed"] for g in gold})
    found, n_ment, t_ours, t_dp = {}, 0, 0.0, 0.0
    refs = {}
    for seed in pages:
        text = open(os.path.join(seeds, seed), encoding="utf-8").read()
        lines = [l.replace("\t", " ") for l in text.split("\n")]
        ref = pub.get(seed)
        if ref is None:
            # the first full date on the page stands in (GOLD-README)
            for ms in run_finder(binary, [(None, l) for l in lines]):
                for m in ms:
                    if len(m["value"]) >= 10 and m["value"][4] == "-" and \
                            m["value"][:4].isdigit():
                        ref = m["value"][:10]
                        break
                if ref:
                    break
        refs[seed] = ref
        t0 = time.time()
        res = run_finder(binary, [(ref, l) for l in lines])
        t_ours += time.time() - t0
        for no, ms in enumerate(res, 1):
            found[(seed, no)] = ms
            n_ment += len(ms)

    items = [g for g in gold if not g.get("optional")]
    ours = dp = 0
    rows = []
    for g in items:
        ms = found.get((g["seed"], g["line"]), [])
        s, e = g["char_start"], g["char_start"] + len(g["text"])
        hit = [m for m in ms if m["start"] == s and m["end"] == e and
               m["value"] == g["value"]]
        near = [m for m in ms if m["start"] < e and m["end"] > s]
        ours += bool(hit)
        dp_hit, dp_said = False, "-"
        if dateparser is not None:
            import datetime
            ref = refs[g["seed"]]
            base = datetime.datetime.fromisoformat(ref[:16]) if ref else \
                datetime.datetime.now()
            line = open(os.path.join(seeds, g["seed"]),
                        encoding="utf-8").read().split("\n")[g["line"] - 1]
            t0 = time.time()
            try:
                r = dateparser.search.search_dates(
                    line, languages=["bn", "en"],
                    settings={"RELATIVE_BASE": base}) or []
            except Exception as ex:  # dateparser raises on odd input
                r = []
                dp_said = "error: %s" % ex
            t_dp += time.time() - t0
            for sub, dt in r:
                at = line.find(sub)
                while at >= 0 and at < s:
                    at = line.find(sub, at + 1)
                if at == s and sub == g["text"]:
                    dp_said = dp_value(dt, g["value"])
                    dp_hit = dp_said == g["value"]
                    break
                if at >= 0 and at < e and at + len(sub) > s:
                    dp_said = "%s=%s" % (sub, dp_value(dt, g["value"]))
            dp += dp_hit
        rows.append((g, hit, near, dp_hit, dp_said))

    if verbose:
        for g, hit, near, dp_hit, dp_said in rows:
            mark = "ok  " if hit else "MISS"
            got = "; ".join("%d-%d %s" % (m["start"], m["end"], m["value"])
                            for m in near) or "nothing"
            print("%s %s:%d %s = %s | got %s | dateparser %s" % (
                mark, g["seed"][:3], g["line"], g["text"], g["value"], got,
                dp_said))
        print()
    n = len(items)
    print("%-22s %8s %8s %10s" % ("finder", "exact", "of", "percent"))
    print("%-22s %8d %8d %9.1f%%" % ("dates-test (khobor)", ours, n,
                                      100.0 * ours / n))
    if dateparser is not None:
        print("%-22s %8d %8d %9.1f%%" % ("dateparser %s" %
                                         dateparser.__version__, dp, n,
                                         100.0 * dp / n))
    else:
        print("dateparser: not installed (apt-get install python3-dateparser)")
    print("mentions found on the pages: %d (gold items %d, optional %d); "
          "time: dates-test %.2fs (one process a line), dateparser %.2fs" %
          (n_ment, len(gold), len(gold) - n, t_ours, t_dp))
    return 0


if __name__ == "__main__":
    sys.exit(main())

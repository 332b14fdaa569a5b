#!/usr/bin/env python3
"""score.py: how well links picks the articles out of a section page.

    score.py [-v] GOLD [RECORDS]
    score.py [-v] --run COMMAND DIR...

The first form scores links' output for one page: RECORDS (JSON Lines,
a file or - for standard input, the default) against GOLD (a gold file,
or a page folder holding one).  Only records with "kind": "article" count;
their "url" is compared, as written, with the gold's lines.  It prints
precision, recall, and the false positives and false negatives.

The second form runs COMMAND (through sh -c) once for every page folder
found in the DIRs (a folder holding page.html, url and gold, or a folder
of such folders).  Each run gets on its standard input the one record
fetch would have written for the page:

    {"url": URL, "final_url": URL, "status": 200,
     "content_type": "text/html; charset=utf-8", "charset": "UTF-8",
     "html": PAGE}

It prints a row per page (gold, output, true and false positives, false
negatives, precision, recall; with -v the URLs wrongly given or missed)
and, last, the micro-averaged totals, on a line of its own:

    micro precision=0.9712 recall=0.9650 tp=788 fp=23 fn=28

A page whose run fails (exit status other than 0 or 1, a timeout, or a
line that is not JSON) is marked in the table; what it wrote still
counts.  The exit status is 0 whatever the figures: the thresholds are
the calling test's to check.  2 for a usage error.  Python 3 standard
library only.
"""

import json
import os
import subprocess
import sys

TIMEOUT = 120	# seconds for one page, generous for a sanitizer build


def usage():
    sys.stderr.write("usage: score.py [-v] GOLD [RECORDS]\n"
                     "       score.py [-v] --run COMMAND DIR...\n")
    sys.exit(2)


def read_gold(path):
    if os.path.isdir(path):
        path = os.path.join(path, "gold")
    with open(path, encoding="utf-8") as f:
        return set(line.strip() for line in f if line.strip())


def articles(lines):
    """The article URLs of links' output, and how many lines were bad."""
    out, bad = set(), 0
    for line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            bad += 1
            continue
        if isinstance(rec, dict) and rec.get("kind") == "article" \
                and isinstance(rec.get("url"), str):
            out.add(rec["url"])
    return out, bad


def ratio(a, b):
    return a / b if b else 0.0


def score_one(argv, verbose):
    if not argv or len(argv) > 2:
        usage()
    gold = read_gold(argv[0])
    src = argv[1] if len(argv) == 2 else "-"
    if src == "-":
        got, bad = articles(sys.stdin)
    else:
        with open(src, encoding="utf-8", errors="replace") as f:
            got, bad = articles(f)
    tp = len(got & gold)
    print("precision %.4f (%d/%d)" % (ratio(tp, len(got)), tp, len(got)))
    print("recall    %.4f (%d/%d)" % (ratio(tp, len(gold)), tp, len(gold)))
    if bad:
        print("bad lines %d" % bad)
    print("false positives: %d" % len(got - gold))
    for u in sorted(got - gold):
        print("  + " + u)
    print("false negatives: %d" % len(gold - got))
    for u in sorted(gold - got):
        print("  - " + u)
    return 0


def pages(dirs):
    """Page folders in the DIRs, sorted by path."""
    out = []
    for d in dirs:
        if os.path.isfile(os.path.join(d, "page.html")):
            out.append(d)
            continue
        if not os.path.isdir(d):
            sys.stderr.write("score.py: %s: no such folder\n" % d)
            sys.exit(2)
        for name in sorted(os.listdir(d)):
            sub = os.path.join(d, name)
            if os.path.isfile(os.path.join(sub, "page.html")):
                out.append(sub)
    return sorted(out)


def run_page(cmd, d):
    with open(os.path.join(d, "url"), encoding="utf-8") as f:
        url = f.read().strip()
    with open(os.path.join(d, "page.html"), encoding="utf-8") as f:
        page = f.read()
    rec = {"url": url, "final_url": url, "status": 200,
           "content_type": "text/html; charset=utf-8", "charset": "UTF-8",
           "html": page}
    note = ""
    try:
        r = subprocess.run(["sh", "-c", cmd],
                           input=(json.dumps(rec, ensure_ascii=False)
                                  + "\n").encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
        out, code, err = r.stdout, r.returncode, r.stderr
    except subprocess.TimeoutExpired as e:
        out, code, err = e.stdout or b"", None, b""
        note = "timeout"
    if code not in (None, 0, 1):
        first = err.decode("utf-8", "replace").strip().splitlines()
        note = "exit %d%s" % (code, (": " + first[0][:60]) if first else "")
    got, bad = articles(out.decode("utf-8", "replace").splitlines())
    if bad:
        note = (note + "; " if note else "") + "%d bad lines" % bad
    return got, note


def score_run(cmd, dirs, verbose):
    found = pages(dirs)
    if not found:
        sys.stderr.write("score.py: no pages in %s\n" % " ".join(dirs))
        sys.exit(2)
    print("%-26s %5s %5s %5s %5s %5s %9s %7s" % (
        "page", "gold", "out", "tp", "fp", "fn", "precision", "recall"))
    T = {"gold": 0, "out": 0, "tp": 0}
    for d in found:
        gold = read_gold(d)
        got, note = run_page(cmd, d)
        tp = len(got & gold)
        T["gold"] += len(gold)
        T["out"] += len(got)
        T["tp"] += tp
        print("%-26s %5d %5d %5d %5d %5d %9.4f %7.4f%s" % (
            os.path.basename(os.path.normpath(d)), len(gold), len(got), tp,
            len(got) - tp, len(gold) - tp, ratio(tp, len(got)),
            ratio(tp, len(gold)), "  # " + note if note else ""))
        if verbose:
            for u in sorted(got - gold):
                print("    + " + u)
            for u in sorted(gold - got):
                print("    - " + u)
    tp, fp, fn = T["tp"], T["out"] - T["tp"], T["gold"] - T["tp"]
    print("micro precision=%.4f recall=%.4f tp=%d fp=%d fn=%d" % (
        ratio(tp, tp + fp), ratio(tp, tp + fn), tp, fp, fn))
    return 0


def main(argv):
    verbose = False
    while argv and argv[0].startswith("-") and argv[0] != "-":
        a = argv.pop(0)
        if a == "-v":
            verbose = True
        elif a == "--run":
            if len(argv) < 2:
                usage()
            return score_run(argv[0], argv[1:], verbose)
        elif a in ("-h", "--help"):
            sys.stdout.write(__doc__.split("\n\n")[1] + "\n")
            return 0
        else:
            usage()
    return score_one(argv, verbose)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""dates-dev.py [-v] [--bin DATES-TEST] [FILE]: the date finder on a dev set.

FILE (bench/dates-dev.tsv by default) is in the form of tests/dates/*.tsv:
a line "> REF<TAB>TEXT", then the mentions wanted, "start end kind value
mod surface".  Its sentences are our own, written for the date classes of
issue 17 (tense, times that take their day, ranges, parts of the day,
colloquial forms, quarters, weekends, bare years, dates relative to an
event, English dates in running text, datelines); no held-out material.
bench/dates-check.tsv is a second set in the same form, written after
the date finder was changed for the first and scored as it stood, so
that the first's figure is not all there is.
Prints the mentions wanted that were found exactly (span and value), those
found with the span only, and the mentions found that overlap no wanted
one; -v lists each miss.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cases(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("> "):
                out.append((line[2:], []))
            elif line and out:
                s, e, kind, value = line.split("\t")[:4]
                out[-1][1].append((int(s), int(e), kind, value))
    return out


def main(argv):
    verbose = False
    binary = os.path.join(ROOT, "build/opt/bin/dates-test")
    path = os.path.join(ROOT, "bench/dates-dev.tsv")
    args = argv[1:]
    while args and args[0].startswith("-"):
        a = args.pop(0)
        if a == "-v":
            verbose = True
        elif a == "--bin" and args:
            binary = args.pop(0)
        else:
            sys.stderr.write("usage: bench/dates-dev.py [-v] [--bin PATH] "
                             "[FILE]\n")
            return 2
    if args:
        path = args.pop(0)
    cs = cases(path)
    inp = "".join(line + "\n" for line, _ in cs)
    # dates-test -j: one JSON line a case, in order
    import json
    res = subprocess.run([binary, "-j"], input=inp.encode(),
                         stdout=subprocess.PIPE, check=True)
    got = [json.loads(l) for l in res.stdout.decode().splitlines()]
    if len(got) != len(cs):
        sys.stderr.write("dates-dev.py: %d cases, %d answers\n" %
                         (len(cs), len(got)))
        return 1
    want = exact = span = extra = 0
    for (line, gold), rec in zip(cs, got):
        found = [(m["start"], m["end"], m["kind"], m["value"])
                 for m in rec.get("dates", [])]
        for g in gold:
            want += 1
            hit = [f for f in found if f[:2] == g[:2]]
            if hit and hit[0][3] == g[3]:
                exact += 1
            else:
                span += bool(hit)
                if verbose:
                    print("miss: %s\n  want %s\n  got  %s" % (line, g, found))
        for f in found:
            if not any(f[0] < g[1] and g[0] < f[1] for g in gold):
                extra += 1
                if verbose:
                    print("extra: %s\n  got %s" % (line, f))
    print("exact %d/%d (%.2f); span only %d; found beside the wanted %d" %
          (exact, want, exact / want if want else 0, span, extra))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

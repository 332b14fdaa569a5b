#!/usr/bin/env python3
"""story-score.py [--tune GRID] [--story PROG] GOLD.jsonl

Scores story(1) against a gold set: records (as tag writes them) with a
member "gold", the story each belongs to by hand.  Without --tune it
reads story's output (GOLD.jsonl already through story) and prints, for
the tuning part, the held-out part and all: pairwise precision, recall
and F1 (over pairs of articles of one part, each pair one story in the
gold or in the output) and B-cubed precision, recall and F1 (per
article: the share of its output story that is its gold story, and the
other way round).  The parts: a gold story is in the tuning part when
the MD5 of its label is even, else held out, so a story's copies and
versions are never split between them.

--tune runs PROG (default bin/story) over GOLD.jsonl for each weight set
of the grid (KH_STORY_WEIGHTS, see story/story.c), picks the one with
the best B-cubed F1 on the tuning part (ties: pairwise F1, then the
order of the grid), and prints its scores on both parts.
"""
import hashlib, itertools, json, os, subprocess, sys

def part(label):
    return "tuning" if hashlib.md5(label.encode()).digest()[0] % 2 == 0 \
        else "held-out"

def scores(recs):
    """recs: [(gold, story)]; pairwise and B-cubed P, R, F1."""
    from collections import Counter
    g, s = Counter(), Counter()
    gs = Counter()
    for a, b in recs:
        g[a] += 1; s[b] += 1; gs[(a, b)] += 1
    pairs = lambda c: sum(n * (n - 1) // 2 for n in c.values())
    tp, pg, ps = pairs(gs), pairs(g), pairs(s)
    P = tp / ps if ps else 1.0
    R = tp / pg if pg else 1.0
    bp = sum(gs[(a, b)] / s[b] for a, b in recs) / len(recs)
    br = sum(gs[(a, b)] / g[a] for a, b in recs) / len(recs)
    f = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    return dict(n=len(recs), gold=len(g), stories=len(s), pairs=pg,
                P=P, R=R, F=f(P, R), bP=bp, bR=br, bF=f(bp, br))

def evaluate(lines):
    parts = {"tuning": [], "held-out": [], "all": []}
    for line in lines:
        # the members by their text, not json.loads: a grid reads the
        # whole set many times ("gold":" cannot stand inside a string,
        # where its quotes are escaped)
        g = line.rfind('"gold":"')
        if g < 0:
            continue
        gold = json.loads(line[g + 7:line.index('"', g + 8) + 1])
        s = line.rfind('"story":"')
        if s < 0:
            sys.exit("story-score: a record without story: " + line[:80])
        story = line[s + 9:line.index('"', s + 9)]
        parts[part(gold)].append((gold, story))
        parts["all"].append((gold, story))
    return {k: scores(v) for k, v in parts.items() if v}

def show(res):
    for k, v in res.items():
        print("%-8s %4d articles %3d gold stories %3d found  pairwise "
              "P %.3f R %.3f F1 %.3f  B-cubed P %.3f R %.3f F1 %.3f"
              % (k, v["n"], v["gold"], v["stories"], v["P"], v["R"],
                 v["F"], v["bP"], v["bR"], v["bF"]))

def main():
    args = sys.argv[1:]
    grid, prog = None, "bin/story"
    while args and args[0].startswith("--"):
        if args[0] == "--tune":
            grid = args[1]; args = args[2:]
        elif args[0] == "--story":
            prog = args[1]; args = args[2:]
        else:
            sys.exit(__doc__.splitlines()[0])
    if len(args) != 1:
        sys.exit(__doc__.splitlines()[0])
    if grid is None:
        show(evaluate(open(args[0], encoding="utf-8")))
        return
    # GRID: ent,num,day,title,near,min with each a value or a|b|c
    axes = [[float(x) for x in a.split("|")] for a in grid.split(",")]
    best = None
    for w in itertools.product(*axes):
        env = dict(os.environ, KH_STORY_WEIGHTS=",".join(map(str, w)))
        out = subprocess.run([prog, "-q", args[0]], env=env,
                             capture_output=True, text=True).stdout
        res = evaluate(out.splitlines())
        key = (res["tuning"]["bF"], res["tuning"]["F"])
        if best is None or key > best[0]:
            best = (key, w, res)
    print("weights (ent,num,day,title,near,min):",
          ",".join("%g" % x for x in best[1]))
    show(best[2])

main()

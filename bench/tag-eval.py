#!/usr/bin/env python3
"""tag-eval.py TAG SHARED: score tag's entities on the seed pages.

Each seed's body lines (../shared/data/seeds/body.jsonl) become one
record's text, its title the title, its published the reference; tag
runs over them, and every entity mention it finds in the text is
compared with entities.jsonl: a mention is right when its surface text,
type and norm are those of a gold entity's mention (counts matter: two
of three রাশিয়ার found is two right).  Gold counts include the mixed
lines (byline glued to body text), which are not body lines: those are
taken out.  Prints recall and precision, overall and per type, and the
misses and false mentions most often seen.
"""
import collections
import json
import subprocess
import sys

tag, shared = sys.argv[1], sys.argv[2]
seeds = shared + "/data/seeds"
bodies = [json.loads(l) for l in open(seeds + "/body.jsonl", encoding="utf-8")]
recs = []
for b in bodies:
    r = {"url": "file:///seeds/" + b["seed"], "title": b["title"] or "",
         "text": "\n".join(b["body_lines"])}
    if b.get("published"):
        r["published"] = b["published"].replace(" ", "T")[:19]
    recs.append(json.dumps(r, ensure_ascii=False))
out = subprocess.run([tag, "--no-dates", "-q"], input="\n".join(recs) + "\n",
                     capture_output=True, text=True)
if out.returncode != 0:
    sys.exit("tag failed: " + out.stderr)

gold = collections.defaultdict(collections.Counter)   # seed -> (surf,type,norm)
for l in open(seeds + "/entities.jsonl", encoding="utf-8"):
    e = json.loads(l)
    mixed = e.get("mixed_line_mentions", {})
    for surf, n in e["mention_counts"].items():
        n -= mixed.get(surf, 0)
        if n > 0:
            gold[e["seed"]][(surf, e["type"], e["canonical"])] += n

tp = collections.Counter()
ng = collections.Counter()
ns = collections.Counter()
miss = collections.Counter()
false = collections.Counter()
for b, line in zip(bodies, out.stdout.splitlines()):
    rec = json.loads(line)
    ours = collections.Counter((m["text"], m["type"], m["norm"])
                               for m in rec["entities"] if m["field"] == "text")
    g = gold[b["seed"]]
    for k, n in g.items():
        ng[k[1]] += n
        hit = min(n, ours.get(k, 0))
        tp[k[1]] += hit
        if n > hit:
            miss[k] += n - hit
    for k, n in ours.items():
        ns[k[1]] += n
        extra = n - min(n, g.get(k, 0))
        if extra:
            false[k] += extra

print("%-6s %7s %7s %6s %6s" % ("type", "recall", "prec", "gold", "found"))
for t in ("PER", "LOC", "ORG", "all"):
    a = sum(tp.values()) if t == "all" else tp[t]
    g = sum(ng.values()) if t == "all" else ng[t]
    s = sum(ns.values()) if t == "all" else ns[t]
    print("%-6s %7.3f %7.3f %6d %6d" % (t, a / g if g else 0,
                                         a / s if s else 0, g, s))
r = sum(tp.values()) / sum(ng.values())
p = sum(tp.values()) / max(1, sum(ns.values()))
print("entities: recall %.3f (target 0.9) %s, precision %.3f (target 0.9) %s"
      % (r, "PASS" if r >= 0.9 else "FAIL", p, "PASS" if p >= 0.9 else "FAIL"))
if "-v" in sys.argv[3:]:
    print("missed:", ", ".join("%s %s %s x%d" % (k + (n,))
                               for k, n in miss.most_common(30)))
    print("false:", ", ".join("%s %s %s x%d" % (k + (n,))
                              for k, n in false.most_common(40)))

#!/usr/bin/env python3
"""measure.py [-v] [-l links] DIR...: links' precision and recall on section pages.

In each DIR, a page is NAME.html with NAME.url (the page's URL) and
NAME.gold (its article URLs, canonical, one a line).  Each page goes
through links on its own as a fetch record; the article URLs links
writes are compared with the gold.  Prints a line a page and the totals
(micro-averaged); -v lists what was missed and what was wrong.  Exit 0,
or 1 when a page could not be run.
"""
import json, os, subprocess, sys


def run(links, url, html):
    rec = json.dumps({"url": url, "status": 200, "html": html}, ensure_ascii=False)
    p = subprocess.run([links, "-q"], input=rec + "\n", capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("links exited %d: %s" % (p.returncode, p.stderr))
    return [json.loads(l) for l in p.stdout.splitlines()]


def main():
    args = sys.argv[1:]
    verbose = False
    links = "links"
    while args and args[0].startswith("-"):
        a = args.pop(0)
        if a == "-v":
            verbose = True
        elif a == "-l":
            links = args.pop(0)
        else:
            sys.exit("usage: measure.py [-v] [-l links] DIR...")
    tp = fp = fn = 0
    status = 0
    for d in args:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".html"):
                continue
            name = f[:-5]
            base = os.path.join(d, name)
            try:
                url = open(base + ".url").read().strip()
                gold = [l.strip() for l in open(base + ".gold") if l.strip()]
                html = open(base + ".html", encoding="utf-8").read()
                out = run(links, url, html)
            except (OSError, RuntimeError) as e:
                print("%s: %s" % (name, e))
                status = 1
                continue
            got = [r["url"] for r in out if r.get("kind") == "article"]
            g, s = set(gold), set(got)
            t = len(g & s)
            tp += t
            fp += len(s - g)
            fn += len(g - s)
            print("%-36s P %.3f R %.3f (%d found, %d gold)" % (
                name, t / len(s) if s else 1, t / len(g) if g else 1, len(s), len(g)))
            if verbose:
                for u in sorted(g - s):
                    print("    missed", u)
                titles = {r["url"]: r.get("title", "") for r in out}
                for u in sorted(s - g):
                    print("    wrong ", u, "|", titles.get(u, "")[:50])
    p = tp / (tp + fp) if tp + fp else 1
    r = tp / (tp + fn) if tp + fn else 1
    print("total: precision %.3f recall %.3f (%d right, %d wrong, %d missed)" % (p, r, tp, fp, fn))
    return status


if __name__ == "__main__":
    sys.exit(main())

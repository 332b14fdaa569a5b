#!/usr/bin/env python3
"""site-records.py SITE_DIR STORIES_TSV: the sample site's articles as
fetch would give them to clean, one {"url", "fetched_at", "site",
"html", "gold"} line each, in the order of STORIES_TSV (the first state
fetched on 17 August, update/ on the 18th); "gold" is the story the TSV
gives the file, for bench/story-score.py (story passes it through)."""
import json, re, sys, urllib.parse

def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[0])
    site, tsv = sys.argv[1:]
    rows = [l.rstrip("\n").split("\t") for l in open(tsv, encoding="utf-8")
            if l.strip() and not l.startswith("#")]
    # first state, then the second: as two runs of a crawl would see them
    rows.sort(key=lambda r: r[0].startswith("update/"))
    for path, gold in rows:
        parts = path.split("/")
        later = parts[0] == "update"
        if later:
            parts = parts[1:]
        outlet, rest = parts[0], "/".join(parts[1:])
        raw = open(site + "/" + path, "rb").read()
        m = re.search(rb'charset=["\']?([A-Za-z0-9_.:-]+)', raw[:4096], re.I)
        html = raw.decode(m.group(1).decode() if m else "utf-8")
        if not rest.startswith("archive/"):
            rest = rest[:-len(".html")]
        url = "http://%s.test/%s" % (outlet, urllib.parse.quote(rest))
        rec = {"url": url,
               "fetched_at": "2024-08-18T06:00:00Z" if later
               else "2024-08-17T08:00:00Z",
               "site": outlet + ".test", "html": html, "gold": gold}
        print(json.dumps(rec, ensure_ascii=False))

main()

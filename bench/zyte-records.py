#!/usr/bin/env python3
"""zyte-records.py ZYTE_DIR: the Zyte benchmark pages as records.

Writes one {"id", "url", "html"} line per page of ZYTE_DIR/html, in the
order of ZYTE_DIR/ground-truth.json, each page decoded by the charset its
<meta> declares (UTF-8 when none), as fetch would hand it to clean.
"""
import gzip, json, os, re, sys

def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[0])
    src = sys.argv[1]
    gold = json.load(open(os.path.join(src, "ground-truth.json"), encoding="utf-8"))
    out = sys.stdout
    for key in sorted(gold):
        raw = gzip.open(os.path.join(src, "html", key + ".html.gz")).read()
        m = re.search(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_.:-]+)', raw[:8192], re.I)
        cs = m.group(1).decode("ascii").lower() if m else "utf-8"
        try:
            html = raw.decode(cs, errors="replace")
        except LookupError:
            html = raw.decode("utf-8", errors="replace")
        url = gold[key].get("url") or "https://example.com/" + key
        out.write(json.dumps({"id": key, "url": url, "html": html},
                             ensure_ascii=False) + "\n")

main()

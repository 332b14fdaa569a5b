#!/usr/bin/env python3
"""wcxb-records.py DIR [PART]: the WCXB pages as records.

Writes one {"id", "url", "html"} line per page of DIR/html (the wcxb-dev
split: NNNN.html.gz, with DIR/ground-truth/NNNN.json giving its url),
in id order.  A page is UTF-8 when it decodes so (all of wcxb-dev do,
whatever some declare), else by its <meta> charset.

PART picks one of the two fixed parts the evaluation keeps apart:
"tune" (what clean is tuned on) or "held" (what it is reported on and
never tuned on).  A page's part is fixed by its id alone: the first
four hex digits of the SHA-1 of the id ("0001"), as a number, modulo
10: 0-6 tune, 7-9 held (about 70/30).  "ids PART" prints the ids of a
part, one a line.
"""
import gzip, hashlib, json, os, re, sys


def part(key):
    return "tune" if int(hashlib.sha1(key.encode()).hexdigest()[:4], 16) % 10 < 7 else "held"


def main():
    a = sys.argv[1:]
    if a[:1] == ["ids"] and len(a) == 3:
        for f in sorted(os.listdir(os.path.join(a[2], "ground-truth"))):
            if f.endswith(".json") and part(f[:-5]) == a[1]:
                print(f[:-5])
        return
    if len(a) not in (1, 2) or (len(a) == 2 and a[1] not in ("tune", "held")):
        sys.exit(__doc__.strip().splitlines()[0])
    src, only = a[0], (a[1] if len(a) == 2 else None)
    out = sys.stdout
    for f in sorted(os.listdir(os.path.join(src, "html"))):
        if not f.endswith(".html.gz"):
            continue
        key = f[:-len(".html.gz")]
        if only and part(key) != only:
            continue
        raw = gzip.open(os.path.join(src, "html", f)).read()
        try:
            html = raw.decode("utf-8")
        except UnicodeDecodeError:
            m = re.search(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_.:-]+)', raw[:8192], re.I)
            cs = m.group(1).decode("ascii").lower() if m else "utf-8"
            try:
                html = raw.decode(cs, errors="replace")
            except LookupError:
                html = raw.decode("utf-8", errors="replace")
        g = json.load(open(os.path.join(src, "ground-truth", key + ".json"), encoding="utf-8"))
        url = g.get("url") or "https://example.com/" + key
        out.write(json.dumps({"id": key, "url": url, "html": html},
                             ensure_ascii=False) + "\n")


main()

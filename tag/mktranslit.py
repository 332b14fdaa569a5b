#!/usr/bin/env python3
"""mktranslit.py PAIRS ENGLISH...: how names in Bengali are written in
English, as tag's translit.tsv: lines bn<TAB>Latin, sorted.

PAIRS is dakshina-bn's romanisation lexicon (bn<TAB>latin<TAB>count:
the Latin spellings people use for a Bengali word).  A word's line is
the spelling of the pairs that the English NER training data ENGLISH
(token<TAB>label, tag/nerdata.py's training parts) has in a name, the
one it has most often there (ties: the one the pairs attest most, then
the first in byte order), capitalised as there: মেসি Messi.  Words none
of whose spellings is in a name are left to tag's rules (translit.c),
which spell names as South Asian English does (রহিম Rahim, where the
pairs have rohim most).
"""
import collections
import sys
import unicodedata


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: mktranslit.py PAIRS ENGLISH...")
    names = collections.Counter()	# lower case -> times in a name
    spelt = {}				# lower case -> its commonest form
    forms = collections.defaultdict(collections.Counter)
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                w, _, lab = line.rstrip("\n").partition("\t")
                if lab[:2] in ("B-", "I-") and w[:1].isupper() and \
                        w.isalpha():
                    names[w.lower()] += 1
                    forms[w.lower()][w] += 1
    for low, c in forms.items():
        # as a name is written in running text: Messi, not MESSI
        title = [w for w in c if w[1:] == w[1:].lower()]
        spelt[low] = min(title, key=lambda w: (-c[w], w)) if title else \
            low.capitalize()
    pairs = collections.defaultdict(collections.Counter)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 3 and cols[2].isdigit():
                bn = unicodedata.normalize("NFC", cols[0]).replace(
                    "\u200c", "").replace("\u200d", "")
                pairs[bn][cols[1].lower()] += int(cols[2])
    out = []
    for bn, lat in pairs.items():
        cand = [w for w in lat if names[w] > 0]
        if not cand or " " in bn:
            continue
        best = min(cand, key=lambda w: (-names[w], -lat[w], w))
        out.append("%s\t%s" % (bn, spelt[best]))
    out.sort(key=lambda s: s.encode("utf-8"))
    sys.stdout.write("".join(l + "\n" for l in out))


main()

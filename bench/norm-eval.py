#!/usr/bin/env python3
"""norm-eval.py [-v] TAG CLDR NERDIR PAIRS: does a name have one norm in
Bengali and in English text?

The list of names in both scripts:
  - places: CLDR's Bengali and English names of countries, their
    subdivisions and cities, by code (CLDR: Debian's
    /usr/share/unicode/cldr/common), LOC;
  - persons: the words of dakshina-bn's romanisation pairs (PAIRS) whose
    Latin spelling, capitalised, is a person's name in the held-out
    parts of the English NER data (NERDIR/{btc,wikigold,uner}.held, of
    tag/nerdata.py; tag's translit.tsv is made of the training parts),
    PER.
Each name stands in a Bengali sentence and in an English one, as it is
and with the genitive (ইংল্যান্ডের, England's; শাকিবের, Shakib's), and
TAG tags them.  A pair is found when both sentences have a mention of
the name's type that starts where the name does, and it agrees when
the two norms are the same.  Prints, for places and persons, how many
pairs, found, and agreeing of those found; -v lists disagreements.
"""
import collections
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

VOWEL_END = set("ািীুূৃেৈোৌঅআইঈউঊএঐওঔ")
BN = {"LOC": ("খবরটি এসেছে {} থেকে।", "{} রাজধানীতে আজ বৈঠক হয়েছে।"),
      "PER": ("{} বলেন, আলোচনা চলবে।", "{} বক্তব্যে এ কথা বলা হয়।")}
EN = {"LOC": ("The news came from {} today.", "{} capital held talks today."),
      "PER": ("{} said the talks would go on.", "{} speech said so.")}


def genitive_bn(name):
    return name + ("র" if name[-1] in VOWEL_END else "ের")


def cldr_pairs(d):
    def names(path, tag):
        out = {}
        for el in ET.parse(path).getroot().iter(tag):
            if el.get("alt") is None and el.text and el.text.strip():
                out[el.get("type")] = " ".join(el.text.split())
        return out

    pairs = set()
    for sub, tag in (("main", "territory"), ("subdivisions", "subdivision")):
        bn = names(os.path.join(d, sub, "bn.xml"), tag)
        en = names(os.path.join(d, sub, "en.xml"), tag)
        for code in bn:
            if code in en and not code.isdigit() and code not in (
                    "ZZ", "EU", "EZ", "UN", "QO"):
                pairs.add((bn[code], en[code]))
    return sorted(pairs)


def person_pairs(nerdir, path):
    names = collections.Counter()
    for src in ("btc", "wikigold", "uner"):
        with open("%s/%s.held" % (nerdir, src), encoding="utf-8") as f:
            for line in f:
                w, _, lab = line.rstrip("\n").partition("\t")
                if lab.endswith("-PER") and w.isalpha() and \
                        w[0].isupper() and w[1:].islower():
                    names[w] += 1
    low = {w.lower(): w for w in names}
    pairs = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 3 and cols[1] in low:
                pairs.add((cols[0], low[cols[1]]))
    return sorted(pairs)


def tag_all(tag, texts):
    lines = "".join(json.dumps({"url": "x:%d" % i, "text": t},
                               ensure_ascii=False) + "\n"
                    for i, t in enumerate(texts))
    out = subprocess.run([tag, "--no-dates", "-q"], input=lines,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("norm-eval.py: %s failed: %s" % (tag, out.stderr))
    return [json.loads(l)["entities"] for l in out.stdout.splitlines()]


def norm_at(ents, start, typ):
    for m in ents:
        if m["start"] == start and m["type"] == typ:
            return m["norm"]
    return None


def main():
    args = sys.argv[1:]
    verbose = bool(args) and args[0] == "-v"
    if verbose:
        args = args[1:]
    if len(args) != 4:
        sys.exit("usage: norm-eval.py [-v] TAG CLDR NERDIR PAIRS")
    tag, cldr, nerdir, pairs = args
    for typ, lst in (("LOC", cldr_pairs(cldr)),
                     ("PER", person_pairs(nerdir, pairs))):
        texts, where = [], []
        for bn, en in lst:
            for k, (b, e) in enumerate(((bn, en),
                                        (genitive_bn(bn), en + "'s"))):
                tb, te = BN[typ][k], EN[typ][k]
                texts.append(tb.format(b))
                texts.append(te.format(e))
                where.append((bn, en, k, tb.index("{}"), te.index("{}")))
        ents = tag_all(tag, texts)
        found = agree = 0
        bad = []
        for i, (bn, en, k, sb, se) in enumerate(where):
            nb = norm_at(ents[2 * i], sb, typ)
            ne = norm_at(ents[2 * i + 1], se, typ)
            if nb is None or ne is None:
                continue
            found += 1
            if nb == ne:
                agree += 1
            else:
                bad.append("%s/%s: %s | %s" % (bn if k == 0 else
                           genitive_bn(bn), en, nb, ne))
        print("%s: %d names, %d sentence pairs, %d found in both scripts "
              "(%.3f), %d of them with one norm (%.3f)" % (
                  typ, len(lst), len(where), found,
                  found / len(where) if where else 0, agree,
                  agree / found if found else 0))
        if verbose:
            print("  " + "\n  ".join(bad[:60]))


main()

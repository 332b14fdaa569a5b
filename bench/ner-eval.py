#!/usr/bin/env python3
"""ner-eval.py [-v] TAG DIR SOURCE...: tag's names on held-out sentences.

DIR holds SOURCE.held files as tag/nerdata.py writes them (token<TAB>
label, the held-out part of each source, never trained on).  The
tokens are put back into text as news writes it (no space before , .
। ? ! : ; ) ’ ”, none after ( ‘ “), ten sentences a record, one a
record for the headlines and tweets (neonp, btc), and TAG (with
--no-dates) tags the records as it tags any.  A name is right when its
span (code points, exact) and type are those of a gold name; the gold
spans lose punctuation at their ends (‘খালেদ is খালেদ), but for the
point of an initial or an abbreviation (U. S., U.S.).  Prints P, R,
F1 per type and micro for each source; -v adds the misses and false
names seen most often.
"""
import collections
import json
import subprocess
import sys

GLUE_BEFORE = {",", ".", "।", "?", "!", ":", ";", ")", "]", "}", "’", "”",
               "%", "'s", "'S", "n't", "'re", "'ll", "'ve", "'m", "'d"}
GLUE_AFTER = {"(", "[", "{", "‘", "“"}
ENDS = ("।", ".", "?", "!")
PER_RECORD = {"neonp": 1, "btc": 1}


def sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            w, _, lab = line.partition("\t")
            sent.append((w, lab))
    if sent:
        yield sent


def wordy(c):
    return c.isalnum() or 0x0980 <= ord(c) <= 0x09ff or (
        0x0300 <= ord(c) <= 0x036f)


def trim(text, a, b):
    while a < b and not wordy(text[a]):
        a += 1
    while b > a and not wordy(text[b - 1]):
        b -= 1
    # the point of an initial or an abbreviation stays (U. S., U.S.)
    if b < len(text) and text[b] == "." and ("." in text[a:b] or
                                             not wordy(text[b - 2])):
        b += 1
    return a, b


def record(sents):
    """The text of sentences and their gold names: (start, end, type)."""
    text, gold = "", []
    for s in sents:
        if text:
            text += " " if text.endswith(ENDS) else "\n"
        starts, ends = [], []
        prev = None
        for w, _ in s:
            if prev is not None and w not in GLUE_BEFORE and \
                    prev not in GLUE_AFTER:
                text += " "
            starts.append(len(text))
            text += w
            ends.append(len(text))
            prev = w
        i = 0
        while i < len(s):
            lab = s[i][1]
            if not lab.startswith("B-"):
                i += 1
                continue
            j = i + 1
            while j < len(s) and s[j][1] == "I-" + lab[2:]:
                j += 1
            a, b = trim(text, starts[i], ends[j - 1])
            if a < b:
                gold.append((a, b, lab[2:]))
            i = j
    return text, gold


def main():
    args = sys.argv[1:]
    verbose = bool(args) and args[0] == "-v"
    if verbose:
        args = args[1:]
    if len(args) < 3:
        sys.exit("usage: ner-eval.py [-v] TAG DIR SOURCE...")
    tag, d, sources = args[0], args[1], args[2:]
    total = collections.Counter()
    for src in sources:
        sents = list(sentences("%s/%s.held" % (d, src)))
        k = PER_RECORD.get(src, 10)
        recs = [record(sents[i:i + k]) for i in range(0, len(sents), k)]
        lines = "".join(json.dumps({"url": "x:%d" % n, "text": t},
                                   ensure_ascii=False) + "\n"
                        for n, (t, _) in enumerate(recs))
        out = subprocess.run([tag, "--no-dates", "-q"], input=lines,
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("ner-eval.py: %s failed: %s" % (tag, out.stderr))
        c = collections.Counter()
        miss, false = collections.Counter(), collections.Counter()
        for (text, gold), line in zip(recs, out.stdout.splitlines()):
            pred = {(m["start"], m["end"], m["type"])
                    for m in json.loads(line)["entities"]
                    if m["field"] == "text"}
            gold = set(gold)
            for a, b, t in gold:
                c["gold", t] += 1
                if (a, b, t) in pred:
                    c["tp", t] += 1
                else:
                    miss[text[a:b], t] += 1
            for a, b, t in pred:
                c["pred", t] += 1
                if (a, b, t) not in gold:
                    false[text[a:b], t] += 1
        print("== %s held out: %d sentences, %d records" % (src, len(sents),
                                                            len(recs)))
        print("%-6s %6s %6s %6s %6s" % ("type", "P", "R", "F1", "gold"))
        for t in ("PER", "LOC", "ORG", "micro"):
            if t == "micro":
                g = sum(c["gold", x] for x in ("PER", "LOC", "ORG"))
                p = sum(c["pred", x] for x in ("PER", "LOC", "ORG"))
                tp = sum(c["tp", x] for x in ("PER", "LOC", "ORG"))
            else:
                g, p, tp = c["gold", t], c["pred", t], c["tp", t]
            total[src, t, "g"], total[src, t, "tp"] = g, tp
            pr = tp / p if p else 0
            rc = tp / g if g else 0
            f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0
            print("%-6s %6.3f %6.3f %6.3f %6d" % (t, pr, rc, f1, g))
        if verbose:
            print("missed:", ", ".join("%s %s x%d" % (w, t, n) for (w, t), n
                                       in miss.most_common(40)))
            print("false:", ", ".join("%s %s x%d" % (w, t, n) for (w, t), n
                                      in false.most_common(40)))


main()

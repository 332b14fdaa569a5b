#!/usr/bin/env python3
"""nerdata.py SHARED PLACES OUTDIR: the NER training data of ../shared, each
source's conventions mapped to tag's, each split into a training part
and a held-out part.

For each source S it writes OUTDIR/S.train and OUTDIR/S.held as
token<TAB>label lines (B-/I- PER, LOC, ORG or O), a blank line between
sentences, and prints how many sentences and names each part has.  It
also writes the text tag-clusters learns word classes from, bn.text and
en.text: unlabelled text (see unlabelled()) and the sentences of the
training parts, never of the held-out ones.

The held-out rule, the same for every source: the sentences of a source
are numbered from 0 in the order of its files (sorted by name) and of
their lines, counting every sentence read, also one left out; sentence
k is held out when (k // 100) % 5 == 4, unless its words are those of
a sentence before it (neon-p has many headlines twice): a sentence
seen already is left out.  So a fifth is held out, in
runs of 100 sentences, which keep most of a story on one side: a name
repeated through a story is not learned from one half and tested on
the other.  Nothing is tuned or trained on the held-out part;
bench/ner-eval.py scores tag on it.

What is mapped, by source (every source: a label that is not PER, LOC
or ORG is O; I-X that does not follow X begins a name; punctuation
tokens at the ends of a name are outside it; a LOC whose last word is
a demonym or an adjective of a place (রুশ, ভারতীয়, উত্তর কোরিয়ান,
ফিলিস্তিনি: a word of DEMONYMS, one ending in -ীয়, or one of the names
of places in the gazetteer file PLACES with -ন or -ি after it; Russian,
Israeli, Chinese: a capitalised word ending as demonyms do, -ian, -ean,
-ese, -ish, -an, -i or -ic, that is no place's name in PLACES) is O, as
tag/data/gazetteer.tsv and the seeds' gold have it:
  ner/rifat1493/train.txt  token<TAB>label.  TIM is O.  Initials tagged
      each as a name of its own (এ B-PER কে B-PER এম B-PER কাউছার I-PER)
      go on the name: a B-PER of at most two letters followed by B-PER.
  ner/neon-p/label_data.txt  token SPACE tag: 0 is O, O-X and I-X are
      inside X; TIME and UNIT are O.  B-PER B-PER is one name (the
      headlines' names are tagged a B-PER a word).
  ner/banglakit/main.jsonl  ["text", [BILOU labels]] over the text's
      words split at spaces and punctuation marks; PERSON is PER, GPE
      is LOC; DATE and LAW are O.  A sentence whose words do not match
      its labels is left out.  A text is often there several times, a
      name tagged in each copy: the copies are one sentence with all
      their names (a name that overlaps one before it left out),
      where the text is first.  A title at the start of a person's name
      (অধ্যাপক, প্রধানমন্ত্রী) is outside it, as in the other sources.
  ner-en/btc/*.conll  token<TAB>label; tweets made to read as text:
      user names (@ and the name after it), links and RT are taken out,
      # is taken off a hashtag.
  ner-en/wikigold/wikigold.conll.txt  token SPACE tag, IOB1 (I-X
      begins a name unless X is just before); MISC is O; -DOCSTART-
      lines are not sentences.
  ner-en/uner-ewt/*.iob2  # comment lines, then index<TAB>token<TAB>tag;
      OTH and B-O are O.
"""
import gzip
import json
import os
import re
import sys
import unicodedata

BLOCK, PARTS, HELD = 100, 5, 4
TYPES = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC",
         "ORG": "ORG"}
# Words before a person's name that are not part of it (the titles of
# Rifat1493, which leaves them out).
TITLES = {"অধ্যাপক", "প্রধানমন্ত্রী", "মন্ত্রী", "রাষ্ট্রপতি", "প্রেসিডেন্ট",
          "সভাপতি", "ডা", "ডাক্তার", "মাওলানা", "বিচারপতি", "ব্যারিস্টার",
          "অ্যাডভোকেট", "অধ্যক্ষ", "চেয়ারম্যান", "সাবেক", "উপাচার্য",
          "প্রকৌশলী", "শিল্পী", "কবি", "লেখক", "অভিনেতা", "অভিনেত্রী"}
PUNCT = re.compile(r"^[^\w]+$")
# Demonyms and adjectives of places, which are not names (docs/records.md);
# more are found by their endings (demonym()).
DEMONYMS = {"রুশ", "মার্কিন", "চীনা", "ব্রিটিশ", "ফরাসি", "জার্মান", "জাপানি",
            "আফগান", "আরব", "ইংরেজ", "ডাচ", "গ্রিক", "তুর্কি", "মিসরীয়",
            "ইহুদি", "পশ্চিমা", "বিদেশি", "দেশি"}
PLACES = set()		# Bengali names of places, from the argument
MARKS = ["।", ",", ".", "?", "!", ":", ";", "'", "\"", "’", "‘", "”", "“",
         "(", ")", "[", "]", "{", "}", "-", "–", "—", "/", "%"]
MARK_RE = re.compile("|".join(re.escape(m) for m in MARKS))


def label(tag):
    """'B-PER' -> ('B', 'PER'); anything not of ours -> ('O', None)"""
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIOLU":
        t = TYPES.get(tag[2:])
        if t is not None:
            return ("B" if tag[0] in "BU" else "I"), t
    return "O", None


EN_DEMONYM = re.compile(r"^[A-Z][a-z]+(ian|ean|ese|ish|an|i|ic)s?$")


def demonym(word):
    """Whether word names a place's people or is its adjective:
    ভারতীয়, কোরিয়ান (কোরিয়া-ন), ফিলিস্তিনি (ফিলিস্তিন-ি); Russian,
    Israeli, Chinese (an ending of demonyms, not a place's name)."""
    w = unicodedata.normalize("NFC", word)
    if EN_DEMONYM.match(w):
        return w not in PLACES
    if w in DEMONYMS or w.endswith(unicodedata.normalize("NFC", "ীয়")):
        return True
    return (w.endswith("ান") and w[:-1] in PLACES) or (
        w.endswith("ি") and w[:-1] in PLACES)


def tidy(sent):
    """[(token, (bio, type))] -> [(token, 'B-PER'|...|'O')], spans
    begun where they do not go on, punctuation at their ends out."""
    out, prev = [], None
    for tok, (b, t) in sent:
        if t is not None and b == "I" and prev != t:
            b = "B"
        out.append([tok, b, t])
        prev = t if t is not None else None
    # punctuation at a span's ends is outside it
    i = 0
    while i < len(out):
        if out[i][2] is None:
            i += 1
            continue
        j = i + 1
        while j < len(out) and out[j][1] == "I" and out[j][2] == out[i][2]:
            j += 1
        a, e = i, j
        while a < e and PUNCT.match(out[a][0]):
            out[a][1:] = ["O", None]
            a += 1
        while e > a and PUNCT.match(out[e - 1][0]):
            out[e - 1][1:] = ["O", None]
            e -= 1
        if a < e:
            out[a][1] = "B"
        if a < e and out[a][2] == "LOC" and demonym(out[e - 1][0]):
            for k in range(a, e):
                out[k][1:] = ["O", None]
        i = j
    return [(w, "O" if t is None else b + "-" + t) for w, b, t in out]


def conll(path, sep, col_tok=0, col_tag=-1, comment=None):
    """Sentences of a CoNLL-like file: lists of (token, tag)."""
    sent = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if comment and line.startswith(comment):
                continue
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            cols = line.split(sep)
            if len(cols) < 2:
                continue
            if cols[col_tok] == "-DOCSTART-":
                continue
            sent.append((cols[col_tok], cols[col_tag]))
    if sent:
        yield sent


def rifat(shared):
    for s in conll(shared + "/ner/rifat1493/train.txt", "\t"):
        out = []
        for w, tag in s:
            b, t = label(tag)
            if (t == "PER" and b == "B" and out and out[-1][1][1] == "PER"
                    and len(out[-1][0]) <= 2):
                b = "I"
            out.append((w, (b, t)))
        yield out


def neonp(shared):
    for s in conll(shared + "/ner/neon-p/label_data.txt", " "):
        out = []
        for w, tag in s:
            if tag[:2] == "O-":
                tag = "I-" + tag[2:]
            b, t = label(tag)
            if t == "PER" and b == "B" and out and out[-1][1][1] == "PER":
                b = "I"
            out.append((w, (b, t)))
        yield out


def pieces(text):
    """banglakit's words: split at spaces, each punctuation mark one."""
    out = []
    for w in text.split():
        pos = 0
        for m in MARK_RE.finditer(w):
            if m.start() > pos:
                out.append(w[pos:m.start()])
            out.append(m.group())
            pos = m.end()
        if pos < len(w):
            out.append(w[pos:])
    return out


def banglakit(shared):
    """Its lines often repeat a sentence with one name tagged a copy
    (a copy for each name): the copies of a text are one sentence, the
    names of all, where the first copy says the text is."""
    texts, order = {}, []
    with open(shared + "/ner/banglakit/main.jsonl", encoding="utf-8") as f:
        for line in f:
            try:
                text, labs = json.loads(line)
            except ValueError:
                order.append(None)
                continue
            words = pieces(text)
            if len(words) != len(labs):
                order.append(None)
                continue
            if text not in texts:
                texts[text] = [words, ["O"] * len(words)]
                order.append(text)
            merged = texts[text][1]
            # each span of this copy, unless it overlaps one there
            i = 0
            while i < len(labs):
                b, t = label(labs[i])
                j = i + 1
                if t is not None and b == "B":
                    while j < len(labs) and labs[j][:2] in ("I-", "L-"):
                        j += 1
                if t is not None and all(m == "O" for m in merged[i:j]):
                    merged[i:j] = labs[i:j]
                i = j
    for text in order:
        if text is None:
            yield None
            continue
        words, labs = texts[text]
        out = []
        for w, tag in zip(words, labs):
            b, t = label(tag)
            if t == "PER" and b == "B" and w in TITLES:
                out.append((w, ("O", None)))
                out.append(None)	# the next word begins the name
                continue
            if out and out[-1] is None:
                out.pop()
                if t == "PER":
                    b = "B"
            out.append((w, (b, t)))
        yield [x for x in out if x is not None]


def btc(shared):
    d = shared + "/ner-en/btc"
    for name in sorted(os.listdir(d)):
        if not name.endswith(".conll"):
            continue
        for s in conll(d + "/" + name, "\t"):
            out, skip = [], False
            for w, tag in s:
                if skip:
                    skip = False
                    continue
                if w == "@":
                    skip = True
                    continue
                if w.startswith("@") or w.startswith("http") or w == "RT":
                    continue
                if w.startswith("#") and len(w) > 1:
                    w = w[1:]
                out.append((w, label(tag)))
            yield out


def wikigold(shared):
    for s in conll(shared + "/ner-en/wikigold/wikigold.conll.txt", " "):
        # IOB1: I-X begins a name unless X is just before; tidy() does it
        yield [(w, label(tag)) for w, tag in s]


def uner(shared):
    d = shared + "/ner-en/uner-ewt"
    for name in sorted(os.listdir(d)):
        if not name.endswith(".iob2"):
            continue
        for s in conll(d + "/" + name, "\t", 1, 2, "#"):
            yield [(w, label(tag)) for w, tag in s]


SOURCES = [("rifat", rifat), ("neonp", neonp), ("banglakit", banglakit),
           ("btc", btc), ("wikigold", wikigold), ("uner", uner)]
LANG = {"rifat": "bn", "neonp": "bn", "banglakit": "bn", "btc": "en",
        "wikigold": "en", "uner": "en"}


def unlabelled(shared, lang):
    """Text without labels for word clusters: Bengali Wikipedia
    sentences (dakshina-bn), English web pages' main text (wcxb-dev's
    ground truth); a line a paragraph."""
    if lang == "bn":
        with gzip.open(shared + "/corpus/dakshina-bn/"
                       "bn.wiki-filt.valid.text.shuf.txt.gz", "rt",
                       encoding="utf-8") as f:
            for line in f:
                yield line.rstrip("\n")
        return
    d = shared + "/wcxb-dev/ground-truth"
    for name in sorted(os.listdir(d)):
        if name.endswith(".json"):
            with open(d + "/" + name, encoding="utf-8") as f:
                text = json.load(f)["ground_truth"].get("main_content")
            for line in (text or "").split("\n"):
                if line.strip():
                    yield line


def names(sent):
    return sum(1 for _, l in sent if l.startswith("B-"))


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: nerdata.py SHARED PLACES OUTDIR")
    shared, places, outdir = sys.argv[1:]
    with open(places, encoding="utf-8") as f:
        for line in f:
            name = line.split("\t")[0]
            if " " not in name:
                PLACES.add(unicodedata.normalize("NFC", name))
    os.makedirs(outdir, exist_ok=True)
    text = {lang: open("%s/%s.text.tmp" % (outdir, lang), "w",
                       encoding="utf-8") for lang in ("bn", "en")}
    for lang, f in text.items():
        for line in unlabelled(shared, lang):
            f.write(line + "\n")
    for name, read in SOURCES:
        files = {p: open("%s/%s.%s.tmp" % (outdir, name, p), "w",
                         encoding="utf-8") for p in ("train", "held")}
        count = {p: [0, 0] for p in files}
        left, seen = 0, set()
        for k, s in enumerate(read(shared)):
            if s is None or not s:
                left += s is None
                continue
            words = tuple(w for w, _ in s)
            if words in seen:
                left += 1
                continue
            seen.add(words)
            part = "held" if (k // BLOCK) % PARTS == HELD else "train"
            s = tidy(s)
            files[part].write("".join("%s\t%s\n" % x for x in s) + "\n")
            if part == "train":
                text[LANG[name]].write(" ".join(w for w, _ in s) + "\n")
            count[part][0] += 1
            count[part][1] += names(s)
        for p, f in files.items():
            f.close()
            os.replace("%s/%s.%s.tmp" % (outdir, name, p),
                       "%s/%s.%s" % (outdir, name, p))
        print("%-10s train %5d sentences %6d names, held out %5d "
              "sentences %5d names%s" % (name, count["train"][0],
              count["train"][1], count["held"][0], count["held"][1],
              ", %d left out" % left if left else ""))


    for lang, f in text.items():
        f.close()
        os.replace("%s/%s.text.tmp" % (outdir, lang),
                   "%s/%s.text" % (outdir, lang))


main()

#!/usr/bin/env python3
"""story-gold.py SHARED OUT: the gold story set for story(1), built
anew each time (bench/story.sh; nothing of ../shared lands in the
repository).  Writes OUT: records as tag writes them, in time order,
each with "gold", the story it belongs to by hand or by construction.

1. The sample site (tests/site, ours): its 46 articles, Bengali and
   English, two outlets, with the stories tests/story/site-stories.tsv
   gives them.
2. Real articles of other outlets, each a story of its own: the Zyte
   benchmark's articles (SHARED/data/zyte, English and others), the
   first WCXB development pages clean calls articles
   (SHARED/data/wcxb-dev, development split only), and the Bengali
   seed pages' gold text (SHARED/data/seeds/body.jsonl).  Zyte's pages
   are mostly news of 18-20 November 2019: they keep their hours
   apart, moved as a block to the site's 15-18 August 2024, and the
   ones that report one event are one story (ZYTE_SAME, by hand from
   all their titles); the rest of them and the WCXB pages (evergreen
   pages: guides, lists) get a time at random in those days, as
   distractors in the same window; the seeds keep their own dates
   (2024-2025, a Russia-North Korea topic over months: different
   events), the undated one a random time.
3. Copies made from some of them (a fixed random seed) and put in their
   story: a syndicated copy (another outlet's URL and site, a new
   headline, its last paragraph dropped, a few words changed, an hour
   to a day later) and an updated version (a paragraph added, the
   headline changed, hours later; at the same URL or at a new one).
   Every record (copies too) goes through bin/clean (the pages) and
   bin/tag, as the pipeline gives story its input.
"""
import gzip, json, os, random, re, subprocess, sys
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WCXB_MAX = 400		# WCXB pages read (their first, by id)

def run(prog, recs):
    out = subprocess.run([os.path.join(ROOT, "bin", prog), "-q"],
                         input="".join(json.dumps(r, ensure_ascii=False)
                                       + "\n" for r in recs),
                         capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.split("\n") if l]

def site_records():
    out = subprocess.run([sys.executable, os.path.join(ROOT,
                          "tests/story/site-records.py"),
                          os.path.join(ROOT, "tests/site"),
                          os.path.join(ROOT, "tests/story/site-stories.tsv")],
                         capture_output=True, text=True, check=True).stdout
    return run("clean", [json.loads(l) for l in out.split("\n") if l])

def pages(script, src, extra):
    out = subprocess.run([sys.executable, os.path.join(ROOT, "bench",
                          script), src] + extra, capture_output=True,
                         text=True, check=True).stdout
    return [json.loads(l) for l in out.split("\n") if l]

def articles(shared):
    recs = []
    zyte = os.path.join(shared, "data/zyte")
    if os.path.isdir(zyte):
        for r in run("clean", pages("zyte-records.py", zyte, [])):
            recs.append(("zyte-" + r.pop("id"), r))
    wcxb = os.path.join(shared, "data/wcxb-dev")
    if os.path.isdir(wcxb):
        got = pages("wcxb-records.py", wcxb, [])[:WCXB_MAX]
        for r in run("clean", got):
            if r.get("page_kind") == "article":
                recs.append(("wcxb-" + r.pop("id"), r))
    seeds = os.path.join(shared, "data/seeds/body.jsonl")
    if os.path.exists(seeds):
        for line in open(seeds, encoding="utf-8"):
            s = json.loads(line)
            recs.append(("seed-" + s["seed"], {
                "url": "https://seeds.example/" + s["seed"],
                "title": s["title"], "text": "\n".join(s["body_lines"]),
                "lang": "bn", "published": s["published"]}))
    # pages with too little text to be an article are left out
    return [(g, r) for g, r in recs if len(r.get("text", "")) >= 400]

# Zyte's articles that report one event, by hand from their titles (all
# 181 read; opinion pieces kept apart, as on the site): the first 8 hex
# digits of the page's id.
ZYTE_SAME = {
    "duvet-lung": "7bb1ca90 bd673bd7 a078b365 9eef8162",
    "meth-campaign": "3f65af7b 156770d6 776a1c04 c13b9c0e",
    "nasa-landers": "c50845a7 d1c57d78 42aad16b",
    "europa-plumes": "14cc2a0c 686bb170 f344ca5f",
    "china-plague": "ba4dfe2d 432362af 8b194530 ea25dd7e",
    "home-depot": "f8ff621a 51374560",
    "wework-inquiry": "06e5123e 1ace8c85",
    "omar-threat": "6ebac05f 7a457a4f",
    "assange-sweden": "c7e39ac4 dc7ccccc",
    "doobie-tour": "35b15891 9cb8224b ac1bfdd4",
    "stadia-launch": "8267acac aade2ec8 e100c961 680c2848",
    "astronaut-hibernation": "e1c7023e b37be353",
    "garrett-fight": "08f79376 7ab16ade",
    "swift-big-machine": "70cb2d5b eb62ac84",
    "fort-worth-rescue": "51d066b0 2c46804d",
}
ZYTE_GROUP = {h: "zyte-" + g for g, hs in ZYTE_SAME.items() for h in hs.split()}
# Zyte's news is of 18-20 November 2019: moved as a block to the
# site's days, so that its articles keep the hours between them.
ZYTE_SHIFT = datetime(2024, 8, 17, tzinfo=timezone.utc) - \
    datetime(2019, 11, 19, tzinfo=timezone.utc)

def parse(s):
    try:
        t = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)

def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")

def edit_words(text, rnd, n):
    """n words of text swapped for others of the text."""
    w = text.split(" ")
    for _ in range(n):
        i, j = rnd.randrange(len(w)), rnd.randrange(len(w))
        w[i] = w[j]
    return " ".join(w)

def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[0])
    shared, outpath = sys.argv[1:]
    rnd = random.Random(19)
    site = site_records()
    start = datetime(2024, 8, 15, tzinfo=timezone.utc)
    base = []
    for label, r in articles(shared):
        t = parse(r.get("published"))
        for k in ("published", "modified", "fetched_at"):
            r.pop(k, None)
        if label.startswith("zyte-"):
            label = ZYTE_GROUP.get(label[5:13], label)
        if label.startswith("seed-") and t is not None:
            pass		# the seeds' own dates, months apart
        elif label.startswith("zyte-") and t is not None and \
                datetime(2019, 11, 10, tzinfo=timezone.utc) <= t <= \
                datetime(2019, 11, 25, tzinfo=timezone.utc):
            t += ZYTE_SHIFT
        else:
            t = start + timedelta(minutes=rnd.randrange(4 * 24 * 60))
        r["published"] = iso(t)
        r["gold"] = label
        base.append(r)
    copies = []
    pool = [r for r in base]
    rnd.shuffle(pool)
    nsyn = len(pool) // 3
    for i, r in enumerate(pool[:nsyn]):
        paras = r["text"].split("\n")
        c = dict(r)
        c["url"] = "https://wire%d.example/%d/%s" % (i % 4, i,
                                                      r["gold"])
        c["site"] = "wire%d.example" % (i % 4)
        words = r["text"].split()
        c["title"] = " ".join(words[:rnd.randrange(6, 12)])
        if len(paras) > 2:
            paras = paras[:-1]
        c["text"] = edit_words("\n".join(paras), rnd, 3)
        t = datetime.fromisoformat(r["published"]) + \
            timedelta(minutes=rnd.randrange(60, 24 * 60))
        c["published"] = iso(t)
        copies.append(c)
    others = [r for r in base]
    for i, r in enumerate(pool[nsyn:nsyn + len(pool) // 6]):
        c = dict(r)
        if i % 2:
            c["url"] = r["url"] + ("&" if "?" in r["url"] else "?") + \
                "update=1"
        extra = rnd.choice(others)["text"].split("\n")[0]
        c["text"] = r["text"] + "\n" + extra
        c["title"] = "Update: " + r.get("title", "")
        t = datetime.fromisoformat(r["published"]) + \
            timedelta(minutes=rnd.randrange(60, 12 * 60))
        c["published"] = iso(t)
        copies.append(c)
    # the same for some of the site's articles: Bengali wire copy
    site_pool = [r for r in site if r.get("published", "") >= "2024"]
    for i, r in enumerate(site_pool[::4]):
        c = dict(r)
        c["url"] = "https://bangla-wire.example/%d" % i
        c["site"] = "bangla-wire.example"
        paras = r["text"].split("\n")
        if len(paras) > 2:
            paras = paras[:-1]
        c["text"] = edit_words("\n".join(paras), rnd, 2)
        c["title"] = " ".join(r["text"].split()[:8])
        copies.append(c)
    recs = site + base + copies
    for r in recs:
        for k in ("dates", "entities"):
            r.pop(k, None)
    tagged = run("tag", recs)
    tagged.sort(key=lambda r: (r.get("published", "")[:10] < "2024",
                               r.get("published", "")))
    with open(outpath, "w", encoding="utf-8") as f:
        for r in tagged:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    n = Counter(r["gold"] for r in tagged)
    print("story-gold: %d articles, %d stories (%d of more than one); "
          "%d site, %d other outlets, %d copies and versions"
          % (len(tagged), len(n), sum(1 for v in n.values() if v > 1),
             len(site), len(base), len(copies)), file=sys.stderr)

main()

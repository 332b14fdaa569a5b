#!/bin/sh
# links.sh [-n runs]: the speed and memory of links.
#
# Generates, into bench/out/ (gitignored), three inputs of fetch
# records:
#   sitemap  one 50,000-URL sitemap of about 10 MB (loc, lastmod,
#            changefreq, and for one URL in ten an image or a
#            <news:news>), as fetch would give it;
#   feeds    600 RSS and Atom feeds shaped as WordPress and news sites
#            write them (20 items, each with its content:encoded or
#            content of a few KB of HTML), and the broken feeds of
#            tests/links among them;
#   pages    real section and home pages of news sites: the listing
#            pages of ../shared/data/wcxb-dev (BBC, AP, the Guardian,
#            Al Jazeera, NPR, ...) 4 times each, when ../shared is
#            there (else left out);
#   devpages the development pages of tests/links/dev 40 times each
#            (smaller, and denser in links: the hardest case);
# and times over each, median of -n runs (default 5): libxml2's bare
# parse of the same bytes (build/opt/bin/parse: -x for the XML, as a
# tree; HTML as bench/clean.sh does) and links, one after the other in
# each round so that both see the machine alike.  Times are CPU
# seconds (user + system) of the process, steadier than wall time on a
# shared machine; wall time is shown too.  The target: links at 0.8 of
# the bare parse's speed or better on each input.  Max RSS of links on
# one sitemap and on ten (each with other URLs) shows memory flat in
# the number of records; last, links' start-up (an empty input).
#
# LINKS=path times another build of links (an older one, to compare).
# Needs no ../shared.  Exit 0 when the benchmark ran, 1 when a command
# failed, 2 for usage errors or missing tools.
set -eu

prog=links.sh
runs=5

usage() {
	echo "usage: $prog [-n runs]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"
only_runs "$@"

script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
need_tools python3 /usr/bin/time

if [ ! -x bin/links ] || [ ! -x build/opt/bin/parse ]; then
	echo "$prog: building with make" >&2
	${MAKE:-make} bin/links build/opt/bin/parse >&2 || die "make failed"
fi

mkdir -p bench/out
out=bench/out
if [ ! -s $out/links-sitemap.jsonl ] || [ ! $out/links-sitemap.jsonl -nt "$script" ]; then
	echo "$prog: generating $out/links-*.jsonl" >&2
	python3 - "$out" <<'EOF' || die "cannot generate the inputs"
import glob, json, os, random, sys

out = sys.argv[1]
R = random.Random(14)
words = ("dhaka flood metro rail budget cricket election price rice "
         "river bridge port school dengue heat storm court power").split()


def sitemap(n, host):
    rows = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">']
    for i in range(n):
        slug = "-".join(R.choice(words) for _ in range(R.randrange(4, 8)))
        url = "https://%s/%s/%d/%s" % (host, R.choice(["national", "politics", "sports", "world"]),
                                       1000000 + i, slug)
        day = "2024-%02d-%02dT%02d:%02d:00+06:00" % (R.randrange(1, 13), R.randrange(1, 29),
                                                     R.randrange(24), R.randrange(60))
        e = "<url><loc>%s</loc><lastmod>%s</lastmod><changefreq>daily</changefreq>" % (url, day)
        if i % 10 == 1:
            e += "<image:image><image:loc>https://img.%s/%d.jpg</image:loc></image:image>" % (host, i)
        if i % 10 == 0:
            e += "<news:news><news:publication><news:name>খবর</news:name><news:language>bn" \
                 "</news:language></news:publication><news:publication_date>%s" \
                 "</news:publication_date><news:title>ঢাকায় মেট্রোরেল চলাচল আবার শুরু %d" \
                 "</news:title></news:news>" % (day, i)
        rows.append(e + "</url>")
    rows.append("</urlset>")
    return "\n".join(rows)


para = ("<p>রাজধানীর যাত্রীরা আজ সকালে মেট্রোরেল স্টেশনে ভিড় করেন। কর্তৃপক্ষ জানায়, "
        "সব স্টেশন খোলা থাকবে এবং ট্রেন চলবে নির্ধারিত সময়ে। <a href=\"https://www.example-bd.com/"
        "national/%d\">আরও পড়ুন</a> &amp; <em>বিস্তারিত</em>.</p>\n")


def rss(k):
    items = []
    for i in range(20):
        n = k * 100 + i
        items.append("<item><title><![CDATA[খবরের শিরোনাম %d: মেট্রোরেল]]></title>"
                     "<link>https://www%d.example-bd.com/national/%d</link>"
                     "<guid isPermaLink=\"false\">%d</guid>"
                     "<pubDate>Sat, 17 Aug 2024 %02d:%02d:00 +0600</pubDate>"
                     "<dc:creator>নিজস্ব প্রতিবেদক</dc:creator><category>জাতীয়</category>"
                     "<description><![CDATA[%s]]></description>"
                     "<content:encoded><![CDATA[%s]]></content:encoded></item>" % (
                         n, k, n, n, i, n % 60, para % n, (para % n) * R.randrange(4, 12)))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>খবর</title>'
            '<link>https://www.example-bd.com/</link><language>bn</language>' +
            "".join(items) + "</channel></rss>")


def atom(k):
    entries = []
    for i in range(20):
        n = k * 100 + i
        entries.append('<entry><title type="html">Story %d &amp;lt;b&amp;gt;</title>'
                       '<link rel="alternate" type="text/html" href="/%d/story-%d"/>'
                       '<id>tag:example.net,2024:%d</id><published>2024-08-17T05:00:00Z</published>'
                       '<updated>2024-08-17T07:30:00+06:00</updated>'
                       '<content type="html">%s</content></entry>' % (
                           n, k, n, n, ((para % n) * R.randrange(4, 12)).replace("&", "&amp;")
                           .replace("<", "&lt;")))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            'xml:base="https://news%d.example.net/" xml:lang="en"><title>x</title>' % k +
            "".join(entries) + "</feed>")


def rec(url, body):
    return json.dumps({"url": url, "final_url": url, "status": 200, "html": body},
                      ensure_ascii=False) + "\n"


with open(os.path.join(out, "links-sitemap.jsonl"), "w") as f:
    f.write(rec("https://www.example-bd.com/sitemap-1.xml", sitemap(50000, "www.example-bd.com")))
with open(os.path.join(out, "links-sitemap10.jsonl"), "w") as f:
    for k in range(10):
        f.write(rec("https://www.example%d.com/sitemap.xml" % k,
                    sitemap(50000, "www.example%d.com" % k)))
broken = [p for p in sorted(glob.glob("tests/links/broken-*.xml"))]
with open(os.path.join(out, "links-feeds.jsonl"), "w") as f:
    for k in range(600):
        if k % 20 == 19:
            p = broken[k // 20 % len(broken)]
            f.write(rec("https://feeds%d.example.com/%s" % (k, os.path.basename(p)),
                        open(p, encoding="utf-8").read()))
        elif k % 2:
            f.write(rec("https://news%d.example.net/feed.atom" % k, atom(k)))
        else:
            f.write(rec("https://www%d.example-bd.com/feed" % k, rss(k)))
shared = os.environ.get("KH_SHARED", "../shared")
meta = os.path.join(shared, "data/wcxb-dev/metadata.json")
if os.path.exists(meta):
    import gzip
    with open(os.path.join(out, "links-pages.jsonl"), "w") as f:
        ids = ["2961", "2962", "2965", "2966", "2967", "2968", "2969", "2970", "2971",
               "3011", "0205", "1795", "0729"]
        for k in range(4):
            for i in ids:
                gt = json.load(open(os.path.join(shared, "data/wcxb-dev/ground-truth/%s.json" % i)))
                html = gzip.open(os.path.join(shared, "data/wcxb-dev/html/%s.html.gz" % i)).read()
                f.write(rec(gt["url"] + ("?copy=%d" % k if k else ""),
                            html.decode("utf-8", "replace")))
elif os.path.exists(os.path.join(out, "links-pages.jsonl")):
    os.remove(os.path.join(out, "links-pages.jsonl"))
with open(os.path.join(out, "links-devpages.jsonl"), "w") as f:
    pages = sorted(glob.glob("tests/links/dev/*.html"))
    for k in range(40):
        for p in pages:
            url = open(p[:-5] + ".url").read().strip()
            f.write(rec(url + ("?copy=%d" % k if k else ""),
                        open(p, encoding="utf-8").read()))
EOF
fi

python3 - "$runs" "$out" "${LINKS:-bin/links}" <<'EOF'
import os, resource, statistics, subprocess, sys, time

runs, out, links = int(sys.argv[1]), sys.argv[2], sys.argv[3]


def timed(cmd, path):
    """CPU seconds (user + system) and wall seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(path, "rb") as f:
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall)


def medians(cmds, path):
    """Each command once a round, in turn: both see the machine alike."""
    ts = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            ts[i].append(timed(cmd, path))
    return [(statistics.median(t[0] for t in x), statistics.median(t[1] for t in x)) for x in ts]


def rss(path):
    p = subprocess.run(["/usr/bin/time", "-f", "%M", links, "-q", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return int(p.stderr.split()[-1])


print("links.sh: %s, median of %d runs; CPU seconds (wall in brackets); MB/s of input" % (links, runs))
worst = None
for name, xml in (("sitemap", True), ("feeds", True), ("pages", False), ("devpages", False)):
    path = os.path.join(out, "links-%s.jsonl" % name)
    if not os.path.exists(path):
        print("%-8s left out: no ../shared" % name)
        continue
    mb = os.path.getsize(path) / 1e6
    anchor = ["build/opt/bin/parse"] + (["-x"] if xml else [])
    (pc, pw), (lc, lw) = medians([anchor, [links, "-q"]], path)
    n = sum(1 for _ in subprocess.run([links, "-q", path], capture_output=True,
                                      text=True).stdout.splitlines())
    ratio = pc / lc
    worst = ratio if worst is None else min(worst, ratio)
    print("%-8s %6.1f MB  bare parse%s %6.3f s (%.3f) %6.1f MB/s   links %6.3f s (%.3f) %6.1f MB/s"
          "   links/parse speed %.2f   %d urls" % (
              name, mb, " -x" if xml else "   ", pc, pw, mb / pc, lc, lw, mb / lc, ratio, n))
print("worst links/parse speed: %.2f (target >= 0.8)" % worst)
print("links max RSS: %d KB on one 50,000-URL sitemap, %d KB on ten" % (
    rss(os.path.join(out, "links-sitemap.jsonl")), rss(os.path.join(out, "links-sitemap10.jsonl"))))
start = []
for _ in range(max(runs, 10) * 2):
    t = time.perf_counter()
    b = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([links, "-q"], stdin=subprocess.DEVNULL, check=True)
    a = resource.getrusage(resource.RUSAGE_CHILDREN)
    start.append((a.ru_utime - b.ru_utime + a.ru_stime - b.ru_stime, time.perf_counter() - t))
print("links start-up (empty input): %.1f ms CPU (%.1f ms wall), median of %d" % (
    1000 * statistics.median(s[0] for s in start), 1000 * statistics.median(s[1] for s in start),
    len(start)))
EOF

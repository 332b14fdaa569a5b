#!/usr/bin/env python3
"""make.py: write the sample news site of tests/site from stories.py.

    python3 tests/site/make.py [--check]

Writes dainik/ and courier/ (the first state), update/ (the files of the
second state that differ from the first) and expected.json (the facts a
test asserts).  Every URL of the site is written with the outlet's
placeholder origin (http://dainik.test, http://courier.test), which
server.py replaces by the origin it serves the outlet on (the same name
with its port).  --check
writes nothing and fails when a file on disk differs from what would be
written.  Python 3 standard library only.
"""

import datetime
import html
import json
import os
import sys
import urllib.parse

sys.dont_write_bytecode = True	# no __pycache__ in the tests folder

import stories  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TZ = datetime.timezone(datetime.timedelta(hours=6))
BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
BN_MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই",
             "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"]
BN_DAYS = ["সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার",
           "শনিবার", "রবিবার"]


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def when(t):
    return datetime.datetime.fromisoformat(t).replace(tzinfo=TZ)


def iso(t):
    return when(t).isoformat()


def rfc822(t):
    return when(t).strftime("%a, %d %b %Y %H:%M:%S +0600")


def bn_time(t):
    d = when(t)
    h = d.hour % 12 or 12
    return ("%d %s %d, %d:%02d %s" % (d.day, BN_MONTHS[d.month - 1], d.year,
                                       h, d.minute,
                                       "এএম" if d.hour < 12 else "পিএম")
            ).translate(BN)


def en_time(t):
    d = when(t)
    return "%d %s %d, %d:%02d %s" % (d.day, d.strftime("%b"), d.year,
                                     d.hour % 12 or 12, d.minute,
                                     "AM" if d.hour < 12 else "PM")


# --- the outlets ------------------------------------------------------------


class Outlet:
    def __init__(self, key, origin, name, lang, host):
        self.key, self.origin, self.name = key, origin, name
        self.lang, self.host = lang, host
        self.files = {}		# path under the outlet's folder -> bytes

    def put(self, path, text, codec="utf-8"):
        self.files[path] = text.encode(codec)


DAINIK_SECTIONS = {"national": "জাতীয়", "politics": "রাজনীতি",
                   "economy": "অর্থনীতি", "sports": "খেলা", "opinion": "মতামত"}
COURIER_SECTIONS = {"bangladesh": "Bangladesh", "politics": "Politics",
                    "business": "Business", "world": "World",
                    "sport": "Sport", "opinion": "Opinion",
                    "archive": "Archive"}


def dainik_path(s):
    if "slug" in s:
        return "/%s/%s" % (s["sec"], s["slug"])
    return "/%s/news/%d" % (s["sec"], s["id"])


def courier_slug(title):
    t = title.lower().replace("’", "").replace("'", "").replace("$", "")
    t = t.replace(".", "")
    out = "".join(c if c.isalnum() else "-" for c in t)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def courier_path(s):
    if s["sec"] == "archive":
        return "/archive/%s.html" % s["slug"]
    return "/%s/%s-%d" % (s["sec"], courier_slug(s["title"]), s["id"])


def file_of(path):
    """The file under an outlet's folder that serves path."""
    p = urllib.parse.unquote(path).lstrip("/")
    return p if p.endswith(".html") else p + ".html"


def older(items, s, n=3):
    """Related stories: the newest of the same section published before s
    (as a CMS fixes them when s is published, so later stories do not
    change s's page)."""
    return [x for x in newest(items) if x["sec"] == s["sec"]
            and x["time"] < s["time"]][:n]


def newest(items, n=None):
    out = sorted(items, key=lambda s: s["time"], reverse=True)
    return out if n is None else out[:n]


# --- Dainik Namuna ----------------------------------------------------------

DN_MENU = [("প্রচ্ছদ", "/"), ("জাতীয়", "/national"), ("রাজনীতি", "/politics"),
           ("আমাদের সম্পর্কে", "/about")]


def shell(o, title, body, canonical, desc, extra_head, feeds, css, header,
          footer):
    """A whole page of outlet o: the head every page has, the header and
    footer given."""
    head = ['<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, '
            'initial-scale=1">',
            '<title>%s</title>' % esc(title),
            '<link rel="canonical" href="%s%s">' % (o.origin, canonical),
            '<meta property="og:site_name" content="%s">' % attr(o.name)]
    if desc:
        head.append('<meta name="description" content="%s">' % attr(desc))
    if feeds:
        head.append('<link rel="alternate" type="application/rss+xml" '
                    'title="%s" href="%s%s">' % (attr(o.name), o.origin,
                                                 o.rss))
        head.append('<link rel="alternate" type="application/atom+xml" '
                    'title="%s (Atom)" href="%s%s">' % (attr(o.name),
                                                        o.origin, o.atom))
    head.append('<link rel="stylesheet" href="%s">' % css)
    if extra_head:
        head.append(extra_head)
    return ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n%s\n</head>\n'
            '<body>\n%s\n%s\n%s\n</body>\n</html>\n'
            % (o.lang, "\n".join(head), header, body, footer))


def dn_page(o, title, body, canonical, desc="", extra_head="",
            feeds=True):
    header = "\n".join([
        '<header class="site-header">',
        '<div class="topbar"><span>ঢাকা, শনিবার, ১৭ আগস্ট ২০২৪</span> '
        '<a href="http://courier.test/">The Delta Courier</a></div>',
        '<a class="logo" href="/"><img src="/static/logo.svg" '
        'alt="দৈনিক নমুনা"></a>',
        '<nav class="menu"><ul>%s</ul></nav>' % "".join(
            '<li><a href="%s">%s</a></li>' % (h, n) for n, h in DN_MENU),
        '</header>'])
    footer = "\n".join([
        '<footer class="site-footer">',
        '<ul><li><a href="/about">আমাদের সম্পর্কে</a></li>'
        '<li><a href="mailto:news@dainik.test">যোগাযোগ</a></li>'
        '<li><a href="/feed/rss.xml">আরএসএস</a></li></ul>',
        '<ul class="social"><li><a href="https://www.facebook.com/'
        'dainiknamuna">Facebook</a></li><li><a href="https://www.youtube.com/'
        '@dainiknamuna">YouTube</a></li></ul>',
        '<p>সম্পাদক: আনোয়ার হোসেন · ১২ কারওয়ান বাজার, ঢাকা ১২১৫</p>',
        '<p>© ২০২৪ দৈনিক নমুনা। সর্বস্বত্ব সংরক্ষিত।</p>',
        '</footer>'])
    return shell(o, title, body, canonical, desc, extra_head, feeds,
                 "/static/site.css", header, footer)


def dn_card(o, s, href=None, summary=True):
    href = href or dainik_path(s)
    out = '<div class="card"><h3><a href="%s">%s</a></h3>' % (
        attr(href), esc(s["title"]))
    if summary:
        out += '<p>%s</p>' % esc(s["summary"])
    return out + '<time datetime="%s">%s</time></div>' % (
        iso(s["time"]), bn_time(s["time"]))


def dn_article(o, s, all_stories):
    path = dainik_path(s)
    sec = s["sec"]
    crumb = '<a href="/">প্রচ্ছদ</a> › '
    if sec in ("national", "politics"):
        crumb += '<a href="/%s">%s</a>' % (sec, DAINIK_SECTIONS[sec])
    else:
        crumb += DAINIK_SECTIONS[sec]
    times = '<time datetime="%s">প্রকাশ: %s</time>' % (iso(s["time"]),
                                                       bn_time(s["time"]))
    if s.get("updated"):
        times += ' <time class="updated" datetime="%s">আপডেট: %s</time>' % (
            iso(s["updated"]), bn_time(s["updated"]))
    url = o.origin + urllib.parse.quote(path)
    share = urllib.parse.quote(url, safe="")
    related = older(all_stories, s)
    ld = ""
    if s.get("jsonld"):
        ld = '<script type="application/ld+json">%s</script>' % json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": s["title"], "description": s["summary"],
            "datePublished": iso(s["time"]),
            "dateModified": iso(s.get("updated") or s["time"]),
            "author": {"@type": "Person" if "প্রতিবেদক" not in s["author"]
                       else "Organization", "name": s["author"]},
            "publisher": {"@type": "NewsMediaOrganization",
                          "name": "দৈনিক নমুনা", "url": o.origin + "/"},
            "mainEntityOfPage": url, "inLanguage": "bn"},
            ensure_ascii=False)
    body = "\n".join([
        '<div class="ad">বিজ্ঞাপন</div>',
        '<main>',
        '<article class="story">',
        '<nav class="breadcrumb">%s</nav>' % crumb,
        '<h1>%s</h1>' % esc(s["title"]),
        '<div class="byline"><span class="author">%s</span></div>'
        % esc(s["author"]),
        '<div class="dateline">%s</div>' % times,
        '<div class="share"><a href="https://www.facebook.com/sharer/'
        'sharer.php?u=%s">ফেসবুক</a> <a href="https://twitter.com/intent/'
        'tweet?url=%s">এক্স</a> <a href="whatsapp://send?text=%s">'
        'হোয়াটসঅ্যাপ</a> <a href="javascript:void(0)" class="copy">লিংক কপি'
        '</a></div>' % (share, share, share),
        '<figure><img src="/static/photo.svg" alt="%s"><figcaption>ছবি: '
        'দৈনিক নমুনা</figcaption></figure>' % attr(s["title"]),
        '<div class="article-body">',
        "\n".join("<p>%s</p>" % esc(p) for p in s["body"]),
        '</div>',
        '<div class="tags">ট্যাগ: %s</div>' % ", ".join(
            '<span class="tag">%s</span>' % esc(t) for t in s["tags"]),
        '</article>',
        '<aside class="related"><h2>আরও পড়ুন</h2><ul>%s</ul></aside>' % "".join(
            '<li><a href="%s">%s</a></li>' % (attr(dainik_path(x)),
                                              esc(x["title"]))
            for x in related),
        '</main>'])
    meta = "\n".join([
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="%s">' % attr(s["title"]),
        '<meta property="og:url" content="%s">' % url,
        '<meta property="article:published_time" content="%s">' % iso(
            s["time"]), ld])
    return dn_page(o, "%s | দৈনিক নমুনা" % s["title"], body,
                   urllib.parse.quote(path), s["summary"], meta)


def dn_home(o, sts):
    by = {k: newest([s for s in sts if s["sec"] == k]) for k in
          DAINIK_SECTIONS}
    lead = newest(by["national"])[0]
    lead_path = dainik_path(lead)
    body = ['<main class="home">',
            '<section class="lead">',
            # The lead is linked with tracking parameters, as the CMS's
            # "top story" widget writes it; the plain URL is below.
            '<h1><a href="%s?utm_source=home&amp;utm_medium=lead">%s</a>'
            '</h1>' % (attr(lead_path), esc(lead["title"])),
            '<p>%s</p>' % esc(lead["summary"]),
            '</section>',
            '<section class="latest"><h2>সর্বশেষ</h2><ul>']
    for s in newest(sts, 12):
        body.append('<li><a href="%s">%s</a> <time>%s</time></li>' % (
            attr(dainik_path(s)), esc(s["title"]), bn_time(s["time"])))
    body.append('</ul></section>')
    for k, n in (("national", 6), ("politics", 5), ("economy", 3),
                 ("sports", 2), ("opinion", 1)):
        title = DAINIK_SECTIONS[k]
        if k in ("national", "politics"):
            title = '<a href="/%s">%s</a>' % (k, title)
        body.append('<section class="block"><h2>%s</h2>' % title)
        for s in by[k][:n]:
            body.append(dn_card(o, s, summary=(k != "national")))
        body.append('</section>')
    body.append('</main>')
    return dn_page(o, "দৈনিক নমুনা | সর্বশেষ খবর", "\n".join(body), "/",
                   "দৈনিক নমুনা: দেশ ও বিদেশের সর্বশেষ খবর")


def dn_section(o, sts, key):
    name = DAINIK_SECTIONS[key]
    body = ['<main class="section">',
            '<nav class="breadcrumb"><a href="/">প্রচ্ছদ</a> › %s</nav>' % name,
            '<h1>%s</h1>' % name]
    for s in newest([s for s in sts if s["sec"] == key]):
        body.append(dn_card(o, s))
    body.append('<nav class="pagination"><span>১</span></nav>')
    body.append('</main>')
    return dn_page(o, "%s | দৈনিক নমুনা" % name, "\n".join(body), "/" + key)


def dn_about(o):
    return dn_page(o, "আমাদের সম্পর্কে | দৈনিক নমুনা", '<main><h1>আমাদের '
                   'সম্পর্কে</h1><p>দৈনিক নমুনা khobor-এর পরীক্ষার জন্য লেখা একটি '
                   'কাল্পনিক সংবাদপত্র।</p></main>', "/about", feeds=False)


# --- The Delta Courier ------------------------------------------------------

CO_MENU = [("Home", "/"), ("Bangladesh", "/bangladesh"),
           ("Opinion", "/opinion"), ("About", "/about")]


def co_page(o, title, body, canonical, desc="", extra_head="", feeds=True):
    header = "\n".join([
        '<header id="masthead">',
        '<div class="top"><span>Saturday, August 17, 2024</span> '
        '<a href="http://dainik.test/">দৈনিক নমুনা</a></div>',
        '<a class="brand" href="/">The Delta Courier</a>',
        '<nav><ul>%s</ul></nav>' % "".join(
            '<li><a href="%s">%s</a></li>' % (h, n) for n, h in CO_MENU),
        '</header>'])
    footer = "\n".join([
        '<footer id="colophon">',
        '<ul><li><a href="/about">About us</a></li>'
        '<li><a href="mailto:desk@courier.test">Contact</a></li>'
        '<li><a href="/rss.xml">RSS</a></li></ul>',
        '<ul class="social"><li><a href="https://x.com/deltacourier">X</a>'
        '</li><li><a href="https://www.facebook.com/deltacourier">Facebook'
        '</a></li></ul>',
        '<p>© 2024 The Delta Courier, Dhaka. A made-up newspaper for '
        'khobor\'s tests.</p>',
        '</footer>'])
    return shell(o, title, body, canonical, desc, extra_head, feeds,
                 "/static/courier.css", header, footer)


def co_card(s, summary=True):
    out = '<div class="story-card"><h3><a href="%s">%s</a></h3>' % (
        attr(courier_path(s)), esc(s["title"]))
    if summary:
        out += '<p class="standfirst">%s</p>' % esc(s["summary"])
    return out + '<span class="meta">%s</span></div>' % en_time(s["time"])


def co_article(o, s, all_stories):
    path = courier_path(s)
    url = o.origin + path
    share = urllib.parse.quote(url, safe="")
    times = '<time datetime="%s">Published: %s</time>' % (
        iso(s["time"]), en_time(s["time"]))
    if s.get("updated"):
        times += ' <time datetime="%s">Updated: %s</time>' % (
            iso(s["updated"]), en_time(s["updated"]))
    related = older(all_stories, s)
    ld = ""
    if s.get("jsonld"):
        ld = '<script type="application/ld+json">%s</script>' % json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": s["title"], "description": s["summary"],
            "datePublished": iso(s["time"]),
            "dateModified": iso(s.get("updated") or s["time"]),
            "author": [{"@type": "Person", "name": s["author"]}],
            "publisher": {"@type": "NewsMediaOrganization",
                          "name": "The Delta Courier",
                          "url": o.origin + "/"},
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "inLanguage": "en"})
    crumb = COURIER_SECTIONS[s["sec"]]
    if s["sec"] in ("bangladesh", "opinion"):
        crumb = '<a href="/%s">%s</a>' % (s["sec"], crumb)
    body = "\n".join([
        '<main id="content">',
        '<article class="article">',
        '<div class="kicker">%s</div>' % crumb,
        '<h1 class="headline">%s</h1>' % esc(s["title"]),
        '<p class="standfirst">%s</p>' % esc(s["summary"]),
        '<div class="byline">%s%s</div>' % (
            "" if s["author"] in ("Editorial",) else "By ",
            esc(s["author"])),
        '<div class="dates">%s</div>' % times,
        '<div class="share-tools"><a href="https://www.facebook.com/sharer/'
        'sharer.php?u=%s">Share</a> <a href="https://twitter.com/intent/'
        'tweet?url=%s">Post</a> <a href="mailto:?body=%s">Email</a></div>'
        % (share, share, share),
        '<div class="body">',
        "\n".join("<p>%s</p>" % esc(p) for p in s["body"]),
        '</div>',
        '<ul class="topics">%s</ul>' % "".join(
            '<li>%s</li>' % esc(t) for t in s["tags"]),
        '</article>',
        '<aside class="more"><h2>More stories</h2><ul>%s</ul></aside>' % "".join(
            '<li><a href="%s">%s</a></li>' % (attr(courier_path(x)),
                                              esc(x["title"]))
            for x in related),
        '<div class="newsletter">Get the Courier in your inbox: '
        '<a href="/about#newsletter">sign up</a></div>',
        '</main>'])
    meta = "\n".join([
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="%s">' % attr(s["title"]),
        '<meta property="og:url" content="%s">' % url,
        '<meta name="author" content="%s">' % attr(s["author"]), ld])
    return co_page(o, "%s | The Delta Courier" % s["title"], body, path,
                   s["summary"], meta, feeds=(s["sec"] != "opinion"))


def co_legacy(o, s):
    """An archive page as the old CMS wrote it: windows-1252."""
    path = courier_path(s)
    return "\n".join([
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
        '<html>', '<head>',
        '<meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1252">',
        '<title>The Delta Courier :: %s</title>' % esc(s["title"]),
        '<link rel="canonical" href="%s%s">' % (o.origin, path),
        '</head>',
        '<body bgcolor="#ffffff">',
        '<table width="100%" border="0"><tr><td><a href="/">'
        '<img src="/static/logo-2019.gif" alt="The Delta Courier" border="0">'
        '</a></td><td align="right"><a href="/">Home</a> | <a href="/'
        'bangladesh">Bangladesh</a> | <a href="/opinion">Opinion</a></td>'
        '</tr></table>',
        '<table width="100%"><tr><td valign="top" width="70%">',
        '<font size="5"><b>%s</b></font><br>' % esc(s["title"]),
        '<font size="2">%s | %s</font><br><br>' % (
            esc(s["author"]), when(s["time"]).strftime("%B %d, %Y %I:%M %p")),
        "\n".join("<p>%s</p>" % esc(p) for p in s["body"]),
        '</td><td valign="top"><b>Archive</b><br><a href="/archive/">'
        'Browse by date</a></td></tr></table>',
        '<p><font size="1">Copyright © 2019 The Delta Courier — all rights '
        'reserved.</font></p>',
        '</body>', '</html>', ""])


def co_home(o, sts, archive):
    news = [s for s in sts if s["sec"] != "opinion"]
    lead = next(s for s in sts if s["id"] == 2101)
    body = ['<main class="front">',
            '<section class="splash"><h1><a href="%s">%s</a></h1><p>%s</p>'
            '</section>' % (attr(courier_path(lead)), esc(lead["title"]),
                            esc(lead["summary"])),
            '<section class="top-stories">']
    for s in newest([s for s in news if s is not lead], 6):
        body.append(co_card(s, summary=False))
    body.append('</section>')
    for key in ("bangladesh", "politics", "business", "world", "sport"):
        name = COURIER_SECTIONS[key]
        if key == "bangladesh":
            name = '<a href="/bangladesh">%s</a>' % name
        body.append('<section class="rail"><h2>%s</h2>' % name)
        for s in newest([s for s in sts if s["sec"] == key]):
            body.append(co_card(s, summary=False))
        body.append('</section>')
    body.append('<section class="opinion"><h2><a href="/opinion">Opinion</a>'
                '</h2>')
    for s in newest([s for s in sts if s["sec"] == "opinion"]):
        body.append(co_card(s))
    body.append('</section>')
    body.append('<section class="archive"><h2>From the archive</h2><ul>')
    for s in archive:
        body.append('<li><a href="%s">%s</a> (%d)</li>' % (
            attr(courier_path(s)), esc(s["title"]), when(s["time"]).year))
    body.append('</ul></section>')
    body.append('</main>')
    return co_page(o, "The Delta Courier | News from Bangladesh",
                   "\n".join(body), "/", "Independent news from Dhaka.")


def co_section(o, sts, key):
    name = COURIER_SECTIONS[key]
    body = ['<main class="section">', '<h1>%s</h1>' % name]
    for s in newest([s for s in sts if s["sec"] == key]):
        body.append(co_card(s))
    body.append('</main>')
    # The Opinion section has no feed at all: no <link rel="alternate">.
    return co_page(o, "%s | The Delta Courier" % name, "\n".join(body),
                   "/" + key, feeds=(key != "opinion"))


def co_about(o):
    return co_page(o, "About | The Delta Courier", '<main><h1>About us</h1>'
                   '<p>The Delta Courier is a made-up English daily, written '
                   'for khobor\'s tests.</p><h2 id="newsletter">Newsletter</h2>'
                   '<p>There is none.</p></main>', "/about", feeds=False)


# --- feeds, sitemaps, robots.txt -------------------------------------------


def rss(o, title, desc, items, lang):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/">',
           '<channel>',
           '<title>%s</title>' % esc(title),
           '<link>%s/</link>' % o.origin,
           '<description>%s</description>' % esc(desc),
           '<language>%s</language>' % lang,
           '<lastBuildDate>%s</lastBuildDate>' % rfc822(items[0]["time"]),
           '<atom:link href="%s%s" rel="self" type="application/rss+xml"/>'
           % (o.origin, o.rss)]
    for s in items:
        link = o.origin + s["link"]
        out += ['<item>',
                '<title>%s</title>' % esc(s["title"]),
                '<link>%s</link>' % esc(link),
                '<guid isPermaLink="true">%s</guid>' % esc(link),
                '<pubDate>%s</pubDate>' % rfc822(s["time"]),
                '<dc:creator>%s</dc:creator>' % esc(s["author"]),
                '<description>%s</description>' % esc(s["summary"]),
                '</item>']
    out += ['</channel>', '</rss>', '']
    return "\n".join(out)


def atom(o, title, items, lang):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">' % lang,
           '<title>%s</title>' % esc(title),
           '<id>%s/</id>' % o.origin,
           '<link rel="alternate" type="text/html" href="%s/"/>' % o.origin,
           '<link rel="self" href="%s%s"/>' % (o.origin, o.atom),
           '<updated>%s</updated>' % iso(max(s.get("updated") or s["time"]
                                              for s in items))]
    for s in items:
        link = o.origin + s["link"]
        out += ['<entry>',
                '<title>%s</title>' % esc(s["title"]),
                '<link rel="alternate" type="text/html" href="%s"/>'
                % attr(link),
                '<id>%s</id>' % esc(link),
                '<published>%s</published>' % iso(s["time"]),
                '<updated>%s</updated>' % iso(s.get("updated") or s["time"]),
                '<author><name>%s</name></author>' % esc(s["author"]),
                '<summary>%s</summary>' % esc(s["summary"]),
                '</entry>']
    out += ['</feed>', '']
    return "\n".join(out)


def news_sitemap(o, items, lang):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for s in items:
        out += ['<url>',
                '<loc>%s</loc>' % esc(o.origin + s["link"]),
                '<news:news>',
                '<news:publication><news:name>%s</news:name><news:language>'
                '%s</news:language></news:publication>' % (esc(o.name), lang),
                '<news:publication_date>%s</news:publication_date>'
                % iso(s["time"]),
                '<news:title>%s</news:title>' % esc(s["title"]),
                '</news:news>', '</url>']
    out += ['</urlset>', '']
    return "\n".join(out)


def urlset(o, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for s in items:
        out += ['<url><loc>%s</loc><lastmod>%s</lastmod></url>' % (
            esc(o.origin + s["link"]), iso(s.get("updated") or s["time"]))]
    out += ['</urlset>', '']
    return "\n".join(out)


def sitemap_index(o, maps):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, lastmod in maps:
        out.append('<sitemap><loc>%s%s</loc><lastmod>%s</lastmod></sitemap>'
                   % (o.origin, path, iso(lastmod)))
    out += ['</sitemapindex>', '']
    return "\n".join(out)


def robots(o, extra):
    return ("# robots.txt for %s\nUser-agent: *\nDisallow: /search\n%s\n"
            "Sitemap: %s/sitemap.xml\nSitemap: %s/sitemap-news.xml.gz\n"
            % (o.name, extra, o.origin, o.origin))


SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
       '<rect width="120" height="40" fill="#ddd"/></svg>\n')


# --- the two states ------------------------------------------------------


def build(state):
    """The files of both outlets in state 1 or 2, and the facts."""
    dn = Outlet("dainik", "http://dainik.test", "দৈনিক নমুনা", "bn",
                "dainik.test")
    co = Outlet("courier", "http://courier.test", "The Delta Courier", "en",
                "courier.test")
    dn.rss, dn.atom = "/feed/rss.xml", "/feed/atom.xml"
    co.rss, co.atom = "/rss.xml", "/atom.xml"
    dsts = [dict(s) for s in stories.DAINIK]
    csts = [dict(s) for s in stories.COURIER]
    arch = [dict(s) for s in stories.COURIER_ARCHIVE]
    if state == 2:
        dsts += [dict(s) for s in stories.DAINIK_NEW]
        csts += [dict(s) for s in stories.COURIER_NEW]
        for s in dsts:
            e = stories.DAINIK_EDIT.get(s["id"])
            if e:
                s["updated"] = e["updated"]
                s["title"] = e["title"]
                s["body"] = s["body"] + e["body_add"]
    for s in dsts:
        s["path"] = dainik_path(s)
        s["link"] = urllib.parse.quote(s["path"])
    for s in csts + arch:
        s["path"] = s["link"] = courier_path(s)
    day = "2024-08-18" if state == 2 else "2024-08-17"
    recent = ("2024-08-17", "2024-08-18") if state == 2 else \
        ("2024-08-16", "2024-08-17")
    facts = {}

    # Dainik Namuna.
    for s in dsts:
        dn.put(file_of(s["path"]), dn_article(dn, s, dsts))
    dn.put("index.html", dn_home(dn, dsts))
    dn.put("national/index.html", dn_section(dn, dsts, "national"))
    dn.put("politics/index.html", dn_section(dn, dsts, "politics"))
    dn.put("about.html", dn_about(dn))
    removed = {"title": "নদীভাঙনে বিলীন প্রাথমিক বিদ্যালয়",
               "author": "নিজস্ব প্রতিবেদক", "time": "2024-08-16T11:00",
               "summary": "সরিয়ে নেওয়া খবর।",
               "link": "/national/news/50100", "path": "/national/news/50100"}
    feed_items = newest(dsts, 15)
    rss_items = newest(feed_items + [removed])
    atom_items = newest(dsts, 10)
    news_items = [s for s in newest(dsts) if s["time"][:10] in recent]
    dn.put("feed/rss.xml", rss(dn, "দৈনিক নমুনা", "দৈনিক নমুনার সর্বশেষ খবর",
                               rss_items, "bn"))
    dn.put("feed/atom.xml", atom(dn, "দৈনিক নমুনা", atom_items, "bn"))
    dn.put("_gz/sitemap-news.xml", news_sitemap(dn, news_items, "bn"))
    dn.put("sitemap-2024-08.xml", urlset(dn, newest(dsts)))
    last = max(s.get("updated") or s["time"] for s in dsts)
    dn.put("sitemap.xml", sitemap_index(dn, [("/sitemap-news.xml.gz", last),
                                             ("/sitemap-2024-08.xml", last)]))
    dn.put("robots.txt", robots(dn, "Disallow: /admin/"))
    dn.put("static/logo.svg", SVG)
    dn.put("static/photo.svg", SVG)
    dn.put("static/site.css", "body{font-family:sans-serif;max-width:60em;"
           "margin:auto}\n")
    facts["dainik"] = dict(
        articles=[s["link"] for s in newest(dsts)],
        rss=[s["link"] for s in rss_items],
        atom=[s["link"] for s in atom_items],
        news_sitemap=[s["link"] for s in news_items],
        sitemap=[s["link"] for s in newest(dsts)],
        html_only=[], not_found=[removed["link"]])

    # The Delta Courier.
    for s in csts:
        co.put(file_of(s["path"]), co_article(co, s, csts))
    for s in arch:
        co.put(file_of(s["path"]), co_legacy(co, s), "cp1252")
    co.put("index.html", co_home(co, csts, arch))
    co.put("bangladesh/index.html", co_section(co, csts, "bangladesh"))
    co.put("opinion/index.html", co_section(co, csts, "opinion"))
    co.put("about.html", co_about(co))
    news = [s for s in csts if s["sec"] != "opinion"]
    # The RSS feed still has 2101 under its old URL, which redirects.
    old = "/news/2101"
    rss_items = [dict(s, link=old) if s["id"] == 2101 else s
                 for s in newest(news, 12)]
    atom_items = newest(news, 10)
    news_items = [s for s in newest(news) if s["time"][:10] in recent]
    co.put("rss.xml", rss(co, "The Delta Courier", "Latest news from The "
                          "Delta Courier", rss_items, "en"))
    co.put("atom.xml", atom(co, "The Delta Courier", atom_items, "en"))
    co.put("_gz/sitemap-news.xml", news_sitemap(co, news_items, "en"))
    co.put("sitemap-2024-08.xml", urlset(co, newest(news)))
    co.put("sitemap-2019.xml", urlset(co, newest(arch)))
    last = max(s["time"] for s in news)
    co.put("sitemap.xml", sitemap_index(co, [
        ("/sitemap-news.xml.gz", last), ("/sitemap-2024-08.xml", last),
        ("/sitemap-2019.xml", "2019-08-14T16:20")]))
    co.put("robots.txt", robots(co, "Disallow: /print/"))
    target = next(s["path"] for s in csts if s["id"] == 2101)
    co.put("_redirects", "# old path, new path: answered with 301\n"
           "%s %s\n" % (old, target))
    co.put("static/courier.css", "body{font-family:serif;max-width:58em;"
           "margin:auto}\n")
    co.put("static/logo-2019.gif", "GIF89a\n")
    opin = [s["link"] for s in newest(csts) if s["sec"] == "opinion"]
    facts["courier"] = dict(
        articles=[s["link"] for s in newest(csts + arch)],
        rss=[s["link"] for s in rss_items],
        atom=[s["link"] for s in atom_items],
        news_sitemap=[s["link"] for s in news_items],
        sitemap=[s["link"] for s in newest(news)] +
        [s["link"] for s in newest(arch)],
        html_only=opin, not_found=[],
        legacy=[s["link"] for s in arch],
        redirect={"from": old, "to": target})
    return dn, co, facts, day


def expected(state1, state2):
    dn1, co1, f1, _ = state1
    dn2, co2, f2, _ = state2

    def outlet(o, f, f2, extra):
        new = [u for u in f2["articles"] if u not in f["articles"]]
        edited = [u for u in f["articles"] if u in f2["articles"]
                  and o.files[file_of(urllib.parse.unquote(u))] !=
                  (dn2 if o.key == "dainik" else co2)
                  .files[file_of(urllib.parse.unquote(u))]]
        d = {"name": o.name, "lang": o.lang, "host": o.host,
             "placeholder": o.origin, "home": "/",
             "robots": "/robots.txt", "rss": o.rss, "atom": o.atom,
             "sitemap_index": "/sitemap.xml",
             "news_sitemap": "/sitemap-news.xml.gz",
             "articles_count": len(f["articles"]),
             "articles": f["articles"],
             "in_rss": f["rss"], "in_atom": f["atom"],
             "in_news_sitemap": f["news_sitemap"],
             "in_sitemaps": f["sitemap"],
             "html_only": f["html_only"],
             "update": {"articles_count": len(f2["articles"]),
                        "new": new, "edited": edited,
                        "in_rss": f2["rss"], "in_atom": f2["atom"],
                        "in_news_sitemap": f2["news_sitemap"]}}
        d.update(extra)
        return d

    return {
        "about": "Facts of the sample site (tests/site/README.md). Paths are "
                 "on the outlet's origin: http://HOST:PORT, the port "
                 "server.py chose; in the files, the placeholder.",
        "outlets": {
            "dainik": outlet(dn1, f1["dainik"], f2["dainik"], {
                "sections": ["/national", "/politics"],
                "sections_without_feed": []}),
            "courier": outlet(co1, f1["courier"], f2["courier"], {
                "sections": ["/bangladesh", "/opinion"],
                "sections_without_feed": ["/opinion"]}),
        },
        "articles_count": len(f1["dainik"]["articles"]) +
        len(f1["courier"]["articles"]),
        "articles_count_after_update": len(f2["dainik"]["articles"]) +
        len(f2["courier"]["articles"]),
        "redirect": {"outlet": "courier", "status": 301,
                     "from": f1["courier"]["redirect"]["from"],
                     "to": f1["courier"]["redirect"]["to"],
                     "linked_from": ["/rss.xml"]},
        "not_found": {"outlet": "dainik",
                      "path": f1["dainik"]["not_found"][0],
                      "linked_from": ["/feed/rss.xml"]},
        "tracking_twin": {"outlet": "dainik", "page": "/",
                          "href": "/national/news/50101?utm_source=home"
                                  "&utm_medium=lead",
                          "canonical": "/national/news/50101"},
        "legacy_charset": {"outlet": "courier", "charset": "windows-1252",
                           "content_type": "text/html",
                           "paths": f1["courier"]["legacy"]},
        "bengali_slug": {"outlet": "dainik",
                         "path": next(u for u in f1["dainik"]["articles"]
                                      if "%" in u)},
    }


def main():
    check = "--check" in sys.argv[1:]
    s1, s2 = build(1), build(2)
    out = {}
    for o in s1[:2]:
        for path, data in o.files.items():
            out[os.path.join(o.key, path)] = data
    for o, o1 in zip(s2[:2], s1[:2]):
        for path, data in o.files.items():
            if o1.files.get(path) != data:
                out[os.path.join("update", o.key, path)] = data
        gone = set(o1.files) - set(o.files)
        if gone:
            sys.exit("make.py: state 2 removes %s" % sorted(gone))
    out["expected.json"] = (json.dumps(expected(s1, s2), ensure_ascii=False,
                                       indent=1) + "\n").encode("utf-8")
    bad = 0
    for rel, data in sorted(out.items()):
        path = os.path.join(HERE, rel)
        if check:
            try:
                with open(path, "rb") as f:
                    same = f.read() == data
            except OSError:
                same = False
            if not same:
                print("make.py: %s differs" % rel)
                bad = 1
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    if check:
        for top in ("dainik", "courier", "update"):
            for d, _, fs in os.walk(os.path.join(HERE, top)):
                for f in fs:
                    rel = os.path.relpath(os.path.join(d, f), HERE)
                    if rel not in out:
                        print("make.py: %s is not made by make.py" % rel)
                        bad = 1
    n1 = len(s1[2]["dainik"]["articles"]) + len(s1[2]["courier"]["articles"])
    print("%d files, %d bytes; %d articles, %d after the update" % (
        len(out), sum(len(v) for v in out.values()), n1,
        len(s2[2]["dainik"]["articles"]) + len(s2[2]["courier"]["articles"])))
    return bad


if __name__ == "__main__":
    sys.exit(main())

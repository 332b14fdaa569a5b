#!/usr/bin/env python3
"""make-dev.py: write links' development section pages and their gold lists.

Each page imitates one outlet's URL style and one markup style (semantic
HTML5; div soup with telling classes; div soup with hashed classes; old
table layout), with the chrome real pages have: a top bar (date, social,
e-paper, app and login links), a navigation menu, a breaking-news ticker,
lead story, cards with a picture link, a headline link and a "read more"
link, section blocks with "more" links, a most-read sidebar, a tag cloud,
pagination, share links and a footer.  The gold list is every article
of the outlet the page links, wherever it stands (a ticker or a story
in the header or footer too: a collector wants them all), in canonical
form.

    tests/links/dev/make-dev.py        # writes tests/links/dev/*.html, .gold, .url
Seeded: the same files every run.
"""
import os, random, urllib.parse

here = os.path.dirname(os.path.abspath(__file__))
R = random.Random(14)

BN = """ঢাকায় মেট্রোরেল চলাচল আবার শুরু, যাত্রীদের ভিড়
বন্যায় সিলেটের নিম্নাঞ্চল প্লাবিত, পানিবন্দী লাখো মানুষ
সংসদে বাজেট পাস, বাড়ছে করমুক্ত আয়ের সীমা
বিশ্বকাপ বাছাইয়ে জয় পেল বাংলাদেশ ফুটবল দল
চট্টগ্রাম বন্দরে কনটেইনার জট কমেছে
ডেঙ্গুতে আরও পাঁচজনের মৃত্যু, হাসপাতালে ভর্তি ৮০০
রাজধানীতে সড়ক দুর্ঘটনায় দুই শিক্ষার্থী নিহত
পদ্মা সেতুতে টোল আদায় ছাড়াল নতুন রেকর্ড
শিক্ষা বোর্ডের ফল প্রকাশ, পাসের হার বেড়েছে
চালের দাম কমাতে আমদানির সিদ্ধান্ত সরকারের
কলকাতায় ভারী বৃষ্টিতে জলমগ্ন রাস্তা, যান চলাচল ব্যাহত
পঞ্চায়েত নির্বাচনের প্রস্তুতি শুরু করল কমিশন
রোহিঙ্গা প্রত্যাবাসন নিয়ে নতুন আলোচনা
প্রবাসী আয়ে রেকর্ড, রিজার্ভ বেড়েছে
ঈদের ছুটিতে ফাঁকা রাজধানী, ঘরমুখো মানুষের ঢল
টেস্ট সিরিজে শ্রীলঙ্কার বিপক্ষে দাপুটে জয়
নদীভাঙনে বিলীন শতাধিক বসতবাড়ি
গ্যাস সংকটে বন্ধ কয়েকটি সার কারখানা
সুন্দরবনে বাঘের সংখ্যা বেড়েছে, জরিপে তথ্য
বিশ্ববিদ্যালয়ে ভর্তি পরীক্ষা শুরু আগামী মাসে
শীতের আগাম সবজিতে কৃষকের মুখে হাসি
আন্তর্জাতিক বাণিজ্য মেলায় দর্শনার্থীদের ভিড়
চিকিৎসকদের কর্মবিরতি প্রত্যাহার, স্বাভাবিক সেবা
বিদ্যুৎ বিভ্রাটে ভোগান্তি, লোডশেডিং বাড়ছে
নতুন শিক্ষাক্রম নিয়ে অভিভাবকদের উদ্বেগ
মেসির জোড়া গোলে জিতল ইন্টার মায়ামি
জাতিসংঘ অধিবেশনে যোগ দিতে নিউইয়র্কে প্রধানমন্ত্রী
হাওরে ধান কাটার উৎসব, শ্রমিক সংকট
সাইবার নিরাপত্তা আইনের খসড়া অনুমোদন
দুর্গাপূজার প্রস্তুতি শেষ, মণ্ডপে মণ্ডপে উৎসব
কুয়াশায় ফেরি চলাচল বন্ধ, আটকে শতাধিক যান
তিস্তার পানি বণ্টন নিয়ে আবার বৈঠক
বাংলাদেশ ব্যাংকের নতুন মুদ্রানীতি ঘোষণা
গার্মেন্টস শ্রমিকদের মজুরি বাড়ানোর দাবি
শাকিব খানের নতুন ছবির শুটিং শুরু
করোনার নতুন ধরন নিয়ে সতর্কতা
মহাসড়কে যানজট, ভোগান্তিতে যাত্রীরা
ইলিশের দাম চড়া, হতাশ ক্রেতারা
পাহাড়ধসে তিনজনের মৃত্যু রাঙামাটিতে
নারী ক্রিকেট দলের ঐতিহাসিক সিরিজ জয়
হাসপাতালে অক্সিজেন সরবরাহ স্বাভাবিক
ভোজ্যতেলের দাম লিটারে কমল দশ টাকা
রেলের নতুন সময়সূচি কার্যকর আজ থেকে
সাগরে লঘুচাপ, বন্দরে সতর্ক সংকেত
শহিদ মিনারে শ্রদ্ধা জানাতে মানুষের ঢল
তরুণ উদ্যোক্তাদের জন্য সহজ ঋণ সুবিধা
মেট্রো স্টেশনে নতুন টিকিট ব্যবস্থা চালু
হিলিতে পেঁয়াজ আমদানি বেড়েছে
শিশুদের টিকাদান কর্মসূচি শুরু রবিবার
বইমেলায় নতুন বইয়ের রেকর্ড""".split("\n")

EN = """Metro rail resumes service in Dhaka after a week
Floods leave thousands stranded in Sylhet lowlands
Parliament passes budget with higher tax-free income limit
Bangladesh beat Maldives in World Cup qualifier
Container congestion eases at Chattogram port
Dengue deaths rise as hospitals fill up again
Two students killed in road crash in the capital
Padma Bridge toll collection hits new record
Board exam results out, pass rate rises
Government decides to import rice to ease prices
Heavy rain waterlogs Kolkata streets, traffic crawls
Election commission begins panchayat poll preparations
New round of talks on Rohingya repatriation
Remittance inflow hits record high in July
Capital empties as people head home for Eid
Tigers crush Sri Lanka in first Test
River erosion swallows over a hundred homes
Gas crisis shuts several fertiliser factories
Tiger count rises in the Sundarbans, survey finds
University admission tests to begin next month
Early winter vegetables bring smiles to farmers
Crowds throng international trade fair
Doctors call off strike, services return to normal
Load-shedding worsens as power outages spread
Parents worry over the new curriculum
Messi double gives Inter Miami the win
Prime minister in New York for the UN session
Harvest festival in the haor amid labour shortage
Cabinet approves draft cyber security law
Durga Puja preparations complete across the city""".split("\n")

SECTIONS_BN = [("bangladesh", "বাংলাদেশ"), ("world", "বিশ্ব"), ("sports", "খেলা"),
               ("entertainment", "বিনোদন"), ("opinion", "মতামত"), ("business", "বাণিজ্য"),
               ("education", "শিক্ষা"), ("lifestyle", "জীবনযাপন"), ("technology", "প্রযুক্তি"),
               ("health", "স্বাস্থ্য")]


def slug(s):
    s = s.lower()
    out = "".join(c if c.isalnum() else "-" for c in s)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def bnslug(s, words=None):
    w = [x.strip(",") for x in s.split()]
    if words:
        w = w[:words]
    return "-".join(w)


def pct(s):
    return urllib.parse.quote(s, safe="/-")


class Page:
    """Markup builders in one style; gold collects article URLs."""

    def __init__(self, name, url, style, lang="bn"):
        self.name, self.url, self.style, self.lang = name, url, style, lang
        self.gold = []
        self.out = []
        self.n = 0

    def cls(self, real):
        """A class attribute: telling, or hashed (style C)."""
        if self.style == "C":
            self.n += 1
            return "css-%x%d" % (R.randrange(1 << 20), self.n)
        return real

    def w(self, s):
        self.out.append(s)

    def art(self, href, canon):
        self.gold.append(canon)
        return href


def topbar(p, site, epaper, social):
    c = p.cls
    p.w('<div class="%s"><span>শনিবার, ১৭ আগস্ট ২০২৪</span>' % c("top-bar"))
    p.w('<a href="%s">ই-পেপার</a>' % epaper)
    p.w('<a href="/login">লগইন</a> <a href="/search">খুঁজুন</a>')
    for s in social:
        p.w('<a href="https://www.%s.com/%s" class="%s"><i class="icon-%s"></i></a>' % (s, site, c("social-icon"), s))
    p.w('</div>')


def navmenu(p, sections, prefix="/", extra=()):
    c = p.cls
    tag = {"A": "nav", "B": "div", "C": "div", "D": "div"}[p.style]
    p.w('<%s class="%s"><ul class="%s">' % (tag, c("main-menu"), c("menu-list")))
    p.w('<li><a href="/">প্রচ্ছদ</a></li>')
    for path, label in sections:
        p.w('<li><a href="%s%s">%s</a></li>' % (prefix, path, label))
    for href, label in extra:
        p.w('<li><a href="%s">%s</a></li>' % (href, label))
    p.w('</ul></%s>' % tag)


def header(p, logo_alt, sections, prefix="/", extra=()):
    c = p.cls
    tag = "header" if p.style == "A" else "div"
    p.w('<%s class="%s">' % (tag, c("site-header")))
    p.w('<a href="/" class="%s"><img src="/logo.png" alt="%s"></a>' % (c("logo"), logo_alt))
    navmenu(p, sections, prefix, extra)
    p.w('</%s>' % tag)


def ticker(p, items):
    c = p.cls
    p.w('<div class="%s"><span>শিরোনাম:</span>' % c("breaking-news"))
    for href, canon, t in items:
        p.w('<a href="%s">%s</a> |' % (p.art(href, canon), t))
    p.w('</div>')


def card(p, href, canon, title, summary=None, more=None, author=None, img=True, h="h3", time="২ ঘণ্টা আগে"):
    c = p.cls
    href = p.art(href, canon)
    tag = "article" if p.style == "A" else "div"
    p.w('<%s class="%s">' % (tag, c("news-card")))
    if img:
        alt = title if R.random() < 0.5 else ""
        p.w('<a href="%s" class="%s"><img src="/img/%d.jpg" alt="%s"></a>' % (href, c("thumb"), R.randrange(10**6), alt))
    p.w('<%s class="%s"><a href="%s">%s</a></%s>' % (h, c("title"), href, title, h))
    if summary:
        p.w('<p class="%s">%s</p>' % (c("summary"), summary))
    if author:
        p.w('<a class="%s" href="/author/%s">%s</a>' % (c("author"), author[0], author[1]))
    p.w('<span class="%s">%s</span>' % (c("time"), time))
    if more:
        p.w('<a class="%s" href="%s">%s</a>' % (c("read-more"), href, more))
    p.w('</%s>' % tag)


def whole_card(p, href, canon, title, summary):
    """A card that is one link around picture, headline and summary."""
    c = p.cls
    href = p.art(href, canon)
    p.w('<div class="%s"><a href="%s" class="%s"><img src="/i.jpg" alt=""><h2>%s</h2><p>%s</p><span>১ ঘণ্টা আগে</span></a></div>' % (
        c("story"), href, c("story-link"), title, summary))


def section_block(p, label, href_more, items, more_text="আরও খবর"):
    c = p.cls
    tag = "section" if p.style == "A" else "div"
    p.w('<%s class="%s"><h2 class="%s"><a href="%s">%s</a></h2>' % (tag, c("category-block"), c("block-title"), href_more, label))
    p.w('<ul class="%s">' % c("news-list"))
    for href, canon, t in items:
        p.w('<li><a href="%s">%s</a></li>' % (p.art(href, canon), t))
    p.w('</ul><a class="%s" href="%s">%s</a></%s>' % (c("more-link"), href_more, more_text, tag))


def sidebar(p, title, items, numbered=True):
    c = p.cls
    tag = "aside" if p.style == "A" else "div"
    p.w('<%s class="%s"><h3>%s</h3><ol>' % (tag, c("sidebar"), title))
    for i, (href, canon, t) in enumerate(items):
        num = "<span>%d</span>" % (i + 1) if numbered else ""
        p.w('<li>%s<a href="%s">%s</a></li>' % (num, p.art(href, canon), t))
    p.w('</ol>')
    p.w('<div class="%s"><a href="https://ads.example-adserver.com/click?id=%d"><img src="/ad.gif"></a></div>' % (c("ad-slot"), R.randrange(999)))
    p.w('</%s>' % tag)


def tagcloud(p, tags, prefix="/tags/"):
    c = p.cls
    p.w('<div class="%s"><h4>ট্যাগ</h4>' % c("tag-cloud"))
    for t in tags:
        p.w('<a href="%s%s">%s</a>' % (prefix, pct(t), t))
    p.w('</div>')


def pagination(p, fmt, n=5):
    c = p.cls
    p.w('<div class="%s">' % c("pagination"))
    for i in range(2, n + 1):
        p.w('<a href="%s">%d</a>' % (fmt % i, i))
    p.w('<a href="%s">পরবর্তী »</a></div>' % (fmt % 2))


def footer(p, sections, prefix="/", app=True):
    c = p.cls
    tag = "footer" if p.style == "A" else "div"
    p.w('<%s class="%s"><div class="%s">' % (tag, c("site-footer"), c("footer-links")))
    for path, label in sections:
        p.w('<a href="%s%s">%s</a>' % (prefix, path, label))
    p.w('</div><div><a href="/about-us">আমাদের সম্পর্কে</a> <a href="/contact">যোগাযোগ</a> '
        '<a href="/privacy-policy">গোপনীয়তা নীতি</a> <a href="/advertise">বিজ্ঞাপন</a> '
        '<a href="/terms-and-conditions">শর্তাবলি</a></div>')
    if app:
        p.w('<a href="https://play.google.com/store/apps/details?id=com.example.news">Google Play</a>'
            '<a href="https://apps.apple.com/app/id123456789">App Store</a>')
    p.w('<p>সম্পাদক: মো. এক্স। © ২০২৪ সর্বস্বত্ব সংরক্ষিত</p></%s>' % tag)


def doc(p, title, body):
    p.out = []
    p.w('<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>' % (p.lang, title))
    p.w('<link rel="stylesheet" href="/main.css"><link rel="canonical" href="%s">' % p.url)
    p.w('</head><body>')
    body()
    p.w('</body></html>')


def heads(pool, k):
    return R.sample(pool, k)

# --- the outlets ------------------------------------------------------------


def prothomalo():
    p = Page("prothomalo-home", "https://www.prothomalo.com/", "A")
    base = "https://www.prothomalo.com"
    subs = ["capital", "district", "crime", "politics", "environment"]
    T = heads(BN, 30)
    arts = []
    for i, t in enumerate(T):
        if i % 5 == 4:
            path = "/bangladesh/%s/%s" % (R.choice(subs), "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10)))
        elif i % 7 == 6:
            path = "/article/%d" % R.randrange(1000000, 2000000)
        else:
            path = "/bangladesh/%s/%s" % (R.choice(subs), slug(EN[i % len(EN)]))
        arts.append(("%s" % path if i % 3 else base + path, base + path, t))

    def body():
        topbar(p, "prothomalo", "https://epaper.prothomalo.com/", ["facebook", "twitter", "youtube"])
        header(p, "প্রথম আলো", SECTIONS_BN, "/", [("/video", "ভিডিও"), ("/collection/latest", "সর্বশেষ")])
        ticker(p, arts[:3])
        p.w('<main class="home">')
        a = arts[3]
        card(p, a[0], a[1], a[2], summary="প্রথম আলোর প্রধান খবরের সারাংশ এখানে থাকে।", more="বিস্তারিত", h="h1")
        p.w('<div class="grid">')
        for a in arts[4:14]:
            card(p, a[0], a[1], a[2], author=("staff-reporter", "নিজস্ব প্রতিবেদক") if R.random() < .4 else None)
        p.w('</div>')
        section_block(p, "রাজনীতি", "/politics", arts[14:20])
        section_block(p, "খেলা", "/sports", arts[20:24])
        p.w('</main>')
        sidebar(p, "সর্বাধিক পঠিত", arts[24:30])
        tagcloud(p, ["ডেঙ্গু", "বন্যা", "মেট্রোরেল", "বাজেট"], "/topic/")
        footer(p, SECTIONS_BN)
    doc(p, "প্রথম আলো", body)
    return p


def jugantor():
    p = Page("jugantor-national", "https://www.jugantor.com/national", "B")
    base = "https://www.jugantor.com"
    T = heads(BN, 28)
    arts = []
    for t in T:
        sec = R.choice(["national", "politics", "capital", "country-news"])
        n = R.randrange(800000, 900000)
        arts.append(("/%s/%d" % (sec, n), base + "/%s/%d" % (sec, n), t))

    def body():
        topbar(p, "jugantor", "https://epaper.jugantor.com/", ["facebook", "youtube"])
        header(p, "যুগান্তর", [("national", "জাতীয়"), ("politics", "রাজনীতি"), ("economics", "অর্থনীতি"),
                               ("international", "আন্তর্জাতিক"), ("sports", "খেলা"), ("entertainment", "বিনোদন"),
                               ("country-news", "সারাদেশ"), ("campus", "ক্যাম্পাস")])
        p.w('<div class="container"><div class="row"><div class="col-md-8">')
        p.w('<div class="section-title"><h1>জাতীয়</h1></div>')
        a = arts[0]
        card(p, a[0], a[1], a[2], summary="বিস্তারিত সারাংশ। " * 3, more="বিস্তারিত", h="h2")
        for a in arts[1:16]:
            card(p, a[0], a[1], a[2], summary="সংক্ষিপ্ত বিবরণ।" if R.random() < .5 else None, more="বিস্তারিত" if R.random() < .3 else None)
        pagination(p, "/national?page=%d")
        p.w('</div><div class="col-md-4">')
        sidebar(p, "সর্বশেষ", arts[16:24])
        sidebar(p, "সর্বাধিক পঠিত", arts[24:28])
        p.w('<div class="archive-box"><a href="/archives">আর্কাইভ</a></div>')
        p.w('</div></div></div>')
        tagcloud(p, ["ঢাকা", "সরকার", "নির্বাচন"], "/tags/")
        footer(p, [("national", "জাতীয়"), ("politics", "রাজনীতি"), ("sports", "খেলা")])
    doc(p, "জাতীয় | যুগান্তর", body)
    return p


def kalerkantho():
    p = Page("kalerkantho-online-national", "https://www.kalerkantho.com/online/national", "C")
    base = "https://www.kalerkantho.com"
    T = heads(BN, 26)
    arts = []
    for i, t in enumerate(T):
        d = "2024/08/%02d" % R.randrange(10, 18)
        n = R.randrange(1400000, 1420000)
        sec = "online/national" if i % 4 else "print-edition/first-page"
        arts.append(("/%s/%s/%d" % (sec, d, n), base + "/%s/%s/%d" % (sec, d, n), t))

    def body():
        topbar(p, "kalerkantho", "https://www.kalerkantho.com/epaper", ["facebook"])
        header(p, "কালের কণ্ঠ", [("online/national", "জাতীয়"), ("online/politics", "রাজনীতি"),
                                 ("online/world", "বিশ্ব"), ("online/sport", "খেলা"), ("online/country-news", "সারাদেশ")])
        p.w('<div class="%s"><div class="%s">' % (p.cls("x"), p.cls("y")))
        for a in arts[:18]:
            card(p, a[0], a[1], a[2], img=R.random() < .7, h="h4")
        p.w('</div><div class="%s"><div>' % p.cls("z"))
        p.w('<a href="/archive/2024/08/17">আজকের পত্রিকা</a> <a href="/archive/2024/08/16">গতকালের পত্রিকা</a>')
        p.w('</div>')
        for a in arts[18:26]:
            p.w('<div class="%s"><a href="%s">%s</a></div>' % (p.cls("w"), p.art(a[0], a[1]), a[2]))
        p.w('</div></div>')
        pagination(p, "/online/national/%d")
        footer(p, [("online/national", "জাতীয়"), ("online/sport", "খেলা")])
    doc(p, "কালের কণ্ঠ", body)
    return p


def bdnews24():
    p = Page("bdnews24-politics", "https://bangla.bdnews24.com/politics", "B")
    T = heads(BN, 22)
    arts = []
    for i, t in enumerate(T):
        hexid = "".join(R.choice("0123456789abcdef") for _ in range(12))
        if i % 6 == 5:
            path = "https://bdnews24.com/bangladesh/" + slug(EN[i % len(EN)])
            arts.append((path, path, EN[i % len(EN)]))
        else:
            sec = R.choice(["politics", "bangladesh", "world"])
            arts.append(("/%s/%s" % (sec, hexid), "https://bangla.bdnews24.com/%s/%s" % (sec, hexid), t))

    def body():
        topbar(p, "bdnews24", "https://bdnews24.com/", ["facebook", "twitter"])
        header(p, "বিডিনিউজ", [("politics", "রাজনীতি"), ("bangladesh", "বাংলাদেশ"), ("world", "বিশ্ব"),
                               ("sport", "খেলা"), ("glitz", "গ্লিটজ"), ("economy", "অর্থনীতি")],
               "https://bangla.bdnews24.com/", [("https://bdnews24.com/", "English")])
        p.w('<div class="SubCat-wrapper"><div class="breadcrumb"><a href="/">প্রচ্ছদ</a> » <a href="/politics">রাজনীতি</a></div>')
        for a in arts[:14]:
            card(p, a[0], a[1], a[2], summary="খবরের সারাংশ।", img=True, h="h5")
        p.w('<div class="load-more"><a href="/politics?page=2">আরও দেখুন</a></div></div>')
        sidebar(p, "সর্বশেষ", arts[14:22], numbered=False)
        footer(p, [("politics", "রাজনীতি"), ("world", "বিশ্ব")], "https://bangla.bdnews24.com/")
    doc(p, "রাজনীতি - বিডিনিউজ টোয়েন্টিফোর", body)
    return p


def dailystar():
    p = Page("dailystar-politics", "https://www.thedailystar.net/news/bangladesh/politics", "A", "en")
    base = "https://www.thedailystar.net"
    arts = []
    for i, t in enumerate(R.sample(EN, 24)):
        n = R.randrange(3600000, 3700000)
        sec = R.choice(["news/bangladesh/politics/news", "news/bangladesh/news", "opinion/views/news", "sports/cricket/news"])
        path = "/%s/%s-%d" % (sec, slug(t), n)
        arts.append((path if i % 2 else base + path + "?utm_source=home#comments", base + path, t))

    def body():
        p.w('<div class="top-links"><a href="/e-paper">E-paper</a><a href="/subscribe">Subscribe</a>'
            '<a href="https://www.facebook.com/dailystarnews">f</a></div>')
        p.w('<header class="header"><a href="/"><img src="/l.png" alt="The Daily Star"></a><nav class="navigation"><ul>')
        for s in ["news", "news/bangladesh", "news/bangladesh/politics", "business", "sports", "opinion",
                  "lifestyle", "entertainment", "tech-startup", "youth", "environment", "health"]:
            p.w('<li><a href="/%s">%s</a></li>' % (s, s.split("/")[-1].replace("-", " ").title()))
        p.w('</ul></nav></header><main><h1>Politics</h1>')
        a = arts[0]
        card(p, a[0], a[1], a[2], summary="The lead story's summary sits under the headline.", h="h2", more="Read more")
        for a in arts[1:16]:
            card(p, a[0], a[1], a[2], author=("star-online-report", "Star Online Report") if R.random() < .5 else None,
                 time="1h ago")
        p.w('<div class="pager"><a href="?page=1">1</a><a href="?page=2">2</a><a href="?page=2">next ›</a></div></main>')
        p.w('<aside class="sidebar"><h3>Most Viewed</h3><ul>')
        for a in arts[16:24]:
            p.w('<li><a href="%s">%s</a></li>' % (p.art(a[0], a[1]), a[2]))
        p.w('</ul></aside>')
        p.w('<div class="tags"><a href="/tags/bnp">BNP</a><a href="/tags/awami-league">Awami League</a>'
            '<a href="/tags/election-commission">Election Commission</a></div>')
        p.w('<footer><a href="/about-us">About Us</a><a href="/contact-us">Contact Us</a>'
            '<a href="/privacy-policy">Privacy Policy</a><a href="/news/bangladesh">Bangladesh</a>'
            '<a href="https://www.thedailystar.net/rss.xml">RSS</a></footer>')
    doc(p, "Politics | The Daily Star", body)
    return p


def anandabazar():
    p = Page("anandabazar-kolkata", "https://www.anandabazar.com/west-bengal/kolkata", "D")
    base = "https://www.anandabazar.com"
    arts = []
    for i, t in enumerate(heads(BN, 24)):
        n = R.randrange(1500000, 1550000)
        sec = R.choice(["west-bengal/kolkata", "west-bengal/howrah-hooghly", "india", "world"])
        path = "/%s/%s/cid/%d" % (sec, slug(EN[i % len(EN)]), n)
        arts.append((path, base + path, t))

    def body():
        p.w('<table width="100%"><tr><td class="logo"><a href="/"><img src="/abp.png" alt="আনন্দবাজার"></a></td>')
        p.w('<td class="menu">')
        for s, l in [("west-bengal", "রাজ্য"), ("west-bengal/kolkata", "কলকাতা"), ("india", "দেশ"),
                     ("world", "বিদেশ"), ("sports", "খেলা"), ("entertainment", "বিনোদন"),
                     ("west-bengal/north-bengal", "উত্তরবঙ্গ")]:
            p.w('<a href="/%s">%s</a> | ' % (s, l))
        p.w('</td></tr></table><table><tr><td width="70%">')
        for a in arts[:16]:
            p.w('<table class="story"><tr><td><a href="%s"><img src="/i.jpg"></a></td><td><b><a href="%s">%s</a></b>'
                '<br>সংক্ষিপ্ত খবর এখানে।</td></tr></table>' % (p.art(a[0], a[1]), a[0], a[2]))
        p.w('<a href="/west-bengal/kolkata/page-2">পরের পাতা</a>')
        p.w('</td><td width="30%"><b>আরও পড়ুন</b><br>')
        for a in arts[16:24]:
            p.w('<a href="%s">%s</a><br>' % (p.art(a[0], a[1]), a[2]))
        p.w('</td></tr></table>')
        p.w('<table class="footer"><tr><td><a href="/about-us">আমাদের কথা</a> <a href="/privacy-policy">Privacy</a>'
            ' <a href="/west-bengal">রাজ্য</a> <a href="/sports">খেলা</a> © ABP Pvt. Ltd.</td></tr></table>')
    doc(p, "কলকাতা - আনন্দবাজার", body)
    return p


def sangbadpratidin():
    p = Page("sangbadpratidin-kolkata", "https://www.sangbadpratidin.in/kolkata/", "A")
    base = "https://www.sangbadpratidin.in"
    arts = []
    for i, t in enumerate(heads(BN, 20)):
        path = "/kolkata/%s/" % slug(EN[(i + 7) % len(EN)])
        arts.append((base + path, base + path, t))

    def body():
        topbar(p, "sangbadpratidin", "https://epaper.sangbadpratidin.in/", ["facebook", "instagram"])
        header(p, "সংবাদ প্রতিদিন", [("kolkata/", "কলকাতা"), ("bengal/", "বাংলা"), ("india/", "দেশ"),
                                     ("world/", "বিদেশ"), ("sports/", "খেলা"), ("entertainment/", "বিনোদন"),
                                     ("lifestyle/", "লাইফস্টাইল")])
        p.w('<main><div class="category-header"><h1>কলকাতা</h1></div>')
        for a in arts[:12]:
            whole_card(p, a[0], a[1], a[2], "খবরের সংক্ষিপ্তসার এখানে থাকে।")
        p.w('<nav class="navigation pagination"><a class="page-numbers" href="/kolkata/page/2/">2</a>'
            '<a class="page-numbers" href="/kolkata/page/3/">3</a><a class="next" href="/kolkata/page/2/">Next</a></nav></main>')
        sidebar(p, "ট্রেন্ডিং", arts[12:20])
        footer(p, [("kolkata/", "কলকাতা"), ("sports/", "খেলা")])
    doc(p, "কলকাতা | সংবাদ প্রতিদিন", body)
    return p


def dhakatribune():
    p = Page("dhakatribune-politics", "https://www.dhakatribune.com/bangladesh/politics", "C", "en")
    base = "https://www.dhakatribune.com"
    arts = []
    for i, t in enumerate(R.sample(EN, 22)):
        n = R.randrange(350000, 360000)
        sec = R.choice(["bangladesh/politics", "bangladesh/dhaka", "world/asia", "business/economy"])
        path = "/%s/%d/%s" % (sec, n, slug(t))
        arts.append((path, base + path, t))

    def body():
        c = p.cls
        p.w('<div class="%s"><a href="/">Dhaka Tribune</a>' % c("hdr"))
        p.w('<div class="%s">' % c("mnu"))
        for s in ["bangladesh", "bangladesh/politics", "bangladesh/dhaka", "world", "business", "sport",
                  "showtime", "opinion", "feature", "tech"]:
            p.w('<a href="/%s">%s</a>' % (s, s.split("/")[-1].title()))
        p.w('</div><a href="https://bangla.dhakatribune.com/">বাংলা</a></div>')
        p.w('<div class="%s">' % c("cnt"))
        for a in arts[:15]:
            p.w('<div class="%s"><a href="%s"><div class="%s"><img src="/x.jpg"></div></a><div class="%s"><a href="%s">%s</a></div>'
                '<div class="%s">The story, in short, as the site tells it on the page.</div></div>' % (
                    c("item"), p.art(a[0], a[1]), c("img"), c("ttl"), a[0], a[2], c("sum")))
        p.w('<div class="%s"><a href="/bangladesh/politics?page=2">Load More</a></div></div>' % c("more"))
        p.w('<div class="%s"><div>Latest</div>' % c("side"))
        for a in arts[15:22]:
            p.w('<div><a href="%s">%s</a><span>2h</span></div>' % (p.art(a[0], a[1]), a[2]))
        p.w('</div><div class="%s"><a href="/about">About</a><a href="/contact">Contact</a><a href="/privacy-policy">Privacy</a>'
            '<a href="/bangladesh">Bangladesh</a><a href="/world">World</a><a href="/sport">Sport</a></div>' % c("ftr"))
    doc(p, "Politics | Dhaka Tribune", body)
    return p


def samakal():
    """Bengali slugs, raw and percent-encoded, after an id."""
    p = Page("samakal-bangladesh", "https://samakal.com/bangladesh", "B")
    base = "https://samakal.com"
    arts = []
    for i, t in enumerate(heads(BN, 22)):
        n = R.randrange(240000, 250000)
        s = bnslug(t, 5)
        raw = "/bangladesh/article/%d/%s" % (n, s)
        canon = base + pct(raw)
        arts.append((raw if i % 2 else pct(raw), canon, t))

    def body():
        topbar(p, "samakal", "https://epaper.samakal.com/", ["facebook"])
        header(p, "সমকাল", [("bangladesh", "বাংলাদেশ"), ("politics", "রাজনীতি"), ("economics", "অর্থনীতি"),
                            ("international", "বিশ্ব"), ("sports", "খেলা"), ("whole-country", "সারাদেশ")])
        p.w('<div class="content-area">')
        for a in arts[:14]:
            card(p, a[0], a[1], a[2], more="বিস্তারিত" if R.random() < .5 else None)
        section_block(p, "সারাদেশ", "/whole-country", arts[14:18])
        p.w('</div>')
        sidebar(p, "পাঠকপ্রিয়", arts[18:22])
        tagcloud(p, ["পদ্মা সেতু", "ডেঙ্গু", "ঢাকা"], "/topic/")
        pagination(p, "/bangladesh?page=%d")
        footer(p, [("bangladesh", "বাংলাদেশ"), ("sports", "খেলা")])
    doc(p, "বাংলাদেশ | সমকাল", body)
    return p


def banglanews24():
    """An old layout: tables, .details leaves, news/bd paths."""
    p = Page("banglanews24-national", "https://www.banglanews24.com/category/national", "D")
    base = "https://www.banglanews24.com"
    arts = []
    for i, t in enumerate(heads(BN, 20)):
        n = R.randrange(1300000, 1400000)
        path = "/national/news/bd/%d.details" % n
        arts.append((path, base + path, t))

    def body():
        p.w('<table><tr><td><a href="/"><img src="/logo.gif" alt="বাংলানিউজ"></a></td><td>')
        for s, l in [("national", "জাতীয়"), ("politics", "রাজনীতি"), ("economics-business", "অর্থনীতি-ব্যবসা"),
                     ("sports", "খেলা"), ("entertainment", "বিনোদন"), ("international", "আন্তর্জাতিক")]:
            p.w('<a href="/category/%s">%s</a>&nbsp;' % (s, l))
        p.w('</td></tr></table><table><tr><td valign="top">')
        for a in arts[:14]:
            p.w('<div class="list"><a href="%s"><img src="/t.jpg" alt="%s"></a><a href="%s"><b>%s</b></a>'
                '<div class="time">বাংলাদেশ সময়: ১১৪৬ ঘণ্টা, আগস্ট ১৭, ২০২৪</div></div>' % (
                    p.art(a[0], a[1]), a[2], a[0], a[2]))
        p.w('<div><a href="/category/national?page=2">পরের পাতা</a></div></td><td valign="top"><b>সর্বশেষ</b>')
        for a in arts[14:20]:
            p.w('<p><a href="%s">%s</a></p>' % (p.art(a[0], a[1]), a[2]))
        p.w('</td></tr></table><table><tr><td>'
            '<a href="/about">আমাদের কথা</a> | <a href="/contact">যোগাযোগ</a> | <a href="/category/national">জাতীয়</a>'
            ' | Copyright © banglanews24.com</td></tr></table>')
    doc(p, "জাতীয় | বাংলানিউজ টোয়েন্টিফোর", body)
    return p


def wordpress_kolkata():
    """A WordPress news theme (tagDiv-like class names): single-segment
    slugs, English and Bengali, trending bar in the header, widgets."""
    p = Page("wordpress-kolkata", "https://www.kolkata24x7.example.in/category/kolkata/", "B")
    base = "https://www.kolkata24x7.example.in"
    arts = []
    for i, t in enumerate(heads(BN, 24)):
        if i % 3 == 0:
            s = bnslug(t, 6)
            raw = "/%s/" % s
            arts.append((base + raw, base + pct(raw), t))
        else:
            path = "/%s/" % slug(EN[(i * 7) % len(EN)])
            arts.append((path, base + path, t))
    trending = [(base + "/%s/" % slug(e), base + "/%s/" % slug(e), e) for e in EN[20:23]]

    def body():
        p.w('<div class="td-header-wrap"><div class="td-header-top-menu"><div class="td_data_time">১৭ আগস্ট ২০২৪</div>'
            '<a href="/login/">Login</a></div>')
        p.w('<div class="td-trending-now-wrapper"><div class="td-trending-now-title">Trending Now</div>')
        for a in trending:
            p.w('<a href="%s">%s</a>' % (p.art(a[0], a[1]), a[2]))
        p.w('</div><div class="td-header-menu-wrap"><ul id="menu-main" class="sf-menu">')
        for c, l in [("kolkata", "কলকাতা"), ("west-bengal", "পশ্চিমবঙ্গ"), ("india", "দেশ"), ("world", "বিদেশ"),
                     ("sports", "খেলা"), ("entertainment", "বিনোদন")]:
            p.w('<li class="menu-item"><a href="/category/%s/">%s</a></li>' % (c, l))
        p.w('</ul></div></div>')
        p.w('<div class="td-main-content-wrap"><div class="td-ss-main-content"><div class="td-page-header"><h1 class="entry-title td-page-title">কলকাতা</h1></div>')
        for a in arts[:16]:
            p.w('<div class="td_module_10 td_module_wrap"><div class="td-module-thumb"><a href="%s" rel="bookmark" title="%s">'
                '<img src="/wp-content/uploads/x.jpg" alt=""></a></div><div class="item-details"><h3 class="entry-title td-module-title">'
                '<a href="%s" rel="bookmark" title="%s">%s</a></h3><div class="td-module-meta-info"><span class="td-post-author-name">'
                '<a href="/author/desk/">Desk</a></span> <span class="td-post-date">আগস্ট ১৭, ২০২৪</span></div>'
                '<div class="td-excerpt">খবরের সংক্ষিপ্তসার।</div></div></div>' % (
                    p.art(a[0], a[1]), a[2], a[0], a[2], a[2]))
        p.w('<div class="page-nav td-pb-padding-side"><span class="current">1</span><a href="/category/kolkata/page/2/" class="page" title="2">2</a>'
            '<a href="/category/kolkata/page/3/" class="page" title="3">3</a><a href="/category/kolkata/page/2/"><i class="td-icon-menu-right"></i></a></div>')
        p.w('</div><div class="td-pb-span4 td-main-sidebar"><aside id="recent-posts-2" class="widget widget_recent_entries"><h4 class="block-title">সাম্প্রতিক</h4><ul>')
        for a in arts[16:24]:
            p.w('<li><a href="%s">%s</a></li>' % (p.art(a[0], a[1]), a[2]))
        p.w('</ul></aside><aside class="widget widget_tag_cloud"><div class="tagcloud"><a href="/tag/durga-puja/">দুর্গাপুজো</a>'
            '<a href="/tag/metro/">মেট্রো</a><a href="/tag/weather/">আবহাওয়া</a></div></aside></div></div>')
        p.w('<div class="td-footer-wrapper"><ul class="menu">')
        for a in EN[23:26]:
            p.w('<li><a href="%s">%s</a></li>' % (p.art("/%s/" % slug(a), base + "/%s/" % slug(a)), a))
        p.w('</ul><div class="td-sub-footer-copy">© Kolkata24x7</div></div>')
    doc(p, "কলকাতা Archives - Kolkata24x7", body)
    return p


def nextjs_story():
    """A site built with a JavaScript framework: hashed classes, whole-card
    links, aria-labels, slugs of three words without an id."""
    p = Page("nextjs-stories", "https://www.dhakapost.example.com/national", "C")
    base = "https://www.dhakapost.example.com"
    arts = []
    for i, t in enumerate(heads(BN, 20)):
        w = slug(EN[(i * 7) % len(EN)]).split("-")
        path = "/national/%s" % "-".join(w[:3])
        arts.append((path, base + path, t))

    def body():
        c = p.cls
        p.w('<div class="%s" role="navigation"><a href="/"><svg></svg></a>' % c("n"))
        for s in ["national", "politics", "country", "world", "sports", "entertainment", "opinion", "video"]:
            p.w('<a class="%s" href="/%s">%s</a>' % (c("l"), s, s.title()))
        p.w('</div><div class="%s"><h1>জাতীয়</h1>' % c("m"))
        for a in arts[:14]:
            p.w('<a class="%s" href="%s" aria-label="%s"><div class="%s"><img src="/i.webp" alt=""></div>'
                '<div class="%s"><h3 class="%s">%s</h3><p class="%s">সংক্ষেপ</p><span>৩ ঘণ্টা আগে</span></div></a>' % (
                    c("card"), p.art(a[0], a[1]), a[2], c("img"), c("txt"), c("h"), a[2], c("p")))
        p.w('<button class="%s">আরও দেখুন</button></div>' % c("more"))
        p.w('<div class="%s"><div>সর্বশেষ</div>' % c("side"))
        for a in arts[14:20]:
            p.w('<a class="%s" href="%s"><span>%s</span></a>' % (c("row"), p.art(a[0], a[1]), a[2]))
        p.w('</div><div class="%s"><a href="/about">About</a><a href="/contact">Contact</a><a href="/privacy-policy">Privacy</a>'
            '<a href="https://www.facebook.com/dhakapost">Facebook</a><a href="https://www.youtube.com/dhakapost">YouTube</a></div>' % c("f"))
    doc(p, "জাতীয় | ঢাকা পোস্ট", body)
    return p


def oldphp():
    """A portal of PHP pages: ids in the query string, categories too."""
    p = Page("oldphp-portal", "http://www.dainikbarta.example.net/category.php?cat=1", "D")
    base = "http://www.dainikbarta.example.net"
    arts = []
    for i, t in enumerate(heads(BN, 18)):
        n = R.randrange(10000, 99999)
        path = "/details.php?id=%d" % n if i % 2 else "/news.php?nid=%d&cat=1" % n
        arts.append((path, base + path, t))

    def body():
        p.w('<table width="100%"><tr><td><a href="index.php"><img src="logo.gif"></a></td></tr><tr><td bgcolor="#003366">')
        for k, l in enumerate(["প্রথম পাতা", "জাতীয়", "রাজনীতি", "অর্থনীতি", "খেলা", "বিনোদন", "মতামত"]):
            p.w('<a href="category.php?cat=%d"><font color="white">%s</font></a> | ' % (k + 1, l))
        p.w('</td></tr></table><table><tr><td valign="top" width="65%">')
        for a in arts[:12]:
            p.w('<p><font size="4"><a href="%s">%s</a></font><br>বিস্তারিত খবরের সূচনা... <a href="%s">বিস্তারিত</a></p>' % (
                p.art(a[0], a[1]), a[2], a[0]))
        p.w('<p><a href="category.php?cat=1&page=2">পরবর্তী পাতা &gt;&gt;</a></p></td><td valign="top">')
        p.w('<table border="1"><tr><th>সর্বাধিক পঠিত</th></tr>')
        for a in arts[12:18]:
            p.w('<tr><td><a href="%s">%s</a></td></tr>' % (p.art(a[0], a[1]), a[2]))
        p.w('</table></td></tr></table><center><a href="about.php">আমাদের সম্পর্কে</a> | <a href="contact.php">যোগাযোগ</a>'
            ' | © দৈনিক বার্তা</center>')
    doc(p, "দৈনিক বার্তা", body)
    return p


def cardheaders():
    """Cards whose headline sits in their own <header>, a ticker inside
    the site's header and latest news in its footer (articles where
    they stand), sub-category tabs in the main area, slugs of two
    words."""
    p = Page("cardheaders-country", "https://www.khoborbd.example.com/country", "A")
    base = "https://www.khoborbd.example.com"
    arts = []
    for i, t in enumerate(heads(BN, 22)):
        w = slug(EN[(i * 7) % len(EN)]).split("-")
        path = "/country/%s-%s" % (w[0], w[-1])
        arts.append((path, base + path, t))
    ticker_arts = [("/national/%d" % n, base + "/national/%d" % n, t) for n, t in zip((811111, 811112, 811113), heads(BN, 3))]
    footer_arts = [("/world/%d" % n, base + "/world/%d" % n, t) for n, t in zip((822221, 822222), heads(BN, 2))]

    def body():
        p.w('<header class="site-header"><a href="/"><img src="/logo.svg" alt="খবর বিডি"></a>'
            '<div class="ticker"><span>ব্রেকিং:</span>')
        for a in ticker_arts:
            p.w('<a href="%s">%s</a>' % (p.art(a[0], a[1]), a[2]))
        p.w('</div><nav><a href="/national">জাতীয়</a><a href="/country">সারাদেশ</a><a href="/world">বিশ্ব</a>'
            '<a href="/sports">খেলা</a></nav></header>')
        p.w('<div class="page"><h1>সারাদেশ</h1><div class="tabs"><a href="/country/dhaka">ঢাকা</a><a href="/country/chattogram">চট্টগ্রাম</a>'
            '<a href="/country/rajshahi">রাজশাহী</a><a href="/country/khulna">খুলনা</a><a href="/country/sylhet">সিলেট</a></div>')
        for a in arts[:16]:
            p.w('<div class="card"><a href="%s"><img src="/c.jpg" alt=""></a><header><h2><a href="%s">%s</a></h2></header>'
                '<p>সংক্ষিপ্ত বিবরণ এখানে।</p><footer><a href="/country/%s">%s</a> · <time>২ ঘণ্টা আগে</time></footer></div>' % (
                    p.art(a[0], a[1]), a[0], a[2], R.choice(["dhaka", "sylhet"]), "বিভাগ"))
        p.w('<div class="more"><a href="/country?page=2">আরও খবর</a></div></div>')
        p.w('<div class="rightbar"><h3>আলোচিত</h3>')
        for a in arts[16:22]:
            p.w('<div class="item"><a href="%s">%s</a></div>' % (p.art(a[0], a[1]), a[2]))
        p.w('</div><footer class="site-footer"><h4>সর্বশেষ</h4>')
        for a in footer_arts:
            p.w('<a href="%s">%s</a>' % (p.art(a[0], a[1]), a[2]))
        p.w('<a href="/about">আমাদের কথা</a><a href="/privacy">গোপনীয়তা</a><p>© খবর বিডি</p></footer>')
    doc(p, "সারাদেশ | খবর বিডি", body)
    return p


def header_strips():
    """Articles inside the site's header: after the menu, a breaking-news
    ticker and a trending strip of headlines (ids, and slugs of the
    page's article shape), a mega-menu whose sub-sections have names of
    several words and which shows a featured story; a topic, tags and a
    live page among the strips' links; the footer's most-read list.
    The menus' sections must stay out."""
    p = Page("header-strips", "https://www.dainikdesh.example.com/bangladesh", "A")
    base = "https://www.dainikdesh.example.com"
    subs = [("capital-city", "রাজধানী ঢাকার সব খবর"), ("country-districts", "সারাদেশের জেলা ও উপজেলার খবর"),
            ("law-and-courts", "আইন আদালত ও বিচার বিভাগ"), ("crime-news", "অপরাধ ও দুর্নীতির খবর")]
    arts = []
    for i, t in enumerate(heads(BN, 30)):
        if i % 4 == 3:
            path = "/feature/%s" % slug(EN[(i * 11) % len(EN)])
        else:
            path = "/bangladesh/%s/%d" % (R.choice(subs)[0], R.randrange(3000000, 3999999))
        arts.append((path, base + path, t))

    def body():
        p.w('<div class="top-bar"><span>শনিবার, ১৭ আগস্ট ২০২৪</span><a href="https://epaper.dainikdesh.example.com/">ই-পেপার</a>'
            '<a href="/login">লগইন</a></div>')
        p.w('<header class="site-header"><a href="/" class="logo"><img src="/logo.svg" alt="দৈনিক দেশ"></a>')
        p.w('<nav class="main-nav"><ul><li><a href="/">প্রচ্ছদ</a></li>')
        for path, label in SECTIONS_BN:
            p.w('<li><a href="/%s">%s</a></li>' % (path, label))
        p.w('</ul><div class="megamenu"><div class="mega-col"><h4><a href="/bangladesh">বাংলাদেশ</a></h4>')
        for path, label in subs:
            p.w('<a href="/bangladesh/%s">%s</a>' % (path, label))
        a = arts[0]
        p.w('</div><div class="mega-featured"><a href="%s"><img src="/f.jpg" alt=""></a><a href="%s">%s</a></div></div></nav>' % (
            p.art(a[0], a[1]), a[0], a[2]))
        p.w('<div class="breaking"><span>সদ্য সংবাদ</span>')
        for a in arts[1:4]:
            p.w('<a href="%s">%s</a> ●' % (p.art(a[0], a[1]), a[2]))
        p.w('<a href="/live/flood-situation">সরাসরি: বন্যা পরিস্থিতির খবর প্রতি মুহূর্তে</a></div>')
        p.w('<div class="trending"><span>ট্রেন্ডিং:</span>')
        for a in arts[4:7]:
            p.w('<a href="%s">%s</a>' % (p.art(a[0], a[1]), a[2]))
        p.w('<a href="/topic/%s">বন্যা ২০২৪ নিয়ে আমাদের সব প্রতিবেদন</a>' % pct("বন্যা-২০২৪"))
        for t in ["#ডেঙ্গু", "#মেট্রোরেল"]:
            p.w('<a href="/tags/%s">%s</a>' % (pct(t[1:]), t))
        p.w('</div></header>')
        p.w('<main><h1>বাংলাদেশ</h1>')
        a = arts[7]
        card(p, a[0], a[1], a[2], summary="প্রধান খবরের সারাংশ।", more="বিস্তারিত", h="h2")
        for a in arts[8:24]:
            card(p, a[0], a[1], a[2], summary="সংক্ষিপ্ত বিবরণ।" if R.random() < .5 else None)
        pagination(p, "/bangladesh?page=%d")
        p.w('</main>')
        p.w('<footer class="site-footer"><div class="most-read"><h4>সর্বাধিক পঠিত</h4><ol>')
        for a in arts[24:30]:
            p.w('<li><a href="%s">%s</a></li>' % (p.art(a[0], a[1]), a[2]))
        p.w('</ol></div><div class="footer-menu">')
        for path, label in SECTIONS_BN:
            p.w('<a href="/%s">%s</a>' % (path, label))
        p.w('</div><a href="/about-us">আমাদের সম্পর্কে</a> <a href="/privacy-policy">গোপনীয়তা নীতি</a>'
            '<a href="/download-app">আমাদের অ্যাপ ডাউনলোড করুন এখনই বিনামূল্যে</a><p>© দৈনিক দেশ</p></footer>')
    doc(p, "বাংলাদেশ | দৈনিক দেশ", body)
    return p


def picture_strips():
    """Links that are only a picture: a photo strip whose pictures carry
    a count (১২), a video strip of ▶ and a duration, one with no alt at
    all; their URLs have an id.  Pictures that are no articles: a
    section's, the app's badge, an author's face, a special page's
    banner, an ad."""
    p = Page("picture-strips", "https://www.ajkerkhobor.example.in/kolkata", "B")
    base = "https://www.ajkerkhobor.example.in"
    arts = []
    for i, t in enumerate(heads(BN, 16)):
        n = R.randrange(600000, 700000)
        path = "/%s/news/%d" % (R.choice(["kolkata", "west-bengal", "india"]), n)
        arts.append((path, base + path, t))
    photos = []
    for t in heads(BN, 5):
        path = "/photo/%s-%d" % (slug(EN[R.randrange(len(EN))])[:30].strip("-"), R.randrange(100000, 999999))
        photos.append((path, base + path, t))
    videos = []
    for t in heads(BN, 4):
        path = "/video/%d" % R.randrange(1000000, 9999999)
        videos.append((path, base + path, t))

    def body():
        topbar(p, "ajkerkhobor", "https://epaper.ajkerkhobor.example.in/", ["facebook", "youtube"])
        header(p, "আজকের খবর", [("kolkata", "কলকাতা"), ("west-bengal", "রাজ্য"), ("india", "দেশ"),
                                ("world", "বিদেশ"), ("sports", "খেলা"), ("photo", "ছবি"), ("video", "ভিডিও")])
        p.w('<div class="content">')
        for a in arts[:12]:
            card(p, a[0], a[1], a[2], img=R.random() < .6)
        p.w('<div class="photo-strip"><h2><a href="/photo">ছবিতে খবর</a></h2>')
        for a in photos:
            p.w('<div class="ph"><a href="%s"><img src="/p.jpg" alt="%s"><span class="count">%s</span></a></div>' % (
                p.art(a[0], a[1]), a[2], R.choice(["১২", "৮", "১৫", "২০"])))
        p.w('<a href="/photo"><img src="/more.png" alt="আরও ছবি দেখুন"></a></div>')
        p.w('<div class="video-strip"><h2><a href="/video">ভিডিও</a></h2>')
        for k, a in enumerate(videos):
            alt = "" if k == len(videos) - 1 else a[2]
            p.w('<div class="vd"><a href="%s"><img src="/v.jpg" alt="%s"><span class="play">▶</span><span class="dur">০%d:%02d</span></a></div>' % (
                p.art(a[0], a[1]), alt, R.randrange(1, 9), R.randrange(60)))
        p.w('</div>')
        p.w('<div class="promo"><a href="/special/durga-puja-2024"><img src="/b.jpg" alt="দুর্গাপুজো ২০২৪ বিশেষ আয়োজন"></a>'
            '<a href="/app"><img src="/gp.png" alt="Download our app on Google Play"></a></div>')
        p.w('<div class="columnists"><a href="/author/sunil-ganguly"><img src="/a.jpg" alt="সুনীল গঙ্গোপাধ্যায়"></a>'
            '<a href="/author/mahasweta-devi"><img src="/b.jpg" alt="মহাশ্বেতা দেবী"></a></div>')
        p.w('</div>')
        sidebar(p, "সর্বশেষ", arts[12:16])
        footer(p, [("kolkata", "কলকাতা"), ("sports", "খেলা")])
    doc(p, "কলকাতা | আজকের খবর", body)
    return p


def letter_ids():
    """Story ids of eight characters of base 32 (a-z, 2-7) as the last
    of three segments, a fifth of them letters only; sub-section pages
    of the same depth whose names are words of eight letters (rajshahi,
    domestic, concerts) in the menu and in tabs: no ids."""
    p = Page("letter-ids", "https://www.banglabarta.example.com/country", "C")
    base = "https://www.banglabarta.example.com"
    secs = ["country/division", "sports/cricket", "entertainment/music", "country/district"]
    arts = []
    for i, t in enumerate(heads(BN, 26)):
        alphabet = "abcdefghijklmnopqrstuvwxyz" if i % 5 == 2 else "abcdefghijklmnopqrstuvwxyz234567"
        path = "/%s/%s" % (R.choice(secs), "".join(R.choice(alphabet) for _ in range(8)))
        arts.append((path, base + path, t))
    tabs = [("country/division/rajshahi", "রাজশাহী"), ("country/division/barishal", "বরিশাল"),
            ("sports/cricket/domestic", "ঘরোয়া"), ("sports/cricket/overseas", "বিদেশে"),
            ("entertainment/music/concerts", "কনসার্ট")]

    def body():
        c = p.cls
        p.w('<div class="%s"><a href="/"><img src="/l.svg" alt="বাংলাবার্তা"></a>' % c("hdr"))
        p.w('<div class="%s">' % c("mnu"))
        for s, l in [("country", "সারাদেশ"), ("sports", "খেলা"), ("entertainment", "বিনোদন")] + tabs:
            p.w('<a href="/%s">%s</a>' % (s, l))
        p.w('</div></div><div class="%s"><h1>সারাদেশ</h1><div class="%s">' % (c("main"), c("tabs")))
        for s, l in tabs:
            p.w('<a href="/%s">%s</a>' % (s, l))
        p.w('</div>')
        for a in arts[:18]:
            p.w('<div class="%s"><a href="%s"><img src="/c.jpg" alt=""></a><h3><a href="%s">%s</a></h3><span>২ ঘণ্টা আগে</span></div>' % (
                c("card"), p.art(a[0], a[1]), a[0], a[2]))
        p.w('<div class="%s"><a href="/country?page=2">আরও</a></div></div>' % c("more"))
        p.w('<div class="%s"><div>সর্বশেষ</div>' % c("side"))
        for a in arts[18:26]:
            p.w('<div><a href="%s">%s</a> <a href="%s">৫ মিনিট আগে</a></div>' % (p.art(a[0], a[1]), a[2], a[0]))
        p.w('</div><div class="%s"><a href="/about">আমাদের কথা</a><a href="/privacy-policy">গোপনীয়তা</a></div>' % c("ftr"))
    doc(p, "সারাদেশ | বাংলাবার্তা", body)
    return p


def main():
    for make in (prothomalo, jugantor, kalerkantho, bdnews24, dailystar, anandabazar,
                 sangbadpratidin, dhakatribune, samakal, banglanews24,
                 wordpress_kolkata, nextjs_story, oldphp, cardheaders,
                 header_strips, picture_strips, letter_ids):
        p = make()
        with open(os.path.join(here, p.name + ".html"), "w", encoding="utf-8") as f:
            f.write("\n".join(p.out) + "\n")
        with open(os.path.join(here, p.name + ".url"), "w") as f:
            f.write(p.url + "\n")
        seen = []
        for g in p.gold:
            if g not in seen:
                seen.append(g)
        with open(os.path.join(here, p.name + ".gold"), "w") as f:
            f.write("".join(g + "\n" for g in seen))


if __name__ == "__main__":
    main()

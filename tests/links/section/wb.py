"""wb.py: the West Bengal outlets' pages (Anandabazar, Sangbad Pratidin)."""

import random
import urllib.parse

import pool
from common import *  # noqa: F401,F403

FOOTBALL = ("derby", "bagan", "bengal-coach", "mohammedan")

# --- Anandabazar ----------------------------------------------------------

AB = "https://www.anandabazar.com"
AB_IMG = "https://assets.telegraphindia.com/abp/2024/Aug/"
AB_REGION = (("north-bengal", ("north-bengal", "darjeeling", "jalpaiguri",
                               "siliguri", "cooch-behar", "malda")),
             ("bardhaman", ("bardhaman",)),
             ("howrah-hooghly", ("hooghly",)),
             ("midnapore", ("digha", "ghatal")),
             ("nadia-murshidabad", ("murshidabad", "nadia")),
             ("purulia-birbhum-bankura", ("santiniketan", "purulia",
                                          "bankura")),
             ("24-parganas", ("sundarbans",)))


def ab_paths(stories, rng):
    n = 1534567
    for s in stories:
        k = s.slug
        if s.sec == "bengal":
            d = "/west-bengal/" + next(r for r, ws in AB_REGION
                                       if any(w in k for w in ws))
        elif s.sec == "sports":
            d = "/sports/football" if any(w in k for w in FOOTBALL) \
                else "/sports/cricket" if ("eden" in k or "duleep" in k) \
                else "/sports/others"
        else:
            d = {"kolkata": "/west-bengal/kolkata", "india": "/india",
                 "world": "/world", "entertainment": "/entertainment",
                 "business": "/business", "lifestyle": "/lifestyle",
                 "opinion": "/editorial"}[s.sec]
        n -= rng.randint(3, 50)
        s.path = "%s/%s/cid/%d" % (d, k, n)


def ab_header(p, here, rel=""):
    """rel: "" for path-absolute hrefs, or the page's way of writing them
    relative to its <base href>."""
    def h(path):
        return rel + path.lstrip("/") if rel is not None and rel != "" \
            else path
    menu = [
        ("পশ্চিমবঙ্গ", "/west-bengal", [
            ("কলকাতা", "/west-bengal/kolkata"),
            ("উত্তরবঙ্গ", "/west-bengal/north-bengal"),
            ("বর্ধমান", "/west-bengal/bardhaman"),
            ("হাওড়া-হুগলি", "/west-bengal/howrah-hooghly"),
            ("পুরুলিয়া-বীরভূম-বাঁকুড়া", "/west-bengal/purulia-birbhum-bankura"),
            ("উত্তর ও দক্ষিণ ২৪ পরগনা", "/west-bengal/24-parganas"),
            ("নদিয়া-মুর্শিদাবাদ", "/west-bengal/nadia-murshidabad"),
            ("মেদিনীপুর", "/west-bengal/midnapore")]),
        ("দেশ", "/india", []), ("বিদেশ", "/world", []),
        ("খেলা", "/sports", [("ক্রিকেট", "/sports/cricket"),
                             ("ফুটবল", "/sports/football"),
                             ("অন্যান্য", "/sports/others")]),
        ("বিনোদন", "/entertainment", [
            ("টলিউড", "/entertainment/tollywood"),
            ("বলিউড", "/entertainment/bollywood"),
            ("ওয়েব সিরিজ", "/entertainment/web-series")]),
        ("ব্যবসা", "/business", []), ("জীবনশৈলী", "/lifestyle", []),
        ("স্বাস্থ্য", "/health", []), ("সম্পাদকীয়", "/editorial", []),
        ("ছবি", "/photogallery", []), ("ভিডিও", "/video", []),
        ("জ্যোতিষ", "/astrology", []), ("রান্নাঘর", "/recipes", []),
        ("রবিবাসরীয়", "/rabibashoriyo", []), ("ওয়েব স্টোরিজ",
                                            "/web-stories", []),
        ("কুইজ", "/quiz", []), ("শব্দছক", "/crossword", [])]
    lis = []
    for name, path, sub in menu:
        s = p.a(h(path), name, NAV, ' class="on"' if path == here else "")
        if sub:
            s += ul([p.a(h(x), n, NAV) for n, x in sub], "submenu")
        lis.append(s)
    topics = ("rg-kar-medical-college-and-hospital", "durga-puja-2024",
              "kolkata-rain", "bangladesh-crisis", "paris-paralympics-2024")
    return "\n".join([
        '<header class="abp-header">',
        '<div class="topstrip"><span>কলকাতা, শনিবার ১৭ অগস্ট ২০২৪</span>%s %s'
        ' %s %s</div>' % (
            p.a("https://epaper.anandabazar.com/", "ই-পেপার", NAV),
            p.a("https://www.telegraphindia.com/", "English", NAV),
            p.a(h("/login"), "লগ ইন", NAV),
            p.a(h("/search"), '<i class="search"></i>', NAV)),
        p.a(AB + "/", '<img src="/images/abp-logo.svg" alt="আনন্দবাজার '
            'পত্রিকা">', NAV, ' class="logo"'),
        '<nav class="abp-nav">%s</nav>' % ul(lis, "navul"),
        '<div class="trendingtopic">%s</div>' % " ".join(
            p.a(h("/topic/" + t), "#" + t.replace("-", " "), NAV)
            for t in topics),
        '</header>'])


def ab_footer(p, rel=""):
    def h(path):
        return rel + path.lstrip("/") if rel else path
    return "\n".join([
        '<footer class="abp-footer">',
        ul([p.a(h(x), n, NAV) for n, x in (
            ("আমাদের সম্পর্কে", "/about-us"), ("যোগাযোগ", "/contact-us"),
            ("গোপনীয়তা", "/privacy-policy"),
            ("শর্তাবলি", "/terms-and-conditions"),
            ("বিজ্ঞাপন", "/advertise-with-us"),
            ("অভিযোগ", "/grievance-redressal"), ("সাইটম্যাপ", "/sitemap"),
            ("আরএসএস", "/rss"))], "flinks"),
        '<p>সহযোগী: %s %s</p>' % (
            p.a("https://www.telegraphindia.com/", "The Telegraph", NAV),
            p.a("https://bengali.abplive.com/", "এবিপি আনন্দ", NAV)),
        social(p, [("facebook", "https://www.facebook.com/anandabazar.com"),
                   ("x", "https://twitter.com/MyAnandabazar"),
                   ("youtube", "https://www.youtube.com/@anandabazar"),
                   ("instagram", "https://www.instagram.com/anandabazar/")]),
        apps(p, "com.abp.anandabazar", "1179934573"),
        '<p>© ২০২৪ এবিপি প্রাইভেট লিমিটেড</p>', '</footer>'])


def anandabazar(check, report):
    rng = random.Random("anandabazar")
    st = load(pool.WB)
    ab_paths(st, rng)
    bad = 0

    p = Page("anandabazar-home", AB + "/")
    used = set()

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    body = [ab_header(p, "/")]
    body.append('<main class="abp-home">')
    lead = get(st, "rg-kar-incident-overnight-protest")
    used.add(lead)
    body.append('<div class="leadstory">%s<h1>%s</h1><p>%s</p></div>' % (
        p.a(lead.path, '<img src="%slead.jpg" alt="%s">' % (
            AB_IMG, attr(lead.title)), ART),
        p.a(lead.path, esc(lead.title), ART), esc(lead.summary)))
    body.append('<ul class="leadrelated">')
    for s in take({"kolkata"}, 3):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ul>')
    body.append('<div class="toplist">')
    for i, s in enumerate(take({"kolkata", "bengal", "india"}, 6)):
        href = s.path
        if i == 4:
            href = "https://anandabazar.com" + s.path	# without www
        body.append('<div class="storybox">%s<h3>%s</h3></div>' % (
            p.a(href, '<img src="%s%s.jpg" alt="">' % (
                AB_IMG, s.path[-7:]), ART), p.a(href, esc(s.title), ART)))
    body.append('</div>')
    body.append('<div class="latestnews"><h2>সর্বশেষ</h2><ul>')
    for i, s in enumerate(take({"kolkata", "bengal", "india", "world",
                                 "sports"}, 9)):
        body.append('<li>%s<span>%s</span></li>' % (
            p.a(s.path, esc(s.title), ART), ago_bn(i)))
    body.append('</ul></div>')
    body.append('<div class="mostread"><h2>সবচেয়ে বেশি পঠিত</h2><ol>')
    for i, s in enumerate(take({"kolkata", "entertainment", "india"}, 5)):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol></div>')
    blocks = [("কলকাতা", "/west-bengal/kolkata", {"kolkata"}, 4),
              ("রাজ্য", "/west-bengal", {"bengal"}, 4),
              ("দেশ", "/india", {"india"}, 4),
              ("বিদেশ", "/world", {"world"}, 3),
              ("খেলা", "/sports", {"sports"}, 4),
              ("বিনোদন", "/entertainment", {"entertainment"}, 3),
              ("ব্যবসা", "/business", {"business"}, 2),
              ("জীবনশৈলী", "/lifestyle", {"lifestyle"}, 2),
              ("সম্পাদকীয়", "/editorial", {"opinion"}, 2)]
    writers = [("স্বাতী ভট্টাচার্য", "swati-bhattacharya"),
               ("অমিতাভ গুপ্ত", "amitabha-gupta")]
    for name, href, secs, n in blocks:
        body.append('<section class="catbox"><h2>%s</h2>' % p.a(
            href, name, NAV))
        for i, s in enumerate(take(secs, n)):
            if name == "সম্পাদকীয়":
                wn, ws = writers[i]
                body.append('<div class="opinion">%s<h3>%s</h3></div>' % (
                    p.a("/author/" + ws, esc(wn), NAV),
                    p.a(s.path, esc(s.title), ART)))
            elif i == 0:
                body.append('<div class="storybox">%s<h3>%s</h3>%s</div>' % (
                    p.a(s.path, '<img src="%s%s.jpg" alt="">' % (
                        AB_IMG, s.path[-7:]), ART),
                    p.a(s.path, esc(s.title), ART),
                    p.a(s.path, "বিশদে পড়ুন", ART, ' class="more"')))
            else:
                body.append('<h4>%s</h4>' % p.a(s.path, esc(s.title), ART))
        body.append('</section>')
    body.append('<section class="photostory"><h2>%s</h2>' % p.a(
        "/photogallery", "ছবিতে খবর", NAV))
    for i, t in enumerate(("রাতের শহরে মোমবাতি মিছিল", "জলমগ্ন কলকাতা",
                           "কুমোরটুলিতে প্রতিমা গড়ার ব্যস্ততা")):
        href = "/photogallery/%s/cid/%d" % (
            ("candle-march-night-kolkata", "waterlogged-kolkata",
             "kumartuli-idol-making")[i], 1533900 + i)
        body.append('<div class="ph">%s</div>' % p.a(
            href, '<img src="%sph%d.jpg" alt="%s"><span class="count">১২'
            '</span>' % (AB_IMG, i, attr(t)), ART))
    body.append('</section>')
    body.append('<section class="videos"><h2>%s</h2>' % p.a(
        "/video", "ভিডিও", NAV))
    for i, t in enumerate(("ধর্মতলায় চিকিৎসকদের অবস্থান", "মেট্রোর নতুন রুট")):
        href = "/video/%s/cid/%d" % (("doctors-sit-in-esplanade-video",
                                      "metro-new-route-video")[i],
                                     1533950 + i)
        body.append('<div class="vd">%s%s</div>' % (
            p.a(href, "▶", ART, ' class="play"'),
            p.a(href, esc(t), ART)))
    body.append('</section>')
    body.append('<section class="archive"><h2>পুরনো খবর</h2>')
    for path, t in (("/state/teesta-flood-north-bengal-1.987654",
                     "২০১৯: তিস্তার জলে ভাসল উত্তরবঙ্গ"),
                    ("/calcutta/tram-centenary-celebration-1.987700",
                     "ট্রামের দেড়শো বছর")):
        body.append('<p>%s</p>' % p.a(path, esc(t), ART))
    body.append('</section>')
    body.append('<section class="shop"><h2>বিজ্ঞাপন</h2>%s %s</section>' % (
        p.a("https://www.amazon.in/deals?tag=abpshopping-21&utm_source=abp",
            "পুজোর কেনাকাটা", NAV, ' rel="sponsored"'),
        p.a("https://www.telegraphindia.com/west-bengal/calcutta/doctors-"
            "protest-continues/cid/2041234", "The Telegraph: Doctors' protest "
            "continues", NAV)))
    body.append('</main>')
    body.append(ab_footer(p))
    doc = document("bn", "আনন্দবাজার পত্রিকা | Latest Bengali News",
                   '<link rel="canonical" href="https://www.anandabazar.com/">'
                   '\n<link rel="alternate" type="application/rss+xml" '
                   'href="https://www.anandabazar.com/rss">', "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page: /west-bengal/kolkata, with a <base href> and hrefs
    # relative to it (no leading slash): resolved against the page's own
    # URL they would land under /west-bengal/.
    p = Page("anandabazar-section", AB + "/west-bengal/kolkata")
    p.set_base(AB + "/")
    kol = [s for s in st if s.sec == "kolkata"]
    rng.shuffle(kol)
    body = [ab_header(p, "/west-bengal/kolkata", rel="./")]
    body.append('<div class="breadcrumb">%s » %s » কলকাতা</div>' % (
        p.a("./", "প্রথম পাতা", NAV), p.a("west-bengal", "পশ্চিমবঙ্গ", NAV)))
    body.append('<main class="catlist">')
    for i, s in enumerate(kol[:24]):
        href = s.path.lstrip("/") if i % 3 else s.path
        if i == 5:
            href = s.path + "?utm_source=whatsapp&utm_medium=share"
        body.append('<div class="story">%s<div class="txt"><h2>%s</h2><p>%s'
                    '</p><span class="dt">%s</span></div></div>' % (
                        p.a(href, '<img src="%s%s.jpg" alt="%s">' % (
                            AB_IMG, s.path[-7:], attr(s.title)), ART),
                        p.a(href, esc(s.title), ART), esc(s.summary or ""),
                        ago_bn(i)))
    body.append('</main>')
    body.append('<div class="pagination">%s</div>' % " ".join(
        p.a("west-bengal/kolkata/page-%d" % n, bn(n), NAV)
        for n in range(2, 6)))
    body.append('<aside><h3>রাজ্যের খবর</h3><ul>')
    for s in pick(st, {"bengal"}, rng, 6):
        body.append('<li>%s</li>' % p.a(s.path.lstrip("/"), esc(s.title),
                                        ART))
    body.append('</ul><h3>সবচেয়ে বেশি পঠিত</h3><ol>')
    for s in pick(st, {"india", "sports", "entertainment"}, rng, 5):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol></aside>')
    body.append(ab_footer(p, rel="./"))
    doc = document("bn", "কলকাতা | আনন্দবাজার পত্রিকা",
                   '<base href="https://www.anandabazar.com/">\n<link rel='
                   '"canonical" href="https://www.anandabazar.com/west-bengal/'
                   'kolkata">', "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad


# --- Sangbad Pratidin -------------------------------------------------------

SP = "https://www.sangbadpratidin.in"
SP_IMG = "https://www.sangbadpratidin.in/wp-content/uploads/2024/08/"


def sp_paths(stories, rng):
    for s in stories:
        k = s.slug
        if s.sec == "sports":
            d = "/sports/football" if any(w in k for w in FOOTBALL) \
                else "/sports/cricket" if ("eden" in k or "duleep" in k) \
                else "/sports/other-sports"
        else:
            d = {"kolkata": "/kolkata", "bengal": "/bengal", "india":
                 "/india", "world": "/world",
                 "entertainment": "/entertainment/tollywood",
                 "business": "/business", "lifestyle": "/lifestyle",
                 "opinion": "/editorial"}[s.sec]
        slug = bnslug(s.title) if rng.random() < 0.18 else k
        s.path = "%s/%s/" % (d, slug)


def sp_href(s, i):
    """Bengali slugs as WordPress writes them: percent-encoded in lower
    case, or raw where an editor pasted the link."""
    if s.path.isascii():
        return s.path
    return s.path if i % 2 else urllib.parse.quote(s.path).lower()


def sp_header(p, here):
    menu = [
        ("কলকাতা", "/kolkata/", []), ("বাংলা", "/bengal/", []),
        ("দেশ", "/india/", []), ("বিদেশ", "/world/", []),
        ("খেলা", "/sports/", [("ক্রিকেট", "/sports/cricket/"),
                              ("ফুটবল", "/sports/football/"),
                              ("অন্যান্য", "/sports/other-sports/")]),
        ("বিনোদন", "/entertainment/", [
            ("টলিউড", "/entertainment/tollywood/"),
            ("বলিউড", "/entertainment/bollywood/"),
            ("টেলিভিশন", "/entertainment/television/")]),
        ("লাইফস্টাইল", "/lifestyle/", []), ("ব্যবসা", "/business/", []),
        ("প্রযুক্তি", "/technology/", []), ("ধর্ম", "/religion/", []),
        ("জ্যোতিষ", "/astrology/", []),
        ("ফটো গ্যালারি", "/photo-gallery/", []), ("ভিডিও", "/videos/", []),
        ("ওয়েব স্টোরিজ", "/web-stories/", []), ("রোববার", "/robbar/", []),
        ("সম্পাদকীয়", "/editorial/", []), ("বিশেষ", "/special-story/", [])]
    lis = []
    for name, h, sub in menu:
        s = p.a(h, name, NAV, ' class="current-menu-item"' if h == here
                else "")
        if sub:
            s += ul([p.a(x, n, NAV) for n, x in sub], "sub-menu")
        lis.append(s)
    return "\n".join([
        '<div class="td-header-top-menu"><span class="td_data_time">'
        'শনিবার, ১৭ আগস্ট ২০২৪</span>%s %s</div>' % (
            p.a("https://epaper.sangbadpratidin.in/", "ই-পেপার", NAV),
            p.a("https://www.sangbadpratidin.in/?s=", "খুঁজুন", NAV)),
        '<div class="td-header-logo">%s</div>' % p.a(
            SP + "/", '<img src="%slogo.png" alt="Sangbad Pratidin">' % SP_IMG,
            NAV),
        '<nav class="td-header-menu-wrap">%s</nav>' % ul(lis, "menu")])


def sp_footer(p):
    return "\n".join([
        '<footer class="td-footer-wrapper">',
        ul([p.a(h, n, NAV) for n, h in (
            ("About Us", "/about-us/"), ("Contact Us", "/contact-us/"),
            ("Privacy Policy", "/privacy-policy/"),
            ("Terms of Use", "/terms-of-use/"),
            ("Advertise", "/advertise-with-us/"),
            ("Feed", "/feed/"))], "menu-footer"),
        social(p, [("facebook", "https://www.facebook.com/SangbadPratidin"),
                   ("x", "https://twitter.com/SangbadPratidin"),
                   ("youtube", "https://www.youtube.com/@SangbadPratidinDigital"),
                   ("instagram", "https://www.instagram.com/sangbadpratidin/")]),
        apps(p, "in.sangbadpratidin", "1439321234"),
        '<p>Copyright © 2024 Sangbad Pratidin Digital. All rights reserved.'
        ' Powered by %s</p>' % p.a("https://wordpress.org/", "WordPress", NAV,
                                   ' rel="nofollow"'),
        '</footer>'])


def sp_module(p, s, href, excerpt=False, author=None, when=None):
    out = ['<div class="td_module_flex">',
           '<div class="td-module-thumb">%s</div>' % p.a(
               href, '<img src="%s%s.jpg" alt="%s" title="%s">' % (
                   SP_IMG, s.slug[:12], attr(s.title), attr(s.title)), ART,
               ' rel="bookmark" class="td-image-wrap" title="%s"'
               % attr(s.title)),
           '<h3 class="entry-title td-module-title">%s</h3>' % p.a(
               href, esc(s.title), ART, ' rel="bookmark"')]
    if author:
        out.append('<span class="td-post-author-name">%s</span>' % p.a(
            "/author/%s/" % author[1], esc(author[0]), NAV))
    if when:
        out.append('<time class="entry-date">%s</time>' % when)
    if excerpt and s.summary:
        out.append('<div class="td-excerpt">%s</div>' % esc(s.summary))
    out.append('</div>')
    return "\n".join(out)


def sangbadpratidin(check, report):
    rng = random.Random("sangbadpratidin")
    st = load(pool.WB)
    sp_paths(st, rng)
    bad = 0

    p = Page("sangbadpratidin-home", SP + "/")
    used = set()

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    body = [sp_header(p, "/"), '<div class="td-main-content-wrap">']
    lead = get(st, "metro-fare-not-to-increase")
    used.add(lead)
    body.append('<div class="td-big-grid">')
    body.append(sp_module(p, lead, SP + lead.path, excerpt=True))
    for i, s in enumerate(take({"kolkata", "bengal"}, 4)):
        body.append(sp_module(p, s, sp_href(s, i)))
    body.append('</div>')
    body.append('<div class="breaking"><b>ব্রেকিং</b> %s</div>' % " | ".join(
        p.a(sp_href(s, i + 1), esc(s.title), ART)
        for i, s in enumerate(take({"kolkata", "india"}, 3))))
    blocks = [("কলকাতা", "/kolkata/", {"kolkata"}, 5),
              ("বাংলা", "/bengal/", {"bengal"}, 5),
              ("দেশ", "/india/", {"india"}, 4),
              ("বিদেশ", "/world/", {"world"}, 3),
              ("খেলা", "/sports/", {"sports"}, 4),
              ("বিনোদন", "/entertainment/", {"entertainment"}, 3),
              ("ব্যবসা", "/business/", {"business"}, 2),
              ("লাইফস্টাইল", "/lifestyle/", {"lifestyle"}, 3),
              ("সম্পাদকীয়", "/editorial/", {"opinion"}, 2)]
    for name, href, secs, n in blocks:
        body.append('<div class="td_block_wrap"><h4 class="block-title">%s'
                    '</h4>' % p.a(href, "<span>%s</span>" % name, NAV))
        for i, s in enumerate(take(secs, n)):
            body.append(sp_module(p, s, sp_href(s, i), excerpt=(i == 0)))
        body.append('<div class="td-next-prev-wrap">%s</div>' % p.a(
            href + "page/2/", "আরও", NAV, ' class="td-ajax-next-page"'))
        body.append('</div>')
    body.append('<div class="td_block_wrap"><h4>%s</h4>' % p.a(
        "/photo-gallery/", "ফটো গ্যালারি", NAV))
    for slug, t in (("kumartuli-ready-for-puja", "পুজোর প্রস্তুতিতে কুমোরটুলি"),
                    ("rainy-day-in-kolkata", "বৃষ্টিভেজা কলকাতা")):
        body.append('<div class="gal">%s<p>%s</p></div>' % (
            p.a("/photo-gallery/%s/" % slug, '<img src="%s%s.jpg" alt="">'
                % (SP_IMG, slug), ART), esc(t)))
    body.append('</div>')
    body.append('<div class="td_block_wrap"><h4>%s</h4>%s</div>' % (
        p.a("/videos/", "ভিডিও", NAV),
        p.a("/videos/doctors-protest-at-esplanade-video/",
            '<img src="%svid.jpg" alt=""><span>▶</span> ধর্মতলায় চিকিৎসকদের '
            'অবস্থান' % SP_IMG, ART)))
    body.append('<div class="tagcloud">%s</div>' % " ".join(
        p.a("/tag/%s/" % t, "#" + t, NAV)
        for t in ("rg-kar", "kolkata-police", "durga-puja", "mamata-"
                  "banerjee", "weather-update", "east-bengal")))
    body.append('<div class="td-a-rec">%s</div>' % p.a(
        "https://www.flipkart.com/big-billion-days-store?affid=sangbad&utm_"
        "source=sp", '<img src="%sad.jpg" alt="Ad">' % SP_IMG, NAV,
        ' rel="nofollow sponsored" target="_blank"'))
    body.append('<!-- td_block_9 disabled: <a href="/kolkata/old-promo-'
                'durga-puja-2023/">পুজো ২০২৩</a> -->')
    body.append('</div>')
    body.append(sp_footer(p))
    doc = document("bn", "Sangbad Pratidin | সংবাদ প্রতিদিন: বাংলা খবর",
                   '<link rel="canonical" href="https://www.sangbadpratidin.in/'
                   '">\n<link rel="alternate" type="application/rss+xml" '
                   'title="Sangbad Pratidin &raquo; Feed" '
                   'href="https://www.sangbadpratidin.in/feed/">\n'
                   '<link rel="shortlink" href="https://www.sangbadpratidin.in/">',
                   "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page: /kolkata/.
    p = Page("sangbadpratidin-section", SP + "/kolkata/")
    kol = [s for s in st if s.path.startswith("/kolkata/")]
    rng.shuffle(kol)
    authors = [("Sulaya Singha", "sulaya"), ("Sayani Sen", "sayani-sen"),
               ("Kishore Ghosh", "kishore-ghosh")]
    body = [sp_header(p, "/kolkata/")]
    body.append('<div class="entry-crumbs">%s <i>›</i> <span>কলকাতা</span>'
                '</div>' % p.a(SP + "/", "Home", NAV))
    body.append('<h1 class="td-page-title">কলকাতা</h1>')
    body.append('<div class="td-ss-main-content">')
    for i, s in enumerate(kol[:24]):
        href = sp_href(s, i)
        if i == 3:
            href = SP + s.path + "#respond"
        body.append(sp_module(p, s, href, excerpt=True,
                              author=authors[i % 3],
                              when="%s আগস্ট ২০২৪" % bn(17 - i // 9)))
    body.append('</div>')
    body.append('<div class="page-nav td-pb-padding-side">%s</div>' % " ".join(
        [p.a("/kolkata/page/%d/" % n, bn(n), NAV, ' class="page"')
         for n in (2, 3, 4)]
        + [p.a("/kolkata/page/2/", '<i class="td-icon-menu-right"></i>', NAV,
               ' aria-label="next-page"'),
           p.a("/kolkata/page/312/", "শেষ »", NAV, ' class="last"')]))
    body.append('<aside class="td-pb-span4"><h4>জনপ্রিয়</h4><ul>')
    for i, s in enumerate(pick(st, {"bengal", "india", "sports",
                                    "entertainment"}, rng, 7)):
        body.append('<li>%s</li>' % p.a(sp_href(s, i), esc(s.title), ART))
    body.append('</ul><div class="tagcloud">%s</div></aside>' % " ".join(
        p.a("/tag/%s/" % t, t, NAV)
        for t in ("kolkata-metro", "kmc", "rg-kar", "waterlogging",
                  "kolkata-police")))
    body.append(sp_footer(p))
    doc = document("bn", "কলকাতা Archives | Sangbad Pratidin",
                   '<link rel="canonical" href="https://www.sangbadpratidin.in/'
                   'kolkata/">', "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad

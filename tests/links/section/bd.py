"""bd.py: the Bangladeshi Bengali outlets' pages."""

import random
import urllib.parse

import pool
from common import *  # noqa: F401,F403


# --- Prothom Alo ---------------------------------------------------------

PA = "https://www.prothomalo.com"
PA_IMG = "https://images.prothomalo.com/prothomalo-bangla/2024-08/"


def pa_paths(stories, rng):
    for s in stories:
        k = s.slug
        d = {
            "national": "/bangladesh/capital"
            if any(w in k for w in ("dhaka", "metro", "secretariat"))
            else "/bangladesh/district",
            "politics": "/politics",
            "economy": "/business/economics",
            "world": "/world/india" if ("kolkata" in k or "uttarakhand" in k)
            else "/world/usa" if k.startswith("us-")
            else "/world/middle-east" if "gaza" in k else "/world/asia",
            "sports": "/sports/football"
            if ("football" in k or "saff" in k)
            else "/sports/other-sports" if ("archery" in k or "hockey" in k)
            else "/sports/cricket",
            "entertainment": "/entertainment/drama"
            if ("play" in k or "series" in k) else "/entertainment/movies",
            "opinion": "/opinion/column",
            "education": "/education",
            "tech": "/technology",
            "lifestyle": "/lifestyle/recipe" if "recipe" in k
            else "/lifestyle/beauty",
            "health": "/lifestyle/health",
            "environment": "/bangladesh/environment",
        }[s.sec]
        # About half the stories have English slug words, the rest the
        # ten-character ids of the newer CMS.
        s.path = "%s/%s" % (d, k if rng.random() < 0.45 else ident(rng, 10))


def pa_header(p, here):
    menu = [
        ("সর্বশেষ", "/collection/latest", []),
        ("রাজনীতি", "/politics", []),
        ("বাংলাদেশ", "/bangladesh", [
            ("রাজধানী", "/bangladesh/capital"), ("জেলা", "/bangladesh/district"),
            ("অপরাধ", "/bangladesh/crime"), ("পরিবেশ", "/bangladesh/environment")]),
        ("বিশ্ব", "/world", [
            ("ভারত", "/world/india"), ("পাকিস্তান", "/world/pakistan"),
            ("চীন", "/world/china"), ("মধ্যপ্রাচ্য", "/world/middle-east"),
            ("যুক্তরাষ্ট্র", "/world/usa"), ("এশিয়া", "/world/asia"),
            ("ইউরোপ", "/world/europe")]),
        ("বাণিজ্য", "/business", [
            ("অর্থনীতি", "/business/economics"), ("বাজার", "/business/market"),
            ("শেয়ারবাজার", "/business/stock-market")]),
        ("মতামত", "/opinion", [
            ("সম্পাদকীয়", "/opinion/editorial"), ("কলাম", "/opinion/column"),
            ("সাক্ষাৎকার", "/opinion/interview")]),
        ("খেলা", "/sports", [
            ("ক্রিকেট", "/sports/cricket"), ("ফুটবল", "/sports/football"),
            ("টেনিস", "/sports/tennis"), ("অন্য খেলা", "/sports/other-sports")]),
        ("বিনোদন", "/entertainment", [
            ("টেলিভিশন", "/entertainment/tv"), ("ওটিটি", "/entertainment/ott"),
            ("চলচ্চিত্র", "/entertainment/movies"),
            ("গান", "/entertainment/music"), ("নাটক", "/entertainment/drama")]),
        ("চাকরি", "/chakri", []),
        ("জীবনযাপন", "/lifestyle", [
            ("স্বাস্থ্য", "/lifestyle/health"), ("রেসিপি", "/lifestyle/recipe"),
            ("সাজসজ্জা", "/lifestyle/beauty")]),
        ("প্রযুক্তি", "/technology", [
            ("গ্যাজেট", "/technology/gadget"), ("বিজ্ঞান", "/technology/science"),
            ("ফ্রিল্যান্সিং", "/technology/freelancing")]),
        ("শিক্ষা", "/education", [
            ("ভর্তি", "/education/admission"), ("পরীক্ষা", "/education/exam")]),
    ]
    items = []
    for name, href, sub in menu:
        cur = ' class="active"' if href == here else ""
        s = '<li%s>%s' % (cur, p.a(href, name, NAV))
        if sub:
            s += '\n<ul class="sub-menu">%s</ul>' % "".join(
                "<li>%s</li>" % p.a(h, n, NAV) for n, h in sub)
        items.append(s + "</li>")
    drawer = [
        ("ভিডিও", "/video"), ("ছবি", "/photo"), ("ধর্ম", "/religion"),
        ("দূর পরবাস", "/durporobash"), ("নাগরিক সংবাদ", "/nagorik-sangbad"),
        ("গোলটেবিল", "/roundtable"), ("বিশেষ সংখ্যা", "/special-supplement"),
        ("অন্য আলো", "/onnoalo"), ("স্বপ্ন নিয়ে", "/chakri/shopno-niye"),
        ("কৃষি", "/bangladesh/agriculture"), ("আবহাওয়া", "/bangladesh/weather"),
        ("নামাজের সময়", "/prayer-time"), ("মুদ্রার বিনিময় হার", "/exchange-rate"),
        ("আর্কাইভ", "/archive"),
    ]
    return "\n".join([
        '<header class="site-header">',
        '<div class="top-bar"><span class="date">শনিবার, ১৭ আগস্ট ২০২৪</span>',
        p.a("https://epaper.prothomalo.com/", "ই-পেপার", NAV,
            ' target="_blank"'),
        p.a("https://en.prothomalo.com/", "English", NAV),
        p.a("/search", '<i class="icon-search"></i> খুঁজুন', NAV),
        p.a("https://www.prothomalo.com/account/login?redirect=%2F",
            "লগইন", NAV, ' class="login"'),
        '</div>',
        '<div class="logo-row">%s</div>' % p.a(
            "/", '<img src="/static/img/logo.svg" alt="প্রথম আলো" '
            'width="180">', NAV, ' class="logo"'),
        '<nav class="main-menu" aria-label="প্রধান মেনু">',
        ul(items, "menu"),
        '</nav>',
        '<div class="drawer" hidden><h4>সব বিভাগ</h4>',
        ul([p.a(h, n, NAV) for n, h in drawer], "drawer-menu"),
        '</div>',
        '</header>'])


def pa_footer(p):
    cols = [("রাজনীতি", "/politics"), ("বাংলাদেশ", "/bangladesh"),
            ("বিশ্ব", "/world"), ("বাণিজ্য", "/business"),
            ("মতামত", "/opinion"), ("খেলা", "/sports"),
            ("বিনোদন", "/entertainment"), ("চাকরি", "/chakri"),
            ("জীবনযাপন", "/lifestyle"), ("প্রযুক্তি", "/technology"),
            ("শিক্ষা", "/education"), ("ভিডিও", "/video")]
    about = [("আমাদের সম্পর্কে", "/about-us"), ("যোগাযোগ", "/contact-us"),
             ("বিজ্ঞাপন", "/advertisement"),
             ("গোপনীয়তা নীতি", "/privacy-policy"),
             ("ব্যবহারের শর্তাবলি", "/terms-of-use"),
             ("সার্কুলেশন", "/circulation"), ("আরএসএস", "/feed/"),
             ("নিউজলেটার", "/newsletter")]
    sister = [("প্রথমা", "https://prothoma.com/"),
              ("কিশোর আলো", "https://www.kishoralo.com/"),
              ("বিজ্ঞানচিন্তা", "https://www.bigganchinta.com/"),
              ("প্রথম আলো ট্রাস্ট", "https://trust.prothomalo.com/"),
              ("চরকি", "https://www.chorki.com/")]
    return "\n".join([
        '<footer class="site-footer">',
        '<div class="footer-logo">%s</div>' % p.a(
            PA + "/", '<img src="/static/img/logo-white.svg" alt="প্রথম আলো">',
            NAV),
        ul([p.a(h, n, NAV) for n, h in cols], "footer-sections"),
        ul([p.a(h, n, NAV) for n, h in about], "footer-links"),
        '<div class="sister"><h5>প্রথম আলোর অন্যান্য প্রকাশনা</h5>',
        ul([p.a(h, n, NAV, ' target="_blank"') for n, h in sister], "s"),
        '</div>',
        social(p, [("facebook", "https://www.facebook.com/DailyProthomAlo"),
                   ("x", "https://x.com/ProthomAlo"),
                   ("youtube", "https://www.youtube.com/@ProthomAlo"),
                   ("instagram", "https://www.instagram.com/prothomalo/"),
                   ("linkedin", "https://www.linkedin.com/company/prothomalo")]),
        apps(p, "com.mcc.prothomalo", "1046370214"),
        '<p>ভারপ্রাপ্ত সম্পাদক ও প্রকাশক · প্রগতি ইনস্যুরেন্স ভবন, ২০-২১ '
        'কারওয়ান বাজার, ঢাকা ১২১৫ · ফোন: %s · ইমেইল: %s</p>' % (
            p.a("tel:+8809610300300", "০৯৬১০৩০০৩০০", NAV),
            p.a("mailto:info@prothomalo.com", "info@prothomalo.com", NAV)),
        '<p class="copy">স্বত্ব © ১৯৯৮-২০২৪ প্রথম আলো</p>',
        '</footer>'])


def pa_card(p, s, href=None, summary=True, tag="h3", img=True, time=None):
    href = href or s.path
    out = ['<div class="story-card">']
    if img:
        out.append(p.a(href, '<img src="%s%s.jpg" alt="%s" loading="lazy">'
                       % (PA_IMG, s.path.rsplit("/", 1)[1][:10],
                          attr(s.title)), ART, ' class="card-image"'))
    out.append('<%s class="headline">%s</%s>' % (
        tag, p.a(href, '<span class="tilte-no-link-parent">%s</span>'
                 % esc(s.title), ART), tag))
    if summary and s.summary:
        out.append('<p class="excerpt">%s</p>' % esc(s.summary))
    if time:
        out.append('<time class="published-time">%s</time>' % time)
    out.append('</div>')
    return "\n".join(out)


def pa_head(p, title, canonical):
    return "\n".join([
        '<link rel="canonical" href="%s">' % canonical,
        '<link rel="alternate" type="application/rss+xml" title="প্রথম আলো" '
        'href="https://www.prothomalo.com/feed/">',
        '<meta property="og:site_name" content="প্রথম আলো">',
        '<meta property="og:url" content="%s">' % canonical,
        '<meta property="og:title" content="%s">' % attr(title),
        '<link rel="preconnect" href="https://images.prothomalo.com">',
        '<link rel="stylesheet" href="/static/css/app.4f2a.css">',
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsMediaOrganization","name":"Prothom Alo","url":'
        '"https://www.prothomalo.com/","logo":"https://www.prothomalo.com/'
        'static/img/logo.png","sameAs":["https://www.facebook.com/'
        'DailyProthomAlo","https://x.com/ProthomAlo"]}</script>'])


def prothomalo(check, report):
    rng = random.Random("prothomalo")
    st = load(pool.BD)
    pa_paths(st, rng)
    bad = 0

    # Home page.
    p = Page("prothomalo-home", PA + "/")
    lead = get(st, "feni-flood-situation-worsens")
    subs = [get(st, k) for k in ("dhaka-waterlogging-after-heavy-rain",
                                 "bnp-seeks-election-roadmap",
                                 "remittance-first-two-weeks-august",
                                 "test-squad-for-pakistan-tour")]
    used = set([lead] + subs)

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    body = [pa_header(p, "/")]
    body.append('<div class="ad ad-leaderboard">%s</div>' % p.a(
        "https://adclick.g.doubleclick.net/pcs/click?xai=AKAOjsv2k9&sig=Cg0"
        "ArKJSzA&adurl=https://www.bkash.com/campaign/august",
        '<img src="https://tpc.googlesyndication.com/simgad/1729" alt="">',
        NAV, ' rel="nofollow sponsored" target="_blank"'))
    topics = [("বন্যা", "pct"), ("ডেঙ্গু", "raw"), ("অন্তর্বর্তী সরকার", "pct"),
              ("সংস্কার", "raw"), ("মেট্রোরেল", "pct"), ("এইচএসসি পরীক্ষা", "raw")]
    body.append('<div class="trending-topics"><span>আলোচিত</span>%s</div>' %
                "".join(p.a("/topic/" + topic_href(w, f), "#" + w, NAV)
                        for w, f in topics))
    tick = [get(st, "metro-rail-to-resume-from-sunday"),
            get(st, "dengue-three-more-deaths"),
            get(st, "cumilla-gomti-embankment-breach")]
    used.update(tick)
    body.append('<div class="breaking-news"><strong>সদ্য সংবাদ</strong>'
                '<marquee>%s</marquee></div>' % " ● ".join([
                    p.a(tick[0].path + "?utm_source=homepage&utm_medium="
                        "breaking&utm_campaign=ticker", esc(tick[0].title),
                        ART),
                    p.a(tick[1].path, esc(tick[1].title), ART),
                    p.a(PA + tick[2].path, esc(tick[2].title), ART)]))
    body.append('<main id="container">')
    body.append('<section class="lead-story">')
    body.append(p.a(lead.path, '<img src="%slead.jpg" alt="%s">'
                    % (PA_IMG, attr(lead.title)), ART, ' class="lead-image"'))
    body.append('<h2 class="headline lead-headline">%s</h2>'
                % p.a(lead.path, esc(lead.title), ART))
    body.append('<p class="excerpt">%s</p>' % esc(lead.summary))
    body.append('<ul class="lead-related">%s</ul>' % "".join(
        "<li>%s</li>" % p.a(s.path, esc(s.title), ART)
        for s in take({"national"}, 2)))
    body.append('</section>')
    body.append('<section class="sub-leads">')
    for i, s in enumerate(subs):
        href = s.path
        if i == 2:
            href = PA + s.path	# absolute, as the CMS writes some
        if i == 3:
            href = "//www.prothomalo.com" + s.path
        body.append(pa_card(p, s, href, summary=i < 2))
    body.append('</section>')

    latest = take({"national", "politics", "world", "economy", "sports"}, 8)
    body.append('<aside class="latest"><h2>%s</h2><ul>' % p.a(
        "/collection/latest", "সর্বশেষ", NAV))
    for i, s in enumerate(latest):
        body.append('<li>%s</li>' % p.a(
            s.path, '<h3>%s</h3><time>%s</time>' % (esc(s.title), ago_bn(i)),
            ART))
    body.append('</ul>%s</aside>' % p.a("/collection/latest", "সব খবর", NAV,
                                         ' class="more"'))
    most = take({"national", "politics", "entertainment", "world"}, 5)
    body.append('<aside class="most-read"><h2>%s</h2><ol>' % p.a(
        "/collection/most-read", "সর্বাধিক পঠিত", NAV))
    for i, s in enumerate(most):
        body.append('<li><span class="num">%s</span>%s</li>' % (
            bn(i + 1), p.a(s.path, esc(s.title), ART)))
    body.append('</ol></aside>')

    blocks = [("রাজনীতি", "/politics", {"politics"}, 4),
              ("বাংলাদেশ", "/bangladesh", {"national"}, 5),
              ("বিশ্ব", "/world", {"world"}, 4),
              ("বাণিজ্য", "/business", {"economy"}, 3),
              ("খেলা", "/sports", {"sports"}, 4),
              ("বিনোদন", "/entertainment", {"entertainment"}, 3),
              ("মতামত", "/opinion", {"opinion"}, 3),
              ("শিক্ষা ও প্রযুক্তি", "/education", {"education", "tech"}, 3),
              ("জীবনযাপন", "/lifestyle", {"lifestyle", "health"}, 3)]
    authors = [("সেলিম জাহান", "selim-jahan"),
               ("মইনুল ইসলাম", "moinul-islam"),
               ("সোহরাব হাসান", "sohrab-hassan")]
    for name, href, secs, n in blocks:
        got = take(secs, n)
        body.append('<section class="collection"><h2 class="collection-title">'
                    '%s</h2>' % p.a(href, name + ' <i class="icon-arrow"></i>',
                                    NAV))
        for i, s in enumerate(got):
            if name == "বিনোদন":
                # Cards whose only link is the image: the headline is text.
                body.append('<div class="story-card">%s<h3 class="headline">'
                            '%s</h3></div>' % (p.a(
                                s.path, '<img src="%s%d.jpg" alt="">'
                                % (PA_IMG, i), ART), esc(s.title)))
            elif name == "মতামত":
                an, aslug = authors[i]
                body.append('<div class="story-card opinion">%s<h3>%s</h3>'
                            '</div>' % (p.a("/author/" + aslug,
                                            esc(an), NAV, ' class="author"'),
                                        p.a(s.path, esc(s.title), ART)))
            elif name == "রাজনীতি" and i == 1:
                body.append(pa_card(p, s, summary=True) + p.a(
                    s.path + "#comments", '<i class="icon-comment"></i> ১২',
                    ART, ' class="comments"'))
            else:
                body.append(pa_card(p, s, summary=(i == 0), img=(i == 0)))
        body.append('</section>')

    vids = [("/video/bangladesh/", "বন্যার পানিতে ডুবে গেছে ফুলগাজীর সড়ক"),
            ("/video/bangladesh/", "মেট্রোরেল স্টেশনে মেরামতের কাজ চলছে"),
            ("/video/business/", "কারওয়ান বাজারে সবজির দাম কেমন")]
    body.append('<section class="video-collection"><h2>%s</h2>' % p.a(
        "/video", "ভিডিও", NAV))
    for d, t in vids:
        href = d + ident(rng, 10)
        body.append('<div class="video-card">%s%s</div>' % (
            p.a(href, '<i class="icon-play">▶</i>', ART,
                ' aria-label="ভিডিও দেখুন"'),
            p.a(href, "<h3>%s</h3>" % esc(t), ART)))
    body.append(p.a("/video", "আরও ভিডিও", NAV, ' class="more"'))
    body.append('</section>')
    body.append('<section class="photo-collection"><h2>%s</h2>' % p.a(
        "/photo", "ছবি", NAV))
    for t in ("ছবিতে ফেনীর বন্যা", "বৃষ্টিভেজা রাজধানী"):
        href = "/photo/bangladesh/" + ident(rng, 10)
        body.append('<figure>%s<figcaption>%s</figcaption></figure>' % (
            p.a(href, '<img src="%sph.jpg" alt="%s">' % (PA_IMG, attr(t)),
                ART), esc(t)))
    body.append('</section>')
    body.append('<section class="english-edition"><h2>%s</h2>' % p.a(
        "https://en.prothomalo.com/", "Prothom Alo English", NAV))
    for t in ("Feni flood situation worsens", "Metro rail to resume Sunday"):
        body.append("<h3>%s</h3>" % p.a(
            "https://en.prothomalo.com/bangladesh/" + slugify(t), esc(t), ART))
    body.append('</section>')
    body.append('<section class="this-day"><h2>এই দিনে</h2><ul>')
    for n, t in ((1523456, "২০১৭ সালের আগস্টে উত্তরাঞ্চলে ভয়াবহ বন্যা"),
                 (1612345, "পদ্মায় লঞ্চডুবির পাঁচ বছর"),
                 (1708901, "যেভাবে বদলে গেল কারওয়ান বাজার")):
        body.append("<li>%s</li>" % p.a("/article/%d" % n, esc(t), ART))
    body.append('</ul></section>')
    body.append('<!-- ক্যাম্পেইন শেষ: <a href="/bangladesh/capital/'
                'x0promo2024">ঈদ যাত্রার বিশেষ আয়োজন</a> -->')
    body.append('<section class="sponsored"><h2>বিজ্ঞাপন</h2><ul>')
    for u, t in (("https://www.daraz.com.bd/campaign/1111/?utm_source="
                  "prothomalo&utm_medium=native", "ডিসকাউন্টে স্মার্টফোন"),
                 ("https://www.banglanews24.com/national/news/bd/1381234."
                  "details", "বন্যার্তদের পাশে দাঁড়ানোর আহ্বান"),
                 ("https://www.walton.com.bd/refrigerator?utm_source=pa",
                  "নতুন রেফ্রিজারেটর")):
        body.append("<li>%s</li>" % p.a(u, esc(t), NAV,
                                        ' rel="sponsored" target="_blank"'))
    body.append('</ul></section>')
    body.append('</main>')
    body.append(pa_footer(p))
    doc = document("bn", "প্রথম আলো | সর্বাধিক পঠিত বাংলা অনলাইন সংবাদপত্র",
                   pa_head(p, "প্রথম আলো", PA + "/"), "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page: /bangladesh.
    p = Page("prothomalo-section", PA + "/bangladesh")
    nat = pick(st, {"national", "environment"}, rng)
    lead, rest = nat[0], nat[1:29]
    body = [pa_header(p, "/bangladesh")]
    body.append('<nav class="breadcrumb">%s <span>›</span> %s</nav>' % (
        p.a("/", "প্রথম আলো", NAV), p.a("/bangladesh", "বাংলাদেশ", NAV)))
    body.append('<h1 class="section-title">বাংলাদেশ</h1>')
    body.append(ul([p.a(h, n, NAV) for n, h in (
        ("রাজধানী", "/bangladesh/capital"), ("জেলা", "/bangladesh/district"),
        ("অপরাধ", "/bangladesh/crime"), ("পরিবেশ", "/bangladesh/environment"),
        ("আবহাওয়া", "/bangladesh/weather"),
        ("কৃষি", "/bangladesh/agriculture"))], "sub-sections"))
    body.append('<main class="section-stories">')
    body.append(pa_card(p, lead, tag="h2", time="১৭ আগস্ট ২০২৪"))
    for i, s in enumerate(rest):
        href = s.path
        if i == 5:
            href = PA + s.path + "?utm_source=facebook&utm_medium=social"
        if i == 9:
            href = "https://prothomalo.com" + s.path	# without www
        body.append(pa_card(p, s, href, summary=True, tag="h2",
                            img=(i % 3 != 2), time=ago_bn(i)))
        if i == 10:
            body.append('<div class="ad ad-inline">%s</div>' % p.a(
                "https://ad.doubleclick.net/ddm/trackclk/N1234.prothomalo/"
                "B2345;dc_trk_aid=5", '<img src="https://s0.2mdn.net/1.jpg" '
                'alt="বিজ্ঞাপন">', NAV, ' rel="nofollow"'))
    body.append('</main>')
    body.append('<nav class="pagination">%s %s %s %s</nav>' % (
        p.a("/bangladesh?page=2", "২", NAV), p.a("/bangladesh?page=3", "৩", NAV),
        p.a("/bangladesh?page=4", "৪", NAV),
        p.a("/bangladesh?page=2", "আরও", NAV, ' class="load-more"')))
    body.append('<aside class="most-read"><h2>সর্বাধিক পঠিত</h2><ol>')
    for i, s in enumerate(pick(st, {"politics", "world", "sports"}, rng, 5)):
        body.append('<li><span class="num">%s</span>%s</li>' % (
            bn(i + 1), p.a(s.path, esc(s.title), ART)))
    body.append('</ol></aside>')
    districts = ["ফেনী", "কুমিল্লা", "নোয়াখালী", "সিলেট", "সুনামগঞ্জ",
                 "চট্টগ্রাম", "খুলনা", "রাজশাহী", "রংপুর", "বরিশাল",
                 "ময়মনসিংহ", "কক্সবাজার"]
    body.append('<aside class="districts"><h2>জেলার খবর</h2>%s</aside>' % ul(
        [p.a("/topic/" + topic_href(d, "raw" if i % 2 else "pct"), d, NAV)
         for i, d in enumerate(districts)], "district-list"))
    body.append(pa_footer(p))
    doc = document("bn", "বাংলাদেশ | প্রথম আলো",
                   pa_head(p, "বাংলাদেশ", PA + "/bangladesh"), "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad


# --- Jugantor ------------------------------------------------------------

JG = "https://www.jugantor.com"
JG_IMG = "https://cdn.jugantor.com/assets/news_photos/2024/08/17/"
DHAKA_WORDS = ("dhaka", "metro", "secretariat", "airport", "bus-fare",
               "padma", "online-mutation", "dengue")


def jg_paths(stories, rng):
    n = 823456
    for s in stories:
        d = {"national": "/national", "politics": "/politics",
             "economy": "/economics", "world": "/international",
             "sports": "/sports", "entertainment": "/entertainment",
             "opinion": "/opinion", "education": "/campus", "tech": "/tech",
             "lifestyle": "/lifestyle", "health": "/health",
             "environment": "/national"}[s.sec]
        if s.sec == "national" and not any(w in s.slug for w in DHAKA_WORDS):
            d = "/country-news"
        n -= rng.randint(3, 40)
        s.path = "%s/%d" % (d, n)


def jg_header(p, here):
    menu = [("সর্বশেষ", "/latest", []), ("জাতীয়", "/national", []),
            ("রাজনীতি", "/politics", []), ("অর্থনীতি", "/economics", []),
            ("আন্তর্জাতিক", "/international", []),
            ("সারাদেশ", "/country-news", [
                ("ঢাকা", "/country-news/dhaka"),
                ("চট্টগ্রাম", "/country-news/chattogram"),
                ("রাজশাহী", "/country-news/rajshahi"),
                ("খুলনা", "/country-news/khulna"),
                ("বরিশাল", "/country-news/barishal"),
                ("সিলেট", "/country-news/sylhet"),
                ("রংপুর", "/country-news/rangpur"),
                ("ময়মনসিংহ", "/country-news/mymensingh")]),
            ("খেলা", "/sports", [("ক্রিকেট", "/sports/cricket"),
                                 ("ফুটবল", "/sports/football"),
                                 ("অন্যান্য", "/sports/others")]),
            ("বিনোদন", "/entertainment", []), ("মতামত", "/opinion", []),
            ("ক্যাম্পাস", "/campus", []), ("প্রবাস", "/probash", []),
            ("লাইফস্টাইল", "/lifestyle", []), ("প্রযুক্তি", "/tech", []),
            ("স্বাস্থ্য", "/health", []),
            ("ইসলাম ও জীবন", "/islam-life", []),
            ("চাকরি", "/job-seek", []),
            ("প্রিন্ট সংস্করণ", "/todays-paper", [
                ("প্রথম পাতা", "/todays-paper/first-page"),
                ("শেষ পাতা", "/todays-paper/last-page"),
                ("সম্পাদকীয়", "/todays-paper/editorial"),
                ("উপসম্পাদকীয়", "/todays-paper/sub-editorial"),
                ("নগর-মহানগর", "/todays-paper/metro-news"),
                ("খবর", "/todays-paper/news")]),
            ("আরও", "#", [
                ("আইন-আদালত", "/law-court"), ("নারী", "/women"),
                ("শিশু-কিশোর", "/children"), ("সাহিত্য", "/literature"),
                ("রাশিফল", "/horoscope"), ("কৃষি", "/agriculture"),
                ("পরবাস", "/porobash"), ("বিশেষ আয়োজন", "/special-edition"),
                ("ফিচার", "/feature"), ("জমিন", "/jomin"),
                ("দুর্নীতি", "/corruption"), ("ইতিহাস", "/history"),
                ("ফটো গ্যালারি", "/photo"), ("ভিডিও গ্যালারি", "/video")])]
    lis = []
    for name, href, sub in menu:
        s = p.a(href, name, NAV, ' class="nav-link%s"' % (
            " active" if href == here else ""))
        if sub:
            s += '<div class="dropdown-menu">%s</div>' % "".join(
                p.a(h, n, NAV, ' class="dropdown-item"') for n, h in sub)
        lis.append(s)
    return "\n".join([
        '<div class="top-header container">',
        '<div class="today">ঢাকা, শনিবার, ১৭ আগস্ট ২০২৪, ২ ভাদ্র ১৪৩১, '
        '১২ সফর ১৪৪৬</div>',
        '<div class="top-links">%s | %s | %s | %s</div>' % (
            p.a("https://epaper.jugantor.com/", "ই-পেপার", NAV,
                ' target="_blank"'),
            p.a("/archive", "আর্কাইভ", NAV),
            p.a("/all-news", "সব খবর", NAV),
            p.a("https://jamuna.tv/", "যমুনা টিভি", NAV, ' target="_blank"')),
        social(p, [("facebook", "https://www.facebook.com/jugantordotcom"),
                   ("youtube", "https://www.youtube.com/c/JugantorTV"),
                   ("x", "https://twitter.com/jugantordotcom")]),
        '</div>',
        '<div class="logo-area">%s<div class="ad-728">%s</div></div>' % (
            p.a(JG + "/", '<img src="/templates/jugantor/images/logo.png" '
                'alt="যুগান্তর">', NAV, ' class="navbar-brand"'),
            p.a("https://www.bracbank.com/bn/retail/loan?utm_source=jugantor"
                "&utm_medium=display", '<img src="https://cdn.jugantor.com/'
                'ads/brac-728x90.gif" alt="Ad">', NAV,
                ' rel="nofollow" target="_blank"')),
        '<nav class="navbar main-nav">',
        p.a("/", '<i class="fa fa-home"></i>', NAV, ' class="home-icon"'),
        ul(lis, "navbar-nav"),
        p.a("/search", '<i class="fa fa-search"></i>', NAV),
        '</nav>'])


def jg_footer(p):
    return "\n".join([
        '<footer class="footer">',
        '<div class="row">',
        ul([p.a(h, n, NAV) for n, h in (
            ("জাতীয়", "/national"), ("রাজনীতি", "/politics"),
            ("অর্থনীতি", "/economics"), ("আন্তর্জাতিক", "/international"),
            ("সারাদেশ", "/country-news"), ("খেলা", "/sports"),
            ("বিনোদন", "/entertainment"), ("মতামত", "/opinion"),
            ("ছবি", "/photo"), ("ভিডিও", "/video"))], "footer-menu"),
        '<div class="editor">সম্পাদক : আবদুল হাই শিকদার<br>প্রকাশক : '
        'সালমা ইসলাম</div>',
        '<address>প্রকাশক কর্তৃক ক-২৪৪ প্রগতি সরণি, কুড়িল (বিশ্বরোড), '
        'বারিধারা, ঢাকা-১২২৯ থেকে প্রকাশিত। ফোন: %s, ইমেইল: %s</address>'
        % (p.a("tel:+8809612004444", "০৯৬১২০০৪৪৪৪", NAV),
           p.a("mailto:info@jugantor.com", "info@jugantor.com", NAV)),
        ul([p.a(h, n, NAV) for n, h in (
            ("আমাদের কথা", "/about-us"), ("যোগাযোগ", "/contact-us"),
            ("বিজ্ঞাপনের মূল্য", "/advertisement-rate"),
            ("গোপনীয়তার নীতি", "/privacy-policy"),
            ("শর্তাবলি", "/terms-condition"), ("আরএসএস", "/rss.xml"),
            ("সাইটম্যাপ", "/sitemap.xml"))], "footer-links"),
        apps(p, "com.jugantor.app", "1473521237"),
        '<p>© স্বত্ব দৈনিক যুগান্তর ২০০০ - ২০২৪</p>',
        '<p class="dev">Developed by %s</p>' % p.a(
            "https://www.orangebd.com/", "Orange Business Development", NAV),
        '</div>', '</footer>'])


def jg_head(canonical, title):
    return "\n".join([
        '<link rel="canonical" href="%s">' % canonical,
        '<link rel="alternate" type="application/rss+xml" '
        'href="https://www.jugantor.com/rss.xml">',
        '<meta property="og:title" content="%s">' % attr(title),
        '<link rel="stylesheet" href="/templates/jugantor/css/bootstrap.min'
        '.css">',
        '<script async src="https://securepubads.g.doubleclick.net/tag/js/'
        'gpt.js"></script>',
        '<script>window.dataLayer = window.dataLayer || []; var base_url = '
        '"https://www.jugantor.com/";</script>'])


def jugantor(check, report):
    rng = random.Random("jugantor")
    st = load(pool.BD)
    jg_paths(st, rng)
    bad = 0

    # Home page.
    p = Page("jugantor-home", JG + "/")
    used = set()

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    body = [jg_header(p, "/")]
    heads = take({"national", "politics"}, 5)
    body.append('<div class="breaking"><span class="title">শিরোনাম</span>'
                '<marquee scrollamount="4">%s</marquee></div>' % " ".join(
                    p.a(s.path, "● " + esc(s.title), ART) for s in heads))
    lead = get(st, "cumilla-gomti-embankment-breach")
    used.add(lead)
    body.append('<div class="container"><div class="row">')
    body.append('<div class="col-lg-6 lead-news">')
    body.append(p.a(lead.path, '<img src="%s%s.jpg" class="img-fluid" '
                    'alt="%s">' % (JG_IMG, lead.path[-6:], attr(lead.title)),
                    ART))
    body.append('<h1>%s</h1>' % p.a(lead.path, esc(lead.title), ART))
    body.append('<p>%s %s</p>' % (esc(lead.summary), p.a(
        lead.path, "বিস্তারিত", ART, ' class="more"')))
    body.append('</div>')
    body.append('<div class="col-lg-3 sub-lead">')
    for s in take({"national", "economy", "politics"}, 4):
        body.append('<div class="media">%s<div class="media-body"><h4>%s</h4>'
                    '</div></div>' % (
                        p.a(s.path, '<img src="%s%s-s.jpg" alt="">' % (
                            JG_IMG, s.path[-6:]), ART),
                        p.a(s.path, esc(s.title), ART)))
    body.append('</div>')
    body.append('<div class="col-lg-3 tab-area">')
    body.append('<ul class="nav nav-tabs"><li><a href="#latest" '
                'data-toggle="tab">সর্বশেষ</a></li><li><a href="#popular" '
                'data-toggle="tab">পাঠকপ্রিয়</a></li></ul>')
    p.h("#latest", NAV)
    p.h("#popular", NAV)
    body.append('<div id="latest" class="tab-pane"><ul>')
    for i, s in enumerate(take({"national", "world", "sports", "economy",
                                 "politics"}, 10)):
        # The clock is a link of its own beside the headline.
        if i % 3 == 1:
            body.append("<li><a class='time' href='%s'>%s</a> <a "
                        "href='%s'>%s</a></li>" % (
                            p.h(s.path, ART), clock_bn(i), p.h(s.path, ART),
                            esc(s.title)))
        else:
            body.append('<li>%s %s</li>' % (
                p.a(s.path, clock_bn(i), ART, ' class="time"'),
                p.a(s.path, esc(s.title), ART)))
    body.append('</ul>%s</div>' % p.a("/latest", "সব খবর »", NAV))
    body.append('<div id="popular" class="tab-pane"><ul>')
    for i, s in enumerate(take({"entertainment", "national", "sports"}, 5)):
        href = s.path
        if i == 2:
            href = "https://WWW.Jugantor.COM" + s.path
        body.append('<li><span>%s</span>%s</li>' % (
            bn(i + 1), p.a(href, esc(s.title), ART)))
    body.append('</ul></div></div>')
    body.append('</div></div>')

    blocks = [("জাতীয়", "/national", {"national"}, 5),
              ("রাজনীতি", "/politics", {"politics"}, 4),
              ("সারাদেশ", "/country-news", {"national"}, 4),
              ("আন্তর্জাতিক", "/international", {"world"}, 4),
              ("খেলা", "/sports", {"sports"}, 4),
              ("বিনোদন", "/entertainment", {"entertainment"}, 2),
              ("মতামত", "/opinion", {"opinion"}, 2),
              ("ক্যাম্পাস", "/campus", {"education"}, 2)]
    for name, href, secs, n in blocks:
        got = take(secs, n)
        body.append('<section class="cat-block"><div class="cat-title">%s'
                    '%s</div>' % (p.a(href, name, NAV), p.a(
                        href, "আরও »", NAV, ' class="float-right"')))
        for i, s in enumerate(got):
            if i == 0:
                body.append('<div class="cat-lead">%s<h3>%s</h3>%s</div>' % (
                    p.a(s.path, '<img src="%s%s.jpg" alt="%s">' % (
                        JG_IMG, s.path[-6:], attr(s.title)), ART),
                    p.a(s.path, esc(s.title), ART),
                    p.a(s.path, "বিস্তারিত", ART, ' class="read-more"')))
            else:
                body.append('<div class="cat-list"><h4>%s</h4></div>'
                            % p.a(s.path, esc(s.title), ART))
        body.append('</section>')
    body.append('<div class="ad-wide">%s</div>' % p.a(
        "https://googleads.g.doubleclick.net/aclk?sa=L&ai=CX8&adurl="
        "https://www.grameenphone.com/offers", '<img src="https://tpc.'
        'googlesyndication.com/simgad/991" alt="">', NAV, ' rel="nofollow"'))
    # Print edition: its own URLs.
    body.append('<section class="print-edition"><h2>%s</h2><ul>' % p.a(
        "/todays-paper", "প্রিন্ট সংস্করণ", NAV))
    n = 822010
    for page, t in (("first-page", "বন্যায় ১১ জেলায় ৪৫ লাখ মানুষ ক্ষতিগ্রস্ত"),
                    ("first-page", "সচিবালয়ে কর্মচারীদের বিক্ষোভ"),
                    ("last-page", "নদীভাঙনে নিঃস্ব মানুষের আর্তনাদ"),
                    ("editorial", "বন্যার্তদের পাশে দাঁড়ান"),
                    ("sub-editorial", "গণতন্ত্রের পথে যাত্রা যেন মসৃণ হয়"),
                    ("metro-news", "রাজধানীর ফুটপাত দখলমুক্ত করার উদ্যোগ")):
        n += 7
        body.append('<li>%s</li>' % p.a("/todays-paper/%s/%d" % (page, n),
                                        esc(t), ART))
    body.append('</ul></section>')
    body.append('<section class="photo-gallery"><h2>%s</h2>' % p.a(
        "/photo", "ছবি", NAV))
    for i, t in enumerate(("ফেনীর বন্যার ছবি", "বৃষ্টিতে রাজধানী",
                           "স্বাধীনতার ৫৩ বছরে সংসদ ভবন")):
        body.append('<div class="photo-item">%s<p>%s</p></div>' % (
            p.a("/photo/%d" % (823500 + i), '<img src="%sgal%d.jpg" alt="">'
                % (JG_IMG, i), ART), esc(t)))
    body.append('</section>')
    body.append('<section class="video"><h2>%s</h2>' % p.a(
        "/video", "ভিডিও", NAV))
    for i, t in enumerate(("ফেনী থেকে সরাসরি: পানিবন্দী মানুষের দুর্ভোগ",
                           "যেভাবে চলছে ত্রাণ বিতরণ")):
        body.append('<div class="v">%s</div>' % p.a(
            JG + "/video/%d" % (823600 + i), '<img src="%sv%d.jpg" alt="">'
            '<span class="play">▶</span><h5>%s</h5>' % (JG_IMG, i, esc(t)),
            ART))
    body.append(p.a("https://www.youtube.com/c/JugantorTV/videos",
                    "ইউটিউবে আরও ভিডিও", NAV, ' target="_blank"'))
    body.append('</section>')
    body.append('<aside class="widgets">')
    body.append('<div class="prayer">%s</div>' % p.a(
        "/prayer-time", "নামাজের সময়সূচি: ফজর ৪:১০, জোহর ১২:০৫ ...", NAV))
    body.append('<div class="archive-cal"><h5>আর্কাইভ</h5>%s</div>' % " ".join(
        p.a("/archive/2024-08-%02d" % d, bn(d), NAV) for d in range(10, 17)))
    body.append('<div class="tags"><h5>আলোচিত</h5>%s</div>' % " ".join(
        p.a("/tags/" + topic_href(w, f), w, NAV)
        for w, f in (("বন্যা", "raw"), ("ডেঙ্গু", "pct"),
                     ("অন্তর্বর্তী সরকার", "pct"), ("ছাত্র আন্দোলন", "raw"),
                     ("ফেনী", "raw"))))
    body.append('</aside>')
    body.append(jg_footer(p))
    doc = document("bn", "যুগান্তর | দৈনিক যুগান্তর",
                   jg_head(JG + "/", "দৈনিক যুগান্তর"), "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page: /national.
    p = Page("jugantor-section", JG + "/national")
    nat = [s for s in st if s.path.startswith("/national/")]
    rng.shuffle(nat)
    cn = [s for s in st if s.path.startswith("/country-news/")][:6]
    body = [jg_header(p, "/national")]
    body.append('<ol class="breadcrumb"><li>%s</li><li>%s</li></ol>' % (
        p.a("/", '<i class="fa fa-home"></i> প্রচ্ছদ', NAV),
        p.a("/national", "জাতীয়", NAV)))
    body.append('<div class="container"><div class="row">'
                '<div class="col-lg-8 cat-news">')
    for i, s in enumerate(nat[:22]):
        href = s.path
        if i == 4:
            href = s.path + "?fbclid=IwAR2xLkq9"
        if i == 7:
            href = "http://www.jugantor.com" + s.path	# an old absolute link
        if i < 3:
            body.append('<div class="lead-cat">%s<h2>%s</h2><p>%s</p></div>'
                        % (p.a(href, '<img src="%s%s.jpg" alt="">' % (
                            JG_IMG, s.path[-6:]), ART),
                           p.a(href, esc(s.title), ART),
                           esc(s.summary or "")))
        else:
            body.append('<div class="media list-item">%s<div class="media-body">'
                        '<h3>%s</h3><span class="time">%s</span></div></div>'
                        % (p.a(href, '<img src="%s%s-t.jpg" alt="%s">' % (
                            JG_IMG, s.path[-6:], attr(s.title)), ART),
                           p.a(href, esc(s.title), ART), ago_bn(i)))
    body.append('</div>')
    body.append('<nav class="pagination">%s</nav>' % " ".join(
        [p.a("/national?page=%d" % n, bn(n), NAV, ' class="page-link"')
         for n in range(1, 6)]
        + [p.a("/national?page=2", "পরবর্তী »", NAV),
           p.a("/national?page=87", "শেষ", NAV)]))
    body.append('<div class="col-lg-4 sidebar">')
    body.append('<h4>সারাদেশের খবর</h4><ul>')
    for i, s in enumerate(cn):
        body.append('<li>%s<br>%s</li>' % (p.a(s.path, esc(s.title), ART),
                                           p.a(s.path, ago_bn(i), ART,
                                               ' class="time"')))
    body.append('</ul>')
    body.append('<h4>পাঠকপ্রিয়</h4><ol>')
    for s in pick(st, {"politics", "sports", "world"}, rng, 6):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol>')
    body.append('<div class="ad-300">%s</div>' % p.a(
        "https://www.foodpanda.com.bd/?utm_source=jugantor&utm_campaign=aug",
        '<img src="https://cdn.jugantor.com/ads/fp-300.jpg" alt="">', NAV,
        ' rel="nofollow sponsored"'))
    body.append('<div class="tags"><h5>ট্যাগ</h5>%s</div>' % " ".join(
        p.a("/tags/" + topic_href(w, f), w, NAV)
        for w, f in (("সচিবালয়", "raw"), ("মেট্রোরেল", "pct"),
                     ("ডেঙ্গু", "pct"), ("বন্যা", "raw"), ("ঢাকা", "raw"),
                     ("পদ্মা সেতু", "pct"), ("বিমানবন্দর", "raw"))))
    body.append('</div></div></div>')
    body.append(jg_footer(p))
    doc = document("bn", "জাতীয় | যুগান্তর",
                   jg_head(JG + "/national", "জাতীয়"), "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad


# --- Kaler Kantho ----------------------------------------------------------

KK = "https://www.kalerkantho.com"
KK_IMG = "https://asset.kalerkantho.com/public/news_images/2024/08/17/"


def kk_paths(stories, rng):
    n = 1415123
    for s in stories:
        d = {"national": "national", "politics": "Politics",
             "economy": "business", "world": "world", "sports": "sport",
             "entertainment": "entertainment", "opinion": None,
             "education": "campus-online", "tech": "info-tech",
             "lifestyle": "lifestyle", "health": "health",
             "environment": "national"}[s.sec]
        if s.sec == "national" and rng.random() < 0.4:
            d = "country-news"
        n -= rng.randint(2, 30)
        day = 17 if rng.random() < 0.8 else 16
        if d is None:	# opinion comes from the print edition
            s.path = "/print-edition/sub-editorial/2024/08/%d/%d" % (day, n)
        else:
            s.path = "/online/%s/2024/08/%d/%d" % (d, day, n)


def kk_header(p, here):
    menu = [("জাতীয়", "/online/national"), ("রাজনীতি", "/online/Politics"),
            ("বাণিজ্য", "/online/business"), ("বিশ্ব", "/online/world"),
            ("সারা দেশ", "/online/country-news"), ("খেলা", "/online/sport"),
            ("বিনোদন", "/online/entertainment"),
            ("তথ্যপ্রযুক্তি", "/online/info-tech"),
            ("লাইফস্টাইল", "/online/lifestyle"),
            ("ক্যাম্পাস", "/online/campus-online"),
            ("স্বাস্থ্য", "/online/health"),
            ("ইসলামী জীবন", "/online/Islamic-lifestylie"),
            ("প্রবাস", "/online/probash"), ("বিচিত্র", "/online/miscellaneous"),
            ("চাকরি", "/online/job"), ("ফটো গ্যালারি", "/online/photo"),
            ("ভিডিও", "/online/video")]
    printed = [("প্রথম পাতা", "/print-edition/first-page"),
               ("শেষ পাতা", "/print-edition/last-page"),
               ("সম্পাদকীয়", "/print-edition/editorial"),
               ("উপসম্পাদকীয়", "/print-edition/sub-editorial"),
               ("নগর-মহানগর", "/print-edition/news"),
               ("দেশ-বিদেশ", "/print-edition/deshbidesh"),
               ("খেলা", "/print-edition/sports"),
               ("শিল্প-বাণিজ্য", "/print-edition/industry-business")]
    sister = [("বাংলাদেশ প্রতিদিন", "https://www.bd-pratidin.com/"),
              ("ডেইলি সান", "https://www.daily-sun.com/"),
              ("বাংলানিউজ", "https://www.banglanews24.com/"),
              ("নিউজ২৪", "https://www.news24bd.tv/")]
    return "\n".join([
        '<div class="header-top">',
        '<span>শনিবার, ১৭ আগস্ট ২০২৪</span>',
        p.a("/print-edition", "আজকের পত্রিকা", NAV),
        p.a("https://ekalerkantho.com/", "ই-পেপার", NAV, ' target="_blank"'),
        p.a("/archive", "আর্কাইভ", NAV),
        p.a("/search", "অনুসন্ধান", NAV),
        '<span class="sister">%s</span>' % " | ".join(
            p.a(h, n, NAV, ' target="_blank"') for n, h in sister),
        '</div>',
        '<div class="logo">%s</div>' % p.a(
            "https://www.kalerkantho.com", '<img src="/assets/images/logo.png"'
            ' alt="কালের কণ্ঠ">', NAV),
        '<nav class="navbar">',
        ul([p.a(h, n, NAV, ' class="active"' if h == here else "")
            for n, h in menu], "nav"),
        '<div class="print-menu"><span>প্রিন্ট সংস্করণ</span>%s</div>' % ul(
            [p.a(h, n, NAV) for n, h in printed], "sub"),
        '</nav>'])


def kk_footer(p):
    return "\n".join([
        '<footer>',
        ul([p.a(h, n, NAV) for n, h in (
            ("আমাদের কথা", "/about"), ("যোগাযোগ", "/contact"),
            ("বিজ্ঞাপন", "/advertisement"),
            ("প্রাইভেসি পলিসি", "/privacy-policy"),
            ("শর্তাবলি", "/terms"), ("আর্কাইভ", "/archive"),
            ("সাইটম্যাপ", "/sitemap"))], "f-links"),
        social(p, [("facebook", "https://www.facebook.com/kalerkantho"),
                   ("youtube", "https://www.youtube.com/@kalerkantho"),
                   ("x", "https://x.com/kalerkantho"),
                   ("tiktok", "https://www.tiktok.com/@kalerkantho")]),
        apps(p, "com.kalerkantho.app", "1234509876"),
        '<p>সম্পাদক: হাসান হাফিজ · প্লট-৩৭১/এ, ব্লক-ডি, বসুন্ধরা আ/এ, '
        'বারিধারা, ঢাকা-১২২৯ · %s</p>' % p.a(
            "mailto:info@kalerkantho.com", "info@kalerkantho.com", NAV),
        '<p>কপিরাইট © ২০২৪ কালের কণ্ঠ | ইস্ট ওয়েস্ট মিডিয়া গ্রুপ লিমিটেডের '
        'একটি প্রতিষ্ঠান</p>',
        '</footer>'])


def kk_date(s):
    d = s.path.split("/")[-2]
    return "%s আগস্ট, ২০২৪" % bn(d)


def kalerkantho(check, report):
    rng = random.Random("kalerkantho")
    st = load(pool.BD)
    kk_paths(st, rng)
    bad = 0

    p = Page("kalerkantho-home", KK + "/")
    used = set()

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    body = [kk_header(p, "/")]
    body.append('<main class="container">')
    lead = get(st, "reform-commission-dialogue-next-week")
    used.add(lead)
    # Cards are one block link: image, headline and summary together.
    body.append('<div class="lead">%s</div>' % p.a(
        lead.path, '<img src="%slead.jpg" alt=""><h1>%s</h1><p>%s</p>' % (
            KK_IMG, esc(lead.title), esc(lead.summary)), ART))
    body.append('<div class="sub-lead row">')
    for i, s in enumerate(take({"national", "politics", "economy"}, 6)):
        href = s.path
        if i == 3:
            href = "https://www.kalerkantho.com:443" + s.path
        body.append('<div class="col-md-4">%s</div>' % p.a(
            href, '<img src="%s%d.jpg" alt=""><h3>%s</h3>' % (
                KK_IMG, i, esc(s.title)), ART))
    body.append('</div>')
    body.append('<div class="tabs"><h2>সর্বশেষ</h2><ul>')
    for i, s in enumerate(take({"national", "world", "sports", "politics"},
                               10)):
        body.append('<li>%s<span>%s</span></li>' % (
            p.a(s.path, esc(s.title), ART), clock_bn(i)))
    body.append('</ul>%s</div>' % p.a("/online/national/2024/08/17",
                                      "আজকের সব খবর", NAV))
    body.append('<div class="tabs"><h2>সর্বাধিক পঠিত</h2><ol>')
    for i, s in enumerate(take({"entertainment", "national", "health"}, 6)):
        body.append('<li><b>%s</b>%s</li>' % (bn(i + 1),
                                               p.a(s.path, esc(s.title), ART)))
    body.append('</ol></div>')
    blocks = [("জাতীয়", "/online/national", {"national"}, 4),
              ("রাজনীতি", "/online/Politics", {"politics"}, 4),
              ("বাণিজ্য", "/online/business", {"economy"}, 3),
              ("বিশ্ব", "/online/world", {"world"}, 4),
              ("খেলা", "/online/sport", {"sports"}, 3),
              ("বিনোদন", "/online/entertainment", {"entertainment"}, 2),
              ("তথ্যপ্রযুক্তি", "/online/info-tech", {"tech"}, 2),
              ("লাইফস্টাইল", "/online/lifestyle", {"lifestyle", "health"}, 2),
              ("মতামত", "/print-edition/sub-editorial", {"opinion"}, 2)]
    for name, href, secs, n in blocks:
        got = take(secs, n)
        body.append('<section class="cat"><h2 class="cat-title">%s</h2>'
                    % p.a(href, name, NAV))
        for i, s in enumerate(got):
            if i == 0:
                body.append('<div class="first">%s<h3>%s</h3><p>%s...</p>%s'
                            '</div>' % (
                                p.a(s.path, '<img src="%s%s.jpg" alt="%s">'
                                    % (KK_IMG, s.path[-7:], attr(s.title)),
                                    ART),
                                p.a(s.path, esc(s.title), ART),
                                esc((s.summary or s.title)[:60]),
                                p.a(s.path, "বিস্তারিত পড়ুন", ART,
                                    ' class="more"')))
            else:
                body.append('<p class="item">%s <small>%s</small></p>' % (
                    p.a(s.path, esc(s.title), ART), kk_date(s)))
        body.append(p.a(href, "আরো খবর", NAV, ' class="more-news"'))
        body.append('</section>')
    body.append('<section class="print"><h2>%s</h2>' % p.a(
        "/print-edition", "আজকের পত্রিকা", NAV))
    n = 1414650
    for page, t in (("first-page", "উপকূলে জলোচ্ছ্বাসের শঙ্কা"),
                    ("first-page", "দুই সপ্তাহে রিজার্ভ বেড়েছে ৩০ কোটি ডলার"),
                    ("last-page", "তিস্তার চরে বাদাম চাষে সাফল্য"),
                    ("editorial", "বন্যা: দীর্ঘমেয়াদি পরিকল্পনা চাই"),
                    ("news", "গণপরিবহনে শৃঙ্খলা ফেরানোর উদ্যোগ")):
        n += 11
        body.append('<h4>%s</h4>' % p.a(
            "/print-edition/%s/2024/08/17/%d" % (page, n), esc(t), ART))
    body.append('</section>')
    body.append('<section class="gallery"><h2>%s</h2>' % p.a(
        "/online/photo", "ফটো গ্যালারি", NAV))
    body.append(p.a("/online/photo/2024/08/17/1415201", '<img src="%sg1.jpg"'
                    ' alt="বন্যার্তদের পাশে স্বেচ্ছাসেবকেরা">' % KK_IMG, ART))
    body.append('</section>')
    body.append('<div class="topics">%s</div>' % " ".join(
        p.a("/topic/" + topic_href(w, "raw"), "#" + w, NAV)
        for w in ("বন্যা", "ডেঙ্গু", "সংস্কার", "রেমিট্যান্স")))
    body.append('<div class="archive">%s %s</div>' % (
        p.a("/archive/2024/08/16", "গতকালের পত্রিকা", NAV),
        p.a("/archive/2024/08/15", "১৫ আগস্ট", NAV)))
    body.append('<div class="ad">%s</div>' % p.a(
        "https://www.bashundharagroup.com/?utm_source=kalerkantho",
        '<img src="%sad.gif" alt="Advertisement">' % KK_IMG, NAV,
        ' rel="sponsored"'))
    body.append('<!-- <div class="poll"><a href="/online/national/2024/08/'
                '10/1410000">পুরোনো জরিপ</a></div> -->')
    body.append('</main>')
    body.append(kk_footer(p))
    doc = document("bn", "কালের কণ্ঠ | শীর্ষ বাংলা সংবাদপত্র",
                   '<link rel="canonical" href="https://www.kalerkantho.com/">\n'
                   '<link rel="alternate" type="application/rss+xml" '
                   'href="https://www.kalerkantho.com/rss.xml">',
                   "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page: /online/national.
    p = Page("kalerkantho-section", KK + "/online/national")
    nat = [s for s in st if s.path.startswith("/online/national/")]
    rng.shuffle(nat)
    body = [kk_header(p, "/online/national")]
    body.append('<div class="breadcrumb">%s › %s › %s</div>' % (
        p.a("/", "প্রচ্ছদ", NAV), p.a("/online", "অনলাইন", NAV),
        p.a("/online/national", "জাতীয়", NAV)))
    body.append('<div class="row"><div class="col-md-9">')
    for i, s in enumerate(nat[:28]):
        href = s.path if i % 5 else KK + s.path
        body.append('<div class="col-md-4 news">%s%s<p class="date">%s</p>'
                    '</div>' % (
                        p.a(href, '<img src="%s%s.jpg" alt="">' % (
                            KK_IMG, s.path[-7:]), ART),
                        p.a(href, "<h4>%s</h4>" % esc(s.title), ART),
                        kk_date(s)))
    body.append('</div>')
    body.append('<div class="pagination">%s</div>' % " ".join(
        p.a("/online/national?page=%d" % n, bn(n), NAV)
        for n in (2, 3, 4, 5, 6)))
    body.append('<div class="date-archive">তারিখ অনুযায়ী: %s %s %s</div>' % (
        p.a("/online/national/2024/08/17", "১৭ আগস্ট", NAV),
        p.a("/online/national/2024/08/16", "১৬ আগস্ট", NAV),
        p.a("/online/national/2024/08/15", "১৫ আগস্ট", NAV)))
    body.append('<div class="col-md-3"><h3>সর্বশেষ</h3>')
    for i, s in enumerate(pick(st, {"politics", "world", "economy"}, rng, 8)):
        body.append('<div class="latest">%s <small>%s</small></div>' % (
            p.a(s.path + "?utm_source=section&utm_medium=sidebar",
                esc(s.title), ART), ago_bn(i)))
    body.append('</div></div>')
    body.append(kk_footer(p))
    doc = document("bn", "জাতীয় | কালের কণ্ঠ",
                   '<link rel="canonical" href="%s/online/national">' % KK,
                   "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad


# --- bdnews24 ----------------------------------------------------------------

BB = "https://bangla.bdnews24.com"
BE = "https://bdnews24.com"
BD_IMG = "https://cdn.bdnews24.com/bdnews24/media/bangla/imgAll/2024August/"


def hex12(rng):
    return ident(rng, 12, "0123456789abcdef")


def bb_paths(stories, rng):
    for s in stories:
        d = {"national": "bangladesh", "politics": "politics",
             "economy": "economy", "world": "world", "sports": "sport",
             "entertainment": "glitz", "opinion": "opinion",
             "education": "education", "tech": "tech",
             "lifestyle": "lifestyle", "health": "health",
             "environment": "environment"}[s.sec]
        if s.sec == "national" and not any(w in s.slug for w in DHAKA_WORDS):
            # District news: a Bengali slug, as the old CMS made them.
            s.path = "/samagrabangladesh/" + bnslug(s.title)
        else:
            s.path = "/%s/%s" % (d, hex12(rng))


def be_paths(stories, rng):
    for s in stories:
        d = {"science": "science-technology", "tech": "science-technology",
             "sports": "sport"}.get(s.sec, s.sec)
        s.path = "/%s/%s" % (d, hex12(rng))


def bb_href(s, i):
    """A Bengali slug as the page writes it: raw, or percent-encoded in lower
    case."""
    if not s.path.startswith("/samagrabangladesh/"):
        return s.path
    if i % 2:
        return urllib.parse.quote(s.path).lower()
    return s.path


def bdnews24(check, report):
    rng = random.Random("bdnews24")
    st = load(pool.BD)
    bb_paths(st, rng)
    bad = 0

    p = Page("bdnews24-home", BB + "/")
    used = set()

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    menu = [("বাংলাদেশ", "/bangladesh"), ("রাজনীতি", "/politics"),
            ("অর্থনীতি", "/economy"), ("বিশ্ব", "/world"), ("খেলা", "/sport"),
            ("বিনোদন", "/glitz"), ("মতামত", "/opinion"),
            ("সমগ্র বাংলাদেশ", "/samagrabangladesh"), ("শিক্ষা", "/education"),
            ("স্বাস্থ্য", "/health"), ("প্রযুক্তি", "/tech"),
            ("জীবনধারা", "/lifestyle"), ("পরিবেশ", "/environment"),
            ("প্রবাস", "/probash"), ("শিল্প-সাহিত্য", "/arts"),
            ("কিডজ", "/kidz"), ("ছবি", "/photo"), ("ভিডিও", "/video")]
    regions = [("ঢাকা", "dhaka"), ("চট্টগ্রাম", "chattogram"),
               ("রাজশাহী", "rajshahi"), ("খুলনা", "khulna"),
               ("বরিশাল", "barishal"), ("সিলেট", "sylhet"),
               ("রংপুর", "rangpur"), ("ময়মনসিংহ", "mymensingh")]
    header = "\n".join([
        '<header class="header">',
        '<div class="top">%s %s %s %s</div>' % (
            p.a("https://bdnews24.com/", "English", NAV, ' lang="en"'),
            p.a("/archive", "আর্কাইভ", NAV),
            p.a("https://bangla.bdnews24.com/search?q=", "খুঁজুন", NAV),
            p.a("/newsletter", "নিউজলেটার", NAV)),
        p.a("/", '<img src="/assets/logo-bn.svg" alt="বিডিনিউজ টোয়েন্টিফোর">',
            NAV, ' class="logo"'),
        '<nav>%s</nav>' % ul([p.a(h, n, NAV) for n, h in menu], "menu"),
        '<div class="regions">%s</div>' % " ".join(
            p.a("/samagrabangladesh/" + r, n, NAV) for n, r in regions),
        '</header>'])
    footer = "\n".join([
        '<footer>',
        ul([p.a(h, n, NAV) for n, h in (
            ("আমাদের সম্পর্কে", "/about-us"), ("যোগাযোগ", "/contact"),
            ("বিজ্ঞাপন", "/advertise"), ("গোপনীয়তা", "/privacy-policy"),
            ("শর্ত", "/terms-of-use"), ("চাকরি", "/career"))], "f"),
        social(p, [("facebook", "https://www.facebook.com/bdnews24"),
                   ("x", "https://twitter.com/bdnews24"),
                   ("youtube", "https://www.youtube.com/@bdnews24com")]),
        apps(p, "com.bdnews24.bangla", "1550303710"),
        '<p>© ২০০৬-২০২৪ bdnews24.com</p>', '</footer>'])

    body = [header, '<main>']
    lead = get(st, "feni-flood-situation-worsens")
    used.add(lead)
    body.append('<article class="lead">%s<div class="kicker">%s</div><h1>%s'
                '</h1><p>%s</p></article>' % (
                    p.a(bb_href(lead, 0), '<img src="%sflood.jpg" alt="">'
                        % BD_IMG, ART),
                    p.a("/topic/" + topic_href("বন্যা", "raw"), "বন্যা", NAV),
                    p.a(bb_href(lead, 0), esc(lead.title), ART),
                    esc(lead.summary)))
    body.append('<section class="top-stories">')
    for i, s in enumerate(take({"national", "politics"}, 6)):
        body.append('<article>%s<h2>%s</h2></article>' % (
            p.a(bb_href(s, i), '<img src="%s%d.jpg" alt="%s">'
                % (BD_IMG, i, attr(s.title)), ART),
            p.a(bb_href(s, i), esc(s.title), ART)))
    body.append('</section>')
    body.append('<section class="latest"><h2>সর্বশেষ</h2><ul>')
    for i, s in enumerate(take({"national", "economy", "world", "sports",
                                 "politics"}, 10)):
        # The time is a link of its own; the headline another.
        body.append('<li>%s %s</li>' % (
            p.a(bb_href(s, i), ago_bn(i), ART, ' class="time"'),
            p.a(bb_href(s, i), esc(s.title), ART)))
    body.append('</ul></section>')
    blocks = [("বাংলাদেশ", "/bangladesh", {"national"}, 4),
              ("রাজনীতি", "/politics", {"politics"}, 3),
              ("অর্থনীতি", "/economy", {"economy"}, 3),
              ("বিশ্ব", "/world", {"world"}, 3),
              ("খেলা", "/sport", {"sports"}, 3),
              ("বিনোদন", "/glitz", {"entertainment"}, 2),
              ("মতামত", "/opinion", {"opinion"}, 2),
              ("পরিবেশ", "/environment", {"environment"}, 2)]
    for name, href, secs, n in blocks:
        body.append('<section class="sec"><h2>%s</h2>' % p.a(href, name, NAV))
        for i, s in enumerate(take(secs, n)):
            if name == "মতামত":
                body.append('<div class="op">%s %s</div>' % (
                    p.a("/author/" + ("afsan-chowdhury", "syed-badrul-ahsan")
                        [i], ("আফসান চৌধুরী", "সৈয়দ বদরুল আহসান")[i], NAV),
                    p.a(bb_href(s, i), esc(s.title), ART)))
            else:
                body.append('<h3>%s</h3>' % p.a(bb_href(s, i), esc(s.title),
                                                ART))
        body.append('</section>')
    body.append('<section class="english"><h2>%s</h2>' % p.a(
        "https://bdnews24.com/", "bdnews24.com English", NAV))
    for t in ("Waterlogging cripples Dhaka after heavy downpour",
              "Remittance hits $1.15b in first two weeks of August"):
        body.append('<h3>%s</h3>' % p.a("https://bdnews24.com/bangladesh/"
                                        + hex12(rng), esc(t), ART))
    body.append('</section>')
    body.append('<section class="archive"><h2>আর্কাইভ থেকে</h2>')
    for n, t in ((1791234, "১৯৯৮ সালের বন্যা: যেভাবে সামলেছিল ঢাকা"),
                 (1856710, "মুহুরী নদীর বাঁধ: এক যুগের ইতিহাস")):
        body.append('<p>%s</p>' % p.a("/bangladesh/article%d.bdnews" % n,
                                      esc(t), ART))
    body.append('</section>')
    body.append('<section class="photos"><h2>%s</h2>%s %s</section>' % (
        p.a("/photo", "ছবি", NAV),
        p.a("/photo/" + hex12(rng), '<img src="%sp1.jpg" alt="বানভাসি '
            'মানুষের ছবি">' % BD_IMG, ART),
        p.a("/video/" + hex12(rng), '<img src="%sv1.jpg" alt="">▶ ভিডিও'
            % BD_IMG, ART)))
    body.append('<div class="topics">%s</div>' % " ".join(
        p.a("/topic/" + topic_href(w, f), w, NAV)
        for w, f in (("ডেঙ্গু", "pct"), ("রেমিট্যান্স", "raw"),
                     ("অন্তর্বর্তী সরকার", "pct"), ("গাজা", "raw"))))
    body.append('<div class="ad">%s %s</div>' % (
        p.a("https://www.robi.com.bd/bn/personal/internet-packs?utm_source="
            "bdnews24&utm_medium=banner", '<img src="%sad1.gif" alt="">'
            % BD_IMG, NAV, ' rel="sponsored"'),
        p.a("javascript:void(0)", "বিজ্ঞাপন বন্ধ করুন", NAV)))
    body.append('</main>')
    body.append(footer)
    doc = document("bn", "বিডিনিউজ টোয়েন্টিফোর | বাংলা সংবাদ",
                   '<link rel="canonical" href="https://bangla.bdnews24.com/">',
                   "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page of the English edition: /bangladesh.
    st = load(pool.EN, english=True)
    be_paths(st, rng)
    p = Page("bdnews24-section", BE + "/bangladesh")
    menu = [("Bangladesh", "/bangladesh"), ("Politics", "/politics"),
            ("Business", "/business"), ("World", "/world"),
            ("Sport", "/sport"), ("Entertainment", "/entertainment"),
            ("Opinion", "/opinion"), ("Environment", "/environment"),
            ("Health", "/health"), ("Science & Tech", "/science-technology"),
            ("Education", "/education"), ("Lifestyle", "/lifestyle"),
            ("Neighbours", "/neighbours"), ("Photo", "/photo"),
            ("Video", "/video"), ("Kidz", "/kidz"),
            ("Special Reports", "/special-reports")]
    subs = [("Dhaka", "/bangladesh/dhaka"), ("Crime", "/bangladesh/crime"),
            ("Court", "/bangladesh/court"), ("Weather", "/bangladesh/weather"),
            ("Transport", "/bangladesh/transport")]
    body = ['<header class="header">',
            '<div class="top">%s %s %s</div>' % (
                p.a("https://bangla.bdnews24.com/", "বাংলা", NAV, ' lang="bn"'),
                p.a("/archive", "Archive", NAV),
                p.a("/search", "Search", NAV)),
            p.a("/", '<img src="/assets/logo-en.svg" alt="bdnews24.com">', NAV,
                ' class="logo"'),
            '<nav>%s</nav>' % ul([p.a(h, n, NAV) for n, h in menu], "menu"),
            '</header>',
            '<div class="section-head"><h1>%s</h1>%s</div>' % (
                p.a("/bangladesh", "Bangladesh", NAV),
                ul([p.a(h, n, NAV) for n, h in subs], "subnav"))]
    bdesh = [s for s in st if s.sec == "bangladesh"]
    rng.shuffle(bdesh)
    body.append('<main class="list">')
    for i, s in enumerate(bdesh[:27]):
        href = s.path if i % 4 else BE + s.path
        extra = ""
        if s.summary:
            extra = '<p class="intro">%s</p>' % esc(s.summary)
        if i == 8:
            body.append('<div class="card">%s</div>' % p.a(
                href, '<img src="https://cdn.bdnews24.com/bdnews24/media/'
                'imgAll/%d.jpg" alt="%s">' % (i, attr(s.title)), ART))
            continue	# a card whose only link is its image
        body.append('<div class="card">%s<h2>%s</h2>%s<span class="date">%s'
                    '</span></div>' % (
                        p.a(href, '<img src="https://cdn.bdnews24.com/'
                            'bdnews24/media/imgAll/%d.jpg" alt="">' % i, ART),
                        p.a(href, esc(s.title), ART), extra, ago_en(i)))
    body.append('</main>')
    body.append('<div class="pager">%s %s %s</div>' % (
        p.a("/bangladesh?page=2", "2", NAV),
        p.a("/bangladesh?page=3", "3", NAV),
        p.a("/bangladesh?page=2", "Next ›", NAV, ' rel="next"')))
    body.append('<aside><h3>Most Read</h3><ol>')
    for s in pick(st, {"politics", "world", "business"}, rng, 6):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol><h3>From the archive</h3>')
    for t in ("Floods hit Feni as Muhuri breaches embankment",
              "Dhaka's waterlogging woes: a decade of promises"):
        body.append('<p>%s</p>' % p.a("/bangladesh/2019/08/17/" + slugify(t),
                                      esc(t), ART))
    body.append('<h3>In Bangla</h3><p>%s</p>' % p.a(
        "https://bangla.bdnews24.com/bangladesh/" + hex12(rng),
        "ফেনীতে বন্যা পরিস্থিতির অবনতি", ART))
    body.append('</aside>')
    body.append('<footer>%s%s%s<p>© 2006-2024 bdnews24.com</p></footer>' % (
        ul([p.a(h, n, NAV) for n, h in (
            ("About Us", "/about-us"), ("Contact", "/contact"),
            ("Advertise", "/advertise"), ("Privacy", "/privacy-policy"),
            ("Terms", "/terms-of-use"), ("RSS", "/rss"))], "f"),
        social(p, [("facebook", "https://www.facebook.com/bdnews24.com.en"),
                   ("x", "https://twitter.com/bdnews24")]),
        apps(p, "com.bdnews24.english", "1550303711")))
    doc = document("en", "Bangladesh | bdnews24.com",
                   '<link rel="canonical" href="https://bdnews24.com/'
                   'bangladesh">', "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad

"""en.py: the English outlets' pages (The Daily Star, Dhaka Tribune)."""

import json
import random

import pool
from common import *  # noqa: F401,F403

# --- The Daily Star ---------------------------------------------------------

DS = "https://www.thedailystar.net"
DS_IMG = "https://tds-images.thedailystar.net/sites/default/files/styles/" \
    "big_202/public/images/2024/08/17/"


def ds_paths(stories, rng):
    n = 3678123
    for s in stories:
        k = s.slug
        d = {"politics": "/news/bangladesh/politics/news",
             "business": "/business/economy/news",
             "world": "/news/world/asia/news",
             "sports": "/sports/football/news"
             if ("football" in k or "saff" in k) else "/sports/cricket/news",
             "opinion": "/opinion/views/news",
             "entertainment": "/entertainment/tv-film/news",
             "environment": "/environment/climate-crisis/news",
             "health": "/health/disease/news",
             "tech": "/tech-startup/news",
             "education": "/youth/education/news",
             "lifestyle": "/life-living/news"}.get(s.sec)
        if s.sec == "bangladesh":
            d = "/news/bangladesh/accidents-fires/news" if any(
                w in k for w in ("fire", "crash", "capsize", "derail")) \
                else "/news/bangladesh/news"
        n -= rng.randint(5, 90)
        s.path = "%s/%s-%d" % (d, k, n)


def ds_header(p, here, st):
    mega = [
        ("Bangladesh", "/news/bangladesh", [
            ("Politics", "/news/bangladesh/politics"),
            ("Crime & Justice", "/news/bangladesh/crime-justice"),
            ("Governance", "/news/bangladesh/governance"),
            ("Diplomacy", "/news/bangladesh/diplomacy"),
            ("Education", "/news/bangladesh/education"),
            ("Accidents & Fires", "/news/bangladesh/accidents-fires"),
            ("Weather", "/news/bangladesh/weather")]),
        ("World", "/news/world", [
            ("Asia", "/news/world/asia"), ("Middle East",
                                          "/news/world/middle-east"),
            ("America", "/news/world/america"), ("Europe",
                                                 "/news/world/europe"),
            ("Africa", "/news/world/africa")]),
        ("Business", "/business", [
            ("Economy", "/business/economy"),
            ("Banks", "/business/economy/banks"),
            ("Stock", "/business/economy/stock"),
            ("Global Economy", "/business/global-economy"),
            ("Organisation News", "/business/organisation-news")]),
        ("Opinion", "/opinion", [
            ("Editorial", "/opinion/editorial"), ("Views", "/opinion/views"),
            ("Interviews", "/opinion/interviews"),
            ("Letters", "/opinion/letters")]),
        ("Sports", "/sports", [
            ("Cricket", "/sports/cricket"), ("Football", "/sports/football"),
            ("Tennis", "/sports/tennis"),
            ("Sports Special", "/sports/sports-special")]),
        ("Entertainment", "/entertainment", [
            ("TV & Film", "/entertainment/tv-film"),
            ("Music", "/entertainment/music"),
            ("Theatre & Arts", "/entertainment/theatre-arts")]),
        ("Lifestyle", "/life-living", []), ("Youth", "/youth", []),
        ("Tech & Startup", "/tech-startup", []),
        ("Environment", "/environment", []), ("Health", "/health", []),
        ("Multimedia", "/multimedia", []), ("Star Weekend", "/star-weekend",
                                            []),
        ("Campus", "/campus", []), ("Supplements", "/supplements", []),
        ("Star Literature", "/star-literature", []),
        ("Investigative Stories", "/investigative-stories", [])]
    featured = [s for s in st if s.sec == "bangladesh"][5]
    lis = []
    for name, href, sub in mega:
        s = p.a(href, name, NAV, ' class="menu-link%s"' % (
            " is-active" if href == here else ""))
        if sub:
            s += '<div class="mega-menu">%s' % ul(
                [p.a(h, n, NAV) for n, h in sub], "mega-links")
            if name == "Bangladesh":
                # A story inside the menu: still an article.
                s += '<div class="mega-featured">%s<h4>%s</h4></div>' % (
                    p.a(featured.path, '<img src="%smega.jpg" alt="">'
                        % DS_IMG, ART), p.a(featured.path,
                                            esc(featured.title), ART))
            s += '</div>'
        lis.append(s)
    trend = [s for s in st if s.sec in ("politics", "bangladesh")][:3]
    return "\n".join([
        '<header id="header">',
        '<div class="top-bar"><span>Sat Aug 17, 2024</span>',
        p.a("/todays-news", "Today's News", NAV),
        p.a("https://epaper.thedailystar.net/", "E-paper", NAV,
            ' target="_blank"'),
        p.a("https://bangla.thedailystar.net/", "বাংলা", NAV),
        p.a("/newsletter", "Newsletter", NAV),
        p.a("/user/login?destination=/", "Sign In", NAV),
        p.a("/search", '<i class="icon-search"></i>', NAV,
            ' aria-label="Search"'),
        '</div>',
        '<div class="logo">%s</div>' % p.a(
            "/", '<img src="/themes/custom/tds/logo.svg" alt="The Daily Star">',
            NAV),
        '<nav class="main-nav">%s' % ul(lis, "menu"),
        '<div class="trending"><span>Trending:</span> %s %s %s</div>' % (
            " ".join(p.a(s.path, esc(s.title), ART) for s in trend),
            p.a("/tags/bangladesh-flood-2024", "#Flood", NAV),
            p.a("/tags/interim-government", "#InterimGovt", NAV)),
        '</nav>', '</header>'])


def ds_footer(p):
    return "\n".join([
        '<footer class="footer">',
        ul([p.a(h, n, NAV) for n, h in (
            ("About Us", "/about-us"), ("Contact Us", "/contact-us"),
            ("Advertisement", "/advertisement"), ("Apps", "/apps"),
            ("Conferences", "/conferences"), ("Privacy Policy",
                                              "/privacy-policy"),
            ("Terms of Use", "/terms-use"), ("Archive", "/archive"),
            ("Sitemap", "/sitemap"), ("RSS", "/rss.xml"))], "f"),
        social(p, [("facebook", "https://www.facebook.com/dailystarnews"),
                   ("x", "https://twitter.com/dailystarnews"),
                   ("instagram", "https://www.instagram.com/dailystarnews/"),
                   ("youtube", "https://www.youtube.com/@thedailystar"),
                   ("linkedin",
                    "https://www.linkedin.com/company/the-daily-star")]),
        apps(p, "com.thedailystar.news", "1020223345"),
        '<p>Copyright: Any unauthorized use or reproduction of The Daily Star '
        'content for commercial purposes is strictly prohibited. © 2024 thedai'
        'lystar.net | Powered by: %s</p>' % p.a(
            "https://www.thedailystar.net/", "The Daily Star", NAV),
        '</footer>'])


def ds_card(p, s, href=None, intro=True, img=True, time=None, more=False):
    href = href or s.path
    out = ['<div class="card position-relative">']
    if img:
        out.append('<div class="card-image">%s</div>' % p.a(
            href, '<picture><img src="%s%s.jpg" alt="%s"></picture>' % (
                DS_IMG, s.path.rsplit("-", 1)[1], attr(s.title)), ART))
    out.append('<div class="card-content"><h3 class="title">%s</h3>'
               % p.a(href, esc(s.title), ART))
    if intro and s.summary:
        out.append('<p class="intro">%s</p>' % esc(s.summary))
    if time:
        out.append('<span class="interval">%s</span>' % time)
    if more:
        out.append(p.a(href, "Read more", ART, ' class="read-more"'))
    out.append('</div></div>')
    return "\n".join(out)


def dailystar(check, report):
    rng = random.Random("dailystar")
    st = load(pool.EN, english=True)
    ds_paths(st, rng)
    bad = 0

    p = Page("dailystar-home", DS + "/")
    used = set()

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    body = [ds_header(p, "/", st)]
    body.append('<main class="home">')
    lead = get(st, "feni-flood-situation-worsens-as-muhuri-rises-above-"
               "danger-level")
    used.add(lead)
    top = [lead] + take({"politics", "bangladesh", "business"}, 4)
    body.append('<section class="lead-news">')
    body.append(ds_card(p, lead, more=True))
    body.append(share_bar(p, DS + lead.path, lead.title, "en"))
    body.append('</section><section class="top-news">')
    for i, s in enumerate(top[1:]):
        href = s.path
        if i == 1:
            href = s.path + "?utm_source=homepage&utm_medium=top-news&"\
                "fbclid=IwAR0abc"
        body.append(ds_card(p, s, href, intro=(i < 2)))
    body.append('</section>')
    body.append('<aside class="latest-news"><h2>%s</h2><ul>' % p.a(
        "/todays-news", "Latest", NAV))
    for i, s in enumerate(take({"bangladesh", "world", "sports", "business",
                                 "politics"}, 10)):
        body.append('<li><span class="time">%s</span>%s</li>' % (
            ago_en(i), p.a(s.path, esc(s.title), ART)))
    body.append('</ul></aside>')
    body.append('<aside class="most-viewed"><h2>Most Viewed</h2><ol>')
    for s in take({"bangladesh", "entertainment", "opinion", "politics"}, 5):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol></aside>')
    blocks = [("Bangladesh", "/news/bangladesh", {"bangladesh"}, 5),
              ("Politics", "/news/bangladesh/politics", {"politics"}, 4),
              ("Business", "/business", {"business"}, 4),
              ("World", "/news/world", {"world"}, 4),
              ("Sports", "/sports", {"sports"}, 4),
              ("Views", "/opinion/views", {"opinion"}, 3),
              ("Entertainment", "/entertainment", {"entertainment"}, 3),
              ("Environment", "/environment", {"environment"}, 2),
              ("Tech & Startup", "/tech-startup", {"tech"}, 2),
              ("Lifestyle", "/life-living", {"lifestyle", "health"}, 2)]
    authors = [("Shamsuddoza Sajen", "shamsuddoza-sajen"),
               ("Kamal Ahmed", "kamal-ahmed-0"),
               ("Rezaul Karim Rony", "rezaul-karim-rony")]
    for name, href, secs, n in blocks:
        body.append('<section class="section-block"><h2 class="section-'
                    'title">%s</h2>' % p.a(href, name, NAV))
        for i, s in enumerate(take(secs, n)):
            if name == "Views":
                an, slug = authors[i]
                body.append('<div class="card opinion">%s<h3>%s</h3></div>'
                            % (p.a("/author/" + slug, esc(an), NAV,
                                   ' class="author"'),
                               p.a(s.path, esc(s.title), ART)))
            elif name == "Sports" and i == 3:
                body.append('<div class="card">%s<h3>%s</h3></div>' % (
                    p.a(s.path, '<picture><img src="%s%d.jpg" alt="">'
                        '</picture>' % (DS_IMG, i), ART), esc(s.title)))
            else:
                body.append(ds_card(p, s, intro=False, img=(i == 0),
                                    more=(name == "Bangladesh" and i == 0)))
        body.append(p.a(href, "More", NAV, ' class="more"'))
        body.append('</section>')
    body.append('<section class="multimedia"><h2>%s</h2>' % p.a(
        "/multimedia", "Star Multimedia", NAV))
    for n, kind, t in ((3677036, "video",
                        "How Feni went under water in a night"),
                       (3676950, "video", "Inside Dhaka's waterlogged streets"),
                       (3676871, "photo",
                        "In pictures: relief reaches Noakhali")):
        href = "/multimedia/%s/news/%s-%d" % (kind, slugify(t), n)
        body.append('<div class="mm">%s<h4>%s</h4></div>' % (
            p.a(href, '<img src="%smm.jpg" alt=""><span class="icon-%s">'
                '</span>' % (DS_IMG, kind), ART), p.a(href, esc(t), ART)))
    body.append('</section>')
    body.append('<section class="bangla"><h2>%s</h2><h4>%s</h4></section>' % (
        p.a("https://bangla.thedailystar.net/", "The Daily Star Bangla", NAV),
        p.a("https://bangla.thedailystar.net/news/bangladesh/news-599123",
            "ফেনীতে বন্যা পরিস্থিতির অবনতি", ART)))
    body.append('<section class="partner"><h2>From our partners</h2><ul>')
    for u, t in (("https://www.prothomalo.com/bangladesh/district/"
                  "feni-flood-situation-worsens", "ফেনীতে বন্যা পরিস্থিতির অবনতি"),
                 ("https://www.bbc.com/bengali/articles/c4g9xkz1v2eo",
                  "Floods in eastern Bangladesh: what we know"),
                 ("https://www.daraz.com.bd/monsoon-sale/?utm_source=tds",
                  "Monsoon sale: up to 60% off")):
        body.append('<li>%s</li>' % p.a(u, esc(t), NAV,
                                        ' rel="sponsored" target="_blank"'))
    body.append('</ul></section>')
    body.append('<section class="tags-cloud">%s</section>' % " ".join(
        p.a("/tags/" + t, "#" + t.replace("-", " "), NAV)
        for t in ("flood", "dengue", "interim-government", "reform",
                  "election-commission", "remittance")))
    body.append('</main>')
    body.append(ds_footer(p))
    ld = {"@context": "https://schema.org", "@type": "ItemList",
          "itemListElement": [{"@type": "ListItem", "position": i + 1,
                               "url": DS + s.path}
                              for i, s in enumerate(top)]}
    head = ('<link rel="canonical" href="https://www.thedailystar.net/">\n'
            '<link rel="alternate" type="application/rss+xml" title="The '
            'Daily Star" href="https://www.thedailystar.net/frontpage/rss.xml">'
            '\n<script type="application/ld+json">%s</script>'
            % json.dumps(ld))
    doc = document("en", "The Daily Star | Bangladesh's leading English "
                   "daily", head, "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page: /news/bangladesh/politics.
    p = Page("dailystar-section", DS + "/news/bangladesh/politics")
    pol = [s for s in st if s.sec == "politics"]
    rng.shuffle(pol)
    body = [ds_header(p, "/news/bangladesh/politics", st)]
    body.append('<nav class="breadcrumb">%s › %s › %s › <span>Politics</span>'
                '</nav>' % (p.a("/", "Home", NAV), p.a("/news", "News", NAV),
                            p.a("/news/bangladesh", "Bangladesh", NAV)))
    body.append('<h1 class="page-title">Politics</h1>')
    body.append('<div class="view-content">')
    bylines = [("Staff Correspondent", "staff-correspondent"),
               ("Star Online Report", "star-online-report"),
               ("Mohiuddin Alamgir", "mohiuddin-alamgir"),
               ("Shakhawat Liton", "shakhawat-liton")]
    for i, s in enumerate(pol[:24]):
        href = s.path if i != 6 else DS + s.path + "#comment-block"
        an, slug = bylines[i % 4]
        body.append('<div class="views-row">%s<div class="author">%s</div>'
                    '</div>' % (
                        ds_card(p, s, href, img=(i % 4 != 3),
                                time=ago_en(i)),
                        p.a("/author/" + slug, esc(an), NAV)))
    body.append('</div>')
    body.append('<nav class="pager">%s</nav>' % " ".join([
        p.a("?page=1", "2", NAV), p.a("?page=2", "3", NAV),
        p.a("?page=3", "4", NAV), p.a("?page=1", "next ›", NAV),
        p.a("?page=512", "last »", NAV)]))
    body.append('<aside><h2>Most Viewed</h2><ol>')
    for s in pick(st, {"bangladesh", "business", "opinion"}, rng, 6):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol><div class="ad">%s</div>' % p.a(
        "https://pubads.g.doubleclick.net/gampad/clk?id=6598716&iu=/tds",
        '<img src="https://tpc.googlesyndication.com/simgad/18" alt="">', NAV,
        ' rel="nofollow"'))
    body.append('<div class="related-tags">%s</div></aside>' % " ".join(
        p.a("/tags/" + t, t.replace("-", " ").title(), NAV)
        for t in ("bnp", "jamaat-e-islami", "election-commission",
                  "interim-government", "jatiya-party", "awami-league")))
    body.append(ds_footer(p))
    doc = document("en", "Politics | The Daily Star",
                   '<link rel="canonical" href="%s/news/bangladesh/politics">'
                   % DS, "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad


# --- Dhaka Tribune ----------------------------------------------------------

DT = "https://www.dhakatribune.com"
DT_IMG = "https://media.dhakatribune.com/uploads/2024/08/"


def dt_paths(stories, rng):
    n = 356789
    for s in stories:
        k = s.slug
        if s.sec == "bangladesh":
            d = "/bangladesh/dhaka" if any(w in k for w in (
                "dhaka", "metro", "secretariat", "gulistan", "traffic")) \
                else "/bangladesh/nation"
        elif s.sec == "world":
            d = "/world/south-asia" if any(w in k for w in (
                "kolkata", "nepal", "uttarakhand", "pakistan", "bhutan")) \
                else "/world/middle-east" if "gaza" in k \
                else "/world/americas" if "us-" in k else "/world/asia"
        elif s.sec == "sports":
            d = "/sport/football" if ("football" in k or "saff" in k) \
                else "/sport/cricket"
        else:
            d = {"politics": "/bangladesh/politics",
                 "business": "/business/economy", "opinion": "/opinion/op-ed",
                 "entertainment": "/showtime", "environment":
                 "/climate-change", "health": "/health", "tech": "/tech",
                 "education": "/bangladesh/education",
                 "lifestyle": "/lifestyle"}[s.sec]
        n -= rng.randint(4, 60)
        s.path = "%s/%d/%s" % (d, n, k)


def dt_header(p, here):
    menu = [
        ("Bangladesh", "/bangladesh", [
            ("Dhaka", "/bangladesh/dhaka"), ("Nation", "/bangladesh/nation"),
            ("Politics", "/bangladesh/politics"),
            ("Foreign Affairs", "/bangladesh/foreign-affairs"),
            ("Election", "/bangladesh/election"),
            ("Crime", "/bangladesh/crime"), ("Court", "/bangladesh/court"),
            ("Education", "/bangladesh/education")]),
        ("Business", "/business", [
            ("Economy", "/business/economy"), ("Stock", "/business/stock"),
            ("Banks", "/business/banks"),
            ("Commodities", "/business/commodities")]),
        ("World", "/world", [
            ("South Asia", "/world/south-asia"), ("Asia", "/world/asia"),
            ("Middle East", "/world/middle-east"),
            ("Europe", "/world/europe"), ("Americas", "/world/americas"),
            ("Africa", "/world/africa")]),
        ("Sport", "/sport", [
            ("Cricket", "/sport/cricket"), ("Football", "/sport/football"),
            ("Other Sports", "/sport/other-sports")]),
        ("Opinion", "/opinion", [
            ("Editorial", "/opinion/editorial"), ("Op-Ed", "/opinion/op-ed"),
            ("Longform", "/opinion/longform")]),
        ("Showtime", "/showtime", []),
        ("Climate Change", "/climate-change", []),
        ("Health", "/health", []), ("Tech", "/tech", []),
        ("Lifestyle", "/lifestyle", []), ("Feature", "/feature", []),
        ("Videos", "/videos", []), ("Photo Gallery", "/photo-gallery", []),
        ("Magazine", "/magazine", [])]
    lis = []
    for name, href, sub in menu:
        s = p.a(href, name, NAV, ' class="active"' if href == here else "")
        if sub:
            s += ul([p.a(h, n, NAV) for n, h in sub], "dropdown")
        lis.append(s)
    return "\n".join([
        '<header class="site_header">',
        '<div class="header_top"><span class="date">Saturday, August 17, '
        '2024</span>%s %s %s %s</div>' % (
            p.a("https://bangla.dhakatribune.com/", "বাংলা", NAV),
            p.a("https://epaper.dhakatribune.com/", "E-Paper", NAV),
            p.a("/newsletter", "Newsletter", NAV),
            p.a("/search?q=", "Search", NAV)),
        '<div class="logo">%s</div>' % p.a(
            "https://www.dhakatribune.com/", '<img src="/media/common/'
            'logo.svg" alt="Dhaka Tribune">', NAV),
        '<nav class="main_menu">%s</nav>' % ul(lis, "menu_list"),
        '</header>'])


def dt_footer(p):
    return "\n".join([
        '<footer class="site_footer">',
        ul([p.a(h, n, NAV) for n, h in (
            ("About Us", "/about-us"), ("Contact Us", "/contact-us"),
            ("Advertise", "/advertise"), ("Privacy Policy", "/privacy-policy"),
            ("Terms & Conditions", "/terms-and-conditions"),
            ("Archives", "/archives"), ("Career", "/career"),
            ("RSS", "/feed"))], "footer_links"),
        '<p>Sister concern: %s</p>' % p.a("https://www.banglatribune.com/",
                                          "Bangla Tribune", NAV),
        social(p, [("facebook", "https://www.facebook.com/dhakatribune"),
                   ("x", "https://twitter.com/DhakaTribune"),
                   ("youtube", "https://www.youtube.com/@DhakaTribune"),
                   ("instagram", "https://www.instagram.com/dhakatribune/")]),
        apps(p, "com.dhakatribune.news", "1129873344"),
        '<p>© 2024 Dhaka Tribune. All rights reserved.</p>',
        '</footer>'])


def dt_each(p, s, href=None, overlay=False, summary=False, time=None):
    """A story card.  overlay: the card's one link is an empty <a> laid
    over it, the headline plain text."""
    href = href or s.path
    img = '<img src="%s%s.webp" alt="%s">' % (DT_IMG, s.path.split("/")[-2],
                                              attr(s.title))
    if overlay:
        out = ['<div class="each">%s' % p.a(href, "", ART,
                                           ' class="link_overlay"'),
               '<div class="image">%s</div>' % img,
               '<h2 class="title">%s</h2>' % esc(s.title)]
    else:
        out = ['<div class="each">',
               '<div class="image">%s</div>' % p.a(href, img, ART),
               '<h2 class="title">%s</h2>' % p.a(href, esc(s.title), ART)]
    if summary and s.summary:
        out.append('<div class="summary">%s</div>' % esc(s.summary))
    if time:
        out.append('<span class="time">%s</span>' % time)
    out.append('</div>')
    return "\n".join(out)


def dhakatribune(check, report):
    rng = random.Random("dhakatribune")
    st = load(pool.EN, english=True)
    dt_paths(st, rng)
    bad = 0

    p = Page("dhakatribune-home", DT + "/")
    used = set()

    def take(secs, n):
        out = [s for s in pick(st, secs, rng) if s not in used][:n]
        used.update(out)
        return out

    body = [dt_header(p, "/")]
    lead = get(st, "waterlogging-cripples-dhaka-after-heavy-downpour")
    used.add(lead)
    body.append('<div class="breaking_news"><span>BREAKING</span>%s</div>'
                % p.a(get(st, "metro-rail-services-to-resume-on-sunday").path
                      + "?utm_source=breaking", "Metro rail services to "
                      "resume on Sunday", ART))
    used.add(get(st, "metro-rail-services-to-resume-on-sunday"))
    body.append('<main>')
    body.append('<section class="lead_section">')
    body.append(dt_each(p, lead, summary=True))
    for i, s in enumerate(take({"politics", "bangladesh"}, 6)):
        body.append(dt_each(p, s, overlay=(i % 2 == 1), summary=(i == 0)))
    body.append('</section>')
    body.append('<section class="latest_news"><h2>Latest</h2><ul>')
    for i, s in enumerate(take({"bangladesh", "business", "world",
                                 "sports"}, 10)):
        body.append('<li>%s<span class="time">%s</span></li>' % (
            p.a(s.path, esc(s.title), ART), ago_en(i)))
    body.append('</ul>%s</section>' % p.a("/latest-news", "All latest news",
                                          NAV))
    body.append('<section class="popular"><h2>Popular</h2><ol>')
    for s in take({"opinion", "entertainment", "bangladesh"}, 5):
        body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol></section>')
    blocks = [("Bangladesh", "/bangladesh", {"bangladesh"}, 5),
              ("Politics", "/bangladesh/politics", {"politics"}, 4),
              ("Business", "/business", {"business"}, 4),
              ("World", "/world", {"world"}, 4),
              ("Sport", "/sport", {"sports"}, 4),
              ("Opinion", "/opinion", {"opinion"}, 3),
              ("Showtime", "/showtime", {"entertainment"}, 2),
              ("Climate Change", "/climate-change", {"environment"}, 2),
              ("Health & Tech", "/health", {"health", "tech"}, 2)]
    for name, href, secs, n in blocks:
        body.append('<section class="category_block"><h2>%s</h2>' % p.a(
            href, name + " ›", NAV))
        for i, s in enumerate(take(secs, n)):
            body.append(dt_each(p, s, overlay=(name == "World" and i > 0)))
        body.append('</section>')
    body.append('<section class="topics"><h3>Topics</h3>%s</section>' % " ".join(
        p.a("/topic/" + t, t.replace("-", " ").title(), NAV)
        for t in ("bangladesh-flood-2024", "dengue-outbreak",
                  "interim-government", "quota-reform-movement", "reforms")))
    body.append('<section class="videos"><h2>%s</h2>' % p.a(
        "/videos", "Videos", NAV))
    for i, t in enumerate(("Flood-hit Feni: stories of survival",
                           "Students on Dhaka's roads, directing traffic")):
        href = "/videos/%d/%s" % (356900 + i, slugify(t))
        body.append('<div class="video_each">%s</div>' % p.a(
            href, '<img src="%sv%d.webp" alt=""><h3>%s</h3>' % (
                DT_IMG, i, esc(t)), ART))
    body.append('</section>')
    body.append('<section class="bangla"><h3>%s</h3>%s</section>' % (
        p.a("https://bangla.dhakatribune.com/", "ঢাকা ট্রিবিউন বাংলা", NAV),
        p.a("https://bangla.dhakatribune.com/bangladesh/25678",
            "রাজধানীতে টানা বৃষ্টিতে জলাবদ্ধতা", ART)))
    body.append('<div class="ad">%s %s</div>' % (
        p.a("https://www.bracbank.com/en/retail/cards?utm_source=dhakatribune",
            '<img src="%sad.gif" alt="BRAC Bank">' % DT_IMG, NAV,
            ' rel="sponsored"'),
        p.a("https://www.banglatribune.com/national/861234/"
            "ফেনীতে-বন্যা-পরিস্থিতির-অবনতি", "বাংলা ট্রিবিউন: ফেনীতে বন্যা", NAV)))
    body.append('</main>')
    body.append(dt_footer(p))
    doc = document("en", "Dhaka Tribune | Latest news, Bangladesh, World",
                   '<link rel="canonical" href="https://www.dhakatribune.com/">',
                   "\n".join(body))
    bad |= finish(p, doc, check, report)

    # Section page: /bangladesh/politics.
    p = Page("dhakatribune-section", DT + "/bangladesh/politics")
    pol = [s for s in st if s.sec == "politics"]
    rng.shuffle(pol)
    body = [dt_header(p, "/bangladesh/politics")]
    body.append('<div class="breadcrumb">%s / %s / Politics</div>' % (
        p.a("/", "Home", NAV), p.a("/bangladesh", "Bangladesh", NAV)))
    body.append('<main class="category_page">')
    for i, s in enumerate(pol[:22]):
        href = s.path
        if i == 2:
            href = DT + s.path + "?utm_source=twitter&utm_medium=social"
        if i == 9:
            href = "//www.dhakatribune.com" + s.path
        body.append(dt_each(p, s, href, overlay=(i % 5 == 4),
                            summary=True, time="%d hours ago" % (i + 1)))
    body.append('</main>')
    body.append('<div class="pagination">%s</div>' % " ".join(
        p.a("/bangladesh/politics?page=%d" % n, str(n), NAV)
        for n in range(2, 7)))
    body.append('<aside><h3>Most Popular</h3><ol>')
    for i, s in enumerate(pick(st, {"bangladesh", "world"}, rng, 6)):
        if i == 0:	# as a hand-edited widget writes them
            body.append('<li><A HREF="\n  %s  ">%s</A></li>' % (
                p.h(s.path, ART), esc(s.title)))
        elif i == 1:
            body.append('<li><a href=%s class=pop>%s</a></li>' % (
                p.h(s.path, ART), esc(s.title)))
        else:
            body.append('<li>%s</li>' % p.a(s.path, esc(s.title), ART))
    body.append('</ol><h3>Topics</h3>%s</aside>' % " ".join(
        p.a("/topic/" + t, t.replace("-", " ").title(), NAV)
        for t in ("bnp", "jamaat", "election-commission", "reforms",
                  "students-movement")))
    body.append(dt_footer(p))
    doc = document("en", "Politics | Dhaka Tribune",
                   '<link rel="canonical" href="%s/bangladesh/politics">' % DT,
                   "\n".join(body))
    bad |= finish(p, doc, check, report)
    return bad

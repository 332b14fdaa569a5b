"""common.py: what the section pages share: canonical URLs, the stories,
Page (a page and the verdict given to each of its links) and finish()
(the page checked against its verdicts, then written with its gold).
See make.py."""

import html
import os
import re
import sys
import urllib.parse
from html.parser import HTMLParser

import pool

HERE = os.path.dirname(os.path.abspath(__file__))
ART, NAV = True, False

# --- canonical URLs (docs/records.md) -------------------------------------

TRACKING = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ref_src",
            "_hsenc", "_hsmi", "mkt_tok"}
UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                 "0123456789-._~")
HEX = set("0123456789abcdefABCDEF")


def pct(s):
    """Percent-encoding normalised as rule 6 says."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "%" and i + 2 < len(s) and s[i + 1] in HEX \
                and s[i + 2] in HEX:
            ch = chr(int(s[i + 1:i + 3], 16))
            out.append(ch if ch in UNRESERVED else "%" + s[i + 1:i + 3].upper())
            i += 3
            continue
        if c == "%":
            raise ValueError("bare %% in %r: not in these pages" % s)
        if ord(c) <= 32 or ord(c) >= 127 or c in '"<>\\^`{|}':
            out.append("".join("%%%02X" % b for b in c.encode("utf-8")))
        else:
            out.append(c)
        i += 1
    return "".join(out)


def canon(href, base):
    """The canonical absolute URL of href found on a page at base, or None
    when it has none (javascript:, mailto:, ...)."""
    h = href.strip(" \t\n\r\f")
    h = h.replace("\t", "").replace("\n", "").replace("\r", "")
    u = urllib.parse.urljoin(base, h)
    p = urllib.parse.urlsplit(u)
    scheme = p.scheme.lower()
    if scheme not in ("http", "https") or not p.hostname:
        return None
    host = p.hostname.rstrip(".")
    if any(ord(c) > 127 for c in host):
        host = host.encode("idna").decode("ascii")
    host = host.lower()
    port = p.port
    netloc = host if port in (None, 80 if scheme == "http" else 443) \
        else "%s:%d" % (host, port)
    path = pct(p.path) or "/"
    q = []
    for kv in p.query.split("&") if p.query else []:
        name = kv.split("=", 1)[0]
        if name.startswith("utm_") or name in TRACKING:
            continue
        q.append(pct(kv))
    url = "%s://%s%s" % (scheme, netloc, path)
    if q:
        url += "?" + "&".join(q)
    return url


# --- the stories -------------------------------------------------------


class Story:
    def __init__(self, sec, title, slug):
        self.sec, self.title, self.slug = sec, title, slug
        self.summary = pool.SUMMARY.get(slug)
        self.path = None	# set by the outlet: its path on the site

    def __repr__(self):
        return "<%s %s>" % (self.sec, self.slug)


def slugify(t):
    t = re.sub(r"['’.$]", "", t.lower())
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def load(text, english=False):
    out = []
    for line in text.strip().splitlines():
        f = line.split("|")
        if english:
            out.append(Story(f[0], f[1], slugify(f[1])))
        else:
            out.append(Story(f[0], f[1], f[2]))
    return out


def bnslug(title):
    """A Bengali-script slug as some outlets make them."""
    t = re.sub(r"[,‘’:।!?'\"]", "", title)
    return "-".join(t.split())


BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def bn(n):
    return str(n).translate(BN)


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def pick(stories, secs, rng, n=None):
    """The stories of the given sections, in a shuffled order."""
    out = [s for s in stories if s.sec in secs]
    rng.shuffle(out)
    return out if n is None else out[:n]


def ago_bn(i):
    """A 'minutes/hours ago' label for the i-th latest story."""
    m = 4 + i * 11
    if m < 60:
        return "%s মিনিট আগে" % bn(m)
    return "%s ঘণ্টা আগে" % bn(m // 60)


def ago_en(i):
    m = 3 + i * 13
    if m < 60:
        return "%d min ago" % m
    return "%d hour%s ago" % (m // 60, "" if m < 120 else "s")


def clock_bn(i):
    h, m = divmod(11 * 60 + 46 - i * 17, 60)
    ap = "এএম" if h < 12 else "পিএম"
    h = h if h <= 12 else h - 12
    return "%s:%s %s" % (bn(h), bn("%02d" % m), ap)


# --- a page and its verdicts -------------------------------------------


class Page:
    def __init__(self, name, url):
        self.name, self.url, self.base = name, url, url
        self.verdict = {}	# canonical URL (or the href) -> ART/NAV

    def set_base(self, href):
        self.base = urllib.parse.urljoin(self.url, href)

    def h(self, href, verdict):
        """href as it goes in an attribute, with its verdict noted."""
        c = canon(href, self.base) or href.strip()
        old = self.verdict.setdefault(c, verdict)
        if old != verdict:
            sys.exit("make.py: %s: %s is said to be both" % (self.name, c))
        return attr(href)

    def a(self, href, text, verdict, extra=""):
        return '<a href="%s"%s>%s</a>' % (self.h(href, verdict), extra, text)

    def gold(self):
        return sorted(u for u, v in self.verdict.items() if v == ART)


class Links(HTMLParser):
    """The <a href> (and <area href>) of a page, and its <base href>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs, self.base, self.anchors = [], None, 0

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if tag == "base" and self.base is None and d.get("href"):
            self.base = d["href"]
        if tag in ("a", "area") and d.get("href") is not None:
            self.hrefs.append(d["href"])


def finish(p, doc, check, report):
    """Check the page against its verdicts, then write (or compare) it."""
    lp = Links()
    lp.feed(doc)
    lp.close()
    base = urllib.parse.urljoin(p.url, lp.base) if lp.base else p.url
    if base != p.base:
        sys.exit("make.py: %s: base %s, written for %s" % (p.name, base,
                                                           p.base))
    seen = set()
    art_a = 0
    for href in lp.hrefs:
        c = canon(href, base) or href.strip()
        if c not in p.verdict:
            sys.exit("make.py: %s: %r has no verdict" % (p.name, href))
        seen.add(c)
        art_a += p.verdict[c]
    if seen != set(p.verdict):
        sys.exit("make.py: %s: verdicts for links not on the page: %s"
                 % (p.name, sorted(set(p.verdict) - seen)))
    gold = p.gold()
    files = {"page.html": doc, "url": p.url + "\n",
             "gold": "".join(u + "\n" for u in gold)}
    d = os.path.join(HERE, p.name)
    bad = 0
    for f, text in files.items():
        path = os.path.join(d, f)
        if check:
            try:
                with open(path, encoding="utf-8") as fh:
                    same = fh.read() == text
            except OSError:
                same = False
            if not same:
                print("make.py: %s differs" % os.path.relpath(path, HERE))
                bad = 1
        else:
            os.makedirs(d, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    report.append((p.name, len(gold), len(p.verdict) - len(gold),
                   len(lp.hrefs), art_a, len(doc.encode("utf-8"))))
    return bad


def document(lang, title, head, body):
    return ("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
            "<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, "
            "initial-scale=1\">\n<title>%s</title>\n%s\n</head>\n"
            "<body>\n%s\n</body>\n</html>\n"
            % (lang, esc(title), head.strip(), body.strip()))


def share_bar(p, url, title, lang="bn"):
    """The share buttons of a story: other sites, never the story."""
    q = urllib.parse.quote(url, safe="")
    t = urllib.parse.quote(title, safe="")
    label = "শেয়ার করুন" if lang == "bn" else "Share"
    return ('<div class="share"><span>%s</span>\n'
            '%s\n%s\n%s\n%s\n%s\n</div>' % (
                label,
                p.a("https://www.facebook.com/sharer/sharer.php?u=" + q,
                    "Facebook", NAV, ' target="_blank" rel="noopener"'),
                p.a("https://twitter.com/intent/tweet?url=%s&text=%s"
                    % (q, t), "X", NAV, ' target="_blank"'),
                p.a("https://www.linkedin.com/shareArticle?mini=true&url="
                    + q, "LinkedIn", NAV),
                p.a("whatsapp://send?text=" + q, "WhatsApp", NAV),
                p.a("mailto:?subject=%s&body=%s" % (t, q), "Email", NAV)))


def apps(p, android_id, ios_id, lang="bn"):
    return ('<div class="apps">%s %s</div>' % (
        p.a("https://play.google.com/store/apps/details?id=" + android_id,
            '<img src="/static/img/google-play.svg" alt="Google Play">',
            NAV),
        p.a("https://apps.apple.com/app/id" + ios_id,
            '<img src="/static/img/app-store.svg" alt="App Store">', NAV)))


def social(p, pairs):
    return '<ul class="social">%s</ul>' % "".join(
        '<li>%s</li>' % p.a(u, '<i class="icon-%s"></i>' % n, NAV,
                            ' aria-label="%s" target="_blank"' % n)
        for n, u in pairs)


def ul(items, cls):
    return '<ul class="%s">\n%s\n</ul>' % (
        cls, "\n".join("<li>%s</li>" % i for i in items))


def get(stories, slug):
    for s in stories:
        if s.slug == slug:
            return s
    raise KeyError(slug)


def ident(rng, n, chars="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(chars) for _ in range(n))


def topic_href(word, form):
    """A Bengali topic or tag path segment: raw, or percent-encoded in
    lower case (as many CMSs write it)."""
    w = word.replace(" ", "-")
    if form == "raw":
        return w
    return urllib.parse.quote(w).lower()


def run(outlets, check):
    report = []
    bad = 0
    for f in outlets:
        bad |= f(check, report)
    print("%-26s %5s %5s %5s %5s %7s" % ("page", "art", "other", "<a>",
                                          "art<a>", "bytes"))
    for r in report:
        print("%-26s %5d %5d %5d %5d %7d" % r)
    print("%-26s %5d %5d %5d %5d %7d" % (("all",) + tuple(
        sum(r[i] for r in report) for i in range(1, 6))))
    return bad

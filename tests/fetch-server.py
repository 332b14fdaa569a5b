#!/usr/bin/env python3
"""fetch-server.py: a local HTTP/1.1 server for fetch's tests.

    python3 tests/fetch-server.py --port-file FILE [--log FILE]
        [--root DIR]

Listens on 127.0.0.1, on a port written to FILE once it listens.  The
tests reach it under many names (fetch --resolve: h2.test, h7.test,
...), and each name, as the Host header gives it, is a host of its own
for robots.txt (ROBOTS, or DIR/robots-HOST.txt).  Each route below plays one
thing a crawler meets on the web: conditional GETs, legacy charsets,
redirect chains, retries, slow or broken peers, big bodies, robots.txt.
Keyed routes (/retry-after, /flaky, /counter) share one count per KEY,
which /count/KEY reports; give each test its own keys.  Python 3
standard library only; quiet unless something really goes wrong.
"""

import email.utils
import gzip
import html
import http.server
import itertools
import json
import os
import select
import socket
import socketserver
import struct
import threading
import time
import urllib.parse

import testserver

LAST_MODIFIED = "Sat, 17 Aug 2024 05:46:00 GMT"
LAST_MODIFIED_T = email.utils.parsedate_to_datetime(LAST_MODIFIED)

stopping = threading.Event()	# set by SIGTERM/SIGINT: hanging routes end
counts = {}			# KEY -> requests so far, for the keyed routes
counts_lock = threading.Lock()
conn_serial = itertools.count(1)
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)	# Linux's value
log_file = None
log_lock = threading.Lock()
root_dir = None


def bump(key):
    with counts_lock:
        counts[key] = counts.get(key, 0) + 1
        return counts[key]


def page(title, body="<p>A page for fetch's tests.</p>", meta=True,
         codec="utf-8"):
    t = html.escape(title)
    return ("<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n"
            "<body><h1>%s</h1>\n%s\n</body></html>\n"
            % ('<meta charset="utf-8">' if meta else "", t, t, body)
            ).encode(codec)


# Text for the charset routes, written for these tests.
BENGALI = [
    "ঢাকায় আজ সকাল থেকে আকাশ মেঘলা ছিল, দুপুরের পর নগরীর বিভিন্ন এলাকায় "
    "মাঝারি থেকে ভারী বৃষ্টি হয়েছে।",
    "আবহাওয়া অধিদপ্তর জানিয়েছে, আগামী দুই দিন দেশের অধিকাংশ বিভাগে বজ্রসহ "
    "বৃষ্টির সম্ভাবনা রয়েছে।",
    "বৃষ্টির কারণে মিরপুর, ধানমন্ডি ও মতিঝিলের কয়েকটি সড়কে পানি জমে "
    "যানচলাচল ব্যাহত হয়।",
    "রাজধানীর সর্বোচ্চ তাপমাত্রা ছিল ৩১ দশমিক ৪ ডিগ্রি সেলসিয়াস, যা গতকালের "
    "চেয়ে প্রায় দুই ডিগ্রি কম।",
    "সমুদ্রবন্দরগুলোকে তিন নম্বর সতর্কসংকেত দেখাতে বলা হয়েছে এবং মাছ ধরার "
    "নৌকাগুলোকে উপকূলের কাছাকাছি থাকতে বলা হয়েছে।",
    "নগরবাসী অনেকে ছাতা হাতে অফিসে গেলেও রিকশা ও বাসের জন্য দীর্ঘ সময় "
    "অপেক্ষা করতে হয়েছে।",
]
RUSSIAN = [
    "Утром над городом стоял густой туман, и первые автобусы шли медленно, "
    "осторожно включив фары.",
    "Синоптики обещают, что к полудню туман рассеется, а температура воздуха "
    "поднимется до восемнадцати градусов.",
    "На центральном рынке торговцы раскладывали яблоки, груши и поздние "
    "сливы, привезённые из соседних деревень.",
    "Городская библиотека открыла новый читальный зал, где школьники могут "
    "готовиться к экзаменам до позднего вечера.",
    "Директор библиотеки рассказал, что за первую неделю зал посетили более "
    "трёхсот человек.",
    "В порту разгрузили два судна с зерном, и работа на причалах "
    "продолжалась всю ночь.",
    "Жители северного района жалуются на шум строительства, которое "
    "начинается слишком рано.",
    "Администрация обещала проверить, соблюдают ли подрядчики установленный "
    "график работ.",
    "Вечером в парке у реки прошёл концерт местного оркестра, собравший "
    "много семей с детьми.",
    "Музыканты исполнили старые вальсы и несколько новых произведений "
    "молодых композиторов.",
    "Железнодорожный вокзал с понедельника меняет расписание пригородных "
    "поездов, пассажирам советуют заранее уточнять время отправления.",
    "Осенний урожай в области оказался выше прошлогоднего, особенно хорошо "
    "уродился картофель.",
    "Фермеры говорят, что тёплая погода в сентябре позволила им закончить "
    "работу без спешки.",
    "В театре готовят премьеру спектакля по пьесе Чехова, билеты на первые "
    "показы уже раскуплены.",
    "Больница получила новое оборудование, и очереди на обследование должны "
    "сократиться.",
    "К выходным ожидается похолодание, ночью возможны первые заморозки.",
]


def bengali_page():
    paras = "\n".join("<p>%s %s</p>" % (BENGALI[i], BENGALI[(i + 2) % 6])
                      for i in range(6))
    # No charset anywhere: the client must tell UTF-8 by itself.
    return ("<!DOCTYPE html>\n<html><head><title>ঢাকার আবহাওয়া</title>"
            "</head>\n<body><h1>ঢাকায় ভারী বৃষ্টি</h1>\n%s\n</body></html>\n"
            % paras).encode("utf-8")


def russian_page(codec):
    # Two passes over the sentences, the second reversed: about 3 KB,
    # enough for a statistical charset detector.
    s = RUSSIAN + RUSSIAN[::-1]
    paras = "\n".join("<p>%s</p>" % " ".join(s[i:i + 4])
                      for i in range(0, len(s), 4))
    return ("<html><head><title>Новости города</title></head>\n"
            "<body><h1>Новости города</h1>\n%s\n</body></html>\n"
            % paras).encode(codec)


CP1252 = ("<html><head><title>Café</title></head><body><p>Le café "
          "“Chez Émile” — un menu à 12 € seulement.</p></body></html>\n")
LATIN1 = ("<html><head><meta charset=\"iso-8859-1\"><title>Müller</title>"
          "</head><body><p>Die Straße gehört Herrn Müller. © 2024 "
          "Großstadt-Zeitung.</p></body></html>\n")
GZIP_SENTENCE = "The quick brown fox jumps over the lazy dog in Dhaka. "
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01" \
      b"\x08\x02\x00\x00\x00\x90wS\xde"
RSS = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
       "<title>Test feed</title><link>http://127.0.0.1/</link>"
       "<item><title>One</title><link>/page/one</link></item>"
       "<item><title>Two</title><link>/page/two</link></item>"
       "</channel></rss>\n").encode("utf-8")
JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "Test feed",
    "items": [{"id": "1", "url": "http://127.0.0.1/page/one",
               "title": "একটি খবর"}]}, ensure_ascii=False).encode()
SITEMAP = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns="
           "\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
           + "".join("<url><loc>http://127.0.0.1/page/%d</loc></url>" % i
                     for i in range(200))
           + "</urlset>\n").encode()
ROBOTS = {
    "default": "User-agent: otherbot\nDisallow: /\n\n"
               "User-agent: *\nDisallow: /private\nAllow: /private/ok\n",
    "h7.test": "User-agent: *\nCrawl-delay: 0.5\n",
    "h8.test": 500,
    "h9.test": 404,
}
BIG_BLOCK = ("<p>" + "Paragraph of filler text for the size limits. " * 20
             + "</p>\n").encode() * 16	# ~15 KB, written again and again
GERMAN = "<p>Grüße aus Köln!</p>"
# Routes with a fixed answer: path -> (body, Content-Type).  Where the
# header names no charset, the body alone must tell it (or nothing does).
FIXED = {
    "/bn": (bengali_page(), "text/html"),
    "/cp1252": (CP1252.encode("cp1252"), "text/html; charset=windows-1252"),
    "/meta-charset": (LATIN1.encode("latin-1"), "text/html"),
    "/legacy": (russian_page("cp1251"), "text/html"),
    "/legacy-koi8": (russian_page("koi8-r"), "text/html"),
    "/bom-utf8": (b"\xef\xbb\xbf" + page("BOM", GERMAN, meta=False),
                  "text/html"),
    "/bom-utf16": (b"\xff\xfe" + page("BOM", GERMAN, False, "utf-16-le"),
                   "text/html"),
    "/pdf": (PDF, "application/pdf"),
    "/png": (PNG, "image/png"),
    "/xml": (RSS, "application/xml"),
    "/rss": (RSS, "application/rss+xml"),
    # for kind "feed", "sitemap", "robots" (tests/fetch-kind.t)
    "/feed.json": (JSON_FEED, "application/feed+json"),
    "/urls.txt": (b"http://127.0.0.1/page/one\nhttp://127.0.0.1/page/two\n",
                  "text/plain; charset=utf-8"),
    "/sitemap.xml.gz": (gzip.compress(SITEMAP, mtime=0), "application/gzip"),
    "/sitemap-octet.xml.gz": (gzip.compress(SITEMAP, mtime=0),
                              "application/octet-stream"),
    # a gzip header, then a deflate block of the reserved type 3
    "/sitemap-damaged.xml.gz": (gzip.compress(SITEMAP, mtime=0)[:10] +
                                b"\x07" * 40, "application/gzip"),
}
# Fixed redirects: a loop, and schemes a web crawler must refuse.
REDIRECTS = {"/loop": "/loop", "/redirect-file": "file:///etc/passwd",
             "/redirect-ftp": "ftp://127.0.0.1/x"}


def big_body(total):
    """Yield exactly total bytes of HTML, one block at a time."""
    head = b"<!DOCTYPE html>\n<html><head><title>big</title></head><body>\n"
    tail = b"</body></html>\n"
    if total < len(head) + len(tail):
        yield (head + tail)[:total]
        return
    yield head
    left = total - len(head) - len(tail)
    while left >= len(BIG_BLOCK):
        yield BIG_BLOCK
        left -= len(BIG_BLOCK)
    yield b"\n" * left + tail


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fetch-server/1"
    timeout = 60			# drop idle keep-alive connections

    def setup(self):
        super().setup()
        self.conn = next(conn_serial)
        self.arrived = None
        # The log's "t" is when the kernel received the request, not when
        # this thread got round to reading it: a thread started late under
        # load would otherwise shift the stamps that the timing tests
        # (Crawl-delay, --delay) compare.
        self.connection.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)

    def handle_one_request(self):
        # Peek at the next request's first byte for its arrival stamp.
        # Clients here send one request at a time (curl does not
        # pipeline), so rfile holds nothing unread between requests.
        self.arrived = None
        try:
            _, anc, _, _ = self.connection.recvmsg(1, 256, socket.MSG_PEEK)
        except OSError:
            self.close_connection = True
            return
        for level, kind, data in anc:
            if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                sec, nsec = struct.unpack("qq", data[:16])
                self.arrived = sec + nsec / 1e9
        super().handle_one_request()

    def log_message(self, format, *args):
        pass			# quiet: the JSON log says what happened

    # --- helpers --------------------------------------------------------
    def send(self, code, body=b"", ctype="text/html; charset=utf-8",
             headers=()):
        self.send_response(code)
        if ctype and code not in (204, 304):
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if code not in (204, 304):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and code not in (204, 304):
            self.wfile.write(body)

    def start_chunked(self, ctype="text/html; charset=utf-8"):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        # HTTP/1.0 has no chunks: the end of the body is the connection's.
        self.chunked = self.request_version != "HTTP/1.0"
        if self.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.close_connection = True
        self.end_headers()

    def chunk(self, data):
        """Send one chunk; an empty one ends the body."""
        if self.command == "HEAD":
            return
        if self.chunked:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        else:
            self.wfile.write(data)

    def wait_client_gone(self, seconds=None):
        """Wait until the client closes, the server stops, or seconds pass.
        Returns True when the client went (or the server stops)."""
        end = None if seconds is None else time.monotonic() + seconds
        sock = self.connection
        while not stopping.is_set():
            step = 0.05
            if end is not None:
                step = min(step, end - time.monotonic())
                if step <= 0:
                    return False
            r, _, _ = select.select([sock], [], [], step)
            if r:
                try:
                    if not sock.recv(4096):
                        return True
                except OSError:
                    return True
        return True

    def query(self, name, default=None):
        v = self.params.get(name)
        return v[0] if v else default

    def qint(self, name, default):
        try:
            return int(self.query(name, default))
        except ValueError:
            return default

    def host(self):
        return testserver.host_name(self.headers.get("Host"))

    def log_request_json(self):
        h = self.headers
        rec = {"t": self.arrived or time.time(), "host": self.host(),
               "port": self.client_address[1], "method": self.command,
               "path": self.path, "ua": h.get("User-Agent"),
               "inm": h.get("If-None-Match"), "ims": h.get("If-Modified-Since"),
               "ae": h.get("Accept-Encoding"), "conn": self.conn}
        with log_lock:
            if log_file is not None:
                log_file.write(json.dumps(rec, ensure_ascii=False) + "\n")
                log_file.flush()

    # --- dispatch -------------------------------------------------------
    def do_GET(self):
        self.log_request_json()
        u = urllib.parse.urlsplit(self.path)
        self.params = urllib.parse.parse_qs(u.query)
        path = u.path
        first, _, rest = path.lstrip("/").partition("/")
        route = None
        if "_" not in first:
            route = getattr(self, "r_" + first.replace("-", "_")
                            .replace(".", "_"), None)
        if path in FIXED:
            self.send(200, *FIXED[path])
        elif path in REDIRECTS:
            self.redirect(REDIRECTS[path])
        elif route is not None:
            route(rest)
        elif path == "/" or path == "/private" or path.startswith("/private/"):
            self.send(200, page(path))
        else:
            self.send(404, page("404 Not Found"))

    do_HEAD = do_GET

    # --- conditional GETs -----------------------------------------------
    def not_modified(self, etag):
        inm = self.headers.get("If-None-Match")
        if inm is not None:	# when both are sent, If-None-Match decides
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return etag is not None and (etag in tags or "*" in tags)
        ims = self.headers.get("If-Modified-Since")
        if ims is None:
            return False
        try:
            return email.utils.parsedate_to_datetime(ims) >= LAST_MODIFIED_T
        except (TypeError, ValueError):
            return False	# a date we cannot read: send the page

    def r_page(self, name, etag=True):
        ms = self.qint("ms", 0)	# answer after ms milliseconds
        if ms > 0 and self.wait_client_gone(ms / 1000.0):
            self.close_connection = True
            return
        tag = '"p-%s"' % name if etag else None
        hdrs = [("Last-Modified", LAST_MODIFIED)]
        if tag:
            hdrs.append(("ETag", tag))
        if self.not_modified(tag):
            self.send(304, headers=hdrs)
        else:
            self.send(200, page(name, "<p>The page called %s.</p>"
                                % html.escape(name)), headers=hdrs)

    def r_lastmod(self, name):
        self.r_page(name, etag=False)

    # --- redirects ------------------------------------------------------
    def redirect(self, where):
        self.send(302, page("302 Found"), headers=[("Location", where)])

    def r_redirect(self, n):
        if not n.isdigit():
            self.send(404, page("404 Not Found"))
        elif int(n) == 0:
            self.redirect("/page/redirected")
        else:
            self.redirect("/redirect/%d" % (int(n) - 1))

    def r_redirect_to(self, _):
        self.redirect(self.query("url", "/"))

    # --- statuses and retries -------------------------------------------
    def r_status(self, code):
        c = int(code) if code.isdigit() else 0
        if not 200 <= c <= 599:
            self.send(400, page("400 Bad Request: status %s" % code))
        else:
            self.send(c, page("Status %d" % c))

    def r_retry_after(self, key):
        n = self.qint("n", 1)
        if bump(key) > n:
            self.send(200, page("retry-after " + key))
            return
        code = self.qint("code", 503)
        s = self.query("s")
        self.send(code, page("Status %d" % code),
                  headers=[("Retry-After", s)] if s is not None else [])

    def r_flaky(self, key):
        if bump(key) > self.qint("n", 1):
            self.send(200, page("flaky " + key))
        else:
            self.send(500, page("500 Internal Server Error"))

    def r_counter(self, key):
        self.send(200, page("counter %s: %d" % (key, bump(key))))

    def r_count(self, key):
        with counts_lock:
            n = counts.get(key, 0)
        self.send(200, b"%d\n" % n, "text/plain; charset=utf-8")

    # --- transfer shapes ------------------------------------------------
    def r_gzip(self, _):
        body = page("gzip", "<p>%s</p>" % (GZIP_SENTENCE * 200))
        if accepts_gzip(self.headers.get("Accept-Encoding")):
            self.send(200, gzip.compress(body, mtime=0),
                      headers=[("Content-Encoding", "gzip"),
                               ("Vary", "Accept-Encoding")])
        else:
            self.send(200, body, headers=[("Vary", "Accept-Encoding")])

    def r_chunked(self, _):
        body = page("chunked", "<p>Sent in five chunks.</p>")
        self.start_chunked()
        step = (len(body) + 4) // 5
        for i in range(0, len(body), step):
            self.chunk(body[i:i + step])
            self.wfile.flush()
            time.sleep(0.02)
        self.chunk(b"")

    def big_size(self):
        try:
            return max(0, int(float(self.query("mb", "1")) * 1048576))
        except (ValueError, OverflowError):	# "x", "nan", "inf"
            return 1048576

    def r_big(self, _):
        total = self.big_size()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        if self.command != "HEAD":
            for block in big_body(total):
                self.wfile.write(block)

    def r_big_chunked(self, _):
        self.start_chunked()
        for block in big_body(self.big_size()):
            if block:
                self.chunk(block)
        self.chunk(b"")

    # --- broken peers ---------------------------------------------------
    def r_stall(self, _):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(b"<html><body>" + b"x" * 988)
        self.wait_client_gone()
        self.close_connection = True

    def r_stall_headers(self, _):
        self.wait_client_gone()
        self.close_connection = True

    def r_conn_reset(self, _):
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        self.wfile.flush()
        time.sleep(0.05)	# let the half header reach the client first
        # Zero linger: close() sends RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.rfile.close()	# the file holds the socket open otherwise
        self.connection.close()
        self.close_connection = True

    def r_slow(self, _):
        ms = self.qint("ms", 1000)
        if self.wait_client_gone(ms / 1000.0):
            self.close_connection = True
            return
        self.send(200, page("slow %d ms" % ms))

    # --- echo and robots.txt ---------------------------------------------
    def r_echo(self, _):
        lines = "".join("%s: %s\n" % (html.escape(k), html.escape(v))
                        for k, v in self.headers.items())
        self.send(200, page("echo", "<pre>\n%s</pre>" % lines))

    def r_robots_txt(self, _):
        addr = self.host()
        if root_dir is not None and "/" not in addr:
            try:
                with open(os.path.join(root_dir, "robots-%s.txt" % addr),
                          "rb") as f:
                    self.send(200, f.read(), "text/plain; charset=utf-8")
                    return
            except FileNotFoundError:
                pass
        r = ROBOTS.get(addr, ROBOTS["default"])
        if isinstance(r, int):
            self.send(r, page("Status %d" % r))
        else:
            self.send(200, r.encode(), "text/plain; charset=utf-8")


def accepts_gzip(ae):
    """Does an Accept-Encoding value allow gzip (RFC 9110 12.5.3)?"""
    if not ae:
        return False
    star = None
    for item in ae.split(","):
        name, *params = [p.strip() for p in item.split(";")]
        q = 1.0
        for p in params:
            if p.lower().startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        name = name.lower()
        if name in ("gzip", "x-gzip"):
            return q > 0
        if name == "*":
            star = q > 0
    return bool(star)


class Server(testserver.Quiet, socketserver.ThreadingMixIn,
             http.server.HTTPServer):
    def server_bind(self):
        # HTTPServer.server_bind would look the name up: slow offline.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def main():
    global log_file, root_dir
    ap, o = testserver.arguments("HTTP server for fetch's tests",
                                 lambda ap: ap.add_argument("--root"))
    root_dir = o.root
    if o.log:
        log_file = open(o.log, "a", encoding="utf-8")
    testserver.serve(Server, Handler, o.port_file, stopping)
    if log_file:
        with log_lock:
            log_file.close()
            log_file = None


if __name__ == "__main__":
    main()

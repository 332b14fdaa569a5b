#!/usr/bin/env python3
"""hostile-server.py: a local HTTP server that misbehaves, for fetch's tests.

    python3 tests/hostile-server.py --port-file FILE [--log FILE]
        [--robots HOST=MODE ...]

Listens on 127.0.0.1, on a port written to FILE once it listens.  The
tests reach it under many names (fetch --resolve), and each name, as
the Host header gives it, is a host of its own.  Each path is a named
way a host can hurt a crawler: hang, trickle, flood, inflate, loop, lie.
It writes raw bytes, so it can send what no well-behaved server library
would.  Every connection is closed after one answer.  /robots.txt
answers as --robots says for the host it was asked for (default 404).

Paths (the first segment names the mode):
  /good/NAME            a small page with an ETag; ?ms=N answers after N ms
  /slowloris            headers one byte every 0.2 s, forever
  /hang                 read the request, never answer
  /endless-chunked      a chunked HTML body that never ends
  /bomb/KIND            compression bombs: gzip, deflate, zstd, gzip2
                        (gzip inside gzip), layers (six encodings)
  /big-header           one header line of 1 MiB
  /header-flood         header lines without end
  /endless-1xx          103 Early Hints (with a header) without end
  /redirects/N          a chain of N redirects, then a page
  /loop/a, /loop/b      two pages redirecting to each other
  /to?loc=L             Location: L, percent-decoded to raw bytes
  /retry?key=K&ra=V&code=C&n=N
                        C (503) with Retry-After: V (raw) for the first
                        N (1) requests of key K, then a page
  /storm/KEY            429 with Retry-After: 1, always
  /status?line=S        the raw status line S (percent-decoded), a page
  /http09               a body without status line or headers
  /bad-headers          an ETag and Last-Modified in bytes that are not
                        UTF-8, a Content-Type that is not a media type
  /unasked-304          304 to a request without conditions
  /count/KEY            how many requests /retry and /storm counted

robots.txt modes: huge (600 KiB; "Disallow: /secret" first, "Disallow:
/late" after the first 500 KiB), binary (random bytes and NULs), hang,
stall (part of the body, then nothing), bomb (a 490 KB wildcard rule),
storm (429), 999 (a status out of range), down (500), loop (redirects
to itself), crawl-delay (a day, nearly), a path to a file (its bytes).  Python 3 standard library only.
"""

import itertools
import json
import os
import random
import select
import socket
import socketserver
import struct
import threading
import time
import urllib.parse
import zlib

import testserver

stopping = threading.Event()
counts = {}
counts_lock = threading.Lock()
log_file = None
log_lock = threading.Lock()
robots_modes = {}
conn_serial = itertools.count(1)

PAGE = (b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        b"<title>%s</title></head>\n<body><h1>%s</h1><p>A page.</p>"
        b"</body></html>\n")
FILLER = b"<p>" + b"all work and no play makes a dull page. " * 25 + b"</p>\n"
MB = 1 << 20


def bump(key):
    with counts_lock:
        counts[key] = counts.get(key, 0) + 1
        return counts[key]


class Gone(Exception):
    """The client went away, or the server stops."""


class Handler(socketserver.BaseRequestHandler):
    def setup(self):
        self.sock = self.request
        self.sock.settimeout(None)

    # --- the wire ---------------------------------------------------------
    def send(self, data):
        if stopping.is_set():
            raise Gone()
        try:
            self.sock.sendall(data)
        except OSError:
            raise Gone()

    def pause(self, seconds):
        """Sleep, but notice the client closing or the server stopping."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            if stopping.is_set():
                raise Gone()
            r, _, _ = select.select([self.sock], [], [], min(left, 0.05))
            if r:
                try:
                    if not self.sock.recv(4096):
                        raise Gone()
                except OSError:
                    raise Gone()

    def hang(self):
        while True:
            self.pause(1)

    def head(self, status, headers=(), length=None):
        out = [status if isinstance(status, bytes) else
               b"HTTP/1.1 " + status.encode()]
        for k, v in headers:
            out.append((k.encode() if isinstance(k, str) else k) + b": " +
                       (v.encode() if isinstance(v, str) else v))
        if length is not None:
            out.append(b"Content-Length: %d" % length)
        out.append(b"Connection: close")
        self.send(b"\r\n".join(out) + b"\r\n\r\n")

    def answer(self, status, body, ctype="text/html; charset=utf-8",
               headers=()):
        h = list(headers)
        if ctype:
            h.insert(0, ("Content-Type", ctype))
        self.head(status, h, len(body))
        if self.method != "HEAD":
            self.send(body)

    def page(self, name, headers=()):
        n = html_escape(name).encode()
        self.answer("200 OK", PAGE % (n, n), headers=headers)

    def redirect(self, loc):
        if isinstance(loc, str):
            loc = loc.encode()
        self.answer("302 Found", PAGE % (b"302", b"302"),
                    headers=[("Location", loc)])

    def chunk(self, data):
        self.send(b"%x\r\n%s\r\n" % (len(data), data))

    # --- the request ------------------------------------------------------
    def read_request(self):
        buf = b""
        while b"\r\n\r\n" not in buf:
            if len(buf) > 65536:
                raise Gone()
            r, _, _ = select.select([self.sock], [], [], 0.1)
            if stopping.is_set():
                raise Gone()
            if not r:
                continue
            try:
                d = self.sock.recv(65536)
            except OSError:
                raise Gone()
            if not d:
                raise Gone()
            buf += d
        lines = buf.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        self.method, self.target, _ = (lines[0].split(" ") + ["", ""])[:3]
        self.headers = {}
        for l in lines[1:]:
            k, _, v = l.partition(":")
            self.headers[k.strip().lower()] = v.strip()

    def log(self, path):
        rec = {"t": time.time(), "host": self.host,
               "path": path, "conn": next(conn_serial),
               "ae": self.headers.get("accept-encoding"),
               "inm": self.headers.get("if-none-match")}
        with log_lock:
            if log_file is not None:
                log_file.write(json.dumps(rec) + "\n")
                log_file.flush()

    def handle(self):
        try:
            self.read_request()
            self.host = testserver.host_name(self.headers.get("host"))
            u = urllib.parse.urlsplit(self.target)
            self.q = urllib.parse.parse_qs(u.query, keep_blank_values=True)
            self.log(self.target)
            first, _, rest = u.path.lstrip("/").partition("/")
            if u.path == "/robots.txt":
                self.robots()
                return
            fn = getattr(self, "m_" + first.replace("-", "_"), None)
            if fn is None:
                self.answer("404 Not Found", PAGE % (b"404", b"404"))
            else:
                fn(rest)
        except Gone:
            pass
        finally:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def arg(self, name, default=None):
        v = self.q.get(name)
        return v[0] if v else default

    def raw_arg(self, name):
        """The query value percent-decoded to raw bytes."""
        u = urllib.parse.urlsplit(self.target)
        for part in u.query.split("&"):
            k, _, v = part.partition("=")
            if k == name:
                return urllib.parse.unquote_to_bytes(v)
        return b""

    # --- modes --------------------------------------------------------------
    def m_good(self, name):
        ms = int(self.arg("ms", "0"))
        if ms:
            self.pause(ms / 1000.0)
        tag = '"g-%s"' % name
        if self.headers.get("if-none-match") == tag:
            self.head("304 Not Modified", [("ETag", tag)])
            return
        self.page(name, headers=[("ETag", tag)])

    def m_slowloris(self, _):
        self.send(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while True:
            self.pause(0.2)
            self.send(b"a")

    def m_hang(self, _):
        self.hang()

    def m_endless_chunked(self, _):
        self.head("200 OK", [("Content-Type", "text/html"),
                             ("Transfer-Encoding", "chunked")])
        self.chunk(b"<!DOCTYPE html><html><body>\n")
        block = FILLER * 40
        while True:
            self.chunk(block)

    def m_bomb(self, kind):
        """Endless compressed streams of HTML, each MiB a few bytes."""
        enc = {"gzip": "gzip", "deflate": "deflate", "zstd": "zstd",
               "gzip2": "gzip, gzip",
               "layers": "gzip, gzip, gzip, gzip, gzip, gzip"}.get(kind)
        if enc is None:
            self.answer("404 Not Found", b"")
            return
        self.head("200 OK", [("Content-Type", "text/html"),
                             ("Content-Encoding", enc)])
        if kind == "zstd":
            self.zstd_bomb()
            return
        layers = {"gzip": [31], "deflate": [15], "gzip2": [31, 31],
                  "layers": [31] * 6}[kind]
        comps = [zlib.compressobj(6, zlib.DEFLATED, w) for w in layers]
        data = b"<!DOCTYPE html><html><body>" + b"<p>" + b"a" * (MB - 32)
        sent = 0
        while sent < 4096 * MB:		# 4 GiB, unless fetch stops first
            out = data
            for c in comps:		# the first encoding is the inner one
                out = c.compress(out)
                if len(comps) > 1:	# else the outer ones wait for more
                    out += c.flush(zlib.Z_SYNC_FLUSH)
            if out:
                self.send(out)
            sent += len(data)
            data = b"a" * MB
        out = b""
        for c in comps:
            out = c.compress(out) + c.flush()
        self.send(out)

    def zstd_bomb(self):
        # A zstd frame by hand (RFC 8878): no content size, a 128 KiB
        # window, then raw 'a' blocks written as RLE blocks: 4 bytes for
        # 128 KiB each.
        self.send(b"\x28\xb5\x2f\xfd" + b"\x00" + b"\x38")
        first = b"<html><body><p>"
        self.send(struct.pack("<I", len(first) << 3)[:3] + first)  # raw
        rle = struct.pack("<I", (131072 << 3) | (1 << 1))[:3] + b"a"
        for _ in range(32768):		# 4 GiB
            self.send(rle * 64)
        self.send(struct.pack("<I", (1 << 3) | (1 << 1) | 1)[:3] + b"a")

    def m_big_header(self, _):
        self.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Big: " +
                  b"b" * MB + b"\r\nContent-Length: 5\r\n\r\nhello")

    def m_header_flood(self, _):
        self.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        line = b"X-Flood: " + b"f" * 100 + b"\r\n"
        for _ in range(4 * MB):
            self.send(line * 100)

    def m_endless_1xx(self, _):
        hint = b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
        for _ in range(4 * MB):
            self.send(hint * 100)

    def m_redirects(self, n):
        n = int(n) if n.isdigit() else 0
        if n == 0:
            self.page("redirected")
        else:
            self.redirect("/redirects/%d" % (n - 1))

    def m_loop(self, which):
        self.redirect("/loop/b" if which == "a" else "/loop/a")

    def m_to(self, _):
        self.redirect(self.raw_arg("loc"))

    def m_retry(self, _):
        key = self.arg("key", "k")
        if bump(key) > int(self.arg("n", "1")):
            self.page("retry " + key)
            return
        code = self.arg("code", "503")
        self.answer(code + " Try Later", PAGE % (b"later", b"later"),
                    headers=[("Retry-After", self.raw_arg("ra"))])

    def m_storm(self, key):
        bump(key)
        self.answer("429 Too Many Requests", PAGE % (b"429", b"429"),
                    headers=[("Retry-After", "1")])

    def m_count(self, key):
        with counts_lock:
            n = counts.get(key, 0)
        self.answer("200 OK", b"%d\n" % n, "text/plain")

    def m_status(self, _):
        body = PAGE % (b"status", b"status")
        self.send(self.raw_arg("line") + b"\r\nContent-Type: text/html\r\n"
                  b"Content-Length: %d\r\nConnection: close\r\n\r\n"
                  % len(body) + body)

    def m_http09(self, _):
        self.send(PAGE % (b"0.9", b"0.9"))

    def m_bad_headers(self, _):
        self.answer("200 OK", PAGE % (b"bad", b"bad"), ctype=None,
                    headers=[("Content-Type", b"garbage\xff"),
                             ("ETag", b'"\xff\xfe\xc3"'),
                             ("Last-Modified", b"\x80\x81 yesterday")])

    def m_unasked_304(self, _):
        self.head("304 Not Modified", [("ETag", '"u"')])

    # --- robots.txt ---------------------------------------------------------
    def robots(self):
        mode = robots_modes.get(self.host, "404")
        text = "text/plain"
        if mode == "404":
            self.answer("404 Not Found", b"no robots\n", text)
        elif mode == "down":
            self.answer("500 Internal Server Error", b"down\n", text)
        elif mode == "storm":
            self.answer("429 Too Many Requests", b"later\n", text,
                        headers=[("Retry-After", "1")])
        elif mode == "loop":
            self.answer("302 Found", b"", text,
                        headers=[("Location", "/robots.txt")])
        elif mode == "crawl-delay":
            self.answer("200 OK", b"User-agent: *\nCrawl-delay: 86000\n",
                        text)
        elif mode == "999":
            self.send(b"HTTP/1.1 999 Odd\r\nContent-Length: 0\r\n\r\n")
        elif mode == "huge":
            head = b"User-agent: *\nDisallow: /secret\n"
            pad = b"# " + b"p" * 78 + b"\n"
            body = head + pad * ((600 << 10) // len(pad))
            cut = 500 << 10
            body = body[:cut + 100] + b"\nDisallow: /late\n" + body[cut + 100:]
            self.answer("200 OK", body, text)
        elif mode == "binary":
            rnd = random.Random(13)
            body = bytes(rnd.randrange(256) for _ in range(64 << 10))
            self.answer("200 OK", b"\x00" + body, "application/octet-stream")
        elif mode == "hang":
            self.hang()
        elif mode == "stall":
            self.head("200 OK", [("Content-Type", text)], 100000)
            self.send(b"User-agent: *\nDisallow: /x\n")
            self.hang()
        elif mode == "bomb":
            body = (b"User-agent: *\nDisallow: /*" + b"a" * (490 * 1000) +
                    b"b\n")
            self.answer("200 OK", body, text)
        elif os.path.isfile(mode):
            with open(mode, "rb") as f:
                self.answer("200 OK", f.read(), text)
        else:
            self.answer("500 Internal Server Error", b"bad mode\n", text)


def html_escape(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;"))


class Server(testserver.Quiet, socketserver.ThreadingMixIn,
             socketserver.TCPServer):
    allow_reuse_address = True


def main():
    global log_file

    def more(ap):
        ap.add_argument("--robots", action="append", default=[],
                        metavar="HOST=MODE")
    ap, o = testserver.arguments("a misbehaving HTTP server", more)
    for r in o.robots:
        h, _, m = r.partition("=")
        robots_modes[h.lower()] = m
    if o.log:
        log_file = open(o.log, "a", encoding="utf-8")
    testserver.serve(Server, Handler, o.port_file, stopping)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""server.py: serve the sample news site of tests/site over HTTP/1.1.

    python3 tests/site/server.py --port-file FILE [--log FILE] [--port N]
        [--overlay DIR [--overlay-later]] [--root DIR]

It listens on 127.0.0.1 only, on one port (free, or --port N) written
to FILE once it listens.  Each outlet is a host name of its own, told by
the request's Host header: দৈনিক নমুনা (tests/site/dainik/) is
dainik.test, The Delta Courier (tests/site/courier/) courier.test; so
each has its own /robots.txt, as real hosts do.  A client reaches them
with its resolver pointed at 127.0.0.1 (fetch --resolve, curl
--resolve).  Any other Host gets 404.

The files say http://dainik.test and http://courier.test for the
outlets' origins; they are served with http://dainik.test:PORT and
http://courier.test:PORT in their place.  A path is served from, in turn,
the file of that name, NAME/index.html, NAME.html; /X.gz from _gz/X,
gzip-compressed (served as application/gzip, not as Content-Encoding).
Names starting with _ are not served.  _redirects (lines "OLD NEW") gives
the paths answered with 301.  Anything else is 404.

Content types: .html as text/html; charset=utf-8, except a page whose
<meta> declares another encoding, sent as text/html alone (its old CMS's
server says nothing of it); .xml as application/rss+xml, application/
atom+xml or application/xml by its root element; .txt text/plain; .gz
application/gzip.  Every 200 has an ETag (of the bytes sent) and a
Last-Modified (17 Aug 2024 08:00 GMT, or 18 Aug 04:00 GMT for a file of
the overlay); If-None-Match, else If-Modified-Since, gives 304.

--overlay DIR serves DIR/OUTLET/ over the outlet's files (tests/site/
update/ is the site's second state).  With --overlay-later it starts off:
SIGUSR1 turns it on, SIGUSR2 off again, each noted in the log.  --log
FILE appends a JSON line a request.  SIGTERM or SIGINT stops the server
(exit 0).  Python 3 standard library only.
"""

import argparse
import datetime
import email.utils
import gzip
import hashlib
import http.server
import json
import os
import re
import signal
import socketserver
import sys
import threading
import urllib.parse

OUTLETS = {"dainik": "dainik.test", "courier": "courier.test"}
BASE_TIME = "Sat, 17 Aug 2024 08:00:00 GMT"
OVERLAY_TIME = "Sun, 18 Aug 2024 04:00:00 GMT"

root_dir = os.path.dirname(os.path.abspath(__file__))
overlay_dir = None
overlay_on = threading.Event()
port = 0
log_file = None
log_lock = threading.Lock()
stopping = threading.Event()


def log(entry):
    if log_file is None:
        return
    entry["time"] = datetime.datetime.now(datetime.timezone.utc).isoformat(
        timespec="milliseconds")
    with log_lock:
        log_file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        log_file.flush()


def origin(outlet):
    return "http://%s:%d" % (OUTLETS[outlet], port)


def substitute(body):
    for name in OUTLETS:
        body = body.replace(b"http://%s" % OUTLETS[name].encode(),
                            origin(name).encode())
    return body


def layers(outlet):
    """The folders a path of the outlet is looked up in, first first, each
    with the Last-Modified of its files."""
    out = []
    if overlay_dir and overlay_on.is_set():
        out.append((os.path.join(overlay_dir, outlet), OVERLAY_TIME))
    out.append((os.path.join(root_dir, outlet), BASE_TIME))
    return out


def redirects(outlet):
    """_redirects of every layer, the overlay's first."""
    out = {}
    for d, _ in reversed(layers(outlet)):
        try:
            with open(os.path.join(d, "_redirects"), encoding="utf-8") as f:
                for line in f:
                    w = line.split()
                    if len(w) == 2 and not line.startswith("#"):
                        out[w[0]] = w[1]
        except OSError:
            pass
    return out


def find(outlet, path):
    """(file, gzip it, Last-Modified) for a decoded path, or None."""
    segs = [s for s in path.split("/") if s]
    if any(s.startswith("_") or s in (".", "..") for s in segs):
        return None
    rel = "/".join(segs)
    cands = []
    if path.endswith(".gz"):
        cands.append((os.path.join("_gz", rel[:-3]), True))
    if path.endswith("/") or not rel:
        cands.append((os.path.join(rel, "index.html"), False))
    else:
        cands += [(rel, False), (os.path.join(rel, "index.html"), False),
                  (rel + ".html", False)]
    for d, lm in layers(outlet):
        for c, gz in cands:
            f = os.path.join(d, c)
            if os.path.isfile(f):
                return f, gz, lm
    return None


META_CHARSET = re.compile(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_-]+)', re.I)


def content_type(name, body, gz):
    if gz:
        return "application/gzip"
    ext = os.path.splitext(name)[1].lower()
    if ext == ".html":
        m = META_CHARSET.search(body[:2048])
        cs = m.group(1).decode("ascii").lower() if m else "utf-8"
        return "text/html; charset=utf-8" if cs in ("utf-8", "utf8") \
            else "text/html"
    if ext == ".xml":
        head = body[:512]
        if b"<rss" in head:
            return "application/rss+xml; charset=utf-8"
        if b"<feed" in head:
            return "application/atom+xml; charset=utf-8"
        return "application/xml; charset=utf-8"
    return {".txt": "text/plain; charset=utf-8", ".css": "text/css",
            ".svg": "image/svg+xml", ".gif": "image/gif"}.get(
                ext, "application/octet-stream")


def not_modified(headers, etag, last_modified):
    inm = headers.get("If-None-Match")
    if inm is not None:
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or etag in [t[2:] if t.startswith("W/") else t
                                       for t in tags]
    ims = headers.get("If-Modified-Since")
    if ims:
        try:
            t = email.utils.parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if t.tzinfo is None:
            t = t.replace(tzinfo=datetime.timezone.utc)
        return email.utils.parsedate_to_datetime(last_modified) <= t
    return False


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "khobor-site/1"

    def log_message(self, fmt, *args):
        pass

    def outlet(self):
        """The outlet the Host header names, or None."""
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        for name, h in OUTLETS.items():
            if host == h:
                return name
        return None

    def reply(self, status, body=b"", ctype=None, headers=(), entry=None):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.wfile.write(body)
        entry = dict(entry or {})
        entry.update(status=status, bytes=len(body))
        log(entry)

    def page(self, status, title):
        body = ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
                '%s</title></head><body><h1>%s</h1></body></html>\n'
                % (title, title)).encode()
        return status, body, "text/html; charset=utf-8"

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        outlet = self.outlet()
        entry = {"outlet": outlet,
                 "host": self.headers.get("Host"), "method": self.command,
                 "path": self.path,
                 "if_none_match": self.headers.get("If-None-Match"),
                 "if_modified_since": self.headers.get("If-Modified-Since"),
                 "user_agent": self.headers.get("User-Agent")}
        try:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path,
                                        errors="strict")
        except UnicodeDecodeError:
            self.reply(*self.page(400, "400 Bad Request"), entry=entry)
            return
        if outlet is None:
            self.reply(*self.page(404, "404 Not Found: no such site"),
                       entry=entry)
            return
        target = redirects(outlet).get(path)
        if target:
            s, body, ct = self.page(301, "301 Moved Permanently")
            self.reply(s, body, ct, [("Location", origin(outlet) + target)],
                       entry)
            return
        found = find(outlet, path)
        if not found:
            self.reply(*self.page(404, "404 Not Found"), entry=entry)
            return
        name, gz, lm = found
        with open(name, "rb") as f:
            body = f.read()
        body = substitute(body)
        if gz:
            body = gzip.compress(body, mtime=0)
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:20]
        hdrs = [("ETag", etag), ("Last-Modified", lm)]
        if not_modified(self.headers, etag, lm):
            self.reply(304, b"", None, hdrs, entry)
            return
        self.reply(200, body, content_type(name, body, gz), hdrs, entry)

    def do_POST(self):
        self.close_connection = True
        self.reply(*self.page(405, "405 Method Not Allowed"),
                   headers=[("Allow", "GET, HEAD"), ("Connection", "close")],
                   entry={"method": "POST", "path": self.path})


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def listen(want):
    """Listen on 127.0.0.1, on port want or a free one."""
    try:
        s = Server(("127.0.0.1", want), Handler)
    except OSError as e:
        sys.exit("server.py: %s" % e)
    return [s], s.server_address[1]


def main():
    global root_dir, overlay_dir, port, log_file
    ap = argparse.ArgumentParser(description="the sample news site")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--log")
    ap.add_argument("--overlay")
    ap.add_argument("--overlay-later", action="store_true")
    ap.add_argument("--root")
    o = ap.parse_args()
    if o.root:
        root_dir = os.path.abspath(o.root)
    if o.overlay:
        overlay_dir = os.path.abspath(o.overlay)
        if not os.path.isdir(overlay_dir):
            ap.error("%s: no such folder" % o.overlay)
        if not o.overlay_later:
            overlay_on.set()
    elif o.overlay_later:
        ap.error("--overlay-later needs --overlay")
    if o.log:
        log_file = open(o.log, "a", encoding="utf-8")

    def overlay(on):
        def handler(signum, frame):
            if on:
                overlay_on.set()
            else:
                overlay_on.clear()
            log({"event": "overlay", "on": on})
        return handler

    signal.signal(signal.SIGUSR1, overlay(True))
    signal.signal(signal.SIGUSR2, overlay(False))
    signal.signal(signal.SIGTERM, lambda s, f: stopping.set())
    signal.signal(signal.SIGINT, lambda s, f: stopping.set())
    servers, port = listen(o.port)
    for s in servers:
        threading.Thread(target=s.serve_forever, args=(0.1,),
                         daemon=True).start()
    tmp = o.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, o.port_file)
    log({"event": "listening", "port": port, "outlets": OUTLETS,
         "overlay": overlay_dir if overlay_on.is_set() else None})
    stopping.wait()	# a signal interrupts it: its handler runs at once
    for s in servers:
        s.shutdown()
        s.server_close()
    log({"event": "stopped"})
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""warc-cases.py DIR: hand-made WARC files for unwarc's tests.

Each case is DIR/NAME.warc or DIR/NAME.warc.gz and DIR/NAME.want, a
JSON object: "exit" (unwarc's exit status), "records" (for each record
unwarc is to write, in order, the fields it must have, with those
values; "html~" a text the html must hold), "err" (regular expressions
stderr must match, in order, one a line) and "summary" (the end of the
summary line).  Written by hand, not by a WARC library: the point is
the damage and the odd forms a library would not write.
"""
import gzip
import json
import os
import sys
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
BR = os.environ.get("BROTLI_CMD")	# a brotli command, when there is one


def warc(type_, uri, block, ct=None, date="2024-08-17T05:46:03Z",
         extra=(), eol=b"\r\n", length=None):
    h = [b"WARC/1.1", b"WARC-Type: " + type_.encode(),
         b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>" %
         len(block)]
    if uri is not None:
        h.append(b"WARC-Target-URI: " + uri.encode())
    if date is not None:
        h.append(b"WARC-Date: " + date.encode())
    if ct is not None:
        h.append(b"Content-Type: " + ct.encode())
    h += [e.encode() for e in extra]
    if length is not False:
        h.append(b"Content-Length: %d" %
                 (len(block) if length is None else length))
    return eol.join(h) + eol + eol + block + b"\r\n\r\n"


def http(status, headers, body, eol=b"\r\n"):
    reason = {200: b"OK", 304: b"Not Modified", 404: b"Not Found",
              301: b"Moved Permanently", 100: b"Continue"}.get(status, b"X")
    h = [b"HTTP/1.1 %d %s" % (status, reason)]
    h += [x.encode() for x in headers]
    return eol.join(h) + eol + eol + body


def resp(uri, status, headers, body, **kw):
    return warc("response", uri, http(status, headers, body,
                kw.pop("heol", b"\r\n")), "application/http; msgtype=response",
                **kw)


def chunked(body, sizes, eol=b"\r\n", ext=b""):
    out, i = b"", 0
    for n in sizes:
        out += b"%x" % n + ext + eol + body[i:i + n] + eol
        i += n
    if i < len(body):
        out += b"%x" % (len(body) - i) + eol + body[i:] + eol
    return out + b"0" + eol + eol


def gz(b):
    return gzip.compress(b, mtime=0)


def offsets(parts):
    """Where each part starts in the file they make."""
    offs, o = [], 0
    for m in parts:
        offs.append(o)
        o += len(m)
    return offs


def write(name, members, want, compress=True):
    path = os.path.join(out, name + (".warc.gz" if compress else ".warc"))
    with open(path, "wb") as f:
        for m in members:
            f.write(gz(m) if compress and isinstance(m, bytes) else
                    m if isinstance(m, bytes) else m[0])
    with open(os.path.join(out, name + ".want"), "w") as f:
        json.dump(want, f, ensure_ascii=False)


U = "https://dainik.example/"
page = "<html><head><title>খবর</title></head><body><p>আজকের খবর</p></body></html>".encode()
info = warc("warcinfo", None, b"software: warc-cases.py\r\n",
            "application/warc-fields")
req = warc("request", U + "a", b"GET /a HTTP/1.1\r\nHost: dainik.example\r\n\r\n",
           "application/http; msgtype=request")

# Chunked, with an extension and uneven chunks; gzip content coding.
write("chunked", [info, req, resp(U + "a", 200, [
    "Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked",
    'ETag: "e1"', "Last-Modified: Sat, 17 Aug 2024 05:46:00 GMT"],
    chunked(page, [1, 7, 30], ext=b";name=v")),
    resp(U + "gz", 200, ["Content-Type: text/html", "Content-Encoding: gzip"],
         gz(page)),
    resp(U + "gzchunk", 200, ["Content-Type: text/html", "Content-Encoding: gzip",
                              "Transfer-Encoding: chunked"], chunked(gz(page), [10, 3])),
    resp(U + "deflate", 200, ["Content-Type: text/html", "Content-Encoding: deflate"],
         zlib.compress(page)),
    resp(U + "rawdeflate", 200, ["Content-Type: text/html", "Content-Encoding: deflate"],
         zlib.compress(page)[2:-4])],
    {"exit": 0, "records": [
        {"url": U + "a", "final_url": U + "a", "status": 200,
         "fetched_at": "2024-08-17T05:46:03Z", "html": page.decode(),
         "charset": "UTF-8", "etag": '"e1"', "truncated": False,
         "last_modified": "Sat, 17 Aug 2024 05:46:00 GMT"},
        {"url": U + "gz", "html": page.decode()},
        {"url": U + "gzchunk", "html": page.decode()},
        {"url": U + "deflate", "html": page.decode()},
        {"url": U + "rawdeflate", "html": page.decode()}],
     "summary": "7 records: 5 html, 2 skipped (request 1, warcinfo 1), 0 errors"})

# Bare LF everywhere (WARC header, HTTP header, chunks), no HTTP
# Content-Length, fractions of a second, a folded header line, and a
# 100 Continue before the answer.
lf = b"\n"
write("bare-lf", [
    resp(U + "lf", 200, ["Content-Type: text/html"], page, eol=lf, heol=lf,
         date="2024-08-17T05:46:03.250Z"),
    resp(U + "lfchunk", 200, ["Content-Type:", " text/html",
                              "Transfer-Encoding: chunked"],
         chunked(page, [5], eol=lf), eol=lf, heol=lf),
    warc("response", U + "continue", http(100, [], b"") +
         http(200, ["Content-Type: text/html"], page),
         "application/http;msgtype=response")],
    {"exit": 0, "records": [
        {"url": U + "lf", "html": page.decode(),
         "fetched_at": "2024-08-17T05:46:03.250Z"},
        {"url": U + "lfchunk", "html": page.decode(),
         "content_type": "text/html"},
        {"url": U + "continue", "status": 200, "html": page.decode()}],
     "summary": "3 records: 3 html, 0 skipped, 0 errors"}, compress=False)

# Other media types, redirects and failures; a revisit; a resource.
png = b"\x89PNG\r\n\x1a\n" + b"\0" * 40
write("kinds", [
    resp(U + "img.png", 200, ["Content-Type: image/png"], png),
    resp(U + "noct", 200, [], png),
    resp(U + "moved", 301, ["Location: /a"], b""),
    resp(U + "gone", 404, ["Content-Type: text/html"], b"<p>no</p>"),
    warc("revisit", U + "a", http(304, ['ETag: "e1"'], b""),
         "application/http; msgtype=response", extra=[
             "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/server-not-modified",
             "WARC-Refers-To-Target-URI: " + U + "a"]),
    warc("revisit", U + "same", http(200, ["Content-Type: text/html"], b""),
         "application/http; msgtype=response", extra=[
             "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"]),
    warc("resource", U + "file.html", page, "text/html"),
    warc("metadata", U + "a", b"x: y\r\n", "application/warc-fields")],
    {"exit": 0, "records": [
        {"url": U + "gone", "status": 404, "error": "HTTP 404", "html": None},
        {"url": U + "a", "status": 304, "etag": '"e1"', "html": None,
         "error": None},
        {"url": U + "same", "status": 304, "html": None},
        {"url": U + "file.html", "status": None, "html": page.decode(),
         "content_type": "text/html"}],
     "summary": "8 records: 4 html, 4 skipped (not-html 2, metadata 1, redirect 1), 0 errors"})

# Legacy encodings: windows-1252 by the header, by <meta>, and by
# nothing (ICU's detector or windows-1252); KOI8-R.
w1252 = "<html><head><title>Café — naïve</title></head><body>€ “quoted”</body></html>"
meta = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Café</title></head></html>'
koi = '<html><head><meta charset="koi8-r"><title>Новости</title></head></html>'
write("legacy", [
    resp(U + "cp1252", 200, ["Content-Type: text/html; charset=windows-1252"],
         w1252.encode("cp1252")),
    resp(U + "meta", 200, ["Content-Type: text/html"], meta.encode("cp1252")),
    resp(U + "koi8", 200, ["Content-Type: text/html"], koi.encode("koi8_r")),
    resp(U + "latin1", 200, ["Content-Type: text/html; charset=ISO-8859-1"],
         "<p>\x80 café</p>".encode("latin-1"))],
    {"exit": 0, "records": [
        {"url": U + "cp1252", "charset": "windows-1252", "html": w1252},
        {"url": U + "meta", "charset": "windows-1252", "html": meta},
        {"url": U + "koi8", "charset": "KOI8-R", "html": koi},
        # iso-8859-1 is windows-1252 in the Encoding Standard: 0x80 is €
        {"url": U + "latin1", "charset": "windows-1252", "html": "<p>€ café</p>"}],
     "summary": "4 records: 4 html, 0 skipped, 0 errors"})

# Damage: junk between members, a damaged member, a record whose member
# ends before its block, a record with no Content-Length, and a last
# member cut short.  Each is said with its offset and passed over; the
# good records around them come through.
good = [resp(U + "g%d" % i, 200, ["Content-Type: text/html"], page)
        for i in range(5)]
members = [gz(good[0]), b"JUNK BETWEEN MEMBERS\n" * 3, gz(good[1])]
bad = bytearray(gz(good[2]))
bad[30:40] = b"\xff" * 10
members += [bytes(bad), gz(good[3])]
members.append(gz(resp(U + "short", 200, ["Content-Type: text/html"], page,
                       length=len(page) + 500)))
members.append(gz(resp(U + "nolength", 200, ["Content-Type: text/html"], page,
                       length=False)))
members.append(gz(good[4]))
last = gz(resp(U + "cut", 200, ["Content-Type: text/html"], page))
members.append(last[:len(last) // 2])
offs = offsets(members)
with open(os.path.join(out, "damaged.warc.gz"), "wb") as f:
    f.write(b"".join(members))
with open(os.path.join(out, "damaged.want"), "w") as f:
    json.dump({"exit": 1, "records": [
        {"url": U + "g0", "warc_offset": offs[0], "html": page.decode()},
        {"url": U + "g1", "warc_offset": offs[2]},
        {"url": U + "g3", "warc_offset": offs[4]},
        {"url": U + "g4", "warc_offset": offs[7]}],
        "err": [r"damaged\.warc\.gz:%d: %d bytes that are no gzip member; skipped$" % (offs[1], len(members[1])),
                r"damaged\.warc\.gz:%d: damaged gzip member; skipped to the next gzip member$" % offs[3],
                r"damaged\.warc\.gz:%d: record cut short \(a gzip member ends inside it\); skipped$" % offs[5],
                r"damaged\.warc\.gz:%d: no Content-Length; skipped$" % offs[6],
                r"damaged\.warc\.gz:%d: gzip member cut short \(the file ends\); skipped to the next gzip member$" % offs[8]],
        "summary": "4 records: 4 html, 0 skipped, 5 errors"}, f)

# A plain file with junk between records, and a last record cut short.
plain = [good[0], b"garbage line\r\nmore garbage\r\n", good[1], good[2][:60]]
offs = offsets(plain)
with open(os.path.join(out, "plain-damaged.warc"), "wb") as f:
    f.write(b"".join(plain))
with open(os.path.join(out, "plain-damaged.want"), "w") as f:
    json.dump({"exit": 1, "records": [
        {"url": U + "g0", "warc_offset": 0},
        {"url": U + "g1", "warc_offset": offs[2]}],
        "err": [r":%d: not a WARC record; skipped to the next one$" % offs[1],
                r":%d: record cut short \(the file ends\)$" % offs[3]],
        "summary": "2 records: 2 html, 0 skipped, 2 errors"}, f)

# One gzip stream for the whole file (as gzip file.warc makes): every
# record's offset is that stream's.  Truncation: --max-size, a chunked
# body without its last chunk, WARC-Truncated.
whole = [resp(U + "w1", 200, ["Content-Type: text/html"], page),
         resp(U + "w2", 200, ["Content-Type: text/html",
                              "Transfer-Encoding: chunked"],
              chunked(page, [10])[:-7]),
         resp(U + "w3", 200, ["Content-Type: text/html"], page,
              extra=["WARC-Truncated: length"])]
with open(os.path.join(out, "whole.warc.gz"), "wb") as f:
    f.write(gz(b"".join(whole)))
with open(os.path.join(out, "whole.want"), "w") as f:
    json.dump({"exit": 0, "records": [
        {"url": U + "w1", "warc_offset": 0, "truncated": False},
        {"url": U + "w2", "warc_offset": 0, "truncated": True},
        {"url": U + "w3", "warc_offset": 0, "truncated": True}],
        "summary": "3 records: 3 html, 0 skipped, 0 errors"}, f)

# Bodies that cannot be read: an error, as fetch gives one.
write("undecodable", [
    resp(U + "badgz", 200, ["Content-Type: text/html", "Content-Encoding: gzip"],
         b"this is no gzip data at all"),
    resp(U + "zstd", 200, ["Content-Type: text/html", "Content-Encoding: compress"],
         b"xx"),
    resp(U + "badchunk", 200, ["Content-Type: text/html",
                               "Transfer-Encoding: chunked"], b"zz\r\nabc\r\n")],
    {"exit": 0, "records": [
        {"url": U + "badgz", "error": "damaged gzip data", "html": None},
        {"url": U + "zstd", "error": "content encoding not supported"},
        {"url": U + "badchunk", "error": "bad chunked encoding"}],
     "summary": "3 records: 3 html, 0 skipped, 0 errors"})

if BR:
    import subprocess
    brpage = subprocess.run([BR, "-c"], input=page, capture_output=True,
                            check=True).stdout
    write("brotli", [resp(U + "br", 200, ["Content-Type: text/html",
                                           "Content-Encoding: br"], brpage)],
          {"exit": 0, "records": [{"url": U + "br", "html": page.decode()}],
           "summary": "1 record: 1 html, 0 skipped, 0 errors"})

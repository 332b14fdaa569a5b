#!/bin/sh
# fetch --warc against the local test server: the exchanges as sent
# (gzip and chunked bodies kept so), request and response records with
# digests, one gzip member each, read back by warcio.js; revisit records
# for 304s; each record's warc_file and warc_offset lead to its
# response; a folder of files rotating at a size; and the round trip:
# unwarc of fetch's WARC gives the records fetch wrote.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 9

if [ ! -x "$bin/fetch" ] || [ ! -x "$bin/unwarc" ]; then
	for i in $(seq 9); do
		skip "fetch --warc test $i" "no $bin/fetch or $bin/unwarc (make check builds them)"
	done
	done_testing
fi

serve fetch-server.py
u=http://127.0.0.1:$port
F="fetch --delay 0 --ignore-robots -k"
paths="bn cp1252 legacy gzip chunked big-chunked?mb=0.5 png page/one status/404 redirect/1"
for p in $paths; do
	echo "$u/$p"
done >"$tmp/urls"
# gzip is asked for (fetch sends Accept-Encoding), so /gzip comes so
(cd "$tmp" && $F --warc pages.warc.gz <"$tmp/urls" >"$tmp/pages.out" 2>"$tmp/pages.err")
echo $? >"$tmp/pages.st"

t_run() {
	cat "$tmp/pages.err"
	test "$(cat "$tmp/pages.st")" -eq 0 && validate "$tmp/pages.out" &&
	expect "$tmp/pages.out" 'len(recs) == 10' \
	    'all(x["warc_file"] == "pages.warc.gz" for x in recs)' \
	    'by["/bn"]["html"].count("ঢাকা") > 0' \
	    'by["/png"]["error"] == "not HTML: image/png"' \
	    'by["/gzip"]["html"].count("quick brown fox") == 200' \
	    'len(by["/big-chunked"]["html"]) == 524288'
}
check "fetch --warc writes its records as before, with warc_file and warc_offset" t_run

# Types, pairs and headers of what was written (Python, by hand).
t_records() {
	python3 - "$tmp/pages.warc.gz" <<'PY'
import base64, hashlib, sys, zlib
data = open(sys.argv[1], "rb").read()
recs, off = [], 0
while off < len(data):
    z = zlib.decompressobj(31)
    rec = z.decompress(data[off:])
    assert z.eof, "a cut member at %d" % off
    head, _, rest = rec.partition(b"\r\n\r\n")
    h = dict(l.split(b": ", 1) for l in head.split(b"\r\n")[1:])
    block = rest[:int(h[b"Content-Length"])]
    assert rest[len(block):] == b"\r\n\r\n"
    d = b"sha1:" + base64.b32encode(hashlib.sha1(block).digest())
    assert h[b"WARC-Block-Digest"] == d, "block digest at %d" % off
    recs.append((off, h, block))
    off = len(data) - len(z.unused_data)
types = [h[b"WARC-Type"] for _, h, _ in recs]
print(types.count(b"response"), "responses,", types.count(b"request"), "requests")
assert types[0] == b"warcinfo" and types.count(b"response") == 12 and \
    types.count(b"request") == 12, types
ids = {h[b"WARC-Record-ID"]: h for _, h, _ in recs}
for _, h, block in recs:
    if h[b"WARC-Type"] == b"response":
        req = ids[h[b"WARC-Concurrent-To"]]
        assert req[b"WARC-Type"] == b"request" and \
            req[b"WARC-Concurrent-To"] == h[b"WARC-Record-ID"]
        assert h[b"WARC-IP-Address"] == b"127.0.0.1"
        assert block.startswith(b"HTTP/1.1 ")
        uri = h[b"WARC-Target-URI"]
        body = block.partition(b"\r\n\r\n")[2]
        # as sent: the gzip body compressed, the chunked one in chunks
        if uri.endswith(b"/gzip"):
            assert b"\r\nContent-Encoding: gzip\r\n" in block and body[:2] == b"\x1f\x8b"
        if uri.endswith(b"/chunked"):
            assert b"\r\nTransfer-Encoding: chunked\r\n" in block and body.endswith(b"\r\n0\r\n\r\n")
        d = b"sha1:" + base64.b32encode(hashlib.sha1(body).digest())
        assert h[b"WARC-Payload-Digest"] == d
    if h[b"WARC-Type"] == b"request":
        assert block.startswith(b"GET /") and b"\r\nUser-Agent: khobor/" in block
PY
}
check "request/response pairs, IP address, digests, bodies as sent (Python)" t_records

if command -v node >/dev/null 2>&1 && [ -d "$here/node_modules/warcio" ]; then
	check "warcio.js reads fetch's WARC: lengths, digests, one member a record" \
	    node "$here/warc-check.mjs" "$tmp/pages.warc.gz"
else
	skip "warcio.js reads fetch's WARC" "no warcio (npm install --prefix tests --no-save warcio)"
fi

# warc_offset: the member there inflates alone to the record's response.
t_offsets() {
	python3 - "$tmp/pages.out" "$tmp" <<'PY'
import json, os, sys, zlib
for r in map(json.loads, open(sys.argv[1])):
    data = open(os.path.join(sys.argv[2], r["warc_file"]), "rb")
    data.seek(r["warc_offset"])
    z = zlib.decompressobj(31)
    rec = z.decompress(data.read())
    assert z.eof
    head = rec.partition(b"\r\n\r\n")[0].decode()
    assert "\r\nWARC-Type: response\r\n" in head, head
    assert "\r\nWARC-Target-URI: %s\r\n" % r["final_url"] in head, (r["url"], head)
print("offsets lead to their responses")
PY
}
check "warc_offset: the gzip member of the record's response" t_offsets

# The round trip: unwarc gives what fetch gave, but for what unwarc
# skips (not HTML) and the URL asked for before a redirect.
t_round() {
	(cd "$tmp" && unwarc pages.warc.gz) >"$tmp/round.out" 2>"$tmp/round.err"
	st=$?
	cat "$tmp/round.err"
	test $st -eq 0 && validate "$tmp/round.out" &&
	python3 - "$tmp/pages.out" "$tmp/round.out" <<'PY'
import json, sys
f = [json.loads(l) for l in open(sys.argv[1])]
w = [json.loads(l) for l in open(sys.argv[2])]
f = [r for r in f if not r.get("error", "").startswith("not HTML")]
for r in f:
    r["url"] = r["final_url"]
assert len(f) == len(w), (len(f), len(w))
# fetch -k writes in input order, the WARC file has finishing order
f.sort(key=lambda r: r["url"])
w.sort(key=lambda r: r["url"])
for a, b in zip(f, w):
    assert a == b, {k: (str(a.get(k))[:60], str(b.get(k))[:60]) for k in set(a) | set(b) if a.get(k) != b.get(k)}
print(len(w), "records the same")
PY
}
check "round trip: unwarc of fetch's WARC gives fetch's records" t_round

# 304: a revisit record, and unwarc gives fetch's record of it.
t_revisit() {
	st=$tmp/state.jsonl
	echo "$u/page/rv" | $F --state "$st" >/dev/null 2>&1 &&
	echo "$u/page/rv" | $F --state "$st" --warc "$tmp/rv.warc.gz" \
	    >"$tmp/rv.out" 2>"$tmp/rv.err" || return 1
	cat "$tmp/rv.err"
	expect "$tmp/rv.out" 'r["status"] == 304' 'r["warc_offset"] > 0' &&
	zcat "$tmp/rv.warc.gz" | tr -d '\r' >"$tmp/rv.txt" &&
	grep -q '^WARC-Type: revisit$' "$tmp/rv.txt" &&
	grep -q '^WARC-Profile: http://netpreserve.org/warc/1.1/revisit/server-not-modified$' "$tmp/rv.txt" &&
	grep -q '^WARC-Refers-To-Date: ' "$tmp/rv.txt" &&
	unwarc "$tmp/rv.warc.gz" 2>/dev/null >"$tmp/rv.round" &&
	python3 -c '
import json, sys
a, b = (json.loads(open(f).read()) for f in sys.argv[1:])
assert a == b, (a, b)' "$tmp/rv.out" "$tmp/rv.round"
}
check "304: a revisit record; unwarc gives fetch's record of it" t_revisit

if command -v node >/dev/null 2>&1 && [ -d "$here/node_modules/warcio" ]; then
	check "warcio.js reads the revisit" node "$here/warc-check.mjs" "$tmp/rv.warc.gz"
else
	skip "warcio.js reads the revisit" "no warcio"
fi

# A folder: files of about --warc-max-size, each with its warcinfo.
t_rotate() {
	$F --warc "$tmp/arch/" --warc-max-size 2k <"$tmp/urls" >"$tmp/rot.out" 2>/dev/null
	n=$(ls "$tmp/arch" | wc -l)
	echo "$n files"
	test "$n" -ge 4 || return 1
	for f in "$tmp"/arch/*.warc.gz; do
		zcat "$f" | head -2 | tr -d '\r' | grep -q '^WARC-Type: warcinfo$' || return 1
	done
	python3 - "$tmp/rot.out" <<'PY'
import json, sys, zlib
files = set()
for r in map(json.loads, open(sys.argv[1])):
    f = open(r["warc_file"], "rb")
    f.seek(r["warc_offset"])
    rec = zlib.decompressobj(31).decompress(f.read())
    assert ("WARC-Target-URI: %s\r\n" % r["final_url"]).encode() in rec
    files.add(r["warc_file"])
assert len(files) >= 4, files
PY
}
check "--warc DIR --warc-max-size: rotating files, each reference right" t_rotate

t_bad() {
	echo "$u/bn" | fetch --warc "$tmp/no/such/dir/x.warc.gz" >/dev/null 2>"$tmp/bad.err"
	st=$?
	cat "$tmp/bad.err"
	test $st -eq 2 && grep -q "^fetch: $tmp/no/such/dir/x.warc.gz: No such file" "$tmp/bad.err" &&
	fetch --warc-max-size x </dev/null 2>/dev/null
	test $? -eq 2
}
check "a WARC file that cannot be made, a bad size: status 2" t_bad
done_testing

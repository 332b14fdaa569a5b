#!/bin/sh
# WARC export (store/warc.c) through the test driver warc-export: SHA-1
# against FIPS 180-4, the records each khobor record gives, one gzip
# member a record, lengths and digests recomputed here in Python, and,
# when it is installed, read back by webrecorder's warcio.js.
. "$(dirname "$0")/lib.sh"
plan 12

sha1_test=$build/asan/bin/sha1-test
if [ -x "$sha1_test" ]; then
	check "SHA-1: FIPS 180-4 vectors and base32 (sha1-test)" "$sha1_test"
else
	skip "SHA-1: FIPS 180-4 vectors and base32" "no $sha1_test (make check builds it)"
fi

if [ ! -x "$bin/warc-export" ]; then
	for i in 2 3 4 5 6 7 8 9 10 11 12; do
		skip "warc-export test $i" "no $bin/warc-export (make check builds it)"
	done
	done_testing
fi

ex=$here/golden/validate-example/stdin
# A fetched page with clean's text, a file: URL (no HTTP status), a URL
# trying to add a header, and a record without url.
printf '%s\n' \
    '{"url":"https://a.example/1","status":200,"fetched_at":"2024-08-17T05:50:12.5Z","etag":"\"x\r\ny\"","html":"<p>a\u0000b</p>","truncated":true,"text":"a b","title":"A"}' \
    '{"url":"file:///tmp/x.html","html":"<p>local</p>","text":"local"}' \
    '{"url":"https://a.example/3\r\nWARC-Type: evil","status":299,"html":""}' \
    '{"final_url":"https://a.example/no-url","html":"x"}' >"$tmp/edge.jsonl"

# verify FILE: each gzip member is one WARC/1.1 record whose Content-Length,
# block digest and (for a response) payload digest match its bytes.
verify() {
	python3 - "$1" <<'PY'
import base64, hashlib, sys, zlib
data, n = open(sys.argv[1], "rb").read(), 0
digest = lambda b: b"sha1:" + base64.b32encode(hashlib.sha1(b).digest())
while data:
    z = zlib.decompressobj(31)
    rec, data, n = z.decompress(data), z.unused_data, n + 1
    assert z.eof, f"record {n}: a cut gzip member"
    head, _, rest = rec.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    assert lines[0] == b"WARC/1.1", f"record {n}: {lines[0]}"
    h = dict(l.split(b": ", 1) for l in lines[1:])
    block = rest[:int(h[b"Content-Length"])]
    assert rest[len(block):] == b"\r\n\r\n", f"record {n}: length or end"
    assert h[b"WARC-Block-Digest"] == digest(block), f"record {n}: block digest"
    if h[b"WARC-Type"] == b"response":
        body = block.partition(b"\r\n\r\n")[2]
        assert h[b"WARC-Payload-Digest"] == digest(body), f"record {n}: payload"
print(n, "records verified")
PY
}

# types FILE: the WARC-Type of each record, one a line.
types() {
	zcat "$1" | tr -d '\r' | sed -n 's/^WARC-Type: //p' | sort | uniq -c |
	    awk '{ printf "%s %s\n", $2, $1 }'
}

export_example() {
	warc-export "$ex" >"$tmp/ex.warc.gz" && gzip -t "$tmp/ex.warc.gz" &&
	zcat "$tmp/ex.warc.gz" | head -c 9 | grep -q '^WARC/1.1'
}
check "the example records export to a valid .warc.gz (gzip -t, zcat)" export_example

count_example() {
	types "$tmp/ex.warc.gz" >"$tmp/ex.types"
	printf '%s\n' "conversion 2" "metadata 2" "response 1" "warcinfo 1" >"$tmp/ex.want"
	same "$tmp/ex.want" "$tmp/ex.types"
}
check "a response for html, conversion for text, metadata for clean/tag fields" count_example

check "one gzip member a record; lengths and digests match (Python)" verify "$tmp/ex.warc.gz"

http_block() {
	zcat "$tmp/ex.warc.gz" | tr -d '\r' >"$tmp/ex.txt"
	grep -q '^WARC-Target-URI: https://www.example-bd.com/world/putin-visit/$' "$tmp/ex.txt" &&
	grep -q '^WARC-Date: 2024-08-17T05:50:12Z$' "$tmp/ex.txt" &&
	grep -q '^HTTP/1.1 200 OK$' "$tmp/ex.txt" &&
	grep -q '^Content-Type: text/html; charset=utf-8$' "$tmp/ex.txt" &&
	grep -q '^ETag: "5f2a-61f"$' "$tmp/ex.txt" &&
	grep -q '^Last-Modified: Sat, 17 Aug 2024 05:46:00 GMT$' "$tmp/ex.txt" &&
	grep -q '^{"title":"পুতিনের সফর","published":"2024-08-17T11:46:00+06:00",' "$tmp/ex.txt"
}
check "target, date, HTTP header and metadata JSON come from the record" http_block

export_edge() {
	warc-export "$tmp/edge.jsonl" >"$tmp/edge.warc.gz" 2>"$tmp/edge.err"
	st=$?
	cat "$tmp/edge.err"
	test $st -eq 1 && grep -q 'edge.jsonl:4: no url; skipped$' "$tmp/edge.err" &&
	verify "$tmp/edge.warc.gz" && types "$tmp/edge.warc.gz" >"$tmp/edge.types" &&
	printf '%s\n' "conversion 2" "metadata 1" "resource 1" "response 2" \
	    "warcinfo 1" >"$tmp/edge.want" &&
	same "$tmp/edge.want" "$tmp/edge.types"
}
check "no url: skipped (status 1); no status: a resource record" export_edge

refers_to() {
	zcat "$tmp/edge.warc.gz" | tr -d '\r' | awk '
	    /^WARC-Type: /		{ type = $2 }
	    /^WARC-Record-ID: /		{ id[type] = $2 }
	    /^WARC-Refers-To: /		{ refs++; if ($2 != id["response"] &&
					      $2 != id["resource"]) bad++ }
	    /^WARC-Truncated: length$/	{ trunc++ }
	    /^WARC-Date: 2024-08-17T05:50:12Z$/ { dated++ }
	    END { print refs " refs, " bad + 0 " bad, " trunc " truncated, " dated " dated"
		  exit !(refs == 3 && !bad && trunc == 1 && dated == 3) }'
}
check "conversion and metadata refer to their response; WARC-Truncated; date" refers_to

no_injection() {
	zcat "$tmp/edge.warc.gz" | tr -d '\r' >"$tmp/edge.txt"
	! grep -q '^WARC-Type: evil' "$tmp/edge.txt" && ! grep -q '^y"$' "$tmp/edge.txt" &&
	grep -q '^WARC-Target-URI: https://a.example/3%0D%0AWARC-Type: evil$' "$tmp/edge.txt" &&
	grep -q '^ETag: "x%0D%0Ay"$' "$tmp/edge.txt"
}
check "CR and LF in a value cannot start a header" no_injection

dev_full() {
	warc-export "$ex" >/dev/full 2>"$tmp/full.err"
	st=$?
	cat "$tmp/full.err"
	test $st -eq 2 &&
	grep -q '^warc-export: write error on standard output: No space left on device$' "$tmp/full.err"
}
check "writing to /dev/full fails with status 2 and a message" dev_full

# --- an independent reader: warcio.js ----------------------------------------
if command -v node >/dev/null 2>&1 && [ -d "$here/node_modules/warcio" ]; then
	check "warcio.js reads the example back; digests and members check" \
	    node "$here/warc-check.mjs" "$tmp/ex.warc.gz"
	check "warcio.js reads the edge cases back" \
	    node "$here/warc-check.mjs" "$tmp/edge.warc.gz"
else
	why="no warcio (npm install --prefix tests --no-save warcio)"
	skip "warcio.js reads the example back" "$why"
	skip "warcio.js reads the edge cases back" "$why"
fi

# --- real pages: the Zyte benchmark's 181 pages, if ../shared has them --------
zyte() {
	python3 - "$shared/data/zyte/html" "$tmp/zyte.jsonl" <<'PY'
import gzip, json, os, sys
d, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for name in sorted(os.listdir(d)):
        html = gzip.open(os.path.join(d, name)).read().decode("utf-8", "replace")
        f.write(json.dumps({"url": "https://zyte.example/" + name, "status": 200,
            "content_type": "text/html", "html": html, "title": name},
            ensure_ascii=False) + "\n")
PY
	warc-export "$tmp/zyte.jsonl" >"$tmp/zyte.warc.gz" && verify "$tmp/zyte.warc.gz" &&
	test "$(types "$tmp/zyte.warc.gz" | tr '\n' ' ')" = \
	    "metadata 181 response 181 warcinfo 1 " &&
	if [ -d "$here/node_modules/warcio" ]; then
		node "$here/warc-check.mjs" "$tmp/zyte.warc.gz" >/dev/null
	fi
}
if [ -d "$shared/data/zyte/html" ]; then
	check "181 real pages export and verify" zyte
else
	skip "181 real pages export and verify" "no ../shared/data/zyte"
fi
done_testing

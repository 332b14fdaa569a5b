#!/bin/sh
# fetch-server: the HTTP server fetch's tests run against starts, answers
# its routes as they promise, logs each request, and stops on SIGTERM.
. "$(dirname "$0")/lib.sh"
plan 10

mkdir "$tmp/root"
printf 'User-agent: *\nDisallow: /mine\n' >"$tmp/root/robots-h6.test.txt"
python3 "$here/fetch-server.py" --port-file "$tmp/port" --log "$tmp/log" \
    --root "$tmp/root" 2>"$tmp/server.err" &
srv=$!
trap 'kill $srv 2>/dev/null; cleanup' EXIT

# The checks, one function each, run as: python3 $tmp/t.py NAME PORT.
cat >"$tmp/t.py" <<'PY'
import gzip, http.client, json, sys

port = int(sys.argv[2])
logf = sys.argv[3]

def get(path, host="127.0.0.1", headers={}, conn=None):
    # Always 127.0.0.1: the host is the one the Host header names.
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", path, headers=dict(headers, Host="%s:%d" % (host, port)))
    r = c.getresponse()
    body = r.read()
    return r, body

def expect(cond, what):
    if not cond:
        sys.exit("failed: " + what)

def conditional():
    r, b = get("/page/one")
    expect(b"<title>one</title>" in b, "title holds NAME")
    expect(r.getheader("ETag") == '"p-one"', "ETag")
    expect(r.getheader("Last-Modified") == "Sat, 17 Aug 2024 05:46:00 GMT", "Last-Modified")
    r, b = get("/page/one", headers={"If-None-Match": '"p-one"'})
    expect(r.status == 304 and b == b"", "If-None-Match gives 304")
    r, b = get("/lastmod/one", headers={"If-Modified-Since": "Sun, 18 Aug 2024 00:00:00 GMT"})
    expect(r.status == 304 and r.getheader("ETag") is None, "later If-Modified-Since gives 304")
    r, b = get("/lastmod/one", headers={"If-Modified-Since": "Fri, 16 Aug 2024 00:00:00 GMT"})
    expect(r.status == 200, "earlier If-Modified-Since gives 200")

def keepalive():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    get("/counter/ka", conn=c, host="h3.test")
    get("/counter/ka", conn=c, host="H3.test", headers={"User-Agent": "t/1", "Accept-Encoding": "gzip"})
    recs = [json.loads(l) for l in open(logf)]
    ka = [r for r in recs if r["path"] == "/counter/ka"]
    print(ka)
    expect(len(ka) == 2 and ka[0]["conn"] == ka[1]["conn"], "one connection")
    expect(ka[1]["host"] == "h3.test" and ka[1]["ua"] == "t/1" and ka[1]["ae"] == "gzip"
           and ka[1]["inm"] is None and ka[1]["method"] == "GET", "log fields")
    r, b = get("/count/ka")
    expect(b == b"2\n", "count")

def robots():
    want = {"127.0.0.1": (200, b"Disallow: /private\n"), "h7.test": (200, b"Crawl-delay: 0.5"),
            "h8.test": (500, b""), "h9.test": (404, b""), "h6.test": (200, b"Disallow: /mine"),
            "h2.test": (200, b"Disallow: /private\n")}
    for host, (code, text) in want.items():
        r, b = get("/robots.txt", host=host)
        print(host, r.status, b[:40])
        expect(r.status == code and text in b, "robots.txt on " + host)

def retries():
    for code in (429, 429, 200, 200):
        r, b = get("/retry-after/k?n=2&s=7&code=429")
        expect(r.status == code, "status %d" % code)
        expect(r.getheader("Retry-After") == ("7" if code == 429 else None), "Retry-After")
    expect(get("/flaky/f?n=1")[0].status == 500 and get("/flaky/f?n=1")[0].status == 200, "flaky")
    expect(get("/count/k")[1] == b"4\n", "count")

def bodies():
    r, b = get("/gzip", headers={"Accept-Encoding": "gzip, deflate"})
    expect(r.getheader("Content-Encoding") == "gzip", "gzip encoded")
    expect(gzip.decompress(b).count(b"quick brown fox") == 200, "gzip body")
    r, b = get("/gzip")
    expect(r.getheader("Content-Encoding") is None and b.count(b"quick brown fox") == 200, "plain")
    r, b = get("/chunked")
    expect(r.getheader("Transfer-Encoding") == "chunked" and b"</html>" in b, "chunked")
    r, b = get("/big?mb=1")
    expect(r.getheader("Content-Length") == "1048576" and len(b) == 1048576, "big")
    r, b = get("/big-chunked?mb=2")
    expect(r.getheader("Content-Length") is None and len(b) == 2097152, "big-chunked")

def charsets():
    r, b = get("/cp1252")
    expect("€" in b.decode("cp1252") and "—" in b.decode("cp1252"), "cp1252")
    r, b = get("/legacy")
    expect(r.getheader("Content-Type") == "text/html" and len(b) > 2500, "legacy size")
    expect("Новости" in b.decode("cp1251") and b"charset" not in b, "cp1251")
    expect(get("/legacy-koi8")[1] == b.decode("cp1251").encode("koi8-r"), "koi8-r")
    r, b = get("/bn")
    expect(b"charset" not in b and "ঢাকা" in b.decode("utf-8"), "bengali")
    r, b = get("/meta-charset")
    expect("Straße" in b.decode("latin-1"), "latin-1")
    expect(get("/bom-utf16")[1][:2] == b"\xff\xfe", "utf-16 bom")

def redirects():
    r, b = get("/redirect/2")
    expect(r.status == 302 and r.getheader("Location") == "/redirect/1", "redirect/2")
    r, b = get("/redirect/0")
    expect(r.getheader("Location") == "/page/redirected", "redirect/0")
    r, b = get("/redirect-to?url=ftp%3A%2F%2Fx%2Fy")
    expect(r.getheader("Location") == "ftp://x/y", "redirect-to")
    expect(get("/status/410")[0].status == 410 and get("/nowhere")[0].status == 404, "status")

def reset():
    try:
        r, b = get("/conn-reset")
    except ConnectionResetError as e:
        print("conn-reset:", e)
        return
    sys.exit("conn-reset answered %d" % r.status)

globals()[sys.argv[1]]()
PY

up() {
	i=0
	while [ ! -s "$tmp/port" ]; do
		i=$((i + 1))
		test $i -lt 100 || { echo "no port file in 10 s"; cat "$tmp/server.err"; return 1; }
		kill -0 $srv 2>/dev/null || { echo "server exited"; cat "$tmp/server.err"; return 1; }
		sleep 0.1
	done
}
check "starts, listens on 127.0.0.1 and writes the port file" up
port=$(cat "$tmp/port" 2>/dev/null || echo 0)

t() {
	python3 "$tmp/t.py" "$1" "$port" "$tmp/log"
}
check "/page and /lastmod: ETag, Last-Modified, 304 on a match" t conditional
check "keep-alive: one conn serial in the log; the log's fields" t keepalive
check "/robots.txt by the Host header's name, and --root overrides it" t robots
check "/retry-after, /flaky and /count keep count per key" t retries
check "/gzip, /chunked, /big and /big-chunked bodies" t bodies
check "legacy charsets: cp1252, cp1251, koi8-r, latin-1, Bengali, BOM" t charsets
check "redirects and statuses" t redirects
check "/conn-reset resets the connection" t reset

stops() {
	# a stalled body and a request with no answer must not hold it up
	python3 - "$port" <<'PY' &
import socket, sys, time
a = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
a.sendall(b"GET /stall HTTP/1.1\r\nHost: x\r\n\r\n")
b = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
b.sendall(b"GET /stall-headers HTTP/1.1\r\nHost: h2.test\r\n\r\n")
time.sleep(5)
PY
	clients=$!
	sleep 0.5
	kill -TERM $srv
	i=0
	while kill -0 $srv 2>/dev/null; do
		i=$((i + 1))
		test $i -lt 20 || { echo "still running 2 s after SIGTERM"; kill $clients; return 1; }
		sleep 0.1
	done
	wait $srv
	st=$?
	kill $clients 2>/dev/null
	cat "$tmp/server.err"
	test $st -eq 0 && test ! -s "$tmp/server.err"
}
check "SIGTERM stops it within 2 s while /stall hangs, quietly" stops
done_testing

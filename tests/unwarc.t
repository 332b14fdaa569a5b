#!/bin/sh
# unwarc: hand-made WARC files (tests/warc-cases.py: chunked, gzip and
# deflate bodies, bare LF, no Content-Length, revisit, resource, legacy
# charsets, damage of every kind), wget's WARC of the local test server
# against fetch's records of the same pages, and the program's manners
# (standard input, a closed pipe, a full disk, -q).  Every output must
# pass validate.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 19

if [ ! -x "$bin/unwarc" ]; then
	for i in $(seq 19); do
		skip "unwarc test $i" "no $bin/unwarc (make check builds it)"
	done
	done_testing
fi

cases=$tmp/cases
BROTLI_CMD=$(command -v brotli || true) python3 "$here/warc-cases.py" "$cases"

# run_case NAME: unwarc on the case's file; records, exit status,
# messages and summary as NAME.want says; output passes validate.
run_case() {
	f=$(ls "$cases/$1".warc* | head -1)
	(cd "$cases" && unwarc "$(basename "$f")") >"$tmp/$1.out" \
	    2>"$tmp/$1.err"
	echo $? >"$tmp/$1.st"
	cat "$tmp/$1.err"
	validate "$tmp/$1.out" || return 1
	python3 - "$cases/$1.want" "$tmp/$1" <<'PY'
import json, re, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))
out = sys.argv[2]
recs = [json.loads(l) for l in open(out + ".out", encoding="utf-8")]
st = int(open(out + ".st").read())
err = open(out + ".err", encoding="utf-8").read().splitlines()
bad = []
if st != want["exit"]:
    bad.append("exit %d, want %d" % (st, want["exit"]))
if len(recs) != len(want["records"]):
    bad.append("%d records, want %d" % (len(recs), len(want["records"])))
for i, (r, w) in enumerate(zip(recs, want["records"])):
    for k, v in w.items():
        if k not in r and v is None:
            continue
        if r.get(k) != v:
            bad.append("record %d: %s is %r, want %r" % (i + 1, k, r.get(k), v))
    if "warc_file" not in r or "warc_offset" not in r:
        bad.append("record %d: no capture reference" % (i + 1))
msgs = err[:-1]
for i, rx in enumerate(want.get("err", [])):
    if i >= len(msgs) or not re.search(rx, msgs[i]):
        bad.append("message %d: %r, want /%s/" % (i + 1, msgs[i] if i < len(msgs) else None, rx))
if len(msgs) != len(want.get("err", [])):
    bad.append("%d messages, want %d" % (len(msgs), len(want.get("err", []))))
if not err or not err[-1].startswith("unwarc: ") or not err[-1].endswith(want["summary"]):
    bad.append("summary %r, want ...%r" % (err[-1] if err else None, want["summary"]))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
}

check "chunked (extensions, odd sizes), gzip, deflate (zlib and raw) bodies" run_case chunked
check "bare LF line ends, no Content-Length, a folded header, 100 Continue" run_case bare-lf
check "not HTML, redirect, 404, revisit (304), resource, metadata" run_case kinds
check "legacy charsets: windows-1252 (header, meta), KOI8-R, iso-8859-1" run_case legacy
check "damaged .warc.gz: junk, damaged and short members, no Content-Length" run_case damaged
check "damaged plain .warc: junk between records, last record cut short" run_case plain-damaged
check "one gzip stream for the file; truncated bodies" run_case whole
check "bodies that cannot be decoded give an error, as fetch does" run_case undecodable
if [ -f "$cases/brotli.want" ]; then
	check "Content-Encoding: br" run_case brotli
else
	skip "Content-Encoding: br" "no brotli command to make the case (apt-get install brotli)"
fi

# The same file on standard input: the same records, without warc_file.
t_stdin() {
	unwarc <"$cases/chunked.warc.gz" >"$tmp/in.out" 2>/dev/null &&
	python3 - "$tmp/in.out" "$tmp/chunked.out" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
for x in b:
    del x["warc_file"]
assert a == b, (a, b)
PY
}
check "standard input: the same records, no warc_file" t_stdin

t_many() {
	(cd "$cases" && unwarc chunked.warc.gz - legacy.warc.gz <whole.warc.gz) \
	    >"$tmp/many.out" 2>"$tmp/many.err"
	test $? -eq 0 && test "$(wc -l <"$tmp/many.out")" -eq 12 &&
	tail -1 "$tmp/many.err" | grep -q '^unwarc: 14 records: 12 html,' &&
	test "$(grep -c '"warc_file"' "$tmp/many.out")" -eq 9
}
check "several files and - in one run" t_many

t_quiet() {
	unwarc -q "$cases/damaged.warc.gz" >/dev/null 2>"$tmp/q.err"
	test $? -eq 1 && test ! -s "$tmp/q.err"
}
check "-q: no messages, no summary; exit status 1 after damage" t_quiet

t_full() {
	unwarc "$cases/chunked.warc.gz" >/dev/full 2>"$tmp/full.err"
	st=$?
	cat "$tmp/full.err"
	test $st -eq 2 && grep -q 'write error on standard output: No space left on device' "$tmp/full.err"
}
check "a full disk: status 2 and a message" t_full

# 3000 records through a closed pipe: ended quietly by SIGPIPE.
python3 - "$cases/chunked.warc.gz" "$tmp/big.warc.gz" <<'PY'
import sys
open(sys.argv[2], "wb").write(open(sys.argv[1], "rb").read() * 500)
PY
t_pipe() {
	st=$( { unwarc "$tmp/big.warc.gz" 2>"$tmp/pipe.err"; echo $? >"$tmp/pipe.st"; } | head -1 | wc -l)
	cat "$tmp/pipe.err"
	test "$st" -eq 1 && test ! -s "$tmp/pipe.err" && test "$(cat "$tmp/pipe.st")" -ne 0
}
check "a reader that goes away ends unwarc quietly" t_pipe

t_usage() {
	unwarc --max-size x </dev/null 2>/dev/null
	test $? -eq 2 || return 1
	unwarc "$tmp/no-such.warc" 2>"$tmp/nofile.err"
	st=$?
	cat "$tmp/nofile.err"
	test $st -eq 2 && grep -q "^unwarc: $tmp/no-such.warc: No such file" "$tmp/nofile.err"
}
check "usage error and unreadable file: status 2" t_usage

t_max_size() {
	unwarc --max-size 20 "$cases/chunked.warc.gz" 2>/dev/null >"$tmp/ms.out" &&
	validate "$tmp/ms.out" && expect "$tmp/ms.out" \
	    'all(x["truncated"] for x in recs)' \
	    'all(len(x["html"]) <= 20 for x in recs)'
}
check "--max-size cuts bodies and marks them truncated" t_max_size

# --- wget's WARC of the test server, against fetch's records ----------------
if command -v wget >/dev/null 2>&1; then
	serve fetch-server.py
	paths="bn cp1252 legacy legacy-koi8 gzip chunked bom-utf16 png page/one"
	urls=
	for p in $paths; do
		urls="$urls http://127.0.0.1:$port/$p"
	done
	# gzip asked for, so that the body is stored compressed as sent
	# shellcheck disable=SC2086
	(cd "$tmp" && wget -q --no-proxy --warc-file=wget -O /dev/null \
	    --header 'Accept-Encoding: gzip' $urls)
	# shellcheck disable=SC2086
	printf '%s\n' $urls | fetch --delay 0 --ignore-robots -k \
	    2>"$tmp/f.err" >"$tmp/fetch.out"
fi
t_wget() {
	(cd "$tmp" && unwarc wget.warc.gz) >"$tmp/wget.out" 2>"$tmp/wget.err"
	st=$?
	cat "$tmp/wget.err"
	test $st -eq 0 && validate "$tmp/wget.out" &&
	tail -1 "$tmp/wget.err" | grep -q ': 8 html, ' &&
	zcat "$tmp/wget.warc.gz" | grep -aq '^Content-Encoding: gzip' &&
	zcat "$tmp/wget.warc.gz" | grep -aq '^Transfer-Encoding: chunked'
}
t_same() {
	python3 - "$tmp/fetch.out" "$tmp/wget.out" <<'PY'
import json, sys
f = {r["url"]: r for r in map(json.loads, open(sys.argv[1]))}
w = {r["url"]: r for r in map(json.loads, open(sys.argv[2]))}
bad = 0
for u, r in w.items():
    for k in ("status", "content_type", "charset", "html", "truncated", "etag", "last_modified"):
        if r.get(k) != f[u].get(k):
            print(u, k, repr(r.get(k))[:80], repr(f[u].get(k))[:80])
            bad = 1
print(len(w), "pages compared")
sys.exit(bad or len(w) != 8)
PY
}
if command -v wget >/dev/null 2>&1; then
	check "wget --warc-file of the test server: read, valid" t_wget
	check "unwarc of wget's WARC gives fetch's records of the same pages" t_same
else
	skip "wget --warc-file of the test server" "no wget (apt-get install wget)"
	skip "unwarc of wget's WARC gives fetch's records" "no wget"
fi

# Constant memory: 3000 records (~1 MB) and 30 times as many take the
# same memory, within a few MB.
t_memory() {
	python3 - "$tmp/big.warc.gz" "$tmp/huge.warc.gz" <<'PY'
import sys
open(sys.argv[2], "wb").write(open(sys.argv[1], "rb").read() * 30)
PY
	u=$root/bin/unwarc
	[ -x "$u" ] || u=$bin/unwarc
	small=$(/usr/bin/time -f %M "$u" -q "$tmp/big.warc.gz" 2>&1 >/dev/null)
	big=$(/usr/bin/time -f %M "$u" -q "$tmp/huge.warc.gz" 2>&1 >/dev/null)
	echo "max RSS: $small KiB for 3000 records, $big KiB for 90000"
	test "$big" -lt $((small + 4096))
}
check "memory does not grow with the input" t_memory
done_testing

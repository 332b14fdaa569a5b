#!/bin/sh
# store and URLs: a record is found by its url, final_url or
# canonical_url, each in canonical form (lib/url.c); store new lets
# through what the archive lacks, and with --changed what it holds in a
# version older than the record's lastmod; store -o --once stores a
# page once a version.
. "$(dirname "$0")/lib.sh"
plan 9

# rec URL [JSON-MEMBERS]: a record of a page, fetched on 17 August.
rec() {
	printf '{"url":"%s","fetched_at":"2024-08-17T05:00:00Z"%s}\n' "$1" "${2:-}"
}
long=$(printf 'a line of article text, long enough to be stored once %.0s' 1 2 3 4 5 6 7 8 9 10 11 12)

t_get() {
	{
		rec https://a.example/news/1 ',"final_url":"https://a.example/story/one","canonical_url":"https://A.example:443/story/one-canon?utm_source=x","text":"one"'
		rec https://a.example/news/2 ',"text":"two"'
	} | store -q -o "$tmp/g" &&
	for u in https://a.example/news/1 https://a.example/story/one \
	    https://a.example/story/one-canon 'https://A.EXAMPLE/news/1?utm_medium=rss#top' \
	    'HTTPS://a.example:443/story/one?fbclid=1'; do
		store get "$tmp/g" "$u" | grep -q '"text":"one"' ||
		    { echo "not found: $u"; return 1; }
	done
	printf '%s\n' https://a.example/story/one https://a.example/news/2 |
	    store get "$tmp/g" - >"$tmp/g.out" &&
	grep -c . "$tmp/g.out" | grep -qx 2 &&
	! store get "$tmp/g" https://a.example/story >/dev/null 2>&1
}
check "get: by url, final_url or canonical_url, in any spelling of the same URL (one or many)" t_get

t_index() {
	# The index's last columns: the other URLs, canonical; the date.
	cut -f8,9 "$tmp/g"/2024-08-17.idx >"$tmp/cols"
	printf '%s\t%s\n' "https://a.example/story/one https://a.example/story/one-canon" - - - >"$tmp/want"
	same "$tmp/want" "$tmp/cols" &&
	store verify -q "$tmp/g" && store reindex "$tmp/g" &&
	cut -f8,9 "$tmp/g"/2024-08-17.idx | same "$tmp/want" -
}
check "the index keeps each record's other URLs and its date; reindex writes them again" t_index

t_new() {
	{
		rec https://b.example/1 ',"published":"2024-08-16T10:00:00+06:00","text":"x"'
		rec https://b.example/2 ',"lastmod":"2024-08-16T12:00:00Z","modified":"2024-08-16T13:00:00Z","text":"y"'
		rec https://b.example/3 ',"text":"z"'
	} | store -q -o "$tmp/n" &&
	{
		echo '{"url":"https://b.example/1?utm_source=feed"}'	# held
		echo '{"url":"https://b.example/1","lastmod":"2024-08-16T04:00:00Z"}'	# held: = published
		echo '{"url":"https://b.example/2","lastmod":"2024-08-16T13:00:00Z"}'	# held: = modified
		echo '{"url":"https://b.example/2","lastmod":"2024-08-16T19:30:00+06:00"}'	# 13:30Z: changed
		echo '{"url":"https://b.example/3","lastmod":"2024-08-17T04:59:00Z"}'	# held: before fetched_at
		echo '{"url":"https://b.example/3","lastmod":"2024-08-17T05:01"}'	# changed
		echo '{"url":"https://b.example/4"}'				# new
		echo '{"url":"HTTPS://B.EXAMPLE/4"}'				# repeated
	} >"$tmp/cand"
	store new "$tmp/n" <"$tmp/cand" >"$tmp/new1" 2>"$tmp/new1.err" &&
	store new --changed "$tmp/n" <"$tmp/cand" >"$tmp/new2" 2>"$tmp/new2.err" || return 1
	cat "$tmp/new1.err" "$tmp/new2.err"
	echo '{"url":"https://b.example/4"}' | same - "$tmp/new1" &&
	printf '%s\n' '{"url":"https://b.example/2","lastmod":"2024-08-16T19:30:00+06:00"}' \
	    '{"url":"https://b.example/3","lastmod":"2024-08-17T05:01"}' \
	    '{"url":"https://b.example/4"}' | same - "$tmp/new2" &&
	grep -qx 'store: 8 urls: 1 new, 0 changed, 6 in the archive, 1 repeated' "$tmp/new1.err" &&
	grep -qx 'store: 8 urls: 1 new, 2 changed, 4 in the archive, 1 repeated' "$tmp/new2.err"
}
check "new: canonical URLs; --changed by lastmod against the version's date (else fetched_at); a summary" t_new

t_once_same() {
	# The same page again, under its URL or the one it redirected to:
	# not stored; changed: stored; the same text under another URL
	# (another outlet's copy): stored.
	{
		rec https://c.example/a ",\"text\":\"$long A\""
		rec https://c.example/b ',"text":"short b"'
	} | store -q -o "$tmp/o" &&
	{
		rec https://c.example/a ",\"text\":\"$long A\""		# same
		rec https://c.example/r ",\"final_url\":\"https://c.example/a\",\"text\":\"$long A\""	# twin
		rec 'https://c.example/b?utm_source=x' ',"text":"short b"'	# same
		rec https://c.example/a ",\"text\":\"$long A, edited\""	# new version
		rec https://d.example/copy ",\"text\":\"$long A\""	# other URL
	} | store -o "$tmp/o" --once --tee >"$tmp/o.tee" 2>"$tmp/o.err" || return 1
	cat "$tmp/o.err"
	grep -c . "$tmp/o.tee" | grep -qx 2 && grep -q 'edited' "$tmp/o.tee" &&
	grep -q 'd.example/copy' "$tmp/o.tee" &&
	grep -qx 'store: 3 records the same as stored ones: not stored again (--once)' "$tmp/o.err" &&
	test "$(store ls "$tmp/o" | wc -l)" -eq 4
}
check "-o --once: the same page under one of its URLs is not stored again; a new version or another URL is" t_once_same

t_once_run() {
	# Twins within one run, and a version that comes back after an
	# edit (A, B, A: the third is a version again).
	{
		rec https://e.example/x ",\"text\":\"$long X\""
		rec https://e.example/old ",\"final_url\":\"https://e.example/x\",\"text\":\"$long X\""
		rec https://e.example/x ",\"text\":\"$long Y\""
		rec https://e.example/x ",\"text\":\"$long X\""
		rec https://e.example/x ",\"text\":\"$long X\""
	} | store -q -o "$tmp/r" --once &&
	store cat "$tmp/r" | cut -c1-40 >"$tmp/r.out" &&
	test "$(wc -l <"$tmp/r.out")" -eq 3 && store verify -q "$tmp/r"
}
check "-o --once within one run: a twin left out, A B A kept as three versions" t_once_run

t_once_ref() {
	# An archived page whose text is a reference to another record's
	# (another URL's copy): the same text fetched again is known.
	{
		rec https://f.example/orig ",\"text\":\"$long F\""
	} | store -q -o "$tmp/f" &&
	rec https://f.example/copy ",\"text\":\"$long F\"" | store -q -o "$tmp/f" &&
	zstd -dc "$tmp/f"/*.zst | grep -q '"text_ref":"@' &&
	rec https://f.example/copy ",\"text\":\"$long F\"" |
	    store -o "$tmp/f" --once 2>"$tmp/f.err" &&
	test "$(store ls "$tmp/f" | wc -l)" -eq 2 && grep -q '1 record the same' "$tmp/f.err"
}
if command -v zstd >/dev/null; then
	check "-o --once: an archived text held as a reference is compared as the text" t_once_ref
else
	skip "-o --once and references" "no zstd"
fi

t_once_html() {
	# A record without text is compared by its html; without either,
	# always stored.
	rec https://h.example/1 ',"html":"<p>hi</p>"' | store -q -o "$tmp/h" &&
	{
		rec https://h.example/1 ',"html":"<p>hi</p>"'
		rec https://h.example/1 ',"error":"HTTP 404"'
		rec https://h.example/1 ',"error":"HTTP 404"'
	} | store -q -o "$tmp/h" --once &&
	test "$(store ls "$tmp/h" | wc -l)" -eq 3
}
check "-o --once: html when there is no text; a record without a page is always stored" t_once_html

t_first_format() {
	# Index lines of the first format (no other URLs, no date) are
	# read: get and new find their urls, in canonical form too.
	cp -r "$here/store-v1" "$tmp/v1" &&
	store get "$tmp/v1" 'https://V1.example/3?utm_source=a' >/dev/null &&
	echo '{"url":"https://v1.example/2","lastmod":"2030-01-01"}' |
	    store new -q --changed "$tmp/v1" | grep -q v1.example/2 &&
	echo '{"url":"https://v1.example/2","lastmod":"2024-08-15T01:00:00Z"}' |
	    store new -q --changed "$tmp/v1" | grep -c . | grep -qx 0
}
check "an index of the first format: get and new by canonical URL, --changed by fetched_at" t_first_format

t_dates() {
	# The forms of a date records write, compared as instants.
	for d in 2024-08-17 2024-08-17T00:00Z 2024-08-17T06:00:00+06:00 \
	    2024-08-17T06:00:00.123+0600 '2024-08-16 18:00:00-06:00' \
	    2024-08-17T06:00; do
		rec "https://t.example/$(echo "$d" | tr -c 'a-z0-9\n' _)" \
		    ",\"published\":\"$d\",\"text\":\"t\""
	done | store -q -o "$tmp/t" &&
	cut -f9 "$tmp/t"/*.idx | sort -u >"$tmp/t.dates" &&
	printf '1723852800\n1723874400\n' | same - "$tmp/t.dates"
}
check "dates: a day, a time with Z, an offset with or without a colon, fractions" t_dates
done_testing

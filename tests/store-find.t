#!/bin/sh
# store find: the records of an archive that answer a question (a name
# in Bengali or English, words, days, a site, a language, a URL, a
# story), as stored or tallied; --where's dotted paths (cat too).  The
# archive is tests/find/records.jsonl: seven tagged articles of two
# made-up outlets, written for these tests.
. "$(dirname "$0")/lib.sh"
plan 20

recs=$here/find/records.jsonl
A=$tmp/A
store -q -o "$A" "$recs" || { echo "Bail out! store -o failed"; exit 1; }

# urls ARGS...: the urls find writes for ARGS, one a line, sorted.
urls() {
	store find "$@" "$A" >"$tmp/out" || return 1
	python3 -c 'import json, sys
for l in open(sys.argv[1]): print(json.loads(l)["url"])' "$tmp/out" | sort
}

# want ARGS... -- URL...: find ARGS writes exactly those urls.
want() {
	args=
	while [ "$1" != -- ]; do
		args="$args $(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"
		shift
	done
	shift
	if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi | sort >"$tmp/want"
	eval urls "$args" >"$tmp/got" || { echo "find $args failed"; return 1; }
	same "$tmp/want" "$tmp/got" || { echo "find $args"; return 1; }
}

D=https://www.dainik.example
C=https://news.courier.example

t_names() {
	want --entity 'Vladimir Putin' -- "$D/world/1" "$C/world/putin-visit" &&
	want --entity putin -- "$D/world/1" "$C/world/putin-visit" &&
	want --entity 'DHAKA' --type LOC -- "$D/world/1" \
	    "$C/world/putin-visit" https://blog.other.example/p/3 &&
	# every word of the name in the norm: Dhaka Mass Transit too
	want --entity 'dhaka' -- "$D/world/1" "$C/world/putin-visit" \
	    https://blog.other.example/p/3 "$C/bd/metro"
}
check "--entity: by norm, by words of it, in any case" t_names

t_bengali() {
	# পুতিনের: the mention পুতিন with its case suffix; the English
	# article by the norm its Bengali mention carries.  ফেনীতে: ফেনী.
	want --entity পুতিনের -- "$D/world/1" "$C/world/putin-visit" &&
	want --entity ফেনীতে -- "$D/national/2" "$C/bd/feni-flood" &&
	want --entity 'ঢাকার' --lang bn -- "$D/world/1"
}
check "--entity in Bengali: case suffixes stripped, English articles found through the norm" t_bengali

t_type() {
	want --entity Putin --type PER -- "$D/world/1" "$C/world/putin-visit" &&
	want --entity Putin --type LOC -- &&
	want --type ORG -- "$C/bd/metro"
}
check "--type: only entities of the type; alone, records with one" t_type

t_days() {
	# on published (the outlet's day), else fetched_at: the Courier's
	# Feni story is published on the 18th, fetched on the 17th (UTC)
	want --from 2024-08-18 --to 2024-08-18 -- "$D/national/2" \
	    "$C/bd/feni-flood" "$C/bd/metro" "$C/bd/metro" &&
	want --from 2024-08-19 -- https://blog.other.example/p/3 &&
	want --to 2024-08-17 -- "$D/world/1" "$C/world/putin-visit"
}
check "--from/--to: on published, else fetched_at" t_days

t_site_lang() {
	want --site dainik -- "$D/world/1" "$D/national/2" &&
	want --site other.example -- https://blog.other.example/p/3 &&
	want --site courier.example --latest -- "$C/world/putin-visit" \
	    "$C/bd/feni-flood" "$C/bd/metro" &&
	want --lang en --entity Feni -- "$C/bd/feni-flood" &&
	want --lang bn -- "$D/world/1" "$D/national/2"
}
check "--site (site member or host), --lang (bn is bn-BD too)" t_site_lang

t_text() {
	# all the words, in title or text; Bengali suffixes; NFC: বৈঠক
	# typed with its decomposed ৈ is not a spot NFC changes, য়
	# typed as one code point (U+09DF) is
	want --text বন্যার -- "$D/national/2" &&
	want --text 'metro SUNDAY' -- https://blog.other.example/p/3 \
	    "$C/bd/metro" "$C/bd/metro" &&
	want --text 'metro dmtcl' -- "$C/bd/metro" &&
	want --text "$(printf 'হ\340\247\237েছে')" -- "$D/national/2" &&
	want --text 'metro nowhere' --
}
check "--text: every word, Bengali-aware (suffixes, NFC), any case" t_text

t_url_story() {
	want --url '*/bd/*' -- "$C/bd/feni-flood" "$C/bd/metro" "$C/bd/metro" &&
	want --url putin -- "$C/world/putin-visit" &&
	want --story s0000000000000002 -- "$D/national/2" "$C/bd/feni-flood"
}
check "--url (a pattern, or a part of the URL) and --story" t_url_story

t_latest() {
	want --url metro -- "$C/bd/metro" "$C/bd/metro" &&
	want --url metro --latest -- "$C/bd/metro" &&
	grep -q DMTCL "$tmp/out"
}
check "--latest: a URL's newest version only" t_latest

t_bytes() {
	# what find writes is what cat writes of the same records
	store cat "$A" >"$tmp/cat" && store find "$A" >"$tmp/all" &&
	same "$tmp/cat" "$tmp/all" &&
	store find --site dainik "$A" >"$tmp/d" &&
	grep -F '"site":"dainik"' "$tmp/cat" | same - "$tmp/d"
}
check "records come out byte for byte as stored" t_bytes

t_count() {
	test "$(store find --count "$A")" = 7 &&
	test "$(store find --count --entity Feni "$A")" = 2 &&
	store find --by day "$A" >"$tmp/days" &&
	printf '2024-08-17\t2\n2024-08-18\t4\n2024-08-19\t1\n' | same - "$tmp/days" &&
	store find --by site --latest "$A" >"$tmp/sites" &&
	printf 'courier\t3\ndainik\t2\nblog.other.example\t1\n' | same - "$tmp/sites"
}
check "--count and --by day (days in order), --by site (largest first)" t_count

t_by() {
	store find --by entity --latest "$A" >"$tmp/ents" &&
	printf 'Dhaka\t3\nFeni\t2\nVladimir Putin\t2\nDhaka Mass Transit Company Limited\t1\n' |
	    same - "$tmp/ents" &&
	store find --by entity --type LOC --lang bn "$A" >"$tmp/bnloc" &&
	printf 'Dhaka\t1\nFeni\t1\n' | same - "$tmp/bnloc" &&
	store find --by story --lang en "$A" >"$tmp/stories" &&
	printf -- '-\t3\ns0000000000000001\t1\ns0000000000000002\t1\n' | same - "$tmp/stories"
}
check "--by entity (with --type) and --by story" t_by

t_where() {
	test "$(store cat --where entities.norm=Feni "$A" | wc -l)" -eq 2 &&
	test "$(store find --where entities.type=ORG "$A" | wc -l)" -eq 1 &&
	test "$(store find --where site=dainik --count "$A")" = 2 &&
	test "$(store cat --where entities.norm=Nobody "$A" | wc -l)" -eq 0
}
check "--where: dotted paths into arrays, in cat and find" t_where

t_where_absent() {
	store cat --where entities.nrom=Feni "$A" >"$tmp/w.out" 2>"$tmp/w.err"
	st=$?
	cat "$tmp/w.err"
	test $st -eq 1 && test ! -s "$tmp/w.out" &&
	grep -q '^store: --where: no record read has a field entities.nrom$' "$tmp/w.err" &&
	store find --where entities.norm=Nobody "$A" 2>"$tmp/w2.err" &&
	test ! -s "$tmp/w2.err"
}
check "--where on a field no record has: said, exit 1 (not 0 records in silence)" t_where_absent

t_bodies() {
	# a text stored once and referred to by the next record: find
	# puts it back
	long=$(printf 'the same wire copy, long enough to be stored once %.0s' $(seq 12))
	printf '{"url":"https://a.example/1","fetched_at":"2024-08-17T05:00:00Z","site":"a","text":"%s"}\n' "$long" |
	    store -q -o "$tmp/W" &&
	printf '{"url":"https://b.example/1","fetched_at":"2024-08-17T06:00:00Z","site":"b","text":"%s"}\n' "$long" |
	    store -q -o "$tmp/W" &&
	zstd -dc "$tmp/W"/*.zst | grep -q '"text_ref"' &&
	store find --site b "$tmp/W" | grep -qF "\"text\":\"$long\""
}
if command -v zstd >/dev/null; then
	check "a body kept once for two records is put back" t_bodies
else
	skip "a body kept once for two records is put back" "no zstd"
fi

t_forms() {
	# Records of other tools: JSON with \u escapes (Python's default),
	# a name in capitals, Bengali in another normal form (য় as one
	# code point): each is found as its text reads.
	python3 - "$tmp/forms.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    t = "পুতিনকে নিয়ে আলোচনা"
    f.write(json.dumps({"url": "https://x.example/1", "fetched_at": "2024-08-17T05:00:00Z",
        "text": t, "entities": [{"field": "text", "start": 0, "end": 5, "text": t[:5],
        "type": "PER", "norm": "VLADIMIR PUTIN"}]}) + "\n")
    f.write(json.dumps({"url": "https://x.example/2", "fetched_at": "2024-08-17T05:00:00Z",
        "text": "বৈঠক হ\u09dfেছে"}, ensure_ascii=False) + "\n")
PY
	store -q -o "$tmp/F" "$tmp/forms.jsonl" &&
	test "$(store find --entity পুতিনের --count "$tmp/F")" = 1 &&
	test "$(store find --entity 'vladimir putin' --count "$tmp/F")" = 1 &&
	test "$(store find --text 'হয়েছে' --count "$tmp/F")" = 1 &&
	test "$(store find --text 'আলোচনার' --count "$tmp/F")" = 1
}
check "records of other tools: \\u escapes, capitals, another normal form" t_forms

t_index() {
	# The first find makes DAY.jsonl.zst.terms beside each day it
	# reads; later ones answer the same through them.
	rm -f "$A"/*.terms
	qs="--entity=putin --entity=পুতিনের --text=বন্যার --site=dainik --lang=en --story=s0000000000000002 --type=ORG --text=metro"
	for qq in $qs; do store find --count "$qq" "$A"; done >"$tmp/noidx" &&
	test "$(ls "$A"/*.jsonl.zst.terms | wc -l)" -eq 3 &&
	for qq in $qs; do store find --count "$qq" "$A"; done >"$tmp/idx" &&
	same "$tmp/noidx" "$tmp/idx" &&
	printf '2\n2\n1\n2\n5\n2\n1\n3\n' | same - "$tmp/idx"
}
check "the find index: made by the first find, the same answers after" t_index

t_index_grows() {
	# A day written to after its index was made: the new records are
	# found, and the index covers them afterwards.
	cp -r "$A" "$tmp/G" &&
	printf '{"url":"https://www.dainik.example/late","fetched_at":"2024-08-19T23:00:00Z","lang":"bn","site":"dainik","title":"late","text":"late","entities":[{"field":"text","start":0,"end":4,"text":"late","type":"PER","norm":"Late Comer"}]}\n' |
	    store -q -o "$tmp/G" &&
	before=$(stat -c %s "$tmp/G"/2024-08-19.jsonl.zst.terms) &&
	test "$(store find --count --entity comer "$tmp/G")" = 1 &&
	test "$(stat -c %s "$tmp/G"/2024-08-19.jsonl.zst.terms)" -gt "$before" &&
	test "$(store find --count --entity comer "$tmp/G")" = 1
}
check "a day written to after its index was made: new records found, the index brought up to date" t_index_grows

t_index_foreign() {
	# An index that is not its data's (another archive's, damaged, cut
	# short) costs a scan, never an answer.
	cp -r "$A" "$tmp/H" &&
	cp "$tmp/F"/2024-08-17.jsonl.zst.terms "$tmp/H"/2024-08-17.jsonl.zst.terms &&
	test "$(store find --count --entity dhaka --type LOC "$tmp/H")" = 3 &&
	head -c 40 "$tmp/H"/2024-08-18.jsonl.zst.terms >"$tmp/cut" &&
	cp "$tmp/cut" "$tmp/H"/2024-08-18.jsonl.zst.terms &&
	printf 'garbage' >"$tmp/H"/2024-08-19.jsonl.zst.terms &&
	store find --count "--entity=feni" "$tmp/H" >"$tmp/f1" 2>"$tmp/f1.err" &&
	test "$(cat "$tmp/f1")" = 2 && test ! -s "$tmp/f1.err" &&
	test "$(store find --count --text=metro "$tmp/H")" = 3 &&
	store verify -q "$tmp/H"
}
check "an index not made from its data (another archive's, cut, garbage): scanned, the same answers" t_index_foreign

t_usage() {
	for a in "--type XYZ" "--by week" "--entity" "extra"; do
		eval store find $a "$A" >/dev/null 2>"$tmp/u.err"
		st=$?
		test $st -eq 2 || { echo "find $a: exit $st"; return 1; }
	done
	store find "$tmp/none" >/dev/null 2>&1
	test $? -eq 2
}
check "usage errors and a missing archive: exit 2" t_usage

t_empty() {
	test "$(store find --count --entity Nobody "$A")" = 0 &&
	store find --by day --entity Nobody "$A" >"$tmp/e" &&
	test ! -s "$tmp/e"
}
check "no answer: 0, or no lines, exit 0" t_empty

done_testing

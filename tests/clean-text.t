#!/bin/sh
# clean's text mode and dateline parser, through textmode-test: our own
# pages in several outlets' styles, datelines, the output's form, and
# the body-line F1 on the seed pages of ../shared.
. "$(dirname "$0")/lib.sh"
plan 8
T=$here/clean-text

for page in english-daily prothomalo anandabazar; do
	kept() {
		textmode-test -n <"$T/$1.txt" >"$tmp/kept" &&
		same "$T/$1.keep" "$tmp/kept"
	}
	check "text mode keeps the article lines of $page" kept "$page"
done

datelines() {
	textmode-test -d <"$T/datelines.txt" >"$tmp/d" &&
	same "$T/datelines.want" "$tmp/d"
}
check "datelines: Bengali and English forms, labels, invalid dates" datelines

# Spaces collapsed, NFC (য় precomposed in, য + nukta out), a repeated
# paragraph once, empty lines and boilerplate out.
form() {
	p1='রাতভর   বৃষ্টিতে শুক্রবার সকালে জলমগ্ন হয়ে পড়ল শহরের বিস্তীর্ণ এলাকা। ঠনঠনিয়া, আমহার্স্ট স্ট্রিট, বেহালার একাংশে হাঁটুজল জমে যায়। অফিসযাত্রীদের দুর্ভোগের শেষ ছিল না।'
	p2='আলিপুর আবহাওয়া দফতর জানিয়েছে, বঙ্গোপসাগরে তৈরি হওয়া নিম্নচাপের জেরে আগামী ৪৮ ঘণ্টা দক্ষিণবঙ্গের জেলাগুলিতে ভারী বৃষ্টির সম্ভাবনা রয়েছে।'
	printf 'Home\n\n  %s \t\n%s\n%s\nShare\n' "$p1" "$p2" "$p1" |
	    textmode-test >"$tmp/out" || return 1
	python3 - "$tmp/out" <<'PY'
import sys, unicodedata
t = open(sys.argv[1], encoding="utf-8").read()
lines = t.rstrip("\n").split("\n")
assert len(lines) == 2, lines
assert unicodedata.is_normalized("NFC", t), "not NFC"
assert "\u09df" not in t, "precomposed ya"
for l in lines:
    assert l == l.strip() and "  " not in l and "\t" not in l, repr(l)
print("ok")
PY
}
if command -v python3 >/dev/null; then
	check "output: one space, NFC, no line twice" form
else
	skip "output form" "no python3"
fi

nothing() {
	printf '' | textmode-test >"$tmp/e" && test ! -s "$tmp/e" &&
	printf '\377\376\n\n\r\n\000x\n' | textmode-test >"$tmp/e" &&
	test ! -s "$tmp/e"
}
check "empty and broken input: no lines, no crash" nothing

stops() {
	printf '%s\n' 'the cat and the dog' 'রাশিয়ার সঙ্গে উত্তর কোরিয়ার সম্পর্ক আরও গভীর হচ্ছে' \
	    'Kolkata Metro' '' | textmode-test -s >"$tmp/s" &&
	printf '0.600\n0.375\n0.000\n0.000\n' >"$tmp/want" &&
	same "$tmp/want" "$tmp/s"
}
check "stop-word density, Bengali and English" stops

seeds() {
	"$root/bench/clean-text-eval.sh" "$bin/textmode-test" >"$tmp/f1" &&
	cat "$tmp/f1" &&
	awk '/^seeds: all lines/ { f = $NF; for (i = 1; i <= NF; i++)
	    if ($i == "F1") f = $(i + 1) } END { exit !(f >= 0.9) }' "$tmp/f1"
}
if [ -f "$shared/data/seeds/body.jsonl" ]; then
	check "seed pages: body-line F1 >= 0.9" seeds
else
	skip "seed pages: body-line F1" "no ../shared/data/seeds"
fi
done_testing

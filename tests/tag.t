#!/bin/sh
# tag: dates and entities as docs/records.md shows them, output that
# validate passes, odd and large input, options, the trainer, and the
# seed pages' entity scores (when ../shared is there).
. "$(dirname "$0")/lib.sh"
plan 16

ex=$root/tests/golden/validate-example/stdin

docs_example() {
	# the cleaned record of docs/records.md through tag is the tagged one
	sed -n 4p "$ex" | tag >"$tmp/out" && sed -n 5p "$ex" >"$tmp/want" &&
	python3 - "$tmp/out" "$tmp/want" <<'PY'
import json, sys
out, want = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
for m in want["entities"]:
    assert m in out["entities"], "missing %r" % m
for m in want["dates"]:
    assert m in out["dates"], "missing date %r" % m
assert list(out)[:-2] == list(want)[:-2], "fields moved"
assert list(out)[-2:] == ["dates", "entities"]
PY
}
check "the example of docs/records.md: every mention found" docs_example

gaz_only() {
	sed -n 4p "$ex" | tag --model none >"$tmp/out" &&
	sed -n 5p "$ex" >"$tmp/want" && same "$tmp/want" "$tmp/out"
}
check "--model none: the example byte for byte" gaz_only

python3 - "$tmp/odd.jsonl" <<'PY'
import json, sys
recs = [
    {"url": "x:1"},
    {"url": "x:2", "title": ""},
    {"url": "x:3", "text": ""},
    {"url": "x:4", "text": "Vladimir Putin met Donald Trump in Alaska on "
     "Friday, August 15, 2025. NATO and the U.S. were told by CNN."},
    {"url": "x:5", "text": "\u0301\u0301\u09bc\u09cd\u200d\u200c \u09c7\u09be"},
    {"url": "x:6", "text": "৩২ ফেব্রুয়ারি ২০২৪ এবং ৩০ ফেব্রুয়ারি, ০ সাল, ২৯ ফেব্রুয়ারি ২০২৩"},
    {"url": "x:7", "text": "১২০০০ সালে, ৫০০ খ্রিস্টপূর্বাব্দে, in the year 99999, "
     "9999-12-31, 0000-01-01, ১ জানুয়ারি ১৮০০ সালে শেখ হাসিনা"},
    {"url": "x:8", "title": 5, "text": ["no"]},
    {"url": "x:9", "text": "রাশিয়ার\u00a0প্রেসিডেন্ট\u200bপুতিন। কিম জং উন-এর সঙ্গে ন্যাটো-সহ আল-জাজিরার খবর"},
    {"url": "x:10", "text": "য\u09bc রাশিয\u09bcার রাশি\u09dfা পুতিনের\n\nঢাকায় গত বছর"},
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for r in recs:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY

# Record 8 breaks the contract (a title that is a number): reported,
# skipped, exit 1; all the others out, and what is out passes validate.
valid_odd() {
	tag "$tmp/odd.jsonl" >"$tmp/odd.out" 2>"$tmp/odd.err"
	test $? -eq 1 && validate "$tmp/odd.out" &&
	grep -q 'odd.jsonl:8: title: want a string, got a number; skipped' \
	    "$tmp/odd.err" &&
	test "$(wc -l <"$tmp/odd.out")" -eq 9
}
check "odd texts: every good record out, validate passes, a bad one said" \
    valid_odd

passthrough() {
	python3 - "$tmp/odd.jsonl" "$tmp/odd.out" <<'PY'
import json, sys
inp = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
out = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert out[0] == inp[0], "untouched records changed"
for i in (1, 2):
    assert out[i]["dates"] == [] and out[i]["entities"] == [], out[i]
PY
}
check "no title or text: unchanged; empty ones: empty arrays" passthrough

english() {
	python3 - "$tmp/odd.out" <<'PY'
import json, sys
out = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ents = {(m["text"], m["norm"]) for m in out[3]["entities"]}
for want in [("Vladimir Putin", "Vladimir Putin"), ("Donald Trump", "Donald Trump"),
             ("Alaska", "Alaska"), ("NATO", "NATO"), ("CNN", "CNN")]:
    assert want in ents, "missing %r in %r" % (want, ents)
assert [m["value"] for m in out[3]["dates"]] == ["2025-08-15"], out[3]["dates"]
PY
}
check "English text: names and the date" english

bengali_forms() {
	python3 - "$tmp/odd.out" <<'PY'
import json, sys
out = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
got = [(m["text"], m["norm"]) for m in out[7]["entities"]]
for want in [("রাশিয়ার", "Russia"), ("পুতিন", "Vladimir Putin"),
             ("কিম জং উন-এর", "Kim Jong Un"), ("ন্যাটো", "NATO"),
             ("আল-জাজিরার", "Al Jazeera")]:
    assert want in got, "missing %r in %r" % (want, got)
# য় written as one code point or two: the same name, offsets as written
got = [(m["text"], m["norm"]) for m in out[8]["entities"]]
assert ("রাশিয\u09bcার", "Russia") in got and ("রাশি\u09dfা", "Russia") in got, got
assert ("পুতিনের", "Vladimir Putin") in got and ("ঢাকায়", "Dhaka") in got, got
PY
}
check "Bengali: suffixes, hyphens, NBSP/ZWNJ, nukta forms" bengali_forms

no_bad_dates() {
	python3 - "$tmp/odd.out" <<'PY'
import json, sys
out = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
vals = [m["value"] for m in out[5]["dates"]]
assert not any(v.startswith("2024-02-3") or v.startswith("2023-02-29") for v in vals), vals
PY
}
check "impossible dates (৩২ ফেব্রুয়ারি) give no such value" no_bad_dates

relative() {
	sed -n 4p "$ex" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
del r["published"]
print(json.dumps(r, ensure_ascii=False))
r2 = dict(r); del r2["fetched_at"]
print(json.dumps(r2, ensure_ascii=False))' >"$tmp/rel.jsonl" &&
	tag --no-entities --ref 2026-03-01 "$tmp/rel.jsonl" |
	    python3 -c '
import json, sys
a, b = (json.loads(l) for l in sys.stdin)
va = [m["value"] for m in a["dates"]]
vb = [m["value"] for m in b["dates"]]
assert "2023-11" in va, va          # fetched_at 2024-08-17
assert "2025-11" in vb, vb          # --ref 2026-03-01
assert a["entities"] == [] and b["entities"] == []'
}
check "relative dates: fetched_at, else --ref" relative

big() {
	python3 -c '
import json
t = ("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন ১৫ আগস্ট আলাস্কায় যান। " * 60000)[:5000000]
print(json.dumps({"url": "x:big", "published": "2025-08-16", "text": t}, ensure_ascii=False))
print(json.dumps({"url": "x:nospace", "text": "ক" * 2000000}, ensure_ascii=False))
' >"$tmp/big.jsonl" || return 1
	# 240,000 mentions: 1,680,006 values, over the default limit of the
	# next program, so tag skips the record unless told more
	tag "$tmp/big.jsonl" >"$tmp/big.out" 2>"$tmp/big.err"
	test $? -eq 1 && validate -q "$tmp/big.out" &&
	test "$(wc -l <"$tmp/big.out")" -eq 1 &&
	grep -q ':1: record would have more than 500000 values (see --max-values); skipped$' "$tmp/big.err" &&
	tag --max-values 1680006 "$tmp/big.jsonl" >"$tmp/big.out" &&
	validate -q --max-values 1680006 "$tmp/big.out" &&
	test "$(wc -l <"$tmp/big.out")" -eq 2 &&
	! tag --max-values 1680005 "$tmp/big.jsonl" 2>/dev/null >/dev/null
}
check "5 MB of text, and 2M letters without a space; a record over --max-values with its mentions is skipped" big

gazetteer() {
	printf 'খবর ডেস্ক\tORG\tKhobor Desk\nপুতিন\tLOC\tPutin Land\nbad line\n' \
	    >"$tmp/mine.tsv" &&
	echo '{"url":"x:1","text":"খবর ডেস্কের পুতিনকে"}' |
	    tag --gazetteer "$tmp/mine.tsv" 2>"$tmp/err" >"$tmp/g.out" &&
	grep -q '"norm":"Khobor Desk"' "$tmp/g.out" &&
	grep -q '"text":"পুতিনকে","type":"LOC","norm":"Putin Land"' "$tmp/g.out" &&
	grep -q 'mine.tsv:3: no type' "$tmp/err"
}
check "--gazetteer: own names first; bad lines reported" gazetteer

bad_model() {
	echo junk >"$tmp/m"
	echo '{"url":"x:1","text":"a"}' | tag --model "$tmp/m" >/dev/null 2>&1
	test $? -eq 2 &&
	{ echo '{"url":"x:1","text":"a"}' | tag --model "$tmp/none" 2>/dev/null
	  test $? -eq 2; }
}
check "a bad or missing model: exit 2" bad_model

full() {
	sed -n 4p "$ex" | tag >/dev/full 2>"$tmp/err"
	test $? -eq 2 && grep -q 'write error' "$tmp/err"
}
check "> /dev/full: exit 2" full

bad_input() {
	printf '{"url":"x:1","text":"ঢাকা"}\nnot json\n{"url":"x:2","text":"পুতিন"}\n' |
	    tag >"$tmp/b.out" 2>"$tmp/err"
	test $? -eq 1 && test "$(wc -l <"$tmp/b.out")" -eq 2 &&
	grep -q '<stdin>:2:' "$tmp/err"
}
check "a bad line is skipped, the good ones kept, exit 1" bad_input

train_same() {

	python3 -c '
import random
random.seed(1)
names = ["রহিম", "করিম", "ঢাকা", "খুলনা", "আওয়ামী লীগ"]
for i in range(300):
    n = random.choice(names)
    lab = "B-LOC" if n in ("ঢাকা", "খুলনা") else "B-PER" if " " not in n else "B-ORG"
    w = n.split()
    print("%s\t%s" % (w[0], lab))
    for x in w[1:]:
        print("%s\tI-ORG" % x)
    print("বলেন\tO\n।\tO\n")' >"$tmp/tr.txt" &&
	"$build/asan/bin/tag-train" -b 12 -e 2 -o "$tmp/m1" "$tmp/tr.txt" 2>/dev/null &&
	"$build/asan/bin/tag-train" -b 12 -e 2 -o "$tmp/m2" "$tmp/tr.txt" 2>/dev/null &&
	cmp "$tmp/m1" "$tmp/m2" &&
	echo '{"url":"x:1","text":"রহিম বলেন।"}' | tag --model "$tmp/m1" |
	    grep -q '"text":"রহিম","type":"PER"' &&
	"$build/asan/bin/tag-train" -b 12 -e 2 -k 3 "$tmp/tr.txt" | grep -q '^micro'
}
if [ -x "$build/asan/bin/tag-train" ]; then
	check "tag-train: same data, same model; it tags; -k scores" train_same
else
	skip "tag-train" "no $build/asan/bin/tag-train"
fi

memory() {
	python3 -c '
import json
for i in range(4000):
    print(json.dumps({"url": "x:%d" % i, "text": "রাশিয়ার প্রেসিডেন্ট পুতিন %d বার ঢাকায় এলেন। " % i * 20}, ensure_ascii=False))' >"$tmp/many.jsonl"
	head -400 "$tmp/many.jsonl" >"$tmp/few.jsonl"
	t=$build/opt/bin
	[ -x "$root/bin/tag" ] || return 0
	a=$( { /usr/bin/time -f %M "$root/bin/tag" "$tmp/few.jsonl" >/dev/null; } 2>&1)
	b=$( { /usr/bin/time -f %M "$root/bin/tag" "$tmp/many.jsonl" >/dev/null; } 2>&1)
	echo "max RSS: 400 records $a KB, 4000 records $b KB"
	test "$b" -lt $((a + 2048))
}
if [ -x /usr/bin/time ]; then
	check "memory flat in the number of records (bin/tag)" memory
else
	skip "memory flat" "no /usr/bin/time"
fi

if [ -f "$shared/data/seeds/entities.jsonl" ]; then
	seeds() {
		python3 "$root/bench/tag-eval.py" "$(command -v tag)" "$shared" |
		    tee /dev/stderr | grep -q 'recall 0.9.*PASS.*precision 0.9.*PASS'
	}
	check "seed pages: entity recall and precision >= 0.9" seeds
else
	skip "seed pages' entities" "no ../shared"
fi
done_testing

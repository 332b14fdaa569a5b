#!/bin/sh
# ner: tag's names on the error classes of issue 17 (initials and
# prefixes, surnames that are common words, organisations that hold a
# place, foreign names, England, a name again in the record, names in
# English text), one norm in both scripts, and the parts of make model:
# tag/nerdata.py's mapping and held-out split, tag-train -t, -k and -r,
# tag-clusters, a model of two parts.
. "$(dirname "$0")/lib.sh"
plan 18

# names TEXT: tag's mentions of TEXT, a line each: text|type|norm
names() {
	python3 -c 'import json, sys
print(json.dumps({"url": "x:1", "text": sys.argv[1]}, ensure_ascii=False))' \
	    "$1" | tag --no-dates >"$tmp/n.out" || return 1
	validate -q "$tmp/n.out" || return 1
	python3 -c 'import json, sys
for m in json.loads(open(sys.argv[1], encoding="utf-8").read())["entities"]:
    print("%s|%s|%s" % (m["text"], m["type"], m["norm"]))' "$tmp/n.out"
}

# has TEXT LINE...: each LINE (text|type, or text|type|norm) is a
# mention of TEXT
has() {
	h_text=$1
	shift
	names "$h_text" >"$tmp/has" || return 1
	cat "$tmp/has"
	for want; do
		case $want in
		*'|'*'|'*) grep -qxF "$want" "$tmp/has" ;;
		*) grep -q "^$want|" "$tmp/has" ;;
		esac || { echo "missing: $want"; return 1; }
	done
}

# hasnt TEXT LINE...: no mention is text|type
hasnt() {
	h_text=$1
	shift
	names "$h_text" >"$tmp/has" || return 1
	for bad; do
		if grep -q "^$bad|" "$tmp/has"; then
			echo "unwanted: $bad"
			return 1
		fi
	done
}

initials() {
	has "বরুড়া থানার ওসি এ কে এম কাউছার চৌধুরী বলেন, মো. নূর খান আজ ঢাকায় এসেছেন। শ ম রেজাউল করিম বলেন, তিনি সভায় যাবেন।" \
	    "এ কে এম কাউছার চৌধুরী|PER" "মো. নূর খান|PER" \
	    "শ ম রেজাউল করিম|PER" &&
	hasnt "মো. নূর খান আজ ঢাকায় এসেছেন।" "মো|PER" "নূর খান|PER"
}
check "initials and prefixes are the name's (মো. নূর খান, শ ম রেজাউল করিম)" initials

surname() {
	has "রাজশাহী বিশ্ববিদ্যালয়ের ছাত্রী সাথী সরকার বলেন, তিনি পরীক্ষা দেবেন।" \
	    "সাথী সরকার|PER" &&
	hasnt "রাজশাহী বিশ্ববিদ্যালয়ের ছাত্রী সাথী সরকার বলেন, তিনি পরীক্ষা দেবেন।" \
	    "সরকার|ORG"
}
check "a surname that is a common word (সাথী সরকার) is the person's" surname

org_place() {
	has "ঢাকা বিশ্ববিদ্যালয়ের উপাচার্য এবং রাজশাহী বিশ্ববিদ্যালয়ের শিক্ষকেরা মার্কিন পররাষ্ট্র দপ্তরের মুখপাত্রের সঙ্গে বৈঠক করেন।" \
	    "ঢাকা বিশ্ববিদ্যালয়ের|ORG" "রাজশাহী বিশ্ববিদ্যালয়ের|ORG" \
	    "মার্কিন পররাষ্ট্র দপ্তরের|ORG" &&
	hasnt "রাজশাহী বিশ্ববিদ্যালয়ের শিক্ষকেরা বৈঠক করেন।" "রাজশাহী|LOC"
}
check "an organisation wins over the place in it (ঢাকা বিশ্ববিদ্যালয়ের)" org_place

sports() {
	has "রিয়াল মাদ্রিদের কোচ জোসে মরিনহো বলেন, ইংল্যান্ডের বিপক্ষে ম্যাচটি কঠিন হবে।" \
	    "রিয়াল মাদ্রিদের|ORG" "জোসে মরিনহো|PER" \
	    "ইংল্যান্ডের|LOC|England"
}
check "foreign sports names, and England (CLDR)" sports

coref() {
	has "র‍্যাবের গুলিতে আহত কলেজছাত্র লিমন হোসেন এখন হাসপাতালে। চিকিৎসকেরা বলেন, লিমনের অবস্থা ভালো। লিমন আজ কথা বলেছেন। পরিবার লিমনকে বাড়ি নিতে চায়।" \
	    "লিমন হোসেন|PER|Liman Hosen" "লিমনের|PER|Liman Hosen" \
	    "লিমন|PER|Liman Hosen" "লিমনকে|PER|Liman Hosen"
}
check "a given name after the whole name is the same person (লিমন)" coref

english() {
	has "West Bengal chief minister Mamata Banerjee met Shakib Al Hasan in Kolkata on Monday." \
	    "Mamata Banerjee|PER" "Shakib Al Hasan|PER" "Kolkata|LOC" &&
	has "Mansur said the team would return to England next week." \
	    "Mansur|PER|Mansur" "England|LOC|England" &&
	has "Officials said Shakib scored 50 runs in Dhaka." "Shakib|PER"
}
check "English text: Mamata Banerjee, Shakib, Mansur" english

# One norm for a name in both scripts: CLDR's places (gazetteer), the
# gazetteer's persons, and names no list knows, spelt in Latin letters.
norms() {
	while IFS='|' read -r bn en norm; do
		names "$bn" >"$tmp/bn" && names "$en" >"$tmp/en" || return 1
		b=$(cut -d'|' -f3 "$tmp/bn" | head -1)
		e=$(cut -d'|' -f3 "$tmp/en" | head -1)
		if [ "$b" != "$norm" ] || [ "$e" != "$norm" ]; then
			echo "$bn: $b; $en: $e; want $norm"
			return 1
		fi
	done <<'EOF'
ইংল্যান্ডের বিপক্ষে খেলা হবে।|The match against England's side.|England
স্কটল্যান্ড থেকে খবর এসেছে।|News came from Scotland today.|Scotland
ক্যালিফোর্নিয়ার দাবানল ছড়াচ্ছে।|Fires spread in California today.|California
পশ্চিমবঙ্গের নির্বাচন শেষ হয়েছে।|The election in West Bengal ended.|West Bengal
পুতিনের সফর পিছিয়েছে।|Putin's visit was delayed.|Vladimir Putin
ভ্লাদিমির পুতিন বলেন, আলোচনা চলবে।|Vladimir Putin said talks would go on.|Vladimir Putin
শাকিব আল হাসান বলেন, দল তৈরি।|Shakib Al Hasan said the team was ready.|Shakib Al Hasan
মুখপাত্র রহিম খান বলেন, আলোচনা চলবে।|Spokesman Rahim Khan said talks would go on.|Rahim Khan
EOF
}
check "one norm in Bengali and English (পুতিনের, Putin's; শাকিব, Shakib)" norms

# tag/nerdata.py on a small shared folder: each source's conventions
# mapped, a fifth held out in runs of 100 sentences, repeats left out
mkshared() {
	s=$tmp/shared
	mkdir -p "$s/ner/rifat1493" "$s/ner/neon-p" "$s/ner/banglakit" \
	    "$s/ner-en/btc" "$s/ner-en/wikigold" "$s/ner-en/uner-ewt" \
	    "$s/corpus/dakshina-bn" "$s/wcxb-dev/ground-truth"
	python3 - "$s" <<'PY'
import gzip, json, sys
s = sys.argv[1]
with open(s + "/ner/rifat1493/train.txt", "w") as f:
    for k in range(500):
        f.write("এ\tB-PER\nকে\tB-PER\nএম\tB-PER\nরহিম%d\tI-PER\nবলেন\tO\n"
                "১২\tTIM\nরুশ\tB-LOC\n।\tO\n\n" % k)
with open(s + "/ner/neon-p/label_data.txt", "w") as f:
    for k in range(300):
        f.write("নাসির B-PER\nসাইফ%d B-PER\nদক্ষিণ B-LOC\nআফ্রিকায় O-LOC\n"
                "৪ B-UNIT\nরান 0\n\n" % k)
    f.write("নাসির B-PER\nসাইফ0 B-PER\nদক্ষিণ B-LOC\nআফ্রিকায় O-LOC\n"
            "৪ B-UNIT\nরান 0\n\n")
with open(s + "/ner/banglakit/main.jsonl", "w") as f:
    t = "অধ্যাপক করিম ঢাকা বিশ্ববিদ্যালয়ে যান।"
    f.write(json.dumps([t, ["B-PERSON", "L-PERSON", "O", "O", "O", "O"]],
                       ensure_ascii=False) + "\n")
    f.write(json.dumps([t, ["O", "O", "B-ORG", "L-ORG", "O", "O"]],
                       ensure_ascii=False) + "\n")
    f.write(json.dumps(["ভুল", ["O", "O"]], ensure_ascii=False) + "\n")
with open(s + "/ner-en/btc/a.conll", "w") as f:
    f.write("RT\tO\n@\tB-ORG\nbbc\tB-ORG\n#Putin\tB-PER\nsaid\tO\n"
            "http://t.co/x\tO\n\n")
with open(s + "/ner-en/wikigold/wikigold.conll.txt", "w") as f:
    f.write("-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nCapsule I-ORG\n"
            "Japanese I-MISC\nband O\n\n")
with open(s + "/ner-en/uner-ewt/x.iob2", "w") as f:
    f.write("# text = x\n1\tRussian\tB-LOC\t-\t-\n2\tTampa\tB-LOC\t-\t-\n"
            "3\tthing\tB-O\t-\t-\n\n")
with gzip.open(s + "/corpus/dakshina-bn/bn.wiki-filt.valid.text.shuf.txt.gz",
               "wt") as f:
    f.write("একটি বাক্য।\n")
json.dump({"ground_truth": {"main_content": "A line.\nAnother."}},
          open(s + "/wcxb-dev/ground-truth/0001.json", "w"))
PY
	printf 'রাশিয়া\tLOC\tRussia\nTampa\tLOC\tTampa\n' >"$tmp/places.tsv"
}

nerdata() {
	mkshared &&
	python3 "$root/tag/nerdata.py" "$tmp/shared" "$tmp/places.tsv" \
	    "$tmp/nd" >"$tmp/nd.out" && cat "$tmp/nd.out" &&
	python3 - "$tmp/nd" <<'PY'
import sys
d = sys.argv[1]
def sents(p):
    return [[tuple(l.split("\t")) for l in b.split("\n") if l]
            for b in open(p, encoding="utf-8").read().split("\n\n") if b.strip()]
r = sents(d + "/rifat.train") + sents(d + "/rifat.held")
assert len(sents(d + "/rifat.held")) == 100, "rifat: 400..499 held out"
assert [l for _, l in r[0]] == ["B-PER", "I-PER", "I-PER", "I-PER", "O",
                               "O", "O", "O"], r[0]
assert "রহিম400" in [w for w, _ in sents(d + "/rifat.held")[0]]
n = sents(d + "/neonp.train")
assert [l for _, l in n[0]] == ["B-PER", "I-PER", "B-LOC", "I-LOC", "O", "O"]
assert len(n) + len(sents(d + "/neonp.held")) == 300, "the repeat is out"
b = sents(d + "/banglakit.train")
assert len(b) == 1 and [l for _, l in b[0]] == ["O", "B-PER", "B-ORG",
                                               "I-ORG", "O", "O"], b
e = sents(d + "/btc.train")
assert e == [[("Putin", "B-PER"), ("said", "O")]], e
w = sents(d + "/wikigold.train")
assert [l for _, l in w[0]] == ["B-ORG", "I-ORG", "I-ORG", "O", "O"], w
u = sents(d + "/uner.train")
assert [l for _, l in u[0]] == ["O", "B-LOC", "O"], u
assert "একটি বাক্য" in open(d + "/bn.text").read()
assert "Another." in open(d + "/en.text").read()
PY
}
if command -v python3 >/dev/null; then
	check "nerdata.py: each source mapped, a fifth held out, repeats out" \
	    nerdata
else
	skip "nerdata.py" "no python3"
fi

# a small training set: two names in two contexts each
mktrain() {
	python3 -c '
import random
random.seed(3)
per = ["রহিম", "করিম", "সালমা", "জামাল", "নাসরিন", "কামাল"]
loc = ["খুলনা", "রংপুর", "সিলেট", "বরিশাল"]
for i in range(400):
    p, l = random.choice(per), random.choice(loc)
    print("%s\tB-PER\nআজ\tO\n%s\tB-LOC\nযান\tO\n।\tO\n" % (p, l))
    print("%s\tB-LOC\nথেকে\tO\n%s\tB-PER\nবলেন\tO\n।\tO\n" % (l, p))' \
	    >"$tmp/tr.txt"
	head -200 "$tmp/tr.txt" >"$tmp/te.txt"
}

train_test() {
	mktrain &&
	tag-train -b 12 -e 3 -t "$tmp/te.txt" "$tmp/tr.txt" >"$tmp/t.out" &&
	cat "$tmp/t.out" &&
	awk '$1 == "micro" && $4 > 0.9 { ok = 1 } END { exit !ok }' \
	    "$tmp/t.out" &&
	tag-train -b 12 -e 3 -k 4 "$tmp/tr.txt" | grep -q '^micro'
}
check "tag-train -t scores a held-out file, -k folds" train_test

two_parts() {
	tag-train -b 12 -e 3 -o "$tmp/bn.m" "$tmp/tr.txt" 2>/dev/null &&
	printf 'Rahim\tB-PER\nwent\tO\nto\tO\nSylhet\tB-LOC\n.\tO\n\n' \
	    >"$tmp/en.txt" &&
	tag-train -l en -b 12 -e 3 -r "$tmp/bn.m" -o "$tmp/en.m" \
	    "$tmp/en.txt" 2>/dev/null &&
	cat "$tmp/bn.m" "$tmp/en.m" >"$tmp/both.m" &&
	printf '%s\n' '{"url":"x:1","text":"কামাল আজ সিলেট যান। Salma went to Khulna."}' |
	    tag --model "$tmp/both.m" --no-dates >"$tmp/two.out" &&
	validate -q "$tmp/two.out" &&
	grep -q '"text":"কামাল","type":"PER"' "$tmp/two.out" &&
	cat "$tmp/bn.m" "$tmp/bn.m" >"$tmp/twice.m" &&
	{ echo '{"url":"x:1","text":"a"}' |
	    tag --model "$tmp/twice.m" 2>"$tmp/err"; test $? -eq 2; } &&
	grep -q 'two models of one language' "$tmp/err" &&
	head -c 40000 "$tmp/both.m" >"$tmp/cut.m" &&
	{ echo '{"url":"x:1","text":"a"}' | tag --model "$tmp/cut.m" \
	    2>"$tmp/err"; test $? -eq 2; } && grep -q 'model' "$tmp/err"
}
check "a model of two parts (cat bn en); one cut short or twice: exit 2" \
    two_parts

romanised() {
	# the English part learns the Bengali part's names in Latin letters
	tag-train -l en -b 12 -e 3 -r "$tmp/bn.m" -o "$tmp/en.m" \
	    "$tmp/en.txt" 2>/dev/null &&
	python3 - "$tmp/en.m" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
h = struct.unpack("<16sIIIffIII", d[:48])
names = d[48 + (1 << h[2]) * 8:48 + (1 << h[2]) * 8 + h[6]].decode()
for want in ("Rahim\tPER", "Salma\tPER", "Khulna\tLOC", "Nasrin\tPER"):
    assert want in names.split("\n"), (want, names)
PY
}
check "tag-train -r: the other part's names, in Latin letters" romanised

same_model() {
	tag-train -b 12 -e 3 -o "$tmp/m1" "$tmp/tr.txt" 2>/dev/null &&
	tag-train -b 12 -e 3 -o "$tmp/m2" "$tmp/tr.txt" 2>/dev/null &&
	cmp "$tmp/m1" "$tmp/m2"
}
check "tag-train: the same data, the same bytes" same_model

clusters() {
	python3 -c '
import random
random.seed(5)
a = ["রহিম", "করিম", "সালমা", "জামাল"]
b = ["খুলনা", "রংপুর", "সিলেট", "বরিশাল"]
for i in range(3000):
    print("%s বলেন আজ %s যাবেন" % (random.choice(a), random.choice(b)))' \
	    >"$tmp/c.txt" &&
	tag-clusters -c 6 -m 2 "$tmp/c.txt" >"$tmp/c1" 2>/dev/null &&
	tag-clusters -c 6 -m 2 "$tmp/c.txt" >"$tmp/c2" 2>/dev/null &&
	cmp "$tmp/c1" "$tmp/c2" && cat "$tmp/c1" &&
	python3 - "$tmp/c1" <<'PY'
import sys
c = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[1]))
names, places = ["রহিম", "করিম", "সালমা", "জামাল"], ["খুলনা", "রংপুর", "সিলেট", "বরিশাল"]
assert len({c[w] for w in names}) == 1, "names in one class"
assert len({c[w] for w in places}) == 1, "places in one class"
assert c[names[0]] != c[places[0]]
PY
}
check "tag-clusters: words of like places in one class, the same each run" \
    clusters

translit_rules() {
	has "মুখপাত্র আবদুর রহমান বলেন, মনসুর আলী ও শামীম ওসমান আসবেন।" \
	    "আবদুর রহমান|PER|Abdur Rahman" >/dev/null &&
	has "সাংবাদিক মাহফুজুর রহমান চৌধুরী বলেন, সভা হবে।" \
	    "মাহফুজুর রহমান চৌধুরী|PER|Mahfujur Rahman Choudhuri"
}
check "a name no list knows: its norm in Latin letters" translit_rules

demonyms() {
	hasnt "রুশ ও মার্কিন কর্মকর্তারা বৈঠক করেন। ভারতীয় দল এসেছে।" \
	    "রুশ|LOC" "মার্কিন|LOC" "ভারতীয়|LOC"
}
check "demonyms are not names (রুশ, মার্কিন, ভারতীয়)" demonyms

english_caps() {
	has "OFFICIALS IN DHAKA SAY SHEIKH HASINA WILL VISIT LONDON" \
	    "DHAKA|LOC|Dhaka" "SHEIKH HASINA|PER|Sheikh Hasina" \
	    "LONDON|LOC" &&
	has "SHAKIB AL HASAN MEETS BNP LEADERS IN KOLKATA" \
	    "SHAKIB AL HASAN|PER" "BNP|ORG" "KOLKATA|LOC" &&
	hasnt "OFFICIALS IN DHAKA SAY SHEIKH HASINA WILL VISIT LONDON" \
	    "WILL VISIT LONDON|LOC"
}
check "English headline in capitals" english_caps

abbrev() {
	has "Dr. Rahim Khan met Mr. Kamal Hossain in Dhaka. He left." \
	    "Rahim Khan|PER" "Kamal Hossain|PER"
}
check "no sentence end after Dr. and Mr." abbrev

if [ -f "$shared/data/ner/rifat1493/train.txt" ] &&
    [ -d /usr/share/unicode/cldr/common ]; then
	cldr_norms() {
		make -s -C "$root" build/ner/stamp >/dev/null &&
		python3 "$root/bench/norm-eval.py" "$(command -v tag)" \
		    /usr/share/unicode/cldr/common "$root/build/ner" \
		    "$shared/data/corpus/dakshina-bn/bn.translit.sampled.train.tsv" |
		    tee /dev/stderr | awk '/^LOC/ { split($0, a, "[()]");
		    if (a[4] + 0 < 0.99) bad = 1 } END { exit bad }'
	}
	check "CLDR's places: one norm in both scripts for 99% at least" \
	    cldr_norms
else
	skip "CLDR's places in both scripts" "no ../shared or unicode-cldr-core"
fi
done_testing

#!/bin/sh
# clean -j 4 and tag -j 4 under ThreadSanitizer (make tsan builds them
# in build/tsan/bin/; make check does when the compiler has TSan): no
# data race on records good and bad, English and Bengali (tag readies
# its model of each language and its Latin spellings when first
# needed, from whichever worker comes first), --strict, a closed pipe,
# and some Zyte pages when ../shared is there.  Output as -j 1's.
. "$(dirname "$0")/lib.sh"
plan 5

tsan=$build/tsan/bin
if [ ! -x "$tsan/clean" ] || [ ! -x "$tsan/tag" ] ||
    ! "$tsan/clean" --version >/dev/null 2>&1; then
	for i in 1 2 3 4 5; do
		skip "ThreadSanitizer run $i" "no build/tsan/bin (make tsan)"
	done
	done_testing
fi
TSAN_OPTIONS="exitcode=66 halt_on_error=0 second_deadlock_stack=1"
export TSAN_OPTIONS

# racefree OUT ERR: the run said nothing of ThreadSanitizer.
racefree() {
	if grep -q ThreadSanitizer "$2"; then
		grep -A12 'WARNING: ThreadSanitizer' "$2" | head -40
		return 1
	fi
}

# Fixture pages, text records (Bengali and English names the model
# finds and no list knows), errors and bad lines.
python3 - "$root/tests/clean" >"$tmp/in.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
pages = [open(os.path.join(d, f), encoding="utf-8").read()
         for f in sorted(os.listdir(d)) if f.endswith(".html")]
texts = ["রাশিয়ার প্রেসিডেন্ট পুতিন বৃহস্পতিবার (১৫ আগস্ট) আলাস্কায় "
         "পৌঁছান। সেখানে রহিমুল্লাহ খানবাহাদুর ও তাসনুভা জেরিনের সঙ্গে দেখা।",
         "Vladimir Putin reached Alaska on Thursday, 15 August. Marguerite "
         "Okonkwo-Delacroix of the Tallinn Harbour Board met him on Friday."]
for i in range(48):
    if i % 9 == 4:
        print('{"url": "https://b.example/%d", "html": %d}' % (i, i))
    elif i % 2:
        print(json.dumps({"url": "https://t.example/%d" % i,
              "title": texts[i % 2][:20], "text": texts[(i // 2) % 2]},
              ensure_ascii=False))
    else:
        print(json.dumps({"url": "https://bd.example/%d" % i,
              "html": pages[i % len(pages)]}, ensure_ascii=False))
PY

# run PROG ARGS... < in: PROG -j 4 under TSan, racefree, its output and
# status those of $bin/PROG -j 1.
run() {
	prog=$1
	shift
	cat >"$tmp/run.in"
	"$bin/$prog" -j 1 "$@" <"$tmp/run.in" >"$tmp/want" 2>"$tmp/want.err"
	echo $? >"$tmp/want.st"
	"$tsan/$prog" -j 4 "$@" <"$tmp/run.in" >"$tmp/got" 2>"$tmp/got.err"
	echo $? >"$tmp/got.st"
	racefree "$tmp/got" "$tmp/got.err" && same "$tmp/want" "$tmp/got" &&
	same "$tmp/want.err" "$tmp/got.err" && same "$tmp/want.st" "$tmp/got.st"
}

both() {
	run clean <"$tmp/in.jsonl" && cp "$tmp/got" "$tmp/cleaned" &&
	run tag <"$tmp/cleaned"
}
check "clean -j 4 and tag -j 4: no race, -j 1's output" both

strict() {
	run clean --strict <"$tmp/in.jsonl" &&
	{ cat "$tmp/cleaned"; echo '{"bad'; cat "$tmp/cleaned"; } |
	    run tag --strict
}
check "--strict: the run ends at a bad record with no race" strict

pipe() {
	for i in 1 2 3 4; do cat "$tmp/cleaned"; done >"$tmp/more"
	{ "$tsan/tag" -j 4 "$tmp/more" 2>"$tmp/pipe.err"; echo $? \
	    >"$tmp/pipe.st"; } | head -c 10 >/dev/null
	racefree /dev/null "$tmp/pipe.err" && test "$(cat "$tmp/pipe.st")" = 141
}
check "a closed pipe: tag -j 4 ends by SIGPIPE, no race" pipe

if [ ! -d "$shared/data/zyte/html" ]; then
	skip "Zyte pages: clean -j 4" "no ../shared/data/zyte"
	skip "Zyte pages: tag -j 4" "no ../shared/data/zyte"
	done_testing
fi
"$root/bench/zyte-records.py" "$shared/data/zyte" 2>/dev/null | head -n 20 \
    >"$tmp/zyte.jsonl"
check "20 Zyte pages: clean -j 4, no race" run clean <"$tmp/zyte.jsonl"
cp "$tmp/got" "$tmp/zyte.clean"
check "20 Zyte pages: tag -j 4, no race" run tag <"$tmp/zyte.clean"
done_testing

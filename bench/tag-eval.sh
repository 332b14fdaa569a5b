#!/bin/sh
# tag-eval.sh [-v]: tag's quality on the shared data, offline.
#
#  1. dates on ../shared/data/seeds/dates.jsonl (non-optional items,
#     resolved against each page's published date), ours beside
#     dateparser's, by bench/dates-eval.py; target >= 95% exact value
#     and span;
#  2. dates on our own sentences, bench/dates-dev.tsv and the check set
#     bench/dates-check.tsv (bench/dates-dev.py);
#  3. entities on ../shared/data/seeds/entities.jsonl by
#     bench/tag-eval.py: mention recall with the right type and norm,
#     and precision; targets >= 0.9 each;
#  4. NER span F1 (exact match) per type and micro: 5-fold
#     cross-validation on the training parts (make tag-cv), then the
#     held-out fifth of each source through tag (bench/ner-eval.py);
#     targets >= 0.80 Bengali, >= 0.85 English (the published BiGRU
#     reference: 0.727 on the Rifat1493 test split).
#
# -v lists the misses and false mentions of 2 and 3.  Exit 0 when it ran
# (PASS or FAIL) or was skipped for want of ../shared; 1 when a command
# failed; 2 for usage errors.
set -eu

prog=tag-eval.sh
verbose=

usage() {
	echo "usage: $prog [-v]" >&2
	exit 2
}
. "$(dirname "$0")/lib.sh"

while getopts v c; do
	case $c in
	v) verbose=-v ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

find_shared
need_tools python3
make -s bin/tag build/opt/bin/tag-train build/opt/bin/dates-test >/dev/null ||
	die "make failed"

echo "== dates (bench/dates-eval.py)"
if [ -f bench/dates-eval.py ]; then
	python3 bench/dates-eval.py $verbose --seeds "$shared/data/seeds" ||
		die "bench/dates-eval.py failed"
else
	echo "bench/dates-eval.py not there: skipped"
fi

echo "== dates: our own sentences (bench/dates-dev.py; dev set, then the check set)"
python3 bench/dates-dev.py $verbose || die "bench/dates-dev.py failed"
python3 bench/dates-dev.py $verbose bench/dates-check.tsv ||
	die "bench/dates-dev.py failed"

echo "== entities on the seed pages (bench/tag-eval.py)"
python3 bench/tag-eval.py "$root/bin/tag" "$shared" $verbose ||
	die "bench/tag-eval.py failed"

echo "== NER: 5-fold cross-validation (make tag-cv: the training parts, as make model)"
make -s tag-cv >"$root/bench/out/tag-cv.txt" || die "make tag-cv failed"
cat "$root/bench/out/tag-cv.txt"

echo "== NER: the held-out fifth of each source (bench/ner-eval.py)"
make -s build/ner/stamp >/dev/null || die "make build/ner/stamp failed"
python3 bench/ner-eval.py "$root/bin/tag" build/ner rifat neonp btc \
    wikigold uner || die "bench/ner-eval.py failed"

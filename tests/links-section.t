#!/bin/sh
# links on the section-page set of eight outlets' styles
# (tests/links/section/, hand-made gold lists, written apart from links'
# code): precision and recall of article links, per outlet (home and
# section page together) at least 0.95, and over all at least 0.97.
. "$(dirname "$0")/lib.sh"
plan 1

t_score() {
	python3 "$here/links/section/score.py" --run "links -q" \
	    "$here/links/section" >"$tmp/score" || return 1
	cat "$tmp/score"
	python3 - "$tmp/score" <<'PY'
import re, sys
per = {}
micro = None
for line in open(sys.argv[1]):
    f = line.split()
    if line.startswith("micro"):
        micro = dict(kv.split("=") for kv in f[1:])
    elif len(f) == 8 and f[1].isdigit():
        o = per.setdefault(f[0].rsplit("-", 1)[0], [0, 0, 0])
        for i, k in enumerate((3, 4, 5)):
            o[i] += int(f[k])
bad = []
for name, (tp, fp, fn) in sorted(per.items()):
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print("%-16s precision %.3f recall %.3f" % (name, p, r))
    if p < 0.95 or r < 0.95:
        bad.append(name)
ok = micro and float(micro["precision"]) >= 0.97 and float(micro["recall"]) >= 0.97
sys.exit(0 if ok and not bad and len(per) == 8 else 1)
PY
}
check "section pages of 8 outlets: P and R >= 0.95 each, >= 0.97 over all" t_score
done_testing

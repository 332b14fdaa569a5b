#!/bin/sh
# Real pages through the record layer: the 181 Zyte benchmark pages of
# ../shared as records survive passthru unchanged and pass validate.
# Skipped (with a note) where ../shared is absent.
. "$(dirname "$0")/lib.sh"
plan 2

if [ ! -d "$shared/data/zyte/html" ]; then
	skip "zyte pages survive passthru" "no ../shared/data/zyte"
	skip "zyte page records pass validate" "no ../shared/data/zyte"
	done_testing
fi

python3 - "$shared/data/zyte/html" "$tmp/zyte.jsonl" <<'PY'
import gzip, json, os, sys
d, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for name in sorted(os.listdir(d)):
        html = gzip.open(os.path.join(d, name)).read().decode("utf-8", "replace")
        f.write(json.dumps({"url": "https://zyte.example/" + name, "html": html,
            "n": 1.5, "ok": True}, ensure_ascii=False) + "\n")
PY

roundtrip() {
	passthru "$tmp/zyte.jsonl" >"$tmp/zyte.out" || return 1
	python3 - "$tmp/zyte.jsonl" "$tmp/zyte.out" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
b = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
print(len(a), "records in,", len(b), "out")
sys.exit(0 if a == b and len(a) == 181 else 1)
PY
}
check "zyte pages survive passthru unchanged" roundtrip
check "zyte page records pass validate" validate "$tmp/zyte.jsonl"
done_testing

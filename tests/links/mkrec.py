#!/usr/bin/env python3
"""mkrec.py URL FILE [KEY=VALUE | KEY:=JSON]...: a record as fetch writes it.

The body of FILE (UTF-8) becomes html; status 200 unless given.  A
KEY=VALUE adds a string, KEY:=JSON any JSON value (depth:=2).  FILE - is
no body at all.
"""
import json, sys

url, path = sys.argv[1], sys.argv[2]
rec = {"url": url, "final_url": url, "status": 200}
for kv in sys.argv[3:]:
    if ":=" in kv:
        k, v = kv.split(":=", 1)
        rec[k] = json.loads(v)
    else:
        k, v = kv.split("=", 1)
        rec[k] = v
if path != "-":
    rec["html"] = open(path, encoding="utf-8").read()
print(json.dumps(rec, ensure_ascii=False))

#!/bin/sh
# Every shell example of the README, docs/ and the man pages runs, as
# written, against the sample news site (tests/site): the ```sh blocks
# of the Markdown files (```crontab, ```install, ```logrotate and
# unmarked blocks are not shell to run here), and the .Dl lines and
# .Bd -literal blocks of each man page's EXAMPLES (crontab lines left
# out).  They run in a folder that is also $HOME, holding the files
# they name (feeds, urls.txt, pages.jsonl, sites, news/ ...), with the
# programs under their names and kh- names in PATH; the outside hosts
# of the examples (www.example-bd.com) stand for the sample site, whose
# outlets' names lead to the server on 127.0.0.1 (fetch there is fetch
# --resolve for them, which collect runs too).  An
# example passes when it exits 0 (141: a reader such as head left
# early) and says nothing of a usage error or a missing command or
# file.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"

docs="README.md docs/cron.md docs/scale.md docs/khobor.7 scripts/collect.1 $(cd "$root" && ls */*.1 | grep -v '^scripts/collect.1$')"
plan $(($(echo "$docs" | wc -w) + 1))

if ! command -v jq >/dev/null || ! command -v zstd >/dev/null; then
	for d in setup $docs; do
		skip "$d: its examples run" "jq and zstd are needed (apt-get install jq zstd)"
	done
	done_testing
fi

serve site/server.py
site=http://dainik.test:$port
E=http://courier.test:$port

# --- the folder the examples run in -------------------------------------
w=$tmp/w
mkdir -p "$w/bin" "$w/scripts"
for p in links clean tag story store validate; do
	ln -s "$bin/$p" "$w/bin/$p"
	ln -s "$bin/$p" "$w/bin/kh-$p"
done
printf '#!/bin/sh\nexec "%s" --resolve dainik.test:%s:127.0.0.1 --resolve courier.test:%s:127.0.0.1 "$@"\n' \
    "$bin/fetch" "$port" "$port" >"$w/bin/fetch"
chmod +x "$w/bin/fetch"
ln -s fetch "$w/bin/kh-fetch"
PATH=$w/bin:$PATH
ln -s "$root/scripts/collect" "$w/bin/collect"
ln -s "$root/scripts/collect" "$w/bin/kh-collect"
ln -s "$root/scripts/collect" "$w/scripts/collect"
printf '#!/bin/sh\nexec tag "$@"\n' >"$w/bin/my-tagger"
chmod +x "$w/bin/my-tagger"
printf 'import os\nos.execvp("clean", ["clean"])\n' >"$w/my_clean.py"

setup() {
	cd "$w" || return 1
	printf '%s\n' "$site/feed/rss.xml" "$E/rss.xml" >feeds
	printf '%s\n' "$site/national/news/50101" "$site/politics/news/50110" \
	    "$E/opinion" >urls.txt
	printf '%s\n' "$site/feed/atom.xml" "$E/" "$E/opinion" >sources.txt
	printf 'delay=0\ndainik %s/\ncourier %s/ %s/opinion\n' "$site" "$E" \
	    "$E" >sites
	fetch -q --delay 0 <feeds >feeds.jsonl &&
	fetch -q --delay 0 <urls.txt >pages.jsonl &&
	head -1 pages.jsonl >page.jsonl &&
	clean -q <pages.jsonl >articles.jsonl &&
	cp articles.jsonl clean.jsonl && cp articles.jsonl cleaned.jsonl &&
	tag -q <clean.jsonl >tagged.jsonl || return 1
	# The archive: the records of docs/records.md's worked example
	# (www.example-bd.com, 17 August 2024), a megabyte of other pages
	# that day (so that it has a dictionary), then a collect run.
	sed "s|https://www.example-bd.com|$site|g" \
	    "$here/golden/validate-example/stdin" >example.jsonl &&
	links -q feeds.jsonl | fetch -q --delay 0 >bulk.jsonl &&
	python3 - bulk.jsonl <<'PY' >>example.jsonl &&
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if '"html"' in l]
n = size = 0
while size < 1300000 and recs:
    for r in recs:
        n += 1
        u = "http://bulk.example/%d" % n
        r.update(url=u, final_url=u, fetched_at="2024-08-17T06:00:00Z")
        line = json.dumps(r, ensure_ascii=False)
        size += len(line.encode())
        print(line)
PY
	store -q -o news/ <example.jsonl &&
	test -f news/khobor.dict && test -f news/2024-08-17.jsonl.zst &&
	"$w/bin/collect" -q sites news/
}
check "the examples' folder: files, a sample-site archive with a dictionary" setup

# --- the examples --------------------------------------------------------
cat >"$tmp/extract.py" <<'PY'
"""extract.py FILE OUT: each example of FILE, a file OUT.N each."""
import re, sys
path, out = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
ex = []
if path.endswith(".md"):
    for m in re.finditer(r"^```sh\n(.*?)^```", text, re.S | re.M):
        ex.append(m.group(1))
else:
    sec, block = None, None
    for line in text.split("\n"):
        if line.startswith(".Sh "):
            sec = line[4:]
            continue
        if sec != "EXAMPLES":
            continue
        if block is not None:
            if line.startswith(".Ed"):
                ex.append("\n".join(block) + "\n")
                block = None
            else:
                block.append(line)
        elif line.startswith(".Bd -literal"):
            block = []
        elif line.startswith(".Dl "):
            ex.append(line[4:] + "\n")
def unroff(s):
    for a, b in (("\\e", "\\"), ("\\-", "-"), ("\\&", ""), ("\\(aq", "'"),
                 ("\\(dq", '"'), ("\\(ga", "`")):
        s = s.replace(a, b)
    return s
n = 0
for e in ex:
    if not path.endswith(".md"):
        e = unroff(e)
    # crontab lines are not shell
    e = "\n".join(l for l in e.split("\n")
                  if not re.match(r"^[*0-9/,-]+\s+[*0-9/,-]+\s", l))
    if e.strip():
        n += 1
        open("%s.%d" % (out, n), "w", encoding="utf-8").write(e)
print(n)
PY

# examples DOC: run each example of DOC; say each one's status.
examples() {
	doc=$1
	name=$(echo "$doc" | tr / _)
	n=$(python3 "$tmp/extract.py" "$root/$doc" "$tmp/ex.$name") || return 1
	echo "$doc: $n examples"
	[ "$n" -gt 0 ] || return 0
	bad=0
	i=1
	while [ "$i" -le "$n" ]; do
		f=$tmp/ex.$name.$i
		sed "s|https://www.example-bd.com|$site|g" "$f" >"$f.sh"
		(cd "$w" && HOME=$w PATH=$w/bin:$PATH DAINIK=$site \
		    timeout 300 bash -c "set -o pipefail; $(cat "$f.sh")" \
		    </dev/null >"$f.out" 2>"$f.err")
		st=$?
		if { [ $st -ne 0 ] && [ $st -ne 141 ]; } ||
		    grep -Eqi 'usage:|command not found|unknown option|no such file' "$f.err"; then
			bad=1
			echo "--- failed (exit $st):"
			cat "$f.sh"
			head -5 "$f.err"
		fi
		i=$((i + 1))
	done
	return $bad
}
for doc in $docs; do
	check "$doc: its examples run" examples "$doc"
done
done_testing

#!/bin/sh
# make install: prefixed program names, renamed man pages, DESTDIR.
. "$(dirname "$0")/lib.sh"
plan 7

dest=$tmp/dest
install() {
	make -s -C "$root" install DESTDIR="$dest" PREFIX=/opt/kh KH_PREFIX=kh-
}
check "make install DESTDIR=... PREFIX=... succeeds" install

installed() {
	test -x "$dest/opt/kh/bin/kh-validate" &&
	test -f "$dest/opt/kh/share/man/man1/kh-validate.1" &&
	test -f "$dest/opt/kh/share/doc/khobor/records.md" &&
	echo '{"url":"https://a.example/"}' | "$dest/opt/kh/bin/kh-validate" -p
}
check "programs, man pages and docs land under DESTDIR/PREFIX, kh- prefixed" installed

renamed() {
	man=$dest/opt/kh/share/man/man1/kh-validate.1
	grep -q '^\.Nm kh-validate$' "$man" && grep -q '^\.Dt KH-VALIDATE 1$' "$man" &&
	mandoc -Tlint "$man"
}
check "the man page is renamed with its program and stays lint-clean" renamed

messages() {
	"$dest/opt/kh/bin/kh-validate" -x 2>&1 | grep -q '^usage: kh-validate ' &&
	"$dest/opt/kh/bin/kh-store" 2>&1 | grep -q '^       kh-store cat '
}
check "an installed program names itself by its installed name" messages

tag_data() {
	# Found next to the program (PREFIX/share/khobor/tag), not in the
	# source tree: run a copy of the installed tree elsewhere.
	cp -r "$dest/opt/kh" "$tmp/moved"
	test -f "$tmp/moved/share/khobor/tag/ner.model" &&
	echo '{"url":"https://a.example/","text":"ঢাকায় ভ্লাদিমির পুতিন এলেন।"}' |
	    env -u KH_TAG_DATA "$tmp/moved/bin/kh-tag" | tee "$tmp/tagged" |
	    grep -q '"norm":"Vladimir Putin"' && "$tmp/moved/bin/kh-validate" "$tmp/tagged"
}
check "an installed tag finds its data from where it was installed" tag_data

collect_installed() {
	# kh-collect, its man page (renamed), khobor(7), the docs, the
	# systemd units; and it runs the kh- programs beside it.
	d=$dest/opt/kh
	test -x "$d/bin/kh-collect" &&
	grep -q '^\.Nm kh-collect$' "$d/share/man/man1/kh-collect.1" &&
	grep -q '^\.Dt KH-COLLECT 1$' "$d/share/man/man1/kh-collect.1" &&
	mandoc -Tlint "$d/share/man/man1/kh-collect.1" &&
	mandoc -Tlint "$d/share/man/man7/khobor.7" &&
	test -f "$d/share/doc/khobor/cron.md" &&
	test -f "$d/share/doc/khobor/sites.example" &&
	test -f "$d/share/doc/khobor/systemd/kh-collect.timer" &&
	"$d/bin/kh-collect" -x 2>&1 | grep -q '^usage: kh-collect '
}
check "kh-collect, its man page, khobor(7), cron.md, sites.example and the systemd units installed" collect_installed

collect_runs() {
	# Nothing listens on port 1: the run reaches no site (exit 1), and
	# the messages are the installed kh-fetch's and kh-links'.
	printf 'delay=0\nnowhere http://127.0.0.1:1/\n' >"$tmp/sites"
	env -u KH_FETCH -u KH_LINKS -u KH_CLEAN -u KH_TAG -u KH_STORE \
	    PATH=/usr/bin:/bin "$dest/opt/kh/bin/kh-collect" -q "$tmp/sites" \
	    "$tmp/news" 2>"$tmp/err"
	st=$?
	cat "$tmp/err"
	test $st -eq 1 && grep -q '^kh-fetch: ' "$tmp/news/.collect/stderr.log" &&
	grep -q 'no site could be reached' "$tmp/err"
}
check "an installed kh-collect runs the kh- programs installed beside it" collect_runs
done_testing

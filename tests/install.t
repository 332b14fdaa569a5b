#!/bin/sh
# make install: prefixed program names, renamed man pages, DESTDIR.
. "$(dirname "$0")/lib.sh"
plan 5

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
done_testing

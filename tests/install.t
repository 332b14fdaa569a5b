#!/bin/sh
# make install: prefixed program names, renamed man pages, DESTDIR.
. "$(dirname "$0")/lib.sh"
plan 4

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
done_testing

#!/bin/sh
# deps.sh [build|check|bench|demo|model]: make sure the Debian packages khobor needs
# are here.  Checks with pkg-config and command -v; as root it runs
# apt-get for what is missing, otherwise it prints the apt-get line and
# fails.  Quiet when all is present.
set -eu

what=${1:-build}
missing=

need_pc() {	# need_pc PKGCONFIG-NAME DEBIAN-PACKAGE
	pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"
}
need_cmd() {	# need_cmd COMMAND DEBIAN-PACKAGE
	command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}
need_py() {	# need_py PYTHON-MODULE DEBIAN-PACKAGE
	# Debian's python, where Debian's modules are (not a pyenv one)
	/usr/bin/python3 -c "import $1" >/dev/null 2>&1 || missing="$missing $2"
}

need_cmd pkg-config pkg-config
need_cmd cc gcc
need_cmd make make
need_pc json-c libjson-c-dev
need_pc libzstd libzstd-dev
need_pc zlib zlib1g-dev
need_pc libcurl libcurl4-openssl-dev
need_pc libxml-2.0 libxml2-dev
need_pc icu-i18n libicu-dev
# lib/url.c; the runtime libpsl5 comes with libcurl4
need_pc libpsl libpsl-dev
case $what in
check)
	need_cmd prove perl
	need_cmd mandoc mandoc
	need_cmd python3 python3
	need_cmd /usr/bin/time time
	need_cmd zstd zstd
	need_cmd jq jq		# the documents' examples (tests/docs.t)
	;;
bench)
	need_cmd jq jq
	need_cmd python3 python3
	need_cmd /usr/bin/time time
	need_py dateparser python3-dateparser	# tag's anchor
	need_cmd npm npm			# Readability.js, clean's anchor
	;;
demo)
	need_cmd python3 python3		# the sample site's server
	need_cmd flock util-linux		# collect's lock
	;;
build)
	;;
model)
	# make model: tag's training data, CLDR's names of places
	need_cmd python3 python3
	[ -f /usr/share/unicode/cldr/common/main/bn.xml ] ||
		missing="$missing unicode-cldr-core"
	;;
*)
	echo "usage: deps.sh [build|check|bench|demo|model]" >&2
	exit 2
	;;
esac

[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: missing:$missing" >&2
	echo "deps.sh: run as root: apt-get install -y$missing" >&2
	exit 1
fi
echo "deps.sh: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# The package lists may be stale or absent on a fresh machine.
# $missing is a list of words, split on purpose.
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >&2 ||
	{ apt-get update -q >&2 &&
	  apt-get install -y -q --no-install-recommends $missing >&2; }

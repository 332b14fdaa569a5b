# khobor: build, test, install.  See README.md.
#
#   make                 programs in bin/
#   make demo            the main job over the bundled sample news site
#   make check           sanitizer build (ASan+UBSan) and every test, offline
#   make bench           benchmarks (read ../shared)
#   make eval            quality tables: clean on wcxb-dev, Zyte and the
#                        seeds; tag's dates and entities (read ../shared)
#   make fuzz            libFuzzer targets in build/fuzz/ (clang)
#   make install PREFIX=/usr/local DESTDIR= KH_PREFIX=kh-

VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DOCDIR = $(PREFIX)/share/doc/khobor
# Data the programs read (tag's gazetteers and model), found at run time
# relative to the program: BINDIR/../share/khobor.
DATADIR = $(PREFIX)/share/khobor
# Installed names carry a prefix: kh-validate, kh-fetch, ...
KH_PREFIX = kh-

CFLAGS ?= -O2 -g
# A user's CFLAGS may add warnings, never drop these.
override CFLAGS += -std=c17 -Wall -Wextra -Werror -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -Wno-missing-field-initializers
override CPPFLAGS += -D_DEFAULT_SOURCE -DKH_VERSION='"$(VERSION)"' -Ilib

# UBSan traps (no runtime library): gcc's libubsan carries 6 MB of
# globals that LeakSanitizer scans at every exit, and make check starts
# thousands of programs (27 of each one's 72 ms).  A trap is reported
# with its file and line by ASan's handle_sigill (ASAN_OPTIONS below).
SAN = -O1 -fsanitize=address,undefined -fsanitize-undefined-trap-on-error \
	-fno-omit-frame-pointer -fno-sanitize-recover=all
export ASAN_OPTIONS ?= handle_sigill=1

# The libraries, found with pkg-config once scripts/deps.sh has made sure
# they are installed (see build/deps.mk below).  Every program links
# json-c; a program's own NAME_PKGS adds the rest, so a short-lived
# command (store get, validate) does not pay to load ICU or libcurl.
PKGS = json-c libzstd zlib libcurl libxml-2.0 icu-uc icu-i18n libpsl

# The included build files define targets of their own (stopwords): make
# alone must still build the programs.
.DEFAULT_GOAL := all

# Programs for users land in bin/; tools for tests and benchmarks in
# build/opt/bin/.  Both also get a sanitizer build in build/asan/bin/.
PROGS = validate store
validate_SRCS = validate/validate.c
store_SRCS = store/store.c store/put.c store/get.c store/archive.c \
	store/dedup.c store/warc.c \
	store/urlidx.c store/find.c store/words.c store/terms.c \
	store/report.c store/merge.c
# lib/url.c: store compares URLs in their canonical form (url.c loads
# ICU and libpsl when a URL needs them: store get starts without them)
store_PKGS = libzstd zlib
TOOLS = passthru warc-export sha1-test scan-test getlat
passthru_SRCS = bench/passthru.c
getlat_SRCS = bench/getlat.c
warc-export_SRCS = tests/warc-export.c store/warc.c
warc-export_PKGS = zlib
sha1-test_SRCS = tests/sha1-test.c tests/tap.c
scan-test_SRCS = tests/scan-test.c tests/members.c tests/tap.c

# Fuzz targets: one per parser of outside input, fuzz/NAME.c linked with
# NAME_FUZZ_LINK and the library (see "fuzzing" below).
FUZZ_TARGETS = records check archive scan
records_FUZZ_LINK =
check_FUZZ_LINK =
archive_FUZZ_LINK = store/archive.c store/dedup.c
archive_FUZZ_PKGS = libzstd icu-uc libpsl
# scan: rec_scan() against rec_parse(), the library alone
scan_FUZZ_LINK = tests/members.c

# The stages keep their build lines next to their code: each adds to
# PROGS, TOOLS and FUZZ_TARGETS and sets its NAME_SRCS and NAME_PKGS.
include fetch/build.mk clean/build.mk clean/text.mk tag/build.mk \
	tag/dates.mk links/build.mk unwarc/build.mk story/build.mk

LIB_SRCS = $(wildcard lib/*.c)

# lib/url.c's test, benchmark and fuzz target.
include lib/build.mk

# The fault shim the tests load with LD_PRELOAD (tests/fault.c says
# how), into the plain build only: ASan and interposition mix badly.
FAULT_SO = build/opt/lib/libfault.so

all: $(PROGS:%=bin/%) $(TOOLS:%=build/opt/bin/%) $(FAULT_SO)

$(FAULT_SO): tests/fault.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -shared -o $@ $< -ldl

# --- dependencies ------------------------------------------------------
# Generated, so that a fresh machine installs the packages before any
# pkg-config result is used; make restarts after making it.
build/deps.mk: scripts/deps.sh Makefile
	@mkdir -p $(@D)
	@scripts/deps.sh build
	@{ printf 'DEP_CFLAGS = %s\n' "$$(pkg-config --cflags $(PKGS))"; \
	   for p in $(PKGS); do \
	       printf 'LIBS_%s = %s\n' "$$p" "$$(pkg-config --libs $$p)"; \
	   done; } > $@
ifeq ($(filter clean uninstall,$(MAKECMDGOALS)),)
include build/deps.mk
endif

# --- objects: build/opt for bin/, build/asan for the checks -------------
build/opt/%.o: %.c build/deps.mk
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEP_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: %.c build/deps.mk build/asan/san.flags
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEP_CFLAGS) $(CFLAGS) $(SAN) -MMD -MP -c -o $@ $<

# The sanitizer flags the objects were built with: a change rebuilds them.
build/asan/san.flags: FORCE
	@mkdir -p $(@D)
	@echo '$(SAN)' | cmp -s - $@ || echo '$(SAN)' >$@

build/opt/libkhobor.a: $(LIB_SRCS:%.c=build/opt/%.o)
	$(AR) rcs $@ $^
build/asan/libkhobor.a: $(LIB_SRCS:%.c=build/asan/%.o)
	$(AR) rcs $@ $^

# The libraries of a program or fuzz target named $(1).
libs = $(LIBS_json-c) $(foreach k,$($(1)_PKGS),$(LIBS_$(k))) -lm -pthread

# One program ($(1)) built into a folder ($(2)): its objects plus the
# library.
define prog
$(2)/$(1): $$($(1)_SRCS:%.c=build/opt/%.o) build/opt/libkhobor.a
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$^ $$(call libs,$(1))
build/asan/bin/$(1): $$($(1)_SRCS:%.c=build/asan/%.o) build/asan/libkhobor.a
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(SAN) $$(LDFLAGS) -o $$@ $$^ $$(call libs,$(1))
endef
$(foreach p,$(PROGS),$(eval $(call prog,$(p),bin)))
$(foreach p,$(TOOLS),$(eval $(call prog,$(p),build/opt/bin)))

# --- ThreadSanitizer -----------------------------------------------------
# The programs with -j (worker threads) under -fsanitize=thread, in
# build/tsan/bin/, for tests/tsan.t; make check builds them when the
# compiler has TSan (tsan-ok says so).
TSAN = -O1 -fsanitize=thread -fno-omit-frame-pointer
TSAN_PROGS = clean tag
tsan: $(TSAN_PROGS:%=build/tsan/bin/%)
build/tsan/%.o: %.c build/deps.mk
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEP_CFLAGS) $(CFLAGS) $(TSAN) -MMD -MP -c -o $@ $<
build/tsan/libkhobor.a: $(LIB_SRCS:%.c=build/tsan/%.o)
	$(AR) rcs $@ $^
define tsanprog
build/tsan/bin/$(1): $$($(1)_SRCS:%.c=build/tsan/%.o) build/tsan/libkhobor.a
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(TSAN) $$(LDFLAGS) -o $$@ $$^ $$(call libs,$(1))
endef
$(foreach p,$(TSAN_PROGS),$(eval $(call tsanprog,$(p))))
# Whether $(CC) builds and runs a TSan program here.
tsan-ok = $(shell printf 'int main(void){return 0;}' | $(CC) $(TSAN) \
	-x c -o build/tsan-probe - 2>/dev/null && build/tsan-probe \
	>/dev/null 2>&1 && echo yes; rm -f build/tsan-probe)

# --- fuzzing -------------------------------------------------------------
# One target per parser of outside input: records (the record layer and
# validate's checks on what it parses), check (validate's value, date
# and language-tag parsers) and archive (store's reader of data files
# and indexes).  The plain driver replays each corpus
# without libFuzzer in make check; make fuzz builds the real fuzzers with
# clang; run them as build/fuzz/records fuzz/corpus/records.
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined
fuzz: $(FUZZ_TARGETS:%=build/fuzz/%)

define fuzzer
build/asan/fuzz/$(1)-replay: build/asan/fuzz/$(1).o build/asan/fuzz/driver.o \
    $$($(1)_FUZZ_LINK:%.c=build/asan/%.o) build/asan/libkhobor.a
	$$(CC) $$(CFLAGS) $$(SAN) $$(LDFLAGS) -o $$@ $$^ \
	    $$(call libs,$(1)_FUZZ)
build/fuzz/$(1): fuzz/$(1).c $$($(1)_FUZZ_LINK) build/fuzz/libkhobor.a \
    build/deps.mk
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $$(FUZZ_FLAGS) $$(CPPFLAGS) $$(DEP_CFLAGS) -o $$@ $$< \
	    $$($(1)_FUZZ_LINK) build/fuzz/libkhobor.a $$(call libs,$(1)_FUZZ)
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call fuzzer,$(t))))
# The library as an archive, so that a target links only the files it
# calls, and only they need their libraries (url.c: ICU, libpsl).
build/fuzz/lib/%.o: lib/%.c build/deps.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -c -o $@ $<
build/fuzz/libkhobor.a: $(LIB_SRCS:lib/%.c=build/fuzz/lib/%.o)
	$(AR) rcs $@ $^

# --- tests ---------------------------------------------------------------
CHECK_BINS = $(PROGS:%=build/asan/bin/%) $(TOOLS:%=build/asan/bin/%) \
	$(FUZZ_TARGETS:%=build/asan/fuzz/%-replay)

check: check-deps
	$(MAKE) all $(CHECK_BINS) $(if $(tsan-ok),tsan)
	KH_BIN=$(CURDIR)/build/asan/bin KH_BUILD=$(CURDIR)/build \
	    prove -j2 tests/*.t

check-deps:
	@scripts/deps.sh check

# --- benchmarks ----------------------------------------------------------
# Quality, not speed: clean's wcxb-dev table (tuning and held-out parts,
# Readability.js beside it when bench/node_modules has it), Zyte and the
# seeds; tag's dates and entities.
eval: all
	@scripts/deps.sh bench
	bench/clean-eval.sh
	bench/tag-eval.sh

bench: all
	@scripts/deps.sh bench
	bench/url.sh
	bench/records.sh
	bench/store.sh
	bench/links.sh
	bench/clean-eval.sh
	bench/clean.sh
	bench/tag-eval.sh
	bench/tag.sh
	bench/story.sh
	bench/unwarc.sh
	bench/pipeline.sh

# --- the demo ------------------------------------------------------------
# The main job over the sample news site (tests/site), offline: three
# runs of scripts/collect, and what the archive holds (scripts/demo.sh).
demo:
	@scripts/deps.sh demo
	@$(MAKE) -s -j$$(nproc 2>/dev/null || echo 2) $(PROGS:%=bin/%)
	@scripts/demo.sh

# --- install -------------------------------------------------------------
# Man pages are renamed with the programs: .Nm validate -> .Nm kh-validate;
# scripts/collect is installed as kh-collect, beside the programs it runs.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DOCDIR)/systemd
	for p in $(PROGS) collect; do \
	    d=$$p; f=bin/$$p; \
	    [ $$p = collect ] && d=scripts && f=scripts/collect; \
	    install -m 755 $$f $(DESTDIR)$(BINDIR)/$(KH_PREFIX)$$p && \
	    sed -e "s/^\.Nm $$p\$$/.Nm $(KH_PREFIX)$$p/" \
	        -e "s/^\.Dt [A-Z]* /.Dt $$(echo '$(KH_PREFIX)'$$p | \
	            tr a-z A-Z) /" $$d/$$p.1 \
	        > $(DESTDIR)$(MANDIR)/man1/$(KH_PREFIX)$$p.1 || exit 1; \
	done
	install -m 644 docs/khobor.7 $(DESTDIR)$(MANDIR)/man7/khobor.7
	install -m 644 docs/records.md docs/cron.md docs/scale.md README.md \
	    scripts/sites.example $(DESTDIR)$(DOCDIR)
	install -m 644 scripts/systemd/kh-collect.service \
	    scripts/systemd/kh-collect.timer $(DESTDIR)$(DOCDIR)/systemd
	mkdir -p $(DESTDIR)$(DATADIR)/tag
	install -m 644 tag/data/gazetteer.tsv tag/data/places-bd.tsv \
	    tag/data/places-world.tsv tag/data/translit.tsv \
	    tag/data/ner.model $(DESTDIR)$(DATADIR)/tag

uninstall:
	for p in $(PROGS) collect; do \
	    rm -f $(DESTDIR)$(BINDIR)/$(KH_PREFIX)$$p \
	        $(DESTDIR)$(MANDIR)/man1/$(KH_PREFIX)$$p.1; \
	done
	rm -f $(DESTDIR)$(MANDIR)/man7/khobor.7
	rm -rf $(DESTDIR)$(DOCDIR) $(DESTDIR)$(DATADIR)

clean:
	rm -rf bin build

.PHONY: all check check-deps bench eval demo fuzz install uninstall clean tsan FORCE
FORCE:
.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)

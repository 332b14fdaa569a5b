# clean/text.mk: build lines of text mode and datelines (included by the top Makefile).

# textmode-test: text mode and datelines alone, for tests/clean-text.t
# and bench/clean-text-eval.sh.
TOOLS += textmode-test
textmode-test_SRCS = tests/textmode-test.c clean/textmode.c clean/dateline.c
textmode-test_PKGS = icu-uc icu-i18n

FUZZ_TARGETS += textmode dateline
textmode_FUZZ_LINK = clean/textmode.c clean/dateline.c fuzz/valid.c
textmode_FUZZ_PKGS = icu-uc
dateline_FUZZ_LINK = clean/dateline.c fuzz/valid.c
dateline_FUZZ_PKGS = icu-uc

# The stop words come from the NER training text in ../shared; the
# generated header is committed, so a build needs neither.
stopwords:
	clean/mkstop.py ../shared > clean/stopwords.h.tmp
	mv clean/stopwords.h.tmp clean/stopwords.h

.PHONY: stopwords

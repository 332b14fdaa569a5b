# tag/dates.mk: build lines of the date finder (included by the top Makefile).
# tag links DATES_SRCS; dates-test reads "REF<TAB>TEXT" lines and prints
# the mentions found; fuzz/dates.c holds dates_find to its promises.
DATES_SRCS = tag/dates.c tag/dates-lex.c
TOOLS += dates-test
dates-test_SRCS = tests/dates-test.c $(DATES_SRCS)
dates-test_PKGS = icu-uc
FUZZ_TARGETS += dates
dates_FUZZ_LINK = $(DATES_SRCS) fuzz/valid.c
dates_FUZZ_PKGS = icu-uc

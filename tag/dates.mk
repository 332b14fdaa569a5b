# tag/dates.mk: build lines of the date finder (included by the top Makefile).
# dates-test reads "REF<TAB>TEXT" lines and prints the mentions found;
# fuzz/dates.c holds dates_find to its promises on any bytes.
TOOLS += dates-test
dates-test_SRCS = tests/dates-test.c tag/dates.c
dates-test_PKGS = icu-uc

# fetch: build lines (included by the top Makefile).

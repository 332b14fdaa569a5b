# clean: build lines (included by the top Makefile).

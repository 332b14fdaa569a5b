# clean/text.mk: build lines of text mode and datelines (included by the top Makefile).

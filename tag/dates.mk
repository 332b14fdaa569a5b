# tag/dates.mk: build lines of the date finder (included by the top Makefile).

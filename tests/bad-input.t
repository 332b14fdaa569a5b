#!/bin/sh
# Hostile input for every program (tests/bad-input/, written by
# tests/bad-input.py; see golden.sh): the good records around a bad one
# come out, a bad one is said with its line, records written pass
# validate, the exit status says what happened.
exec "$(dirname "$0")/golden.sh" --dir bad-input

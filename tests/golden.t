#!/bin/sh
# The golden, data-driven cases of tests/golden/ (see golden.sh).
exec "$(dirname "$0")/golden.sh"

#!/bin/sh
# usage: hostile.sh [--quick] [--runs N] [--corpus DIR]... YARDSTICK TESTS_DIR
# Hostile inputs against validate, scorecard and merge; see hostile.py.
exec python3 "$(dirname "$0")/hostile.py" "$@"

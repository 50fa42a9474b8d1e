#!/bin/sh
# usage: run-golden.sh BINARY DIR
#
# Golden diagnostics test. For each DIR/NAME.yaml that has a sibling
# DIR/NAME.expected, runs `BINARY validate DIR/NAME.yaml` from DIR's parent
# folder (so messages name a short, stable relative path) and compares
# what it printed on stderr, and its exit code, with NAME.expected:
#
#   exit: 65
#   yardstick: questionnaires/NAME.yaml:3:8: error: ...
#   ...exact stderr...
#
# A .yaml without its .expected is a failure: a new case is only checked
# once its expected output is recorded. With UPDATE=1 in the environment
# the .expected files are (re)written from the actual output instead,
# including for .yaml files that have none yet; review the change with git
# diff before committing it. Exit 0 when every case matches, 1 otherwise
# (also when DIR holds no case at all), 2 on a usage error.
set -u

if [ $# -ne 2 ]; then
	echo "usage: run-golden.sh BINARY DIR" >&2
	exit 2
fi
bin=$1
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
if [ ! -x "$bin" ]; then
	echo "run-golden.sh: $bin: not an executable" >&2
	exit 2
fi
dir=$(cd "$2" && pwd) || exit 2
base=$(basename "$dir")
cd "$(dirname "$dir")" || exit 2

# Stable output: a UTF-8 locale that exists everywhere, byte-order globs.
LC_ALL=C.UTF-8
export LC_ALL
unset YARDSTICK_PATH NO_COLOR

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

pass=0 fail=0 updated=0
for f in "$base"/*.yaml; do
	[ -f "$f" ] || continue
	expected=${f%.yaml}.expected
	if [ ! -f "$expected" ] && [ -z "${UPDATE:-}" ]; then
		echo "FAIL: $f has no ${expected##*/}; run with UPDATE=1 to create it, and review it"
		fail=$((fail + 1))
		continue
	fi
	"$bin" validate "$f" >/dev/null 2>"$tmp/stderr"
	code=$?
	{
		printf 'exit: %d\n' "$code"
		cat "$tmp/stderr"
	} >"$tmp/actual"
	if [ -n "${UPDATE:-}" ]; then
		if [ ! -f "$expected" ] || ! cmp -s "$tmp/actual" "$expected"; then
			cp "$tmp/actual" "$expected"
			echo "updated: $expected"
			updated=$((updated + 1))
		fi
		pass=$((pass + 1))
	elif cmp -s "$tmp/actual" "$expected"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $f (expected ${expected##*/} vs actual):"
		diff -u "$expected" "$tmp/actual" | sed 1,2d
		fail=$((fail + 1))
	fi
done

echo "golden $base: $pass passed, $fail failed${UPDATE:+, $updated updated}"
if [ $((pass + fail)) -eq 0 ]; then
	echo "FAIL: no .yaml case in $dir"
	exit 1
fi
[ "$fail" -eq 0 ]

#!/bin/sh
# usage: check-output.sh BINARY TESTS_DIR
#
# The -o behaviour of scorecard, compare and benchmark: writes the same
# bytes as standard output, never replaces an existing file without
# --force (exit 73, file untouched), never writes through a symbolic link,
# leaves no partial or temporary file; and benchmark output holds no
# organisation name, assessor or note from the files.
set -u
bin=$1
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
cd "$2" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
YARDSTICK_PATH=data/questionnaires
LC_ALL=C.UTF-8
export YARDSTICK_PATH LC_ALL
fail=0

no() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}

# -o writes what standard output would get.
"$bin" scorecard data/small-complete.yaml >"$tmp/stdout.txt" || no "scorecard to stdout"
"$bin" scorecard data/small-complete.yaml -o "$tmp/out.txt" || no "scorecard -o"
cmp -s "$tmp/stdout.txt" "$tmp/out.txt" || no "-o output differs from stdout"
mode=$(stat -c %a "$tmp/out.txt")
[ "$mode" = 644 ] || no "-o file mode is $mode, not 644"

# An existing file is kept without --force.
echo keep >"$tmp/existing.txt"
"$bin" scorecard data/small-complete.yaml -o "$tmp/existing.txt" 2>"$tmp/err"
code=$?
[ $code -eq 73 ] || no "overwriting without --force: exit $code, not 73"
[ "$(cat "$tmp/existing.txt")" = keep ] || no "file changed without --force"
grep -q -- --force "$tmp/err" || no "no --force hint: $(cat "$tmp/err")"

# --force replaces it.
"$bin" scorecard data/small-complete.yaml -f json -o "$tmp/existing.txt" --force ||
	no "--force failed"
head -c 1 "$tmp/existing.txt" | grep -q '{' || no "--force did not replace the file"

# A symbolic link at the target is not followed, even with --force.
echo target >"$tmp/target.txt"
ln -s "$tmp/target.txt" "$tmp/link.txt"
"$bin" scorecard data/small-complete.yaml -o "$tmp/link.txt" 2>/dev/null
code=$?
[ $code -eq 73 ] || no "writing to a symlink: exit $code, not 73"
[ "$(cat "$tmp/target.txt")" = target ] || no "wrote through a symbolic link"

# A folder that does not exist: exit 73, nothing left behind.
"$bin" scorecard data/small-complete.yaml -o "$tmp/nope/out.txt" 2>/dev/null
code=$?
[ $code -eq 73 ] || no "missing folder: exit $code, not 73"

# compare and benchmark honour -o the same way.
"$bin" compare data/small-provisional.yaml data/small-complete.yaml -o "$tmp/cmp.txt" ||
	no "compare -o"
"$bin" compare data/small-provisional.yaml data/small-complete.yaml -o "$tmp/cmp.txt" 2>/dev/null
[ $? -eq 73 ] || no "compare -o over an existing file is not exit 73"
"$bin" benchmark data/bench -o "$tmp/bench.txt" || no "benchmark -o"
"$bin" benchmark data/bench -o "$tmp/bench.txt" 2>/dev/null
[ $? -eq 73 ] || no "benchmark -o over an existing file is not exit 73"

# Nothing but the outputs asked for is left in the folder.
left=$(ls -A "$tmp" | grep -v -x -e stdout.txt -e out.txt -e existing.txt \
	-e err -e target.txt -e link.txt -e cmp.txt -e bench.txt)
[ -z "$left" ] || no "files left behind: $left"

# Benchmark output holds no names, assessors or notes from the files.
for fmt in text csv json; do
	"$bin" benchmark --format $fmt data/bench --highlight data/small-hostile.yaml \
		>"$tmp/bench.$fmt" 2>&1 || no "benchmark --format $fmt"
	for word in Secret Hidden Confidential Private Undisclosed Anonymous Quiet \
		'Named Person' 'must not leak' HYPERLINK calc; do
		if grep -q "$word" "$tmp/bench.$fmt"; then
			no "benchmark --format $fmt shows '$word' from an answers file"
		fi
	done
done

# Nor when one organisation's files are set aside: the output counts
# them, never names them (the notes on stderr name only the files).
for fmt in text csv json; do
	"$bin" benchmark --format $fmt data/bench data/bench-repeat \
		>"$tmp/bench.$fmt" 2>/dev/null || no "benchmark --format $fmt with repeats"
	grep -q -i "set.aside" "$tmp/bench.$fmt" || no "benchmark --format $fmt does not count the files set aside"
	for word in Anytown anytown COUNCIL 'Named Person' 'must not leak'; do
		if grep -q "$word" "$tmp/bench.$fmt"; then
			no "benchmark --format $fmt with repeats shows '$word' from an answers file"
		fi
	done
done

# Writing to a full device is an I/O error (exit 74), not a silent loss.
if [ -w /dev/full ]; then
	"$bin" scorecard data/small-complete.yaml >/dev/full 2>/dev/null
	code=$?
	[ $code -eq 74 ] || no "writing to /dev/full: exit $code, not 74"
fi

echo "output: $fail failures"
[ "$fail" -eq 0 ]

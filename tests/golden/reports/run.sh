#!/bin/sh
# usage: run.sh BINARY TESTS_DIR
#
# Golden tests of the reports: scorecard in every format, compare and
# benchmark. Each line of cases (next to this script) names an expected
# file under expected/, the widest line allowed in the output in display
# columns ('-' for no check) and the yardstick arguments; a line "path DIRS" sets
# YARDSTICK_PATH for the cases after it ("path -" unsets it, so built-in
# questionnaires are used). Commands run from TESTS_DIR, so paths in the
# output are short and stable.
#
# Standard output must match expected/NAME byte for byte. When the command
# exits non-zero or writes to standard error, expected/NAME.status holds
# "exit: N" and the standard error.
#
# With UPDATE=1 the expected files are (re)written instead, and the
# sha256 recorded in data/example-assessment.yaml is refreshed from the
# bundled questionnaire; review the changes with git diff. The sha256 in
# data/example-assessment-2026.1.yaml is never refreshed: that file was
# made with the released 2026.1 version and must keep finding it.
set -u

if [ $# -ne 2 ]; then
	echo "usage: run.sh BINARY TESTS_DIR" >&2
	exit 2
fi
bin=$1
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
cd "$2" || exit 2

LC_ALL=C.UTF-8
YARDSTICK_NOW=2026-11-21T10:00:00Z
export LC_ALL YARDSTICK_NOW
unset NO_COLOR YARDSTICK_PATH

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/xdg"
HOME=$tmp/home
XDG_DATA_HOME=$tmp/xdg
export HOME XDG_DATA_HOME

pass=0 fail=0 updated=0

# The example assessment records the bundled questionnaire's sha256.
example=data/example-assessment.yaml
bundled=../questionnaires/public-sector-digital-maturity.yaml
want=$(sha256sum "$bundled" | cut -d' ' -f1)
have=$(sed -n 's/.*sha256: \([0-9a-f]*\)}.*/\1/p' "$example")
if [ "$want" != "$have" ]; then
	if [ -n "${UPDATE:-}" ]; then
		sed -i "s/sha256: $have}/sha256: $want}/" "$example"
		echo "updated: sha256 in $example"
	else
		echo "FAIL: $example records sha256 $have but $bundled is $want;"
		echo "      check the example still fits and rerun with UPDATE=1"
		fail=$((fail + 1))
	fi
fi
# Last year's example records the archived version it was made with.
old_example=data/example-assessment-2026.1.yaml
archived=../questionnaires/archive/public-sector-digital-maturity-2026.1.yaml
want=$(sha256sum "$archived" | cut -d' ' -f1)
have=$(sed -n 's/.*sha256: \([0-9a-f]*\)}.*/\1/p' "$old_example")
if [ "$want" != "$have" ]; then
	echo "FAIL: $old_example records sha256 $have but $archived is $want:"
	echo "      a released version must never change"
	fail=$((fail + 1))
fi

check() {
	name=$1 maxw=$2
	shift 2
	exp=$here/expected/$name
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	code=$?
	: >"$tmp/status"
	if [ "$code" -ne 0 ] || [ -s "$tmp/err" ]; then
		{
			printf 'exit: %d\n' "$code"
			cat "$tmp/err"
		} >"$tmp/status"
	fi
	if [ "$maxw" != - ]; then
		# Display width (CJK and emoji take two columns); the
		# output must be valid UTF-8.
		if ! long=$(python3 "$here/textwidth.py" "$maxw" "$tmp/out" 2>&1); then
			long="not valid UTF-8: $long"
		fi
		if [ -n "$long" ]; then
			echo "FAIL: $name: lines wider than $maxw columns: $long"
			fail=$((fail + 1))
			return
		fi
	fi
	if [ -n "${UPDATE:-}" ]; then
		for pair in "out:$exp" "status:$exp.status"; do
			src=$tmp/${pair%%:*} dst=${pair#*:}
			if [ ! -s "$src" ] && [ "$src" = "$tmp/status" ]; then
				if [ -f "$dst" ]; then
					rm -f "$dst"
					echo "removed: $dst"
				fi
				continue
			fi
			if [ ! -f "$dst" ] || ! cmp -s "$src" "$dst"; then
				cp "$src" "$dst"
				echo "updated: $dst"
				updated=$((updated + 1))
			fi
		done
		pass=$((pass + 1))
		return
	fi
	ok=1
	if [ ! -f "$exp" ]; then
		echo "FAIL: $name: no expected output (run with UPDATE=1)"
		ok=0
	elif ! cmp -s "$tmp/out" "$exp"; then
		echo "FAIL: $name: output differs:"
		diff -u "$exp" "$tmp/out" | sed 1,2d | head -40
		ok=0
	fi
	if [ -f "$exp.status" ]; then
		if ! cmp -s "$tmp/status" "$exp.status"; then
			echo "FAIL: $name: exit status or standard error differs:"
			diff -u "$exp.status" "$tmp/status" | sed 1,2d
			ok=0
		fi
	elif [ -s "$tmp/status" ]; then
		echo "FAIL: $name: unexpected exit status or standard error:"
		cat "$tmp/status"
		ok=0
	fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
}

set -f
while read -r name maxw rest; do
	case $name in
	'' | '#'*) continue ;;
	path)
		if [ "$maxw" = - ]; then
			unset YARDSTICK_PATH
		else
			YARDSTICK_PATH=$maxw
			export YARDSTICK_PATH
		fi
		continue
		;;
	esac
	# shellcheck disable=SC2086 # the arguments are split on purpose
	check "$name" "$maxw" $rest
done <"$here/cases"

echo "golden reports: $pass passed, $fail failed${UPDATE:+, $updated updated}"
[ "$fail" -eq 0 ]

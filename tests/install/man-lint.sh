#!/bin/sh
# Checks the manual pages: no warning from mandoc's linter, groff or man,
# every command and long option of 'yardstick --help' and of each
# command's --help documented in yardstick(1), and the example
# questionnaire of yardstick-questionnaire(5) valid.
#
# Usage: man-lint.sh SOURCE_ROOT BUILD_ROOT YARDSTICK PAGE...
set -eu

src=$1 build=$2 yardstick=$3
yardstick=$(cd "$(dirname "$yardstick")" && pwd)/${yardstick##*/}
shift 3
. "$src/tests/install/common.sh"

tmp=$build/tests/man-lint.tmp
rm -rf "$tmp"
mkdir -p "$tmp/home"
home=$tmp/home
out=$tmp/stdout
err=$tmp/stderr
linters=0

for page in "$@"; do
	name=${page##*/}
	if command -v mandoc >/dev/null 2>&1; then
		linters=$((linters + 1))
		rc=0
		mandoc -T lint -W warning "$page" >"$out" 2>&1 || rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$out" ]; then
			fail "mandoc -T lint -W warning $name (exit $rc)"
			cat "$out" >&2
		else
			pass "mandoc -T lint -W warning $name"
		fi
	fi
	if command -v groff >/dev/null 2>&1; then
		linters=$((linters + 1))
		rc=0
		groff -man -ww -z "$page" >"$out" 2>&1 || rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$out" ]; then
			fail "groff -man -ww -z $name (exit $rc)"
			cat "$out" >&2
		else
			pass "groff -man -ww -z $name"
		fi
	fi
	if command -v man >/dev/null 2>&1; then
		linters=$((linters + 1))
		rc=0
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" >/dev/null 2>"$out" || rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$out" ]; then
			fail "man --warnings -l $name (exit $rc)"
			cat "$out" >&2
		else
			pass "man --warnings -l $name"
		fi
	fi
done
if [ "$linters" -eq 0 ]; then
	echo "FAIL: neither mandoc, groff nor man is installed (see YS_PACKAGES in scripts/lib.sh)"
	exit 1
fi

# The pages as plain text.
render()
{
	if command -v mandoc >/dev/null 2>&1; then
		mandoc -T ascii -O width=200 "$1"
	else
		LC_ALL=C MANWIDTH=200 man -l "$1"
	fi | sed 's/.\x08//g'
}

page1=
for page in "$@"; do
	case $page in
	*.1) page1=$page ;;
	esac
done

# Every command and option the program knows is documented.
render "$page1" >"$tmp/page1.txt"
run "$yardstick" --help
expect_rc 0 "yardstick --help"
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' "$out")
[ -n "$commands" ] || fail "no commands in 'yardstick --help'"
for cmd in $commands; do
	if ! grep -q "yardstick $cmd" "$tmp/page1.txt"; then
		fail "yardstick(1) does not document the command $cmd"
		continue
	fi
	run "$yardstick" "$cmd" --help
	if [ "$rc" -ne 0 ]; then
		printf 'note %s --help: exit %s; its options are not checked\n' "$cmd" "$rc"
		continue
	fi
	ok=1
	# shellcheck disable=SC2013 # options are single words
	for opt in $(grep -E '^ +-' "$out" | grep -oE -- '--[a-z][a-z-]*'); do
		if ! grep -qF -- "$opt" "$tmp/page1.txt"; then
			fail "yardstick(1) does not document $cmd $opt"
			ok=0
		fi
	done
	[ "$ok" = 0 ] || pass "yardstick(1) documents $cmd and its options"
done

# The example questionnaire of yardstick-questionnaire(5) is valid.
awk '/^A small but complete questionnaire/ { f = 1 }
	f && /^\.EX/ { p = 1; next }
	p && /^\.EE/ { exit }
	p' "$src/doc/yardstick-questionnaire.5" |
	sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\e/\\/g' >"$tmp/example.yaml"
if [ ! -s "$tmp/example.yaml" ]; then
	fail "no example questionnaire found in yardstick-questionnaire(5)"
else
	run "$yardstick" validate "$tmp/example.yaml"
	if expect_rc 0 "yardstick validate on the example of yardstick-questionnaire(5)"; then
		if [ -s "$err" ]; then
			fail "the example of yardstick-questionnaire(5) draws warnings: $(cat "$err")"
		else
			pass "the example questionnaire of yardstick-questionnaire(5) is valid, without warnings"
		fi
	fi
fi

finish

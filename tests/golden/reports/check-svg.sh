#!/bin/sh
# usage: check-svg.sh BINARY TESTS_DIR
#
# The SVG scorecards are well-formed XML (xmllint --noout) and render
# (rsvg-convert to PNG, which must come out 800 pixels wide). Set
# KEEP_PNG=DIR to keep the PNGs for a look.
set -u
bin=$1
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
cd "$2" || exit 2
for tool in xmllint rsvg-convert; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "FAIL: $tool is not installed (libxml2-utils, librsvg2-bin; see scripts/lib.sh)"
		exit 1
	fi
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
YARDSTICK_PATH=data/questionnaires
LC_ALL=C.UTF-8
export YARDSTICK_PATH LC_ALL
fail=0
for f in small-complete small-provisional small-workshop small-hostile example-assessment; do
	if ! "$bin" scorecard --format svg "data/$f.yaml" >"$tmp/$f.svg"; then
		echo "FAIL: $f: scorecard --format svg failed"
		fail=$((fail + 1))
		continue
	fi
	if ! xmllint --noout "$tmp/$f.svg"; then
		echo "FAIL: $f: not well-formed XML"
		fail=$((fail + 1))
		continue
	fi
	if ! rsvg-convert "$tmp/$f.svg" -o "$tmp/$f.png"; then
		echo "FAIL: $f: rsvg-convert could not render it"
		fail=$((fail + 1))
		continue
	fi
	# PNG width: bytes 17-20 of the IHDR chunk, big-endian.
	width=$(od -An -tu1 -j16 -N4 "$tmp/$f.png" |
		awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
	if [ "$width" != 800 ]; then
		echo "FAIL: $f: rendered $width pixels wide, not 800"
		fail=$((fail + 1))
	fi
	if [ -n "${KEEP_PNG:-}" ]; then
		cp "$tmp/$f.png" "$KEEP_PNG/"
	fi
done
echo "svg: $fail failures"
[ "$fail" -eq 0 ]

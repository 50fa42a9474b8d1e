#!/bin/sh
# usage: run.sh BINARY
#
# Golden tests of `yardstick merge`. The participants' files in data/ and
# the small test questionnaire (both versions) are copied to a scratch
# folder and every case runs there, so the paths in messages are short and
# stable. For each case, expected/NAME.status holds "exit: N" and the
# standard error; when the case writes a merged file, expected/NAME.yaml
# holds it byte for byte. Cases that must be refused also check that no
# output was written.
#
# With UPDATE=1 the expected files are (re)written instead; review the
# change with git diff before committing it.
set -u

if [ $# -ne 1 ]; then
	echo "usage: run.sh BINARY" >&2
	exit 2
fi
bin=$1
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
data=$here/../../data

LC_ALL=C.UTF-8
YARDSTICK_NOW=2026-11-21T10:00:00Z
export LC_ALL YARDSTICK_NOW
unset NO_COLOR

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/xdg" "$tmp/w/questionnaires" "$tmp/w/v2"
HOME=$tmp/home
XDG_DATA_HOME=$tmp/xdg
YARDSTICK_PATH=questionnaires
export HOME XDG_DATA_HOME YARDSTICK_PATH
cp -R "$here/data" "$tmp/w/data" &&
	cp "$data/questionnaires/small-test.yaml" "$tmp/w/questionnaires/" &&
	cp "$data/questionnaires-v2/small-test.yaml" "$tmp/w/v2/" || exit 2
cd "$tmp/w" || exit 2

pass=0 fail=0 updated=0

# compare NAME.EXT ACTUAL: one expected file against what was produced.
compare() {
	exp=$here/expected/$1
	if [ -n "${UPDATE:-}" ]; then
		if [ ! -f "$exp" ] || ! cmp -s "$2" "$exp"; then
			cp "$2" "$exp"
			echo "updated: expected/$1"
			updated=$((updated + 1))
		fi
	elif [ ! -f "$exp" ]; then
		echo "FAIL: expected/$1 is missing; run with UPDATE=1 to create it"
		fail=$((fail + 1))
		return 1
	elif ! cmp -s "$2" "$exp"; then
		echo "FAIL: $1 (expected vs actual):"
		diff -u "$exp" "$2" | sed 1,2d
		fail=$((fail + 1))
		return 1
	fi
	return 0
}

# check NAME OUT ARGS...: runs `yardstick ARGS`; OUT is the file the
# command writes ('-' for none, when it must be refused: OUT must then not
# appear, or keep its bytes when it already existed).
check() {
	name=$1 out=$2
	shift 2
	"$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	code=$?
	{
		printf 'exit: %d\n' "$code"
		cat "$tmp/stderr"
	} >"$tmp/status"
	ok=1
	compare "$name.status" "$tmp/status" || ok=
	if [ -s "$tmp/stdout" ]; then
		echo "FAIL: $name: merge wrote to standard output"
		fail=$((fail + 1))
		ok=
	fi
	case $out in
	-) ;;
	*)
		if [ ! -f "$out" ]; then
			echo "FAIL: $name: $out was not written"
			fail=$((fail + 1))
			ok=
		else
			compare "$name.yaml" "$out" || ok=
		fi
		;;
	esac
	[ -n "$ok" ] && pass=$((pass + 1))
}

# refused NAME OUT ARGS...: like check for a command that must write
# nothing: OUT must not appear, or must keep its bytes.
refused() {
	rname=$1 rout=$2
	shift 2
	before=
	[ -e "$rout" ] && before=$(cksum <"$rout")
	check "$rname" - "$@"
	if [ -n "$before" ]; then
		if [ "$(cksum <"$rout")" != "$before" ]; then
			echo "FAIL: $rname: $rout was changed"
			fail=$((fail + 1))
		fi
	elif [ -e "$rout" ] || [ -L "$rout" ]; then
		echo "FAIL: $rname: $rout was written"
		fail=$((fail + 1))
		rm -f "$rout"
	fi
}

d=data

# --- Merges -----------------------------------------------------------
check basic team.yaml merge $d/ab.yaml $d/cd.yaml $d/ef.yaml -o team.yaml
check single solo.yaml merge $d/ab.yaml -o solo.yaml
# A late participant merged into an earlier merge.
check late late.yaml merge team.yaml $d/gh-late.yaml -o late.yaml
# Organisations: ab names Westvale Police and ef Westvale Police (HQ), so
# basic above warns; names that differ only in case and spaces do not.
check org-case org-case.yaml merge $d/ab.yaml $d/gh-org-case.yaml -o org-case.yaml
# The merged file is canonical: merging it alone gives it back.
check again again.yaml merge team.yaml -o again.yaml
if ! cmp -s team.yaml again.yaml; then
	echo "FAIL: again: merging the merged file alone changed it"
	fail=$((fail + 1))
fi
# The questionnaire the files were answered with, given with -q.
check v2-given v2.yaml merge -q v2/small-test.yaml $d/v2-ij.yaml $d/v2-kl.yaml -o v2.yaml
# The questionnaire the files record (questionnaire.file, seen from their
# folder), without -q; the merged file records it from its own folder.
check v2-recorded v2-rec.yaml merge $d/v2-ij-file.yaml $d/v2-kl-file.yaml -o v2-rec.yaml
# --force replaces an existing output.
echo old >existing.yaml
check force existing.yaml merge $d/ab.yaml $d/cd.yaml -o existing.yaml --force

# The scorecard of a merged file lists the contested questions with
# their votes and spread.
"$bin" scorecard team.yaml >"$tmp/scorecard" 2>&1
printf 'exit: %d\n' $? >>"$tmp/scorecard"
if compare basic-scorecard.txt "$tmp/scorecard"; then pass=$((pass + 1)); fi

# --- Files that cannot be merged ------------------------------------------
refused other-id out.yaml merge $d/ab.yaml $d/other-id.yaml -o out.yaml
refused other-version out.yaml merge $d/ab.yaml $d/other-version.yaml -o out.yaml
refused other-sha out.yaml merge $d/ab.yaml $d/other-sha.yaml -o out.yaml
refused first-sha-unknown out.yaml merge $d/other-sha.yaml $d/ab.yaml -o out.yaml
refused same-participant out.yaml merge $d/ab.yaml $d/cd.yaml $d/ab-again.yaml -o out.yaml
refused same-file out.yaml merge $d/ab.yaml $d/ab.yaml -o out.yaml
refused participant-in-merge out.yaml merge team.yaml $d/cd.yaml -o out.yaml
refused no-assessor out.yaml merge $d/ab.yaml $d/no-assessor.yaml -o out.yaml
refused unknown-question out.yaml merge $d/ab.yaml $d/unknown-question.yaml -o out.yaml
refused bad-answer out.yaml merge $d/ab.yaml $d/bad-answer.yaml -o out.yaml
refused broken out.yaml merge $d/ab.yaml $d/broken.yaml -o out.yaml
refused missing out.yaml merge $d/ab.yaml $d/nobody.yaml -o out.yaml
refused several out.yaml merge $d/ab.yaml $d/other-id.yaml $d/cd.yaml \
	$d/no-assessor.yaml $d/ef.yaml -o out.yaml
refused v2-not-found out.yaml merge $d/v2-ij.yaml $d/v2-kl.yaml -o out.yaml
refused v2-wrong-q out.yaml merge -q questionnaires/small-test.yaml \
	$d/v2-ij.yaml $d/v2-kl.yaml -o out.yaml
# -q naming another questionnaire than the files answer.
refused q-other-id out.yaml merge -q public-sector-digital-maturity \
	$d/ab.yaml $d/cd.yaml -o out.yaml

# --- The output ------------------------------------------------------------
refused out-is-input $d/ab.yaml merge $d/ab.yaml $d/cd.yaml -o $d/ab.yaml
refused out-is-input-force $d/cd.yaml merge $d/ab.yaml $d/cd.yaml -o $d/cd.yaml --force
refused out-is-input-dotted ./data/../data/ab.yaml merge $d/ab.yaml $d/cd.yaml -o ./data/../data/ab.yaml --force
ln -s $d/ab.yaml link.yaml
refused out-is-symlink link.yaml merge $d/ab.yaml $d/cd.yaml -o link.yaml --force
ln $d/cd.yaml hard.yaml
refused out-is-hardlink hard.yaml merge $d/ab.yaml $d/cd.yaml -o hard.yaml --force
echo keep >exists.yaml
refused out-exists exists.yaml merge $d/ab.yaml $d/cd.yaml -o exists.yaml
refused out-folder-missing no/such/folder.yaml merge $d/ab.yaml -o no/such/folder.yaml

# --- Usage -----------------------------------------------------------------
refused no-output out.yaml merge $d/ab.yaml $d/cd.yaml
refused no-files out.yaml merge -o out.yaml
refused bad-option out.yaml merge --frobnicate $d/ab.yaml -o out.yaml

echo "golden merge: $pass passed, $fail failed${UPDATE:+, $updated updated}"
[ "$fail" -eq 0 ]

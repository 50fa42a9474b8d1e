#!/usr/bin/env bash
# Drives the bash completion of yardstick as bash would: sets COMP_WORDS
# and COMP_CWORD, calls the completion function, and compares COMPREPLY
# with what is expected, for commands, options, --format values,
# questionnaire ids, target profile names and file names.
#
# Usage: completion.sh SOURCE_ROOT BUILD_ROOT YARDSTICK COMPLETION
# (Not set -e: completion functions run in interactive shells without it.)
set -u

src=$1 build=$2 yardstick=$3 completion=$4
# Absolute paths: the test runs in a folder of its own.
yardstick=$(cd "$(dirname "$yardstick")" && pwd)/${yardstick##*/}
completion=$(cd "$(dirname "$completion")" && pwd)/${completion##*/}
tmp=$build/tests/completion.tmp
rm -rf "$tmp"
mkdir -p "$tmp/work/sub" "$tmp/qdir" "$tmp/home"
failures=0

# A questionnaire found by id through $YARDSTICK_PATH, with its own target
# profiles, written in block style.
sed -e 's/^id: golden$/id: comp-test/' \
	-e 's/^  baseline: {default: 1, cyber: 2}$/  "quoted-name": {default: 1}\n  stretch.2027:\n    default: 2\n    cyber: 2\n  basic_1: {cyber: 1}  # comment/' \
	"$src/tests/golden/questionnaires/ok-minimal.yaml" >"$tmp/qdir/comp-test.yaml"
export YARDSTICK_PATH=$tmp/qdir
export HOME=$tmp/home
unset XDG_DATA_HOME
if ! "$yardstick" validate "$tmp/qdir/comp-test.yaml" >/dev/null; then
	echo "FAIL: the test questionnaire is invalid" >&2
	exit 1
fi

cd "$tmp/work" || exit 1
: >a.yaml
: >b.yml
: >notes.txt
: >sub/inner.yaml
cp "$tmp/qdir/comp-test.yaml" local-q.yaml
# Answers files naming their questionnaire in the two YAML styles.
cat >flow-answers.yaml <<'ANSWERS'
yardstick-answers: 1
questionnaire: {id: comp-test, version: "1.0", sha256: 0000}
mode: interview
ANSWERS
cat >block-answers.yaml <<'ANSWERS'
yardstick-answers: 1
questionnaire:
  id: "ai-and-data-readiness"
  version: "2026.1"
mode: interview
ANSWERS
# A copy of a bundled questionnaire under another folder on the path, so
# that its targets are read from a file.
cp "$src/questionnaires/ai-and-data-readiness.yaml" "$tmp/qdir/"

# shellcheck source=/dev/null
. "$completion"

# check "EXPECTED WORDS" WORD...: completes the last WORD of the line.
check()
{
	local expected=$1 got
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_yardstick
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ')
	# shellcheck disable=SC2086 # the words of the list
	expected=$(printf "%s\n" $expected | sed "/^$/d" | sort | tr "\n" " ")
	if [[ $got == "$expected" ]]; then
		printf 'ok   %s -> %s\n' "$*" "$got"
	else
		printf 'FAIL: %s\n  expected: %s\n  got:      %s\n' "$*" "$expected" "$got" >&2
		failures=$((failures + 1))
	fi
}

y=$yardstick
ids="public-sector-digital-maturity remote-working-readiness ai-and-data-readiness comp-test"
ptargets="minimum good-practice"   # every bundled questionnaire's profiles
ctargets="quoted-name stretch.2027 basic_1"

# Commands and global options.
check "interview workshop scorecard compare merge benchmark validate list" "$y" ""
check "scorecard" "$y" s
check "compare" "$y" co
check "-h --help -V --version" "$y" -
check "--help --version" "$y" --

# Each command's options.
check "--format --force" "$y" scorecard --f
check "-f --format -o --output --force -t --target -w --width -q --questionnaire -h --help" "$y" scorecard -
check "-q --quiet -h --help" "$y" validate -
check "--org --output" "$y" interview --o
check "-p" "$y" workshop -p
check "--participant --participants" "$y" workshop --p
check "--target --timebox --tls-cert --tls-key" "$y" workshop --t
check "--live" "$y" workshop --l
check "-q --questionnaire -o --output -p --participant --participants --org --target --timebox --live --tls-cert --tls-key -h --help" "$y" workshop -
check "-o --output --force -q --questionnaire -h --help" "$y" merge -
check "-f --format -o --output --force -t --target -w --width -q --questionnaire -h --help" "$y" compare -
check "--highlight --help" "$y" benchmark --h
check "-h --help" "$y" list -

# --format values per command, as separate word, after '=' split off by
# readline, and glued.
check "text markdown html csv json svg" "$y" scorecard a.yaml --format ""
check "text markdown html csv json svg" "$y" scorecard a.yaml -f ""
check "text markdown json" "$y" compare a.yaml b.yml --format ""
check "text csv json" "$y" benchmark a.yaml --format ""
check "json" "$y" scorecard a.yaml --format = j
check "csv" "$y" benchmark --format = ""c
check "--format=json" "$y" scorecard a.yaml --format=j
check "--format=markdown" "$y" compare --format=m

# Questionnaire ids from 'yardstick list', and YAML files.
check "$ids a.yaml b.yml local-q.yaml flow-answers.yaml block-answers.yaml sub" "$y" validate ""
check "$ids a.yaml b.yml local-q.yaml flow-answers.yaml block-answers.yaml sub" "$y" interview -q ""
check "remote-working-readiness" "$y" workshop --questionnaire r
check "comp-test" "$y" validate comp
check "sub/inner.yaml" "$y" validate sub/

# Target profiles of the questionnaire chosen on the line.
check "$ctargets" "$y" interview -q comp-test --target ""
check "$ctargets" "$y" interview --questionnaire=comp-test --target ""
check "$ctargets" "$y" interview --questionnaire = comp-test --target ""
check "stretch.2027" "$y" interview -q local-q.yaml --target s
check "$ctargets" "$y" scorecard a.yaml -q "$tmp/qdir/comp-test.yaml" -t ""
check "--target=basic_1" "$y" interview -q comp-test --target=b
# ... or named by the answers file.
check "$ctargets" "$y" scorecard flow-answers.yaml --target ""
check "$ptargets" "$y" scorecard block-answers.yaml -t ""
check "$ctargets" "$y" interview -o flow-answers.yaml --target ""
# -q wins over the answers file.
check "$ptargets" "$y" scorecard flow-answers.yaml -q ai-and-data-readiness -t ""
check "$ctargets" "$y" compare flow-answers.yaml block-answers.yaml --target ""
# Nothing for a questionnaire that cannot be read.
check "" "$y" interview -q no-such-file.yaml --target ""

# File names: any file for -o, YAML files for answers.
check "a.yaml b.yml local-q.yaml flow-answers.yaml block-answers.yaml notes.txt sub" "$y" scorecard a.yaml -o ""
check "notes.txt" "$y" merge a.yaml --output n
check "a.yaml b.yml local-q.yaml flow-answers.yaml block-answers.yaml sub" "$y" benchmark sub -H ""
check "a.yaml b.yml local-q.yaml flow-answers.yaml block-answers.yaml sub" "$y" scorecard ""
check "" "$y" scorecard a.yaml ""
check "a.yaml b.yml local-q.yaml flow-answers.yaml block-answers.yaml sub" "$y" compare a.yaml ""
check "" "$y" compare a.yaml b.yml ""
check "a.yaml b.yml local-q.yaml flow-answers.yaml block-answers.yaml sub" "$y" benchmark a.yaml b.yml ""
check "" "$y" list ""

# The completion is registered for the command.
if [[ $(complete -p yardstick 2>/dev/null) != "complete -F _yardstick yardstick" ]]; then
	echo "FAIL: 'complete -p yardstick' is '$(complete -p yardstick 2>&1)'" >&2
	failures=$((failures + 1))
fi

if ((failures)); then
	echo "$failures failure(s)" >&2
	exit 1
fi

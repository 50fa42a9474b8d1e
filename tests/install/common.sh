# Helpers shared by the installation tests; sourced, POSIX sh. The test
# sets src (the source tree), home, out and err (files of its own).
# shellcheck disable=SC2154

failures=0

fail()
{
	printf 'FAIL: %s\n' "$*" >&2
	failures=$((failures + 1))
}

pass()
{
	printf 'ok   %s\n' "$*"
}

# run [NAME=VALUE]... COMMAND [ARG]...: runs COMMAND with a clean
# environment for finding questionnaires (no $YARDSTICK_PATH, no
# $XDG_DATA_HOME, $HOME an empty folder of the test) plus the settings
# given. Output goes to the files $out and $err, the exit code to $rc.
run()
{
	rc=0
	env -u YARDSTICK_PATH -u XDG_DATA_HOME HOME="$home" "$@" \
		>"$out" 2>"$err" || rc=$?
}

show()
{
	printf -- '--- stdout\n' >&2
	cat "$out" >&2
	printf -- '--- stderr\n' >&2
	cat "$err" >&2
}

# expect_rc CODE WHAT
expect_rc()
{
	if [ "$rc" -ne "$1" ]; then
		fail "$2: exit $rc, expected $1"
		show
		return 1
	fi
	return 0
}

# expect_out STRING WHAT: stdout holds STRING (fixed string).
expect_out()
{
	if ! grep -qF -- "$1" "$out"; then
		fail "$2: output lacks '$1'"
		show
		return 1
	fi
	return 0
}

# The ids of the bundled questionnaires, from the source tree.
bundled_ids()
{
	for f in "$src"/questionnaires/*.yaml; do
		sed -n 's/^id: *//p' "$f"
	done
}

# write_answers QUESTIONNAIRE_FILE OUT: an answers file for it with one
# question answered "don't know" (valid for every question).
write_answers()
{
	qid=$(sed -n 's/^id: *//p' "$1")
	qversion=$(sed -n 's/^version: *//p' "$1")
	qsha=$(sha256sum "$1" | cut -d ' ' -f 1)
	first=$(sed -n 's/^      - id: *//p' "$1" | head -n 1)
	cat >"$2" <<ANSWERS
yardstick-answers: 1
questionnaire: {id: $qid, version: $qversion, sha256: $qsha}
organisation: Install Test Council
assessors: [Sam Patel]
mode: interview
created: 2026-11-21T10:00:00Z
updated: 2026-11-21T10:00:00Z
answers:
  $first:
    answer: dont-know
    at: 2026-11-21T10:00:00Z
ANSWERS
}

# check_scorecard WHAT [NAME=VALUE]... YARDSTICK scorecard ANSWERS: the
# JSON and text scorecards of ANSWERS.
check_scorecard()
{
	what=$1
	shift
	run "$@" --format json
	expect_rc 0 "$what: scorecard --format json" || return 0
	expect_out '"yardstick-scorecard/2"' "$what: scorecard --format json" &&
		expect_out 'Install Test Council' "$what: scorecard --format json" &&
		pass "$what: scorecard --format json"
	run "$@"
	expect_rc 0 "$what: scorecard" &&
		expect_out 'PROVISIONAL' "$what: scorecard" &&
		pass "$what: scorecard (text)"
}

# The exit status of a test script.
finish()
{
	if [ "$failures" -ne 0 ]; then
		printf '%d failure(s)\n' "$failures" >&2
		exit 1
	fi
	exit 0
}

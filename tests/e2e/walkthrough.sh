#!/bin/sh
# The README's walk-throughs, one scene per kind of user, checked like any
# other end-to-end test. With E2E_CAPTURE set to a folder, each scene also
# writes the screens and outputs the README shows (scripts/update-docs
# does that and splices them in), so the README never shows a screen this
# test has not just seen.
#
#   IT lead      the start screen, a question screen, quitting, and the
#                profile after finishing the example assessment
#   facilitator  the workshop's vote screen, hidden votes and then the
#                spread revealed
#   exporter     the text and Markdown scorecards of the example
#                assessment, and a comparison with the finished one
#   author       validate on a questionnaire with mistakes
#
# The clock is fixed (YARDSTICK_NOW) and the inputs are files in the tree,
# so the captures only change when the program does.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$HERE/../data
YARDSTICK_NOW=2026-11-21T10:00:00Z
export YARDSTICK_NOW
unset COLUMNS LINES

# Commands run in the test folder, which has a copy of the example
# assessment at the path the README gives, so outputs name it the same way.
mkdir -p "$E2E_DIR/tests/data"
cp "$DATA/example-assessment.yaml" "$E2E_DIR/tests/data/"

# run_shown CAPTURE COMMAND...: runs a yardstick command in the test folder
# (the first word, "yardstick", is the binary under test) with standard
# error merged into standard output; writes "$ COMMAND" and its output to
# OUT, and the exit status to STATUS.
run_shown() {
	_cap=$1
	shift
	shift    # "yardstick"
	STATUS=0
	( cd "$E2E_DIR" && "$YS" "$@" ) > "$E2E_DIR/$_cap.out" 2>&1 || STATUS=$?
	OUT=$E2E_DIR/$_cap.out
	SHOWN="\$ yardstick $*"
}

# ---------------------------------------------------------------------
# IT lead: a new assessment, then finishing one over a later sitting.

e2e_start it "$YS interview -o anytown-2026.yaml --org \"Anytown Borough Council\" --assessor \"Sam Patel\" --target minimum; echo EXIT=\$? > it.rc"
e2e_wait it "Begin the assessment"
e2e_wait it "Anytown Borough Council"
e2e_wait it "Sam Patel"
e2e_wait it "minimum"
e2e_capture it it-start
e2e_keys it Enter
e2e_wait it "Question 1 of $NQ"
e2e_keys it 5
e2e_wait it "Question 2 of $NQ"
e2e_keys it 3
e2e_wait it "Question 3 of $NQ"
e2e_wait it "2 of $NQ answered"
e2e_capture it it-question
e2e_keys it q
e2e_wait_file "$E2E_DIR/it.rc"
grep -q EXIT=0 "$E2E_DIR/it.rc" || e2e_fail "quit: $(cat "$E2E_DIR/it.rc")"
e2e_history it | grep -E '^(Answers saved|Resume with)' > "$E2E_DIR/it-quit.txt" || true
grep -qF "Answers saved to anytown-2026.yaml (2 of $NQ answered)" "$E2E_DIR/it-quit.txt" ||
	e2e_fail "no closing message"
grep -qF "Resume with: yardstick interview -o anytown-2026.yaml" "$E2E_DIR/it-quit.txt" ||
	e2e_fail "no resume hint"
e2e_capture_text it-quit < "$E2E_DIR/it-quit.txt"
[ "$(e2e_count_answers "$E2E_DIR/anytown-2026.yaml")" = 2 ] || e2e_fail "2 answers expected"

# A later sitting: the example assessment has four questions open, one in
# each of areas 1, 2, 5 and 6 (the last question of each). The area menu goes to an area's first open
# question; answering the last one shows the profile.
cp "$DATA/example-assessment.yaml" "$E2E_DIR/anytown.yaml"
e2e_start fin "$YS interview -o anytown.yaml; echo EXIT=\$? > fin.rc" 100 30
e2e_wait fin "Question 14 of $NQ"
e2e_wait fin "Resumed: 86 of $NQ answered"
e2e_keys fin 3
e2e_wait fin "87 of $NQ answered"
for step in "2 27 4" "5 65 2" "6 90 3"; do
	# shellcheck disable=SC2086
	set -- $step
	e2e_keys fin a
	e2e_wait fin "Choose an area"
	e2e_keys fin "$1"
	e2e_wait fin "Question $2 of $NQ"
	e2e_keys fin "$3"
done
e2e_wait fin "FINAL: all $NQ answered"
e2e_wait fin "Profile"
e2e_capture fin it-profile
e2e_keys fin e
e2e_wait fin "Scorecard format"
e2e_keys fin Enter
e2e_wait fin "anytown-scorecard.txt"
e2e_keys fin Enter
e2e_wait fin "Scorecard written to anytown-scorecard.txt"
e2e_keys fin q
e2e_wait_file "$E2E_DIR/fin.rc"
grep -q EXIT=0 "$E2E_DIR/fin.rc" || e2e_fail "quit: $(cat "$E2E_DIR/fin.rc")"
grep -q "FINAL" "$E2E_DIR/anytown-scorecard.txt" || e2e_fail "the exported scorecard is not final"
[ "$(e2e_count_answers "$E2E_DIR/anytown.yaml")" = "$NQ" ] || e2e_fail "$NQ answers expected"
# The export is the scorecard command's output for the same file.
( cd "$E2E_DIR" && "$YS" scorecard anytown.yaml ) > "$E2E_DIR/fin-scorecard.txt" ||
	e2e_fail "scorecard of the finished assessment"
cmp -s "$E2E_DIR/fin-scorecard.txt" "$E2E_DIR/anytown-scorecard.txt" ||
	e2e_fail "the exported scorecard differs from yardstick scorecard's"

# ---------------------------------------------------------------------
# Facilitator: five participants vote on the first question, hidden
# until everyone has voted, then the spread and the proposed consensus.
# The clock is fixed, so the question timer stays at 00:00.

e2e_start ws "$YS workshop -o cyber-workshop.yaml --org \"Anytown Borough Council\" -p AB -p CD -p EF -p GH -p IJ --timebox 15; echo EXIT=\$? > ws.rc"
e2e_wait ws "Begin the workshop"
e2e_wait ws "AB, CD, EF, GH, IJ"
e2e_keys ws End Enter
e2e_wait ws "Question 1 of $NQ"
e2e_wait ws "Votes (0 of 5, hidden)"
e2e_keys ws 1 5 3
e2e_wait ws "Votes (3 of 5, hidden)"
e2e_wait ws "Next: GH."
e2e_screen ws | grep -q "No DPO designated  *No DPO designated" && e2e_fail "a vote is shown before the reveal"
e2e_capture ws facilitator-vote
e2e_keys ws 5 d
e2e_wait ws "Everyone has voted: Enter reveals"
e2e_keys ws Enter
e2e_wait ws "Spread of the votes"
e2e_wait ws "CONTESTED"
e2e_wait ws "Proposed: Designated post, currently vacant"
e2e_capture ws facilitator-reveal
e2e_keys ws Enter
e2e_wait ws "Question 2 of $NQ"
e2e_keys ws q
e2e_wait_file "$E2E_DIR/ws.rc"
grep -q EXIT=0 "$E2E_DIR/ws.rc" || e2e_fail "workshop quit: $(cat "$E2E_DIR/ws.rc")"
grep -q "AB: none" "$E2E_DIR/cyber-workshop.yaml" || e2e_fail "the votes were not saved"
grep -q "contested: true" "$E2E_DIR/cyber-workshop.yaml" || e2e_fail "not recorded as contested"

# ---------------------------------------------------------------------
# Exporter: the example assessment's scorecard, as text and Markdown, and
# what changed between it and the finished assessment above.

run_shown exporter-text yardstick scorecard tests/data/example-assessment.yaml
[ "$STATUS" = 0 ] || e2e_fail "scorecard exited $STATUS: $(cat "$OUT")"
grep -q "^Organisation: *Anytown Borough Council" "$OUT" || e2e_fail "scorecard header"
grep -q "PROVISIONAL" "$OUT" || e2e_fail "the example should be provisional"
awk 'length > 80 { exit 1 }' "$OUT" || e2e_fail "a scorecard line is over 80 columns"
{ echo "$SHOWN"; sed -n '1,40p' "$OUT"; echo "[...]"; } | e2e_capture_text exporter-text

run_shown exporter-markdown yardstick scorecard --format markdown tests/data/example-assessment.yaml
[ "$STATUS" = 0 ] || e2e_fail "markdown scorecard exited $STATUS"
grep -q '^| Area' "$OUT" || e2e_fail "no Markdown table in the scorecard"
{ echo "$SHOWN"; awk '/^## /{ n++ } n == 2 { exit } { print }' "$OUT" | sed -n '1,30p'; echo "[...]"; } |
	e2e_capture_text exporter-markdown

run_shown exporter-compare yardstick compare tests/data/example-assessment.yaml anytown.yaml
[ "$STATUS" = 0 ] || e2e_fail "compare exited $STATUS"
grep -q "Answers changed: *4" "$OUT" || e2e_fail "compare should find the 4 new answers"
{ echo "$SHOWN"; awk '/^CHANGED ANSWERS/ { n = NR } n && NR > n + 6 { exit } { print }' "$OUT"; echo "[...]"; } |
	e2e_capture_text exporter-compare

# ---------------------------------------------------------------------
# Questionnaire author: a questionnaire with mistakes, then fixed.

cat > "$E2E_DIR/wifi-check.yaml" <<'YAML'
yardstick: 1
id: wifi-check
title: WiFi check
version: "1"
levels:
  - name: Absent
  - name: Basic
  - name: Good
answer_sets:
  yn:
    - {key: "no", label: "No", value: 0}
    - {key: "yes", label: "Yes", value: 1}
areas:
  - id: wifi
    title: Staff and guest WiFi
    questions:
      - id: wifi-survey
        level: 1
        text: Has a WiFi survey been done at every site in the last three years?
        answers: yn
      - id: wifi-guest
        level: 3
        text: Is guest WiFi kept apart from the staff network?
        answer: yn
YAML
run_shown author-validate yardstick validate wifi-check.yaml
[ "$STATUS" = 65 ] || e2e_fail "validate of a broken questionnaire exited $STATUS, not 65"
grep -q "wifi-check.yaml:24:9: error: unknown key 'answer'.*did you mean 'answers'" "$OUT" ||
	e2e_fail "no 'did you mean' diagnostic: $(cat "$OUT")"
grep -q "^ *| *\^" "$OUT" || e2e_fail "no caret under the source line"
{ echo "$SHOWN"; cat "$OUT"; echo "\$ echo \$?"; echo "$STATUS"; } |
	e2e_capture_text author-validate

# The two mistakes fixed, and what validate would warn about next (advice
# for each question, a recommendation for each level below the top) added,
# so the questionnaire is clean.
sed -e 's/^        answer: yn/        answers: yn/' -e 's/^        level: 3/        level: 2/' \
	"$E2E_DIR/wifi-check.yaml" |
	awk '{ print }
	/^        answers: yn$/ && ++n == 1 { print "        advice: Survey every site, and again after any building work." }
	/^        answers: yn$/ && n == 2 { print "        advice: Put guest WiFi on its own network, away from staff systems." }
	END { print "    recommendations:"
		print "      - {level: 0, text: Find out where WiFi is weak.}"
		print "      - {level: 1, text: Keep guests off the staff network.}" }' \
	> "$E2E_DIR/fixed.yaml"
mv "$E2E_DIR/fixed.yaml" "$E2E_DIR/wifi-check.yaml"
run_shown author-fixed yardstick validate wifi-check.yaml
[ "$STATUS" = 0 ] || e2e_fail "the fixed questionnaire is still refused: $(cat "$OUT")"
if grep -q "warning:" "$OUT"; then
	e2e_fail "the fixed questionnaire draws warnings: $(cat "$OUT")"
fi
{ echo "$SHOWN"; cat "$OUT"; } | e2e_capture_text author-fixed

echo "ok: walk-through"

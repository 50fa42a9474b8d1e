#!/bin/sh
# Quit part way and resume: the second sitting lands on the first
# unanswered question, and a skipped question is found again.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

F=resume.yaml
e2e_new_interview a $F
for k in 1 2 3; do e2e_keys a $k; done
e2e_wait a "Question 4 of $NQ"
e2e_keys a Right             # skip question 4
e2e_wait a "Question 5 of $NQ"
e2e_keys a 2
e2e_wait a "Question 6 of $NQ"
e2e_wait a "4 of $NQ answered"
e2e_keys a q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q EXIT=0 "$E2E_DIR/$F.rc" || e2e_fail "quit: $(cat "$E2E_DIR/$F.rc")"
e2e_history a | grep -qF "Answers saved to $F (4 of $NQ answered)" ||
	e2e_fail "no closing message"
e2e_history a | grep -qF "Resume with: yardstick interview -o $F" ||
	e2e_fail "no resume hint"
[ "$(e2e_count_answers "$E2E_DIR/$F")" = 4 ] || e2e_fail "4 answers expected in the file"

# Second sitting: no start screen, straight to the first open question.
rm -f "$E2E_DIR/$F.rc"
e2e_start b "$YS interview -o $F; echo EXIT=\$? > $F.rc"
e2e_wait b "Question 4 of $NQ"
e2e_screen b | grep -q "Begin the assessment" && e2e_fail "start screen on resume"
e2e_keys b 1
e2e_wait b "Question 5 of $NQ"
e2e_wait b "5 of $NQ answered"
e2e_keys b q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q EXIT=0 "$E2E_DIR/$F.rc" || e2e_fail "second quit"
[ "$(e2e_count_answers "$E2E_DIR/$F")" = 5 ] || e2e_fail "5 answers expected in the file"

# A third sitting lands on question 6.
rm -f "$E2E_DIR/$F.rc"
e2e_start c "$YS interview -o $F; echo EXIT=\$? > $F.rc"
e2e_wait c "Question 6 of $NQ"
e2e_keys c q
e2e_wait_file "$E2E_DIR/$F.rc"
echo "ok: resume"

#!/bin/sh
# The interview's screens as a new user meets them: Enter on a fresh
# question records nothing; resuming skips parked questions; a plain
# `yardstick` offers the file from earlier the same day; the profile
# lists what blocks an area and goes to it, and its actions can be
# added, edited, deleted (after a confirmation) and scrolled at 80x24.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

# Enter on a fresh question: nothing chosen in advance, nothing recorded.
F=fresh.yaml
e2e_new_interview a $F
e2e_screen a | grep -qF "▶ 1" && e2e_fail "an option is selected in advance"
e2e_keys a Enter
e2e_wait a "Nothing recorded yet"
e2e_screen a | grep -qF "Question 1 of $NQ" || e2e_fail "Enter moved on"
[ "$(e2e_count_answers "$E2E_DIR/$F")" = 0 ] || e2e_fail "Enter recorded an answer"
# Red-flag options say so in words.
e2e_screen a | grep -qE "^ +1  .+ ! red flag *$" || e2e_fail "the red-flag option is not marked"
# Moving to an option and Enter records it.
e2e_keys a Down Down Enter
e2e_wait a "Question 2 of $NQ"
[ "$(e2e_count_answers "$E2E_DIR/$F")" = 1 ] || e2e_fail "Down Down Enter did not answer"
# Park question 2 (the status line says so), answer question 3, quit.
e2e_keys a p
e2e_wait a "Question 2 parked for later"
e2e_wait a "Question 3 of $NQ"
e2e_keys a 1
e2e_wait a "Question 4 of $NQ"
e2e_keys a q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -qx "EXIT=0" "$E2E_DIR/$F.rc" || e2e_fail "quit: $(cat "$E2E_DIR/$F.rc")"

# Resuming opens the first question neither answered nor parked.
rm -f "$E2E_DIR/$F.rc"
e2e_start b "$YS interview -o $F; echo EXIT=\$? > $F.rc"
e2e_wait b "Resumed: 2 of $NQ answered."
e2e_screen b | grep -qF "Question 4 of $NQ" || e2e_fail "resume did not open question 4"
# Answering the parked question takes it off the parking list.
e2e_keys b Left Left
e2e_wait b "PARKED for later"
e2e_keys b 2
e2e_wait b "Question 3 of $NQ"
e2e_keys b r
e2e_wait b "Review"
e2e_screen b | grep -qF " 0 parked" || e2e_fail "the answered question is still parked"
e2e_keys b q
e2e_wait_file "$E2E_DIR/$F.rc"
python3 - "$E2E_DIR/$F" <<'PY' || e2e_fail "question 2 is still parked in the file"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
assert not any(r.get("parked") for r in doc["answers"].values())
PY

# A plain `yardstick` twice in one folder: the second offers the first.
mkdir "$E2E_DIR/day"
e2e_start c "cd day && $YS; echo EXIT=\$? > ../day.rc"
e2e_wait c "Begin the assessment"
e2e_keys c Enter
e2e_wait c "Organisation:"
e2e_keys c "Anytown" Enter
e2e_keys c End Enter
e2e_wait c "Question 1 of $NQ"
e2e_keys c 3
e2e_wait c "Question 2 of $NQ"
e2e_keys c q
e2e_wait_file "$E2E_DIR/day.rc"
first=$(cd "$E2E_DIR/day" && ls assessment-*.yaml)
[ "$(echo "$first" | wc -l)" = 1 ] || e2e_fail "one answers file expected: $first"
rm -f "$E2E_DIR/day.rc"
e2e_start d "cd day && $YS; echo EXIT=\$? > ../day.rc"
e2e_wait d "Resume"
e2e_screen d | grep -qF "Resume              $first" || e2e_fail "the start screen does not offer $first"
e2e_screen d | grep -qF "1 answered, Anytown, last changed" ||
	e2e_fail "the offer does not say what the file holds"
e2e_keys d Enter
e2e_wait d "Resumed: 1 of $NQ answered."
e2e_wait d "Question 2 of $NQ"
e2e_keys d 1
e2e_wait d "Question 3 of $NQ"
e2e_keys d q
e2e_wait_file "$E2E_DIR/day.rc"
grep -qx "EXIT=0" "$E2E_DIR/day.rc" || e2e_fail "resumed quit: $(cat "$E2E_DIR/day.rc")"
[ "$(cd "$E2E_DIR/day" && ls)" = "$first" ] || e2e_fail "a second file was made: $(ls "$E2E_DIR/day")"
[ "$(e2e_count_answers "$E2E_DIR/day/$first")" = 2 ] || e2e_fail "the earlier file was not resumed"

# The profile: blockers with their answers, Enter goes to one.
P=profile.yaml
e2e_new_interview e $P
e2e_keys e 1
e2e_wait e "Question 2 of $NQ"
e2e_keys e s
e2e_wait e "What blocks the next level"
e2e_screen e | grep -qF "Q1 Has the organisation" || e2e_fail "the blocker is not listed"
e2e_screen e | grep -qF "! red flag: No DPO" || e2e_fail "the blocker's answer is not shown"
e2e_screen e | grep -qF "Red flags (1): Q1 Has the organisation" ||
	e2e_fail "the red flag is not named by its question"
e2e_keys e Right
e2e_wait e "▶ Q2 "
e2e_keys e Enter
e2e_wait e "Question 2 of $NQ"
# Actions: add one with a UK date, edit it, delete it after a no and a yes.
e2e_keys e s
e2e_wait e "No actions yet"
e2e_keys e +
e2e_wait e "New action:"
e2e_keys e "Appoint a DPO" Enter
e2e_wait e "Action owner:"
e2e_keys e "Sam" Enter
e2e_wait e "Due date"
e2e_keys e "31/02/2027" Enter
e2e_wait e "February 2027 has 28 days"
e2e_keys e C-u "31/01/2027" Enter
e2e_wait e "Appoint a DPO (Sam, due 2027-01-31)"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do e2e_keys e Right; done
e2e_wait e "▶ - Appoint a DPO"
e2e_keys e Enter
e2e_wait e "Action: Appoint a DPO"
e2e_keys e " and tell the ICO" Enter
e2e_wait e "Action owner: Sam"
e2e_keys e Enter
e2e_wait e "2027-01-31"
e2e_keys e Enter
e2e_wait e "Appoint a DPO and tell the ICO (Sam, due 2027-01-31)"
e2e_keys e -
e2e_wait e "Delete the selected action? (y/n)"
e2e_keys e n
e2e_wait e "The action was kept."
e2e_keys e -
e2e_wait e "Delete the selected action? (y/n)"
e2e_keys e y
e2e_wait e "Action deleted."
e2e_wait e "No actions yet"
# More actions than fit at 80x24 scroll, the selected one always shown.
for i in 1 2 3 4 5 6 7 8; do
	e2e_keys e + "Action number $i" Enter Enter Enter
	e2e_wait e "Action number $i"
done
e2e_screen e | grep -qF "more" || e2e_fail "no sign of the actions that do not fit"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do e2e_keys e Right; done
e2e_wait e "▶ - Action number 8"
e2e_keys e q
e2e_wait_file "$E2E_DIR/$P.rc"
python3 - "$E2E_DIR/$P" <<'PY' || e2e_fail "the actions in the file are not the eight added"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
acts = doc["areas"]["data"]["actions"]
assert [a["text"] for a in acts] == ["Action number %d" % i for i in range(1, 9)], acts
PY
echo "ok: screens"

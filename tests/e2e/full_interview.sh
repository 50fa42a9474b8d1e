#!/bin/sh
# A whole interview of the bundled questionnaire by keys: start screen,
# digits, arrows and Enter, don't know, N/A with a reason, a note, a parked
# question finished from the review list, then the profile with an owner
# and an action. Checks the answers file and the JSON scorecard.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

F=full.yaml
e2e_start s "$YS interview -o $F; echo EXIT=\$? > $F.rc"
e2e_wait s "Begin the assessment"
e2e_keys s Enter
e2e_wait s "Organisation:"
e2e_keys s "Anytown Council" Enter
e2e_keys s Down Enter
e2e_keys s "Sam Patel, Jo Bloggs" Enter
e2e_keys s Down Right Down Down Enter
e2e_wait s "Question 1 of $NQ"
[ -f "$E2E_DIR/$F" ] || e2e_fail "the answers file was not written when the assessment began"

# Question 1: a note, then an answer by arrows and Enter (the first Down
# selects the first answer: none is chosen in advance).
e2e_keys s n
e2e_wait s "Note:"
e2e_keys s "See the DPO register" Enter
e2e_wait s "Note: See the DPO register"
e2e_keys s Down Down Enter
e2e_wait s "Question 2 of $NQ"
# Question 2: parked for later.
e2e_keys s p
e2e_wait s "Question 3 of $NQ"

na=0
i=3
while [ $i -le $NQ ]; do
	e2e_wait s "Question $i of $NQ"
	if e2e_screen s | grep -q "x N/A" && [ $na -eq 0 ]; then
		e2e_keys s x
		e2e_wait s "Why does it not apply"
		e2e_keys s Enter
		e2e_wait s "N/A needs a reason"
		e2e_keys s "No such service here" Enter
		na=1
	elif [ $((i % 9)) -eq 0 ]; then
		e2e_keys s d
	else
		e2e_keys s $(( i % 3 + 1 ))
	fi
	i=$((i + 1))
done
[ $na -eq 1 ] || e2e_fail "no question offered N/A"

# The parked question is still open: the review list shows it.
e2e_wait s "1 unanswered, 1 parked"
e2e_keys s Enter
e2e_wait s "Question 2 of $NQ"
e2e_keys s 3
e2e_wait s "FINAL: all $NQ answered"

# Owner and an action for the selected area.
e2e_keys s o
e2e_wait s "Owner of this area"
e2e_keys s "Head of ICT" Enter
e2e_wait s "Owner: Head of ICT"
# One owner for six areas is 16.67%: whole percents are rounded down on
# screen as in the scorecard (DESIGN section 5, "Display").
e2e_wait s "Owners named for 16% of areas"
e2e_keys s +
e2e_keys s "Appoint a deputy DPO" Enter
e2e_wait s "Action owner"
e2e_keys s "HR" Enter
e2e_wait s "Due date"
e2e_keys s "2027-03-31" Enter
e2e_wait s "Appoint a deputy DPO (HR, due 2027-03-31)"
# Export the scorecard: the format and the file are chosen on screen.
# The default is plain text beside the answers file; a second export
# offers the next free name, and a name that is taken is refused.
e2e_keys s e
e2e_wait s "Scorecard format"
e2e_keys s Enter
e2e_wait s "full-scorecard.txt"
e2e_keys s Enter
e2e_wait s "Scorecard written to full-scorecard.txt"
e2e_keys s e
e2e_wait s "Scorecard format"
e2e_keys s Enter
e2e_wait s "full-scorecard-2.txt"
e2e_keys s Enter
e2e_wait s "Scorecard written to full-scorecard-2.txt"
e2e_keys s e
e2e_wait s "Scorecard format"
e2e_wait s "1 text"
e2e_keys s 2
e2e_wait s "full-scorecard.md"
e2e_keys s C-u "full-scorecard.txt" Enter
e2e_wait s "already exists"
e2e_keys s C-u "board-paper.md" Enter
e2e_wait s "Scorecard written to board-paper.md"
grep -q "Anytown Council" "$E2E_DIR/full-scorecard.txt" || e2e_fail "the exported scorecard"
grep -q "FINAL" "$E2E_DIR/full-scorecard.txt" || e2e_fail "the export is not final"
grep -q "Ownership clarity: 16% (1 of 6" "$E2E_DIR/full-scorecard.txt" ||
	e2e_fail "the exported ownership clarity differs from the screen's"
grep -q "^|" "$E2E_DIR/board-paper.md" || e2e_fail "the Markdown export has no table"
e2e_keys s q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q "EXIT=0" "$E2E_DIR/$F.rc" || e2e_fail "exit status: $(cat "$E2E_DIR/$F.rc")"
e2e_history s | grep -qF "Answers saved to $F ($NQ of $NQ answered)" ||
	e2e_fail "no closing message"

python3 - "$E2E_DIR/$F" "$NQ" <<'PY' || e2e_fail "answers file content"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
assert doc["yardstick-answers"] == 1
assert doc["organisation"] == "Anytown Council", doc["organisation"]
assert doc["assessors"] == ["Sam Patel", "Jo Bloggs"], doc["assessors"]
assert doc["target"] == "minimum", doc.get("target")
assert doc["mode"] == "interview"
ans = doc["answers"]
assert len(ans) == int(sys.argv[2]), len(ans)
assert all(r.get("answer") for r in ans.values())
first = list(ans.values())[0]
assert first["note"] == "See the DPO register", first
second = list(ans.values())[1]
assert not second.get("parked"), second     # answered: no longer parked
na = [r for r in ans.values() if r["answer"] == "n/a"]
assert len(na) == 1 and na[0]["na_reason"] == "No such service here", na
dk = [r for r in ans.values() if r["answer"] == "dont-know"]
assert len(dk) >= 5, len(dk)
area = doc["areas"]["data"]
assert area["owner"] == "Head of ICT", area
assert area["actions"] == [{"text": "Appoint a deputy DPO", "owner": "HR",
                            "due": "2027-03-31"}] or \
       [dict(a) for a in area["actions"]] == [{"text": "Appoint a deputy DPO",
       "owner": "HR", "due": __import__("datetime").date(2027, 3, 31)}], area
PY

"$YS" scorecard "$E2E_DIR/$F" --format json > "$E2E_DIR/score.json" ||
	e2e_fail "scorecard failed on the interview's answers"
python3 - "$E2E_DIR/score.json" "$NQ" <<'PY' || e2e_fail "scorecard JSON content"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["format"] == "yardstick-scorecard/2"
assert s["organisation"] == "Anytown Council"
assert s["provisional"] is False
n = int(sys.argv[2])
assert s["completion"]["answered"] == n and s["completion"]["total"] == n, s["completion"]
assert len(s["areas"]) == 6
assert sum(len(a["dont_know"]) for a in s["areas"]) >= 5
assert sum(len(a["not_applicable"]) for a in s["areas"]) == 1
PY
echo "ok: whole interview"

#!/bin/sh
# A facilitator runs the first area of the bundled questionnaire with five
# participants: names typed on the start screen (a duplicate refused),
# votes hidden as dots until revealed, a contested question with a
# dissent note, the proposal accepted and overridden, a question parked
# with votes part collected, quit and resume (the hidden votes come back
# hidden), then the rest of the area. Checks the answers file and the
# scorecard's contested questions.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
# A fixed clock: the timer stays at 00:00 and the time box full.
export YARDSTICK_NOW=2026-11-21T10:00:00Z

F=ws.yaml
e2e_start w "$YS workshop -o $F --org Anytown --timebox 15; echo EXIT=\$? > $F.rc"
e2e_wait w "Begin the workshop"
e2e_wait w "15 minutes per area"
# With the organisation given, the participants' row is selected.
e2e_keys w Enter
e2e_wait w "Participants (comma separated"
e2e_keys w "AB, CD, EF, GH, ab" Enter
e2e_wait w "ab is named twice"
e2e_keys w C-u "AB, CD, EF, GH, IJ" Enter
e2e_wait w "AB, CD, EF, GH, IJ"
e2e_keys w End Enter
e2e_wait w "Question 1 of $NQ"
e2e_wait w "Votes (0 of 5, hidden)"
e2e_wait w "Area box 15:00 left"
e2e_wait w "Time 00:00"

# Question 1 (data-dpo): votes none, appointed, vacant, appointed,
# don't know. Hidden: a dot per vote, never the answer.
e2e_keys w 1
e2e_wait w "Votes (1 of 5, hidden)"
e2e_wait w "AB has voted (1 of 5). Next: CD."
e2e_screen w | grep -E '^ +AB ' | cut -c1-26 | grep -q "●" || e2e_fail "no dot for AB's vote"
e2e_screen w | grep -E '^ +AB ' | cut -c1-26 | grep -q "No DPO" && e2e_fail "AB's vote shown before the reveal"
# Saved at once, though hidden on the screen.
grep -q "AB: none" "$E2E_DIR/$F" || e2e_fail "AB's vote was not saved at once"
e2e_keys w 5 3 5 d
e2e_wait w "Votes (5 of 5, hidden)"
# Backspace takes IJ's vote back; IJ votes again.
e2e_keys w BSpace
e2e_wait w "Votes (4 of 5, hidden)"
e2e_wait w "IJ's vote was taken back"
e2e_keys w d
e2e_wait w "Everyone has voted: Enter reveals"
e2e_keys w Enter
e2e_wait w "Spread of the votes"
e2e_wait w "Range: 4 steps"
e2e_wait w "CONTESTED"
e2e_wait w "Proposed: Designated post, currently vacant"
e2e_screen w | grep -E '^ +CD ' | cut -c1-26 | grep -q "5 Designated" || e2e_fail "CD's vote not shown after the reveal"
e2e_keys w n
e2e_wait w "Dissent note"
e2e_keys w "AB: there is no DPO in practice" Enter
e2e_wait w "Dissent note added"
e2e_wait w "Note: Dissent: AB: there is no DPO in practice"
# Accept the proposal.
e2e_keys w Enter
e2e_wait w "Question 2 of $NQ"
e2e_wait w "agreed: Designated post, currently vacant (contested)"

# Question 2 (data-breach-route): revealed with v, the proposal
# (informal) overridden with 3 (published).
e2e_keys w 2 2 3 2 2
e2e_wait w "Votes (5 of 5, hidden)"
e2e_keys w v
e2e_wait w "Range: 1 step"
e2e_screen w | grep -q CONTESTED && e2e_fail "question 2 should not be contested"
e2e_wait w "Proposed: Informal"
e2e_keys w 3
e2e_wait w "Question 3 of $NQ"

# Question 3: two votes, then parked.
e2e_keys w 1 3
e2e_wait w "Votes (2 of 5, hidden)"
e2e_keys w p
e2e_wait w "Question 4 of $NQ"

# Question 4: agreed; question 5: two votes, then quit.
e2e_keys w 4 4 4 5 4
e2e_wait w "Votes (5 of 5, hidden)"
e2e_keys w Enter
e2e_wait w "Range: 1 step"
e2e_keys w Enter
e2e_wait w "Question 5 of $NQ"
e2e_keys w 1 2
e2e_wait w "Votes (2 of 5, hidden)"
e2e_keys w q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q EXIT=0 "$E2E_DIR/$F.rc" || e2e_fail "quit: $(cat "$E2E_DIR/$F.rc")"
e2e_history w | grep -qF "Resume with: yardstick workshop -o $F" || e2e_fail "no resume hint"

# Resume: participants from the file; the first question neither settled
# nor parked is question 5, its two votes hidden again; the parked one,
# question 3, keeps its votes hidden too.
rm -f "$E2E_DIR/$F.rc"
e2e_start r "$YS workshop -o $F --timebox 15; echo EXIT=\$? > $F.rc"
e2e_wait r "Question 5 of $NQ"
e2e_wait r "Votes (2 of 5, hidden)"
e2e_wait r "2 votes on this question are recorded and hidden"
e2e_keys r Left Left
e2e_wait r "Question 3 of $NQ"
e2e_wait r "Votes (2 of 5, hidden)"
e2e_wait r "PARKED"
e2e_screen r | grep -q "Begin the workshop" && e2e_fail "start screen on resume"
e2e_screen r | grep -E '^ +AB ' | cut -c1-26 | grep -q "●" || e2e_fail "AB's vote not hidden on resume"
e2e_wait r "voting"
e2e_keys r 2 2 2
e2e_wait r "Votes (5 of 5, hidden)"
e2e_keys r Enter
e2e_wait r "Range: 2 steps"
e2e_wait r "CONTESTED"
e2e_keys r Enter
e2e_wait r "Question 4 of $NQ"
# A settled question shows its votes and the agreed answer.
e2e_wait r "Agreed:   Approved"
e2e_keys r Right
e2e_wait r "Question 5 of $NQ"
e2e_wait r "Votes (2 of 5, hidden)"
e2e_keys r 2 2 2 Enter
e2e_wait r "Proposed:"
e2e_keys r Enter
i=6
while [ $i -le 14 ]; do
	e2e_wait r "Question $i of $NQ"
	e2e_keys r 2 2 2 2 2
	e2e_wait r "Votes (5 of 5, hidden)"
	e2e_keys r Enter
	e2e_wait r "Range: 0 steps"
	e2e_keys r Enter
	i=$((i + 1))
done
e2e_wait r "Question 15 of $NQ"
e2e_wait r "Area 2 of"

# The review: settling a question takes it off the unsettled, parked and
# contested counts (the file keeps it contested, below).
e2e_keys r r
e2e_wait r "$((NQ - 14)) unsettled, 0 parked, 0 contested"
e2e_keys r q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q EXIT=0 "$E2E_DIR/$F.rc" || e2e_fail "second quit: $(cat "$E2E_DIR/$F.rc")"

# The answers file.
python3 - "$E2E_DIR/$F" <<'EOF' || e2e_fail "the answers file"
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    doc = yaml.safe_load(f)
assert doc["mode"] == "workshop", doc["mode"]
assert doc["participants"] == ["AB", "CD", "EF", "GH", "IJ"], doc["participants"]
assert doc["organisation"] == "Anytown"
ans = doc["answers"]
dpo = ans["data-dpo"]
assert dpo["answer"] == "vacant", dpo
assert dpo["contested"] is True, dpo
assert dpo["note"] == "Dissent: AB: there is no DPO in practice", dpo
assert dpo["votes"] == {"AB": "none", "CD": "appointed", "EF": "vacant",
                        "GH": "appointed", "IJ": "dont-know"}, dpo["votes"]
route = ans["data-breach-route"]
assert route["answer"] == "published", route
assert "contested" not in route, route
assert route["votes"] == {"AB": "informal", "CD": "informal", "EF": "published",
                          "GH": "informal", "IJ": "informal"}, route["votes"]
ind = ans["data-complaints-process"]
assert ind["answer"] == "case-by-case" and ind["contested"] is True, ind
assert not ind.get("parked"), ind     # settled: no longer parked
assert ind["votes"] == {"AB": "none", "CD": "published-untimed",
                        "EF": "case-by-case", "GH": "case-by-case",
                        "IJ": "case-by-case"}, ind["votes"]
assert ans["data-ropa"]["answer"] == "approved"
assert ans["data-iao"]["answer"] == "few", ans["data-iao"]
settled = [q for q, r in ans.items() if r.get("answer")]
assert len(settled) == 14, settled
for q, r in ans.items():
    assert len(r.get("votes", {})) == 5, (q, r)
EOF

# The scorecard lists the contested questions with their spread.
"$YS" scorecard "$E2E_DIR/$F" > "$E2E_DIR/card.txt" || e2e_fail "scorecard: exit $?"
grep -q "CONTESTED QUESTIONS" "$E2E_DIR/card.txt" || e2e_fail "no contested section"
grep -q "spread: 4 steps" "$E2E_DIR/card.txt" || e2e_fail "no spread for data-dpo"
grep -q "spread: 2 steps" "$E2E_DIR/card.txt" || e2e_fail "no spread for data-induction-training"
echo "ok: workshop"

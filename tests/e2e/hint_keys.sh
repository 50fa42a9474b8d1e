#!/bin/sh
# The keys the hint lines advertise do what their labels say: on the start
# screen, the key help, the question screen, its help, the area menu, the
# review list, the profile, a text prompt, and the workshop's question
# screen before and after the reveal. Each step first finds "key label"
# in the screen's two hint rows, then presses the key and waits for the
# labelled effect.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

# hint NAME 'key label': the hint rows (the last two) of NAME show it.
hint() {
	e2e_screen "$1" | tail -n 2 | grep -qF -- "$2" ||
		e2e_fail "the hints of $1 do not offer '$2'"
}

F=hints.yaml
e2e_start i "$YS interview -o $F --org Anytown; echo EXIT=\$? > $F.rc"
e2e_wait i "Begin the assessment"

# Start screen: F1 keys; on the key help, any key back.
hint i "F1 keys"
e2e_keys i F1
e2e_wait i "Question screen"
hint i "any key back"
e2e_keys i z
e2e_wait i "Begin the assessment"
hint i "Enter edit or begin"
e2e_keys i Enter
e2e_wait i "Question 1 of $NQ"

# Question screen: ? help, and any key back to the question.
hint i "? help"
e2e_keys i ?
e2e_wait i "Help for this question"
hint i "any key back to the question"
e2e_keys i z
e2e_wait i "Question 1 of $NQ"
# n note opens the note prompt; Esc cancel closes it.
hint i "n note"
e2e_keys i n
e2e_wait i " Note:"
hint i "Esc cancel"
e2e_keys i Escape
e2e_wait_gone i "Esc cancel"
# d don't know answers and moves on; the arrows go back and forth.
hint i "d don't know"
e2e_keys i d
e2e_wait i "Question 2 of $NQ"
hint i "←/→ previous/next"
e2e_keys i Left
e2e_wait i "Question 1 of $NQ"
e2e_wait i "Answer: Don't know"
e2e_keys i Right
e2e_wait i "Question 2 of $NQ"
# p park parks and moves on; coming back shows it parked.
hint i "p park"
e2e_keys i p
e2e_wait i "Question 3 of $NQ"
e2e_keys i Left
e2e_wait i "PARKED for later"
e2e_keys i Right
e2e_wait i "Question 3 of $NQ"
# 1-9/Enter answer: 1 answers and moves on.
hint i "1-9/Enter answer"
e2e_keys i 1
e2e_wait i "Question 4 of $NQ"

# a areas; there, Esc back to the question.
hint i "a areas"
e2e_keys i a
e2e_wait i "Choose an area to go to its first open question."
hint i "Esc back to the question"
e2e_keys i Escape
e2e_wait i "Question 4 of $NQ"
# r review lists the parked question; Esc back.
hint i "r review"
e2e_keys i r
e2e_wait i "unanswered, 1 parked, 1 don't know"
hint i "Esc back"
e2e_keys i Escape
e2e_wait i "Question 4 of $NQ"
# s scores; on the profile, o owner opens its prompt, Esc back leaves.
hint i "s scores"
e2e_keys i s
e2e_wait i "PROVISIONAL"
hint i "o owner"
e2e_keys i o
e2e_wait i "Owner of this area:"
e2e_keys i Escape
e2e_wait_gone i "Owner of this area:"
hint i "Esc back"
e2e_keys i Escape
e2e_wait i "Question 4 of $NQ"
# q save and quit.
hint i "q save and quit"
e2e_keys i q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -qx "EXIT=0" "$E2E_DIR/$F.rc" || e2e_fail "q did not save and quit: $(cat "$E2E_DIR/$F.rc")"
[ "$(e2e_count_answers "$E2E_DIR/$F")" = 2 ] || e2e_fail "the two answers were not saved"

# Workshop: two participants.
W=hints-ws.yaml
e2e_start w "$YS workshop -o $W --org Anytown; echo EXIT=\$? > $W.rc"
e2e_wait w "Begin the workshop"
e2e_keys w Enter
e2e_wait w "Participants (comma separated"
e2e_keys w "AB, CD" Enter
e2e_wait w "AB, CD"
e2e_keys w End Enter
e2e_wait w "Votes (0 of 2, hidden)"
# 1-9 vote; Backspace undo; v reveal.
hint w "1-9 vote"
e2e_keys w 1
e2e_wait w "Votes (1 of 2, hidden)"
hint w "Backspace undo"
e2e_keys w BSpace
e2e_wait w "Votes (0 of 2, hidden)"
e2e_keys w 1 2
e2e_wait w "Votes (2 of 2, hidden)"
hint w "v reveal"
e2e_keys w v
e2e_wait w "Spread of the votes"
# After the reveal: n dissent note; Enter accept the proposal.
hint w "n dissent note"
e2e_keys w n
e2e_wait w "Dissent note (who disagrees, and why):"
e2e_keys w Escape
e2e_wait_gone w "Dissent note (who disagrees"
hint w "Enter accept the proposal"
e2e_keys w Enter
e2e_wait w "Question 2 of $NQ"
hint w "q save and quit"
e2e_keys w q
e2e_wait_file "$E2E_DIR/$W.rc"
grep -qx "EXIT=0" "$E2E_DIR/$W.rc" || e2e_fail "q did not save and quit the workshop"
[ "$(e2e_count_answers "$E2E_DIR/$W")" = 1 ] || e2e_fail "the accepted answer was not saved"
echo "ok: every advertised key tried did what its hint says"

#!/bin/sh
# An author's own questionnaire in another folder, end to end (issue 14,
# DESIGN section 2): the interview started with -q ../elsewhere/q.yaml
# records where the questionnaire is; after quitting, the resume command
# the program printed, run exactly as printed from the same folder, opens
# the answers again; after the last answer, the printed scorecard command
# works too. A -q for another questionnaire is refused on resume (65),
# and a -q given on resume is what the file records from then on.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$E2E_DIR/elsewhere" "$E2E_DIR/moved" "$E2E_DIR/work" "$E2E_DIR/bin"
cp "$src/data/questionnaires/small-test.yaml" "$E2E_DIR/elsewhere/q.yaml"
cp "$src/data/questionnaires/small-test.yaml" "$E2E_DIR/moved/q.yaml"
# The printed commands start with "yardstick": put it on the PATH.
ln -s "$YS" "$E2E_DIR/bin/yardstick"
N=14
# A name that needs quoting in a shell command.
F="fire station.yaml"
W=$E2E_DIR/work
run_in_work="cd $W && PATH=$E2E_DIR/bin:\$PATH &&"

# printed NAME PREFIX: the command the pane's program printed after
# PREFIX (the rest of that line), saved to $E2E_DIR/NAME.sh.
printed() {
	e2e_history "$1" | sed -n "s/^$2//p" | tail -n 1 >"$E2E_DIR/$1.sh"
	[ -s "$E2E_DIR/$1.sh" ] || e2e_fail "$1 printed no line starting with '$2'"
	echo "$1 printed: $(cat "$E2E_DIR/$1.sh")"
}

# First sitting: the author's questionnaire, one answer, quit.
e2e_start a "$run_in_work yardstick interview -q ../elsewhere/q.yaml -o \"$F\" --org Westshire; echo EXIT=\$? > ../a.rc"
e2e_wait a "Begin the assessment"
e2e_keys a Enter
e2e_wait a "Question 1 of $N"
e2e_keys a 2
e2e_wait a "Question 2 of $N"
e2e_wait a "1 of $N answered"
e2e_keys a q
e2e_wait_file "$E2E_DIR/a.rc"
grep -q EXIT=0 "$E2E_DIR/a.rc" || e2e_fail "first quit: $(cat "$E2E_DIR/a.rc")"
grep -qF "questionnaire: {id: small-test, version: \"1.0\", sha256: " "$W/$F" ||
	e2e_fail "no questionnaire identity in the answers file"
grep -qF ", file: ../elsewhere/q.yaml}" "$W/$F" ||
	e2e_fail "the answers file does not record the questionnaire's file: $(head -2 "$W/$F")"
printed a "Resume with: "
grep -qxF "yardstick interview -o 'fire station.yaml'" "$E2E_DIR/a.sh" ||
	e2e_fail "unexpected resume command"

# Second sitting: the printed command, exactly, from the same folder.
e2e_start b "$run_in_work sh ../a.sh; echo EXIT=\$? > ../b.rc"
e2e_wait b "Question 2 of $N"
e2e_wait b "1 of $N answered"
i=2
while [ $i -le $N ]; do
	e2e_wait b "Question $i of $N"
	e2e_keys b 1
	# The last answer finishes the questionnaire and opens the profile.
	if [ $i -lt $N ]; then
		e2e_wait b "$i of $N answered"
	else
		e2e_wait b "All $N questions answered"
	fi
	i=$((i + 1))
done
e2e_keys b q
e2e_wait_file "$E2E_DIR/b.rc"
grep -q EXIT=0 "$E2E_DIR/b.rc" || e2e_fail "second quit: $(cat "$E2E_DIR/b.rc")"
[ "$(e2e_count_answers "$W/$F")" = $N ] || e2e_fail "$N answers expected in the file"
printed b "Scorecard: "
grep -qxF "yardstick scorecard 'fire station.yaml'" "$E2E_DIR/b.sh" ||
	e2e_fail "unexpected scorecard command"

# The printed scorecard command, exactly, from the same folder (it needs
# no terminal).
(cd "$W" && PATH=$E2E_DIR/bin:$PATH sh ../b.sh) >"$E2E_DIR/card.txt" 2>"$E2E_DIR/card.err" ||
	e2e_fail "the printed scorecard command failed: $(cat "$E2E_DIR/card.err")"
grep -qF "Scorecard: Small test questionnaire" "$E2E_DIR/card.txt" ||
	e2e_fail "no scorecard: $(head -5 "$E2E_DIR/card.txt")"
grep -qF "Westshire" "$E2E_DIR/card.txt" || e2e_fail "the scorecard lost the organisation"
[ ! -s "$E2E_DIR/card.err" ] || e2e_fail "scorecard complained: $(cat "$E2E_DIR/card.err")"

# Resuming with -q for another questionnaire is refused, the file kept.
sum=$(cksum <"$W/$F")
e2e_start c "$run_in_work yardstick interview -o \"$F\" -q public-sector-digital-maturity 2>../c.err; echo EXIT=\$? > ../c.rc"
e2e_wait_file "$E2E_DIR/c.rc"
grep -q EXIT=65 "$E2E_DIR/c.rc" || e2e_fail "-q for another questionnaire: $(cat "$E2E_DIR/c.rc")"
grep -qF "holds answers to questionnaire 'small-test'" "$E2E_DIR/c.err" ||
	e2e_fail "no reason given: $(cat "$E2E_DIR/c.err")"
[ "$(cksum <"$W/$F")" = "$sum" ] || e2e_fail "the refused resume changed the answers file"

# A -q given on resume is honoured and recorded (a copy moved elsewhere).
e2e_start d "$run_in_work yardstick interview -o \"$F\" -q ../moved/q.yaml; echo EXIT=\$? > ../d.rc"
e2e_wait d "of $N answered"
e2e_keys d q
e2e_wait_file "$E2E_DIR/d.rc"
grep -q EXIT=0 "$E2E_DIR/d.rc" || e2e_fail "resume with -q: $(cat "$E2E_DIR/d.rc")"
grep -qF ", file: ../moved/q.yaml}" "$W/$F" ||
	e2e_fail "-q on resume was not recorded: $(head -2 "$W/$F")"
[ "$(e2e_count_answers "$W/$F")" = $N ] || e2e_fail "answers lost on resume with -q"
# On the start screen, switching to another questionnaire and back to the
# author's finds it again (it is offered by its id, which the lookup does
# not know), and the file records it.
e2e_start e "$run_in_work yardstick interview -q ../elsewhere/q.yaml -o switch.yaml --org X; echo EXIT=\$? > ../e.rc"
e2e_wait e "Begin the assessment"
e2e_wait e "Small test questionnaire"
# The questionnaire row switches at once; Enter on Begin begins.
e2e_keys e Up Right
e2e_wait e "Public sector digital maturity"
e2e_keys e Left
e2e_wait e "Small test questionnaire"
e2e_keys e Down Enter
e2e_wait e "Question 1 of $N"
e2e_keys e 1
e2e_wait e "1 of $N answered"
e2e_keys e q
e2e_wait_file "$E2E_DIR/e.rc"
grep -q EXIT=0 "$E2E_DIR/e.rc" || e2e_fail "switching back: $(cat "$E2E_DIR/e.rc")"
grep -qF "questionnaire: {id: small-test, " "$W/switch.yaml" ||
	e2e_fail "switching back lost the questionnaire: $(head -2 "$W/switch.yaml")"
grep -qF ", file: ../elsewhere/q.yaml}" "$W/switch.yaml" ||
	e2e_fail "switching back did not record the file: $(head -2 "$W/switch.yaml")"
echo "ok: own questionnaire"

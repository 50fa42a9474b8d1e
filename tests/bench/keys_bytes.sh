#!/bin/sh
# Bytes written to the terminal per selection move on the question screen
# at 80x24 (DESIGN section 9: under 100), measured with tmux pipe-pane over
# 24 moves. Prints the figure; fails when the bar is missed.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/../e2e/lib.sh"
e2e_init "$@"

MOVES=24
BAR=100
out=$E2E_DIR/moves.out

e2e_start_piped s "$YS interview -o bench.yaml --org Bench" moves.out
e2e_wait s "Begin the assessment"
e2e_keys s Enter
e2e_wait s "Question 1 of $NQ"
# No answer is chosen in advance: the first Down selects the first.
e2e_keys s Down
e2e_wait s "▶ 1  "

# shown SEL: until the marker stands on option SEL.
shown() {
	e2e_wait s "▶ $1  "
}

start=$(e2e_settle "$out")
e2e_bounce s $MOVES shown
end=$(e2e_settle "$out")
bytes=$((end - start))
[ $bytes -gt 0 ] || e2e_fail "nothing was captured: the measurement is broken"
per=$(awk -v b=$bytes -v n=$MOVES 'BEGIN { printf "%.1f", b / n }')
echo "selection move on the question screen at 80x24: $per bytes per move ($bytes bytes over $MOVES moves; bar: under $BAR)"
awk -v p="$per" -v bar=$BAR 'BEGIN { exit !(p < bar) }' || e2e_fail "over the bar of $BAR bytes per move"

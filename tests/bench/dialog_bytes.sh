#!/bin/sh
# usage: dialog_bytes.sh YARDSTICK [QUESTIONNAIRE]
#
# The comparison for keys_bytes.sh: bytes written to the terminal per
# selection move by `dialog --menu` showing the same question and options
# as yardstick's first question screen (the bundled questionnaire's first
# question, or QUESTIONNAIRE's), at 80x24 in tmux, measured the same way
# (pipe-pane over the same 24 moves). Prints the figure. Skips (exit 77)
# when dialog is not installed. YARDSTICK is only needed by the shared
# end-to-end set-up.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/../e2e/lib.sh"
command -v dialog > /dev/null || { echo "dialog is not installed: skipped"; exit 77; }
Q=${2:-$(dirname "$0")/../../questionnaires/public-sector-digital-maturity.yaml}
Q=$(readlink -f "$Q")
e2e_init "$1"

MOVES=24
out=$E2E_DIR/moves.out

# menu.sh: the dialog command, quoted by Python from the questionnaire;
# menu.wait: the last option's label, to know the menu is drawn.
python3 - "$Q" "$E2E_DIR" <<'EOF' || e2e_fail "cannot read the first question of $Q"
import shlex, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    doc = yaml.safe_load(f)
q = doc["areas"][0]["questions"][0]
answers = q["answers"]
if isinstance(answers, str):
    answers = doc["answer_sets"][answers]
if len(answers) < 4:
    sys.exit("the first question has fewer than 4 options")
args = ["dialog", "--title", doc["title"], "--menu", q["text"], "24", "80",
        str(len(answers))]
for i, a in enumerate(answers, 1):
    args += [str(i), a["label"]]
with open(sys.argv[2] + "/menu.sh", "w", encoding="utf-8") as f:
    f.write(" ".join(shlex.quote(a) for a in args) + "\n")
with open(sys.argv[2] + "/menu.wait", "w", encoding="utf-8") as f:
    f.write(answers[-1]["label"])
EOF

e2e_start_piped s "sh menu.sh" moves.out
e2e_wait s "$(cat "$E2E_DIR/menu.wait")"

# redrawn: until the captured output grows past $now (dialog's marker
# cannot be told apart in the capture), then until it settles.
redrawn() {
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(e2e_bytes "$out")" -le "$now" ]; do
		[ "$(date +%s)" -le "$_end" ] || e2e_fail "dialog did not redraw after a move"
		sleep 0.02
	done
	now=$(e2e_settle "$out")
}

start=$(e2e_settle "$out")
now=$start
e2e_bounce s $MOVES redrawn
bytes=$((now - start))
[ $bytes -gt 0 ] || e2e_fail "nothing was captured: the measurement is broken"
per=$(awk -v b=$bytes -v n=$MOVES 'BEGIN { printf "%.1f", b / n }')
echo "selection move in dialog --menu at 80x24: $per bytes per move ($bytes bytes over $MOVES moves)"

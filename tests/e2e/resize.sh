#!/bin/sh
# 200 random resizes between 20x5 and 200x60 while answering: no crash,
# the "please enlarge" screen below 80x24, and a final screen that is
# exactly what a full repaint gives at the final size. The sizes and keys
# are replayable: see e2e_seed in lib.sh (YS_SEED).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
e2e_seed

F=resize.yaml
e2e_new_interview s $F
pid=$(e2e_pid s)
i=0
while [ $i -lt ${RESIZES:-200} ]; do
	e2e_rand 181
	w=$((E2E_R + 20))
	e2e_rand 56
	h=$((E2E_R + 5))
	$TMUX_CMD resize-window -t s -x $w -y $h
	e2e_rand 4
	case $E2E_R in
	0) e2e_rand 3 && e2e_keys s $((E2E_R + 1)) ;;
	1) e2e_keys s Down ;;
	2) e2e_keys s Left ;;
	*) ;;
	esac
	i=$((i + 1))
done
kill -0 "$pid" 2>/dev/null || e2e_fail "yardstick died while resizing"

# Too small: the enlarge screen, with the size shown.
$TMUX_CMD resize-window -t s -x 50 -y 10
e2e_wait s "Please enlarge the terminal"
e2e_wait s "It is now 50x10."
# Keys that cannot be seen do nothing; Ctrl-C still asks, visibly.
e2e_keys s n d 1
e2e_keys s C-c
e2e_wait s "Quit? y saves and quits"
e2e_keys s n
e2e_wait_gone s "Quit? y saves and quits"

# settle W H: waits until the top bar spans the width (the question
# screen redrawn at W columns).
settle() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		top=$(e2e_screen s | head -n 1)
		len=$(printf '%s' "$top" | wc -m)
		rows=$(e2e_screen s | wc -l)
		case $top in
		*"Question "*" of $NQ") [ "$len" -eq $(( $1 - 1 )) ] && [ "$rows" -eq "$2" ] && return 0 ;;
		esac
		[ "$(date +%s)" -le "$end" ] || e2e_fail "the screen did not settle at $1x$2"
		sleep 0.05
	done
}

e2e_rand 121
big_w=$((E2E_R + 80))
e2e_rand 37
big_h=$((E2E_R + 24))
for size in "80 24" "$big_w $big_h"; do
	set -- $size
	$TMUX_CMD resize-window -t s -x $1 -y $2
	settle $1 $2
	sleep 0.2
	before=$(e2e_screen s)
	# Ctrl-L repaints everything from the state: nothing may differ.
	e2e_keys s C-l
	sleep 0.3
	after=$(e2e_screen s)
	[ "$before" = "$after" ] || {
		printf '%s\n---\n%s\n' "$before" "$after" >&2
		e2e_fail "the screen after resizing to $1x$2 differs from a full repaint"
	}
	printf '%s\n' "$after" | grep -q "of $NQ answered" || e2e_fail "no progress line at $1x$2"
	printf '%s\n' "$after" | grep -q "q save and quit" || e2e_fail "no key hints at $1x$2"
done

e2e_keys s q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q EXIT=0 "$E2E_DIR/$F.rc" || e2e_fail "exit after resizing: $(cat "$E2E_DIR/$F.rc")"
echo "ok: ${RESIZES:-200} resizes"

#!/bin/sh
# kill -9 at random moments while answering, at least 50 times: every
# answer the screen showed as saved is in the file, and the file always
# loads (each round resumes it, and it is parsed after every kill).
# The keys and pauses are replayable: see e2e_seed in lib.sh (YS_SEED).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
e2e_seed

F=kill.yaml
ROUNDS=${KILL_ROUNDS:-50}
e2e_new_interview first $F
e2e_keys first 1
e2e_wait first "1 of $NQ answered"
pid=$(e2e_pid first)
kill -9 "$pid"
e2e_wait_dead "$pid"

r=1
checked=0
while [ $r -le $ROUNDS ]; do
	name=k$r
	e2e_start $name "exec $YS interview -o $F"
	pid=$(e2e_pid $name)
	e2e_wait $name "$NQ answered"
	if e2e_screen $name | grep -q "FINAL: all $NQ answered"; then
		# Everything is answered: go back to the questions and change some.
		e2e_keys $name Enter
		e2e_wait $name "Question"
	fi
	# A few answers, each one a random key; then kill at a random moment:
	# right after a key, or after the screen caught up.
	e2e_rand 6
	n=$((E2E_R + 1))
	j=0
	while [ $j -lt $n ]; do
		e2e_rand 6
		case $E2E_R in
		0) key=d ;;
		1) key=Right ;;
		*) e2e_rand 3 && key=$((E2E_R + 1)) ;;
		esac
		e2e_keys $name $key
		j=$((j + 1))
	done
	e2e_rand 2
	if [ "$E2E_R" -eq 0 ]; then
		e2e_rand 10
		sleep "0.0$E2E_R"
	fi
	shown=$(e2e_screen $name | sed -n "s/.*Saved at [0-9:]* (\([0-9]*\) of $NQ answered).*/\1/p")
	kill -9 "$pid"
	e2e_wait_dead "$pid"
	have=$(e2e_count_answers "$E2E_DIR/$F") ||
		e2e_fail "round $r: the answers file does not load after kill -9"
	if [ -n "$shown" ]; then
		checked=$((checked + 1))
		[ "$have" -ge "$shown" ] ||
			e2e_fail "round $r: the screen showed $shown answers saved, the file has $have"
	fi
	$TMUX_CMD kill-session -t $name
	r=$((r + 1))
done
[ $checked -ge $((ROUNDS / 5)) ] || e2e_fail "only $checked rounds showed a save before the kill"

# The file still resumes normally.
rm -f "$E2E_DIR/$F.rc"
e2e_start last "$YS interview -o $F 2> last.err; echo EXIT=\$? > $F.rc"
e2e_wait last "$NQ answered"
e2e_keys last q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q EXIT=0 "$E2E_DIR/$F.rc" || e2e_fail "resume after the kills: $(cat "$E2E_DIR/$F.rc") $(cat "$E2E_DIR/last.err")"
# A save cut short leaves a temporary file; the next open removes it.
for f in "$E2E_DIR"/.*tmp-*; do
	[ -e "$f" ] && e2e_fail "temporary file left behind: $f"
done
echo "ok: $ROUNDS kills ($checked checked against the screen), $(e2e_count_answers "$E2E_DIR/$F") answers kept"

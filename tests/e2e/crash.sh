#!/bin/sh
# Crash safety of the interview, beyond kill9.sh:
#
#  1. kill -9 at random moments while answering, CRASH_ROUNDS times
#     (default 200). Every other round slows each save down between
#     writing the temporary file and renaming it into place
#     (YARDSTICK_TEST_PAUSE_BEFORE_RENAME, a test hook), so many kills
#     land inside a save. After every kill: the answers file loads with
#     yardstick itself (scorecard), holds at least as many answers as the
#     screen last showed as saved, and holds every answer of the previous
#     round's file (an answer once saved is never lost); the next start
#     removes every temporary file the killed process left, and takes the
#     lock the killed process held.
#  2. A crash at a known moment (YARDSTICK_TEST_ABORT_AFTER_SAVES=3: abort
#     right after the third save, the one of the second answer, since
#     beginning the assessment saves once): the terminal modes (stty -g) are the
#     same before and after, both answers are in the file, the exit status
#     is death by SIGABRT, and in a sanitizer build the sanitizer's report
#     still appears on standard error.
# The keys and pauses of part 1 are replayable: see e2e_seed in lib.sh
# (YS_SEED).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
e2e_seed

F=crash.yaml
ROUNDS=${CRASH_ROUNDS:-200}

# answered FILE: "id=answer" lines of the answered questions, sorted,
# read by the real reader (scorecard --format csv: question, answer;
# parsed as CSV, as question texts hold commas).
answered() {
	"$YS" scorecard "$1" --format csv 2>/dev/null | python3 -c '
import csv, io, sys
rows = csv.DictReader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline=""))
for r in rows:
    if r["answer"]:
        print(r["question"] + "=" + r["answer"])' | sort
}

stale_temps() { # stale_temps PID: temporary files not made by PID
	find "$E2E_DIR" -maxdepth 1 -name ".$F.tmp-*" ! -name ".$F.tmp-$1-*"
}

e2e_new_interview first $F
e2e_keys first 1
e2e_wait first "1 of $NQ answered"
pid=$(e2e_pid first)
kill -9 "$pid"
e2e_wait_dead "$pid"
$TMUX_CMD kill-session -t first

r=1 checked=0 mid_save=0
answered "$E2E_DIR/$F" > "$E2E_DIR/prev.txt"
while [ "$r" -le "$ROUNDS" ]; do
	name=c$r
	pause=
	if [ $((r % 2)) -eq 0 ]; then
		e2e_rand 30
		pause=$((E2E_R + 1))
	fi
	e2e_start "$name" "YARDSTICK_TEST_PAUSE_BEFORE_RENAME=$pause exec $YS interview -o $F 2>>err.txt"
	pid=$(e2e_pid "$name")
	e2e_wait "$name" "$NQ answered"
	# The start took the lock of the process killed last, and removed
	# the temporary files it left.
	left=$(stale_temps "$pid")
	[ -z "$left" ] || e2e_fail "round $r: stale temporary files after the start: $left"
	if e2e_screen "$name" | grep -q "FINAL: all $NQ answered"; then
		e2e_keys "$name" Enter
		e2e_wait "$name" "Question"
	fi
	# A few keys, each an answer, don't know or a move; then the kill,
	# right away or after a random pause (0..59 ms).
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
		e2e_keys "$name" "$key"
		j=$((j + 1))
	done
	e2e_rand 3
	if [ "$E2E_R" -ne 0 ]; then
		e2e_rand 60
		sleep "0.0$((E2E_R / 10))$((E2E_R % 10))"
	fi
	shown=$(e2e_screen "$name" | sed -n "s/.*Saved at [0-9:]* (\([0-9]*\) of $NQ answered).*/\1/p")
	kill -9 "$pid"
	e2e_wait_dead "$pid"
	if [ -n "$(find "$E2E_DIR" -maxdepth 1 -name ".$F.tmp-$pid-*")" ]; then
		mid_save=$((mid_save + 1))
	fi
	"$YS" scorecard "$E2E_DIR/$F" > /dev/null 2> "$E2E_DIR/load.err" ||
		e2e_fail "round $r: the answers file does not load after kill -9: $(cat "$E2E_DIR/load.err")"
	answered "$E2E_DIR/$F" > "$E2E_DIR/now.txt"
	have=$(wc -l < "$E2E_DIR/now.txt")
	if [ -n "$shown" ]; then
		checked=$((checked + 1))
		[ "$have" -ge "$shown" ] ||
			e2e_fail "round $r: the screen showed $shown answers saved, the file has $have"
	fi
	# Answers change but are never cleared: every question answered
	# before this round is still answered (its value may have changed).
	# (sorted again after the cut: "a-b=x" sorts before "a=y", but
	# "a" before "a-b")
	cut -d= -f1 "$E2E_DIR/prev.txt" | sort > "$E2E_DIR/prev.ids"
	cut -d= -f1 "$E2E_DIR/now.txt" | sort > "$E2E_DIR/now.ids"
	lost=$(comm -23 "$E2E_DIR/prev.ids" "$E2E_DIR/now.ids")
	[ -z "$lost" ] || e2e_fail "round $r: saved answers lost: $lost"
	mv "$E2E_DIR/now.txt" "$E2E_DIR/prev.txt"
	$TMUX_CMD kill-session -t "$name"
	r=$((r + 1))
done
[ $checked -ge $((ROUNDS / 5)) ] || e2e_fail "only $checked rounds showed a save before the kill"
[ $mid_save -gt 0 ] || e2e_fail "no kill landed inside a save"
[ ! -s "$E2E_DIR/err.txt" ] ||
	e2e_fail "messages from the interviews: $(head -n 5 "$E2E_DIR/err.txt")"

# The next start cleans up after the last kill.
e2e_start last "exec $YS interview -o $F"
pid=$(e2e_pid last)
e2e_wait last "$NQ answered"
left=$(stale_temps "$pid")
[ -z "$left" ] || e2e_fail "stale temporary files after the last start: $left"
e2e_keys last q
e2e_wait_dead "$pid"
[ -z "$(find "$E2E_DIR" -maxdepth 1 -name ".$F.tmp-*")" ] ||
	e2e_fail "temporary files left: $(ls -a "$E2E_DIR")"
echo "ok: $ROUNDS kills ($checked checked against the screen, $mid_save inside a save), $(wc -l < "$E2E_DIR/prev.txt") answers kept"

# 2. abort() right after the second answer is saved.
# Sessions take the tmux server's environment: name the options here.
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_abort=1"
e2e_start ab "trap : INT; stty -g > ab.before; ASAN_OPTIONS=$asan YARDSTICK_TEST_ABORT_AFTER_SAVES=3 $YS interview -o ab.yaml --org Anytown 2> ab.err; echo \$? > ab.rc; stty -g > ab.after"
e2e_wait ab "Begin the assessment"
e2e_keys ab Enter
e2e_wait ab "Question 1 of $NQ"
e2e_keys ab 2
e2e_wait ab "Question 2 of $NQ"
e2e_keys ab d
e2e_wait_file "$E2E_DIR/ab.after"
sleep 0.1       # the shell writes ab.after after creating it
rc=$(cat "$E2E_DIR/ab.rc")
# 134 is death by SIGABRT; a sanitizer that reports it may exit 1.
case $rc in 134|1) ;; *) e2e_fail "abort: exit status $rc ($(cat "$E2E_DIR/ab.err"))" ;; esac
cmp -s "$E2E_DIR/ab.before" "$E2E_DIR/ab.after" ||
	e2e_fail "abort: terminal modes changed: $(cat "$E2E_DIR/ab.before") -> $(cat "$E2E_DIR/ab.after")"
[ "$(e2e_count_answers "$E2E_DIR/ab.yaml")" = 2 ] || e2e_fail "abort: saved answers lost"
grep -q "terminal was reset" "$E2E_DIR/ab.err" || e2e_fail "abort: no crash message: $(cat "$E2E_DIR/ab.err")"
if nm "$YS" 2>/dev/null | grep -q __asan_init || ldd "$YS" 2>/dev/null | grep -q libasan; then
	grep -q "ERROR: AddressSanitizer: ABRT" "$E2E_DIR/ab.err" ||
		e2e_fail "abort: no sanitizer report: $(cat "$E2E_DIR/ab.err")"
	echo "ok: abort restored the terminal, kept both answers, and the sanitizer reported it"
else
	echo "ok: abort restored the terminal and kept both answers"
fi

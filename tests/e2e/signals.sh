#!/bin/sh
# SIGTERM, SIGHUP and Ctrl-C: the answers are saved and the terminal modes
# (stty -g in the pane) are the same before and after.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

# run_case NAME: starts an interview in a shell that records stty -g
# before and after, and its exit status.
run_case() {
	n=$1
	e2e_start $n "trap : INT; stty -g > $n.before; $YS interview -o $n.yaml --org Anytown; echo \$? > $n.rc; stty -g > $n.after"
	e2e_wait $n "Begin the assessment"
	e2e_keys $n Enter
	e2e_wait $n "Question 1 of $NQ"
	e2e_keys $n 2
	e2e_wait $n "Question 2 of $NQ"
	e2e_keys $n d
	e2e_wait $n "2 of $NQ answered"
}

check_case() {
	n=$1 want_rc=$2
	e2e_wait_file "$E2E_DIR/$n.after"
	rc=$(cat "$E2E_DIR/$n.rc")
	[ "$rc" = "$want_rc" ] || e2e_fail "$n: exit status $rc, expected $want_rc"
	cmp -s "$E2E_DIR/$n.before" "$E2E_DIR/$n.after" ||
		e2e_fail "$n: terminal modes changed: $(cat "$E2E_DIR/$n.before") -> $(cat "$E2E_DIR/$n.after")"
	[ "$(e2e_count_answers "$E2E_DIR/$n.yaml")" = 2 ] || e2e_fail "$n: answers not saved"
	[ -e "$E2E_DIR/$n.yaml.lock" ] && e2e_fail "$n: the lock file was left behind"
	return 0
}

# SIGTERM: save and exit (128 + 15).
run_case term
kill -TERM "$(e2e_pid term)"
check_case term 143

# SIGHUP: save and exit (128 + 1).
run_case hup
kill -HUP "$(e2e_pid hup)"
check_case hup 129

# A note being typed when SIGTERM arrives does not stop the exit.
run_case termprompt
e2e_keys termprompt n
e2e_wait termprompt "Note:"
e2e_keys termprompt "half a note"
kill -TERM "$(e2e_pid termprompt)"
check_case termprompt 143

# Ctrl-C asks; n carries on, y saves and quits.
run_case int
e2e_keys int C-c
e2e_wait int "Quit? Your answers are saved."
e2e_keys int n
e2e_wait_gone int "Quit? Your answers are saved."
e2e_keys int 3
e2e_wait int "3 of $NQ answered"
e2e_keys int C-c
e2e_wait int "Quit? Your answers are saved."
e2e_keys int y
e2e_wait_file "$E2E_DIR/int.after"
rc=$(cat "$E2E_DIR/int.rc")
[ "$rc" = 0 ] || e2e_fail "Ctrl-C then y: exit status $rc"
cmp -s "$E2E_DIR/int.before" "$E2E_DIR/int.after" || e2e_fail "Ctrl-C: terminal modes changed"
[ "$(e2e_count_answers "$E2E_DIR/int.yaml")" = 3 ] || e2e_fail "Ctrl-C: answers not saved"

# A crash restores the terminal too (SIGSEGV re-raised after the reset).
run_case segv
kill -SEGV "$(e2e_pid segv)"
e2e_wait_file "$E2E_DIR/segv.after"
rc=$(cat "$E2E_DIR/segv.rc")
# 139 is death by SIGSEGV; under AddressSanitizer its report ends in abort
# (134) or exit 1.
case $rc in 139|134|1) ;; *) e2e_fail "SIGSEGV: exit status $rc" ;; esac
cmp -s "$E2E_DIR/segv.before" "$E2E_DIR/segv.after" || e2e_fail "SIGSEGV: terminal modes changed"
[ "$(e2e_count_answers "$E2E_DIR/segv.yaml")" = 2 ] || e2e_fail "SIGSEGV: saved answers lost"
echo "ok: signals"

#!/bin/sh
# A second yardstick on the same answers file is refused with exit 75 and
# the first one's process id; the first carries on undisturbed.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

F=lock.yaml
e2e_new_interview a $F
e2e_keys a 1
e2e_wait a "1 of $NQ answered"
pid=$(e2e_pid a)

e2e_start b "$YS interview -o $F 2> b.err; echo EXIT=\$? > b.rc"
e2e_wait_file "$E2E_DIR/b.rc"
grep -q EXIT=75 "$E2E_DIR/b.rc" || e2e_fail "second instance: $(cat "$E2E_DIR/b.rc"), expected 75"
grep -q "in use by another yardstick (process $pid)" "$E2E_DIR/b.err" ||
	e2e_fail "the message does not name process $pid: $(cat "$E2E_DIR/b.err")"

# The default name is taken too: a new interview without -o picks another.
e2e_keys a 2
e2e_wait a "2 of $NQ answered"
[ "$(e2e_count_answers "$E2E_DIR/$F")" = 2 ] || e2e_fail "the first instance stopped saving"
e2e_keys a q
e2e_wait_file "$E2E_DIR/$F.rc"
grep -q EXIT=0 "$E2E_DIR/$F.rc" || e2e_fail "first instance exit: $(cat "$E2E_DIR/$F.rc")"

# Once the first has quit, the file opens again.
e2e_start c "$YS interview -o $F; echo EXIT=\$? > c.rc"
e2e_wait c "Question 3 of $NQ"
e2e_keys c q
e2e_wait_file "$E2E_DIR/c.rc"
grep -q EXIT=0 "$E2E_DIR/c.rc" || e2e_fail "reopen: $(cat "$E2E_DIR/c.rc")"
echo "ok: lock"

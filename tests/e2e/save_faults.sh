#!/bin/sh
# The interview's saves under injected faults (the LD_PRELOAD shim of
# tests/faults, $YS_SHIM): a full disk (ENOSPC), fsync and close failing
# with EIO, rename failing with EROFS. For each: the screen says NOT SAVED
# and never "Saved at"; the answers file keeps its previous bytes; no
# temporary file is left; retrying (R) fails again without ever calling
# fsync twice on one file; saving elsewhere (W) to a healthy folder works
# and has every answer, the one that failed included.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
: "${YS_SHIM:?the fault shim (tests/faults/meson.build sets YS_SHIM)}"

mkdir -p "$E2E_DIR/bad" "$E2E_DIR/good"
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

# One answer saved normally to start from.
e2e_new_interview first bad/a.yaml
e2e_keys first 1
e2e_wait first "1 of $NQ answered"
e2e_keys first q
e2e_wait_file "$E2E_DIR/bad/a.yaml.rc"
cp "$E2E_DIR/bad/a.yaml" "$E2E_DIR/before.yaml"

temps() {
	find "$E2E_DIR/bad" -name '.a.yaml.tmp-*'
}

# fault NAME VAR=VALUE: one interview under the fault.
fault() {
	n=$1 var=$2
	: > "$E2E_DIR/$n.log"
	e2e_start "$n" "ASAN_OPTIONS=$asan LD_PRELOAD=$YS_SHIM YS_FAULT_ONLY=bad/ YS_FAULT_LOG=$n.log $var $YS interview -o bad/a.yaml 2> $n.err; echo EXIT=\$? > $n.rc"
	e2e_wait "$n" "1 of $NQ answered"
	if ! e2e_screen "$n" | grep -q "Question"; then
		e2e_keys "$n" Enter
		e2e_wait "$n" "Question"
	fi
	e2e_keys "$n" Right
	e2e_keys "$n" 2
	e2e_wait "$n" "NOT SAVED"
	e2e_screen "$n" | grep -q "Saved at" && e2e_fail "$n: 'Saved at' shown after a failed save"
	cmp -s "$E2E_DIR/bad/a.yaml" "$E2E_DIR/before.yaml" || e2e_fail "$n: the answers file changed"
	[ -z "$(temps)" ] || e2e_fail "$n: temporary file left: $(temps)"
	# Retry: fails again, cleanly.
	e2e_keys "$n" R
	sleep 0.3
	e2e_wait "$n" "NOT SAVED"
	cmp -s "$E2E_DIR/bad/a.yaml" "$E2E_DIR/before.yaml" || e2e_fail "$n: the answers file changed on retry"
	[ -z "$(temps)" ] || e2e_fail "$n: temporary file left after retry: $(temps)"
	grep -q "fsync retried" "$E2E_DIR/$n.log" && e2e_fail "$n: a failed fsync was retried on the same file"
	grep -q . "$E2E_DIR/$n.log" || e2e_fail "$n: the fault was never injected"
	# Save elsewhere: a folder without faults.
	e2e_keys "$n" W
	e2e_wait "$n" "Save to file"
	e2e_keys "$n" C-u "good/$n.yaml" Enter
	e2e_wait "$n" "to good/$n.yaml"
	[ "$(e2e_count_answers "$E2E_DIR/good/$n.yaml")" = 2 ] ||
		e2e_fail "$n: saved elsewhere without both answers"
	e2e_keys "$n" q
	e2e_wait_file "$E2E_DIR/$n.rc"
	cmp -s "$E2E_DIR/bad/a.yaml" "$E2E_DIR/before.yaml" || e2e_fail "$n: the answers file changed at the end"
	$TMUX_CMD kill-session -t "$n"
}

fault enospc YS_FAULT_WRITE_LIMIT=0
fault fsync YS_FAULT_FSYNC=file
fault close YS_FAULT_CLOSE=1
fault rename YS_FAULT_RENAME=1
echo "ok: full disk, fsync, close and rename failures while answering"

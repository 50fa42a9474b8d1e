#!/bin/sh
# usage: store.sh BINARY   (environment from tests/faults/meson.build)
#
# The answers store under faults, driven by store_tool the way the
# interview saves: a failed write, fsync, close or rename is reported
# with the store's exit code and never as saved; the file on disk keeps
# the last saved answers and always reads; no temporary file is left.
# The lock: a second writer is refused with exit 75 and the holder's
# process id, and the lock is free again once its holder is killed with
# kill -9. Stale temporary files are removed by the next open.
set -u
bin=$1
# shellcheck source=tests/faults/lib.sh
. "$(dirname "$0")/lib.sh"
tool=$YS_STORE_TOOL
q=$questionnaire

# Three good saves to start from.
"$tool" save "$q" "$tmp/a.yaml" 3 >"$tmp/out" 2>"$tmp/err"
rc=$?
ok
if [ $rc -ne 0 ] || [ "$(tail -n 1 "$tmp/out")" != "saved 2" ]; then
	no "first saves: $(cat "$tmp/err")"
fi
ok
[ "$(stat -c %a "$tmp/a.yaml")" = 600 ] || no "answers file mode is not 600"
cp "$tmp/a.yaml" "$tmp/before.yaml"

# store_fault NAME CODE [VAR=VALUE...]
store_fault() {
	name=$1 code=$2
	shift 2
	: >"$tmp/$name.log"
	env "$@" YS_FAULT_LOG="$tmp/$name.log" LD_PRELOAD="$YS_SHIM" \
		"$tool" save "$q" "$tmp/a.yaml" 1 >"$tmp/$name.out" 2>"$tmp/$name.err"
	rc=$?
	ok
	[ $rc -eq "$code" ] || no "$name: exit $rc, not $code ($(cat "$tmp/$name.err"))"
	ok
	grep -q saved "$tmp/$name.out" && no "$name: reported as saved: $(cat "$tmp/$name.out")"
	ok
	grep -q "not saved 3: .*a.yaml" "$tmp/$name.err" || no "$name: message: $(cat "$tmp/$name.err")"
	ok
	cmp -s "$tmp/a.yaml" "$tmp/before.yaml" || no "$name: the saved file changed"
	ok
	[ "$("$tool" check "$q" "$tmp/a.yaml")" = "step 2" ] || no "$name: file does not read back as step 2"
	ok
	[ "$(temps "$tmp" a.yaml)" -eq 0 ] || no "$name: temporary file left"
	ok
	grep -q "fsync retried" "$tmp/$name.log" && no "$name: a failed fsync was retried"
	ok
	grep -q . "$tmp/$name.log" || no "$name: the fault was never injected"
}

store_fault enospc 74 YS_FAULT_WRITE_LIMIT=10
store_fault fsync 74 YS_FAULT_FSYNC=file
store_fault close 74 YS_FAULT_CLOSE=1
store_fault rename 73 YS_FAULT_RENAME=1

# After the faults, saving works again and carries on from step 2.
"$tool" save "$q" "$tmp/a.yaml" 1 >"$tmp/out" 2>"$tmp/err"
ok
[ "$(cat "$tmp/out")" = "saved 3" ] || no "save after faults: $(cat "$tmp/out" "$tmp/err")"

# Lock contention: a holder, a second writer refused with its pid.
rm -f "$tmp/fifo"
mkfifo "$tmp/fifo"
"$tool" hold "$tmp/a.yaml" <"$tmp/fifo" >"$tmp/hold.out" 2>&1 &
holder=$!
exec 3>"$tmp/fifo"
i=0
while ! grep -q locked "$tmp/hold.out" 2>/dev/null && [ $i -lt 500 ]; do
	sleep 0.01
	i=$((i + 1))
done
"$tool" save "$q" "$tmp/a.yaml" 1 >"$tmp/out" 2>"$tmp/err"
rc=$?
ok
[ $rc -eq 75 ] || no "second writer: exit $rc, not 75"
ok
grep -q "process $holder" "$tmp/err" || no "second writer not told the holder's pid: $(cat "$tmp/err")"
ok
[ -s "$tmp/out" ] && no "second writer saved: $(cat "$tmp/out")"
# yardstick itself refuses too (merge and the interview share the lock);
# kill -9 of the holder frees it.
kill -9 "$holder"
wait "$holder" 2>/dev/null
exec 3>&-
"$tool" save "$q" "$tmp/a.yaml" 1 >"$tmp/out" 2>"$tmp/err"
ok
[ "$(cat "$tmp/out")" = "saved 4" ] || no "lock not released by kill -9: $(cat "$tmp/err")"

# Stale temporary files from a crash are removed by the next open, and
# only those of this file.
touch "$tmp/.a.yaml.tmp-12345-abc123" "$tmp/.other.yaml.tmp-1-abc123" \
	"$tmp/.a.yaml.tmp-x-abc123"
"$tool" open "$tmp/a.yaml"
ok
[ ! -e "$tmp/.a.yaml.tmp-12345-abc123" ] || no "stale temporary file kept"
ok
if [ ! -e "$tmp/.other.yaml.tmp-1-abc123" ] || [ ! -e "$tmp/.a.yaml.tmp-x-abc123" ]; then
	no "removed a file that is not a temporary file of a.yaml"
fi

finish

#!/bin/sh
# usage: output.sh BINARY   (environment from tests/faults/meson.build)
#
# `yardstick scorecard -o` through every injected write fault (the
# LD_PRELOAD shim), on a full tmpfs and in folders it may not write: the
# documented exit code (74 for I/O errors, 73 when the file cannot be
# created), a message naming the file and the system's reason, the
# previous file byte-identical (or no file when there was none), no
# temporary file left, and a failed fsync never retried.
set -u
bin=$1
# shellcheck source=tests/faults/lib.sh
. "$(dirname "$0")/lib.sh"

# run_fault NAME CODE REASON [VAR=VALUE...]: scorecard -o over an existing
# file (--force: temporary file and rename) and to a new file (exclusive:
# temporary file and link) with the fault variables set.
run_fault() {
	name=$1 code=$2 reason=$3
	shift 3
	dir=$tmp/$name
	mkdir -p "$dir"
	printf 'previous contents\n' >"$dir/old.txt"
	cp "$dir/old.txt" "$dir/before.txt"
	: >"$tmp/$name.log"
	env "$@" YS_FAULT_LOG="$tmp/$name.log" LD_PRELOAD="$YS_SHIM" \
		"$bin" scorecard "$answers" -o "$dir/old.txt" --force \
		>"$tmp/$name.out" 2>"$tmp/$name.err"
	rc=$?
	ok
	[ $rc -eq "$code" ] || no "$name, replacing: exit $rc, not $code ($(cat "$tmp/$name.err"))"
	ok
	cmp -s "$dir/old.txt" "$dir/before.txt" || no "$name: the previous file changed"
	ok
	if ! grep -q "old.txt" "$tmp/$name.err" || ! grep -q "$reason" "$tmp/$name.err"; then
		no "$name: message does not name the file and '$reason': $(cat "$tmp/$name.err")"
	fi
	ok
	[ "$(temps "$dir" old.txt)" -eq 0 ] || no "$name: temporary file left: $(ls -a "$dir")"
	ok
	grep -q "fsync retried" "$tmp/$name.log" && no "$name: a failed fsync was retried"
	ok
	grep -q . "$tmp/$name.log" || no "$name: the fault was never injected"

	[ "$name" = rename ] && return 0   # a new file is linked, not renamed
	env "$@" YS_FAULT_LOG="$tmp/$name.log" LD_PRELOAD="$YS_SHIM" \
		"$bin" scorecard "$answers" -o "$dir/new.txt" \
		>"$tmp/$name.out" 2>"$tmp/$name.err"
	rc=$?
	ok
	[ $rc -eq "$code" ] || no "$name, new file: exit $rc, not $code ($(cat "$tmp/$name.err"))"
	ok
	[ ! -e "$dir/new.txt" ] || no "$name: a partial new file was left"
	ok
	[ "$(temps "$dir" new.txt)" -eq 0 ] || no "$name: temporary file left: $(ls -a "$dir")"
}

# The shim really is in the way: without faults the output is written.
LD_PRELOAD="$YS_SHIM" "$bin" scorecard "$answers" -o "$tmp/plain.txt" 2>"$tmp/plain.err"
rc=$?
ok
if [ $rc -ne 0 ] || [ ! -s "$tmp/plain.txt" ]; then
	no "shim without faults: $(cat "$tmp/plain.err")"
fi

run_fault enospc 74 "No space left on device" YS_FAULT_WRITE_LIMIT=100
run_fault enospc0 74 "No space left on device" YS_FAULT_WRITE_LIMIT=0
run_fault fsync 74 "Input/output error" YS_FAULT_FSYNC=file
run_fault close 74 "Input/output error" YS_FAULT_CLOSE=1
run_fault rename 73 "Read-only file system" YS_FAULT_RENAME=1

# merge -o: the same faults on the merged answers file.
merge_fault() {
	name=$1 code=$2 reason=$3
	shift 3
	dir=$tmp/merge-$name
	mkdir -p "$dir"
	printf 'previous contents\n' >"$dir/m.yaml"
	cp "$dir/m.yaml" "$dir/before.yaml"
	: >"$tmp/merge-$name.log"
	env "$@" YS_FAULT_LOG="$tmp/merge-$name.log" LD_PRELOAD="$YS_SHIM" \
		"$bin" merge "$m1" "$m2" -o "$dir/m.yaml" --force \
		>/dev/null 2>"$tmp/merge-$name.err"
	rc=$?
	ok
	[ $rc -eq "$code" ] || no "merge $name: exit $rc, not $code ($(cat "$tmp/merge-$name.err"))"
	ok
	cmp -s "$dir/m.yaml" "$dir/before.yaml" || no "merge $name: the previous file changed"
	ok
	grep -q "$reason" "$tmp/merge-$name.err" || no "merge $name: $(cat "$tmp/merge-$name.err")"
	ok
	grep -q "merged .* into" "$tmp/merge-$name.err" && no "merge $name: reported as merged"
	ok
	[ "$(temps "$dir" m.yaml)" -eq 0 ] || no "merge $name: temporary file left"
	ok
	grep -q "fsync retried" "$tmp/merge-$name.log" && no "merge $name: a failed fsync was retried"
}

m1=$YS_TESTS/golden/merge/data/ab.yaml
m2=$YS_TESTS/golden/merge/data/cd.yaml
"$bin" merge "$m1" "$m2" -o "$tmp/merge-ok.yaml" 2>"$tmp/merge-ok.err"
rc=$?
ok
[ $rc -eq 0 ] || no "merge without faults: exit $rc ($(cat "$tmp/merge-ok.err"))"
merge_fault enospc 74 "No space left on device" YS_FAULT_WRITE_LIMIT=100
merge_fault fsync 74 "Input/output error" YS_FAULT_FSYNC=file
merge_fault close 74 "Input/output error" YS_FAULT_CLOSE=1
merge_fault rename 73 "Read-only file system" YS_FAULT_RENAME=1

# The folder's fsync fails after the rename: the new file is in place
# but the user is told it may not survive a power cut (exit 74).
mkdir -p "$tmp/dirsync"
env YS_FAULT_FSYNC=dir LD_PRELOAD="$YS_SHIM" \
	"$bin" scorecard "$answers" -o "$tmp/dirsync/out.txt" 2>"$tmp/dirsync.err"
rc=$?
ok
[ $rc -eq 74 ] || no "folder fsync: exit $rc, not 74"
ok
grep -q "could not be flushed" "$tmp/dirsync.err" || no "folder fsync: $(cat "$tmp/dirsync.err")"

# A real full disk: a 64 KiB tmpfs in a private mount namespace, filled
# to the last block. The mounts below need unshare (util-linux) and root,
# or unprivileged user namespaces (unshare -r); without them the test
# fails and says so instead of leaving these cases out.
if [ "$(id -u)" = 0 ]; then
	ns="unshare -m"
else
	ns="unshare -r -m"
fi
if ! $ns sh -c "mount -t tmpfs -o size=64k tmpfs '$tmp'" 2>"$tmp/ns.err"; then
	no "cannot mount a tmpfs in a private mount namespace ($ns): $(cat "$tmp/ns.err")"
else
	mkdir -p "$tmp/full"
	# shellcheck disable=SC2016 # expanded by the inner shell
	$ns sh -c '
		set -u
		mnt=$1 bin=$2 answers=$3
		mount -t tmpfs -o size=64k,mode=755 tmpfs "$mnt" || exit 2
		printf "previous contents\n" >"$mnt/out.txt"
		cp "$mnt/out.txt" "$mnt/before"
		dd if=/dev/zero of="$mnt/fill" bs=1k count=1000 2>/dev/null
		"$bin" scorecard "$answers" -o "$mnt/out.txt" --force 2>&1
		echo "rc=$?"
		cmp -s "$mnt/out.txt" "$mnt/before" && echo same
		find "$mnt" -name ".out.txt.tmp-*" | wc -l | sed "s/^/temps=/"
	' sh "$tmp/full" "$bin" "$answers" >"$tmp/full.out" 2>&1 || true
	ok
	grep -q 'rc=74$' "$tmp/full.out" || no "full tmpfs: $(cat "$tmp/full.out")"
	ok
	grep -q '^same$' "$tmp/full.out" || no "full tmpfs: previous file changed"
	ok
	grep -q '^temps=0$' "$tmp/full.out" || no "full tmpfs: temporary file left"
	ok
	grep -q 'No space left on device' "$tmp/full.out" || no "full tmpfs: no reason given"
fi

# A folder the user may not write: an unprivileged user (CI runs as
# root, for whom permissions do not apply).
mkdir -p "$tmp/ro"
printf 'previous contents\n' >"$tmp/ro/out.txt"
chmod 644 "$tmp/ro/out.txt"
chmod 755 "$tmp/ro"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	as_nobody=""
	chmod 555 "$tmp/ro"
fi
$as_nobody "$bin" scorecard "$answers" -o "$tmp/ro/out.txt" --force 2>"$tmp/ro.err"
rc=$?
ok
[ $rc -eq 73 ] || no "read-only folder: exit $rc, not 73 ($(cat "$tmp/ro.err"))"
ok
grep -q "Permission denied" "$tmp/ro.err" || no "read-only folder: $(cat "$tmp/ro.err")"
ok
[ "$(cat "$tmp/ro/out.txt")" = "previous contents" ] || no "read-only folder: file changed"
$as_nobody "$bin" scorecard "$answers" -o "$tmp/ro/new.txt" 2>"$tmp/ro.err"
rc=$?
ok
if [ $rc -ne 73 ] || [ -e "$tmp/ro/new.txt" ]; then
	no "read-only folder, new file: exit $rc"
fi
chmod 755 "$tmp/ro"

# A read-only mount (bind-mounted read-only in a private namespace).
if ! $ns sh -c "mount --bind '$tmp/ro' '$tmp/ro' && mount -o remount,bind,ro '$tmp/ro'" 2>"$tmp/ns.err"; then
	no "cannot bind-mount read-only in a private mount namespace ($ns): $(cat "$tmp/ns.err")"
else
	# shellcheck disable=SC2016 # expanded by the inner shell
	$ns sh -c '
		mnt=$1 bin=$2 answers=$3
		mount --bind "$mnt" "$mnt" && mount -o remount,bind,ro "$mnt" || exit 2
		"$bin" scorecard "$answers" -o "$mnt/out.txt" --force 2>&1
		echo "rc=$?"
	' sh "$tmp/ro" "$bin" "$answers" >"$tmp/romount.out" 2>&1
	ok
	grep -q '^rc=73$' "$tmp/romount.out" || no "read-only mount: $(cat "$tmp/romount.out")"
	ok
	grep -q 'Read-only file system' "$tmp/romount.out" || no "read-only mount: no reason"
	ok
	[ "$(cat "$tmp/ro/out.txt")" = "previous contents" ] || no "read-only mount: file changed"
fi

finish

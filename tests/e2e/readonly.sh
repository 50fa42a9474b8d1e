#!/bin/sh
# A folder the user cannot write to is reported before the first question
# (exit 73), as user nobody in a root-owned 0755 folder. Also: a new
# interview never overwrites an existing assessment of the same day.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

# As root (CI), run as user nobody in a root-owned 0755 folder; as anyone
# else, in a folder of their own without write permission.
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || e2e_fail "setpriv (util-linux) is needed"
	mkdir -m 0755 "$E2E_DIR/ro"
	NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	mkdir -m 0555 "$E2E_DIR/ro"
	NOBODY=
fi

e2e_start r "cd ro && $NOBODY $YS interview 2> ../r.err; echo EXIT=\$? > ../r.rc"
e2e_wait_file "$E2E_DIR/r.rc"
grep -q EXIT=73 "$E2E_DIR/r.rc" || e2e_fail "read-only folder: $(cat "$E2E_DIR/r.rc") $(cat "$E2E_DIR/r.err")"
grep -q "cannot save answers" "$E2E_DIR/r.err" || e2e_fail "no clear message: $(cat "$E2E_DIR/r.err")"
e2e_history r | grep -q "Question" && e2e_fail "a question was shown before the folder was checked"
[ -z "$(ls -A "$E2E_DIR/ro")" ] || e2e_fail "files were left in the read-only folder"

# The same with -o into the read-only folder.
e2e_start o "$NOBODY $YS interview -o ro/x.yaml 2> o.err; echo EXIT=\$? > o.rc"
e2e_wait_file "$E2E_DIR/o.rc"
grep -q EXIT=73 "$E2E_DIR/o.rc" || e2e_fail "-o into a read-only folder: $(cat "$E2E_DIR/o.rc")"

# Default names: assessment-DATE.yaml, then -2, never overwritten.
mkdir "$E2E_DIR/w"
day=$(date +%Y-%m-%d)
echo "keep me" > "$E2E_DIR/w/assessment-$day.yaml"
e2e_start w "cd w && $YS interview --org X; echo EXIT=\$? > ../w.rc"
e2e_wait w "assessment-$day-2.yaml"
e2e_keys w Enter
e2e_wait w "Question 1 of $NQ"
e2e_keys w q
e2e_wait_file "$E2E_DIR/w.rc"
grep -q "keep me" "$E2E_DIR/w/assessment-$day.yaml" || e2e_fail "an existing assessment was overwritten"
[ -f "$E2E_DIR/w/assessment-$day-2.yaml" ] || e2e_fail "assessment-$day-2.yaml was not written"
echo "ok: read-only folder and default names"

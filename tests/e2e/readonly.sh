#!/bin/sh
# A folder the user cannot write to is reported before the first question
# (exit 73), as user nobody in a root-owned 0755 folder. Also: a new
# interview never overwrites an existing assessment of the same day; an
# answers file made read-only is refused before the first question (exit
# 73) and left exactly as it was; saves keep a file's permission bits;
# --org on resume changes the organisation only when the user says yes;
# --assessor 'A, B' is two people.
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

# An answers file of one answered question, made read-only (0444) and
# dated in the past: refused before the first question, bytes and time
# unchanged, no lock file left.
mkdir "$E2E_DIR/f"
e2e_new_interview n f/ro.yaml "--assessor \"Sam Patel, Jo Okafor\""
e2e_keys n 1
e2e_wait n "Question 2 of $NQ"
e2e_keys n q
e2e_wait_file "$E2E_DIR/f/ro.yaml.rc"
grep -q EXIT=0 "$E2E_DIR/f/ro.yaml.rc" || e2e_fail "first sitting: $(cat "$E2E_DIR/f/ro.yaml.rc")"
# --assessor "Sam Patel, Jo Okafor" is two people.
python3 - "$E2E_DIR/f/ro.yaml" <<'EOF2' || e2e_fail "--assessor 'A, B' was not read as two people: $(grep assessors "$E2E_DIR/f/ro.yaml")"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
assert doc["assessors"] == ["Sam Patel", "Jo Okafor"], doc["assessors"]
EOF2
cp "$E2E_DIR/f/ro.yaml" "$E2E_DIR/ro.copy"
touch -d "2026-01-02 03:04:05" "$E2E_DIR/f/ro.yaml"
chmod 0444 "$E2E_DIR/f/ro.yaml"
before=$(stat -c '%a %s %y' "$E2E_DIR/f/ro.yaml")
e2e_start ro "$YS interview -o f/ro.yaml --org Elsewhere 2> ro.err; echo EXIT=\$? > ro.rc"
e2e_wait_file "$E2E_DIR/ro.rc"
grep -q EXIT=73 "$E2E_DIR/ro.rc" || e2e_fail "read-only file: $(cat "$E2E_DIR/ro.rc") $(cat "$E2E_DIR/ro.err")"
grep -q "f/ro.yaml is read-only" "$E2E_DIR/ro.err" || e2e_fail "no clear message: $(cat "$E2E_DIR/ro.err")"
e2e_history ro | grep -q "Question" && e2e_fail "a question was shown for a read-only file"
cmp -s "$E2E_DIR/f/ro.yaml" "$E2E_DIR/ro.copy" || e2e_fail "the read-only file was changed"
[ "$(stat -c '%a %s %y' "$E2E_DIR/f/ro.yaml")" = "$before" ] ||
	e2e_fail "the read-only file's mode or time changed: $before -> $(stat -c '%a %s %y' "$E2E_DIR/f/ro.yaml")"
[ "$(ls -A "$E2E_DIR/f")" = "ro.yaml
ro.yaml.rc" ] || e2e_fail "files were left beside the read-only file: $(ls -A "$E2E_DIR/f")"
# The workshop refuses it the same way (before reading it as a workshop).
e2e_start rw "$YS workshop -o f/ro.yaml 2> rw.err; echo EXIT=\$? > rw.rc"
e2e_wait_file "$E2E_DIR/rw.rc"
grep -q EXIT=73 "$E2E_DIR/rw.rc" || e2e_fail "workshop on a read-only file: $(cat "$E2E_DIR/rw.rc") $(cat "$E2E_DIR/rw.err")"
cmp -s "$E2E_DIR/f/ro.yaml" "$E2E_DIR/ro.copy" || e2e_fail "the workshop changed the read-only file"
# A file this user may not write (another owner's 0644) in a folder it
# may write: refused too.
if [ "$(id -u)" = 0 ]; then
	chmod 0644 "$E2E_DIR/f/ro.yaml"
	chmod 0777 "$E2E_DIR/f"
	e2e_start ru "$NOBODY $YS interview -o f/ro.yaml 2> ru.err; echo EXIT=\$? > ru.rc"
	e2e_wait_file "$E2E_DIR/ru.rc"
	grep -q EXIT=73 "$E2E_DIR/ru.rc" || e2e_fail "another user's file: $(cat "$E2E_DIR/ru.rc") $(cat "$E2E_DIR/ru.err")"
	cmp -s "$E2E_DIR/f/ro.yaml" "$E2E_DIR/ro.copy" || e2e_fail "another user's file was changed"
	chmod 0755 "$E2E_DIR/f"
fi

# An answers file this user may write, in a folder it may not: refused
# the same way, before the first question, the file untouched.
chmod u+w "$E2E_DIR/ro"
cp "$E2E_DIR/ro.copy" "$E2E_DIR/ro/kept.yaml"
if [ "$(id -u)" = 0 ]; then
	chown 65534:65534 "$E2E_DIR/ro/kept.yaml"
else
	chmod 0555 "$E2E_DIR/ro"
fi
e2e_start k "$NOBODY $YS interview -o ro/kept.yaml 2> k.err; echo EXIT=\$? > k.rc"
e2e_wait_file "$E2E_DIR/k.rc"
grep -q EXIT=73 "$E2E_DIR/k.rc" || e2e_fail "a file in a read-only folder: $(cat "$E2E_DIR/k.rc") $(cat "$E2E_DIR/k.err")"
grep -q "cannot save answers next to ro/kept.yaml" "$E2E_DIR/k.err" || e2e_fail "no clear message: $(cat "$E2E_DIR/k.err")"
e2e_history k | grep -q "Question" && e2e_fail "a question was shown for a file in a read-only folder"
cmp -s "$E2E_DIR/ro/kept.yaml" "$E2E_DIR/ro.copy" || e2e_fail "the file in the read-only folder was changed"
[ "$(ls -A "$E2E_DIR/ro")" = kept.yaml ] || e2e_fail "files were left in the read-only folder: $(ls -A "$E2E_DIR/ro")"

# Permission bits survive saves: 0640, then 0600, after answering a
# question each time. --org on resume asks first: no keeps the name.
for mode in 640 600; do
	chmod "$mode" "$E2E_DIR/f/ro.yaml"
	rm -f "$E2E_DIR/m.rc"
	e2e_start "m$mode" "$YS interview -o f/ro.yaml --org \"Other Council\"; echo EXIT=\$? > m.rc"
	e2e_wait "m$mode" "This file is for Anytown; change it to Other Council? [y/N]"
	e2e_keys "m$mode" n Enter
	e2e_wait "m$mode" "Question"
	e2e_keys "m$mode" 2
	e2e_wait "m$mode" "answered"
	e2e_keys "m$mode" q
	e2e_wait_file "$E2E_DIR/m.rc"
	grep -q EXIT=0 "$E2E_DIR/m.rc" || e2e_fail "resume of a $mode file: $(cat "$E2E_DIR/m.rc")"
	[ "$(stat -c %a "$E2E_DIR/f/ro.yaml")" = "$mode" ] ||
		e2e_fail "a $mode file became $(stat -c %a "$E2E_DIR/f/ro.yaml") after a save"
	cmp -s "$E2E_DIR/f/ro.yaml" "$E2E_DIR/ro.copy" && e2e_fail "no answer was saved to the $mode file"
	grep -q "^organisation: Anytown$" "$E2E_DIR/f/ro.yaml" ||
		e2e_fail "the organisation changed without a yes: $(grep organisation "$E2E_DIR/f/ro.yaml")"
done
# Yes changes it.
rm -f "$E2E_DIR/m.rc"
e2e_start y "$YS interview -o f/ro.yaml --org \"Other Council\"; echo EXIT=\$? > m.rc"
e2e_wait y "change it to Other Council? [y/N]"
e2e_keys y y Enter
e2e_wait y "Question"
e2e_keys y q
e2e_wait_file "$E2E_DIR/m.rc"
grep -q "^organisation: Other Council$" "$E2E_DIR/f/ro.yaml" ||
	e2e_fail "yes did not change the organisation: $(grep organisation "$E2E_DIR/f/ro.yaml")"
echo "ok: read-only folder and file, default names, permission bits, --org and --assessor"

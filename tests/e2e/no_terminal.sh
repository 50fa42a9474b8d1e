#!/bin/sh
# Without a terminal the interview refuses with exit 64 and points to the
# non-interactive commands; an unusable TERM is a clear message, exit 64.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
cd "$E2E_DIR" || exit 1

rc=0
"$YS" interview < /dev/null > out.txt 2> err.txt || rc=$?
[ $rc = 64 ] || e2e_fail "no terminal: exit $rc, expected 64"
grep -q "needs a terminal" err.txt || e2e_fail "no terminal message: $(cat err.txt)"
grep -q "yardstick scorecard" err.txt || e2e_fail "no hint about scorecard"
[ -s out.txt ] && e2e_fail "output on stdout without a terminal"
rc=0
"$YS" < /dev/null > /dev/null 2> err2.txt || rc=$?
[ $rc = 64 ] || e2e_fail "yardstick with no arguments and no terminal: exit $rc"
ls assessment-* >/dev/null 2>&1 && e2e_fail "an answers file was created without a terminal"
rc=0
"$YS" interview --no-such-option > /dev/null 2>&1 || rc=$?
[ $rc = 64 ] || e2e_fail "bad option: exit $rc"
"$YS" interview --help | grep -q -- "--assessor" || e2e_fail "--help"

# A terminal, but a TERM terminfo does not know.
e2e_start t "TERM=no-such-terminal $YS interview -o t.yaml 2> t.err; echo EXIT=\$? > t.rc"
e2e_wait_file "$E2E_DIR/t.rc"
grep -q EXIT=64 t.rc || e2e_fail "bad TERM: $(cat t.rc)"
grep -q "no-such-terminal" t.err || e2e_fail "bad TERM message: $(cat t.err)"
[ -e t.yaml ] && e2e_fail "an answers file was written with a bad TERM"
[ -e t.yaml.lock ] && e2e_fail "a lock file was left behind"

# No TERM at all.
e2e_start u "unset TERM; $YS interview -o u.yaml 2> u.err; echo EXIT=\$? > u.rc"
e2e_wait_file "$E2E_DIR/u.rc"
grep -q EXIT=64 u.rc || e2e_fail "no TERM: $(cat u.rc)"
grep -q "TERM" u.err || e2e_fail "no TERM message: $(cat u.err)"
# With a terminal, problems found before the screen starts are plain
# messages with their exit codes, and leave nothing behind.
e2e_start q "$YS interview -q no-such-questionnaire -o q.yaml 2> q.err; echo EXIT=\$? > q.rc"
e2e_wait_file "$E2E_DIR/q.rc"
grep -q EXIT=66 q.rc || e2e_fail "unknown questionnaire: $(cat q.rc)"
grep -q "no-such-questionnaire" q.err || e2e_fail "unknown questionnaire message: $(cat q.err)"
e2e_start g "$YS interview --target no-such-target -o g.yaml 2> g.err; echo EXIT=\$? > g.rc"
e2e_wait_file "$E2E_DIR/g.rc"
grep -q EXIT=64 g.rc || e2e_fail "unknown target: $(cat g.rc)"
grep -q "good-practice" g.err || e2e_fail "the target profiles are not listed: $(cat g.err)"
printf 'not: an answers file\n' > bad.yaml
e2e_start h "$YS interview -o bad.yaml 2> h.err; echo EXIT=\$? > h.rc"
e2e_wait_file "$E2E_DIR/h.rc"
grep -q EXIT=65 h.rc || e2e_fail "invalid answers file: $(cat h.rc) $(cat h.err)"
grep -q "bad.yaml:1:" h.err || e2e_fail "no positioned message: $(cat h.err)"
for f in q.yaml g.yaml q.yaml.lock g.yaml.lock bad.yaml.lock; do
	[ -e "$f" ] && e2e_fail "$f was left behind"
done
echo "ok: no terminal"

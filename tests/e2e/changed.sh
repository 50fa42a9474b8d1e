#!/bin/sh
# Resuming a file started with another version of the questionnaire: the
# interview says what changed (questions added and removed) before going
# on, and records the new version once the user continues.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

mkdir "$E2E_DIR/old"
e2e_small_questionnaire "$E2E_DIR/old/hostile.yaml" "Changing" "Question" "No" "Help"
sed -e 's/id: q2/id: q9/' -e 's/version: "1"/version: "2"/' \
	"$E2E_DIR/old/hostile.yaml" > "$E2E_DIR/new.yaml"
"$YS" validate "$E2E_DIR/new.yaml" > /dev/null || e2e_fail "new.yaml is invalid"

e2e_start a "$YS interview -q old/hostile.yaml -o c.yaml --org X; echo EXIT=\$? > a.rc"
e2e_wait a "Begin the assessment"
e2e_keys a Enter
e2e_wait a "Question 1 of 2"
e2e_keys a 1
e2e_wait a "Question 2 of 2"
e2e_keys a 2
e2e_wait a "FINAL"
e2e_keys a q
e2e_wait_file "$E2E_DIR/a.rc"

# The old version is found by its SHA-256 in the search path.
e2e_start b "YARDSTICK_PATH=$E2E_DIR/old $YS interview -q new.yaml -o c.yaml; echo EXIT=\$? > b.rc"
e2e_wait b "the questionnaire has changed"
e2e_wait b "version 1"
e2e_wait b "Questions removed:"
e2e_wait b "q2"
e2e_wait b "Questions added:"
e2e_wait b "q9"
old_sha=$(sed -n 's/.*sha256: \([0-9a-f]*\).*/\1/p' "$E2E_DIR/c.yaml")
e2e_keys b Enter
e2e_wait b "Question 2 of 2"
e2e_wait_gone b "the questionnaire has changed"
e2e_keys b q
e2e_wait_file "$E2E_DIR/b.rc"
grep -q EXIT=0 "$E2E_DIR/b.rc" || e2e_fail "exit status $(cat "$E2E_DIR/b.rc")"
grep -q 'version: "2"' "$E2E_DIR/c.yaml" || e2e_fail "the new version was not recorded"
new_sha=$(sed -n 's/.*sha256: \([0-9a-f]*\).*/\1/p' "$E2E_DIR/c.yaml")
[ "$old_sha" != "$new_sha" ] || e2e_fail "the SHA-256 was not updated"
grep -q "q2:" "$E2E_DIR/c.yaml" || e2e_fail "the answer to the removed question was lost"

# Quitting on the changed screen leaves the file as it was.
cp "$E2E_DIR/c.yaml" "$E2E_DIR/c.before"
sed -e 's/id: q1$/id: q8/' -e 's/version: "2"/version: "3"/' "$E2E_DIR/new.yaml" > "$E2E_DIR/v3.yaml"
e2e_start c "$YS interview -q v3.yaml -o c.yaml; echo EXIT=\$? > c.rc"
e2e_wait c "the questionnaire has changed"
e2e_keys c q
e2e_wait_file "$E2E_DIR/c.rc"
cmp -s "$E2E_DIR/c.yaml" "$E2E_DIR/c.before" || e2e_fail "quitting on the changed screen changed the file"
echo "ok: changed questionnaire"

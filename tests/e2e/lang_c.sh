#!/bin/sh
# LANG=C and NO_COLOR: the interview still works, draws in ASCII only (wide
# text as '?'), and sends no colour; with colour allowed it does use it.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

e2e_small_questionnaire "$E2E_DIR/utf8.yaml" "Café 漢字 ✓" "Ça va? 漢字 question" "Non 🙂" "Aide é"
"$YS" validate "$E2E_DIR/utf8.yaml" >/dev/null || e2e_fail "test questionnaire invalid"

# LANG=C and NO_COLOR together.
e2e_start_piped c "LANG=C LC_ALL=C NO_COLOR=1 $YS interview -q utf8.yaml -o c.yaml --org X; echo EXIT=\$? > c.rc" c.out
e2e_wait c "Begin the assessment"
e2e_screen c | grep -qF "Caf? ?? ?" || e2e_fail "non-ASCII text not shown as '?' in the C locale"
e2e_keys c Enter
e2e_wait c "Question 1 of 2"
e2e_wait c "  1  Non ?"
e2e_keys c Down
e2e_wait c "> 1  Non ?"
e2e_keys c Down
e2e_wait c "> 2  Yes"
e2e_keys c ? 
e2e_wait c "Aide ?"
e2e_keys c Escape
e2e_wait c "Question 1 of 2"
e2e_keys c x
e2e_wait c "Why does it not apply"
e2e_keys c "naïve" Enter
e2e_wait c "Question 2 of 2"
e2e_keys c 2
e2e_wait c "FINAL: all 2 answered"
e2e_screen c | grep -q "#" || e2e_fail "no ASCII bars on the profile"
e2e_keys c q
e2e_wait_file "$E2E_DIR/c.rc"
grep -q EXIT=0 "$E2E_DIR/c.rc" || e2e_fail "LANG=C exit status $(cat "$E2E_DIR/c.rc")"
e2e_settle "$E2E_DIR/c.out" > /dev/null
LC_ALL=C grep -q "$(printf '[\200-\377]')" "$E2E_DIR/c.out" && e2e_fail "non-ASCII bytes written in the C locale"
LC_ALL=C grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]" "$E2E_DIR/c.out" &&
	e2e_fail "colour sent although NO_COLOR is set"
python3 - "$E2E_DIR/c.yaml" <<'PY' || e2e_fail "answers of the C-locale run"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
a = doc["answers"]
assert a["q1"]["answer"] == "n/a" and a["q1"]["na_reason"] == "na?ve", a
assert a["q2"]["answer"] == "yes", a
PY

# NO_COLOR set but empty does not turn colour off; UTF-8 text is shown.
e2e_start_piped u "NO_COLOR= $YS interview -q utf8.yaml -o u.yaml --org X; echo EXIT=\$? > u.rc" u.out
e2e_wait u "Café 漢字 ✓"
e2e_keys u Enter
e2e_wait u "Ça va? 漢字 question"
e2e_keys u q
e2e_wait_file "$E2E_DIR/u.rc"
e2e_settle "$E2E_DIR/u.out" > /dev/null
LC_ALL=C grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]" "$E2E_DIR/u.out" ||
	e2e_fail "no colour with NO_COLOR empty"

# NO_COLOR alone: monochrome, but the selection is still marked.
e2e_start_piped m "NO_COLOR=1 $YS interview -q utf8.yaml -o m.yaml --org X; echo EXIT=\$? > m.rc" m.out
e2e_wait m "Begin the assessment"
e2e_keys m Enter
e2e_wait m "Question 1 of 2"
e2e_keys m Down
e2e_wait m "▶ 1  Non 🙂"
e2e_keys m q
e2e_wait_file "$E2E_DIR/m.rc"
e2e_settle "$E2E_DIR/m.out" > /dev/null
LC_ALL=C grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]" "$E2E_DIR/m.out" &&
	e2e_fail "colour sent although NO_COLOR is set"
LC_ALL=C grep -q "$(printf '\033')\[7m\|$(printf '\033')\[[0-9;]*;7m" "$E2E_DIR/m.out" ||
	e2e_fail "no reverse video for the selection in monochrome"
# TERM=dumb: monochrome, the selection in reverse video, no colour.
e2e_start_piped d "TERM=dumb $YS interview -q utf8.yaml -o d.yaml --org X; echo EXIT=\$? > d.rc" d.out
e2e_wait d "Begin the assessment"
e2e_keys d Enter
e2e_wait d "Question 1 of 2"
e2e_keys d Down
e2e_wait d "2  Yes"
e2e_keys d q
e2e_wait_file "$E2E_DIR/d.rc"
grep -q EXIT=0 "$E2E_DIR/d.rc" || e2e_fail "TERM=dumb: $(cat "$E2E_DIR/d.rc")"
e2e_settle "$E2E_DIR/d.out" > /dev/null
LC_ALL=C grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]" "$E2E_DIR/d.out" &&
	e2e_fail "colour sent with TERM=dumb"
LC_ALL=C grep -q "$(printf '\033')\[7m\|$(printf '\033')\[[0-9;]*;7m" "$E2E_DIR/d.out" ||
	e2e_fail "no reverse video for the selection with TERM=dumb"
echo "ok: LANG=C, NO_COLOR and TERM=dumb"

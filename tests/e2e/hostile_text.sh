#!/bin/sh
# Text from a questionnaire never reaches the terminal unsanitised: bidi
# overrides and isolates (U+202E, U+2066, U+200F) are not written on any
# screen, and the pane title is unchanged. A questionnaire with a raw ESC
# is refused before the screen starts, with a positioned message and no
# raw control bytes on stderr.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

RLO=$(printf '\342\200\256')
LRI=$(printf '\342\201\246')
RLM=$(printf '\342\200\217')
e2e_small_questionnaire "$E2E_DIR/bidi.yaml" "Evil ${RLO}eltit" "Do you ${LRI}trust${RLM} this?" \
	"No ${RLO}way" "Help ${RLO}pleh"
"$YS" validate "$E2E_DIR/bidi.yaml" >/dev/null || e2e_fail "the bidi questionnaire should be valid"

e2e_start t "sleep 30"
title0=$($TMUX_CMD display-message -p -t t '#{pane_title}')

e2e_start_piped b "$YS interview -q bidi.yaml -o b.yaml --org X; echo EXIT=\$? > b.rc" b.out
e2e_wait b "Begin the assessment"
e2e_keys b Enter
e2e_wait b "Question 1 of 2"
e2e_keys b ?
e2e_wait b "Help for this question"
e2e_keys b Escape
e2e_wait b "Question 1 of 2"
e2e_keys b a
e2e_wait b "Areas"
e2e_keys b Escape r
e2e_wait b "Review"
e2e_keys b Escape n
e2e_wait b "Note:"
e2e_keys b "typed $(printf '\342\200\256')text" Enter
e2e_wait b "typed"
e2e_keys b 1
e2e_wait b "Question 2 of 2"
e2e_keys b 2
e2e_wait b "FINAL"
e2e_keys b F1
e2e_wait b "Keys"
e2e_keys b Escape q
e2e_wait_file "$E2E_DIR/b.rc"
grep -q EXIT=0 "$E2E_DIR/b.rc" || e2e_fail "exit status $(cat "$E2E_DIR/b.rc")"
e2e_settle "$E2E_DIR/b.out" > /dev/null
[ "$(e2e_bytes "$E2E_DIR/b.out")" -gt 1000 ] || e2e_fail "nothing captured from the pane"
for seq in "$RLO" "$LRI" "$RLM"; do
	LC_ALL=C grep -qF "$seq" "$E2E_DIR/b.out" && e2e_fail "a bidi control reached the terminal"
done
# No C1 control characters (U+0080..U+009F) either.
LC_ALL=C grep -q "$(printf '\302')[$(printf '\200')-$(printf '\237')]" "$E2E_DIR/b.out" &&
	e2e_fail "a C1 control reached the terminal"
# No sequence that sets a title or talks to the terminal (OSC, DCS, APC).
LC_ALL=C grep -q "$(printf '\033')[]P_^]" "$E2E_DIR/b.out" && e2e_fail "an OSC/DCS/APC sequence was written"
# The note typed with an override was stored without it.
LC_ALL=C grep -qF "$RLO" "$E2E_DIR/b.yaml" && e2e_fail "the bidi override from the keyboard was saved"

# A raw ESC in a questionnaire: refused, positioned, nothing raw on stderr.
printf 'yardstick: 1\nid: evil\ntitle: "Evil \033]0;pwned\007 title"\nversion: "1"\n' > "$E2E_DIR/esc.yaml"
e2e_start e "$YS interview -q esc.yaml -o e.yaml 2> e.err; echo EXIT=\$? > e.rc"
e2e_wait_file "$E2E_DIR/e.rc"
grep -q EXIT=65 "$E2E_DIR/e.rc" || e2e_fail "ESC questionnaire: $(cat "$E2E_DIR/e.rc"), expected 65"
grep -q "esc.yaml:3:[0-9]*: error:" "$E2E_DIR/e.err" || e2e_fail "no positioned message: $(cat "$E2E_DIR/e.err")"
LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$E2E_DIR/e.err" && e2e_fail "raw control bytes on stderr"
[ -e "$E2E_DIR/e.yaml" ] && e2e_fail "an answers file was created for a bad questionnaire"
[ -e "$E2E_DIR/e.yaml.lock" ] && e2e_fail "a lock file was left behind"

title1=$($TMUX_CMD display-message -p -t t '#{pane_title}')
[ "$title0" = "$title1" ] || e2e_fail "the pane title changed: '$title0' -> '$title1'"
for n in b e; do
	t=$($TMUX_CMD display-message -p -t $n '#{pane_title}')
	case $t in *pwned*|*eltit*) e2e_fail "pane title set from questionnaire text: $t" ;; esac
done
echo "ok: hostile text ($(e2e_bytes "$E2E_DIR/b.out") bytes of screen output checked)"

#!/bin/bash
# usage: interview.sh YARDSTICK TESTS_DIR TMPDIR VALGRIND_COMMAND...
#
# One whole interview under valgrind memcheck, in a private tmux server
# at 80x24: begin, answer, don't know, a note, N/A with a reason, help,
# the area menu, the review and the profile, a resize, then save and
# quit. Passes when the interview exits 0 and memcheck reports nothing
# (no error, nothing definitely or indirectly lost). memcheck runs with
# -s here so that its log names the suppressions it used; they are
# printed, and each must be one of ncurses' own. Called by run.sh.
set -u
bin=$1 tmp=$3     # $2, the tests folder, is not needed here
shift 3
vg=("$@")
sock=yardstick-vg-$$
tm=(tmux -L "$sock" -f /dev/null)
trap '"${tm[@]}" kill-server >/dev/null 2>&1' EXIT
unset TMUX
export HOME=$tmp XDG_DATA_HOME=$tmp/xdg YARDSTICK_PATH='' LANG=C.UTF-8 LC_ALL=C.UTF-8

fail() {
	echo "FAIL: interview under memcheck: $*"
	echo "--- screen:"
	"${tm[@]}" capture-pane -p -t vg 2>/dev/null
	[[ -s $tmp/vg-interview.log ]] && cat "$tmp/vg-interview.log"
	exit 1
}

# wait_for TEXT: until the pane shows TEXT (valgrind is slow: 60 s).
wait_for() {
	local end=$((SECONDS + 60))
	until "${tm[@]}" capture-pane -p -t vg 2>/dev/null | grep -qF -- "$1"; do
		((SECONDS < end)) || fail "'$1' did not appear"
		sleep 0.1
	done
}

keys() {
	"${tm[@]}" send-keys -t vg "$@"
}

cmd=$(printf '%q ' "${vg[@]}" -s --log-file="$tmp/vg-interview.log" "$bin" interview \
	-o "$tmp/vg-interview.yaml" --org Anytown)
"${tm[@]}" new-session -d -s vg -x 80 -y 24 -c "$tmp" \
	"$cmd; echo EXIT=\$? > $tmp/vg-interview.rc"
wait_for "Begin the assessment"
keys Enter
wait_for "Question 1 of"
keys 3
wait_for "Question 2 of"
keys d
wait_for "Question 3 of"
keys n
wait_for "Note"
keys "A note, with UTF-8: café 東京" Enter
keys 2
wait_for "Question 4 of"
keys '?'
sleep 1
keys Escape
keys a
sleep 1
keys Escape
keys r
sleep 1
keys Escape
keys s
sleep 1
keys Escape
"${tm[@]}" resize-window -t vg -x 100 -y 30 2>/dev/null
sleep 1
"${tm[@]}" resize-window -t vg -x 80 -y 24 2>/dev/null
sleep 1
keys q
end=$((SECONDS + 60))
until [[ -s $tmp/vg-interview.rc ]]; do
	((SECONDS < end)) || fail "did not exit after q"
	sleep 0.2
	# A confirmation, if one is asked for.
	if "${tm[@]}" capture-pane -p -t vg 2>/dev/null | grep -q "(y/n"; then
		keys y
	fi
done
grep -q "EXIT=0" "$tmp/vg-interview.rc" || fail "$(cat "$tmp/vg-interview.rc")"
log=$tmp/vg-interview.log
grep -q "ERROR SUMMARY: 0 errors" "$log" || fail "memcheck reported problems"
# -s lists each suppression used: "used_suppression: N NAME FILE:LINE ...".
used=$(awk '{ for (i = 1; i < NF - 1; i++) if ($i == "used_suppression:")
	print $(i + 2) " (" $(i + 3) ")" }' "$log" | sort -u)
if [[ -n $used ]]; then
	echo "suppressions used:"
	sed 's/^/  /' <<<"$used"
	grep -v '^ncurses_' <<<"$used" && fail "a suppression that is not ncurses' own was used"
else
	echo "suppressions used: none ($(grep -o 'suppressed: [0-9,]* from [0-9,]*' "$log" | tail -n 1))"
fi
answers=$("$bin" scorecard "$tmp/vg-interview.yaml" --format csv | python3 -c '
import csv, io, sys
rows = csv.DictReader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline=""))
print(sum(1 for r in rows if r["answer"]))')
((answers >= 3)) || fail "only $answers answers saved"
echo "interview under memcheck: ok ($answers answers saved)"

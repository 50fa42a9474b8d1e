# Shared helpers for the end-to-end tests: each test drives yardstick in a
# private tmux server (its own socket, no configuration) at a fixed size and
# polls the pane for expected text instead of sleeping.
#
# Usage, from a test script:
#   . "$(dirname "$0")/lib.sh"
#   e2e_init "$@"             # $1: the yardstick binary
#   e2e_start NAME 'command'  # a detached 80x24 session running a command
#   e2e_wait NAME 'text'      # until the pane shows text (fails after a timeout)
#   e2e_keys NAME keys...     # tmux send-keys
#   e2e_seed; e2e_rand N      # replayable random numbers (E2E_R), see below
# Everything is cleaned up on exit.

set -eu

E2E_TIMEOUT=${E2E_TIMEOUT:-20}

e2e_fail() {
	echo "FAIL: $*" >&2
	if [ -n "${E2E_SEED:-}" ]; then
		echo "(random choices from seed $E2E_SEED: replay with YS_SEED=$E2E_SEED)" >&2
	fi
	if [ -n "${E2E_LAST:-}" ]; then
		echo "--- last screen of $E2E_LAST:" >&2
		$TMUX_CMD capture-pane -p -t "$E2E_LAST" >&2 2>/dev/null || true
		echo "---" >&2
	fi
	exit 1
}

e2e_cleanup() {
	$TMUX_CMD kill-server >/dev/null 2>&1 || true
	# The server may still be going away: wait, then remove its socket.
	_i=0
	while $TMUX_CMD has-session >/dev/null 2>&1 && [ $_i -lt 40 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_SOCKET"
	if [ -n "${E2E_DIR:-}" ] && [ -d "$E2E_DIR" ]; then
		chmod -R u+w "$E2E_DIR" 2>/dev/null || true
		rm -rf "$E2E_DIR"
	fi
}

e2e_init() {
	YS=${1:?usage: test YARDSTICK_BINARY}
	[ -x "$YS" ] || e2e_fail "no yardstick binary at $YS"
	YS=$(readlink -f "$YS")
	command -v tmux >/dev/null || e2e_fail "tmux is needed for the end-to-end tests"
	TMUX_SOCKET=yardstick-e2e-$$
	TMUX_CMD="tmux -L $TMUX_SOCKET -f /dev/null"
	unset TMUX
	E2E_DIR=$(mktemp -d /tmp/yardstick-e2e.XXXXXX)
	chmod 755 "$E2E_DIR"
	trap e2e_cleanup EXIT
	trap 'exit 1' INT TERM
	# Make times and names predictable; keep the user's own data away.
	export YARDSTICK_PATH=
	export XDG_DATA_HOME=$E2E_DIR/xdg
	export HOME=$E2E_DIR
	export LANG=C.UTF-8 LC_ALL=C.UTF-8
	unset NO_COLOR
	# The number of questions in the default questionnaire (its warnings,
	# if any, are not this test's business).
	NQ=$("$YS" validate public-sector-digital-maturity 2>/dev/null |
		sed -n 's/.* \([0-9][0-9]*\) questions.*/\1/p')
	[ -n "$NQ" ] || e2e_fail "cannot count the default questionnaire's questions"
}

# e2e_start NAME COMMAND [WIDTH HEIGHT]: runs COMMAND with sh in the test
# folder, in a new detached session. The pane stays after the command
# ends so its last screen can be read.
e2e_start() {
	name=$1 cmd=$2 w=${3:-80} h=${4:-24}
	E2E_LAST=$name
	if $TMUX_CMD has-session 2>/dev/null; then
		$TMUX_CMD new-session -d -s "$name" -x "$w" -y "$h" -c "$E2E_DIR" \
			"sh -c '$cmd'"
	else
		# The first session starts the server (with this environment).
		# Keep the server running between sessions: otherwise it exits
		# when a test kills its last session, and a session started at
		# that moment meets a server that is going away ("server exited
		# unexpectedly"), which happens on a busy machine.
		$TMUX_CMD new-session -d -s "$name" -x "$w" -y "$h" -c "$E2E_DIR" \
			"sh -c '$cmd'" \; set-option -g remain-on-exit on \; \
			set-option -g exit-empty off
	fi
	$TMUX_CMD set-option -t "$name" remain-on-exit on >/dev/null
}

# e2e_screen NAME: what the pane shows now.
e2e_screen() {
	$TMUX_CMD capture-pane -p -t "$1"
}

# e2e_history NAME: the pane with its scrolled-off lines.
e2e_history() {
	$TMUX_CMD capture-pane -p -S - -t "$1"
}

# e2e_wait NAME TEXT [SECONDS]: waits until the pane shows TEXT (a fixed
# string).
e2e_wait() {
	name=$1 text=$2 limit=${3:-$E2E_TIMEOUT}
	E2E_LAST=$name
	end=$(( $(date +%s) + limit ))
	while :; do
		if e2e_screen "$name" 2>/dev/null | grep -qF -- "$text"; then
			return 0
		fi
		[ "$(date +%s)" -le "$end" ] || e2e_fail "'$text' did not appear in $name within ${limit}s"
		sleep 0.05
	done
}

# e2e_wait_gone NAME TEXT: waits until the pane no longer shows TEXT.
e2e_wait_gone() {
	name=$1 text=$2
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while e2e_screen "$name" | grep -qF -- "$text"; do
		[ "$(date +%s)" -le "$end" ] || e2e_fail "'$text' stayed in $name"
		sleep 0.05
	done
}

# e2e_wait_file PATH: waits until PATH exists and is not empty (status
# and stty files are written with one short write).
e2e_wait_file() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ ! -s "$1" ]; do
		[ "$(date +%s)" -le "$end" ] || e2e_fail "$1 did not appear"
		sleep 0.05
	done
}

# e2e_wait_dead PID: waits until the process has ended (a zombie counts).
e2e_wait_dead() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ -r "/proc/$1/stat" ]; do
		state=$(sed 's/^[0-9]* ([^)]*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null || echo Z)
		[ "$state" = Z ] && return 0
		[ "$(date +%s)" -le "$end" ] || e2e_fail "process $1 did not end"
		sleep 0.01
	done
}

# Random choices (kill9.sh, crash.sh, resize.sh) come from a small linear
# congruential generator, so that a failure can be replayed: e2e_seed
# takes the seed from YS_SEED when it is set, else from /dev/urandom, and
# prints it. The keys, pauses and sizes then repeat exactly; only the
# timing of the machine differs between runs.
e2e_seed() {
	E2E_SEED=${YS_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
	case $E2E_SEED in
	'' | *[!0-9]*) E2E_SEED='' && e2e_fail "YS_SEED must be a decimal number" ;;
	esac
	_e2e_rs=$((E2E_SEED % 2147483648))
	echo "seed: $E2E_SEED (replay with YS_SEED=$E2E_SEED)"
}

# e2e_rand N: sets E2E_R to the next random number in 0..N-1. It sets a
# variable instead of printing, as $(e2e_rand N) would run in a subshell
# and never advance the generator.
e2e_rand() {
	_e2e_rs=$(( (_e2e_rs * 1103515245 + 12345) % 2147483648 ))
	# shellcheck disable=SC2034 # read by the tests that source this
	E2E_R=$(( (_e2e_rs / 65536) % $1 ))
}

e2e_keys() {
	name=$1
	shift
	$TMUX_CMD send-keys -t "$name" "$@"
}

# e2e_pid NAME: the process id of the yardstick running in the pane (the
# pane's process itself after exec, or one of its children).
e2e_pid() {
	end=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		pp=$($TMUX_CMD display-message -p -t "$1" '#{pane_pid}' 2>/dev/null || true)
		if [ -n "$pp" ]; then
			for p in "$pp" $(cat /proc/"$pp"/task/*/children 2>/dev/null || true); do
				if [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = "$YS" ]; then
					echo "$p"
					return 0
				fi
			done
		fi
		[ "$(date +%s)" -le "$end" ] || e2e_fail "no yardstick process in $1"
		sleep 0.05
	done
}

# e2e_count_answers FILE: the number of answered questions in an answers
# file (checked to be valid YAML of the right shape).
e2e_count_answers() {
	python3 - "$1" <<'EOF'
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    doc = yaml.safe_load(f)
assert doc["yardstick-answers"] == 1, "not an answers file"
answers = doc.get("answers") or {}
print(sum(1 for r in answers.values() if r.get("answer")))
EOF
}

# e2e_new_interview NAME FILE [EXTRA ARGS]: starts a new interview writing
# FILE and gets past the start screen.
e2e_new_interview() {
	name=$1 file=$2
	shift 2
	e2e_start "$name" "trap : INT; $YS interview -o $file --org Anytown $*; echo EXIT=\$? > $file.rc"
	e2e_wait "$name" "Begin the assessment"
	e2e_keys "$name" Enter
	e2e_wait "$name" "Question 1 of"
}

# e2e_start_piped NAME COMMAND OUT: like e2e_start, but everything the
# program writes to the terminal is also copied to OUT (tmux pipe-pane),
# from its first byte.
e2e_start_piped() {
	_pn=$1 _pcmd=$2 _pout=$3
	rm -f "$E2E_DIR/$_pn.go"
	e2e_start "$_pn" "while [ ! -e $_pn.go ]; do sleep 0.02; done; $_pcmd"
	$TMUX_CMD pipe-pane -t "$_pn" -o "cat >> $E2E_DIR/$_pout"
	: > "$E2E_DIR/$_pn.go"
}

# e2e_settle FILE: waits until FILE (pipe-pane output) stops growing, then
# prints its size.
e2e_settle() {
	_last=-1
	_stable=0
	while [ $_stable -lt 4 ]; do
		_now=$(e2e_bytes "$1" 2>/dev/null || echo 0)
		if [ "$_now" = "$_last" ]; then
			_stable=$((_stable + 1))
		else
			_stable=0
		fi
		_last=$_now
		sleep 0.1
	done
	echo "$_last"
}

# e2e_bounce SESSION MOVES AFTER: presses Down and Up MOVES times in all,
# taking the selection from the first of four options to the fourth and
# back; after each key runs "AFTER SEL", SEL being the option now selected
# (1-4), which waits for the screen to show the move.
e2e_bounce() {
	_bs=$1 _bn=$2 _bafter=$3
	_bsel=1 _bdir=1 _bi=0
	while [ $_bi -lt "$_bn" ]; do
		if [ $_bdir = 1 ]; then
			e2e_keys "$_bs" Down
			_bsel=$((_bsel + 1))
			[ $_bsel = 4 ] && _bdir=-1
		else
			e2e_keys "$_bs" Up
			_bsel=$((_bsel - 1))
			[ $_bsel = 1 ] && _bdir=1
		fi
		"$_bafter" "$_bsel"
		_bi=$((_bi + 1))
	done
}

# e2e_bytes FILE: its size in bytes.
e2e_bytes() {
	wc -c < "$1" | tr -d ' '
}

# e2e_small_questionnaire FILE TITLE QUESTION OPTION HELP: writes a small
# valid questionnaire with the given texts (used to check that text from a
# questionnaire never reaches the terminal unsanitised).
e2e_small_questionnaire() {
	cat > "$1" <<YAML
yardstick: 1
id: hostile
title: "$2"
version: "1"
levels:
  - name: Absent
  - name: "Initial $2"
answer_sets:
  yn:
    - {key: "no", label: "$4", value: 0}
    - {key: "yes", label: "Yes", value: 1}
areas:
  - id: one
    title: "Area $2"
    questions:
      - id: q1
        level: 1
        text: "$3"
        help: "$5"
        answers: yn
        allow_na: true
      - id: q2
        level: 1
        text: "Second $3"
        answers: yn
YAML
}

# Screen captures for the documentation. A test that sets nothing works as
# before; with E2E_CAPTURE set to a folder, e2e_capture and
# e2e_capture_text write NAME.txt there (scripts/update-docs splices them
# into README.md). Captures are normalised so that they do not change from
# run to run: trailing spaces and trailing blank lines are removed, and the
# clock time of the status line ("Saved at 08:16:02") reads 10:00:00, the
# time of day of the fixed clock the captures use (YARDSTICK_NOW).

# e2e_normalise: stdin to stdout, as above.
e2e_normalise() {
	sed -e 's/[[:space:]]*$//' \
		-e 's/\(Saved at \)[0-2][0-9]:[0-5][0-9]:[0-5][0-9]/\110:00:00/g' |
		awk '{ line[NR] = $0 } NF { last = NR }
		     END { for (i = 1; i <= last; i++) print line[i] }'
}

# e2e_stable NAME: waits until the pane has stopped changing (the same
# content over four polls 0.1 s apart), then prints it.
e2e_stable() {
	_sname=$1
	_sprev=$(e2e_screen "$_sname")
	_ssame=0
	_send=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ $_ssame -lt 4 ]; do
		sleep 0.1
		_snow=$(e2e_screen "$_sname")
		if [ "$_snow" = "$_sprev" ]; then
			_ssame=$((_ssame + 1))
		else
			_ssame=0
			_sprev=$_snow
		fi
		[ "$(date +%s)" -le "$_send" ] || e2e_fail "$_sname kept changing"
	done
	printf '%s\n' "$_sprev"
}

# e2e_capture NAME CAPTURE: with E2E_CAPTURE set, writes the pane's
# settled screen to $E2E_CAPTURE/CAPTURE.txt.
e2e_capture() {
	[ -n "${E2E_CAPTURE:-}" ] || return 0
	mkdir -p "$E2E_CAPTURE"
	e2e_stable "$1" | e2e_normalise > "$E2E_CAPTURE/$2.txt"
}

# e2e_capture_text CAPTURE: with E2E_CAPTURE set, writes stdin to
# $E2E_CAPTURE/CAPTURE.txt; without, reads and discards it.
e2e_capture_text() {
	if [ -n "${E2E_CAPTURE:-}" ]; then
		mkdir -p "$E2E_CAPTURE"
		e2e_normalise > "$E2E_CAPTURE/$1.txt"
	else
		cat > /dev/null
	fi
}

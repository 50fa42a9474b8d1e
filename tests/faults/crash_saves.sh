#!/bin/bash
# usage: crash_saves.sh BINARY   (environment from tests/faults/meson.build)
#
# kill -9 at random moments while answers are being saved, $YS_CRASH_KILLS
# times (default 200). Half the runs pause each save between writing the
# temporary file and renaming it (YARDSTICK_TEST_PAUSE_BEFORE_RENAME), so
# many kills land in that window. After every kill:
#  - the answers file reads and holds exactly the answers of one step of
#    the sequence, and that step is no earlier than the last one reported
#    as saved (no saved answer is ever lost);
#  - the lock is free (the next open succeeds) and that open removes
#    every temporary file the killed process left.
set -u
bin=$1
# shellcheck source=tests/faults/lib.sh
. "$(dirname "$0")/lib.sh"
tool=$YS_STORE_TOOL
q=$questionnaire
kills=${YS_CRASH_KILLS:-200}
file=$tmp/crash.yaml
mid_save=0 lost=0 total_saved=0
# Whether the test hooks are built in comes from meson (-Dtest_hooks).
hooks=${YS_TEST_HOOKS:?}
if ((!hooks)); then
	echo "built without test hooks (-Dtest_hooks=false): kills land where they fall"
fi
# The pauses and kill times come from bash's RANDOM, seeded with YS_SEED
# when it is set (to replay a failed run) and printed either way.
seed=${YS_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "seed: $seed (replay with YS_SEED=$seed)"
RANDOM=$seed

for ((i = 1; i <= kills; i++)); do
	pause=
	if ((hooks && i % 2 == 0)); then
		pause=$((1 + RANDOM % 20))
	fi
	YARDSTICK_TEST_PAUSE_BEFORE_RENAME=$pause "$tool" save "$q" "$file" 1000000 \
		>"$tmp/run.out" 2>"$tmp/run.err" &
	pid=$!
	sleep "0.0$((RANDOM % 60 + 5))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	last=$(grep '^saved ' "$tmp/run.out" | tail -n 1 | cut -d' ' -f2)
	total_saved=$((total_saved + $(grep -c '^saved ' "$tmp/run.out")))
	if [[ -s $tmp/run.err ]]; then
		no "run $i: $(cat "$tmp/run.err")"
	fi
	if [[ -n $(find "$tmp" -maxdepth 1 -name '.crash.yaml.tmp-*') ]]; then
		mid_save=$((mid_save + 1))
	fi
	if [[ ! -e $file ]]; then
		ok
		[[ -z $last ]] || no "run $i: saved $last but there is no file"
		continue
	fi
	ok
	step=$("$tool" check "$q" "$file" 2>"$tmp/check.err")
	rc=$?
	if ((rc != 0)); then
		no "run $i: the file does not read: $(cat "$tmp/check.err")"
		cp "$file" "$tmp/../crash-unreadable-$i.yaml" 2>/dev/null
		continue
	fi
	step=${step#step }
	ok
	if [[ -n $last ]] && ((step < last)); then
		no "run $i: step $last was reported saved but the file holds step $step"
		lost=$((lost + 1))
	fi
	ok
	"$tool" open "$file" 2>"$tmp/open.err" || no "run $i: the next open failed: $(cat "$tmp/open.err")"
	ok
	left=$(find "$tmp" -maxdepth 1 -name '.crash.yaml.tmp-*' | wc -l)
	((left == 0)) || no "run $i: $left temporary file(s) left after the next open"
done
echo "$kills kills; $total_saved saves reported; $mid_save kills left a temporary file (mid-save); $lost lost saves"
if ((hooks)); then
	ok
	((mid_save > 0)) || no "no kill landed during a save"
fi
finish

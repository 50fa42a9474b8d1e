#!/bin/bash
# usage: run.sh YARDSTICK TESTS_DIR GROUP
#
# GROUP is one part of the runs below, so that meson runs the parts side
# by side: cli (help, list, validate), reports (scorecard, compare,
# benchmark, merge) or interview.
#
# valgrind memcheck over the non-interactive commands, on good and bad
# inputs, and over one whole interview driven in tmux: zero errors and
# zero bytes definitely or indirectly lost.
# Only ncurses' own suppressions are used (Debian's
# /usr/lib/valgrind/ncurses.supp, when present, for the interview);
# "still reachable" memory (ncurses' and libyaml's caches) is not an
# error. Fails when valgrind or tmux is missing, or when the binary is
# built with AddressSanitizer (the two cannot run together; meson does not
# register this test in sanitizer builds).
set -u
if (($# != 3)); then
	echo "usage: run.sh YARDSTICK TESTS_DIR cli|reports|interview" >&2
	exit 2
fi
bin=$1 tests=$2 group=$3
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
case $tests in /*) ;; *) tests=$(pwd)/$tests ;; esac

for tool in valgrind tmux; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "FAIL: $tool is not installed (see YS_PACKAGES in scripts/lib.sh)"; exit 1; }
done
if ldd "$bin" 2>/dev/null | grep -q libasan ||
	nm "$bin" 2>/dev/null | grep -q __asan_init; then
	echo "FAIL: $bin is built with AddressSanitizer, which memcheck cannot run"
	exit 1
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
export YARDSTICK_PATH=$tests/data/questionnaires LC_ALL=C.UTF-8 NO_COLOR=1
supp=()
[[ -f /usr/lib/valgrind/ncurses.supp ]] && supp=(--suppressions=/usr/lib/valgrind/ncurses.supp)
# shellcheck disable=SC2054 # the commas belong to the options
VG=(valgrind --quiet --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99
    --track-fds=no "${supp[@]}")
fail=0 runs=0

# vg CODE ARGS...: runs yardstick ARGS under memcheck; expects exit CODE.
vg() {
	local want=$1 rc
	shift
	runs=$((runs + 1))
	"${VG[@]}" --log-file="$tmp/vg.log" "$bin" "$@" >/dev/null 2>"$tmp/err" </dev/null
	rc=$?
	if ((rc == 99)) || [[ -s $tmp/vg.log ]]; then
		echo "FAIL: memcheck: yardstick $*"
		cat "$tmp/vg.log"
		fail=$((fail + 1))
	elif ((rc != want)); then
		echo "FAIL: yardstick $*: exit $rc, not $want"
		head -n 5 "$tmp/err"
		fail=$((fail + 1))
	fi
}

d=$tests/data

group_cli() {
	vg 0 --version
	vg 0 --help
	vg 64 no-such-command
	vg 0 list
	vg 0 list --targets small-test
	# Every bundled questionnaire, by id.
	while read -r id _; do
		[[ -n $id ]] && vg 0 validate "$id"
	done < <("$bin" list 2>/dev/null | awk 'NR > 1 && /^[a-z0-9]/ { print $1 }' | sort -u)
	vg 0 validate "$d/questionnaires/small-test.yaml"
	# The broken questionnaires of the golden tests, several per run (validate
	# takes many files; the exit code is that of the first problem found).
	golden=()
	for f in "$tests"/golden/questionnaires/*.yaml; do
		[[ ${f##*/} == ok-* ]] || golden+=("$f")
	done
	for ((i = 0; i < ${#golden[@]}; i += 8)); do
		vg 65 validate "${golden[@]:i:8}"
	done
	vg 0 validate "$tests"/golden/questionnaires/ok-*.yaml
}

group_reports() {
	for fmt in text markdown html csv json svg; do
		vg 0 scorecard "$d/small-complete.yaml" --format "$fmt"
		vg 0 scorecard "$d/small-hostile.yaml" --format "$fmt" --width 60
	done
	vg 0 scorecard "$d/small-workshop.yaml" --target baseline
	vg 0 scorecard "$d/example-assessment.yaml" --format json
	vg 0 scorecard "$d/small-provisional.yaml" -o "$tmp/out.txt"
	vg 73 scorecard "$d/small-provisional.yaml" -o "$tmp/out.txt"
	vg 0 scorecard "$d/small-provisional.yaml" -o "$tmp/out.txt" --force
	vg 66 scorecard "$tmp/missing.yaml"
	vg 65 scorecard "$d/questionnaires/small-test.yaml"
	vg 66 scorecard /dev/zero
	vg 64 scorecard "$d/small-complete.yaml" --target no-such-target
	for fmt in text markdown json; do
		vg 0 compare "$d/small-provisional.yaml" "$d/small-complete.yaml" --format "$fmt"
	done
	vg 0 compare "$d/small-complete.yaml" "$d/small-v2.yaml"
	# Last year's file, on the archived built-in version, against this
	# year's: the version differences, and a renamed target.
	for fmt in text markdown json; do
		vg 0 compare "$d/example-assessment-2026.1.yaml" \
			"$d/example-assessment.yaml" --format "$fmt"
	done
	vg 0 compare "$d/example-assessment-2026.1.yaml" \
		"$d/example-assessment.yaml" --target good-practice
	vg 64 compare "$d/example-assessment-2026.1.yaml" \
		"$d/example-assessment.yaml" --target gold
	for fmt in text csv json; do
		vg 0 benchmark "$d"/bench/*.yaml --format "$fmt"
	done
	vg 0 merge "$d/small-complete.yaml" "$d/small-provisional.yaml" -o "$tmp/merged.yaml"
	# An existing output is refused with 73, as by every command.
	vg 73 merge "$d/small-complete.yaml" "$d/small-provisional.yaml" -o "$tmp/merged.yaml"
	vg 0 merge "$d/small-complete.yaml" "$d/small-provisional.yaml" -o "$tmp/merged.yaml" --force
	vg 65 merge "$d/small-complete.yaml" "$d/questionnaires/small-test.yaml" -o "$tmp/m2.yaml"
}

# One whole interview in tmux.
group_interview() {
	runs=$((runs + 1))
	if ! bash "$tests/valgrind/interview.sh" "$bin" "$tests" "$tmp" "${VG[@]}"; then
		fail=$((fail + 1))
	fi
}

case $group in
cli | reports | interview) "group_$group" ;;
*) echo "run.sh: no group '$group' (cli, reports or interview)" >&2; exit 2 ;;
esac

echo "$runs runs under memcheck, $fail failed"
((fail == 0))

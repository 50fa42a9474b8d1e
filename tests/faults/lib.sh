# Shared helpers for the fault tests. Sourced by sh scripts after
# setting bin (the yardstick binary). Needs YS_SHIM, YS_STORE_TOOL and
# YS_TESTS from meson (tests/faults/meson.build).
# shellcheck shell=sh

case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
: "${YS_SHIM:?}" "${YS_STORE_TOOL:?}" "${YS_TESTS:?}"
tmp=$(mktemp -d) || exit 2
chmod 755 "$tmp"
trap 'cleanup_mounts; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
YARDSTICK_PATH=$YS_TESTS/data/questionnaires
LC_ALL=C.UTF-8
export YARDSTICK_PATH LC_ALL
# A preloaded shim comes before the sanitizer's runtime; tell ASan that
# this is intended. Ignored by builds without sanitizers.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS
# shellcheck disable=SC2034 # used by the scripts that source this
answers=$YS_TESTS/data/small-complete.yaml
# shellcheck disable=SC2034

questionnaire=$YS_TESTS/data/questionnaires/small-test.yaml
fail=0
checks=0

cleanup_mounts() {
	:
}

no() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}

ok() {
	checks=$((checks + 1))
}

# temps DIR NAME: the temporary files of NAME left in DIR.
temps() {
	find "$1" -maxdepth 1 -name ".$2.tmp-*" | wc -l
}

finish() {
	if [ "$fail" -ne 0 ]; then
		echo "$fail of $checks checks failed"
		exit 1
	fi
	echo "all $checks checks passed"
	exit 0
}

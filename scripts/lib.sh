# Shared helpers for scripts/test, scripts/run, scripts/fuzz and
# scripts/bench. Source it from bash; it sets nothing but functions and
# the variables below, and changes to the top of the source tree.
# shellcheck shell=bash

YS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$YS_ROOT"

# Debian packages the build, the tests and the tools need, on a fresh
# Debian 12: the build (the first two lines; cmocka only for the tests),
# the end-to-end tests (tmux, python3-yaml), the sanitizer and fuzzing
# builds (clang, llvm), the schema, SVG and manual-page checks, valgrind,
# the dialog comparison of scripts/bench, the browser tests (chromium,
# chromium-driver, python3-selenium; poppler-utils for the HTML
# scorecard's PDF; npm, when no npm is installed, for axe-core), and
# util-linux (setpriv, unshare) and diffutils (cmp, diff), which Debian
# always installs but the tests cannot do without. The live workshop adds
# libmicrohttpd and libqrencode to the build, and to its tests zbar-tools
# to read the QR code back, python3-pil to draw it, openssl for a test
# certificate and python3-pyte to read the terminal in the live benchmark.
YS_PACKAGES=(
	build-essential meson ninja-build pkg-config
	libyaml-dev libncurses-dev libcmocka-dev libmicrohttpd-dev libqrencode-dev
	tmux clang llvm python3 python3-yaml python3-jsonschema
	librsvg2-bin libxml2-utils cmark-gfm libreoffice-calc-nogui
	chromium chromium-driver python3-selenium mandoc groff-base man-db valgrind ncurses-term
	locales dialog util-linux diffutils poppler-utils
	python3-pil zbar-tools openssl python3-pyte
)

# The npm packages of the browser tests (tests/browser/package.json, the
# versions pinned by its package-lock.json), installed into
# tests/browser/node_modules.
YS_NODE_DIR=tests/browser

YS_JOBS=$(nproc 2>/dev/null || echo 2)

ys_say() {
	printf '==> %s\n' "$*" >&2
}

ys_die() {
	printf '%s: %s\n' "${0##*/}" "$*" >&2
	exit 1
}

# Prints the packages of "$@" that are not installed, one per line.
ys_missing_packages() {
	local p status
	for p in "$@"; do
		status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		[[ $status == "install ok installed" ]] || printf '%s\n' "$p"
	done
}

# Installs whatever YS_PACKAGES lacks, with apt-get, non-interactively.
# Uses sudo only when not root (and sudo -n without a terminal, so a
# password prompt fails instead of hanging).
ys_install_deps() {
	local missing=() sudo=()

	if ! command -v dpkg-query >/dev/null 2>&1; then
		ys_say "not a Debian system: not checking packages"
		return 0
	fi
	mapfile -t missing < <(ys_missing_packages "${YS_PACKAGES[@]}")
	# npm may come with another build of Node.js (which then conflicts
	# with Debian's npm package): ask for it only when there is none.
	command -v npm >/dev/null 2>&1 || missing+=(npm)
	if ((${#missing[@]} == 0)); then
		ys_install_node_deps
		return
	fi
	ys_say "installing missing packages: ${missing[*]}"
	if [[ $(id -u) != 0 ]]; then
		command -v sudo >/dev/null 2>&1 ||
			ys_die "not root and no sudo: install ${missing[*]} first"
		if [[ -t 0 ]]; then
			sudo=(sudo)
		else
			sudo=(sudo -n)
		fi
	fi
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get update -q </dev/null >&2 || return 1
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends "${missing[@]}" \
		</dev/null >&2 || return 1
	ys_install_node_deps
}

# Installs the browser test's npm packages (axe-core) into
# $YS_NODE_DIR/node_modules when they are not there yet, exactly as
# package-lock.json records them.
ys_install_node_deps() {
	[[ -f $YS_NODE_DIR/node_modules/axe-core/axe.min.js ]] && return 0
	command -v npm >/dev/null 2>&1 || {
		ys_say "npm not found: cannot install axe-core for the browser test"
		return 1
	}
	ys_say "installing npm packages into $YS_NODE_DIR/node_modules"
	npm ci --prefix "$YS_NODE_DIR" --no-audit --no-fund </dev/null >&2
}

# ys_setup DIR [MESON_OPTION...]: configures DIR, or reconfigures it with
# the given options when it exists (wiping it if that fails). The compiler
# comes from $CC the first time DIR is set up.
ys_setup() {
	local dir=$1
	shift
	if [[ -f $dir/meson-private/coredata.dat ]]; then
		meson setup --reconfigure "$dir" "$@" >&2 ||
			meson setup --wipe "$dir" "$@" >&2
	else
		meson setup "$dir" "$@" >&2
	fi
}

# ys_build DIR: builds everything in a configured DIR.
ys_build() {
	ninja -C "$1" -j "$YS_JOBS" >&2
}

# ys_fuzz_targets DIR: names of the fuzz targets built in DIR (fuzz_NAME).
ys_fuzz_targets() {
	local f
	for f in "$1"/tests/fuzz/fuzz_*; do
		[[ -x $f && -f $f ]] && printf '%s\n' "${f##*/fuzz_}"
	done
	return 0
}

# ys_fuzz_dirs DIR TARGET: the corpus folders of TARGET, as registered for
# its fuzz-replay test: tests/fuzz/corpus/TARGET first (the one libFuzzer
# adds to), then read-only seed folders.
ys_fuzz_dirs() {
	meson introspect --tests "$1" | python3 -c '
import json, sys
name = "fuzz-replay-" + sys.argv[1]
for t in json.load(sys.stdin):
    if t["name"] == name:
        print("\n".join(t["cmd"][1:]))
' "$2"
}

# ys_fuzz_run DIR TARGET SECONDS [merge]: runs DIR's fuzz_TARGET for
# SECONDS on its corpus. New inputs go to a scratch folder; with "merge",
# those that add coverage are then merged into tests/fuzz/corpus/TARGET.
# Crashes are saved as DIR/fuzz-artifacts/TARGET/crash-*. The fuzzer's
# output goes to DIR/fuzz-TARGET.log; its tail is shown on failure.
ys_fuzz_run() {
	local dir=$1 target=$2 seconds=$3 mode=${4:-}
	local exe=$dir/tests/fuzz/fuzz_$target log=$dir/fuzz-$target.log
	local scratch=$dir/fuzz-scratch/$target art=$dir/fuzz-artifacts/$target/
	local dirs=() args=() rc=0

	mapfile -t dirs < <(ys_fuzz_dirs "$dir" "$target")
	((${#dirs[@]})) || dirs=("$YS_ROOT/tests/fuzz/corpus/$target")
	rm -rf "$scratch"
	mkdir -p "$scratch" "$art" "${dirs[0]}"
	args=(-max_total_time="$seconds" -timeout=10 -artifact_prefix="$art"
	      -print_final_stats=1)
	if [[ -f tests/fuzz/$target.dict ]]; then
		args+=(-dict="tests/fuzz/$target.dict")
	fi
	ys_say "fuzzing $target for $seconds s (log: $log)"
	"$exe" "${args[@]}" "$scratch" "${dirs[@]}" >"$log" 2>&1 || rc=$?
	if ((rc != 0)); then
		tail -n 40 "$log" >&2
		ys_say "fuzz_$target failed (exit $rc); the input is in $art;" \
			"reproduce with: $exe $art<file>"
		return 1
	fi
	grep -E '^(stat::number_of_executed_units|stat::new_units_added)' "$log" >&2 || true
	if [[ $mode == merge ]]; then
		ys_say "merging new inputs into ${dirs[0]}"
		"$exe" -merge=1 -artifact_prefix="$art" "${dirs[0]}" "$scratch" \
			>>"$log" 2>&1 || {
			tail -n 20 "$log" >&2
			return 1
		}
	fi
	rm -rf "$scratch"
}

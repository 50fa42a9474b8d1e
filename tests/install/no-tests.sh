#!/bin/sh
# -Dtests=false on a machine without cmocka: the program configures,
# builds and installs from a copy of the source without its tests/
# folder, and no test, test tool or cmocka lookup is left in the build.
# cmocka is hidden from meson (pkg-config sees every .pc file but
# cmocka's, and CMake is replaced by false); the default configuration of
# the real tree must then stop with an error that names -Dtests=false,
# which shows the hiding works. A bundled questionnaire missing from the
# copy is still an error at configure time.
#
# Usage: no-tests.sh SOURCE_ROOT BUILD_ROOT MESON
set -eu

src=$1 build=$2 meson=$3
. "$src/tests/install/common.sh"

tmp=$build/tests/no-tests.tmp
rm -rf "$tmp"
mkdir -p "$tmp/home" "$tmp/pc" "$tmp/src"
home=$tmp/home
out=$tmp/stdout
err=$tmp/stderr

# pkg-config without cmocka.
for d in $(pkg-config --variable pc_path pkg-config | tr : ' '); do
	for f in "$d"/*.pc; do
		[ -e "$f" ] || continue
		case ${f##*/} in
		cmocka.pc) ;;
		*) [ -e "$tmp/pc/${f##*/}" ] || ln -s "$f" "$tmp/pc/" ;;
		esac
	done
done
printf "[binaries]\ncmake = 'false'\n" >"$tmp/native.ini"
PKG_CONFIG_LIBDIR=$tmp/pc
PKG_CONFIG_PATH=
export PKG_CONFIG_LIBDIR PKG_CONFIG_PATH

setup()
{
	"$meson" setup --native-file "$tmp/native.ini" "$@" >"$out" 2>"$err"
}

# 1. The default (tests on) needs cmocka, and says how to do without.
rc=0
setup "$tmp/b-default" "$src" || rc=$?
if [ "$rc" -eq 0 ]; then
	fail "with cmocka hidden, the default configuration succeeded: the hiding does not work"
elif grep -q -- '-Dtests=false' "$out" "$err"; then
	pass "without cmocka, the default configuration stops and names -Dtests=false"
else
	show
	fail "without cmocka, the default configuration fails without naming -Dtests=false"
fi

# 2. -Dtests=false from a source tree without tests/.
for f in meson.build meson_options.txt LICENSE README.md include src \
	questionnaires scripts doc; do
	cp -R "$src/$f" "$tmp/src/"
done
b=$tmp/b
if ! { setup "$b" "$tmp/src" -Dtests=false --prefix /usr &&
	"$meson" compile -C "$b" >>"$out" 2>>"$err" &&
	"$meson" install -C "$b" --no-rebuild --destdir "$tmp/dest" >>"$out" 2>>"$err"; }; then
	tail -n 40 "$out" "$err" >&2
	fail "-Dtests=false without cmocka or tests/: setup, compile and install"
	finish
fi
pass "-Dtests=false without cmocka or tests/: setup, compile and install"

"$meson" introspect --tests "$b" >"$tmp/tests.json"
if [ "$(tr -d ' \n' <"$tmp/tests.json")" = "[]" ]; then
	pass "-Dtests=false registers no test"
else
	fail "-Dtests=false registers tests: $(cat "$tmp/tests.json")"
fi
"$meson" introspect --targets "$b" | python3 -c '
import json, sys
exes = sorted(t["name"] for t in json.load(sys.stdin)
              if t["type"] in ("executable", "shared module", "shared library"))
print(" ".join(exes))' >"$tmp/exes"
if [ "$(cat "$tmp/exes")" = yardstick ]; then
	pass "-Dtests=false builds the program and nothing else"
else
	fail "-Dtests=false builds more than the program: $(cat "$tmp/exes")"
fi
if grep -qi cmocka "$b/meson-logs/meson-log.txt"; then
	fail "-Dtests=false still looks for cmocka"
else
	pass "-Dtests=false does not look for cmocka"
fi

bin=$tmp/dest/usr/bin/yardstick
run "$bin" --version
expect_rc 0 "installed yardstick --version" && pass "installed yardstick --version"
run "$bin" validate public-sector-digital-maturity
expect_rc 0 "installed yardstick validate" && pass "installed yardstick validates the built-in default"
for f in "$src"/questionnaires/*.yaml; do
	if cmp -s "$f" "$tmp/dest/usr/share/yardstick/questionnaires/${f##*/}"; then
		pass "installed ${f##*/}"
	else
		fail "${f##*/} is not installed as it is in the source"
	fi
done

# 3. A bundled questionnaire missing is an error, not a smaller program.
missing=public-sector-digital-maturity.yaml
rm "$tmp/src/questionnaires/$missing"
rc=0
setup "$tmp/b-missing" "$tmp/src" -Dtests=false || rc=$?
if [ "$rc" -ne 0 ] && grep -q "$missing" "$out" "$err"; then
	pass "a missing bundled questionnaire ($missing) stops the configuration"
else
	show
	fail "with $missing missing, meson setup exited $rc without naming it"
fi

[ "$failures" -ne 0 ] || rm -rf "$tmp"
finish

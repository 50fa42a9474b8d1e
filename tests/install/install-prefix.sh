#!/bin/sh
# Builds yardstick with its prefix in a folder of the test, installs it
# there (no DESTDIR, so the data folder compiled into the program is where
# the questionnaires really are), and checks from another folder that
# questionnaires are found by id in the documented order: $YARDSTICK_PATH,
# $XDG_DATA_HOME/yardstick/questionnaires (or ~/.local/share/...), the
# installed data folder, then the built-in ones.
#
# Usage: install-prefix.sh SOURCE_ROOT BUILD_ROOT MESON
set -eu

src=$1 build=$2 meson=$3
. "$src/tests/install/common.sh"

tmp=$build/tests/install-prefix.tmp
rm -rf "$tmp"
mkdir -p "$tmp/elsewhere" "$tmp/home" "$tmp/path1" "$tmp/path2" "$tmp/xdg"
prefix=$tmp/prefix
home=$tmp/home
out=$tmp/stdout
err=$tmp/stderr

if ! { "$meson" setup "$tmp/build" "$src" --prefix "$prefix" \
	--bindir bin --datadir share --mandir share/man -Dtests=false &&
	"$meson" compile -C "$tmp/build" yardstick &&
	"$meson" install -C "$tmp/build" --no-rebuild; } >"$tmp/build.log" 2>&1; then
	tail -n 40 "$tmp/build.log" >&2
	fail "meson setup, compile and install with --prefix $prefix"
	finish
fi
pass "meson install with --prefix"

bin=$prefix/bin/yardstick
qdir=$prefix/share/yardstick/questionnaires
default=public-sector-digital-maturity
cd "$tmp/elsewhere"

# 3. The installed data folder, before the built-in copies.
run "$bin" list
if expect_rc 0 "yardstick list"; then
	ok=1
	for id in $(bundled_ids); do
		expect_out "from $qdir/$id.yaml" "yardstick list" || ok=0
	done
	[ "$ok" = 0 ] || pass "yardstick list: the installed data folder"
fi
for id in $(bundled_ids); do
	run "$bin" validate "$id"
	expect_rc 0 "yardstick validate $id" &&
		expect_out "$qdir/$id.yaml: ok: $id " "yardstick validate $id" &&
		pass "yardstick validate $id: the installed data folder"
done

# 2. ~/.local/share/yardstick/questionnaires before the data folder...
mkdir -p "$home/.local/share/yardstick/questionnaires"
cp "$qdir/$default.yaml" "$home/.local/share/yardstick/questionnaires/"
run "$bin" validate "$default"
expect_rc 0 "validate with a copy in ~/.local/share" &&
	expect_out "$home/.local/share/yardstick/questionnaires/$default.yaml: ok:" \
		"validate with a copy in ~/.local/share" &&
	pass "\$HOME/.local/share/yardstick/questionnaires before the data folder"

# ... and $XDG_DATA_HOME, when set, instead of it.
run "XDG_DATA_HOME=$tmp/xdg" "$bin" validate "$default"
expect_rc 0 "validate with an empty XDG_DATA_HOME folder" &&
	expect_out "$qdir/$default.yaml: ok:" "validate with an empty XDG_DATA_HOME folder" &&
	pass "\$XDG_DATA_HOME replaces ~/.local/share"
mkdir -p "$tmp/xdg/yardstick/questionnaires"
cp "$qdir/$default.yaml" "$tmp/xdg/yardstick/questionnaires/"
run "XDG_DATA_HOME=$tmp/xdg" "$bin" validate "$default"
expect_rc 0 "validate with a copy in XDG_DATA_HOME" &&
	expect_out "$tmp/xdg/yardstick/questionnaires/$default.yaml: ok:" \
		"validate with a copy in XDG_DATA_HOME" &&
	pass "\$XDG_DATA_HOME/yardstick/questionnaires before the data folder"

# 1. Each folder of $YARDSTICK_PATH, in order, before everything else.
cp "$qdir/$default.yaml" "$tmp/path2/"
run "YARDSTICK_PATH=$tmp/path1:$tmp/path2" "XDG_DATA_HOME=$tmp/xdg" "$bin" validate "$default"
expect_rc 0 "validate with a copy in the second YARDSTICK_PATH folder" &&
	expect_out "$tmp/path2/$default.yaml: ok:" \
		"validate with a copy in the second YARDSTICK_PATH folder" &&
	pass "\$YARDSTICK_PATH before \$XDG_DATA_HOME"
cp "$qdir/$default.yaml" "$tmp/path1/"
run "YARDSTICK_PATH=$tmp/path1:$tmp/path2" "$bin" validate "$default"
expect_rc 0 "validate with copies in both YARDSTICK_PATH folders" &&
	expect_out "$tmp/path1/$default.yaml: ok:" \
		"validate with copies in both YARDSTICK_PATH folders" &&
	pass "\$YARDSTICK_PATH folders in order"

# 4. The built-in copy when no folder has the file.
rm -f "$home/.local/share/yardstick/questionnaires/$default.yaml" "$qdir/$default.yaml"
run "$bin" validate "$default"
expect_rc 0 "validate with no file anywhere" &&
	expect_out "builtin:$default: ok:" "validate with no file anywhere" &&
	pass "the built-in questionnaire last"
run "$bin" validate no-such-questionnaire
expect_rc 66 "validate of an unknown id" && pass "an unknown id is exit 66"
cp "$src/questionnaires/$default.yaml" "$qdir/"

# The scorecard of an answers file finds its questionnaire by id.
write_answers "$qdir/$default.yaml" answers.yaml
check_scorecard "installed questionnaire by id" "$bin" scorecard answers.yaml

# The installed manual pages open with man(1).
if command -v man >/dev/null 2>&1; then
	for page in yardstick yardstick-questionnaire; do
		run "MANPATH=$prefix/share/man" "MANWIDTH=80" man "$page"
		expect_rc 0 "man $page" && expect_out "$qdir" "man $page" &&
			pass "man $page"
	done
fi

finish

#!/bin/sh
# meson install into a DESTDIR, then checks what was installed and runs the
# installed yardstick from another folder.
#
# Usage: install-destdir.sh SOURCE_ROOT BUILD_ROOT MESON VERSION BINDIR DATADIR MANDIR
# (BINDIR, DATADIR and MANDIR absolute, as configured.)
#
# The program looks for installed questionnaires under PREFIX, not under
# the DESTDIR, so here they are found through $XDG_DATA_HOME and
# $YARDSTICK_PATH pointed into the DESTDIR; install-prefix.sh checks the
# lookup of the data folder itself.
set -eu

src=$1 build=$2 meson=$3 version=$4 bindir=$5 datadir=$6 mandir=$7
. "$src/tests/install/common.sh"

tmp=$build/tests/install-destdir.tmp
rm -rf "$tmp"
mkdir -p "$tmp/elsewhere" "$tmp/home"
dest=$tmp/dest
home=$tmp/home
out=$tmp/stdout
err=$tmp/stderr

if ! "$meson" install -C "$build" --no-rebuild --destdir "$dest" \
	>"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log" >&2
	fail "meson install --destdir"
	finish
fi
pass "meson install --destdir"

bin=$dest$bindir/yardstick
qdir=$dest$datadir/yardstick/questionnaires

# What is installed, and where.
[ -x "$bin" ] || fail "no executable $bin"
for f in "$src"/questionnaires/*.yaml; do
	name=${f##*/}
	if cmp -s "$f" "$qdir/$name"; then
		pass "installed questionnaire $name"
	else
		fail "questionnaire $name not installed as $qdir/$name"
	fi
done
for page in man1/yardstick.1 man5/yardstick-questionnaire.5; do
	f=$dest$mandir/$page
	if [ ! -f "$f" ]; then
		fail "no manual page $f"
	elif grep -q '@[A-Z]*@' "$f"; then
		fail "$f still has a placeholder: $(grep -o '@[A-Z]*@' "$f" | head -n 1)"
	elif ! grep -qF "$datadir/yardstick/questionnaires" "$f" ||
		! grep -qF "yardstick $version" "$f"; then
		fail "$f does not name the data folder $datadir/yardstick and version $version"
	else
		pass "installed manual page $page"
	fi
done
f=$dest$datadir/bash-completion/completions/yardstick
if cmp -s "$src/doc/completion/yardstick" "$f"; then
	pass "installed bash completion"
else
	fail "bash completion not installed as $f"
fi
f=$dest$datadir/yardstick/schema/questionnaire.schema.json
if cmp -s "$src/doc/schema/questionnaire.schema.json" "$f"; then
	pass "installed JSON Schema"
else
	fail "JSON Schema not installed as $f"
fi

cd "$tmp/elsewhere"

# With nothing pointing at the DESTDIR, the built-in questionnaires.
run "$bin" --version
expect_rc 0 "yardstick --version" && expect_out "yardstick $version" "yardstick --version" &&
	pass "yardstick --version"
run "$bin" list
if expect_rc 0 "yardstick list"; then
	ok=1
	for id in $(bundled_ids); do
		expect_out "$id" "yardstick list" || ok=0
	done
	[ "$ok" = 0 ] || pass "yardstick list"
fi

# The installed folder through $XDG_DATA_HOME, then $YARDSTICK_PATH.
for how in "XDG_DATA_HOME=$dest$datadir" "YARDSTICK_PATH=$qdir"; do
	run "$how" "$bin" list
	if expect_rc 0 "$how yardstick list"; then
		ok=1
		for id in $(bundled_ids); do
			expect_out "from $qdir/$id.yaml" "$how yardstick list" || ok=0
		done
		[ "$ok" = 0 ] || pass "$how yardstick list: the installed files"
	fi
	for id in $(bundled_ids); do
		run "$how" "$bin" validate "$id"
		expect_rc 0 "$how yardstick validate $id" &&
			expect_out "$qdir/$id.yaml: ok: $id " "$how yardstick validate $id" &&
			pass "$how yardstick validate $id: the installed file"
	done
done

write_answers "$qdir/public-sector-digital-maturity.yaml" answers.yaml
check_scorecard "installed questionnaire by id" \
	"XDG_DATA_HOME=$dest$datadir" "$bin" scorecard answers.yaml

finish

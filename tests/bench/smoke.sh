#!/bin/sh
# usage: smoke.sh PYTHON GEN_QUESTIONNAIRE YARDSTICK BARE_PARSE
# Generates small questionnaires and checks that the loader accepts them
# and reports the expected counts, and that bare_parse reads them.
set -eu
python=$1 gen=$2 yardstick=$3 bare=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for spec in 100:8 4:1 37:3; do
	n=${spec%%:*} areas=${spec##*:}
	f="$tmp/q$n.yaml"
	"$python" "$gen" "$n" --areas "$areas" --seed "$n" -o "$f"
	out=$("$yardstick" validate "$f")
	case $out in
	*", $areas areas, $n questions"*) ;;
	*) echo "unexpected validate output for $n questions: $out" >&2; exit 1 ;;
	esac
	"$bare" "$f"
done

# Same arguments, same bytes.
"$python" "$gen" 100 --seed 7 -o "$tmp/a.yaml"
"$python" "$gen" 100 --seed 7 -o "$tmp/b.yaml"
cmp "$tmp/a.yaml" "$tmp/b.yaml"
echo "generator ok"

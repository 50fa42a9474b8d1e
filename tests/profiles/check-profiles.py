#!/usr/bin/env python3
"""Lock the levels and maturity of the answered profiles, and the profile
tables doc/questionnaires.md shows for them.

usage:
  check-profiles.py levels YARDSTICK TESTS_DIR [--update]
      Score every answers file in TESTS_DIR/data/profiles/ and compare each
      area's level, maturity (shown and exact) and cap, and the overall
      maturity, with tests/profiles/expected-levels.txt. The hand-written
      profiles must load without a warning and be complete. --update
      first records the default questionnaire's sha256 in the hand-written
      profiles (after a content change: check each still portrays its
      council), then rewrites the expected file instead of comparing:
      review both with git diff.
  check-profiles.py doc YARDSTICK TESTS_DIR DOC [--update]
      Every block in DOC between "<!-- profile:NAME -->" and
      "<!-- /profile:NAME -->" must be the PROFILE table of
      `yardstick scorecard data/profiles/NAME.yaml`, as a fenced text
      block. --update rewrites those blocks instead.

Commands run from TESTS_DIR with built-in questionnaires only, so the
default questionnaire is the one built into YARDSTICK.

Exit status: 0 passed, 1 failed, 2 usage or environment error.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected-levels.txt")
# Written by hand to portray a council; the others are generated.
REALISTIC = ["basics-missing", "typical", "strong"]


def die(msg):
    sys.stderr.write("check-profiles.py: %s\n" % msg)
    sys.exit(2)


def run(binary, tests_dir, args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("YARDSTICK_PATH", None)
    env.pop("NO_COLOR", None)
    with tempfile.TemporaryDirectory() as home:
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home
        r = subprocess.run([binary] + args, cwd=tests_dir, env=env,
                           capture_output=True, text=True)
    return r


def profiles(tests_dir):
    folder = os.path.join(tests_dir, "data", "profiles")
    names = sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".yaml"))
    missing = [n for n in REALISTIC if n not in names]
    if missing:
        die("no profile %s in %s" % (", ".join(missing), folder))
    return names


def refresh_sha(tests_dir):
    """Record the default questionnaire's sha256 in the hand-written
    profiles."""
    qpath = os.path.join(tests_dir, "..", "questionnaires",
                         "public-sector-digital-maturity.yaml")
    with open(qpath, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    for name in REALISTIC:
        path = os.path.join(tests_dir, "data", "profiles", name + ".yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = re.sub(r"(questionnaire: \{id: public-sector-digital-maturity,"
                     r" .*sha256: )[0-9a-f]{64}\}", r"\g<1>%s}" % digest, text)
        if new != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
            print("updated: sha256 in %s" % path)


def levels_of(binary, tests_dir, name, problems):
    path = "data/profiles/%s.yaml" % name
    r = run(binary, tests_dir, ["scorecard", "-f", "json", path])
    if r.returncode != 0 or r.stderr:
        hint = ""
        if "was started with version" in r.stderr:
            hint = (" (the questionnaire changed: check the profile still "
                    "portrays its council, then run with --update)")
        problems.append("%s: yardstick scorecard exit %d: %s%s"
                        % (path, r.returncode, r.stderr.strip(), hint))
        return []
    card = json.loads(r.stdout)
    if card["provisional"]:
        problems.append("%s: provisional; every question must be answered"
                        % path)
    rows = []
    for a in card["areas"]:
        rows.append("%-20s %-16s %-6s %-8s %-9.4f %s"
                    % (name, a["id"], a["level"], "%.1f" % a["maturity"],
                       a["maturity_exact"],
                       "capped" if a["capped"] else "-"))
    rows.append("%-20s %-16s %-6s %-8s %-9.4f %s"
                % (name, "overall", "-", "%.1f" % card["maturity"],
                   card["maturity_exact"], "-"))
    return [r.rstrip() for r in rows]


HEADER = """\
# Levels and maturity of the answered profiles in tests/data/profiles/,
# scored with the default questionnaire (DESIGN section 5). Written by
# tests/profiles/check-profiles.py levels ... --update; a change here is a
# change in what the content or the scoring says about these councils:
# review it, and update doc/questionnaires.md ("Three councils, scored").
# profile            area             level  shown    exact     capped
"""


def cmd_levels(binary, tests_dir, update):
    if update:
        refresh_sha(tests_dir)
    problems = []
    rows = []
    for name in profiles(tests_dir):
        rows += levels_of(binary, tests_dir, name, problems)
    text = HEADER + "\n".join(rows) + "\n"
    if problems:
        for p in problems:
            print("FAIL: %s" % p)
        return 1
    if update:
        with open(EXPECTED, "w", encoding="utf-8") as f:
            f.write(text)
        print("updated: %s" % EXPECTED)
        return 0
    try:
        with open(EXPECTED, encoding="utf-8") as f:
            want = f.read()
    except FileNotFoundError:
        print("FAIL: no %s (run with --update)" % EXPECTED)
        return 1
    want_rows = [l for l in want.splitlines() if l and not l.startswith("#")]
    if want_rows == rows:
        print("ok: %d profiles, %d rows as expected"
              % (len(profiles(tests_dir)), len(rows)))
        return 0
    print("FAIL: profile levels or maturity changed (expected, then now):")
    for w, h in zip(want_rows, rows):
        if w != h:
            print("  - %s\n  + %s" % (w, h))
    for w in want_rows[len(rows):]:
        print("  - %s" % w)
    for h in rows[len(want_rows):]:
        print("  + %s" % h)
    return 1


def profile_table(binary, tests_dir, name):
    """The PROFILE table of the text scorecard, from its header row to the
    last area (the explanation after the blank line is left out)."""
    r = run(binary, tests_dir, ["scorecard", "data/profiles/%s.yaml" % name])
    if r.returncode != 0 or r.stderr:
        die("scorecard of %s failed: %s" % (name, r.stderr.strip()))
    lines = r.stdout.split("\n")
    try:
        start = lines.index("PROFILE") + 2
        end = lines.index("", start)
    except ValueError:
        die("no PROFILE table in the scorecard of %s" % name)
    return lines[start:end]


BEGIN = re.compile(r"^<!-- profile:([a-z0-9-]+) -->$")


def cmd_doc(binary, tests_dir, doc, update):
    with open(doc, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, problems, seen, i = [], [], [], 0
    while i < len(lines):
        out.append(lines[i])
        m = BEGIN.match(lines[i])
        i += 1
        if not m:
            continue
        name = m.group(1)
        end = "<!-- /profile:%s -->" % name
        try:
            j = lines.index(end, i)
        except ValueError:
            problems.append("%s:%d: no %s after this marker" % (doc, i, end))
            continue
        want = ["```text"] + profile_table(binary, tests_dir, name) + ["```"]
        if lines[i:j] != want:
            problems.append("%s:%d: the profile table of %s is not what "
                            "`yardstick scorecard data/profiles/%s.yaml` "
                            "shows now" % (doc, i + 1, name, name))
            if not update:
                for k, line in enumerate(want):
                    have = lines[i + k] if i + k < j else "(missing)"
                    if have != line:
                        problems.append("  first difference: expected %r, "
                                        "found %r" % (line, have))
                        break
        out.extend(want)
        out.append(end)
        seen.append(name)
        i = j + 1
    for name in REALISTIC:
        if name not in seen:
            problems.append("%s: no profile table for %s "
                            "(<!-- profile:%s -->)" % (doc, name, name))
    if update:
        with open(doc, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        print("updated: %s (%d tables)" % (doc, len(seen)))
        return 0
    for p in problems:
        print("FAIL: %s" % p)
    if not problems:
        print("ok: %d profile tables in %s match the program" % (len(seen), doc))
    return 1 if problems else 0


def main(argv):
    update = "--update" in argv
    argv = [a for a in argv if a != "--update"]
    if len(argv) == 3 and argv[0] == "levels":
        return cmd_levels(os.path.abspath(argv[1]), argv[2], update)
    if len(argv) == 4 and argv[0] == "doc":
        return cmd_doc(os.path.abspath(argv[1]), argv[2], argv[3], update)
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""usage: check-text.py BINARY TESTS_DIR

The text scorecard with Welsh, Japanese and emoji text (data/intl-*):

- UTF-8 by default: "Ynys Môn", "Zoë", "Siân", "李小龍", "東京都庁システム"
  and the emoji print as written; with --ascii every byte is printable
  ASCII and the names are transliterated ("Ynys Mon", "Zoe", "Sian");
- no line is wider than --width in display columns (wcwidth from
  Python's Unicode database: CJK and emoji take two), at 60, 80, 120 and
  200 columns, in UTF-8 and in ASCII;
- the profile table is aligned by display width: on every row the bar
  starts, the maturity figure ends and the level begins at the same
  display column as on the header and the other rows;
- at wide widths the area column is only as wide as the widest title;
- the notes section lists every question with a note or an N/A answer,
  with the N/A reason, in text and in Markdown.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from textwidth import wcswidth  # noqa: E402

if len(sys.argv) != 3:
    print(__doc__)
    sys.exit(2)
binary = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2])
env = dict(os.environ, LC_ALL="C.UTF-8")
env.pop("YARDSTICK_PATH", None)
Q = ["-q", "data/intl/intl-test.yaml", "data/intl-answers.yaml"]
failures = []


def fail(msg):
    failures.append(msg)


def run(*args):
    p = subprocess.run([binary, "scorecard"] + list(args) + Q, env=env,
                       capture_output=True)
    if p.returncode != 0 or p.stderr:
        fail("%s: exit %d: %r" % (" ".join(args), p.returncode, p.stderr))
    return p.stdout


def col(line, idx):
    """Display column of character index idx in line."""
    return wcswidth(line[:idx])


def profile_rows(text):
    lines = text.split("\n")
    start = lines.index("PROFILE")
    header = lines[start + 2]
    rows = []
    for line in lines[start + 4:]:
        if not line:
            break
        if "[" in line:
            rows.append(line)
    return header, rows


TITLES = ["Gwasanaethau Môn", "東京都庁システム", "Data 📊 records"]
for ascii_ in (False, True):
    for width in (60, 80, 120, 200):
        args = ["-w", str(width)] + (["--ascii"] if ascii_ else [])
        name = " ".join(args)
        raw = run(*args)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            fail("%s: not UTF-8: %s" % (name, e))
            continue
        if ascii_:
            bad = [c for c in text if not (c == "\n" or " " <= c <= "~")]
            if bad:
                fail("%s: not ASCII: %r" % (name, "".join(sorted(set(bad)))))
            for want in ("Ynys Mon", "Zoe Jones", "Sian Hughes"):
                if want not in text:
                    fail("%s: no \"%s\"" % (name, want))
        else:
            for want in ("Cyngor Sir Ynys Môn 🏴 東京都庁", "Zoë Jones",
                         "Siân Hughes", "李小龍", "😀", "✅") + tuple(TITLES):
                if want not in text:
                    fail("%s: \"%s\" is not shown as written" % (name, want))
            if "\ufffd" in text or "?" * 3 in text:
                fail("%s: characters replaced" % name)
        for n, line in enumerate(text.split("\n"), 1):
            if wcswidth(line) > width:
                fail("%s: line %d is %d columns wide" % (name, n, wcswidth(line)))
        header, rows = profile_rows(text)
        if len(rows) != 3:
            fail("%s: %d profile rows, not 3" % (name, len(rows)))
            continue
        hm = col(header, header.index("Maturity") + len("Maturity"))
        hl = col(header, header.index("Level"))
        bars, ends, levels = set(), set(), set()
        for row in rows:
            b = row.index("[")
            bars.add(col(row, b))
            m = re.search(r"\] +(\d+\.\d) +", row)
            ends.add(col(row, m.end(1)))
            levels.add(col(row, m.end()))
        if len(bars) != 1 or len(ends) != 1 or len(levels) != 1:
            fail("%s: profile columns not aligned: bars at %s, maturity ends "
                 "at %s, levels at %s" % (name, bars, ends, levels))
        elif ends != {hm} or levels != {hl}:
            fail("%s: header not aligned with the rows: Maturity ends at %d "
                 "(rows %s), Level at %d (rows %s)" % (name, hm, ends, hl, levels))
        # Titles that fit sit on their row; the area column is no wider
        # than the widest title (plus the space before the bar).
        if width >= 120:
            widest = max(wcswidth(row[:row.index("[")].rstrip()) for row in rows)
            if bars != {widest + 1}:
                fail("%s: area column %s wide, widest title needs %d" % (
                    name, bars, widest))
        flat = re.sub(r"\s+", " ", text)
        for qid, bits in (
                ("mon-plan", ["Answer: Ydy", "Note: Approved by the Cabinet"]),
                ("mon-staff", ["Answer: N/A", "N/A reason: Un ddesg wasanaeth sydd"]),
                ("tokyo-backup", ["Note: "]),
                ("data-iao", ["Note: Finance and HR have owners"])):
            m = re.search(r"\* %s \(([^)]*)\)(.*?)(\* |ACTION PLAN)" % qid,
                          flat[flat.index("NOTES AND N/A ANSWERS"):])
            if not m:
                fail("%s: notes section does not list %s" % (name, qid))
                continue
            for b in bits:
                if b not in m.group(2):
                    fail("%s: notes entry of %s lacks \"%s\"" % (name, qid, b))

md = subprocess.run([binary, "scorecard", "-f", "markdown"] + Q, env=env,
                    capture_output=True).stdout.decode("utf-8")
plain = re.sub(r"\\(.)", r"\1", md)
for b in ("mon-staff", "Un ddesg wasanaeth sydd", "Finance and HR have owners",
          "毎晩バックアップ 😀"):
    if b not in plain[plain.find("## Notes"):]:
        fail("markdown: notes section lacks \"%s\"" % b)

# Markdown: a GFM renderer (cmark-gfm with its autolink extension) makes
# no link of the bare URL, the www. address or the email address in the
# notes, nor of anything in the hostile file, and still shows them.
import shutil  # noqa: E402
if not shutil.which("cmark-gfm"):
    fail("cmark-gfm is not installed (see scripts/lib.sh)")
else:
    for args, shown in (
            (Q, ["www.ynysmon.example/cynllun", "digidol\u2060@ynysmon.example",
                 "&lt;https://tokyo.example/backup&gt;"]),
            (["data/small-hostile.yaml"], ["http://evil.example", "@mention"])):
        e = dict(env, YARDSTICK_PATH="data/questionnaires")
        md = subprocess.run([binary, "scorecard", "-f", "markdown"] + args,
                            env=e, capture_output=True).stdout
        html = subprocess.run(["cmark-gfm", "-e", "table", "-e", "autolink",
                               "--unsafe"], input=md,
                              capture_output=True).stdout.decode("utf-8")
        if "<a " in html:
            fail("markdown %s: cmark-gfm made a link: %s" % (
                args[-1], re.findall(r"<a [^>]*>", html)))
        for w in shown:
            if w not in html:
                fail("markdown %s: cmark-gfm does not show %r" % (args[-1], w))

for f in failures:
    print("FAIL:", f)
print("text: %d failures" % len(failures))
sys.exit(1 if failures else 0)

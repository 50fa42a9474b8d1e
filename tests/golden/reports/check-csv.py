#!/usr/bin/env python3
"""Parses the CSV scorecards back with Python's csv module.

usage: check-csv.py BINARY TESTS_DIR

Checks, for each fixture: a UTF-8 byte order mark first, CRLF record
ends, the header, one row per question in questionnaire order with 13
fields, area titles and question texts beside the ids, workshop votes, answers and values as in
the answers file, notes that survive quoting (commas, quotes, newlines),
and that cells beginning with = + - @ or a tab are neutralised with a
leading apostrophe.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

HEADER = ["area", "area_title", "question", "question_text", "level",
          "weight", "answer", "answer_label", "value", "note", "na_reason",
          "votes", "contested", "settled"]
QUESTIONS = ["backup-exists", "backup-offsite", "backup-tested", "backup-plan",
             "backup-drill", "access-mfa", "access-leavers", "access-review",
             "network-coverage", "network-guest", "network-monitoring",
             "policy-security", "policy-known", "policy-review"]

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def scorecard(binary, answers):
    env = dict(os.environ, YARDSTICK_PATH="data/questionnaires", LC_ALL="C.UTF-8")
    out = subprocess.run([binary, "scorecard", "--format", "csv", answers],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, check=False)
    check(out.returncode == 0, f"{answers}: exit {out.returncode}: {out.stderr!r}")
    return out.stdout


def rows_of(raw, name):
    check(raw.startswith(b"\xef\xbb\xbf"), f"{name}: no UTF-8 byte order mark")
    text = raw.decode("utf-8-sig")
    # Every record ends with CRLF; a bare LF only appears inside quotes.
    check(text.endswith("\r\n"), f"{name}: output does not end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    check(rows and rows[0] == HEADER, f"{name}: header is {rows[:1]}")
    for i, row in enumerate(rows):
        check(len(row) == len(HEADER), f"{name}: row {i} has {len(row)} fields")
    check([r[2] for r in rows[1:]] == QUESTIONS,
          f"{name}: questions are {[r[2] for r in rows[1:]]}")
    for r in rows[1:]:
        for cell in r:
            check(not cell or cell[0] not in "=+-@\t\r",
                  f"{name}: cell {cell!r} is not neutralised")
    return {r[2]: dict(zip(HEADER, r)) for r in rows[1:]}


def main():
    binary = os.path.abspath(sys.argv[1])
    os.chdir(sys.argv[2])

    c = rows_of(scorecard(binary, "data/small-complete.yaml"), "complete")
    check(c["backup-exists"]["answer"] == "most", "complete: backup-exists answer")
    check(c["backup-exists"]["value"] == "0.75", "complete: backup-exists value")
    check(c["backup-exists"]["weight"] == "3", "complete: backup-exists weight")
    check(c["backup-exists"]["level"] == "1", "complete: backup-exists level")
    check(c["backup-exists"]["area"] == "backup", "complete: backup-exists area")
    check(c["backup-exists"]["area_title"] == "Backups and recovery",
          "complete: backup-exists area title")
    check(c["backup-exists"]["question_text"] ==
          "What share of critical systems are backed up?",
          "complete: backup-exists question text")
    check(c["backup-exists"]["answer_label"] == "Most",
          "complete: backup-exists answer label")
    check(all(r["votes"] == "" for r in c.values()), "complete: votes in an interview")
    check(c["backup-exists"]["note"] ==
          "Finance system still backed up by the supplier only.",
          "complete: backup-exists note")
    check(c["policy-known"]["answer"] == "dont-know" and
          c["policy-known"]["value"] == "0", "complete: don't know is 0")
    check(c["network-guest"]["answer"] == "n/a" and
          c["network-guest"]["value"] == "" and
          c["network-guest"]["na_reason"] == "No guest WiFi is offered at any site.",
          "complete: n/a has no value and keeps its reason")

    p = rows_of(scorecard(binary, "data/small-provisional.yaml"), "provisional")
    check(p["backup-plan"]["answer"] == "" and p["backup-plan"]["value"] == "",
          "provisional: unanswered question has empty answer and value")

    w = rows_of(scorecard(binary, "data/small-workshop.yaml"), "workshop")
    check(w["backup-offsite"]["contested"] == "yes" and
          w["backup-exists"]["contested"] == "", "workshop: contested column")
    check(w["backup-offsite"]["votes"] == "AB: no; CD: yes; EF: partly; GH: yes",
          "workshop: votes are %r" % w["backup-offsite"]["votes"])
    check(w["backup-offsite"]["note"] ==
          "CD: the tape copy is no longer taken off site.", "workshop: note")

    # A file from before the settled key existed counts its answered
    # questions as settled.
    check(w["backup-exists"]["settled"] == "yes" and
          w["backup-offsite"]["settled"] == "yes", "workshop: legacy file settled")
    c2 = rows_of(scorecard(binary, "data/small-complete.yaml"), "complete")
    check(all(r["settled"] == "" for r in c2.values()),
          "interview: settled column empty")
    with open("data/small-workshop.yaml", encoding="utf-8") as f:
        text = f.read()
    text = text.replace("    contested: true\n", "    contested: true\n    settled: false\n", 1)
    text = text.replace("    votes: {AB: most, CD: all, EF: most, GH: most}\n",
                        "    votes: {AB: most, CD: all, EF: most, GH: most}\n    settled: true\n", 1)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "unsettled.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        u = rows_of(scorecard(binary, path), "unsettled")
    check(u["backup-offsite"]["settled"] == "no", "workshop: unsettled answer says no: %r"
          % u["backup-offsite"]["settled"])
    check(u["backup-exists"]["settled"] == "yes", "workshop: settled answer says yes")
    check(all(r["settled"] == "" for q, r in u.items() if r["answer"] == ""),
          "workshop: unanswered question has an empty settled cell")

    h = rows_of(scorecard(binary, "data/small-hostile.yaml"), "hostile")
    check(h["backup-exists"]["note"] == "'=cmd|' /C calc'!A0",
          "hostile: formula neutralised")
    check(h["backup-offsite"]["note"] ==
          'line one\nline two, with a comma and "quotes"',
          "hostile: newline, comma and quotes survive")
    check(h["backup-tested"]["note"].startswith("'+1 plus first \ufffdreversed\ufffd"),
          "hostile: plus neutralised, bidi controls replaced")
    check(h["backup-plan"]["note"].startswith("'@mention"), "hostile: @ neutralised")
    check(h["backup-drill"]["note"] == "'-1 minus first \u00c0\u00e7\u00e7\u00e9nts \u0141\u00f3d\u017a",
          "hostile: minus neutralised, accents kept")
    check(h["policy-security"]["note"] == "Tab\there and <tags> & ampersands",
          "hostile: inner tab kept")

    for f in failures:
        print("FAIL:", f)
    print(f"csv: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

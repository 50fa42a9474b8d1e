#!/usr/bin/env python3
"""usage: check-csv-office.py BINARY TESTS_DIR

The CSV scorecard opened in a real spreadsheet: LibreOffice Calc,
headless, imports it (the CSV filter with comma, double quote and
character set 0, the system's, UTF-8 under C.UTF-8) and saves it as
.xlsx, which is read back here from its XML (zipfile). (LibreOffice 7.4
headless does not switch to UTF-8 for the byte order mark when another
character set is given or by default; check-csv.py checks the mark is
there, for spreadsheets that honour it.) The test fails when

- a cell became a formula (any <f> element in the sheet), although the
  notes and N/A reason of data/csv-formulas.yaml start with =, +, -, @
  and a tab;
- the dangerous cells do not hold their text, as text, after the
  apostrophe that defuses them;
- an accented or non-Latin name or note does not survive ("Siân", "Zoë",
  "Ynys Môn", "Łódź", "東京", an emoji), or the area titles and question
  texts are not there.

LibreOffice must be installed (libreoffice-calc-nogui, see scripts/lib.sh);
the test fails, never skips, without it.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.etree import ElementTree as ET

if len(sys.argv) != 3:
    print(__doc__)
    sys.exit(2)
binary = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2])
failures = []


def fail(msg):
    failures.append(msg)


soffice = shutil.which("soffice") or shutil.which("libreoffice")
if not soffice:
    print("FAIL: LibreOffice (soffice) is not installed; see scripts/lib.sh")
    sys.exit(1)

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
env = dict(os.environ, LC_ALL="C.UTF-8", YARDSTICK_PATH="data/questionnaires")

with tempfile.TemporaryDirectory() as tmp:
    csv_path = os.path.join(tmp, "formulas.csv")
    p = subprocess.run([binary, "scorecard", "-f", "csv",
                        "data/csv-formulas.yaml"], env=env, capture_output=True)
    if p.returncode != 0:
        print("FAIL: scorecard -f csv: exit %d: %r" % (p.returncode, p.stderr))
        sys.exit(1)
    with open(csv_path, "wb") as f:
        f.write(p.stdout)
    lo_env = dict(os.environ, HOME=tmp)
    r = subprocess.run(
        [soffice, "-env:UserInstallation=file://%s/profile" % tmp,
         "--headless", "--infilter=CSV:44,34,0,1", "--convert-to", "xlsx",
         "--outdir", tmp, csv_path],
        env=lo_env, capture_output=True, timeout=300)
    xlsx = os.path.join(tmp, "formulas.xlsx")
    if not os.path.exists(xlsx):
        print("FAIL: LibreOffice did not convert the CSV: %r %r" % (
            r.stdout, r.stderr))
        sys.exit(1)
    z = zipfile.ZipFile(xlsx)
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter(
                "{%s}t" % NS["m"])))

    formulas = sheet.findall(".//m:f", NS)
    if formulas:
        fail("%d cells became formulas: %s" % (
            len(formulas), [f.text for f in formulas]))
    rows = []
    for row in sheet.findall(".//m:sheetData/m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            # Empty cells are left out: place each by its reference.
            letters = re.match(r"[A-Z]+", c.get("r")).group(0)
            col = 0
            for ch in letters:
                col = col * 26 + ord(ch) - 64
            v = c.find("m:v", NS)
            if c.get("t") == "s" and v is not None:
                cells[col - 1] = strings[int(v.text)]
            elif c.get("t") == "inlineStr":
                cells[col - 1] = "".join(t.text or "" for t in c.iter(
                    "{%s}t" % NS["m"]))
            else:
                cells[col - 1] = v.text if v is not None else ""
        rows.append([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
    header = rows[0] if rows else []
    if header[:4] != ["area", "area_title", "question", "question_text"]:
        fail("header read back as %r" % header)
    by_q = {}
    for cells in rows[1:]:
        if len(cells) > 2:
            by_q[cells[2]] = dict(zip(header, cells))

    def cell(q, col):
        return by_q.get(q, {}).get(col, "")

    for q, col, want in (
            ("backup-exists", "note", "'=1+1"),
            ("backup-offsite", "note", "'+SUM(1,1)"),
            ("backup-tested", "note", "'-2+3"),
            ("backup-plan", "note", "'@SUM(1+1)"),
            ("backup-drill", "note", "'\t=1+1"),
            ("access-mfa", "note",
             "'=HYPERLINK(\"http://evil.example\",\"click\")"),
            ("network-guest", "na_reason", "'=1+2"),
            ("access-leavers", "note",
             "Siân and Zoë checked this in Ynys Môn; Łódź office too; 東京 😀"),
            ("backup-exists", "area_title", "Backups and recovery"),
            ("backup-exists", "question_text",
             "What share of critical systems are backed up?")):
        if cell(q, col) != want:
            fail("%s %s read back as %r, not %r" % (q, col, cell(q, col), want))
    if any("Ã" in s for s in strings):
        fail("mojibake in the sheet: %r" % [s for s in strings if "Ã" in s])

for f in failures:
    print("FAIL:", f)
print("csv in LibreOffice: %d failures" % len(failures))
sys.exit(1 if failures else 0)

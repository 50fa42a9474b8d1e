#!/usr/bin/env python3
"""usage: check-chart.py BINARY TESTS_DIR

The SVG chart at every size. For generated questionnaires of 1, 2, 3, 6,
12, 15 and 41 areas (long titles, an unbroken 80-character word, CJK,
accents and markup characters in the titles; one area not assessed, the
others at a spread of maturities against a target profile), the test
fails when

- the form is wrong: a radar for 3 to 12 areas, horizontal bars for 1, 2
  or more than 12;
- a plotted area's drawing disagrees with its data-maturity and
  data-target, or these with the JSON scorecard: a radar point's distance
  from the centre, or a bar's length, is not proportional to maturity on
  the 0..top-level scale, or the point / bar end is on or beyond the
  target exactly when the target is not met (or the reverse);
- an area that is not assessed is plotted, or is not marked
  "not assessed";
- any text element, by a conservative estimate (0.6 em a display column,
  0.65 em in bold, CJK and emoji two columns, from the text-anchor), or
  any shape lies outside the viewBox;
- a font family other than the generic sans-serif is named;
- rsvg-convert cannot render it at 800 pixels wide;
- in headless Chromium (selenium with chromium-driver), the rendered
  bounding box of any element lies outside the viewBox.

Set KEEP_PNG=DIR to keep the rsvg and Chromium renderings for a look.
"""
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    from selenium import webdriver
except ImportError:
    # The distribution's python3 has python3-selenium; a python3 earlier
    # on PATH may not.
    if os.path.exists("/usr/bin/python3") and sys.executable != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("FAIL: selenium is not installed (python3-selenium; see scripts/lib.sh)")
    sys.exit(1)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from textwidth import wcswidth  # noqa: E402

if len(sys.argv) != 3:
    print(__doc__)
    sys.exit(2)
binary = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2])
SVG = "{http://www.w3.org/2000/svg}"
failures = []


def fail(msg):
    failures.append(msg)


TITLES = [
    "Information governance and records management across every directorate",
    "Cyber",
    "東京都庁システムとデータの管理",
    "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2,
    "Zoë's <area> & \"quoted\" titles",
    "Digital inclusion",
    "Ynys Môn service desk",
    "Network",
]
LEVELS = ["Absent", "Initial", "Repeatable", "Established and measured"]
# Answers per area (levels 1, 2, 3): None leaves the area unanswered.
PATTERNS = [
    ("yes", "yes", "partly"), None, ("yes", "no", "no"),
    ("no", "no", "no"), ("yes", "yes", "yes"), ("partly", "yes", "yes"),
    ("yes", "yes", "no"), ("yes", "partly", "partly"),
]


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(n, folder):
    q = ["yardstick: 1", "id: chart-%d" % n,
         "title: %s" % yq("Chart test with %d areas and a long questionnaire "
                          "title that goes on and on" % n),
         'version: "1.0"', "threshold: 0.75", "levels:"]
    q += ["  - name: %s" % yq(name) for name in LEVELS]
    q += ["answer_sets:", "  yes-no:",
          '    - {key: "no", label: "No", value: 0}',
          '    - {key: partly, label: "Partly", value: 0.5}',
          '    - {key: "yes", label: "Yes", value: 1}',
          "targets:", "  baseline: {default: 2%s}" % (
              ", a0: 3" + (", a4: 1" if n > 4 else "")), "areas:"]
    answers = []
    for i in range(n):
        q += ["  - id: a%d" % i,
              "    title: %s" % yq("%s %d" % (TITLES[i % len(TITLES)], i)),
              "    questions:"]
        pat = PATTERNS[i % len(PATTERNS)] if i != 1 or n > 1 else PATTERNS[0]
        for lv in (1, 2, 3):
            qid = "a%d-l%d" % (i, lv)
            q += ["      - {id: %s, level: %d, text: %s, answers: yes-no}" % (
                qid, lv, yq("Practice %d of area %d?" % (lv, i)))]
            if pat:
                answers.append("  %s:\n    answer: %s" % (qid, yq(pat[lv - 1])))
    qpath = os.path.join(folder, "chart-%d.yaml" % n)
    with open(qpath, "w") as f:
        f.write("\n".join(q) + "\n")
    sha = subprocess.run(["sha256sum", qpath], capture_output=True,
                         text=True).stdout.split()[0]
    apath = os.path.join(folder, "chart-%d-answers.yaml" % n)
    with open(apath, "w") as f:
        f.write("yardstick-answers: 1\n"
                "questionnaire: {id: chart-%d, version: \"1.0\", sha256: %s}\n"
                "organisation: \"Cyngor Sir Ynys Môn – a very long organisation "
                "name that will not fit on the subtitle line at all, really\"\n"
                "mode: interview\ntarget: baseline\n"
                "created: 2026-06-01T09:00:00Z\nupdated: 2026-06-01T10:00:00Z\n"
                "answers:\n%s\n" % (n, sha, "\n".join(answers)))
    return qpath, apath


def run(*args):
    p = subprocess.run([binary] + list(args), capture_output=True,
                       env=dict(os.environ, LC_ALL="C.UTF-8"))
    if p.returncode != 0:
        fail("%s: exit %d: %r" % (" ".join(args), p.returncode, p.stderr))
    return p.stdout


def font_size(el, parents):
    cls = (el.get("class") or "").split()
    for c in cls:
        if c in SIZES:
            return SIZES[c]
    for p in reversed(parents):
        for c in (p.get("class") or "").split():
            if c in SIZES:
                return SIZES[c]
    return 16.0


SIZES = {"title": 20.0, "subtitle": 14.0, "label": 12.0, "value": 11.0,
         "legend": 12.0, "tick": 10.0}


def text_boxes(root):
    """(text, x0, y0, x1, y1) estimated for each line of text: every
    <text> without tspans and every <tspan>."""
    boxes = []
    for t in root.iter(SVG + "text"):
        anchor = t.get("text-anchor", "start")
        x = float(t.get("x"))
        y = float(t.get("y"))
        bold = "title" in (t.get("class") or "").split()
        spans = t.findall(SVG + "tspan")
        items = [(t, t.text or "")] if not spans else [(s, s.text or "") for s in spans]
        if spans and (t.text or "").strip():
            items.insert(0, (t, t.text))
        for el, s in items:
            if el is not t:
                x = float(el.get("x", x))
                y += float(el.get("dy", 0))
            size = font_size(el, [t])
            w = wcswidth(s) * size * (0.65 if bold else 0.6)
            x0 = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
            boxes.append((s, x0, y - size, x0 + w, y + 0.25 * size))
    return boxes


def shape_points(root):
    pts = []
    for el in root.iter():
        tag = el.tag.replace(SVG, "")
        if tag == "circle":
            cx, cy, r = (float(el.get(k)) for k in ("cx", "cy", "r"))
            pts += [(tag, cx - r, cy - r), (tag, cx + r, cy + r)]
        elif tag == "rect":
            x, y = float(el.get("x")), float(el.get("y"))
            pts += [(tag, x, y), (tag, x + float(el.get("width")),
                                  y + float(el.get("height")))]
        elif tag == "line":
            pts += [(tag, float(el.get("x1")), float(el.get("y1"))),
                    (tag, float(el.get("x2")), float(el.get("y2")))]
        elif tag == "polygon":
            for p in el.get("points").split():
                a, b = p.split(",")
                pts.append((tag, float(a), float(b)))
        elif tag == "path":
            for a, b in re.findall(r"(-?[\d.]+),(-?[\d.]+)", el.get("d")):
                pts.append((tag, float(a), float(b)))
    return pts


def check_drawing(name, root, j, n):
    vb = [float(v) for v in root.get("viewBox").split()]
    W, H = vb[2], vb[3]
    form = root.get("data-form")
    want_form = "radar" if 3 <= n <= 12 else "bars"
    if form != want_form:
        fail("%s: drawn as %s, not %s" % (name, form, want_form))
    if "font-family" in ET.tostring(root, encoding="unicode"):
        for fam in re.findall(r"font-family:\s*([^;}]+)", ET.tostring(root, encoding="unicode")):
            if fam.strip() != "sans-serif":
                fail("%s: font family %r" % (name, fam))
    for s, x0, y0, x1, y1 in text_boxes(root):
        if x0 < 0 or y0 < 0 or x1 > W or y1 > H:
            fail("%s: text %r estimated at (%.0f,%.0f)-(%.0f,%.0f), outside "
                 "0 0 %.0f %.0f" % (name, s, x0, y0, x1, y1, W, H))
    for tag, x, y in shape_points(root):
        if x < 0 or y < 0 or x > W or y > H:
            fail("%s: %s point (%.1f,%.1f) outside the viewBox" % (name, tag, x, y))
    top = len(j["questionnaire"]["levels"]) - 1
    plotted = {el.get("data-area"): el for el in root.iter()
               if el.get("data-area") is not None}
    text = " ".join(" ".join(t.itertext()) for t in root.iter(SVG + "text"))
    marks = [el for el in root.iter(SVG + "line")
             if el.get("class") == "target-mark"]
    rows = 0
    for a in j["areas"]:
        where = "%s, area %s" % (name, a["id"])
        if a["state"] != "assessed":
            if a["id"] in plotted:
                fail("%s: not assessed but plotted" % where)
            continue
        el = plotted.get(a["id"])
        if el is None:
            fail("%s: assessed but not plotted" % where)
            continue
        if float(el.get("data-maturity")) != a["maturity_exact"]:
            fail("%s: data-maturity %s, JSON %r" % (where, el.get("data-maturity"),
                                                    a["maturity_exact"]))
        if int(el.get("data-target")) != a["target"]:
            fail("%s: data-target %s, JSON %s" % (where, el.get("data-target"),
                                                  a["target"]))
        m = float(el.get("data-maturity"))
        t = int(el.get("data-target"))
        if form == "radar":
            r = math.hypot(float(el.get("cx")) - 400.0, float(el.get("cy")) - 370.0)
            want, tr = 190.0 * m / top, 190.0 * min(t, top) / top
        else:
            r = float(el.get("width"))
            want = 460.0 * m / top
            # The target mark on this bar's row.
            y = float(el.get("y"))
            mk = [mk for mk in marks if float(mk.get("y1")) < y + 8 < float(mk.get("y2"))]
            if len(mk) != 1:
                fail("%s: %d target marks on the bar's row" % (where, len(mk)))
                continue
            tr = float(mk[0].get("x1")) - float(el.get("x"))
            if abs(tr - 460.0 * min(t, top) / top) > 0.011:
                fail("%s: target mark at %.2f, target %d gives %.2f" % (
                    where, tr, t, 460.0 * t / top))
            rows += 1
        if abs(r - want) > 0.02:
            fail("%s: drawn at %.2f, maturity %s gives %.2f" % (where, r, m, want))
        if (r >= tr - 0.011) != a["target_met"]:
            fail("%s: drawn at %.2f, target at %.2f, but target_met is %s" % (
                where, r, tr, a["target_met"]))
    n_unassessed = sum(1 for a in j["areas"] if a["state"] == "not_assessed")
    if text.count("not assessed") < n_unassessed:
        fail("%s: %d areas not assessed, \"not assessed\" shown %d times" % (
            name, n_unassessed, text.count("not assessed")))
    if form == "bars" and len(marks) != n:
        fail("%s: %d target marks for %d areas" % (name, len(marks), n))


CHROME_JS = """
const svg = document.documentElement;
const vb = svg.viewBox.baseVal;
const out = [];
for (const el of svg.querySelectorAll('text, tspan, circle, rect, line, polygon, path')) {
  const b = el.getBBox();
  const box = el.getBoundingClientRect();
  out.push([el.tagName, (el.textContent || '').slice(0, 40), box.left, box.top,
            box.right, box.bottom]);
}
return [vb.width, vb.height, out];
"""


def main():
    if not shutil.which("rsvg-convert"):
        print("FAIL: rsvg-convert is not installed (librsvg2-bin)")
        return 1
    keep = os.environ.get("KEEP_PNG")
    opts = webdriver.ChromeOptions()
    for a in ("--headless", "--no-sandbox", "--disable-gpu",
              "--hide-scrollbars", "--force-device-scale-factor=1"):
        opts.add_argument(a)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver")) \
        if hasattr(webdriver, "ChromeService") else None
    try:
        driver = webdriver.Chrome(options=opts, service=service) if service \
            else webdriver.Chrome(options=opts)
    except Exception as e:  # noqa: BLE001
        print("FAIL: headless Chromium did not start: %s" % e)
        return 1
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in (1, 2, 3, 6, 12, 15, 41):
                name = "%d areas" % n
                qpath, apath = generate(n, tmp)
                svg = run("scorecard", "-q", qpath, "-f", "svg", apath)
                js = run("scorecard", "-q", qpath, "-f", "json", apath)
                if not svg or not js:
                    continue
                import json
                j = json.loads(js)
                try:
                    root = ET.fromstring(svg)
                except ET.ParseError as e:
                    fail("%s: not well-formed: %s" % (name, e))
                    continue
                check_drawing(name, root, j, n)
                spath = os.path.join(tmp, "chart-%d.svg" % n)
                with open(spath, "wb") as f:
                    f.write(svg)
                png = os.path.join(tmp, "chart-%d.rsvg.png" % n)
                if subprocess.run(["rsvg-convert", spath, "-o", png]).returncode:
                    fail("%s: rsvg-convert failed" % name)
                else:
                    with open(png, "rb") as f:
                        head = f.read(24)
                    if int.from_bytes(head[16:20], "big") != 800:
                        fail("%s: rsvg rendered it %d pixels wide" % (
                            name, int.from_bytes(head[16:20], "big")))
                driver.get("file://" + spath)
                W, H, items = driver.execute_script(CHROME_JS)
                if not items:
                    fail("%s: Chromium drew nothing" % name)
                for tag, s, x0, y0, x1, y1 in items:
                    if x1 - x0 <= 0 and y1 - y0 <= 0:
                        continue
                    if x0 < -0.5 or y0 < -0.5 or x1 > W + 0.5 or y1 > H + 0.5:
                        fail("%s: in Chromium, %s %r spans (%.0f,%.0f)-(%.0f,%.0f), "
                             "outside 0 0 %.0f %.0f" % (name, tag, s, x0, y0, x1,
                                                       y1, W, H))
                if keep:
                    shutil.copy(png, keep)
                    driver.set_window_size(int(W), int(H) + 140)
                    driver.save_screenshot(os.path.join(
                        keep, "chart-%d.chromium.png" % n))
    finally:
        driver.quit()
    for f in failures:
        print("FAIL:", f)
    print("chart: 7 sizes, %d failures" % len(failures))
    return 1 if failures else 0


sys.exit(main())

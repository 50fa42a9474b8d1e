#!/usr/bin/env python3
"""usage: check-consistency.py BINARY TESTS_DIR

One measure, told the same way everywhere (DESIGN section 5 and 8): every
answers file of the test corpus is turned into a scorecard in text,
Markdown, HTML, JSON and SVG, and two assessments are compared and benchmarked.
The JSON scorecard gives the figures; the test fails when

- a format shows a figure that differs from the JSON's displayed figure
  (each area's maturity, level and practice score; overall maturity and
  practice score; percent to target; ownership clarity), or the SVG
  plots a maturity other than the JSON's exact one;
- any output uses the word "index" or a score band name after a figure
  ("61 (Established)"), or calls a figure a bare "score" (only "practice
  score" exists).
"""
import html
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

if len(sys.argv) != 3:
    print(__doc__)
    sys.exit(2)
binary = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2])
env = dict(os.environ, LC_ALL="C.UTF-8", YARDSTICK_PATH="data/questionnaires")
env.pop("NO_COLOR", None)

failures = []


def fail(msg):
    failures.append(msg)


def run(*args, path=None):
    e = dict(env)
    if path is not None:
        if path:
            e["YARDSTICK_PATH"] = path
        else:
            e.pop("YARDSTICK_PATH", None)
    p = subprocess.run([binary] + list(args), env=e, capture_output=True)
    if p.returncode != 0:
        fail("%s: exit %d: %s" % (" ".join(args), p.returncode,
                                  p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8")


def flat(s):
    """Text with its line wrapping undone, so a phrase split over two
    lines still matches."""
    return re.sub(r"\s+", " ", s)


def unmd(s):
    """Markdown with its backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", s)


BANNED = [
    (re.compile(r"\bindex\b", re.I), "the word 'index'"),
    (re.compile(r"(?<!level )(?<!\d)\d+(\.\d+)?\s*\((Beginning|Developing|"
                r"Established|Advanced)\)"),
     "a figure with a band name"),
    (re.compile(r"(?<!practice )(?<!Practice )\bscore[: ]+\d", re.I),
     "a figure called a bare 'score'"),
]


def banned(name, text):
    for rx, what in BANNED:
        m = rx.search(text)
        if m:
            fail("%s: %s: ...%s..." % (name, what,
                                      text[max(0, m.start() - 30):m.end() + 30]))


def status_of(area):
    return "Maturity %s, level %d %s, practice score %d" % (
        area["maturity"], area["level"], area["level_name"],
        area["practice_score"])


def check_scorecard(answers, path=None):
    j = json.loads(run("scorecard", "-f", "json", answers, path=path) or "{}")
    if not j:
        return
    txt = run("scorecard", "-w", "200", answers, path=path)
    md = run("scorecard", "-f", "markdown", answers, path=path)
    svg = run("scorecard", "-f", "svg", answers, path=path)
    page = run("scorecard", "-f", "html", answers, path=path)
    ftxt, fmd = flat(txt), flat(unmd(md))
    fhtml = flat(html.unescape(re.sub(r"<[^>]*>", " ", re.sub(
        r"<style>.*?</style>", " ", page, flags=re.S))))
    for name, out in (("text", txt), ("markdown", md), ("svg", svg),
                      ("html", fhtml)):
        banned("%s (%s)" % (answers, name), flat(out))
    banned("%s (json)" % answers, json.dumps(j))

    top = len(j["questionnaire"]["levels"]) - 1
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as e:
        fail("%s: SVG does not parse: %s" % (answers, e))
        root = None
    dots = {}
    if root is not None:
        for el in root.iter():
            if el.get("data-area") is not None:
                dots[el.get("data-area")] = el
    svg_text = flat(" ".join(root.itertext())) if root is not None else ""
    bars = root is not None and root.get("data-form") == "bars"
    marks = [el for el in root.iter() if el.get("class") == "target-mark"] \
        if root is not None else []

    for a in j["areas"]:
        where = "%s, area %s" % (answers, a["id"])
        if a["state"] != "assessed":
            if a["id"] in dots:
                fail("%s: not assessed but plotted in the SVG" % where)
            continue
        st = status_of(a)
        for fmt, text in (("text", ftxt), ("markdown", fmd), ("html", fhtml)):
            if st not in text:
                fail("%s: %s does not show \"%s\"" % (where, fmt, st))
        # The text and Markdown profile rows show the same figures.
        row = re.compile(r"\b%s\b.*?\b%d %s\b.*?\b%d\b" % (
            re.escape(str(a["maturity"])), a["level"],
            re.escape(a["level_name"]), a["practice_score"]))
        if not any(row.search(line) for line in txt.splitlines()):
            fail("%s: no text profile row shows maturity %s, level %d, "
                 "practice %d" % (where, a["maturity"], a["level"],
                                  a["practice_score"]))
        label = "maturity %s, level %d %s" % (a["maturity"], a["level"],
                                             a["level_name"])
        if label not in svg_text:
            fail("%s: SVG label does not show \"%s\"" % (where, label))
        dot = dots.get(a["id"])
        if dot is None:
            fail("%s: assessed but not plotted in the SVG" % where)
            continue
        if float(dot.get("data-maturity")) != a["maturity_exact"]:
            fail("%s: SVG data-maturity %s, JSON %r" % (
                where, dot.get("data-maturity"), a["maturity_exact"]))
        if j["target"] is not None and int(dot.get("data-target", -1)) != a["target"]:
            fail("%s: SVG data-target %s, JSON %s" % (
                where, dot.get("data-target"), a["target"]))
        # Distance from the centre (radar) or bar length (bars) is
        # proportional to maturity on the 0..top-level scale.
        if bars:
            r = float(dot.get("width"))
            want = 460.0 * min(a["maturity_exact"], top) / top
            y = float(dot.get("y"))
            row = [m for m in marks if float(m.get("y1")) < y + 8 < float(m.get("y2"))]
            tr = (float(row[0].get("x1")) - float(dot.get("x"))) if row else None
            if j["target"] is not None and (
                    tr is None or abs(tr - 460.0 * min(a["target"], top) / top) > 0.011):
                fail("%s: SVG target mark at %s, target %s" % (where, tr, a["target"]))
                continue
        else:
            cx, cy = float(dot.get("cx")), float(dot.get("cy"))
            r = ((cx - 400.0) ** 2 + (cy - 370.0) ** 2) ** 0.5
            want = 190.0 * min(a["maturity_exact"], top) / top
            tr = 190.0 * min(a["target"], top) / top if j["target"] is not None else None
        if abs(r - want) > 0.02:
            fail("%s: SVG drawn at %.2f, maturity gives %.2f" % (
                where, r, want))
        # The point (bar end) is on or outside the target line (mark)
        # exactly when the target is met (coordinates carry two decimals).
        if j["target"] is not None:
            if (r >= tr - 0.011) != a["target_met"]:
                fail("%s: SVG drawn at %.2f, target at %.2f, "
                     "but target_met is %s" % (where, r, tr, a["target_met"]))

    if j["maturity"] is not None:
        for fmt, text, s in (
                ("text", ftxt, "Overall maturity: %s of %d" % (j["maturity"], top)),
                ("markdown", fmd, "**Overall maturity:** %s of %d" % (j["maturity"], top)),
                ("svg", svg_text, "Overall maturity %s of %d" % (j["maturity"], top)),
                ("html", fhtml, "Overall maturity %s of %d" % (j["maturity"], top)),
                ("html", fhtml, "Practice score %d out of 100" % j["practice_score"]),
                ("text", ftxt, "Practice score: %d out of 100" % j["practice_score"]),
                ("markdown", fmd, "**Practice score:** %d out of 100" % j["practice_score"])):
            if s not in text:
                fail("%s: %s does not show \"%s\"" % (answers, fmt, s))
    if j.get("percent_to_target") is not None:
        s = "%d%% of the way to the" % j["percent_to_target"]
        for fmt, text in (("text", ftxt), ("markdown", fmd), ("html", fhtml)):
            if s not in text:
                fail("%s: %s does not show \"%s\"" % (answers, fmt, s))
    s = "%d%% (" % j["ownership_clarity"]
    for fmt, text in (("text", ftxt), ("markdown", fmd), ("html", fhtml)):
        if s not in text:
            fail("%s: %s does not show ownership clarity \"%s\"" % (answers, fmt, s))
    return j


corpus = ["data/small-complete.yaml", "data/small-provisional.yaml",
          "data/small-workshop.yaml", "data/small-hostile.yaml"]
corpus += sorted(os.path.join("data/bench", f) for f in os.listdir("data/bench")
                 if f.endswith(".yaml"))
cards = {}
for f in corpus:
    cards[f] = check_scorecard(f)
cards["data/example-assessment.yaml"] = check_scorecard(
    "data/example-assessment.yaml", path="")

# compare: each side's maturity as its own scorecard shows it.
old, new = "data/small-provisional.yaml", "data/small-complete.yaml"
for fmt in ("text", "markdown", "json"):
    out = run("compare", "-f", fmt, "-w", "200", old, new)
    banned("compare (%s)" % fmt, flat(out))
cj = json.loads(run("compare", "-f", "json", old, new) or "{}")
if cj and cards.get(old) and cards.get(new):
    for a in cj["areas"]:
        for side, card in (("old", cards[old]), ("new", cards[new])):
            sa = next(x for x in card["areas"] if x["id"] == a["id"])
            if a[side]["maturity"] != sa["maturity"]:
                fail("compare: area %s %s maturity %s, scorecard %s" % (
                    a["id"], side, a[side]["maturity"], sa["maturity"]))
    if cj["old"]["maturity"] != cards[old]["maturity"] or \
       cj["new"]["maturity"] != cards[new]["maturity"]:
        fail("compare: overall maturity differs from the scorecards")
    txt = flat(run("compare", "-w", "200", old, new))
    s = "Overall maturity: %s -> %s" % (cards[old]["maturity"], cards[new]["maturity"])
    if s not in txt:
        fail("compare text does not show \"%s\"" % s)

# benchmark: the highlighted organisation's maturity as its scorecard shows it.
for fmt in ("text", "csv", "json"):
    out = run("benchmark", "-f", fmt, "-w", "200", "data/bench", "--highlight", new)
    banned("benchmark (%s)" % fmt, flat(out))
bj = json.loads(run("benchmark", "-f", "json", "data/bench", "--highlight", new) or "{}")
if bj and cards.get(new):
    for a in bj["highlight"]["areas"]:
        sa = next(x for x in cards[new]["areas"] if x["id"] == a["id"])
        if a["maturity"] is not None and a["maturity"] != sa["maturity_exact"]:
            fail("benchmark: area %s maturity %s, scorecard %s" % (
                a["id"], a["maturity"], sa["maturity_exact"]))
    btxt = flat(run("benchmark", "-w", "200", "data/bench", "--highlight", new))
    shown = {a["id"] for a in bj["areas"] if a["shown"]}
    for a in cards[new]["areas"]:
        if a["state"] == "assessed" and a["id"] in shown:
            s = "maturity %s, level %d %s" % (a["maturity"], a["level"], a["level_name"])
            if s not in btxt:
                fail("benchmark text does not show \"%s\"" % s)

for f in failures:
    print("FAIL:", f)
n = len(corpus) + 1
print("consistency: %d scorecards in 4 formats, compare and benchmark: %d failures"
      % (n, len(failures)))
sys.exit(1 if failures else 0)

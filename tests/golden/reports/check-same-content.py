#!/usr/bin/env python3
"""usage: check-same-content.py BINARY TESTS_DIR

The same content in every format (DESIGN section 8): the scorecard of
each answers file of the golden corpus (data/small-*.yaml with
YARDSTICK_PATH=data/questionnaires, and data/example-assessment.yaml with
the bundled questionnaire) is built in JSON, text, Markdown and HTML. The
JSON is the source of truth; the test fails when, in the text (its line
wrapping undone), the Markdown (its escapes removed) or the HTML (its tags
removed and its entities decoded), for any area:

- the area's own section (the text's "N. Title" under AREAS, Markdown's
  "### N. Title", HTML's <h3 id="area-N">) does not state its maturity,
  level and practice score ("Maturity 1.5, level 1 Initial, practice
  score 71"), or "Not assessed" / "Not applicable", as the JSON has them;
- with a target, that section does not state it ("Target: level 2
  Repeatable, not met");
- a blocker's question id, or its advice, is missing from that section;
- a note of one of the area's answers, or the reason of an N/A answer,
  is missing from the format;
- one of the area's actions (its text, its owner or "not named", its due
  date or "not set") is missing from the format.

Text from the files is compared as the formats must show it: unsafe code
points (bidi controls and the like, ys_cp_unsafe) as U+FFFD, and runs of
white space as one space.
"""
import glob
import html
import json
import os
import re
import subprocess
import sys

if len(sys.argv) != 3:
    print(__doc__)
    sys.exit(2)
binary = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2])

failures = []
checks = 0


def fail(msg):
    failures.append(msg)


def run(answers, fmt, path):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("NO_COLOR", None)
    env.pop("YARDSTICK_PATH", None)
    if path:
        env["YARDSTICK_PATH"] = path
    p = subprocess.run([binary, "scorecard", "--format", fmt, answers],
                       env=env, capture_output=True)
    if p.returncode != 0:
        fail("%s (%s): exit %d: %s" % (answers, fmt, p.returncode,
                                       p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8")


def unsafe(cp):
    """The code points every format replaces with U+FFFD (ys_cp_unsafe)."""
    if cp < 0x20:
        return cp not in (0x09, 0x0A)
    if 0x7F <= cp < 0xA0:
        return True
    if cp in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029):
        return True
    return 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069 or \
        0xD800 <= cp <= 0xDFFF


def norm(s):
    s = "".join("\ufffd" if unsafe(ord(c)) else c for c in s)
    return re.sub(r"\s+", " ", s).strip()


def unmd(s):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


def unhtml(s):
    s = re.sub(r"<style>.*?</style>", " ", s, flags=re.S)
    s = re.sub(r"<[^>]*>", " ", s)
    return html.unescape(s)


# Each format: how to find the area sections in its raw output, and how to
# turn a piece of it into plain text.
def text_sections(raw, n):
    m = re.search(r"^AREAS\n-+\n", raw, re.M)
    if not m:
        return None
    body = raw[m.end():]
    end = re.search(r"^[A-Z][A-Z0-9 ,:/()'-]*\n-+$", body, re.M)
    body = body[:end.start()] if end else body
    starts = [re.search(r"^%d\. " % (k + 1), body, re.M) for k in range(n)]
    return slices(body, starts)


def md_sections(raw, n):
    m = re.search(r"^## Areas\n", raw, re.M)
    if not m:
        return None
    body = raw[m.end():]
    end = re.search(r"^## ", body, re.M)
    body = body[:end.start()] if end else body
    starts = [re.search(r"^### %d\. " % (k + 1), body, re.M) for k in range(n)]
    return slices(body, starts)


def html_sections(raw, n):
    starts = [re.search(r'<h3 id="area-%d">' % (k + 1), raw) for k in range(n)]
    if not all(starts):
        return None
    end = raw.find("<h2>", starts[-1].end())
    return slices(raw[:end] if end >= 0 else raw, starts)


def slices(body, starts):
    if not all(starts):
        return None
    pos = [s.start() for s in starts] + [len(body)]
    return [body[pos[k]:pos[k + 1]] for k in range(len(starts))]


FORMATS = [
    ("text", "text", lambda s: s, text_sections),
    ("markdown", "markdown", unmd, md_sections),
    ("html", "html", unhtml, html_sections),
]


def has(where, fmt, text, want, what):
    global checks
    checks += 1
    if norm(want) not in text:
        fail("%s: %s does not show %s \"%s\"" % (where, fmt, what, norm(want)))


def check(answers, path):
    j = json.loads(run(answers, "json", path) or "{}")
    if not j:
        return
    areas = j["areas"]
    for fmt, name, plain, sections in FORMATS:
        raw = run(answers, name, path)
        whole = norm(plain(raw))
        secs = sections(raw, len(areas))
        if secs is None:
            fail("%s: %s: cannot find the section of every area" % (answers, fmt))
            secs = [raw] * len(areas)
        for a, sec in zip(areas, secs):
            where = "%s, area %s" % (answers, a["id"])
            sec = norm(plain(sec))
            has(where, fmt, sec, a["title"], "the area's title in its section")
            if a["state"] == "assessed":
                has(where, fmt, sec, "Maturity %s, level %d %s, practice score %d"
                    % (a["maturity"], a["level"], a["level_name"],
                       a["practice_score"]), "maturity, level and practice score")
            else:
                has(where, fmt, sec, a["status"], "the state")
            if j["target"] is not None:
                has(where, fmt, sec, "Target: level %d %s, %s" % (
                    a["target"], a["target_name"],
                    "met" if a["target_met"] else "not met"), "the target")
            for qid in a["blockers"]:
                has(where, fmt, sec, qid, "blocker")
            for step in a["next_steps"]:
                if step["advice"]:
                    has(where, fmt, sec, step["advice"],
                        "the advice of blocker %s" % step["question"])
            for q in j["questions"]:
                if q["area"] != a["id"]:
                    continue
                if q["note"]:
                    has(where, fmt, whole, q["note"],
                        "the note of %s" % q["id"])
                if q["answer"] == "n/a":
                    has(where, fmt, whole, q["na_reason"] or "",
                        "the N/A reason of %s" % q["id"])
            for act in a["actions"]:
                has(where, fmt, whole, act["text"], "the action")
                has(where, fmt, whole, act["owner"] or "not named",
                    "the owner of action \"%s\"" % norm(act["text"])[:30])
                has(where, fmt, whole, act["due"] or "not set",
                    "the due date of action \"%s\"" % norm(act["text"])[:30])


corpus = [(f, "data/questionnaires") for f in sorted(glob.glob("data/small-*.yaml"))]
corpus.append(("data/example-assessment.yaml", None))
if len(corpus) < 5:
    fail("the golden corpus is missing: %s" % corpus)
for f, path in corpus:
    check(f, path)

for f in failures:
    print("FAIL:", f)
print("same content: %d scorecards, %d checks in text, Markdown and HTML: "
      "%d failures" % (len(corpus), checks, len(failures)))
sys.exit(1 if failures else 0)

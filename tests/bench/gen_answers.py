#!/usr/bin/env python3
"""Generate N participants' answers files for a questionnaire, for benchmarks.

usage: gen_answers.py QUESTIONNAIRE N -o DIR [--seed S]

Writes DIR/participant-0001.yaml ... DIR/participant-N.yaml: interview
answers files (DESIGN section 4) for the questionnaire at QUESTIONNAIRE
(its id, version and sha256 recorded), one assessor each, as yardstick
writes them: nearly every question answered, mostly close to a shared view
so that some questions are contested and most are not, some don't know,
N/A with a reason where the question allows it, a note on about one answer
in ten, and an owner and an action on some areas. The same arguments
always give the same bytes.

The questionnaire is read with PyYAML (python3-yaml), every scalar as a
string.
"""
import argparse
import hashlib
import os
import random
import sys

import yaml

NOTES = [
    "Checked with the service desk last week.",
    "Varies a lot between sites; this is the average.",
    "The register is out of date, so this is a guess.",
    "Estates think it is better than staff do.",
    "Evidence is in the minutes of the last board.",
]
OWNERS = ["Head of ICT", "Information governance lead", "Estates manager",
          "Service desk manager", "Chief digital officer"]
ACTIONS = ["Write the missing policy down and get it approved.",
           "Name an owner for every system in the register.",
           "Survey the sites with complaints.",
           "Book the first recovery rehearsal."]


def questions(q):
    """(area id, question id, option keys, allow_na) in questionnaire order."""
    sets = q.get("answer_sets", {})
    out = []
    for area in q["areas"]:
        for qn in area["questions"]:
            opts = qn["answers"]
            if isinstance(opts, str):
                opts = sets[opts]
            out.append((area["id"], qn["id"], [o["key"] for o in opts],
                        qn.get("allow_na", "false") == "true"))
    return out


def quote(s):
    """A key as yardstick writes it: quoted when YAML would read it as
    something other than a string."""
    if s.lower() in ("yes", "no", "true", "false", "on", "off", "null", "y",
                     "n", "~") or s[:1].isdigit():
        return '"%s"' % s
    return s


def write_file(path, rng, ident, who, qs, shared):
    day = 1 + rng.randrange(28)
    created = "2026-03-%02dT09:%02d:00Z" % (day, rng.randrange(60))
    lines = ["yardstick-answers: 1",
             'questionnaire: {id: %s, version: "%s", sha256: %s}' % ident,
             "organisation: Anytown Council",
             "assessors: [%s]" % who,
             "mode: interview",
             "target: baseline",
             "created: %s" % created,
             "updated: 2026-03-%02dT17:00:00Z" % day]
    areas = sorted({a for a, _, _, _ in qs}, key=[a for a, _, _, _ in qs].index)
    picked = [a for a in areas if rng.random() < 0.3]
    if picked:
        lines.append("areas:")
        for a in picked:
            lines.append("  %s:" % a)
            lines.append("    owner: %s" % rng.choice(OWNERS))
            if rng.random() < 0.5:
                lines.append("    actions:")
                lines.append("      - {text: %s, owner: %s, due: 2026-09-30}"
                             % (rng.choice(ACTIONS), rng.choice(OWNERS)))
    lines.append("answers:")
    minute = 0
    for (area, qid, keys, allow_na), centre in zip(qs, shared):
        r = rng.random()
        if r < 0.03:
            continue                    # not answered
        lines.append("  %s:" % qid)
        if r < 0.08:
            lines.append("    answer: dont-know")
        elif allow_na and r < 0.12:
            lines.append("    answer: n/a")
        else:
            k = centre + rng.choice([-1, 0, 0, 0, 1]) if rng.random() < 0.9 \
                else rng.randrange(len(keys))
            k = max(0, min(len(keys) - 1, k))
            lines.append("    answer: %s" % quote(keys[k]))
        if rng.random() < 0.1:
            lines.append("    note: %s" % rng.choice(NOTES))
        if allow_na and r >= 0.08 and r < 0.12:
            lines.append("    na_reason: Not provided here.")
        minute += 1
        lines.append("    at: 2026-03-%02dT%02d:%02d:00Z"
                     % (day, 10 + minute // 60 % 8, minute % 60))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("questionnaire")
    p.add_argument("n", type=int)
    p.add_argument("-o", "--output", required=True, help="folder to write")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    if args.n < 1:
        p.error("N must be at least 1")

    with open(args.questionnaire, "rb") as f:
        data = f.read()
    # Every scalar as a string: keys such as yes and no stay keys.
    q = yaml.load(data, Loader=yaml.BaseLoader)
    ident = (q["id"], q["version"], hashlib.sha256(data).hexdigest())
    qs = questions(q)
    rng = random.Random(args.seed)
    shared = [rng.randrange(len(keys)) for _, _, keys, _ in qs]
    os.makedirs(args.output, exist_ok=True)
    width = max(4, len(str(args.n)))
    for i in range(1, args.n + 1):
        name = "participant-%0*d.yaml" % (width, i)
        write_file(os.path.join(args.output, name), rng, ident,
                   "P%0*d" % (width, i), qs, shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())

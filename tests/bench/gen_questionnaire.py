#!/usr/bin/env python3
"""Generate a valid yardstick questionnaire of N questions for benchmarks.

usage: gen_questionnaire.py N [-o FILE] [--areas K] [--seed S]

The output follows DESIGN section 3 and is meant to look like a real
questionnaire at scale: five levels, several named answer sets plus some
inline answer lists, target profiles, areas that each hold questions at
every level 1..4, question text of realistic length, help text on about
half the questions, advice on every question (so `yardstick validate`
has nothing to warn about), who knows the answer on some, references, red
flags (some with their own cap) and N/A on some questions, and a
recommendation per level below the top. The same arguments always give the same bytes.

Only the Python standard library is used; the YAML is written by hand in
the style of the bundled questionnaires (block mappings, flow mappings for
answer options, folded scalars for long text).
"""
import argparse
import random
import sys

LEVELS = [
    ("Absent", "Not in place, or nobody knows whether it is."),
    ("Initial", "Some basic practices exist, but they are ad hoc and depend "
                "on particular people."),
    ("Repeatable", "Practices are written down and owned, and applied in at "
                   "least part of the organisation."),
    ("Established", "Practices are applied across the whole organisation, "
                    "with evidence that they are followed."),
    ("Managed", "Practices are measured, reviewed by leaders and improved as "
                "a matter of routine."),
]

ANSWER_SETS = {
    "coverage": [("none", "None", "0"), ("few", "A few (under 25%)", "0.25"),
                 ("some", "Some (25% to 74%)", "0.5"),
                 ("most", "Most (75% to 94%)", "0.75"),
                 ("all", "All or nearly all (95% or more)", "1")],
    "documentation": [("none", "Nothing written down", "0"),
                      ("informal", "Informal notes only", "0.25"),
                      ("draft", "Draft, or past its review date", "0.5"),
                      ("approved", "Approved and in date", "0.75"),
                      ("audited", "Approved, in date and audited", "1")],
    "yes-partly-no": [("not-in-place", "No", "0"), ("partly", "Partly", "0.5"),
                      ("in-place", "Yes", "1")],
    "frequency": [("never", "Never", "0"),
                  ("ad-hoc", "Now and then, no set schedule", "0.25"),
                  ("yearly", "Once or twice a year", "0.5"),
                  ("quarterly", "About every three months", "0.75"),
                  ("monthly", "Monthly or more often", "1")],
    "accountability": [("nobody", "Nobody", "0"),
                       ("informal", "Someone, but only informally", "0.25"),
                       ("named", "A person named in writing", "0.75"),
                       ("named-reporting",
                        "Named, and reports to leaders yearly", "1")],
}
SET_NAMES = sorted(ANSWER_SETS)

AREAS = [
    ("data", "Data risk and data sharing"),
    ("technology", "Technology estate and legacy systems"),
    ("ownership", "Responsibilities and ownership"),
    ("policy", "Policies and processes"),
    ("infrastructure", "Infrastructure and WiFi"),
    ("cyber", "Cyber and anti-virus protection"),
    ("skills", "Digital skills and culture"),
    ("services", "Online services and channels"),
]

SUBJECTS = [
    "laptops and desktops", "servers", "staff accounts", "shared mailboxes",
    "line-of-business systems", "supplier contracts", "data sharing "
    "agreements", "backups", "network switches", "wireless access points",
    "privileged accounts", "mobile phones", "cloud services", "records of "
    "processing", "information assets", "incident reports", "change "
    "requests", "business continuity plans", "training records",
    "public web forms",
]
VERBS = [
    "have a named owner who reviews", "are covered by a documented process "
    "for", "are checked at least monthly for", "are recorded in a register "
    "that tracks", "are protected by controls that enforce",
    "are reported to leaders with evidence of", "are tested against",
    "have an agreed standard for",
]
OBJECTS = [
    "security updates", "retention and disposal", "access rights",
    "data quality", "encryption at rest", "multi-factor sign-in",
    "recovery time", "lawful basis", "supplier assurance",
    "capacity and performance", "end-of-life dates", "user feedback",
]
HELP_WORDS = (
    "what counts a named person or team with the authority to act evidence "
    "the register the minutes of the last review a sample of records the "
    "policy document an audit report from the last twelve months the "
    "service desk tickets the supplier's assurance statement ask the "
    "information governance lead if unsure and answer for the organisation "
    "as a whole rather than one department count only practices that are "
    "in place today not ones that are planned partial coverage counts as "
    "some where at least a quarter of the estate is covered"
).split()
KNOWN_BY = ["Head of ICT", "Data protection officer", "Information "
            "governance lead", "Service desk manager", "Head of HR"]
REFS = [("caf", ["A1.a", "A2.b", "B2.c", "B4.d", "C1.a", "D1.b"]),
        ("cyber-essentials", ["Firewalls", "Secure configuration",
                              "User access control", "Malware protection",
                              "Security update management"]),
        ("dspt", ["1.1.1", "3.2.1", "7.3.4", "9.5.2"])]


def wrap(words, width, indent):
    """Folded-scalar lines of at most width columns after indent."""
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(indent + line)
            line = w
        else:
            line = w if not line else line + " " + w
    if line:
        lines.append(indent + line)
    return lines


def sentence(rng, n_min, n_max):
    n = rng.randint(n_min, n_max)
    words = [rng.choice(HELP_WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return words[:-1] + [words[-1] + "."]


def question_text(rng):
    return "What share of %s %s %s?" % (rng.choice(SUBJECTS),
                                        rng.choice(VERBS),
                                        rng.choice(OBJECTS))


def area_list(n_areas):
    areas = []
    for i in range(n_areas):
        aid, title = AREAS[i % len(AREAS)]
        rnd = i // len(AREAS)
        if rnd:
            aid, title = "%s-%d" % (aid, rnd + 1), "%s (%d)" % (title, rnd + 1)
        areas.append((aid, title))
    return areas


def generate(n_questions, n_areas, seed, out):
    rng = random.Random(seed)
    w = out.write
    w("yardstick: 1\n")
    w("id: generated-%d\n" % n_questions)
    w("title: Generated benchmark questionnaire (%d questions)\n" % n_questions)
    w('version: "bench.%d"\n' % seed)
    w("description: >-\n")
    for line in wrap(sentence(rng, 40, 60), 72, "  "):
        w(line + "\n")
    w("threshold: 0.75\n\nlevels:\n")
    for name, desc in LEVELS:
        w("  - name: %s\n    description: %s\n" % (name, desc))
    w("\nanswer_sets:\n")
    for name in SET_NAMES:
        w("  %s:\n" % name)
        for key, label, value in ANSWER_SETS[name]:
            w('    - {key: %s, label: "%s", value: %s}\n' % (key, label, value))
    areas = area_list(n_areas)
    w("\ntargets:\n")
    w("  baseline: {default: 2, %s: 3}\n" % areas[0][0])
    w("  enhanced: {default: 3, %s: 4}\n" % areas[-1][0])
    w("\nareas:\n")
    per_area = [n_questions // n_areas] * n_areas
    for i in range(n_questions % n_areas):
        per_area[i] += 1
    serial = 0
    for (aid, title), count in zip(areas, per_area):
        w("  - id: %s\n    title: %s\n" % (aid, title))
        if rng.random() < 0.5:
            w("    weight: %d\n" % rng.randint(1, 3))
        w("    description: >-\n")
        for line in wrap(sentence(rng, 30, 50), 70, "      "):
            w(line + "\n")
        w("    questions:\n")
        for j in range(count):
            serial += 1
            level = 1 + (j * 4) // count   # blocks of levels 1..4, in order
            write_question(w, rng, aid, serial, level)
        w("    recommendations:\n")
        for level in range(4):
            w("      - level: %d\n        text: >-\n" % level)
            for line in wrap(sentence(rng, 20, 35), 66, "          "):
                w(line + "\n")


def write_question(w, rng, aid, serial, level):
    w("      - id: %s-%06d\n" % (aid, serial))
    w("        level: %d\n" % level)
    if rng.random() < 0.4:
        w("        weight: %d\n" % rng.randint(1, 3))
    w("        text: %s\n" % question_text(rng))
    if rng.random() < 0.5:
        w("        help: >-\n")
        for line in wrap(sentence(rng, 25, 45), 66, "          "):
            w(line + "\n")
    if rng.random() < 0.1:
        keys = ["no", "planned", "partly", "yes"]
        w("        answers:\n")
        for k, key in enumerate(keys):
            w('          - {key: %s, label: "%s", value: %s}\n'
              % (key, key.capitalize(), ("0", "0.25", "0.5", "1")[k]))
        options = keys
    else:
        name = rng.choice(SET_NAMES)
        w("        answers: %s\n" % name)
        options = [o[0] for o in ANSWER_SETS[name]]
    w("        advice: >-\n")
    for line in wrap(sentence(rng, 15, 30), 66, "          "):
        w(line + "\n")
    if rng.random() < 0.3:
        w("        known_by: %s\n" % rng.choice(KNOWN_BY))
    if rng.random() < 0.15:
        w("        red_flag: [%s]\n" % options[0])
        if rng.random() < 0.3:
            w("        red_flag_cap: %d\n" % rng.randint(0, 2))
    if rng.random() < 0.1:
        w("        allow_na: true\n")
    if rng.random() < 0.3:
        key, values = rng.choice(REFS)
        w("        refs: {%s: %s}\n" % (key, rng.choice(values)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=int, help="number of questions (>= 4)")
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    ap.add_argument("--areas", type=int, default=0,
                    help="number of areas (default: up to 8, at least 4 "
                         "questions each)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    n = args.questions
    if n < 4 or n > 100000:
        ap.error("questions must be 4..100000 (the loader's limit)")
    areas = args.areas or max(1, min(len(AREAS), n // 4))
    if areas < 1 or areas * 4 > n:
        ap.error("each area needs at least 4 questions (one per level)")
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            generate(n, areas, args.seed, f)
    else:
        generate(n, areas, args.seed, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

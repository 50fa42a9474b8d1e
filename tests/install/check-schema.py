#!/usr/bin/env python3
"""Checks doc/schema/questionnaire.schema.json with python3-jsonschema.

Usage: check-schema.py SOURCE_ROOT

Every bundled questionnaire and every valid file of the malformed corpus
must validate; every file of the corpus listed in SCHEMA_MATTERS must be
rejected. Files are read the way an editor's YAML language server reads
them: YAML 1.2 core schema, so yes/no/on/off are strings and only
true/false are booleans (PyYAML on its own reads YAML 1.1).
"""
import glob
import json
import os
import re
import sys

import jsonschema
import yaml

# Malformed questionnaires of tests/golden/questionnaires whose problem a
# JSON Schema can express: unknown keys, types, ranges that do not depend
# on the number of levels, id syntax, required keys, empty text, control
# characters, the format version.
SCHEMA_MATTERS = [
    "advice-not-string",
    "advice-typo",
    "allow-na-not-bool",
    "area-not-mapping",
    "bad-id-start",
    "bad-id-too-long",
    "bad-id-uppercase",
    "empty-file",
    "empty-title",
    "escape-control",
    "format-version",
    "known-by-empty",
    "level-not-integer",
    "level-zero",
    "many-errors",
    "missing-required",
    "not-a-mapping",
    "nul-in-string",
    "question-missing-text",
    "questions-not-list",
    "red-flag-cap-negative",
    "red-flag-cap-not-number",
    "red-flag-cap-without-red-flag",
    "scalar-document",
    "string-too-long",
    "threshold-out-of-range",
    "too-few-levels",
    "too-many-levels",
    "unknown-key-far",
    "unknown-key-typo",
    "value-malformed",
    "value-out-of-range",
    "value-quoted",
    "weight-out-of-range",
    "weight-trailing-text",
]

# The rest need the YAML text itself (anchors, aliases, tags, duplicate
# keys, several documents, encodings, syntax), cross-references (unique
# ids, answer sets, red flags, target areas, a question at every level),
# ranges that depend on the number of levels, or order (increasing
# values). YAML 1.2 reads 0x1 as the number 1 and .nan as a number that
# no range excludes. 'yardstick validate' reports all of them.
NOT_SCHEMA_MATTERS = [
    "alias", "anchor", "answer-set-unknown", "c1-control", "control-byte",
    "deep-nesting", "duplicate-answer-key", "duplicate-area-id",
    "duplicate-key", "duplicate-question-id", "duplicate-set-name",
    "empty", "invalid-utf8", "level-missing-in-area", "level-out-of-range",
    "recommendation-level-range", "red-flag-cap-out-of-range",
    "red-flag-unknown", "syntax-bad-indent",
    "syntax-tab-indent", "syntax-unclosed-flow", "tag",
    "target-level-out-of-range", "target-unknown-area", "two-documents",
    "utf16", "value-hex", "value-nan", "value-not-increasing",
]


class Core12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's scalars."""


Core12Loader.yaml_implicit_resolvers = {}
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""])
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))


def _int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0x"):
        return int(v[2:], 16)
    if v.startswith("0o"):
        return int(v[2:], 8)
    return int(v, 10)


def _float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith(".nan"):
        return float("nan")
    if v.endswith(".inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    return float(v)


def _bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


Core12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Core12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Core12Loader.add_constructor("tag:yaml.org,2002:bool", _bool)


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=Core12Loader)


def man_example(root):
    """The example questionnaire of yardstick-questionnaire(5)."""
    lines, state = [], 0
    with open(os.path.join(root, "doc/yardstick-questionnaire.5"),
              encoding="utf-8") as f:
        for line in f:
            if state == 0 and line.startswith("A small but complete"):
                state = 1
            elif state == 1 and line.startswith(".EX"):
                state = 2
            elif state == 2 and line.startswith(".EE"):
                break
            elif state == 2:
                lines.append(line.replace("\\-", "-").replace("\\(aq", "'")
                             .replace("\\e", "\\"))
    return yaml.load("".join(lines), Loader=Core12Loader)


# Rules of the schema that no file of the corpus exercises: a change to
# ok-minimal.yaml that each must reject.
def _set(path, value):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


MUTATIONS = [
    ("reserved answer key dont-know",
     _set(["answer_sets", "yesno", 0, "key"], "dont-know")),
    ("empty answer set", _set(["answer_sets", "yesno"], [])),
    ("answer label blank", _set(["answer_sets", "yesno", 0, "label"], " \n")),
    ("area weight 0", _set(["areas", 0, "weight"], 0)),
    ("question weight 1.5", _set(["areas", 0, "questions", 0, "weight"], 1.5)),
    ("target level 10", _set(["targets", "baseline", "cyber"], 10)),
    ("target profile name with a space", _set(["targets", "base line"], {})),
    ("reference name in capitals",
     _set(["areas", 0, "questions", 0, "refs"], {"CAF": "B4.d"})),
    ("red_flag key empty", _set(["areas", 0, "questions", 0, "red_flag"], [""])),
    ("unknown key in a question",
     _set(["areas", 0, "questions", 0, "weigth"], 2)),
    ("answers neither a name nor a list",
     _set(["areas", 0, "questions", 0, "answers"], {"key": "x"})),
    ("recommendation level -1",
     _set(["areas", 0, "recommendations", 0, "level"], -1)),
    ("level without a name", _set(["levels", 0], {"description": "x"})),
    ("area without questions", _set(["areas", 0, "questions"], [])),
    ("red_flag_cap with an empty red_flag",
     lambda doc: doc["areas"][0]["questions"][0].update(red_flag=[])),
    ("red_flag_cap 9", _set(["areas", 0, "questions", 0, "red_flag_cap"], 9)),
    ("advice blank", _set(["areas", 0, "questions", 0, "advice"], " ")),
    ("known_by a number",
     _set(["areas", 0, "questions", 0, "known_by"], 3)),
    ("DEL in a help text",
     _set(["areas", 0, "questions", 0, "help"], "bad \x7f char")),
]


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "doc/schema/questionnaire.schema.json"),
              encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failures = 0

    def errors(path):
        return sorted(validator.iter_errors(load(path)),
                      key=lambda e: list(e.absolute_path))

    good = sorted(glob.glob(os.path.join(root, "questionnaires/*.yaml")))
    if not good:
        print("no bundled questionnaires found under", root)
        return 1
    corpus = os.path.join(root, "tests/golden/questionnaires")
    good += sorted(glob.glob(os.path.join(corpus, "ok-*.yaml")))
    # Valid files that only draw warnings from 'yardstick validate'.
    good += sorted(glob.glob(os.path.join(corpus, "warn-*.yaml")))
    for path in good:
        errs = errors(path)
        for e in errs:
            print("FAIL %s: rejected: %s at /%s" % (
                path, e.message,
                "/".join(str(p) for p in e.absolute_path)))
        if errs:
            failures += 1
        else:
            print("ok   %s: valid" % os.path.relpath(path, root))

    for name in SCHEMA_MATTERS:
        path = os.path.join(corpus, name + ".yaml")
        if not os.path.exists(path):
            print("FAIL %s: missing from the corpus" % path)
            failures += 1
            continue
        errs = errors(path)
        if not errs:
            print("FAIL %s: accepted, but it is malformed" % path)
            failures += 1
        else:
            e = errs[0]
            print("ok   %s: rejected: %s at /%s" % (
                name, e.message[:100],
                "/".join(str(p) for p in e.absolute_path)))

    example = man_example(root)
    errs = list(validator.iter_errors(example))
    if errs or not example:
        print("FAIL the example questionnaire of yardstick-questionnaire(5): %s"
              % (errs[0].message if errs else "not found"))
        failures += 1
    else:
        print("ok   the example questionnaire of yardstick-questionnaire(5): valid")

    for what, change in MUTATIONS:
        doc = load(os.path.join(corpus, "ok-minimal.yaml"))
        change(doc)
        if list(validator.iter_errors(doc)):
            print("ok   ok-minimal.yaml with %s: rejected" % what)
        else:
            print("FAIL ok-minimal.yaml with %s: accepted" % what)
            failures += 1

    known = set(SCHEMA_MATTERS) | set(NOT_SCHEMA_MATTERS)
    for path in sorted(glob.glob(os.path.join(corpus, "*.yaml"))):
        name = os.path.basename(path)[:-5]
        if not name.startswith(("ok-", "warn-")) and name not in known:
            print("note %s: not classified as a schema matter or not" % name)

    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

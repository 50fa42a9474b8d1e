#!/usr/bin/env python3
"""Load YAML files with Python's yaml library (PyYAML), for comparison.

usage: py_load.py c|pure FILE...

Loads each file in turn, as yaml.safe_load would, and drops the result:
"c" uses yaml.CSafeLoader (PyYAML's binding to libyaml), "pure" the
pure-Python yaml.SafeLoader. Exits 0 when every file loads, 1 on a YAML
error, 2 on a usage error or when "c" is asked for and PyYAML was built
without libyaml. Used by scripts/perf-report beside yardstick and the bare
libyaml parse of the same files.
"""
import sys

import yaml


def main(argv):
    if len(argv) < 3 or argv[1] not in ("c", "pure"):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    if argv[1] == "c":
        loader = getattr(yaml, "CSafeLoader", None)
        if loader is None:
            sys.stderr.write("py_load.py: PyYAML has no CSafeLoader here\n")
            return 2
    else:
        loader = yaml.SafeLoader
    for path in argv[2:]:
        with open(path, "rb") as f:
            try:
                yaml.load(f, Loader=loader)
            except yaml.YAMLError as e:
                sys.stderr.write("%s: %s\n" % (path, e))
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Display width of text, as a terminal shows it.

usage: textwidth.py MAX FILE   prints "LINE: WIDTH" for each line of FILE
                               wider than MAX columns

Width per character follows Unicode: East Asian Wide and Fullwidth
characters (CJK, most emoji) take 2 columns, combining marks, format
characters and zero-width spaces 0, everything else 1. This is written
independently of the program's own tables (src/text.c), so the tests
check the program against Python's Unicode database. Imported by the
other checks for wcswidth().
"""
import sys
import unicodedata


def wcwidth(ch):
    cp = ord(ch)
    if cp == 0:
        return 0
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf") or cp in (0x200B,) or 0x1160 <= cp <= 0x11FF:
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def wcswidth(s):
    return sum(wcwidth(c) for c in s)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    limit = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8", errors="strict") as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            w = wcswidth(line)
            if w > limit:
                print("%d: %d" % (n, w))


if __name__ == "__main__":
    main()

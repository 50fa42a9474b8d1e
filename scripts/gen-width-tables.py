#!/usr/bin/env python3
"""Generates src/text_width_tables.h: the display width tables for text.c.

Usage: scripts/gen-width-tables.py > src/text_width_tables.h

The tables follow Unicode 15.0:
  - wide (2 columns): East Asian Width W or F, plus the unassigned code
    points of the blocks that EastAsianWidth.txt defaults to W (CJK
    ideograph blocks, planes 2 and 3) and of the emoji blocks
    U+1F300..U+1F64F, U+1F900..U+1F9FF and U+1FA70..U+1FAFF, where new
    emoji are added.
  - zero width (0 columns): general category Mn, Me and Cf (except U+00AD
    SOFT HYPHEN, which terminals show), and the Hangul Jamo medial vowels
    and final consonants (U+1160..U+11FF, U+D7B0..U+D7FF), which join the
    preceding leading consonant.

Python's unicodedata module supplies the data. When it is older than
15.0 the characters that 15.0 added are applied from UNICODE_15_ADDED
below (taken from the Unicode 15.0 UnicodeData.txt and EastAsianWidth.txt),
so the output is the same with any Python from 3.11 on.
"""
import sys
import unicodedata

TARGET_VERSION = (15, 0, 0)

# Characters added in Unicode 15.0 that are wide or zero width:
# (first, last, 'W' or '0').
UNICODE_15_ADDED = [
    (0x0ECE, 0x0ECE, '0'),      # LAO YAMAKKAN (Mn)
    (0x10EFD, 0x10EFF, '0'),    # Arabic small low word sakta..madda (Mn)
    (0x11241, 0x11241, '0'),    # KHOJKI VOWEL SIGN VOCALIC R (Mn)
    (0x11F00, 0x11F01, '0'),    # Kawi candrabindu, anusvara (Mn)
    (0x11F36, 0x11F3A, '0'),    # Kawi vowel signs I..vocalic R (Mn)
    (0x11F40, 0x11F40, '0'),    # KAWI VOWEL SIGN EU (Mn)
    (0x11F42, 0x11F42, '0'),    # KAWI CONJOINER (Mn)
    (0x13439, 0x1343F, '0'),    # Egyptian hieroglyph format controls (Cf)
    (0x13440, 0x13440, '0'),    # EGYPTIAN HIEROGLYPH MIRROR HORIZONTALLY (Mn)
    (0x13447, 0x13455, '0'),    # Egyptian hieroglyph modifiers (Mn)
    (0x1E08F, 0x1E08F, '0'),    # COMBINING CYRILLIC SMALL LETTER
                                # BYELORUSSIAN-UKRAINIAN I (Mn)
    (0x1E4EC, 0x1E4EF, '0'),    # Nag Mundari signs (Mn)
    (0x1B132, 0x1B132, 'W'),    # HIRAGANA LETTER SMALL KO
    (0x1B155, 0x1B155, 'W'),    # KATAKANA LETTER SMALL KO
    (0x1F6DC, 0x1F6DC, 'W'),    # WIRELESS
    (0x1FA75, 0x1FA77, 'W'),    # light blue, grey, pink heart
    (0x1FA87, 0x1FA88, 'W'),    # maracas, flute
    (0x1FAAD, 0x1FAAF, 'W'),    # folding hand fan, hair pick, khanda
    (0x1FABB, 0x1FABD, 'W'),    # hyacinth, jellyfish, wing
    (0x1FABF, 0x1FABF, 'W'),    # goose
    (0x1FACE, 0x1FACF, 'W'),    # moose, donkey
    (0x1FADA, 0x1FADB, 'W'),    # ginger root, pea pod
    (0x1FAE8, 0x1FAE8, 'W'),    # shaking face
    (0x1FAF7, 0x1FAF8, 'W'),    # leftwards, rightwards pushing hand
    (0x31350, 0x323AF, 'W'),    # CJK Unified Ideographs Extension H
]

# Blocks whose unassigned code points are wide.
WIDE_BLOCKS = [
    (0x3400, 0x4DBF),           # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),           # CJK Unified Ideographs
    (0xF900, 0xFAFF),           # CJK Compatibility Ideographs
    (0x1F300, 0x1F64F),         # Misc Symbols and Pictographs, Emoticons
    (0x1F900, 0x1F9FF),         # Supplemental Symbols and Pictographs
    (0x1FA70, 0x1FAFF),         # Symbols and Pictographs Extended-A
    (0x20000, 0x2FFFD),         # plane 2
    (0x30000, 0x3FFFD),         # plane 3
]

ZERO_EXTRA = [
    (0x1160, 0x11FF),           # Hangul Jamo medial vowels, final consonants
    (0xD7B0, 0xD7FF),           # Hangul Jamo Extended-B
]

NOT_ZERO = {0x00AD}             # SOFT HYPHEN


def version_tuple(v):
    return tuple(int(x) for x in v.split('.'))


def classify():
    have = version_tuple(unicodedata.unidata_version)
    if have > TARGET_VERSION:
        sys.exit('gen-width-tables: Python has Unicode %s; the delta table '
                 'covers up to %d.%d.%d' % ((unicodedata.unidata_version,)
                                            + TARGET_VERSION))
    wide = set()
    zero = set()
    for cp in range(0x110000):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat == 'Cn':
            continue
        if unicodedata.east_asian_width(ch) in ('W', 'F'):
            wide.add(cp)
        if cat in ('Mn', 'Me', 'Cf') and cp not in NOT_ZERO:
            zero.add(cp)
    if have < TARGET_VERSION:
        for first, last, kind in UNICODE_15_ADDED:
            for cp in range(first, last + 1):
                (wide if kind == 'W' else zero).add(cp)
    for first, last in WIDE_BLOCKS:
        for cp in range(first, last + 1):
            if unicodedata.category(chr(cp)) == 'Cn' and cp not in zero:
                wide.add(cp)
    for first, last in ZERO_EXTRA:
        zero.update(range(first, last + 1))
    # Zero width wins: a combining mark inside a wide block (U+302A..U+302D,
    # U+3099..U+309A) takes no column of its own.
    wide -= zero
    return wide, zero


def ranges(points):
    out = []
    for cp in sorted(points):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def emit(name, rs):
    print('static const struct ys_width_range %s[] = {' % name)
    for i in range(0, len(rs), 3):
        row = ', '.join('{0x%05X, 0x%05X}' % (a, b) for a, b in rs[i:i + 3])
        print('\t' + row + ',')
    print('};')


def main():
    wide, zero = classify()
    print('/* Generated by scripts/gen-width-tables.py from Unicode %d.%d.%d '
          'data; do not edit.' % TARGET_VERSION)
    print(' * Sorted, non-overlapping, inclusive code point ranges. */')
    print('#ifndef YARDSTICK_TEXT_WIDTH_TABLES_H')
    print('#define YARDSTICK_TEXT_WIDTH_TABLES_H')
    print()
    print('#include <stdint.h>')
    print()
    print('struct ys_width_range {')
    print('\tuint32_t first;')
    print('\tuint32_t last;')
    print('};')
    print()
    print('/* Zero columns: Mn, Me, Cf (not U+00AD), Hangul medial/final jamo. */')
    emit('ys_zero_width', ranges(zero))
    print()
    print('/* Two columns: East Asian Width W and F, emoji. */')
    emit('ys_wide', ranges(wide))
    print()
    print('#endif')


if __name__ == '__main__':
    main()

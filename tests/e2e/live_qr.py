#!/usr/bin/python3
"""End-to-end: the join screen's QR code reads back as the join address.

The pane is captured from tmux, its half-block characters turned back
into modules (the upper half of a cell is one module, the lower half the
next), drawn as an image and decoded with zbarimg. The code's colours
are checked too: black on white from an explicit colour pair, whatever
the terminal's theme, and reverse video without colour (NO_COLOR).

usage: live_qr.py YARDSTICK
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livelib import Workshop, fail  # noqa: E402

from PIL import Image  # noqa: E402

UPPER, LOWER, FULL = '\u2580', '\u2584', '\u2588'


def modules(screen):
    """The dark modules drawn on the screen, as rows of booleans."""
    rows = []
    for line in screen.splitlines():
        if not any(c in line for c in (UPPER, LOWER, FULL)):
            if rows:
                break
            continue
        top = [c in (UPPER, FULL) for c in line]
        bottom = [c in (LOWER, FULL) for c in line]
        rows.append(top)
        rows.append(bottom)
    width = max(len(r) for r in rows)
    return [r + [False] * (width - len(r)) for r in rows]


def decode(grid, where):
    scale = 8
    h, w = len(grid), len(grid[0])
    img = Image.new('L', ((w + 8) * scale, (h + 8) * scale), 255)
    px = img.load()
    for y, row in enumerate(grid):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    for dx in range(scale):
                        px[(x + 4) * scale + dx, (y + 4) * scale + dy] = 0
    path = os.path.join(where, 'qr.png')
    img.save(path)
    out = subprocess.run(['zbarimg', '--raw', '-q', path], capture_output=True, text=True)
    return out.stdout.strip()


def quiet_zone(screen):
    """Columns of blank cells in the code's colour left of the first
    module, on the rows of the code (half-block cells, so modules)."""
    lines = [l for l in screen.splitlines() if any(c in l for c in (UPPER, LOWER, FULL))]
    first = min(len(l) - len(l.lstrip(' ')) for l in lines)
    return first


def check(binary, env, colour_sgr, label):
    ws = Workshop(binary, '-o ws.yaml --org Anytown -p AB -p CD', env=env)
    try:
        ws.start()
        screen = ws.screen()
        got = decode(modules(screen), ws.dir)
        if got != ws.url:
            fail('%s: the QR code reads %r, not the join address %r' % (label, got, ws.url), ws)
        # The address is also written out below the code.
        lines = screen.splitlines()
        last_qr = max(i for i, l in enumerate(lines) if any(c in l for c in (UPPER, LOWER, FULL)))
        if ws.url not in '\n'.join(lines[last_qr + 1:last_qr + 5]):
            fail('%s: the join address is not below the code' % label, ws)
        # The code's cells carry the explicit colours (or reverse video).
        esc = ws.screen(escapes=True).splitlines()
        rows = [i for i, l in enumerate(esc) if any(c in l for c in (UPPER, LOWER, FULL))]
        if not rows:
            fail('%s: no QR code in the escaped capture' % label, ws)
        for i in rows:
            if not all(seq in esc[i] for seq in colour_sgr):
                fail('%s: the QR code is not drawn with %r' % (label, colour_sgr), ws)
        # A quiet zone of 4 modules: 4 cells of the code's colour left of
        # the first module, and 2 rows (4 half-rows) of it above.
        def after_colour(line):
            """The text drawn in the code's colour, up to where it ends."""
            k = line.find(colour_sgr[-1])
            if k < 0:
                return ''
            rest = line[k + len(colour_sgr[-1]):]
            end = re.search(r'\x1b\[(?:0|39|49|27)?m', rest)
            return rest[:end.start()] if end else rest
        lead = min(len(t) - len(t.lstrip(' ')) for t in (after_colour(esc[i]) for i in rows))
        if lead < 4:
            fail('%s: the quiet zone left of the code is %d modules' % (label, lead), ws)
        above = [esc[i] for i in range(rows[0] - 2, rows[0])]
        if not all(colour_sgr[-1] in l and after_colour(l).strip() == '' for l in above):
            fail('%s: no quiet zone of 4 modules above the code' % label, ws)
        ws.keys('q')
        if ws.exit_code() != 0:
            fail('%s: quitting from the join screen failed' % label, ws)
    finally:
        ws.close()


def main():
    binary = sys.argv[1]
    # Colour: black (30) on white (47).
    check(binary, {}, ['\x1b[30m', '\x1b[47m'], 'colour')
    check(binary, {'NO_COLOR': '1'}, ['\x1b[7m'], 'no colour')
    print('ok')


if __name__ == '__main__':
    main()

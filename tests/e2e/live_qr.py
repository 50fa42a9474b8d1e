#!/usr/bin/python3
"""End-to-end: the join screen's QR code reads back as the join address.

The pane is captured from tmux, its half-block characters turned back
into modules (the upper half of a cell is one module, the lower half the
next), drawn as an image and decoded with zbarimg. The code's colours
are checked too: black on white from an explicit colour pair, whatever
the terminal's theme, and reverse video without colour (NO_COLOR).
Listening on every address, the join screen shows the address of the
interface holding the default route first; Tab shows the others, the
QR code follows, and the question screen keeps the one chosen.

usage: live_qr.py YARDSTICK
"""
import fcntl
import os
import re
import socket
import struct
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


def if_ipv4(name):
    """The IPv4 address of interface name, or None."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        got = fcntl.ioctl(s.fileno(), 0x8915, struct.pack('256s', name.encode()[:15]))  # SIOCGIFADDR
        return socket.inet_ntoa(got[20:24])
    except OSError:
        return None
    finally:
        s.close()


def default_iface():
    with open('/proc/net/route') as f:
        for line in f.readlines()[1:]:
            cols = line.split()
            if len(cols) > 3 and cols[1] == '00000000' and int(cols[3], 16) & 1:
                return cols[0]
    return None


def addresses(binary):
    ws = Workshop(binary, '-o ws.yaml --org Anytown -p AB')
    try:
        ws.start(listen=str(ws.port))
        host = re.match(r'https?://([^/]+):\d+/', ws.url).group(1)
        others = [a for a in (if_ipv4(n) for _, n in socket.if_nameindex())
                  if a and not a.startswith('127.')]
        dev = default_iface()
        want = if_ipv4(dev) if dev else None
        if want:
            if host != want:
                fail('the join address is %s, not %s of %s (the default route)'
                     % (host, want, dev), ws)
        elif others:
            if host not in others:
                fail('the join address %s is none of %r' % (host, others), ws)
        elif host != '127.0.0.1':
            fail('with no network, the join address is %s' % host, ws)
        m = re.search(r'Address 1 of (\d+) \(Tab shows the next\)', ws.screen())
        n = int(m.group(1)) if m else 1
        if n < 1 + len(set(others) - {host}) or (others and not m):
            fail('the join screen offers %d addresses; this computer has %r' % (n, others), ws)
        seen = [ws.url]
        for k in range(2, n + 1):
            ws.keys('Tab')
            ws.wait('Address %d of %d' % (k, n))
            url = re.search(r'https?://\S+/j/[A-Z0-9]+', ws.screen()).group(0)
            if url in seen:
                fail('Tab showed %s again' % url, ws)
            seen.append(url)
            got = decode(modules(ws.screen()), ws.dir)
            if got != url:
                fail('after Tab the QR code reads %r, not %r' % (got, url), ws)
        if n > 1:
            if not any('127.0.0.1' in u for u in seen):
                fail('the loopback address is not among %r' % seen, ws)
            # The question screen keeps the address chosen last.
            ws.keys('Escape')
            ws.wait('Begin the workshop')
            ws.keys('End', 'Enter')
            ws.wait('Join: ' + seen[-1])
            # Back on the join screen, Tab comes round to the first.
            ws.keys('J')
            ws.wait('Address %d of %d' % (n, n))
            ws.keys('Tab')
            ws.wait('Address 1 of %d' % n)
            ws.wait(seen[0])
        ws.keys('q')
        if ws.exit_code() != 0:
            fail('quitting failed', ws)
    finally:
        ws.close()


def main():
    binary = sys.argv[1]
    addresses(binary)
    # Colour: black (30) on white (47).
    check(binary, {}, ['\x1b[30m', '\x1b[47m'], 'colour')
    check(binary, {'NO_COLOR': '1'}, ['\x1b[7m'], 'no colour')
    print('ok')


if __name__ == '__main__':
    main()

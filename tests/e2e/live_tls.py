#!/usr/bin/python3
"""End-to-end: --tls-cert and --tls-key serve the live page over HTTPS.

A self-signed certificate is made with openssl; the join address on the
screen is https, a device joins and votes over TLS, its cookie is marked
Secure, and plain HTTP on the same port gets no page. A key that does not
match the certificate is refused at start (exit 69), and the options are
refused without --live (exit 64).

usage: live_tls.py YARDSTICK
"""
import http.client
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livelib import Device, Workshop, fail  # noqa: E402


def make_cert(where, name):
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
                    '-subj', '/CN=127.0.0.1', '-keyout', os.path.join(where, name + '.key'),
                    '-out', os.path.join(where, name + '.pem')],
                   check=True, capture_output=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    ws = Workshop(binary, '-o ws.yaml --org Anytown -p AB -p CD --tls-cert c.pem --tls-key c.key',
                  tls=True)
    try:
        make_cert(ws.dir, 'c')
        make_cert(ws.dir, 'other')
        ws.start()
        if not ws.url.startswith('https://'):
            fail('the join address is not https: ' + ws.url, ws)
        ab = Device(ws)
        r = ab.join('AB')
        cookie = r.header('set-cookie')
        for attr in ('HttpOnly', 'SameSite=Strict', 'Secure'):
            if attr not in cookie:
                fail('the device cookie lacks %s over HTTPS: %r' % (attr, cookie), ws)
        ws.keys('Escape')
        ws.wait('Begin the workshop')
        ws.keys('End', 'Enter')
        ws.wait('Votes (0 of 2, hidden)')
        ab.vote('3')
        ws.wait('Votes (1 of 2, hidden)')
        if 'votes: {AB: vacant}' not in ws.file():
            fail('the vote over HTTPS is not in the file', ws)
        # Plain HTTP to the TLS port gets no page.
        c = http.client.HTTPConnection(ws.host, ws.port, timeout=5)
        try:
            c.request('GET', '/')
            resp = c.getresponse()
            body = resp.read()
            if b'yardstick' in body:
                fail('plain HTTP was served on the TLS port', ws)
        except (http.client.HTTPException, OSError):
            pass
        ws.keys('q')
        if ws.exit_code() != 0:
            fail('the HTTPS workshop did not exit 0', ws)
        # A key that is not the certificate's: refused (69), nothing listens.
        subprocess.run(ws.tmux + ['respawn-pane', '-k', '-t', 'w', 'sh', '-c',
                                  '%s workshop -o x.yaml -p AB --live 127.0.0.1:%d '
                                  '--tls-cert c.pem --tls-key other.key; echo EXIT=$? > rc3; sleep 5'
                                  % (binary, ws.port)], check=True, env=ws.env)
        ws.wait('certificate and key')
        rc3 = os.path.join(ws.dir, 'rc3')
        for _ in range(200):
            if os.path.exists(rc3) and open(rc3).read().strip():
                break
            time.sleep(0.05)
        with open(rc3) as f:
            got = f.read().strip()
        if got != 'EXIT=69':
            fail('a mismatched key did not exit 69: %s' % got, ws)
        if ws.listening():
            fail('something listens after a refused start', ws)
        out = subprocess.run([binary, 'workshop', '-o', 'y.yaml', '--tls-cert', 'c.pem',
                              '--tls-key', 'c.key'], cwd=ws.dir, capture_output=True, text=True)
        if out.returncode != 64 or '--live' not in out.stderr:
            fail('--tls-cert without --live: %d %s' % (out.returncode, out.stderr))
    finally:
        ws.close()
    print('ok')


if __name__ == '__main__':
    main()

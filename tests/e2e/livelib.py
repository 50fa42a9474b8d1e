"""Helpers for the live workshop's tests: yardstick in a private tmux
server (as the shell tests do, see lib.sh) and real HTTP clients.

A Workshop starts `yardstick workshop --live` in an 80x24 pane of its own
tmux server, reads the join address from the join screen and offers
devices (Device: a cookie jar and a source address) that join and vote
over plain HTTP with http.client, so every request and reply is exactly
what is sent and received.
"""
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse

SECURITY_HEADERS = {
    'content-security-policy': "default-src 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
}


def fail(msg, ws=None):
    print('FAIL: ' + msg, file=sys.stderr)
    if ws is not None:
        try:
            print('--- screen:\n' + ws.screen() + '\n---', file=sys.stderr)
        except Exception:  # the pane may be gone
            pass
    sys.exit(1)


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def check_headers(resp, what, ws=None):
    """Every response carries the security headers of DESIGN section 7."""
    for name, want in SECURITY_HEADERS.items():
        got = resp.getheader(name) or ''
        if want not in got:
            fail('%s: header %s is %r, wanted %r' % (what, name, got, want), ws)


class Reply:
    def __init__(self, resp):
        self.status = resp.status
        self.headers = {k.lower(): v for k, v in resp.getheaders()}
        self.body = resp.read().decode('utf-8', 'replace')
        self.resp = resp

    def header(self, name):
        return self.headers.get(name.lower(), '')


class Device:
    """A participant's phone: its own cookie and source address."""

    def __init__(self, ws, source='127.0.0.1'):
        self.ws = ws
        self.source = source
        self.cookie = ''

    def conn(self):
        if self.ws.tls:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return http.client.HTTPSConnection(self.ws.host, self.ws.port, timeout=10,
                                               source_address=(self.source, 0), context=ctx)
        return http.client.HTTPConnection(self.ws.host, self.ws.port, timeout=10,
                                          source_address=(self.source, 0))

    def request(self, method, path, body=None, headers=None, what=None):
        c = self.conn()
        h = dict(headers or {})
        if self.cookie:
            h['Cookie'] = self.cookie
        if body is not None:
            h.setdefault('Content-Type', 'application/x-www-form-urlencoded')
        c.request(method, path, body=body, headers=h)
        r = Reply(c.getresponse())
        c.close()
        check_headers(r.resp, what or '%s %s' % (method, path), self.ws)
        sc = r.header('set-cookie')
        if sc:
            self.cookie = sc.split(';', 1)[0]
        return r

    def get(self, path='/'):
        return self.request('GET', path)

    def post(self, path, fields):
        return self.request('POST', path, urllib.parse.urlencode(fields))

    def join(self, name):
        page = self.get(self.ws.join_path)
        if page.status != 200:
            fail('join page: %d' % page.status, self.ws)
        m = re.search(r'name="p" value="(\d+)"[^>]*><span class="label">%s(<| )' % re.escape(html_escape(name)), page.body)
        if not m:
            fail('no button for %s on the join page' % name, self.ws)
        r = self.post(self.ws.join_path, {'p': m.group(1)})
        if r.status != 303:
            fail('joining as %s: %d %s' % (name, r.status, r.body[:200]), self.ws)
        return r

    def form(self):
        page = self.get('/')
        f = re.search(r'name="f" value="([0-9a-f]+)"', page.body)
        q = re.search(r'name="q" value="([^"]+)"', page.body)
        if not f or not q:
            return None, None, page
        return f.group(1), q.group(1), page

    def vote(self, value, expect=303):
        f, q, page = self.form()
        if f is None:
            fail('no voting form on the page:\n' + page.body[:800], self.ws)
        r = self.post('/vote', {'f': f, 'q': q, 'v': value})
        if r.status != expect:
            fail('vote %s: %d, wanted %d: %s' % (value, r.status, expect, r.body[:300]), self.ws)
        return r


def html_escape(s):
    return (s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;').replace("'", '&#39;'))


class Workshop:
    """yardstick workshop --live in a private tmux server."""

    def __init__(self, binary, args, port=None, width=80, height=24, env=None, tls=False):
        self.binary = os.path.abspath(binary)
        self.dir = tempfile.mkdtemp(prefix='yardstick-live.')
        self.sock = 'yardstick-live-%d' % os.getpid()
        self.tmux = ['tmux', '-L', self.sock, '-f', '/dev/null']
        self.port = port or free_port()
        self.host = '127.0.0.1'
        self.tls = tls
        self.width, self.height = width, height
        self.env = dict(os.environ)
        self.env.update({'LANG': 'C.UTF-8', 'LC_ALL': 'C.UTF-8', 'HOME': self.dir,
                         'XDG_DATA_HOME': self.dir + '/xdg', 'YARDSTICK_PATH': ''})
        self.env.pop('NO_COLOR', None)
        self.env.pop('TMUX', None)
        self.env.update(env or {})
        self.args = args
        self.join_path = None
        self.url = None
        self.started = False

    def start(self, listen=None):
        listen = listen or '127.0.0.1:%d' % self.port
        cmd = '%s workshop %s --live %s; echo EXIT=$? > rc' % (self.binary, self.args, listen)
        subprocess.run(self.tmux + ['new-session', '-d', '-s', 'w', '-x', str(self.width),
                                    '-y', str(self.height), '-c', self.dir, 'sh', '-c', cmd],
                       check=True, env=self.env)
        subprocess.run(self.tmux + ['set-option', '-g', 'remain-on-exit', 'on'], check=True)
        self.started = True
        self.wait('Join the live workshop')
        m = re.search(r'(https?)://([0-9.]+|\[[0-9a-f:]+\]):(\d+)/j/([A-Z0-9]+)', self.screen())
        if not m:
            fail('no join address on the join screen', self)
        self.url = m.group(0)
        self.join_path = '/j/' + m.group(4)
        self.code = m.group(4)
        return self

    def screen(self, escapes=False):
        args = ['capture-pane', '-p', '-t', 'w'] + (['-e'] if escapes else [])
        return subprocess.run(self.tmux + args, capture_output=True, text=True,
                              env=self.env).stdout

    def wait(self, text, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            if text in self.screen():
                return
            time.sleep(0.05)
        fail("'%s' did not appear within %ds" % (text, timeout), self)

    def wait_gone(self, text, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            if text not in self.screen():
                return
            time.sleep(0.05)
        fail("'%s' did not go within %ds" % (text, timeout), self)

    def keys(self, *keys):
        subprocess.run(self.tmux + ['send-keys', '-t', 'w'] + list(keys), check=True)

    def pid(self):
        out = subprocess.run(['pgrep', '-f', '^%s workshop' % re.escape(self.binary)],
                             capture_output=True, text=True).stdout.split()
        # Only the yardstick started in this test's folder.
        for p in out:
            try:
                if os.readlink('/proc/%s/cwd' % p) == os.path.realpath(self.dir):
                    return int(p)
            except OSError:
                pass
        return None

    def file(self, name='ws.yaml'):
        with open(os.path.join(self.dir, name), encoding='utf-8') as f:
            return f.read()

    def exit_code(self, timeout=10):
        end = time.time() + timeout
        path = os.path.join(self.dir, 'rc')
        while time.time() < end:
            if os.path.exists(path):
                with open(path) as f:
                    t = f.read().strip()
                if t.startswith('EXIT='):
                    return int(t[5:])
            time.sleep(0.05)
        fail('yardstick did not exit', self)

    def listening(self):
        try:
            s = socket.create_connection((self.host, self.port), timeout=1)
            s.close()
            return True
        except OSError:
            return False

    def close(self):
        subprocess.run(self.tmux + ['kill-server'], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)

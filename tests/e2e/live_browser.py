#!/usr/bin/python3
"""End-to-end: the live page in a real browser (headless Chromium).

Five participants join by tapping their names: three in a browser with
script, two with script disabled. The ones with script follow the
facilitator: the question appears, the reveal shows the spread and the
next question replaces it, all without a reload (a marker set in the
page survives). The ones without script vote with plain forms (POST, a
redirect, a page that says recorded). axe-core checks every page for
WCAG 2.2 A and AA (no violation allowed), at 320 and 1280 pixels wide
and at 200% text; the page must not scroll sideways at 320 px, no word
on a button may break across lines there, and the focused button must
show a visible outline. Screenshots at both widths go to the folder in
YS_SHOTS, when set (the meson test sets BUILD/tests/live-shots), to be
looked at.

usage: live_browser.py YARDSTICK SOURCE_ROOT
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livelib import Workshop, fail  # noqa: E402

from PIL import Image  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

NAMES = ['AB', 'CD', 'EF', 'GH', 'IJ']
AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']


def browser(script):
    opts = webdriver.ChromeOptions()
    opts.binary_location = '/usr/bin/chromium'
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
              '--window-size=1280,900', '--no-first-run', '--disable-extensions'):
        opts.add_argument(a)
    d = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=opts)
    if not script:
        # The page's own scripts do not run; the test's (axe) still can.
        d.execute_cdp_cmd('Emulation.setScriptExecutionDisabled', {'value': True})
    return d


class Page:
    def __init__(self, ws, driver, axe, script):
        self.ws, self.d, self.axe, self.script = ws, driver, axe, script
        self.base = 'http://%s:%d' % (ws.host, ws.port)
        self.jars = {}

    def wait_text(self, text, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            try:
                if text in self.d.find_element(By.TAG_NAME, 'body').text:
                    return
            except Exception:
                pass
            time.sleep(0.1)
        fail('the page did not show %r; it shows:\n%s' % (
            text, self.d.find_element(By.TAG_NAME, 'body').text[:600]), self.ws)

    def join(self, name):
        self.d.delete_all_cookies()
        self.d.get(self.base + self.ws.join_path)
        self.check_a11y('join page')
        buttons = [b for b in self.d.find_elements(By.CSS_SELECTOR, 'button[name=p]')
                   if b.text.split(' (')[0] == name]
        if not buttons:
            fail('no button for %s' % name, self.ws)
        buttons[0].click()
        self.wait_text('Voting as ' + name)
        self.jars[name] = self.d.get_cookies()
        for c in self.jars[name]:
            if c['name'] == 'yardstick_device' and not (c['httpOnly'] and c.get('sameSite') == 'Strict'):
                fail('the device cookie is not HttpOnly and SameSite=Strict: %r' % c, self.ws)

    def be(self, name):
        self.d.delete_all_cookies()
        for c in self.jars[name]:
            self.d.add_cookie(c)

    def vote(self, label):
        for b in self.d.find_elements(By.CSS_SELECTOR, 'button[name=v]'):
            if label in b.text:
                b.click()
                return
        fail('no button %r on the page' % label, self.ws)

    def check_a11y(self, what):
        # axe runs asynchronously, which needs timers: only where scripts
        # run. The pages are the same HTML with or without script (the
        # script only fetches them), so the browser with script checks
        # every kind of page.
        if not self.script:
            return
        self.d.execute_script(self.axe)
        res = self.d.execute_async_script(
            'var done = arguments[arguments.length - 1];'
            'axe.run(document, {runOnly: {type: "tag", values: %r}})'
            '.then(function (r) { done(r.violations.map(function (v) {'
            ' return v.id + ": " + v.help + " (" + v.nodes.length + ")"; })); })'
            '.catch(function (e) { done(["axe failed: " + e]); });' % AXE_TAGS)
        if res:
            fail('axe-core on the %s: %s' % (what, '; '.join(res)), self.ws)

    def check_layout(self, what):
        """No sideways scrolling at 320 px, at 100% and 200% text; a
        visible focus outline on the first button."""
        self.d.set_window_size(320, 800)
        for size in ('100%', '200%'):
            self.d.execute_script('document.documentElement.style.fontSize = arguments[0];', size)
            time.sleep(0.2)
            sw, cw = self.d.execute_script(
                'return [document.documentElement.scrollWidth, document.documentElement.clientWidth];')
            if sw > cw + 1:
                wide = self.d.execute_script(
                    'var cw = document.documentElement.clientWidth, out = [];'
                    'document.querySelectorAll("body *").forEach(function (e) {'
                    ' var r = e.getBoundingClientRect();'
                    ' if (r.right > cw + 0.5) out.push(e.tagName + "." + e.className + " " +'
                    '  Math.round(r.right) + " " + (e.textContent || "").slice(0, 30)); });'
                    'return out.slice(0, 8);')
                fail('%s scrolls sideways at 320 px and %s text (%d > %d): %s'
                     % (what, size, sw, cw, wide), self.ws)
            self.check_a11y('%s at 320 px and %s text' % (what, size))
        self.d.execute_script('document.documentElement.style.fontSize = "";')
        buttons = self.d.find_elements(By.CSS_SELECTOR, 'button')
        if buttons:
            self.d.find_element(By.TAG_NAME, 'body').send_keys(Keys.TAB)
            for _ in range(8):
                el = self.d.switch_to.active_element
                if el.tag_name == 'button':
                    break
                el.send_keys(Keys.TAB)
            el = self.d.switch_to.active_element
            style = self.d.execute_script(
                'var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];', el)
            if el.tag_name != 'button' or style[0] == 'none' or style[1] in ('0px', ''):
                fail('%s: no visible focus on a button (%s, %r)' % (what, el.tag_name, style), self.ws)
        self.d.set_window_size(1280, 900)

    def check_words(self, what):
        """At 320 px no word on a button is broken across lines (the
        "(your vote)" mark once was, squeezed beside its label)."""
        self.d.set_window_size(320, 800)
        time.sleep(0.2)
        broken = self.d.execute_script(
            'var out = [], w = document.createTreeWalker(document.querySelector("main"),'
            ' NodeFilter.SHOW_TEXT), n;'
            'while ((n = w.nextNode())) {'
            ' if (!n.parentElement.closest("button")) continue;'
            ' var re = /\\S+/g, m;'
            ' while ((m = re.exec(n.data))) {'
            '  var r = document.createRange(); r.setStart(n, m.index);'
            '  r.setEnd(n, m.index + m[0].length);'
            '  var tops = {}; Array.prototype.forEach.call(r.getClientRects(),'
            '   function (c) { if (c.width > 0) tops[Math.round(c.top)] = 1; });'
            '  if (Object.keys(tops).length > 1) out.push(m[0]); } }'
            'return out;')
        if broken:
            fail('%s: words broken across lines at 320 px: %r' % (what, broken), self.ws)
        self.d.set_window_size(1280, 900)

    def shot(self, name):
        where = os.environ.get('YS_SHOTS')
        if not where:
            return
        os.makedirs(where, exist_ok=True)
        for w in (320, 1280):
            self.d.set_window_size(w, 900)
            time.sleep(0.2)
            path = os.path.join(where, '%s-%d.png' % (name, w))
            if not self.d.save_screenshot(path):
                fail('the screenshot %s was not written' % path, self.ws)
            with Image.open(path) as img:
                if img.size[0] != w or img.convert('L').getextrema()[0] == 255:
                    fail('the screenshot %s is %r wide or blank' % (path, img.size), self.ws)
        self.d.set_window_size(1280, 900)


def main():
    binary, root = sys.argv[1], sys.argv[2]
    axe_path = os.path.join(root, 'tests', 'browser', 'node_modules', 'axe-core', 'axe.min.js')
    if not os.path.exists(axe_path):
        fail('axe-core is not installed at %s: scripts/test installs it '
             '(npm ci --prefix tests/browser)' % axe_path)
    with open(axe_path, encoding='utf-8') as f:
        axe = f.read()
    ws = Workshop(binary, '-o ws.yaml --org Anytown ' + ' '.join('-p ' + n for n in NAMES))
    drivers = []
    try:
        ws.start()
        with_js = Page(ws, browser(True), axe, True)
        drivers.append(with_js.d)
        no_js = Page(ws, browser(False), axe, False)
        drivers.append(no_js.d)
        for n in NAMES[:3]:
            with_js.join(n)
        for n in NAMES[3:]:
            no_js.join(n)
        no_js.d.get(no_js.base + '/')
        if no_js.d.execute_script('return document.documentElement.classList.contains("js");'):
            fail('the page script ran in the browser without script', ws)
        ws.wait('Joined: 5 of 5')
        with_js.wait_text('Waiting for the facilitator')
        with_js.check_a11y('waiting page')
        # EF's page, with script, follows the facilitator: no reload.
        with_js.d.execute_script('window.ysMarker = 42;')
        ws.keys('Escape')
        ws.wait('Begin the workshop')
        ws.keys('End', 'Enter')
        ws.wait('Votes (0 of 5, hidden)')
        with_js.wait_text('Question 1 of')
        if with_js.d.execute_script('return window.ysMarker;') != 42:
            fail('the page reloaded to show the question', ws)
        with_js.check_a11y('question page (script)')
        with_js.check_layout('question page (script)')
        with_js.shot('live-question')
        with_js.vote('Someone covers it; not designated')
        with_js.wait_text('recorded')
        if with_js.d.execute_script('return window.ysMarker;') != 42:
            fail('voting with script reloaded the page', ws)
        with_js.check_a11y('recorded page (script)')
        with_js.check_words('recorded page (script)')
        with_js.shot('live-recorded')
        for n, label in (('AB', 'No DPO designated'), ('CD', 'Designated; not published or ICO not told')):
            with_js.be(n)
            with_js.d.get(with_js.base + '/')
            with_js.vote(label)
            with_js.wait_text('recorded')
        # Without script: plain forms, a redirect, a page that says so.
        for n, label in (('GH', 'Designated post, currently vacant'), ('IJ', "Don't know")):
            no_js.be(n)
            no_js.d.get(no_js.base + '/')
            if n == 'GH':
                no_js.check_a11y('question page (no script)')
                no_js.check_layout('question page (no script)')
            no_js.vote(label)
            no_js.wait_text('recorded')
            if not no_js.d.current_url.rstrip('/').endswith(str(ws.port)):
                fail('the vote without script did not come back to the page', ws)
        no_js.check_a11y('recorded page (no script)')
        ws.wait('Votes (5 of 5, hidden)')
        text = ws.file()
        for want in ('AB: none', 'CD: not-notified', 'EF: informal', 'GH: vacant', 'IJ: dont-know'):
            if want not in text:
                fail('%s is not in the answers file' % want, ws)
        # The reveal reaches the page with script; then the next question.
        with_js.be('EF')
        with_js.d.get(with_js.base + '/')
        with_js.d.execute_script('window.ysMarker = 43;')
        ws.keys('v')
        ws.wait('Spread of the votes')
        with_js.wait_text('Proposed:')
        with_js.check_a11y('spread page')
        with_js.shot('live-spread')
        ws.keys('Enter')
        ws.wait('Question 2 of')
        with_js.wait_text('Question 2 of')
        if with_js.d.execute_script('return window.ysMarker;') != 43:
            fail('the page reloaded to follow the facilitator', ws)
        # Without script the page shows the new question on a reload.
        no_js.d.get(no_js.base + '/')
        no_js.wait_text('Question 2 of')
        ws.keys('q')
        if ws.exit_code() != 0:
            fail('the workshop did not exit 0', ws)
    finally:
        for d in drivers:
            try:
                d.quit()
            except Exception:
                pass
        ws.close()
    print('ok')


if __name__ == '__main__':
    main()

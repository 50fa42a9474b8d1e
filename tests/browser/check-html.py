#!/usr/bin/env python3
"""usage: check-html.py BINARY TESTS_DIR [--png FILE] [--keep DIR]

The HTML scorecard in a real browser (DESIGN section 8): for each answers
file of the test corpus, `scorecard --format html` is opened from a file://
URL in headless Chromium (Debian's chromium and chromium-driver, driven by
python3-selenium), and the test fails when

- axe-core (tests/browser/node_modules/axe-core, installed by
  scripts/lib.sh) finds any violation of WCAG 2.0, 2.1 or 2.2 at level A
  or AA;
- the page asks the network for anything but the file itself (the
  browser's own request log, from the DevTools protocol, and the page's
  resource timing entries), or holds a script, a link, an iframe or an
  image from anywhere;
- the headings skip a level, the page has no lang or no title, a table
  has no header cells, or the chart is not inline with a text alternative;
- the page is wider than a 320 CSS pixel window (WCAG 1.4.10, reflow),
  or, in print media, wider than the space inside the A4 margins;
- printed to PDF (Page.printToPDF, A4 from the page's own @page rule),
  it has no page, any word that pdftotext -bbox finds lies outside its
  page or in the page's margins, or the words are smaller than 10 pt text
  gives (the browser shrank a page too wide for the paper).

With --png FILE, the first page of the example assessment's PDF is also
saved as a PNG at 60 dpi (pdftoppm), for the README; --keep DIR keeps the
HTML and PDF files there. Nothing is skipped: a missing browser, driver,
axe-core or poppler tool is a failure that says what to install.
"""
import base64
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# @page margins of report_html.c: 18 mm top and bottom, 16 mm left and
# right; PDF points are 1/72 inch.
MM = 72.0 / 25.4
MARGIN_X, MARGIN_Y = 16 * MM, 18 * MM
SLACK = 1.5     # points: glyph boxes may reach a little past their line
# The width inside the margins in CSS pixels (96 to the inch).
CONTENT_PX = (210 - 2 * 16) / 25.4 * 96
# Printed text is 10 pt, so its words' boxes are about 11.5 pt high; a
# browser shrinks a page whose content is wider than the paper to fit it,
# which shows as smaller words.
MIN_WORD_HEIGHT = 10.5

args = sys.argv[1:]
png_out = keep = None
if "--png" in args:
    i = args.index("--png")
    png_out = os.path.abspath(args[i + 1])
    del args[i:i + 2]
if "--keep" in args:
    i = args.index("--keep")
    keep = os.path.abspath(args[i + 1])
    del args[i:i + 2]
if len(args) != 2:
    print(__doc__)
    sys.exit(2)
binary = os.path.abspath(args[0])
tests_dir = os.path.abspath(args[1])
here = os.path.dirname(os.path.abspath(__file__))
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, flush=True)


def need(cond, what):
    if not cond:
        print("FAIL: " + what)
        print("browser: 0 pages checked, 1 failures")
        sys.exit(1)


axe_path = os.path.join(here, "node_modules", "axe-core", "axe.min.js")
need(os.path.isfile(axe_path),
     "%s is missing: scripts/test installs it, or run `npm ci` in %s" % (axe_path, here))
for tool in ("chromium", "chromedriver", "pdftotext", "pdftoppm", "pdfinfo"):
    need(shutil.which(tool), "%s not found: install the Debian packages "
         "chromium, chromium-driver and poppler-utils" % tool)
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    # Debian's python3-selenium is for the system's python3; another
    # python3 first on PATH (a virtual environment, pyenv) lacks it.
    system = "/usr/bin/python3"
    if os.path.exists(system) and os.path.realpath(sys.executable) != \
            os.path.realpath(system):
        os.execv(system, [system] + sys.argv)
    need(False, "python3-selenium is not installed")

with open(axe_path, encoding="utf-8") as f:
    axe_source = f.read()

CASES = [
    # name, answers file, YARDSTICK_PATH (None: the bundled questionnaire)
    ("example", "data/example-assessment.yaml", None),
    ("hostile", "data/small-hostile.yaml", "data/questionnaires"),
    ("workshop", "data/small-workshop.yaml", "data/questionnaires"),
    ("provisional", "data/small-provisional.yaml", "data/questionnaires"),
]

work = tempfile.mkdtemp(prefix="ys-browser-")
out_dir = keep or work
os.makedirs(out_dir, exist_ok=True)


def scorecard(answers, path, dest):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("YARDSTICK_PATH", None)
    if path:
        env["YARDSTICK_PATH"] = path
    p = subprocess.run([binary, "scorecard", "--format", "html", answers],
                       cwd=tests_dir, env=env, capture_output=True)
    if p.returncode != 0 or p.stderr:
        fail("%s: scorecard exit %d: %s" % (answers, p.returncode,
                                            p.stderr.decode(errors="replace")))
    with open(dest, "wb") as f:
        f.write(p.stdout)
    return p.stdout.decode("utf-8")


def start_browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--window-size=1100,900",
              "--user-data-dir=" + os.path.join(work, "profile")):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")),
                            options=opts)


def requests_made(driver, url):
    """URLs that the page at url asked for, from the DevTools protocol's
    log: the page itself, then anything whose document is the page (the
    browser's own tabs, such as its new tab page, are not the page's)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") != "Network.requestWillBeSent":
            continue
        p = msg["params"]
        if p.get("documentURL") == url or p["request"]["url"] == url:
            urls.append(p["request"]["url"])
    return urls


def static_checks(name, page):
    for rx, what in ((r"<script\b", "a script"), (r"<link\b", "a link element"),
                     (r"<iframe\b", "an iframe"), (r"<img\b", "an image"),
                     (r"<object\b|<embed\b", "an embedded object"),
                     (r"<[^>]*\ssrc\s*=", "a src attribute"),
                     (r"<[^>]*\shref\s*=", "an href attribute"),
                     (r"url\(", "a CSS url()"), (r"@import", "a CSS @import"),
                     (r"<[^>]*\son[a-z]+\s*=", "an event handler attribute")):
        if re.search(rx, page, re.I):
            fail("%s: the page holds %s" % (name, what))
    if not page.startswith("<!DOCTYPE html>\n<html lang=\"en-GB\">"):
        fail("%s: no HTML5 doctype with lang=\"en-GB\"" % name)
    if '<meta charset="utf-8">' not in page:
        fail("%s: no <meta charset=\"utf-8\">" % name)
    if "<?xml" in page:
        fail("%s: the chart kept its XML declaration" % name)


VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area",
        "base", "source", "track", "embed", "param"}


class Balance(html.parser.HTMLParser):
    """Every element the page opens is closed, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> at line %d closes <%s>" % (
                tag, self.getpos()[0], self.stack[-1] if self.stack else ""))
        else:
            self.stack.pop()


def balance_check(name, page):
    b = Balance()
    b.feed(page)
    b.close()
    if b.errors or b.stack:
        fail("%s: unbalanced elements: %s, left open: %s" % (
            name, b.errors[:3], b.stack))


PAGE_JS = r"""
const heads = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
  .map(h => +h.tagName[1]);
const svg = document.querySelector('figure > svg');
const cap = svg && document.getElementById(svg.getAttribute('aria-labelledby'));
return {
  lang: document.documentElement.lang,
  title: document.title,
  heads: heads,
  tables: [...document.querySelectorAll('table')].map(t =>
    t.querySelectorAll('thead th[scope=col]').length),
  svg: svg ? {role: svg.getAttribute('role'), w: svg.getBoundingClientRect().width,
              caption: cap ? cap.textContent : ''} : null,
  resources: performance.getEntriesByType('resource').map(e => e.name),
  scripts: document.scripts.length,
};
"""

AXE_JS = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',
    'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']},
    resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({id: v.id,
      impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' +
        n.failureSummary)})), passes: r.passes.length,
      version: axe.version}))
  .catch(e => done({error: String(e)}));
"""


def check_pdf(name, pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    pages = int(m.group(1)) if m else 0
    if pages < 1:
        fail("%s: the PDF has no pages: %s" % (name, info.stdout + info.stderr))
        return 0
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.M)
    if not size or abs(float(size.group(1)) - 595.28) > 1 or \
       abs(float(size.group(2)) - 841.89) > 1:
        fail("%s: the PDF pages are not A4: %s" % (name, size and size.group(0)))
    bbox = os.path.join(work, name + ".bbox.html")
    subprocess.run(["pdftotext", "-bbox", pdf, bbox], check=True)
    with open(bbox, encoding="utf-8") as f:
        doc = f.read()
    # pdftotext writes XHTML; drop the namespace for simple parsing.
    root = ET.fromstring(doc.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    words = outside = in_margin = 0
    heights = sorted(float(w.get("yMax")) - float(w.get("yMin"))
                     for w in root.iter("word"))
    if heights and heights[len(heights) // 2] < MIN_WORD_HEIGHT:
        fail("%s: the printed words are %.1f pt high (median), not about "
             "11.5: the page was shrunk to fit the paper" % (
                 name, heights[len(heights) // 2]))
    for pno, page in enumerate(root.iter("page"), 1):
        pw, ph = float(page.get("width")), float(page.get("height"))
        for w in page.iter("word"):
            words += 1
            x0, y0 = float(w.get("xMin")), float(w.get("yMin"))
            x1, y1 = float(w.get("xMax")), float(w.get("yMax"))
            if x0 < 0 or y0 < 0 or x1 > pw or y1 > ph:
                outside += 1
                fail("%s: page %d: \"%s\" lies outside the page (%.1f,%.1f)-"
                     "(%.1f,%.1f) on %.1fx%.1f" % (name, pno, w.text, x0, y0,
                                                    x1, y1, pw, ph))
            elif x0 < MARGIN_X - SLACK or x1 > pw - MARGIN_X + SLACK or \
                    y0 < MARGIN_Y - SLACK or y1 > ph - MARGIN_Y + SLACK:
                in_margin += 1
                if in_margin <= 5:
                    fail("%s: page %d: \"%s\" runs into the margin (%.1f,%.1f)-"
                         "(%.1f,%.1f)" % (name, pno, w.text, x0, y0, x1, y1))
    if words == 0:
        fail("%s: pdftotext finds no text in the PDF" % name)
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                          text=True).stdout
    for s in ("Profile", "Action plan", "What this is not"):
        if s not in text:
            fail("%s: the PDF does not show \"%s\"" % (name, s))
    print("%s: %d PDF pages, %d words, %d outside a page, %d in a margin" % (
        name, pages, words, outside, in_margin), flush=True)
    return pages


driver = None
checked = 0
try:
    driver = start_browser()
    for name, answers, path in CASES:
        html_file = os.path.join(out_dir, name + ".html")
        source = scorecard(answers, path, html_file)
        static_checks(name, source)
        balance_check(name, source)
        url = "file://" + html_file
        driver.get_log("performance")          # drop earlier entries
        driver.set_window_size(1100, 900)
        driver.get(url)
        page = driver.execute_script(PAGE_JS)
        made = requests_made(driver, url)
        others = [u for u in made if u != url]
        if url not in made:
            fail("%s: the request log does not show the page itself" % name)
        if others:
            fail("%s: the page asked for %s" % (name, ", ".join(others[:5])))
        if page["resources"]:
            fail("%s: resource timing shows %s" % (name, page["resources"][:5]))
        if page["lang"] != "en-GB" or not page["title"].startswith("Scorecard: "):
            fail("%s: lang %r, title %r" % (name, page["lang"], page["title"]))
        heads = page["heads"]
        if not heads or heads[0] != 1 or heads.count(1) != 1:
            fail("%s: the page does not start with its one h1: %s" % (name, heads))
        for a, b in zip(heads, heads[1:]):
            if b > a + 1:
                fail("%s: heading h%d follows h%d" % (name, b, a))
                break
        if not page["tables"] or 0 in page["tables"]:
            fail("%s: a table has no column header cells: %s" % (name, page["tables"]))
        svg = page["svg"]
        if not svg or svg["role"] != "img" or svg["w"] < 100 or \
           len(svg["caption"]) < 40:
            fail("%s: no inline chart with role=img and a caption: %s" % (name, svg))
        # axe-core, injected into the page and run on it.
        driver.execute_script(axe_source)
        driver.set_script_timeout(60)
        res = driver.execute_async_script(AXE_JS)
        if "error" in res:
            fail("%s: axe-core failed: %s" % (name, res["error"]))
        else:
            for v in res["violations"]:
                fail("%s: axe %s (%s): %s\n    %s" % (
                    name, v["id"], v["impact"], v["help"],
                    "\n    ".join(v["nodes"])))
            print("%s: axe-core %s, %d rules passed, %d violations" % (
                name, res["version"], res["passes"], len(res["violations"])),
                flush=True)
        # Reflow: nothing wider than a 320 CSS pixel window.
        driver.set_window_size(320, 900)
        inner = driver.execute_script("return window.innerWidth")
        wide = driver.execute_script(
            "return document.documentElement.scrollWidth")
        if inner <= 400 and wide > inner:
            fail("%s: at %d CSS pixels the page is %d wide" % (name, inner, wide))
        driver.set_window_size(1100, 900)
        # In print media, at the width inside the A4 margins, nothing is
        # wider than the paper.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": int(CONTENT_PX), "height": 1000, "deviceScaleFactor": 1,
            "mobile": False})
        wide = driver.execute_script(
            "return document.documentElement.scrollWidth")
        if wide > int(CONTENT_PX):
            fail("%s: printed, the page is %d CSS pixels wide, more than the "
                 "%d inside the A4 margins" % (name, wide, int(CONTENT_PX)))
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        # Printed to PDF, A4 from the page's own @page rule.
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {
            "preferCSSPageSize": True, "printBackground": False})
        pdf_file = os.path.join(out_dir, name + ".pdf")
        with open(pdf_file, "wb") as f:
            f.write(base64.b64decode(pdf["data"]))
        check_pdf(name, pdf_file)
        if name == "example" and png_out:
            stem = os.path.join(work, "first")
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                            "-singlefile", pdf_file, stem], check=True)
            shutil.copyfile(stem + ".png", png_out)
            print("saved", png_out)
        checked += 1
finally:
    if driver is not None:
        driver.quit()
    shutil.rmtree(work, ignore_errors=True)

print("browser: %d pages checked, %d failures" % (checked, len(failures)))
sys.exit(1 if failures or checked != len(CASES) else 0)

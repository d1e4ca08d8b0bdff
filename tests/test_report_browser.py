"""The HTML report in a real headless browser: it loads offline, every image renders, no script runs.

Uses the playwright Python package with Debian's Chromium (``/usr/bin/chromium``, which ``.ci/run``
installs); playwright's own browser downloads are never used. Skips when either is missing.
"""
from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("no Chromium installed (apt-get install chromium); the browser check is skipped")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    executable = chromium_path()
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, timeout=60_000)
        except sync_api.Error as error:  # e.g. a Chromium too old or too new for this playwright
            pytest.skip(f"Chromium at {executable} did not start under playwright: {error}")
        yield launched
        launched.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_renders_in_chromium(browser, report_context, tmp_path, lang):
    from umpanbalik.report import write_html

    path = write_html(report_context, tmp_path / f"laporan_{lang}.html", lang=lang)
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    problems, dialogs, requests = [], [], []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri(), wait_until="load")

    assert problems == []
    assert all(url.startswith("data:") or url == path.as_uri() for url in requests), requests  # nothing fetched
    images = page.evaluate("Array.from(document.images, i => [i.complete, i.naturalWidth, i.alt])")
    assert len(images) == len(report_context["gambar"])
    assert all(complete and width > 0 for complete, width, _ in images), images
    assert dialogs == [] and page.evaluate("document.scripts.length") == 0
    hostile = report_context["kutipan"]["materi"][-1]["teks"]  # "<script>alert(1)</script> …"
    assert hostile.startswith("<script>")
    quote = page.get_by_text(hostile, exact=False)
    assert quote.count() == 1 and quote.first.is_visible()
    assert page.locator("section").count() == 9
    shot = page.screenshot(path=str(tmp_path / f"laporan_{lang}.png"), full_page=True)
    page.close()
    assert (tmp_path / f"laporan_{lang}.png").stat().st_size > 50_000 and shot[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def analysis_report(tmp_path_factory):
    """The report of a real analysis (findings, every chart with its table), in both languages."""
    from umpanbalik import analyze, load_survey

    result = analyze(load_survey().iloc[::4], by=["instansi", "moda"], rating="nilai", barriers="alasan_tidak_ikut",
                     topics=4, progress=False)
    folder = tmp_path_factory.mktemp("laporan")
    return {lang: result.to_html(folder / f"laporan_{lang}.html", lang=lang) for lang in ("id", "en")}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", [1100, 760])
def test_findings_come_first_and_tables_fit_the_page(browser, analysis_report, lang, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(analysis_report[lang].as_uri(), wait_until="load")
    findings = page.locator("section#temuan")
    assert page.evaluate("document.querySelector('main section').id") == "temuan"
    assert findings.bounding_box()["y"] < 400  # on the first screen, under the title
    assert page.locator("ol.temuan > li").count() >= 5
    link = page.locator("ol.temuan a").first
    target = link.get_attribute("href")
    assert page.locator(target).count() == 1  # each "see quotes" link lands on its quotes
    overflow = page.evaluate("""Array.from(document.querySelectorAll('table.tabel'),
        t => [t.scrollWidth, t.closest('.table-wrap').clientWidth])""")
    assert overflow and all(table <= wrap + 1 for table, wrap in overflow), overflow
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.close()

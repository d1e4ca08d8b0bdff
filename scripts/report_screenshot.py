"""The README's picture of the report's first screen, from the bundled example survey.

    python scripts/report_screenshot.py [--output docs/laporan_layar_pertama.png] [--lang id]

Runs what ``make demo`` runs (``analyze`` with instansi, program and moda, the rating and the
why-not column), writes the HTML report to a temporary folder and photographs its first screen
(1280 × 900 CSS pixels) in headless Chromium through playwright, launched as
``tests/test_report_browser.py`` launches it: Debian's ``/usr/bin/chromium`` (``apt-get install
chromium``), never a downloaded browser.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "laporan_layar_pertama.png")
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from umpanbalik import analyze, load_survey

    result = analyze(load_survey(), by=["instansi", "program", "moda"], rating="nilai", barriers="alasan_tidak_ikut",
                     progress=False)
    with tempfile.TemporaryDirectory() as folder:
        report = result.to_html(Path(folder) / "laporan.html", lang=args.lang)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(report.as_uri(), wait_until="load")
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output))
            browser.close()
    print(args.output)


if __name__ == "__main__":
    main()

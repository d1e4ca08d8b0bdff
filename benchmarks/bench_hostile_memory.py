"""Peak memory of the three big hostile inputs of issue 19, each in a fresh process.

Usage: python benchmarks/bench_hostile_memory.py [--only workbook comment model]

* workbook: an .xlsx of about 0.9 MB whose shared strings hold one 314 MB cell (the issue's 601 KB
  file grew the process to 23.7 GB); also one holding a 200 MB cell (under the unpacked-size limit,
  so the cell scan is what refuses it). ``umpanbalik analyze`` must end with a clear error.
* comment: one 200 MB comment (a 200 MB CSV file with 40 short rows more) through ``umpanbalik
  analyze`` with topics, every export written; and the same comment given to ``analyze`` as a list,
  then ``to_csv``, ``to_excel``, ``to_html`` (this raised MemoryError in ``_ngrams._char_counts``).
* model: a saved model whose ``schema.json`` is padded to unpack 400 MB more, given to
  ``umpanbalik.load`` (which loaded it with no cap: +815 MB).

Peak memory is the maximum resident set size of the process (``os.wait4``'s ``ru_maxrss``); the
target is under 2 GiB for each. The hostile files are written by ``tests/hostile.py`` into a
temporary folder (about 1.3 GB of disk while the comment case runs).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import write_inflated_model, write_workbook  # noqa: E402

LIMIT_MIB = 2048
COMMENT_BYTES = 200_000_000
_SENTENCE = "materi bagus tapi waktunya kurang, mohon jadwal diperpanjang ya pak "

_API_RUN = r'''
import sys
from pathlib import Path
from umpanbalik import analyze
n, folder = int(sys.argv[1]), Path(sys.argv[2])
huge = (SENTENCE * (n // len(SENTENCE) + 1))[:n]
result = analyze([huge, "materi bagus", "waktu kurang", "metode oke", "-"] * 1, topics=False, progress=False)
result.to_csv(folder / "k.csv"); result.to_excel(folder / "k.xlsx"); result.to_html(folder / "k.html")
print("html", (folder / "k.html").stat().st_size, "csv", (folder / "k.csv").stat().st_size)
'''.replace("SENTENCE", repr(_SENTENCE))


def run(arguments: list[str]) -> dict:
    """Run a command; its exit code, peak RSS of this process alone (MiB, from ``os.wait4``), seconds,
    and the last line of its output and of its error output."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(arguments, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    return {"code": process.returncode, "peak_mib": usage.ru_maxrss / 1024, "seconds": time.perf_counter() - start,
            "out": (stdout.strip().splitlines() or [""])[-1][:160], "err": (stderr.strip().splitlines() or [""])[-1][:160]}


def workbook_cases(folder: Path) -> list[tuple[str, dict]]:
    rows = []
    for megabytes in (314, 200):
        path = write_workbook(folder / f"sel_{megabytes}mb.xlsx", ["materi bagus", "waktu kurang"],
                              huge_cell=megabytes * 1_000_000)
        result = run([sys.executable, "-m", "umpanbalik", "analyze", str(path), "--output", str(folder / "hasil_xlsx")])
        result["size"] = f"{path.stat().st_size / 1e3:,.0f} KB"
        rows.append((f"workbook, one {megabytes} MB cell", result))
        path.unlink()
    return rows


def comment_cases(folder: Path) -> list[tuple[str, dict]]:
    path = folder / "komentar_200mb.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("komentar,nilai\n\"")
        block = _SENTENCE * 15_000
        for _ in range(COMMENT_BYTES // len(block)):
            handle.write(block)
        handle.write(block[: COMMENT_BYTES % len(block)] + "\",4\n")
        for i in range(20):
            handle.write(f"materi bagus nomor {i},5\nwaktu kurang dan jadwal padat,3\n")
    rows = []
    cli = run([sys.executable, "-m", "umpanbalik", "analyze", str(path), "--output", str(folder / "hasil_csv"),
                     "--no-progress"])
    html = folder / "hasil_csv" / "laporan.html"
    cli["size"] = f"HTML {html.stat().st_size / 1e6:.1f} MB" if html.exists() else "-"
    rows.append(("200 MB comment, CLI (CSV file, topics, 3 exports)", cli))
    path.unlink()
    for written in (folder / "hasil_csv").iterdir():
        written.unlink()
    (folder / "api").mkdir()
    api = run([sys.executable, "-c", _API_RUN, str(COMMENT_BYTES), str(folder / "api")])
    api["size"] = api["out"]
    rows.append(("200 MB comment, analyze([...]) + 3 exports", api))
    return rows


def model_cases(folder: Path) -> list[tuple[str, dict]]:
    script = ("import sys; from umpanbalik import Preprocessor, save; save(Preprocessor(), sys.argv[1])")
    genuine = folder / "asli.skops"
    subprocess.run([sys.executable, "-c", script, str(genuine)], check=True)
    inflated = write_inflated_model(genuine, folder / "kembung.skops", 400_000_000)
    load = "import sys; from umpanbalik import load; load(sys.argv[1])"
    result = run([sys.executable, "-c", load, str(inflated)])
    result["size"] = f"{inflated.stat().st_size / 1e3:,.0f} KB"
    return [("model file, schema inflating by 400 MB", result)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=["workbook", "comment", "model"], default=["workbook", "comment", "model"])
    args = parser.parse_args()
    cases = {"workbook": workbook_cases, "comment": comment_cases, "model": model_cases}
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as folder:
        rows = []
        for name in args.only:
            rows += cases[name](Path(folder))
    print(f"{'case':52} {'file':>16} {'exit':>4} {'peak MiB':>9} {'seconds':>8}  ok")
    for label, result in rows:
        ok = result["peak_mib"] < LIMIT_MIB
        print(f"{label:52} {result.get('size', ''):>16} {result['code']:>4} {result['peak_mib']:>9,.0f} {result['seconds']:>8.1f}"
              f"  {'yes' if ok else 'NO'}")
        print(f"    {result['err'] or result['out']}")


if __name__ == "__main__":
    main()

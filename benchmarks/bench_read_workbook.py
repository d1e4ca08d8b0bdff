"""Reading a survey workbook (.xlsx): the library's reader against pandas' openpyxl reader, in one run.

Usage: python benchmarks/bench_read_workbook.py [--sizes 1566 100000] [--repeat 3]

The workbook is the frame of ``bench_end_to_end.py`` (the bundled survey's columns, comments sampled
and perturbed from the corpus) written once with openpyxl, as a form export is; ``1566`` is the
bundled survey itself. Each reading runs in a fresh process (imports included) and the median
wall time of ``--repeat`` runs is printed:

* umpanbalik: ``umpanbalik._tables.read_table`` — the archive checked against the limits (size,
  longest cell), then read through python-calamine in a child process bounded in memory (the frame
  sent back pickled), every cell as text;
* baseline: ``pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")``, what the
  library did before and what a notebook user writes.

The two tables are compared cell by cell (an error cell such as ``#N/A`` is blank in ours, NaN in
openpyxl's: there are none here).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import fresh_process_env  # noqa: E402

_READ = r'''
import sys
import pandas as pd
if sys.argv[1] == "umpanbalik":
    from umpanbalik._tables import read_table
    frame = read_table(sys.argv[2])
else:
    frame = pd.read_excel(sys.argv[2], dtype=str, keep_default_na=False, engine="openpyxl")
frame.to_pickle(sys.argv[3])
'''


def timed_read(mode: str, path: Path, out: Path) -> float:
    env = fresh_process_env()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _READ, mode, str(path), str(out)], check=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1566, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import pandas as pd

    from bench_end_to_end import build_frame

    print(f"load average before: {', '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            if n == 1566:
                path = ROOT / "data" / "contoh_survei.xlsx"
            else:
                path = Path(folder) / f"ekspor_{n}.xlsx"
                build_frame(n).to_excel(path, index=False, engine="openpyxl")
            ours, theirs = [], []
            for _ in range(args.repeat):  # interleaved: a busy moment of the machine hits both
                ours.append(timed_read("umpanbalik", path, Path(folder) / "ours.pkl"))
                theirs.append(timed_read("openpyxl", path, Path(folder) / "theirs.pkl"))
            same = pd.read_pickle(Path(folder) / "ours.pkl").equals(pd.read_pickle(Path(folder) / "theirs.pkl"))
            mine, base = statistics.median(ours), statistics.median(theirs)
            print(f"{n:>9,} rows ({path.stat().st_size / 1e6:.1f} MB): umpanbalik read_table {mine:6.2f} s | "
                  f"pandas + openpyxl {base:6.2f} s | {base / mine:.1f}x faster | same cells: {same}", flush=True)
    print(f"load average after: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()

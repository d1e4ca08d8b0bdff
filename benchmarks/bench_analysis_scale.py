"""Speed and memory of everything an ``Analysis`` does after ``analyze()``, at 10k, 100k and 1M comments.

Usage: python benchmarks/bench_analysis_scale.py [--sizes 10000 100000 1000000] [--base 20000]
       [--distinct] [--methods summary to_excel ...] [--cache /tmp/umpanbalik_scale]

The models run once: ``analyze(frame, by="instansi", rating="nilai", barriers="alasan_tidak_ikut")`` on
``--base`` survey-like rows (``bench_end_to_end.build_frame``); larger sizes tile that result (new unique
index), so every comment appears size/base times. ``--distinct`` appends a per-copy token to the
comment and to ``teks_bersih`` so that de-duplication (quotes) sees every row as different.

Each method runs in a forked child of a process that holds the tiled ``Analysis`` (heavy libraries
imported beforehand, so the times are work, not imports). The child resets its peak-RSS mark
(``/proc/self/clear_refs``) and reports wall seconds, the peak resident memory of the process
(``VmHWM``, the Analysis included) and its rise over the resident memory at the start (Δ). The last
columns are each size's seconds and Δ divided by those at the smallest size: 10 for a linear method
from 10k to 100k, 100 to 1M.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def base_analysis(n: int, cache: Path) -> Any:
    """The Analysis of ``n`` generated rows, cached as a pickle (the models are the slow part)."""
    path = cache / f"base_{n}.pkl"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    from bench_end_to_end import build_frame
    from umpanbalik import analyze

    result = analyze(build_frame(n), by="instansi", rating="nilai", barriers="alasan_tidak_ikut", progress=False)
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return result


def tiled(base: Any, n: int, *, distinct: bool = False) -> Any:
    """An Analysis of ``n`` rows: ``base.comments`` repeated, with a new unique index."""
    import pandas as pd

    from umpanbalik.analysis import Analysis

    copies = []
    for copy in range(math.ceil(n / len(base.comments))):
        part = base.comments
        if distinct and copy:
            part = part.assign(**{base.text: part[base.text].astype(str) + f" (salinan {copy})",
                                  "teks_bersih": part["teks_bersih"] + f" salinan{copy}"})
        copies.append(part)
    comments = pd.concat(copies, ignore_index=True).iloc[:n]
    comments.index = pd.RangeIndex(n)
    return Analysis(comments, text=base.text, by=list(base.by), rating=base.rating,
                    barriers=base.barrier_column if base.barrier_column != base.text else None, task=base.task,
                    topic_model=base.topic_model, names=list(base.names), lang=base.lang, notes=list(base.notes),
                    random_state=base.random_state)


def methods(folder: Path) -> dict[str, Callable[[Any], Any]]:
    from umpanbalik.analysis import ASPECTS, SENTIMENTS

    def all_quotes(a: Any) -> None:
        for aspect in ASPECTS:
            a.quotes(aspect)
            for sentiment in SENTIMENTS:
                a.quotes(aspect, sentiment)
        for sentiment in SENTIMENTS:
            a.quotes(sentiment=sentiment)

    def cli_export(a: Any) -> None:
        from umpanbalik.cli import MESSAGES, _export

        _export(a, folder / "cli", MESSAGES["id"])

    return {
        "summary": lambda a: a.summary(),
        "sentiment_table": lambda a: a.sentiment_table(),
        "aspect_table": lambda a: a.aspect_table(),
        "topic_table": lambda a: a.topic_table(),
        "quotes(aspek)": lambda a: a.quotes("materi"),
        "quotes(all 19)": all_quotes,
        "quotes(hambatan)": lambda a: a.quotes(barrier="waktu_beban_kerja"),
        "compare": lambda a: a.compare("instansi"),
        "rating_by_aspect": lambda a: a.rating_by_aspect(),
        "rating_effects": lambda a: a.rating_effects(),
        "barriers": lambda a: a.barriers(),
        "barriers(by)": lambda a: a.barriers(by="instansi"),
        "plot_aspects": lambda a: a.plot_aspects(),
        "plot_topics": lambda a: a.plot_topics(),
        "plot_comparison": lambda a: a.plot_comparison(),
        "plot_ratings": lambda a: a.plot_ratings(),
        "plot_barriers": lambda a: a.plot_barriers(),
        "wordclouds": lambda a: a.wordclouds(),
        "wordclouds(sentimen)": lambda a: a.wordclouds("sentimen"),
        "to_frame": lambda a: a.to_frame(),
        "to_frame(flat,mask)": lambda a: a.to_frame(flat=True, mask=True),
        "to_csv": lambda a: a.to_csv(folder / "komentar.csv"),
        "to_excel": lambda a: a.to_excel(folder / "hasil.xlsx"),
        "to_html": lambda a: a.to_html(folder / "laporan.html"),
        "_repr_html_": lambda a: a._repr_html_(),
        "cli export": cli_export,
    }


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(analysis: Any, function: Callable[[Any], Any]) -> dict[str, Any]:
    """Seconds, peak MiB and Δ MiB of ``function(analysis)`` in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report through the pipe, exit without cleanup
        os.close(read)
        try:
            Path("/proc/self/clear_refs").write_text("5")  # reset the peak-RSS mark to the current RSS
            start_rss = _status("VmRSS")
            start = time.perf_counter()
            function(analysis)
            report = {"seconds": time.perf_counter() - start, "peak": _status("VmHWM"), "start": start_rss}
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            report = {"error": f"{type(error).__name__}: {error}"[:300]}
        os.write(write, json.dumps(report).encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks) or b'{"error": "child died"}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--base", type=int, default=20_000, help="rows that run through the models once")
    parser.add_argument("--distinct", action="store_true", help="make every tiled copy's text unique")
    parser.add_argument("--methods", nargs="+", help="only these methods (names as printed)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "umpanbalik_scale")
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args()

    import matplotlib.figure  # noqa: F401 - imported once, so that no child times an import
    import openpyxl  # noqa: F401
    import scipy.stats  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401
    import wordcloud  # noqa: F401

    import umpanbalik.cli  # noqa: F401
    import umpanbalik.plots  # noqa: F401
    import umpanbalik.report  # noqa: F401

    base = base_analysis(args.base, args.cache)
    results: dict[int, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        table = methods(Path(folder))
        names = [m for m in table if not args.methods or m in args.methods]
        for n in args.sizes:
            analysis = tiled(base, n, distinct=args.distinct)
            analysis.summary()  # warm lazily loaded resources (stopwords, templates) in the parent
            results[n] = {}
            print(f"\n{n:,} comments ({'distinct' if args.distinct else 'tiled'}), RSS {_status('VmRSS'):,.0f} MiB", flush=True)
            for name in names:
                row = measure(analysis, table[name])
                results[n][name] = row
                if "error" in row:
                    print(f"  {name:<22} ERROR {row['error']}", flush=True)
                    continue
                line = f"  {name:<22} {row['seconds']:9.2f} s  peak {row['peak']:7,.0f} MiB  Δ {row['peak'] - row['start']:7,.0f} MiB"
                first = results[args.sizes[0]].get(name, {})
                if n != args.sizes[0] and "seconds" in first:
                    delta0 = max(first["peak"] - first["start"], 1.0)
                    line += (f"  | ×{row['seconds'] / max(first['seconds'], 1e-3):6.1f} time,"
                             f" ×{(row['peak'] - row['start']) / delta0:6.1f} Δ vs {args.sizes[0]:,}")
                print(line, flush=True)
            del analysis
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

"""How ``analyze`` scales to a million comments: throughput and peak memory, chunked and whole.

Usage: python benchmarks/bench_scale.py [--sizes 10000 100000 1000000] [--chunksize 100000]
                                        [--skip-baseline]

Inputs are survey CSV files built like ``bench_end_to_end`` (rows sampled from the bundled example
survey, each with a comment sampled from the corpus and the survey with small random edits, and a
why-not answer on 45% of the rows), written to a temporary folder. Every measurement runs in a fresh
process (models loaded from disk) and does the whole job: read the file, annotate every row, fit
topics, and build ``summary()``.

* chunked: ``analyze(path, chunksize=…, by="instansi", rating="nilai", barriers="alasan_tidak_ikut")``
  — the CSV streamed, each chunk annotated on every core (``n_jobs=-1``, the default).
* whole (baseline, same run): the same call without ``chunksize`` — the file read at once.

Memory is the peak of the proportional set size (PSS) summed over the process and its worker
processes, sampled every 0.1 s from ``/proc`` (Linux): shared pages of the forked workers are
counted once, so the figure is what the job costs the machine. ``ru_maxrss`` of the main process is
printed too. Throughput is comments per second; "scaling" is the throughput at each size relative to
the smallest, so 1.0 means linear.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import fresh_process_env  # noqa: E402

_WORKER = r'''
import json, os, resource, sys, threading, time
from pathlib import Path

def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            return next(int(line.split()[1]) for line in handle if line.startswith("Pss:"))
    except (OSError, StopIteration, ValueError):
        return 0

def tree(pid):
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                for child in handle.read().split():
                    pids.extend(tree(int(child)))
    except OSError:
        pass
    return pids

peak = [0]
stop = threading.Event()
def sample():
    while not stop.is_set():
        peak[0] = max(peak[0], sum(pss_kib(p) for p in tree(os.getpid())))
        stop.wait(0.1)

threading.Thread(target=sample, daemon=True).start()
start = time.perf_counter()
from umpanbalik import analyze
path, mode, chunksize = sys.argv[1], sys.argv[2], int(sys.argv[3])
options = dict(by="instansi", rating="nilai", barriers="alasan_tidak_ikut", progress=False)
if mode == "chunked":
    options["chunksize"] = chunksize
result = analyze(Path(path), **options)
annotated = time.perf_counter() - start
summary = result.summary()
seconds = time.perf_counter() - start
stop.set()
peak[0] = max(peak[0], sum(pss_kib(p) for p in tree(os.getpid())))
print(json.dumps({"seconds": seconds, "analyze_seconds": annotated, "rows": len(result.comments),
                  "topics": int(result.comments["topik"].max()) + 1, "peak_pss_mib": peak[0] / 1024,
                  "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def run(path: Path, mode: str, chunksize: int) -> dict:
    env = fresh_process_env()
    output = subprocess.run([sys.executable, "-c", _WORKER, str(path), mode, str(chunksize)], capture_output=True,
                            text=True, env=env, check=False)
    if output.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    from bench_end_to_end import build_frame

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--chunksize", type=int, default=100_000)
    parser.add_argument("--skip-baseline", action="store_true", help="measure the chunked path only")
    args = parser.parse_args()
    print(f"load average before: {', '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    first: float | None = None
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            path = Path(folder) / f"survei_{n}.csv"
            build_frame(n).to_csv(path, index=False)
            size = path.stat().st_size / 2**20
            chunked = run(path, "chunked", args.chunksize)
            assert chunked["rows"] == n, chunked
            rate = n / chunked["seconds"]
            first = first or rate
            line = (f"{n:>9,} comments ({size:5.0f} MiB CSV)  chunked: {chunked['seconds']:6.1f} s "
                    f"({chunked['analyze_seconds']:.1f} s analyze), {rate:6.0f} comments/s, scaling {rate / first:.2f}, "
                    f"peak {chunked['peak_pss_mib']:5.0f} MiB PSS ({chunked['maxrss_mib']:.0f} MiB maxrss)")
            if not args.skip_baseline:
                whole = run(path, "whole", args.chunksize)
                line += (f" | whole: {whole['seconds']:6.1f} s, peak {whole['peak_pss_mib']:5.0f} MiB PSS"
                         f" | time ratio {whole['seconds'] / chunked['seconds']:.2f}x,"
                         f" memory ratio {whole['peak_pss_mib'] / chunked['peak_pss_mib']:.2f}x")
            print(line, flush=True)
            path.unlink()
    print(f"load average after: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print("target: 1,000,000 comments with peak memory < 4 GiB (4,096 MiB)")


if __name__ == "__main__":
    main()

"""Build the bundled example survey export from the team-written parts in ``data/raw/survei/``.

Usage: python scripts/build_survey.py

Writes ``src/umpanbalik/resources/contoh_survei.csv`` (shipped in the package, read by
``umpanbalik.load_survey()``; ``data/contoh_survei.csv`` links to it) and ``data/contoh_survei.xlsx``.
The rows are ordered as a form export is: by submission date, and within one date in a fixed
pseudo-random order (seeded), so that the build is deterministic. Every response gets an id.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PARTS = sorted((ROOT / "data/raw/survei").glob("part_*.jsonl"))
COLUMNS = ["id_responden", "tanggal", "instansi", "program", "angkatan", "moda", "nilai", "komentar", "alasan_tidak_ikut"]
CSV = ROOT / "src/umpanbalik/resources/contoh_survei.csv"
XLSX = ROOT / "data/contoh_survei.xlsx"
FIXED_TIME = dt.datetime(2026, 11, 28)


def read_parts() -> list[dict]:
    rows = []
    for part in PARTS:
        for line in part.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def main() -> None:
    rows = read_parts()
    random.Random(2026).shuffle(rows)
    rows.sort(key=lambda row: row["tanggal"])  # stable: the shuffle orders rows within a date
    frame = pd.DataFrame(rows)
    frame.insert(0, "id_responden", [f"R{i:04d}" for i in range(1, len(frame) + 1)])
    frame["nilai"] = frame["nilai"].astype("Int64")
    frame = frame[COLUMNS]
    frame.to_csv(CSV, index=False, encoding="utf-8", lineterminator="\n")
    with pd.ExcelWriter(XLSX, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="respon", index=False)
        properties = writer.book.properties
        properties.creator = properties.lastModifiedBy = "umpanbalik"
        properties.created = properties.modified = FIXED_TIME
        properties.title = "Contoh ekspor survei evaluasi pelatihan (ilustratif, bukan data nyata)"
    print(f"{len(frame)} responses -> {CSV.relative_to(ROOT)}, {XLSX.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

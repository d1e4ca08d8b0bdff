"""Assemble the shipped corpora from the team's hand-written parts in data/raw/.

    python scripts/build_corpus.py

Reads data/raw/part*.jsonl (comments) and data/raw/barriers*.jsonl (answers), applies the adjudicated labels
of the double-labelled sample (data/raw/double_label/adjudicated.jsonl, when present), drops exact
duplicates (case-insensitive), and writes, deterministically:
- src/umpanbalik/resources/korpus_evaluasi.csv
- src/umpanbalik/resources/korpus_hambatan.csv
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
OUT = ROOT / "src" / "umpanbalik" / "resources"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def row_id(prefix: str, text: str) -> str:
    return prefix + hashlib.sha1(text.strip().lower().encode("utf-8")).hexdigest()[:10]


def unique(rows: list[dict]) -> list[dict]:
    seen: set[str] = set()
    kept = []
    for row in rows:
        key = row["teks"].strip().lower()
        if key and key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def build_comments() -> int:
    rows = []
    # in the order they were written: part10 after part9 (a plain sort put it first)
    for path in sorted(RAW.glob("part*.jsonl"), key=lambda p: int(re.match(r"part(\d+)", p.stem).group(1))):
        for row in read_jsonl(path):
            row["sumber"] = path.stem
            rows.append(row)
    rows = unique(rows)
    adjudicated_path = RAW / "double_label" / "adjudicated.jsonl"
    adjudicated = {}
    if adjudicated_path.exists():
        adjudicated = {r["id"]: r for r in read_jsonl(adjudicated_path)}
    with (OUT / "korpus_evaluasi.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "teks", "sentimen", "aspek", "aspek_sentimen", "saran", "non_informatif", "konteks", "sumber"])
        for row in rows:
            identifier = row_id("k", row["teks"])
            row = {**row, **{k: v for k, v in adjudicated.get(identifier, {}).items() if k not in ("teks", "id", "alasan")}}
            aspects = [a for a in ("materi", "metode", "relevansi", "waktu") if a in row["aspek"]]
            writer.writerow([
                identifier,
                row["teks"],
                row["sentimen"],
                ";".join(aspects),
                ";".join(f"{a}:{row['aspek_sentimen'][a]}" for a in aspects),
                int(bool(row["saran"])),
                int(bool(row["non_informatif"])),
                row.get("konteks", ""),
                row["sumber"],
            ])
    return len(rows)


def build_barriers() -> int:
    # barriers.jsonl first, then barriers_part2.jsonl … in the order they were written
    paths = sorted(RAW.glob("barriers*.jsonl"), key=lambda p: int(re.search(r"part(\d+)", p.stem).group(1)) if "part" in p.stem else 1)
    rows = unique([row for path in paths for row in read_jsonl(path)])
    adjudicated_path = RAW / "double_label" / "adjudicated.jsonl"
    adjudicated = {}
    if adjudicated_path.exists():
        adjudicated = {r["id"]: r for r in read_jsonl(adjudicated_path) if "hambatan" in r}
    order = ["waktu_beban_kerja", "relevansi", "minat", "dukungan_pimpinan", "akses_biaya", "informasi", "teknis", "lainnya"]
    with (OUT / "korpus_hambatan.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "teks", "hambatan", "konteks"])
        for row in rows:
            identifier = row_id("h", row["teks"])
            chosen = adjudicated.get(identifier, row)["hambatan"]
            labels = [b for b in order if b in chosen]
            writer.writerow([identifier, row["teks"], ";".join(labels), row.get("konteks", "")])
    return len(rows)


if __name__ == "__main__":
    print(f"korpus_evaluasi.csv: {build_comments()} comments; korpus_hambatan.csv: {build_barriers()} answers")

"""Validate a hand-written part of the example survey export (JSON Lines).

Usage: python scripts/validate_survey_part.py data/raw/survei/FILE.jsonl

Each line is one survey response:
  {"instansi": str, "program": str, "angkatan": str, "moda": "daring|luring|blended",
   "tanggal": "YYYY-MM-DD", "nilai": 1-5 or null, "komentar": str, "alasan_tidak_ikut": str}
`komentar` and `alasan_tidak_ikut` may be "" (left blank in the form). Text must be new: a row may not
share an 8-word sequence with the labelled training corpus or with another survey part.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIELDS = {"instansi", "program", "angkatan", "moda", "tanggal", "nilai", "komentar", "alasan_tidak_ikut"}
MODES = {"daring", "luring", "blended"}


def shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def corpus_shingles() -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for name in ("korpus_evaluasi.csv", "korpus_hambatan.csv"):
        with open(ROOT / "src/umpanbalik/resources" / name, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                grams |= shingles(row["teks"])
    return grams


def read(path: Path) -> tuple[list[dict], list[str]]:
    rows, errors = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: not JSON ({exc})")
            continue
        row["_line"] = number
        rows.append(row)
    return rows, errors


def main(path: str) -> int:
    target = Path(path)
    rows, errors = read(target)
    for row in rows:
        n = row["_line"]
        missing = FIELDS - set(row)
        if missing:
            errors.append(f"line {n}: missing fields {sorted(missing)}")
            continue
        for field in ("instansi", "program", "angkatan", "komentar", "alasan_tidak_ikut"):
            if not isinstance(row[field], str):
                errors.append(f"line {n}: {field} must be a string")
        if row["moda"] not in MODES:
            errors.append(f"line {n}: moda must be one of {sorted(MODES)}")
        if row["nilai"] is not None and row["nilai"] not in (1, 2, 3, 4, 5):
            errors.append(f"line {n}: nilai must be 1-5 or null")
        try:
            day = dt.date.fromisoformat(row["tanggal"])
            if not dt.date(2024, 1, 1) <= day <= dt.date(2026, 11, 1):
                errors.append(f"line {n}: tanggal outside 2024-01-01..2026-11-01")
        except (TypeError, ValueError):
            errors.append(f"line {n}: tanggal must be YYYY-MM-DD")
    texts = [r.get("komentar", "") for r in rows if isinstance(r.get("komentar"), str)]
    reasons = [r.get("alasan_tidak_ikut", "") for r in rows if isinstance(r.get("alasan_tidak_ikut"), str)]
    long_texts = [t for t in texts + reasons if len(t.split()) >= 4]
    exact = [t for t, c in Counter(t.strip().lower() for t in long_texts).items() if c > 1]
    corpus = corpus_shingles()
    others: set[tuple[str, ...]] = set()
    for other in target.parent.glob("*.jsonl"):
        if other.resolve() != target.resolve():
            for row in read(other)[0]:
                others |= shingles(str(row.get("komentar", ""))) | shingles(str(row.get("alasan_tidak_ikut", "")))
    seen: set[tuple[str, ...]] = set()
    near = from_corpus = from_others = 0
    for text in long_texts:
        grams = shingles(text)
        near += bool(grams & seen)
        from_corpus += bool(grams & corpus)
        from_others += bool(grams & others)
        seen |= grams
    for line in errors[:50]:
        print(line)
    blank = sum(not t.strip() for t in texts)
    answered = sum(bool(t.strip()) for t in reasons)
    ratings = Counter(r.get("nilai") for r in rows)
    print(f"rows={len(rows)} errors={len(errors)} exact_duplicates(>=4 words)={len(exact)} "
          f"sharing_8_words: within={near} with_training_corpus={from_corpus} with_other_parts={from_others}")
    print(f"blank komentar={blank} answered alasan_tidak_ikut={answered} ratings={dict(sorted(ratings.items(), key=str))}")
    print("instansi:", dict(Counter(r.get("instansi") for r in rows).most_common()))
    print("program:", dict(Counter(r.get("program") for r in rows).most_common()))
    if exact:
        print("duplicated texts:", exact[:20])
    return 1 if errors or exact or from_corpus or from_others else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

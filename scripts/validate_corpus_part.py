"""Validate a hand-written corpus part (JSON Lines) against the label scheme.

Usage: python scripts/validate_corpus_part.py data/raw/FILE.jsonl [--barriers]

Each line of a comment part is one JSON object:
  {"teks": str, "sentimen": "positif|netral|negatif", "aspek": [..], "aspek_sentimen": {aspect: polarity},
   "saran": bool, "non_informatif": bool, "konteks": str}
Each line of a barrier part:
  {"teks": str, "hambatan": [..], "konteks": str}
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter

POLARITIES = {"positif", "netral", "negatif"}
ASPECTS = {"materi", "metode", "relevansi", "waktu"}
BARRIERS = {"waktu_beban_kerja", "relevansi", "minat", "dukungan_pimpinan", "akses_biaya",
            "informasi", "teknis", "lainnya"}


def shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def main(path: str, barriers: bool) -> int:
    errors: list[str] = []
    texts: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {number}: not JSON ({exc})")
                continue
            text = row.get("teks")
            if not isinstance(text, str):
                errors.append(f"line {number}: 'teks' must be a string")
                continue
            texts.append(text)
            if barriers:
                bad = set(row.get("hambatan", [])) - BARRIERS
                if bad or not isinstance(row.get("hambatan"), list):
                    errors.append(f"line {number}: bad hambatan {row.get('hambatan')}")
                continue
            if row.get("sentimen") not in POLARITIES:
                errors.append(f"line {number}: bad sentimen {row.get('sentimen')!r}")
            aspects = row.get("aspek")
            if not isinstance(aspects, list) or set(aspects) - ASPECTS:
                errors.append(f"line {number}: bad aspek {aspects!r}")
                aspects = []
            polarity = row.get("aspek_sentimen")
            if not isinstance(polarity, dict) or set(polarity) != set(aspects) \
                    or set(polarity.values()) - POLARITIES:
                errors.append(f"line {number}: aspek_sentimen {polarity!r} must have exactly the aspects {aspects!r}")
            for flag in ("saran", "non_informatif"):
                if not isinstance(row.get(flag), bool):
                    errors.append(f"line {number}: {flag} must be true/false")
    exact = [t for t, c in Counter(t.strip().lower() for t in texts).items() if c > 1]
    seen: dict[tuple[str, ...], int] = {}
    near = 0
    for index, text in enumerate(texts):
        grams = shingles(text)
        if any(g in seen for g in grams):
            near += 1
        for g in grams:
            seen.setdefault(g, index)
    for line in errors[:50]:
        print(line)
    print(f"rows={len(texts)} errors={len(errors)} exact_duplicates={len(exact)} "
          f"rows_sharing_an_8_word_sequence={near} ({near / max(len(texts), 1):.1%})")
    if exact:
        print("duplicated texts:", exact[:20])
    return 1 if errors or exact else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--barriers" in sys.argv[2:]))

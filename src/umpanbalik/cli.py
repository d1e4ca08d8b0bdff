"""Command-line interface: ``umpanbalik demo`` and ``umpanbalik praproses``.

Messages are Indonesian by default; ``--lang en`` switches to English. Exit codes: 0 success,
1 a usage or input error (the message says what to do), 2 wrong arguments.
"""
from __future__ import annotations

import argparse
import sys
from importlib.resources import files
from pathlib import Path

MESSAGES = {
    "id": {
        "demo_done": "Selesai: {n} komentar contoh dianalisis. Hasil: {path}",
        "done": "Selesai: {n} baris ditulis ke {path}",
        "missing_column": "Kolom {column!r} tidak ada. Kolom yang tersedia: {available}",
    },
    "en": {
        "demo_done": "Done: {n} example comments analysed. Output: {path}",
        "done": "Done: {n} rows written to {path}",
        "missing_column": "Column {column!r} not found. Available columns: {available}",
    },
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="umpanbalik", description="Analisis umpan balik pelatihan berbahasa Indonesia.")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa pesan (id/en)")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="jalankan contoh pada data bawaan")
    demo.add_argument("--output", default="hasil_demo", help="folder hasil")
    pre = commands.add_parser("praproses", help="bersihkan kolom komentar dari file CSV")
    pre.add_argument("file", help="file CSV")
    pre.add_argument("--text-column", default="komentar", help="nama kolom komentar")
    pre.add_argument("--output", required=True, help="file CSV hasil")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    text = MESSAGES[args.lang]
    import pandas as pd

    from .preprocessing import Preprocessor

    if args.command == "demo":
        from .aspects import AspectTagger
        from .flags import NonInformativeDetector, SuggestionDetector
        from .sentiment import SentimentClassifier

        comments = files("umpanbalik.resources").joinpath("contoh_komentar.txt").read_text(encoding="utf-8").splitlines()
        frame = pd.DataFrame({"komentar": comments})
        frame["teks_bersih"] = Preprocessor().transform(frame["komentar"])
        frame["sentimen"] = SentimentClassifier.pretrained().predict(frame["komentar"])
        tagged = AspectTagger.pretrained().tag(frame["komentar"])
        frame["aspek"] = tagged["aspek"].map(", ".join)
        frame["aspek_sentimen"] = tagged["aspek_sentimen"].map(lambda d: ", ".join(f"{a}: {p}" for a, p in d.items()))
        frame["saran"] = SuggestionDetector.pretrained().predict(frame["komentar"])
        frame["non_informatif"] = NonInformativeDetector.pretrained().predict(frame["komentar"])
        output = Path(args.output)
        output.mkdir(parents=True, exist_ok=True)
        path = output / "hasil_contoh.csv"
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        print(frame.drop(columns=["teks_bersih"]).to_string(index=False))
        print(text["demo_done"].format(n=len(frame), path=path))
        return 0
    frame = pd.read_csv(args.file)
    if args.text_column not in frame.columns:
        print(text["missing_column"].format(column=args.text_column, available=", ".join(map(str, frame.columns))), file=sys.stderr)
        return 1
    frame["teks_bersih"] = Preprocessor().transform(frame[args.text_column])
    frame.to_csv(args.output, index=False, encoding="utf-8-sig")
    print(text["done"].format(n=len(frame), path=args.output))
    return 0

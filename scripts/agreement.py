"""Inter-annotator agreement on the double-labelled sample (Cohen's kappa per field).

    python scripts/agreement.py [--disagreements FILE]

Compares the first labels (data/raw/part*.jsonl, barriers.jsonl) with the independent second labels
(data/raw/double_label/second*.jsonl), prints kappa per field, writes data/agreement.json, and with
--disagreements writes every row where the two differ, for adjudication.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from build_corpus import RAW, read_jsonl, row_id  # noqa: E402

ASPECTS = ["materi", "metode", "relevansi", "waktu"]
BARRIERS = ["waktu_beban_kerja", "relevansi", "minat", "dukungan_pimpinan", "akses_biaya", "informasi", "teknis", "lainnya"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--disagreements")
    args = parser.parse_args()
    first = {row_id("k", r["teks"]): r for p in sorted(RAW.glob("part*.jsonl")) for r in read_jsonl(p)}
    second = {r["id"]: r for r in read_jsonl(RAW / "double_label" / "second.jsonl")}
    ids = [i for i in second if i in first]
    result: dict[str, dict] = {"n_komentar": len(ids), "komentar": comment_kappas(first, second, ids)}
    # the second sample: 70 of the negation parts 8 and 9, 45 of part 11, 45 of part 12, 35 of part 13, 45 of part 14 and 40 of part 15, labelled blind when they were written
    negation = {r["id"]: r for r in read_jsonl(RAW / "double_label" / "second_negasi.jsonl")}
    negation_ids = [i for i in negation if i in first]
    result["n_komentar_negasi"] = len(negation_ids)
    result["komentar_negasi"] = comment_kappas(first, negation, negation_ids)
    b_first = {row_id("h", r["teks"]): r for p in sorted(RAW.glob("barriers*.jsonl")) for r in read_jsonl(p)}
    b_second = {r["id"]: r for r in read_jsonl(RAW / "double_label" / "second_hambatan.jsonl")}
    b_ids = [i for i in b_second if i in b_first]
    result["n_hambatan"] = len(b_ids)
    result["hambatan"] = {}
    for label in BARRIERS:
        a = [label in b_first[i]["hambatan"] for i in b_ids]
        b = [label in b_second[i]["hambatan"] for i in b_ids]
        result["hambatan"][label] = {"kappa": round(float(cohen_kappa_score(a, b)), 3),
                                     "sepakat": round(sum(x == y for x, y in zip(a, b)) / len(b_ids), 3)}
    (ROOT / "data" / "agreement.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.disagreements:
        keys = ("sentimen", "aspek", "aspek_sentimen", "saran", "non_informatif")
        with open(args.disagreements, "w", encoding="utf-8") as handle:
            for i in ids:
                one = {k: first[i][k] for k in keys}
                two = {k: second[i][k] for k in keys}
                if one != two:
                    handle.write(json.dumps({"id": i, "teks": first[i]["teks"], "label_1": one, "label_2": two}, ensure_ascii=False) + "\n")
            for i in b_ids:
                if set(b_first[i]["hambatan"]) != set(b_second[i]["hambatan"]):
                    handle.write(json.dumps({"id": i, "teks": b_first[i]["teks"], "label_1": {"hambatan": b_first[i]["hambatan"]},
                                             "label_2": {"hambatan": b_second[i]["hambatan"]}}, ensure_ascii=False) + "\n")


def comment_kappas(first: dict, second: dict, ids: list[str]) -> dict[str, dict]:
    """Kappa and raw agreement per comment field between two labellings of the comments ``ids``."""
    fields = {
        "sentimen": lambda r: r["sentimen"],
        "saran": lambda r: bool(r["saran"]),
        "non_informatif": lambda r: bool(r["non_informatif"]),
        **{f"aspek:{a}": (lambda r, a=a: a in r["aspek"]) for a in ASPECTS},
    }
    kappas = {}
    for name, get in fields.items():
        a, b = [get(first[i]) for i in ids], [get(second[i]) for i in ids]
        kappas[name] = {"kappa": round(float(cohen_kappa_score(a, b)), 3),
                        "sepakat": round(sum(x == y for x, y in zip(a, b)) / len(ids), 3)}
    pairs = [(first[i]["aspek_sentimen"][a], second[i]["aspek_sentimen"][a]) for i in ids for a in ASPECTS
             if a in first[i]["aspek"] and a in second[i]["aspek"]]
    kappas["aspek_sentimen (aspek yang sama-sama ditandai)"] = {
        "kappa": round(float(cohen_kappa_score([p[0] for p in pairs], [p[1] for p in pairs])), 3),
        "sepakat": round(sum(x == y for x, y in pairs) / len(pairs), 3), "n": len(pairs)}
    return kappas


if __name__ == "__main__":
    main()

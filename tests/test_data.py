"""The blind test set in data/raw/uji_survei: rows of the example survey, none of them training data."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from umpanbalik.analysis import SENTIMENTS
from umpanbalik.datasets import ASPECTS, BARRIERS, load_barriers, load_corpus, load_survey

FOLDER = Path(__file__).resolve().parents[1] / "data" / "raw" / "uji_survei"


def _read(name: str) -> list[dict]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(("kind", "column", "size", "training"), [
    ("komentar", "komentar", 400, load_corpus), ("hambatan", "alasan_tidak_ikut", 200, load_barriers)])
def test_both_annotators_label_the_same_survey_rows_that_no_model_was_trained_on(kind, column, size, training):
    survey = load_survey()
    a, b = _read(f"{kind}_A.jsonl"), _read(f"{kind}_B.jsonl")
    assert len(a) == len(b) == size
    assert [(r["id"], r["baris"], r["teks"]) for r in a] == [(r["id"], r["baris"], r["teks"]) for r in b]
    assert len({r["teks"] for r in a}) == size
    for row in a:
        source = survey.iloc[row["baris"] - 2]
        assert (source["id_responden"], source[column]) == (row["id"], row["teks"])
    assert not {r["teks"] for r in a} & set(training()["teks"])


@pytest.mark.parametrize("who", ["A", "B"])
def test_labels_follow_the_scheme(who):
    for row in _read(f"komentar_{who}.jsonl"):
        assert row["sentimen"] in SENTIMENTS
        assert row["aspek"] == [a for a in ASPECTS if a in row["aspek"]]
        assert set(row["aspek_sentimen"]) == set(row["aspek"])
        assert set(row["aspek_sentimen"].values()) <= set(SENTIMENTS)
        assert isinstance(row["saran"], bool) and isinstance(row["non_informatif"], bool)
    for row in _read(f"hambatan_{who}.jsonl"):
        assert set(row["hambatan"]) <= set(BARRIERS) and isinstance(row["non_informatif"], bool)


def test_the_form_export_is_built_from_its_written_lines():
    """contoh_ekspor_formulir.csv is the written responses spelled out (scripts/build_form_export.py)."""
    import importlib.util

    from umpanbalik import load_form_export

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_form_export.py"
    spec = importlib.util.spec_from_file_location("build_form_export", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    lines = [row for name in build.PROGRAMMES for row in build.read(build.RAW / name)]
    export = load_form_export()
    assert list(export.columns) == build.HEADERS and len(export) == len(lines) == 160
    assert export.iloc[:, 1].tolist() == [row[0] for row in lines]
    assert export.iloc[:, -3:].values.tolist() == [row[-3:] for row in lines]
    assert export.iloc[:, 9].tolist() == [build.SATISFIED[row[5][0]] for row in lines]
    assert (Path(__file__).resolve().parents[1] / "data" / "contoh_ekspor_formulir.csv").read_bytes() == \
        build.CSV.read_bytes()

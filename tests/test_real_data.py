"""The team's labels for real comments (data/real/): keyed to source rows, no text, a clean split."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "data" / "real"
sys.path.insert(0, str(ROOT / "scripts"))
import real_data  # noqa: E402


def _records_of(relative: str) -> list[dict]:
    return [json.loads(line) for line in (LABELS / relative).read_text(encoding="utf-8").splitlines() if line.strip()]


def _records(kind: str) -> list[dict]:
    return [json.loads(line) for path in sorted((LABELS / kind).glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_label_files_hold_ids_hashes_and_labels_only_never_text():
    allowed = {"id", "hash", *real_data.LABEL_KEYS}
    for kind in ("pertama", "kedua"):
        records = _records(kind)
        assert records
        for record in records:
            assert set(record) <= allowed, record["id"]
            assert real_data.validate(record, record["id"]) == []
    for record in _records("adjudikasi"):
        assert set(record) == {"id", "hash", "label", "pilihan", "alasan"}
        assert real_data.validate(record["label"], record["id"]) == []
        assert len(record["alasan"]) < 400
    first = {r["id"]: r for r in _records("pertama")}
    assert {path.stem for path in (LABELS / "konsistensi").glob("*.jsonl")} == set(real_data.CONSISTENCY_PASSES)
    changes = _records("konsistensi")
    assert changes
    for record in changes:  # a consistency decision changes some fields of a labelled row, with a reason
        assert {"id", "hash", "alasan"} < set(record) <= {"id", "hash", "alasan", *real_data.CONSISTENCY_FIELDS}
        assert first[record["id"]]["hash"] == record["hash"]
        assert 0 < len(record["alasan"]) < 400


def test_consistency_passes_change_only_the_fields_they_name_in_order():
    labels, first = real_data.final_labels(), real_data.load_label_files("pertama")
    adjudicated = real_data.load_label_files("adjudikasi")
    expected = {i: {**first[i], **adjudicated.get(i, {}).get("label", {})} for i in first}
    for name in real_data.CONSISTENCY_PASSES:  # applied one after another, each onto the result of the last
        for record in _records_of(f"konsistensi/{name}.jsonl"):
            before = expected[record["id"]]
            after = {**before, **{k: record[k] for k in real_data.CONSISTENCY_FIELDS if k in record}}
            assert after != before, record["id"]  # every record changes something
            expected[record["id"]] = after
    for i, label in labels.items():
        assert {k: v for k, v in label.items() if k not in ("id", "hash")} == \
            {k: v for k, v in expected[i].items() if k not in ("id", "hash")}, i
        assert real_data.validate(label, i) == []


def test_check_reports_bad_consistency_records_instead_of_failing(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(LABELS, tmp_path / "real")
    path = tmp_path / "real" / "konsistensi" / "campuran.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[0]["hash"] = "0000000000"  # names no labelled comment
    records[1]["saran"] = True  # a field no consistency pass may change
    records[2] = {k: v for k, v in records[2].items() if k != "alasan"}  # no reason
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "real" / "konsistensi" / "extra.jsonl").write_text("", encoding="utf-8")
    monkeypatch.setattr(real_data, "LABEL_DIR", tmp_path / "real")
    problems = real_data.check_consistency()
    assert any("CONSISTENCY_PASSES" in p for p in problems)
    assert any(records[0]["id"] in p and "names no labelled comment" in p for p in problems)
    assert any(records[1]["id"] in p and "saran" in p for p in problems)
    assert any(records[2]["id"] in p and "no reason" in p for p in problems)
    with pytest.raises(ValueError, match="real_data.py check"):  # the labels are refused, not half-applied
        real_data.final_labels()
    monkeypatch.setattr(real_data, "LABEL_DIR", LABELS)
    assert real_data.check_consistency() == []


def test_enough_labels_and_a_blind_sample_of_at_least_600():
    first, second = _records("pertama"), _records("kedua")
    assert len({r["id"] for r in first}) >= 3000
    assert len({r["id"] for r in second} & {r["id"] for r in first}) >= 600


def test_split_is_fixed_keyed_and_large_enough():
    import csv

    with open(LABELS / "split.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["split"] for r in rows} == {"train", "test"}
    assert sum(r["split"] == "test" for r in rows) >= 800
    sides: dict[str, set] = {}
    for r in rows:  # a near-duplicate group never spans both sides
        sides.setdefault(r["kelompok"], set()).add(r["split"])
    assert all(len(s) == 1 for s in sides.values())


@pytest.fixture(scope="module")
def labelled():
    if not (real_data.real_dir() / "edom-sentimen" / "komentar.csv").exists():
        pytest.skip("../shared/data/real is not present")
    return real_data.load_labelled()


def test_labels_join_the_shared_texts_by_hash(labelled):
    assert len(labelled) >= 3000
    assert set(labelled["split"]) == {"train", "test"}
    test = labelled[labelled["split"] == "test"]
    assert len(test) >= 800 and set(test["sumber"]) == {"edom", "survei", "ulasan"}
    assert labelled["teks"].map(len).gt(0).all()


def test_a_changed_source_text_is_refused(labelled, tmp_path, monkeypatch):
    import csv
    import shutil

    for rel, _ in real_data.SOURCES.values():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(real_data.real_dir() / rel, tmp_path / rel)
    row = int(labelled.loc[labelled["sumber"] == "edom", "id"].iloc[0].split(":")[1])
    path = tmp_path / real_data.SOURCES["edom"][0]
    with open(path, encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    records[row]["teks"] += " (diubah)"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    monkeypatch.setenv("UMPANBALIK_REAL_DATA", str(tmp_path))
    with pytest.raises(ValueError, match=f"label edom:{row} does not match the source text"):
        real_data.load_labelled()


def test_no_real_text_ships_in_the_package(labelled):
    package = ROOT / "src" / "umpanbalik"
    shipped = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in package.rglob("*")
                        if p.is_file() and p.suffix in {".csv", ".json", ".txt", ".yaml", ".py"})
    long_texts = [t for t in labelled["teks"] if len(t) >= 40]
    assert long_texts
    assert not [t for t in long_texts if t in shipped]


def test_the_reports_methods_name_the_real_training_set_that_ships(labelled):
    """The report's methods paragraph says how many real comments the shipped models learned from
    (rounded to hundreds, as "3.900" / "3,900"): a retraining on more rows must update it."""
    import re

    from umpanbalik.report import default_methods

    shown = round(len(real_data.training_rows(labelled)), -2)
    for lang, pattern in (("id", r"sekitar (\d)\.(\d{3}) komentar nyata"), ("en", r"about (\d),(\d{3}) real comments")):
        found = [re.search(pattern, paragraph) for paragraph in default_methods(lang)]
        numbers = [int(m.group(1) + m.group(2)) for m in found if m]
        assert numbers == [shown], (lang, numbers, shown)

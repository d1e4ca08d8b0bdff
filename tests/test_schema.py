"""The output contract defined once: one list-joining rule for every export (a CSV reads back into
AspectTagger.fit), people's column names in the report only, and a results wing whose modules talk
through public names."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from umpanbalik import AspectTagger, TextFeatures, analyze, load_corpus
from umpanbalik.schema import ANALYSIS_COLUMNS, format_cell, parse_pairs, split_list

SOURCE = Path(__file__).resolve().parents[1] / "src" / "umpanbalik"


def test_lists_and_dicts_are_written_one_way_and_read_back():
    cells = [[], ["materi"], ["materi", "waktu"], ["waktu_beban_kerja", "dukungan_pimpinan"]]
    assert [split_list(format_cell(c)) for c in cells] == cells
    pairs = [{}, {"materi": "positif"}, {"materi": "positif", "waktu": "negatif"}]
    assert [parse_pairs(format_cell(p)) for p in pairs] == pairs
    with pytest.raises(ValueError, match="key: value"):
        parse_pairs("materi positif")


def test_a_csv_from_to_csv_trains_an_aspect_tagger(tmp_path):
    corpus = load_corpus().sample(120, random_state=0)
    result = analyze(corpus["teks"].tolist(), topics=False, progress=False)
    path = result.to_csv(tmp_path / "komentar.csv", mask=False)
    written = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, index_col=0)
    assert [split_list(v) for v in written["aspek"]] == [list(v) for v in result.comments["aspek"]]
    assert [parse_pairs(v) for v in written["aspek_sentimen"]] == [dict(v) for v in result.comments["aspek_sentimen"]]
    excel = result._sheets()["komentar"]  # the workbook writes the same text (via the same rule)
    assert excel["aspek"].map(format_cell).tolist() == written["aspek"].tolist()
    quick = AspectTagger(threshold=0.5, features=TextFeatures(char_ngram_range=None))  # no threshold search, no char n-grams
    tagger = quick.fit(written["komentar"], written["aspek"], aspect_sentiments=written["aspek_sentimen"])
    assert set(tagger.classes_) >= {a for row in result.comments["aspek"] for a in row}


def test_report_tables_use_peoples_column_names(tmp_path):
    from umpanbalik import load_survey

    result = analyze(load_survey().iloc[::5], by="moda", rating="nilai", barriers="alasan_tidak_ikut", topics=4, progress=False)
    machine = {"porsi", "porsi_disebut", "porsi_negatif", "ci_bawah", "ci_atas", "negatif_ci_bawah", "negatif_ci_atas",
               "p_holm", "residu", "cramer_v", "min_expected", "harapan_kecil", "rata_rata", "koefisien", "prevalensi"}
    for lang in ("id", "en"):
        page = result.to_html(tmp_path / f"laporan_{lang}.html", lang=lang).read_text(encoding="utf-8")
        headers = set(re.findall(r"<th>([^<]*)</th>", page))
        assert headers and not headers & machine, headers & machine
        assert re.search(r"<td>\d{1,3}% \(\d{1,3}–\d{1,3}%\)</td>", page)  # "35% (33–38%)"
        for headers_, rows in _tables(page):  # no share written as 0.352
            for position, header in enumerate(headers_):
                if header.startswith(("Porsi", "Share", "%", "Prevalen")):
                    assert all(not row[position] or row[position].rstrip(")").endswith("%") for row in rows), (header, rows[:3])
        if lang == "en":
            assert not headers & {"Aspek", "Jumlah", "Porsi (IK 95%)", "Kelompok", "Hambatan", "Topik"}
            assert not re.search(r"<td>(negatif|netral|positif|materi|metode|waktu|relevansi)</td>", page)
    assert set(ANALYSIS_COLUMNS) <= set(result.to_frame().columns)  # machine names stay in the data


def _tables(page: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each HTML table of the report as (headers, rows of cell texts)."""
    found = []
    for table in re.findall(r"<table.*?</table>", page, flags=re.S):
        headers = re.findall(r"<th>([^<]*)</th>", table)
        rows = [re.findall(r"<td>([^<]*)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)]
        found.append((headers, [r for r in rows if r]))
    return found


def _calls_to_private_methods(tree: ast.AST) -> set[str]:
    """``obj._name(...)`` calls where ``obj`` is not ``self``/``cls``: another object's private method."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            owner = node.func.value
            if name.startswith("_") and not name.startswith("__") and not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.add(f"{ast.unparse(owner)}.{name}")
    return found


# Calls inside one module (a function of the module calling its own class's helper), and scikit-learn's
# own internals that the n-gram memo reproduces; none is one estimator reaching into another's.
ALLOWED = {
    "preprocessing.py": {"pre._config"},
    "topics.py": {"model._pre", "model._raw_top_terms"},
    "_ngrams.py": {"self.vectorizer._char_wb_ngrams", "self.vectorizer._tfidf.transform"},
}


def test_modules_talk_through_public_methods():
    for path in sorted(SOURCE.rglob("*.py")):
        calls = _calls_to_private_methods(ast.parse(path.read_text(encoding="utf-8")))
        calls = {c for c in calls if not c.startswith(("np.", "pd.", "self.__dict__"))}
        allowed = ALLOWED.get(path.name, set())
        assert calls <= allowed, f"{path.relative_to(SOURCE)} calls private methods of other objects: {sorted(calls - allowed)}"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            names.add((node.module or "").split(".")[0])
    return names


def test_stemming_does_not_import_the_preprocessing_that_imports_it():
    assert "stemming" in _imports(SOURCE / "preprocessing.py")
    assert "preprocessing" not in _imports(SOURCE / "stemming.py")


def test_public_names_keep_working():
    import umpanbalik
    import umpanbalik.analysis
    from umpanbalik.analysis import ANALYSIS_COLUMNS as columns
    from umpanbalik.analysis import Analysis, Comparison, analyze as run

    assert umpanbalik.analyze is run is umpanbalik.analysis.analyze and umpanbalik.Analysis is Analysis
    assert umpanbalik.stem_audit(["pesertanya menangis"]).shape[0] == 2
    assert columns == ANALYSIS_COLUMNS and Comparison.__name__ == "Comparison"

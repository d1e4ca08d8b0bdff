"""Analysis at scale: the vectorised paths give what the per-row code gave, and exports lose no row."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from umpanbalik import load_survey
from umpanbalik.analysis import Analysis, _quotes, analyze
from umpanbalik.analysis._columns import answered as _answered
from umpanbalik.analysis._columns import contains as _contains
from umpanbalik.analysis._columns import crosstab as _crosstab
from umpanbalik.analysis._columns import distinct as _distinct
from umpanbalik.analysis._columns import polarity as _polarity
from umpanbalik.analysis._columns import segment_names as _segment_names
from umpanbalik.normalization import mask_identifiers


@pytest.fixture(scope="module")
def result() -> Analysis:
    frame = load_survey().head(160).copy()
    frame.loc[frame.index[:6], "komentar"] = "materi bagus, hubungi Budi Santoso 081234567890 atau budi@contoh.go.id"
    return analyze(frame, by="instansi", rating="nilai", barriers="alasan_tidak_ikut", topics=False,
                   names=["Budi Santoso"], progress=False)


def test_distinct_cells_stand_for_every_row():
    shared_list, shared_dict = ["materi"], {"waktu": "negatif"}  # analyze stores each distinct label once
    values = pd.Series([shared_list, shared_list, [], shared_dict, shared_dict, {"waktu": "negatif"}, None, np.nan, "a", 1, 1.0],
                       dtype=object)
    codes, cells = _distinct(values)
    assert len(cells) == len(set(codes)) == len(values) - 2  # grouped by identity: the equal dict is a cell of its own
    assert all(cells[c] is v if isinstance(v, float) and np.isnan(v) else cells[c] == v for c, v in zip(codes, values))
    assert _contains(pd.Series([["a", "b"], [], ["b"]], dtype=object), "b").tolist() == [True, False, True]
    assert _polarity(pd.Series([{"a": "negatif"}, {}], dtype=object), "a").tolist() == ["negatif", None]
    assert _answered(pd.Series(["  ", "x", None, b"ok", np.nan], dtype=object)).tolist() == [False, True, False, True, False]
    assert _segment_names(pd.Series([" A ", None, 2025, ""], dtype=object)).tolist() == ["A", "(kosong)", "2025", "(kosong)"]
    strings = pd.Series(["b", None, "a", "b"], dtype="str")
    assert _segment_names(strings).tolist() == ["b", "(kosong)", "a", "b"]
    # a year or an angkatan column with one blank is read as floats: its groups were "2023.0"
    assert _segment_names(pd.Series([2023.0, np.nan, 2024.0, 2.5])).tolist() == ["2023", "(kosong)", "2024", "2.5"]


def test_crosstab_is_pandas_crosstab():
    rng = np.random.default_rng(0)
    segments = np.array(["b", "a", "(kosong)"], dtype=object)[rng.integers(0, 3, 500)]
    for outcomes in (rng.random(500) < 0.2, np.array(["negatif", "positif"], dtype=object)[rng.integers(0, 2, 500)]):
        pd.testing.assert_frame_equal(_crosstab(segments, outcomes), pd.crosstab(segments, outcomes))
    assert _crosstab(segments[:0], outcomes[:0]).empty


def test_masking_touches_only_cells_that_can_hold_an_identifier(result):
    values = pd.Series(["NIP 198501012010011001", "tanpa angka", None, "budi santoso hadir", "x@y.id", 5, "٣"], dtype=object)
    masked = result._masked(values)
    expected = [mask_identifiers(v, result.names) if isinstance(v, str) else v for v in values]
    assert masked.tolist() == expected
    frame = result.to_frame(mask=True)
    assert frame["komentar"].tolist() == [result.mask(v) for v in result.comments["komentar"]]
    assert "[nama]" in frame["komentar"].iloc[0] and "[telepon]" in frame["komentar"].iloc[0]


def test_per_row_tables_match_a_plain_loop(result):
    comments = result.comments
    informative = comments.loc[~comments["non_informatif"].to_numpy()]
    aspects = result.aspect_table()
    for aspect, row in aspects.iterrows():
        polarities = [d.get(aspect) for d, a in zip(informative["aspek_sentimen"], informative["aspek"]) if aspect in a]
        assert (row["disebut"], row["negatif"], row["positif"]) == (len(polarities), polarities.count("negatif"),
                                                                    polarities.count("positif"))
    answered = comments.loc[[bool(str(v).strip()) for v in comments["alasan_tidak_ikut"]]]
    barriers = result.barriers()
    for code, row in barriers.iterrows():
        assert row["jumlah"] == sum(code in b for b in answered["hambatan"])
    by = result.barriers(by="instansi")
    for name, group in answered.groupby(answered["instansi"].str.strip()):
        assert by.loc[name, "n"] == len(group)
    comparison = result.compare("instansi", min_n=5)
    for name, group in informative.groupby(informative["instansi"].str.strip()):
        assert comparison.tabel.loc[name, "porsi_negatif"] == pytest.approx((group["sentimen"] == "negatif").mean())


def test_quotes_skip_repeated_texts_and_sample_above_the_cap(result, monkeypatch):
    tiled = pd.concat([result.comments] * 3, ignore_index=True)
    bigger = Analysis(tiled, text=result.text, by=result.by, rating=result.rating, barriers="alasan_tidak_ikut",
                      task=result.task, topic_model=None, names=result.names, lang="id", notes=[], random_state=0)
    once, thrice = result.quotes("materi", n=3), bigger.quotes("materi", n=3)
    assert once["kutipan"].tolist() == thrice["kutipan"].tolist()
    assert thrice.index.max() < len(result.comments)  # the first of the repeated rows is the one shown
    assert bigger.quotes(barrier="waktu_beban_kerja", n=2)["kutipan"].tolist() == \
        result.quotes(barrier="waktu_beban_kerja", n=2)["kutipan"].tolist()
    monkeypatch.setattr(_quotes, "QUOTE_CANDIDATES", 10)
    sampled = bigger.quotes(n=4)
    assert len(sampled) == 4 and sampled["kutipan"].is_unique
    assert sampled["kutipan"].tolist() == bigger.quotes(n=4)["kutipan"].tolist()  # the same sample every time


def test_to_excel_continues_the_comments_on_more_sheets(result, tmp_path, monkeypatch):
    from umpanbalik import report

    monkeypatch.setattr(report, "EXCEL_MAX_ROWS", 61)  # 60 comments a sheet
    path = result.to_excel(tmp_path / "hasil.xlsx")
    book = load_workbook(path, read_only=True)
    parts = [name for name in book.sheetnames if name.startswith("komentar")]
    assert parts == ["komentar", "komentar_2", "komentar_3"]
    rows = [row for name in parts for row in list(book[name].values)[1:]]
    assert len(rows) == len(result.comments)
    summary = {row[0]: row[1] for row in book["ringkasan"].values}
    assert "komentar, komentar_2, komentar_3" in summary["catatan"]


def test_wordclouds_and_report_share_what_they_learn(result, monkeypatch):
    from umpanbalik import plots
    from umpanbalik._surface import surface_forms
    from umpanbalik.preprocessing import Preprocessor

    # repeated comments are read once but count as often as they occur: 3 × "pelatihannya" beat 2 × "pelatihan"
    texts = ["pelatihan kurang jelas", "pelatihannya bagus", "pelatihan singkat", "pelatihannya bagus", "pelatihannya bagus"]
    pre = Preprocessor()
    assert surface_forms(texts, pre.transform(texts), pre)["latih"] == "pelatihannya"
    assert surface_forms(texts[:3], pre.transform(texts[:3]), pre)["latih"] == "pelatihan"
    # the report's clouds (images) show what the notebook's figures show, learned in one pass
    monkeypatch.setattr(plots, "wordcloud_figure", lambda weights, title="", **kw: dict(weights))
    monkeypatch.setattr(plots, "wordcloud_image", lambda weights, **kw: dict(weights))
    separate = {**result.wordclouds("aspek"), **result.wordclouds("sentimen")}
    calls = []
    original = plots._cloud_inputs
    monkeypatch.setattr(plots, "_cloud_inputs", lambda *a: calls.append(1) or original(*a))
    aspects, sentiments = plots.report_wordclouds(result.to_frame(mask=True), result.text, max_words=60)
    assert len(calls) == 1 and {**aspects, **sentiments} == separate and len(separate) >= 4
    assert all(weights for weights in separate.values())

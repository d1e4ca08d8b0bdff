"""Identifiers that a spreadsheet read as numbers are masked in every export, as they are in text."""
from __future__ import annotations

import pandas as pd

from umpanbalik import analyze


def test_nik_nip_and_phone_numbers_read_as_integers_are_masked(tmp_path):
    nik, nip, phone = 3201234567890001, 199001012015031001, 81234567890  # 0812… lost its leading 0
    frame = pd.DataFrame({"komentar": ["materi bagus", "jadwal padat", "-"], "nik": [nik, nik + 1, 5],
                          "nip": [nip, nip + 1, 7], "hp": [phone, 6281234567890, 12], "nilai": [4, 5, 3]})
    result = analyze(frame, rating="nilai", topics=False, progress=False)
    assert result.comments["nik"].tolist() == [nik, nik + 1, 5]  # the analysis keeps the data as given
    shown = result.to_frame(mask=True)
    assert shown[["nik", "nip", "hp"]].iloc[:2].map(str).map(lambda v: v.startswith("[")).all().all()
    assert shown.loc[2, ["nik", "nip", "hp"]].tolist() == [5, 7, 12] and shown["nilai"].tolist() == [4, 5, 3]
    written = [result.to_csv(tmp_path / "k.csv").read_text(encoding="utf-8-sig"),
               result.to_html(tmp_path / "l.html").read_text(encoding="utf-8"),
               pd.read_excel(result.to_excel(tmp_path / "h.xlsx"), sheet_name="komentar").to_csv()]
    for text in written:
        assert not any(str(v) in text for v in (nik, nik + 1, nip, nip + 1, phone, 6281234567890))


def test_listed_names_reach_no_derived_output(tmp_path):
    """A name listed with a title ("Pak Hendro") is masked as written, and its cleaned form ("hendro")
    reaches neither the cleaned text nor the topics' key terms and labels nor any export."""
    import re

    texts = (["Pak Hendro sabar sekali menjawab pertanyaan"] * 15 + ["penjelasan Pak Hendro bagus, materi relevan"] * 15
             + ["waktunya terlalu singkat"] * 15 + ["Bu Sri Wahyuni kurang jelas menjelaskan materi statistik"] * 10)
    names = ["Pak Hendro", "Sri Wahyuni"]
    leak = re.compile(r"(?<![A-Za-z0-9+/])(?:hendro|wahyuni)\b", re.IGNORECASE)
    result = analyze(texts, names=names, topics=3, progress=False)
    assert not result.comments["teks_bersih"].str.contains(leak).any()
    keys = result.topic_table()
    assert not keys[["label", "kata_kunci"]].astype(str).apply(lambda c: c.str.contains(leak)).any().any()
    written = [result.to_csv(tmp_path / "k.csv").read_text(encoding="utf-8-sig"),
               result.to_html(tmp_path / "l.html").read_text(encoding="utf-8")]
    written += [sheet.to_csv() for sheet in pd.read_excel(result.to_excel(tmp_path / "h.xlsx"), sheet_name=None).values()]
    assert not [text for text in written if leak.search(text)]
    # without the names the same comments keep them (the test would see a leak)
    plain = analyze(texts, topics=3, progress=False)
    assert plain.comments["teks_bersih"].str.contains(leak).any()
    # the rest of the analysis reads the comments as before
    assert result.comments.loc[30:44, "teks_bersih"].tolist() == plain.comments.loc[30:44, "teks_bersih"].tolist()

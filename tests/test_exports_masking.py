"""Identifiers that a spreadsheet read as numbers are masked in every export, as they are in text."""
from __future__ import annotations

import pandas as pd
import pytest

from umpanbalik import Analysis, analyze, find_themes, mask_identifiers


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
    # nor a theme's label ("hendro kurang jelas" was one), while its quotes show the name masked as written
    data = (["Pak Hendro terlalu cepat menjelaskan", "pak hendro menjelaskan terlalu cepat sekali", "Pak Hendro kurang jelas",
             "Pak Hendro ngebut menjelaskan materinya"] * 8 + ["materi bagus sekali", "waktunya kurang", "jadwal padat"] * 10)
    themes = analyze(data, names=names, topics=False, progress=False).themes()
    assert not themes["label"].str.contains(leak).any()
    assert any(q.startswith("[nama] ") for quotes in themes["contoh"] for q in quotes)
    assert analyze(data, topics=False, progress=False).themes()["label"].str.contains(leak).any()


NAME_TAKERS = {
    "mask_identifiers": lambda names: mask_identifiers("Pak Budi bagus", names=names),
    "analyze": lambda names: analyze(["Pak Budi bagus"], topics=False, progress=False, names=names),
    "find_themes": lambda names: find_themes(pd.DataFrame({"teks": ["Pak Budi bagus"]}), names=names),
    "Analysis": lambda names: Analysis(pd.DataFrame({"komentar": ["Pak Budi bagus"]}), text="komentar", by=[], rating=None,
                                       barriers=None, task="evaluasi", topic_model=None, names=names, lang="id", notes=[],
                                       random_state=0),
}


@pytest.mark.parametrize("function", NAME_TAKERS)
def test_a_single_name_as_a_bare_string_is_an_error_that_says_to_wrap_it(function):
    # Read as its characters, "Budi" masked the stand-alone letters B, u, d, i and never the name.
    with pytest.raises(ValueError, match=r"`names` must be an iterable of names, but a single string was given\. "
                                         r"Wrap it in a list: \['Budi'\]"):
        NAME_TAKERS[function]("Budi")
    with pytest.raises(TypeError, match="Select the column of names"):
        NAME_TAKERS[function](pd.DataFrame({"nama": ["Budi"]}))


def test_names_as_a_list_or_series_mask_the_name_and_nothing_else():
    assert mask_identifiers("nilai B untuk i, pak Budi", names=["Budi"]) == "nilai B untuk i, pak [nama]"
    assert mask_identifiers("pak Budi", names=pd.Series(["Budi", None])) == "pak [nama]"  # a column of names, one missing


def test_mask_identifiers_masks_one_text_and_a_list_is_an_error_that_says_how_to_map_it():
    # A list was read as one missing cell: "" came back, the comments and their identifiers gone.
    with pytest.raises(TypeError, match=r"mask_identifiers\(\) takes one text, not a container \(list\)\. For many texts use "
                                        r"\[mask_identifiers\(t\) for t in texts\], or texts\.map\(mask_identifiers\)"):
        mask_identifiers(["hubungi 081234567890"])
    with pytest.raises(TypeError, match=r"not a container \(Series\)"):
        mask_identifiers(pd.Series(["hubungi 081234567890"]))
    assert pd.Series(["hubungi 081234567890", None]).map(mask_identifiers).tolist() == ["hubungi [telepon]", ""]
    result = Analysis(pd.DataFrame({"komentar": ["pak Budi"]}), text="komentar", by=[], rating=None, barriers=None,
                      task="evaluasi", topic_model=None, names=["Budi"], lang="id", notes=[], random_state=0)
    assert result.mask("pak Budi 081234567890") == "pak [nama] [telepon]"
    with pytest.raises(TypeError, match=r"Analysis\.mask\(\) takes one text.*result\.to_frame\(mask=True\)"):
        result.mask(["pak Budi"])

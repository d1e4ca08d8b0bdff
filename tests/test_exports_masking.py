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

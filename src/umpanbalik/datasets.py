"""The labelled corpora and the example survey that ship with umpanbalik.

All were written (and the corpora labelled) by the umpanbalik team; their provenance is in
``umpanbalik/resources/README.md``, shipped with the package. They are illustrative, not real survey
responses.
"""
from __future__ import annotations

from importlib.resources import files
from typing import Any

import pandas as pd

from .schema import ASPECTS, BARRIERS, parse_pairs, split_list

__all__ = ["load_corpus", "load_barriers", "load_survey", "load_form_export", "form_export_path", "ASPECTS", "BARRIERS"]



def _read(name: str) -> pd.DataFrame:
    with files("umpanbalik.resources").joinpath(name).open("r", encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype=str, keep_default_na=False)


def load_corpus() -> pd.DataFrame:
    """The labelled evaluation comments.

    Returns
    -------
    DataFrame
        ``id``, ``teks``, ``sentimen`` (negatif/netral/positif), ``aspek`` (list of materi, metode,
        relevansi, waktu), ``aspek_sentimen`` (dict aspect → polarity), ``saran`` (bool),
        ``non_informatif`` (bool), ``konteks`` (setting, e.g. latsar, bimtek, kuliah) and ``sumber``.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> set(corpus["sentimen"]) == {"negatif", "netral", "positif"}
    True
    """
    frame = _read("korpus_evaluasi.csv")
    frame["aspek"] = frame["aspek"].map(split_list)
    frame["aspek_sentimen"] = frame["aspek_sentimen"].map(parse_pairs)
    for column in ("saran", "non_informatif"):
        frame[column] = frame[column] == "1"
    return frame


def load_barriers() -> pd.DataFrame:
    """Answers to "why do you (or colleagues) not take part in training?", labelled with ``hambatan``.

    Examples
    --------
    >>> barriers = load_barriers()
    >>> all(set(row) <= set(BARRIERS) for row in barriers["hambatan"])
    True
    """
    frame = _read("korpus_hambatan.csv")
    frame["hambatan"] = frame["hambatan"].map(split_list)
    return frame


def load_survey() -> pd.DataFrame:
    """The example survey export: 1,566 responses to a training evaluation form (illustrative).

    Written by the umpanbalik team to look like what a BKPSDM or BPSDM exports from its evaluation
    form; it is **not** real survey data (see ``umpanbalik/resources/README.md``). Columns: ``id_responden``,
    ``tanggal`` (submission date), ``instansi``, ``program``, ``angkatan``, ``moda`` (daring, luring,
    blended), ``nilai`` (overall rating 1–5, missing when skipped), ``komentar`` (free-text
    feedback, may be empty) and ``alasan_tidak_ikut`` (why the respondent or colleagues skip
    training, may be empty).

    Examples
    --------
    >>> survey = load_survey()
    >>> len(survey) >= 1500, bool(survey["nilai"].dropna().between(1, 5).all())
    (True, True)
    """
    with files("umpanbalik.resources").joinpath("contoh_survei.csv").open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype={"angkatan": str}, keep_default_na=False, na_values={"nilai": [""]})
    frame["nilai"] = frame["nilai"].astype("Int64")
    frame["tanggal"] = pd.to_datetime(frame["tanggal"])
    return frame


def form_export_path() -> Any:
    """The example form export as a file (a CSV inside the installed package), for
    ``umpanbalik analyze`` or :func:`~umpanbalik.analysis.analyze` on a path.

    Examples
    --------
    >>> form_export_path().name
    'contoh_ekspor_formulir.csv'
    """
    return files("umpanbalik.resources").joinpath("contoh_ekspor_formulir.csv")


def load_form_export() -> pd.DataFrame:
    """An example export of an evaluation form as Google Forms downloads it: 160 responses
    (illustrative, written by the team; **not** real survey responses).

    Every cell is text, as a form export reads: ``Cap waktu`` (submission time), numbered questions
    as headers — ``1.1. Nama lengkap`` (invented names), unit, programme and mode; three agreement
    items (``2.1`` … ``2.3``: "Sangat setuju" … "Sangat tidak setuju"); a checkbox question
    (``3.1``, ticked options joined with ", "); overall satisfaction (``5.5``: "Sangat puas" …),
    organisation quality (``5.6``: "Sangat baik" … "Sangat kurang"), recommendation (``5.7``) and
    "Ya"/"Tidak" (``5.8``); and three open questions, ``5.20`` (what helped most), ``5.21``
    (problems and criticism) and ``5.22`` (suggestions), with the blank and "-" answers real forms
    have. Provenance: ``umpanbalik/resources/README.md``.

    Examples
    --------
    >>> export = load_form_export()
    >>> len(export), [c.split(".")[0] + "." + c.split(".")[1] for c in export.columns[-3:]]
    (160, ['5.20', '5.21', '5.22'])
    """
    with form_export_path().open("r", encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype=str, keep_default_na=False)

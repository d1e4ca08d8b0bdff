"""The labelled corpora and the example survey that ship with umpanbalik.

All were written and labelled by the umpanbalik team (see ``data/README.md``, the datasheet). They
are illustrative evaluation comments, not real survey responses.
"""
from __future__ import annotations

from importlib.resources import files

import pandas as pd

from .schema import ASPECTS, BARRIERS, parse_pairs, split_list

__all__ = ["load_corpus", "load_barriers", "load_survey", "ASPECTS", "BARRIERS"]



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
    form; it is **not** real survey data (see ``data/README.md``). Columns: ``id_responden``,
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

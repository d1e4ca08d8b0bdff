"""One call from a survey export to evidence: :func:`analyze` returns an :class:`Analysis`.

``analyze`` cleans every comment, classifies its sentiment, tags the aspects it mentions with their
polarity, flags suggestions and non-answers, codes barriers to attending training when asked, and
fits topics. :class:`Analysis` then answers the evaluator's questions: how many comments say what
(with 95% confidence intervals), which comments show it best, which segments differ, which aspect
goes with lower ratings, and why ASN skip training; and it writes the CSV, Excel and HTML report.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._i18n import count as _count
from ._i18n import text as _words
from ._stats import chi_square, holm, ols, wilson_interval
from ._validation import as_text, as_text_list, check_int, check_option

__all__ = ["analyze", "Analysis", "Comparison", "ANALYSIS_COLUMNS"]

ASPECTS = ("materi", "metode", "relevansi", "waktu")
SENTIMENTS = ("negatif", "netral", "positif")
ANALYSIS_COLUMNS = ("teks_bersih", "sentimen", "skor_sentimen", "aspek", "aspek_sentimen", "bukti_aspek",
                    "saran", "non_informatif", "topik", "label_topik", "hambatan")
_PROGRESS_MIN = 5_000  # show a progress bar from this many comments when `progress` is left None
_TOPIC_SAMPLE = 10_000  # topics are fitted on at most this many informative comments, then predicted
_TOPIC_BLOCK = 50_000  # comments assigned to topics at a time


# -- input --------------------------------------------------------------------------------------------
def _as_frame(data: Any, text: str) -> pd.DataFrame:
    """The user's data as a DataFrame with its original index."""
    from ._tables import TABLE_SUFFIXES, read_table

    if isinstance(data, (str, Path)):
        path = Path(data)
        if isinstance(data, Path) or path.suffix.lower() in TABLE_SUFFIXES or path.is_file():
            return read_table(path)
        raise ValueError(
            "`data` is a single string that is not a CSV/XLSX path. To analyse one comment, wrap it in a "
            f"list: analyze([{str(data)[:30]!r}]); to read a file, give its path ending in .csv or .xlsx."
        )
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame(name=text if data.name is None else data.name)
    if isinstance(data, (bytes, bytearray)):
        raise ValueError("`data` must be a DataFrame, a Series, a list of comments or a file path; got bytes. "
                         "Decode it, or wrap it in a list.")
    if isinstance(data, Mapping):
        return pd.DataFrame(dict(data))
    if isinstance(data, Iterable):
        values = data if isinstance(data, np.ndarray) else list(data)
        as_text_list(values, name="data")  # the same checks (1-D, not a string) as every estimator
        return pd.DataFrame({text: pd.Series(list(values), dtype=object)})
    raise TypeError(f"`data` must be a DataFrame, a Series, a list of comments or a CSV/XLSX path; got {type(data).__name__}.")


def _check_columns(frame: pd.DataFrame, columns: Sequence[str | None], what: Sequence[str]) -> None:
    if isinstance(frame.columns, pd.MultiIndex):  # pandas flattens it to tuples when the results are joined
        raise ValueError("the data has a header of several rows (MultiIndex columns); join them into one first, e.g. "
                         "data.columns = [' '.join(map(str, c)).strip() for c in data.columns].")
    from ._limits import short_list, short_repr

    duplicated = frame.columns[frame.columns.duplicated()].unique()
    if len(duplicated):  # frame[name] would be a DataFrame, and every step after would fail on it
        raise ValueError(f"the data has several columns with the same name: {short_list(duplicated, 10)}. Give each "
                         "column its own name first, e.g. data.columns = [...], or drop the copies.")
    for column, name in zip(columns, what):
        if column is not None and column not in frame.columns:
            raise KeyError(f"`{name}`: column {short_repr(column)} is not in the data. "
                           f"Available columns: {short_list(frame.columns, 30)}.")


def _is_label(value: Any) -> bool:
    """A column label: a string, or an integer as ``read_csv(header=None)`` names the columns."""
    return isinstance(value, (str, int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _as_columns(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if _is_label(value):
        return [value]
    if isinstance(value, Sequence) and all(_is_label(v) for v in value):
        return list(value)
    raise TypeError(f"`{name}` must be a column name or a list of column names; got {value!r}.")


def _progress_bar(total: int | None, progress: bool | None, description: str) -> Any:
    """A tqdm bar, or None; ``total`` is None for a file read in chunks (length unknown)."""
    if progress is False or (progress is None and total is not None and total < _PROGRESS_MIN):
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=description, unit="komentar")


# -- the entry point ---------------------------------------------------------------------------------
def analyze(
    data: Any,
    text: str = "komentar",
    *,
    by: str | Sequence[str] | None = None,
    rating: str | None = None,
    barriers: str | None = None,
    task: Literal["evaluasi", "hambatan"] = "evaluasi",
    topics: int | Literal["auto"] | Any = "auto",
    models: Mapping[str, Any] | None = None,
    names: Sequence[str] = (),
    progress: bool | None = None,
    n_jobs: int | None = -1,
    chunksize: int | None = None,
    random_state: int = 0,
    lang: Literal["id", "en"] = "id",
) -> Analysis:
    """Analyse open-ended feedback: one row per input row, every model applied.

    Parameters
    ----------
    data : DataFrame, Series, list of str, or path to a CSV/XLSX file
        The survey export. CSV files may be UTF-8 (with or without BOM), Windows-1252, or rows of
        both pasted together, and use comma, semicolon, tab or pipe delimiters.
    text : str, default="komentar"
        The column of free-text comments (the name given to a list or an unnamed Series; a named
        Series keeps its name).
    by : str or list of str, optional
        Segment columns (instansi, angkatan, program …) that :meth:`Analysis.compare` uses by default.
        Here and in ``text``, ``rating`` and ``barriers`` a column may also be named by an integer, as
        ``read_csv(header=None)`` names them.
    rating : str, optional
        A numeric rating column (e.g. Likert 1–5); non-numeric cells count as missing.
    barriers : str, optional
        A column of answers to "why do you (or colleagues) skip training?", coded into ``hambatan``.
    task : {"evaluasi", "hambatan"}, default="evaluasi"
        ``"hambatan"`` when ``text`` itself holds the why-not answers: they are coded for barriers
        (and topics) instead of sentiment and aspects.
    topics : "auto", int, TopicModel or False, default="auto"
        Number of topics (``"auto"`` chooses), a :class:`~umpanbalik.topics.TopicModel` (fitted: used
        as is; unfitted: fitted here), or ``False`` to skip topics. On more than 10,000 informative
        comments the topics are fitted on a random 10,000 and every comment is then assigned.
    models : dict, optional
        Your own fitted models instead of the shipped ones: keys ``sentimen``, ``aspek``, ``saran``,
        ``non_informatif``, ``hambatan``, ``preprocessor``. ``sentimen`` must answer with
        negatif/netral/positif and the flags with False/True (or 0/1), the labels the results count.
    names : list of str
        Personal names to mask in exports and quotes, besides NIP, NIK, phone numbers and e-mails.
    progress : bool, optional
        Show a progress bar (tqdm; notebook-aware). Default: from 5,000 comments.
    n_jobs : int or None, default=-1
        Processes that annotate comments, and threads for the topic model's k-means runs: ``-1``
        every core, ``None`` or ``1`` this process only.
        Worker processes start only for at least 20,000 distinct comments (per chunk), where they
        pay off; they are forked, so on systems without ``fork`` (Windows, macOS) and inside a
        daemonic process (a multiprocessing or Dask worker) the work stays in this process. The
        results do not depend on ``n_jobs``.
    chunksize : int, optional
        Read and annotate the data this many rows at a time — for a million comments: a CSV file
        is streamed (never held whole as one text), and each chunk's rows are annotated (with
        ``n_jobs`` processes). Every row and column of the data is still kept in the result, next to
        the per-comment results, so the table itself must fit in memory (as pandas strings); drop
        the columns you do not need first. The results are the same as without ``chunksize``.
        100,000 is a good size.
    random_state : int, default=0
    lang : {"id", "en"}, default="id"
        Language of the report and chart labels.

    Returns
    -------
    Analysis

    Examples
    --------
    >>> result = analyze(["materi bagus tapi waktunya terlalu singkat", "tdk relevan dgn tupoksi", "-"],
    ...                  topics=False)
    >>> result.comments[["sentimen", "aspek", "non_informatif"]].to_dict("list")
    {'sentimen': ['negatif', 'negatif', 'netral'], 'aspek': [['materi', 'waktu'], ['relevansi'], []], 'non_informatif': [False, False, True]}
    """
    check_option("task", task, ["evaluasi", "hambatan"])
    check_option("lang", lang, ["id", "en"])
    check_int("random_state", random_state, minimum=0)
    check_int("chunksize", chunksize, minimum=1, allow_none=True)
    if isinstance(names, str):
        names = [names]
    if task == "hambatan" and barriers is not None:
        raise ValueError("with task='hambatan' the `text` column holds the why-not answers; leave `barriers` unset.")
    segments = _as_columns(by, "by")
    chunks, total = _chunks(data, text, chunksize)

    from ._annotate import Models

    models = Models.coerce(models)  # one set of loaded models for every chunk and step below
    bar = _progress_bar(total, progress, "umpanbalik")
    frames, parts = [], []
    try:
        for chunk in chunks:
            if not frames:  # the first chunk names the columns
                if isinstance(data, pd.Series) and data.name is not None:
                    text = chunk.columns[0]  # a named Series is the comment column, whatever its name
                _check_columns(chunk, [text, rating, barriers, *segments],
                               ["text", "rating", "barriers", *["by"] * len(segments)])
            chunk = _encodable(chunk)
            chunk_texts = as_text_list(chunk[text], name=text)
            parts.append(_annotate_chunk(chunk, chunk_texts, barriers, task, models, n_jobs, bar))
            frames.append(chunk)
    finally:
        if bar is not None:
            bar.close()
        close = getattr(chunks, "close", None)  # a streamed CSV: its file, also when a chunk failed
        if close is not None:
            close()
    frame = frames[0] if len(frames) == 1 else pd.concat(frames)
    annotated = parts[0] if len(parts) == 1 else pd.concat(parts)
    del frames, parts
    comments = frame  # pd.concat below makes a new frame: the user's is never changed
    clashes = [c for c in annotated.columns if c in comments.columns] + [c for c in ("topik", "label_topik") if c in comments.columns]
    kept_as: dict[Any, str] = _kept_names(clashes, comments.columns)
    if clashes:
        renamed = ", ".join(f"{c} → {kept_as[c]}" for c in clashes)
        warnings.warn(f"the data already has columns that analyze() writes; they are kept renamed: {renamed}.", UserWarning, stacklevel=2)
        comments = comments.rename(columns=kept_as)
    unencodable = {c: _SURROGATE.sub("\ufffd", c) for c in comments.columns
                   if isinstance(c, str) and not c.isascii() and _SURROGATE.search(c)}
    if unencodable:  # a column name no file can hold: pandas fails on it as soon as it types the names
        comments = comments.set_axis(pd.Index([unencodable.get(c, c) for c in comments.columns], dtype=object), axis=1)
        kept_as.update(unencodable)  # read under the new name, like the renamed clashes
    comments = pd.concat([comments, annotated], axis=1)
    del annotated
    model, notes = None, []
    if topics is not False and topics is not None:
        model, notes = _fit_topics(comments, frame[text], topics, task, random_state, n_jobs, models.get("preprocessor"), lang)
    infinite = _infinite_count(comments[kept_as.get(rating, rating)]) if rating is not None else 0
    if infinite:  # a notice (result.notes, the CLI, the report's mean-rating card), not an error
        notes.append(_words("note_infinite", lang, n=infinite, column=str(rating)))

    def column(name: Any) -> Any:  # a column the user named, under its new name if it was renamed
        return kept_as.get(name, name) if name is not None else None

    # (a comment column called "saran" is kept as "saran_asli": the Analysis must read that one,
    # not the suggestion flags)
    return Analysis(comments, text=column(text), by=[column(s) for s in segments], rating=column(rating),
                    barriers=column(barriers), task=task, topic_model=model, names=list(names), lang=lang, notes=notes,
                    random_state=random_state)


def _kept_names(clashes: list[Any], columns: pd.Index) -> dict[Any, str]:
    """The new name of each column that analyze() would overwrite: ``<name>_asli``, or ``_asli_2``,
    ``_asli_3`` … when the data already has that name too (``topik`` and ``topik_asli`` both)."""
    taken, names = set(columns), {}
    for column in clashes:
        name, number = f"{column}_asli", 2
        while name in taken:
            name, number = f"{column}_asli_{number}", number + 1
        taken.add(name)
        names[column] = name
    return names


def _chunks(data: Any, text: str, chunksize: int | None) -> tuple[Iterator[pd.DataFrame], int | None]:
    """The input as DataFrames of at most ``chunksize`` rows (one frame without ``chunksize``), and
    the number of rows when known before reading. A CSV file is streamed; at least one (perhaps
    empty) frame comes out."""
    from ._tables import _EXCEL_SUFFIXES, TABLE_SUFFIXES, iter_table

    if chunksize is not None and isinstance(data, (str, Path)):
        path = Path(data)
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES and suffix not in _EXCEL_SUFFIXES:
            return iter_table(path, chunksize), None
    frame = _as_frame(data, text)
    if chunksize is None or len(frame) <= chunksize:
        return iter([frame]), len(frame)
    return (frame.iloc[start : start + chunksize] for start in range(0, len(frame), chunksize)), len(frame)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(chunk: pd.DataFrame) -> pd.DataFrame:
    """``chunk`` with lone surrogates (left in text by a broken decoding, e.g. ``surrogateescape``)
    replaced by U+FFFD: no file encoding can hold them, so every export would fail on them."""
    def bad(value: Any) -> bool:
        return isinstance(value, str) and not value.isascii() and _SURROGATE.search(value) is not None

    fixed = None
    for position in range(chunk.shape[1]):
        values = chunk.iloc[:, position]
        # numbers, and pandas strings stored by Arrow (only valid UTF-8), cannot hold them; pandas
        # strings stored as Python objects ("string[python]", and pandas 3's str without pyarrow) can
        python_strings = isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "python"
        if values.dtype != object and not python_strings:
            continue
        flags = [bad(value) for value in values]
        if any(flags):
            fixed = chunk.copy() if fixed is None else fixed
            repaired = [_SURROGATE.sub("\ufffd", v) if flag else v for v, flag in zip(values, flags)]
            fixed.isetitem(position, pd.Series(repaired, index=chunk.index, dtype=values.dtype))
    return chunk if fixed is None else fixed


def _encodable_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with lone surrogates in its index labels and column names replaced by U+FFFD, for the
    file exports only (``comments`` keeps the caller's labels): CSV and Excel cannot hold them, and
    pandas 3 fails on them as soon as it infers a string dtype for the labels (``reset_index``)."""
    def bad(value: Any) -> bool:
        return isinstance(value, str) and not value.isascii() and _SURROGATE.search(value) is not None

    def repaired(index: pd.Index) -> pd.Index:
        if isinstance(index, pd.MultiIndex):
            return index.set_levels([repaired(level) for level in index.levels])
        if index.dtype != object or not any(bad(v) for v in index):
            return index
        return pd.Index([_SURROGATE.sub("\ufffd", v) if bad(v) else v for v in index], dtype=object, name=index.name)

    index, columns = repaired(frame.index), repaired(frame.columns)
    if index is frame.index and columns is frame.columns:
        return frame
    return frame.set_axis(index, axis=0).set_axis(columns, axis=1)


def _annotate_chunk(chunk: pd.DataFrame, texts: list[str], barriers: str | None, task: str, models: Any,
                    n_jobs: int | None, bar: Any) -> pd.DataFrame:
    """The model outputs for one chunk's rows, indexed like the chunk."""
    from ._annotate import annotate

    barrier_texts = texts if task == "hambatan" else (as_text_list(chunk[barriers], name=barriers) if barriers else None)
    done = [0]

    def step(finished: int) -> None:
        if bar is not None:
            bar.update(finished - done[0])
            done[0] = finished

    annotated = annotate(texts, barriers=barrier_texts, with_comments=task == "evaluasi", models=models, progress=step,
                         n_jobs=n_jobs)
    if task == "hambatan":  # the answers need only their cleaned text and the non-answer flag
        annotated.insert(0, "teks_bersih", models.get("preprocessor").transform(texts))
        annotated.insert(1, "non_informatif", np.asarray(models.get("non_informatif").predict(texts), dtype=bool))
    annotated.index = chunk.index
    return annotated


def _fit_topics(comments: pd.DataFrame, source: pd.Series, topics: Any, task: str, random_state: int,
                n_jobs: int | None, preprocessor: Any, lang: str = "id") -> tuple[Any, list[str]]:
    """Fit (or apply) the topic model; ``source`` is the comment column, read a block at a time, and
    ``preprocessor`` the one that made ``teks_bersih``."""
    from .preprocessing import same_preprocessing
    from .topics import NON_INFORMATIVE_TOPIC, TopicModel

    def texts(positions: np.ndarray) -> list[str]:
        return as_text_list(source.iloc[positions], name=str(source.name))

    def cleaned(positions: np.ndarray) -> list[str] | None:  # teks_bersih, when it is the topic model's preprocessing
        return comments["teks_bersih"].iloc[positions].tolist() if reuse else None

    informative = ~comments["non_informatif"].to_numpy(dtype=bool)
    if isinstance(topics, TopicModel):
        model = topics
    else:
        if not (topics == "auto" or (isinstance(topics, (int, np.integer)) and not isinstance(topics, bool) and topics >= 1)):
            raise ValueError(f"`topics` must be 'auto', a positive number of topics, a TopicModel or False; got {topics!r}.")
        model = TopicModel(n_topics=topics, n_jobs=n_jobs, random_state=random_state)
    reuse = same_preprocessing(getattr(model, "preprocessor", None), preprocessor)
    notes: list[str] = []
    topic = np.full(len(source), NON_INFORMATIVE_TOPIC, dtype=int)
    labels = np.full(len(source), "non-informatif", dtype=object)
    rows = np.flatnonzero(informative)
    try:
        if not hasattr(model, "labels_"):
            sample = rows
            if len(rows) > _TOPIC_SAMPLE:
                sample = np.sort(np.random.default_rng(random_state).choice(rows, _TOPIC_SAMPLE, replace=False))
                notes.append(_words("note_topic_sample", lang, sample=_count(_TOPIC_SAMPLE, lang), n=_count(len(rows), lang)))
            if len(sample) == 0:
                raise ValueError("no informative comment to fit topics on")
            annotations = {}
            if task == "evaluasi":
                annotations = {"aspects": comments["aspek"].iloc[sample].tolist(),
                               "sentiments": comments["sentimen"].iloc[sample].tolist()}
            model.fit(texts(sample), informative=np.ones(len(sample), dtype=bool), cleaned=cleaned(sample), **annotations)
        for start in range(0, len(rows), _TOPIC_BLOCK):  # in blocks: the features of a block at a time
            block = rows[start : start + _TOPIC_BLOCK]
            assigned = model.transform(texts(block), informative=np.ones(len(block), dtype=bool), cleaned=cleaned(block))
            topic[block] = assigned["topik"].to_numpy()
            labels[block] = assigned["label_topik"].to_numpy()
    except ValueError as error:  # documented degenerate inputs (too few or uniform comments)
        notes.append(_words("note_topic_failed", lang, error=error))
        model = None
    comments["topik"] = topic
    comments["label_topik"] = labels
    return model, notes


# -- the result ---------------------------------------------------------------------------------------
class Comparison:
    """The result of :meth:`Analysis.compare`: per-segment table, tests and highlighted differences.

    Attributes
    ----------
    tabel : DataFrame
        One row per segment: ``n`` (informative comments), sentiment shares, aspect mention shares,
        share negative among each aspect's mentions, and ``cukup_data`` (n ≥ ``min_n``).
    uji : DataFrame
        One chi-square test per measure over the segments with enough data: ``chi2``, ``dof``, ``p``,
        ``p_holm`` (Holm-adjusted across the measures), ``cramer_v``, ``signifikan`` (p_holm < 0.05).
    sorotan : DataFrame
        Segments whose cell deviates in a significant test (adjusted standardised residual beyond
        ±1.96): ``segmen``, ``ukuran``, ``porsi``, ``porsi_lain`` (all other segments), ``arah``.
    """

    def __init__(self, by: str, tabel: pd.DataFrame, uji: pd.DataFrame, sorotan: pd.DataFrame, min_n: int) -> None:
        self.by, self.tabel, self.uji, self.sorotan, self.min_n = by, tabel, uji, sorotan, min_n

    def __repr__(self) -> str:
        return f"Comparison(by={self.by!r}, segmen={len(self.tabel)}, uji_signifikan={int(self.uji['signifikan'].sum()) if len(self.uji) else 0})"

    def _repr_html_(self) -> str:
        return (f"<p><b>Perbandingan per {self.by}</b> (min. n = {self.min_n})</p>"
                + self.tabel.to_html(float_format="{:.3f}".format) + self.uji.to_html(float_format="{:.4f}".format)
                + self.sorotan.to_html(index=False, float_format="{:.3f}".format))


class Analysis:
    """Per-comment results and the tables, quotes, tests and reports built from them.

    Create it with :func:`analyze`. ``comments`` holds one row per input row, with the original
    index and columns, plus ``teks_bersih``, ``sentimen``, ``skor_sentimen`` (P(positif) −
    P(negatif)), ``aspek``, ``aspek_sentimen``, ``bukti_aspek``, ``saran``, ``non_informatif``,
    ``topik``, ``label_topik`` and, when barriers were coded, ``hambatan``.

    Equal cells of the list and dict columns (``aspek``, ``aspek_sentimen``, ``bukti_aspek``,
    ``hambatan``) are one shared object, which keeps a million rows small: to correct a row's
    labels, assign a new value (``result.comments.at[i, "aspek"] = ["materi"]``) rather than
    editing the list or dict in place, which would change every row that shares it.
    """

    def __init__(self, comments: pd.DataFrame, *, text: str, by: list[str], rating: str | None, barriers: str | None,
                 task: str, topic_model: Any, names: list[str], lang: str, notes: list[str], random_state: int) -> None:
        self.comments = comments
        self.text = text
        self.barrier_column = barriers if barriers is not None else text
        self.by = by
        self.rating = rating
        self.task = task
        self.topic_model = topic_model
        self.names = names
        self.lang = lang
        self.notes = notes
        self.random_state = random_state

    def __len__(self) -> int:
        return len(self.comments)

    def __repr__(self) -> str:
        return f"Analysis(komentar={len(self)}, tugas={self.task!r}, segmen={self.by}, nilai={self.rating!r})"

    # -- helpers --------------------------------------------------------------------------------------
    def _informative_rows(self) -> np.ndarray:
        """Boolean mask of the informative comments (a mask, not a copy of a million-row frame)."""
        return ~self.comments["non_informatif"].to_numpy(dtype=bool)

    def _require(self, column: str, hint: str) -> None:
        if column not in self.comments.columns:
            raise ValueError(hint)

    def mask(self, text: Any) -> str:
        """``text`` with NIP, NIK, phone numbers, e-mails and the given ``names`` masked."""
        from .normalization import mask_identifiers

        return mask_identifiers(as_text(text), self.names)  # bytes decoded as analyze read them

    # -- tables ---------------------------------------------------------------------------------------
    def sentiment_table(self) -> pd.DataFrame:
        """Sentiment of the informative comments: ``jumlah``, ``porsi`` and its 95% Wilson interval."""
        self._require("sentimen", "sentiment was not analysed (task='hambatan').")
        counts = self.comments["sentimen"][self._informative_rows()].value_counts().reindex(list(SENTIMENTS), fill_value=0)
        return _share_table(counts, counts.sum(), "sentimen")

    def aspect_table(self) -> pd.DataFrame:
        """Per aspect: mentions (share of informative comments, 95% CI) and their polarity mix.

        ``negatif``/``netral``/``positif`` count the mentions by polarity; ``porsi_negatif`` is the
        share of the aspect's mentions that are negative, with its own interval.
        """
        self._require("aspek", "aspects were not analysed (task='hambatan').")
        informative = self._informative_rows()
        n = int(informative.sum())
        lists, polarity_dicts = _distinct(self.comments["aspek"][informative]), _distinct(self.comments["aspek_sentimen"][informative])
        rows = []
        for aspect in _aspects_of(self.comments):
            polarities = _polarity(polarity_dicts, aspect)[_contains(lists, aspect)]
            mentioned = len(polarities)
            row = {"aspek": aspect, "disebut": mentioned, "porsi_disebut": mentioned / n if n else np.nan}
            row["ci_bawah"], row["ci_atas"] = (float(v) for v in wilson_interval(mentioned, n))
            for polarity in SENTIMENTS:
                row[polarity] = int(np.count_nonzero(polarities == polarity))
            row["porsi_negatif"] = row["negatif"] / mentioned if mentioned else np.nan
            low, high = wilson_interval(row["negatif"], mentioned)
            row["negatif_ci_bawah"], row["negatif_ci_atas"] = float(low), float(high)
            rows.append(row)
        return pd.DataFrame(rows).set_index("aspek") if rows else pd.DataFrame()

    def topic_table(self) -> pd.DataFrame:
        """The topics (id, size, share, label, key terms, aspects, sentiment mix, examples)."""
        if self.topic_model is None or not hasattr(self.topic_model, "topics_"):
            return pd.DataFrame(columns=["topik", "ukuran", "porsi", "label"])
        table = self.topic_model.topics_.copy()
        counts = self.comments["topik"].value_counts()
        table["ukuran"] = table["topik"].map(counts).fillna(0).astype(int)
        table["porsi"] = table["ukuran"] / max(len(self.comments), 1)
        table["contoh"] = table["contoh"].map(lambda examples: [self.mask(e) for e in examples])
        if self.names:  # a listed name can be a topic's key term, learned from the cleaned comments
            table["label"] = table["label"].map(self.mask)
            table["kata_kunci"] = table["kata_kunci"].map(lambda terms: [(self.mask(t), w) for t, w in terms])
        return table.sort_values("ukuran", ascending=False).reset_index(drop=True)

    def summary(self) -> dict[str, Any]:
        """Key numbers and the main tables.

        Returns a dict: ``angka_kunci`` (a DataFrame of the headline counts and shares), ``sentimen``,
        ``aspek`` (see :meth:`aspect_table`), ``topik`` (the largest topics), ``saran`` and
        ``non_informatif`` (share of all comments with a 95% CI), and ``hambatan`` when coded.
        """
        comments = self.comments
        n = len(comments)
        result: dict[str, Any] = {}
        empty = int(n - _answered(comments[self.text]).sum()) if n else 0
        key = [("komentar", n), ("kosong", int(empty)), ("non_informatif", int(comments["non_informatif"].sum()))]
        if "saran" in comments:
            key.append(("saran", int(comments["saran"].sum())))
        result["non_informatif"] = _share_table(pd.Series({"non_informatif": int(comments["non_informatif"].sum())}), n, "ukuran")
        if self.task == "evaluasi":
            result["sentimen"] = self.sentiment_table()
            result["aspek"] = self.aspect_table()
            result["saran"] = _share_table(pd.Series({"saran": int(comments["saran"].sum())}), n, "ukuran")
        if "hambatan" in comments:
            result["hambatan"] = self.barriers()
            key.append(("menjawab_hambatan", int(result["hambatan"].attrs.get("n", 0))))
        if self.rating is not None:
            values = _numeric(comments[self.rating])
            key.append(("rata_rata_nilai", round(float(values.mean()), 3) if values.notna().any() else np.nan))
        result["topik"] = self.topic_table().head(10)
        result["angka_kunci"] = pd.DataFrame(key, columns=["ukuran", "nilai"])
        return result

    # -- quotes ---------------------------------------------------------------------------------------
    def quotes(self, aspect: str | None = None, sentiment: str | None = None, n: int = 5, *,
               topic: int | None = None, barrier: str | None = None, diversity: float = 0.3,
               rows: Any = None) -> pd.DataFrame:
        """Representative, diverse, de-duplicated comments (personal identifiers masked).

        Comments are filtered by ``aspect`` (and its polarity when ``sentiment`` is given too), by
        overall ``sentiment``, ``topic`` or ``barrier``; then picked by maximal marginal relevance:
        close to the group's TF-IDF centre (typical) and unlike the ones already picked (diverse,
        weight ``diversity``). Duplicates after cleaning are shown once. When more than 20,000 distinct
        comments match, the quotes are picked among a random 20,000 of them (``random_state``).
        """
        from .quotes import pick_quotes

        check_int("n", n, minimum=1)
        comments = self.comments
        source = self.text
        if barrier is not None:
            self._require("hambatan", "barriers were not coded: pass barriers='column' or task='hambatan' to analyze().")
            source = self._barrier_text_column()
        if aspect is not None:
            self._require("aspek", "aspects were not analysed (task='hambatan').")
            check_option("aspect", aspect, _aspects_of(comments))
        if sentiment is not None:
            self._require("sentimen", "sentiment was not analysed (task='hambatan').")
            check_option("sentiment", sentiment, list(SENTIMENTS))
        # cheap vectorised filters first; the list and dict columns are read only on the rows left
        keep = np.ones(len(comments), dtype=bool) if barrier is not None else ~comments["non_informatif"].to_numpy(dtype=bool)
        if aspect is None and sentiment is not None:
            keep &= (comments["sentimen"] == sentiment).to_numpy()
        if topic is not None:
            keep &= (comments["topik"] == topic).to_numpy()
        if rows is not None:
            rows = np.asarray(rows, dtype=bool)
            if rows.shape != keep.shape:
                raise ValueError(f"`rows` must be a boolean mask with one value per comment ({len(keep)}).")
            keep &= rows
        positions = np.flatnonzero(keep)  # positions, not labels: the user's index may repeat
        if barrier is not None:
            positions = positions[_contains(comments["hambatan"].iloc[positions], barrier)]
        if aspect is not None:
            positions = positions[_contains(comments["aspek"].iloc[positions], aspect)]
            if sentiment is not None:
                positions = positions[_polarity(comments["aspek_sentimen"].iloc[positions], aspect) == sentiment]
        texts = pd.Series([as_text(v) for v in comments[source].iloc[positions].to_numpy()], dtype=object)
        # A text seen before has the same cleaned text, which pick_quotes shows once anyway: dropping
        # repeats first changes nothing and spares cleaning and vectorising them.
        first = ~texts.duplicated().to_numpy()
        positions, texts = positions[first], texts[first].reset_index(drop=True)
        if len(positions) > _QUOTE_CANDIDATES:
            sample = np.sort(np.random.default_rng(self.random_state).choice(len(positions), _QUOTE_CANDIDATES, replace=False))
            positions, texts = positions[sample], texts.iloc[sample].reset_index(drop=True)
        cleaned = None if barrier is not None else pd.Series(comments["teks_bersih"].iloc[positions].to_numpy(), dtype=object)
        chosen = pick_quotes(texts, cleaned, n=n, diversity=diversity)
        columns = [c for c in ("sentimen", "aspek", "aspek_sentimen", "label_topik", "hambatan") if c in comments]
        result = comments.iloc[positions[chosen.index.to_numpy()]][columns].copy()
        # object, not a string dtype: Arrow would copy each quote (a 200 MB comment too) in and out
        result.insert(0, "kutipan", pd.Series([self.mask(t) for t in chosen], index=result.index, dtype=object))
        result["skor"] = chosen.attrs.get("scores", [np.nan] * len(chosen))
        return result

    def _barrier_text_column(self) -> str:
        return self.barrier_column

    # -- comparisons ----------------------------------------------------------------------------------
    def compare(self, by: str | None = None, *, min_n: int = 30) -> Comparison:
        """Sentiment, aspect mentions and aspect polarity per segment, with chi-square tests.

        Segments with fewer than ``min_n`` informative comments are shown but left out of the tests.
        Each measure (sentiment; each aspect mentioned or not; each aspect negative or not among its
        mentions) is tested across segments; p-values are Holm-adjusted across the measures, and
        Cramér's V gives the size of the difference. ``sorotan`` lists the segments that drive a
        significant difference.
        """
        if by is None:
            if not self.by:
                raise ValueError("say which column to compare by: compare('instansi'), or analyze(..., by='instansi').")
            by = self.by[0]
        if not _is_label(by):
            raise TypeError(f"`by` must be one column name, e.g. compare('instansi'); got {by!r}. "
                            "Call compare once per column.")
        _check_columns(self.comments, [by], ["by"])
        check_int("min_n", min_n, minimum=1)
        informative = self._informative_rows()
        segment_of_row = _segment_names(self.comments[by])
        segment = segment_of_row[informative]
        sizes = pd.Series(segment, dtype=object).value_counts()
        rows, outcome_tables = [], {}
        evaluation = self.task == "evaluasi" and bool(informative.any())
        if evaluation:
            sentiment = _crosstab(segment, self.comments["sentimen"].to_numpy()[informative]).reindex(columns=list(SENTIMENTS), fill_value=0)
            outcome_tables["sentimen"] = sentiment
            lists, polarity_dicts = _distinct(self.comments["aspek"][informative]), _distinct(self.comments["aspek_sentimen"][informative])
            for aspect in _aspects_of(self.comments):
                among = _contains(lists, aspect)
                outcome_tables[f"menyebut_{aspect}"] = _crosstab(segment, among).reindex(columns=[True, False], fill_value=0)
                negative = _polarity(polarity_dicts, aspect) == "negatif"
                outcome_tables[f"negatif_{aspect}"] = _crosstab(segment[among], negative[among]).reindex(
                    index=sizes.index, columns=[True, False], fill_value=0)
        if "hambatan" in self.comments and len(self.comments):
            answered = _answered(self.comments[self._barrier_text_column()])
            seg_all = segment_of_row[answered]
            barrier_lists = _distinct(self.comments["hambatan"][answered])
            for code in _barrier_codes(self.comments):
                has = _contains(barrier_lists, code)
                outcome_tables[f"hambatan_{code}"] = _crosstab(seg_all, has).reindex(columns=[True, False], fill_value=0)
        for name in sizes.index:
            row = {by: name, "n": int(sizes[name]), "cukup_data": bool(sizes[name] >= min_n)}
            for measure, table in outcome_tables.items():
                if name not in table.index:
                    continue
                counts = table.loc[name]
                total = counts.sum()
                if measure == "sentimen":
                    for label in SENTIMENTS:
                        row[f"porsi_{label}"] = counts[label] / total if total else np.nan
                else:
                    row[f"porsi_{measure}"] = counts[True] / total if total else np.nan
            rows.append(row)
        table = (pd.DataFrame(rows).set_index(by) if rows
                 else pd.DataFrame({"n": pd.Series(dtype=int), "cukup_data": pd.Series(dtype=bool)}, index=pd.Index([], name=by)))
        enough = sizes.index[sizes >= min_n]
        tests, residual_tables = [], {}
        for measure, outcome in outcome_tables.items():
            result = chi_square(outcome.loc[outcome.index.intersection(enough)])
            if result is None:
                continue
            residual_tables[measure] = result.pop("residuals")
            tests.append({"ukuran": measure, **result})
        tests_frame = pd.DataFrame(tests, columns=["ukuran", "chi2", "dof", "p", "cramer_v", "min_expected"])
        if len(tests_frame):
            tests_frame["p_holm"] = holm(tests_frame["p"].to_numpy())
            tests_frame["signifikan"] = tests_frame["p_holm"] < 0.05
        else:
            tests_frame["p_holm"], tests_frame["signifikan"] = [], []
        highlights = []
        for test in tests_frame.loc[tests_frame["signifikan"]].itertuples():
            residuals, outcome = residual_tables[test.ukuran], outcome_tables[test.ukuran]
            target = "negatif" if test.ukuran == "sentimen" else True
            if target not in residuals.columns:
                continue
            for name, value in residuals[target].items():
                if abs(value) > 1.96:
                    others = outcome.loc[outcome.index.intersection(enough).drop(name)]
                    highlights.append({
                        "segmen": name, "ukuran": test.ukuran if test.ukuran != "sentimen" else "sentimen_negatif",
                        "porsi": outcome.loc[name, target] / outcome.loc[name].sum(),
                        "porsi_lain": others[target].sum() / max(others.to_numpy().sum(), 1),
                        "residu": float(value), "arah": "lebih tinggi" if value > 0 else "lebih rendah",
                    })
        highlights_frame = pd.DataFrame(highlights, columns=["segmen", "ukuran", "porsi", "porsi_lain", "residu", "arah"])
        return Comparison(by, table, tests_frame, highlights_frame, min_n)

    # -- ratings --------------------------------------------------------------------------------------
    def rating_by_aspect(self) -> pd.DataFrame:
        """Mean rating (95% CI) of the comments that mention each aspect, by the aspect's polarity,
        and of all comments by overall sentiment (rows ``semua``)."""
        values = self._rating_values()
        rows = []
        has_rating = values.notna().to_numpy()
        rated = pd.DataFrame({"_nilai": values.to_numpy()[has_rating], "sentimen": self.comments["sentimen"].to_numpy()[has_rating],
                              "aspek_sentimen": self.comments["aspek_sentimen"].to_numpy()[has_rating]})
        groups = [("semua", s, (rated["sentimen"] == s).to_numpy(dtype=bool)) for s in SENTIMENTS]
        polarity_dicts = _distinct(rated["aspek_sentimen"])
        for aspect in _aspects_of(self.comments):
            polarity_of_row = _polarity(polarity_dicts, aspect)
            groups += [(aspect, s, polarity_of_row == s) for s in SENTIMENTS]
        from scipy.stats import t as student

        for aspect, polarity, mask in groups:
            subset = rated["_nilai"].to_numpy()[mask]
            subset = pd.Series(subset, dtype=float)
            n = len(subset)
            mean = float(subset.mean()) if n else np.nan
            half = float(student.ppf(0.975, n - 1) * subset.std(ddof=1) / np.sqrt(n)) if n > 1 else np.nan
            rows.append({"aspek": aspect, "polaritas": polarity, "n": n, "rata_rata": mean,
                         "ci_bawah": mean - half, "ci_atas": mean + half})
        return pd.DataFrame(rows)

    def rating_effects(self) -> pd.DataFrame:
        """Which aspects' negative mentions go with lower ratings: fix these first.

        An ordinary least squares regression of the rating on one indicator per aspect (the comment
        mentions the aspect negatively), over every rated comment. ``koefisien`` is the difference in
        mean rating when the aspect is criticised, holding the other aspects fixed (with 95% CI and
        p); ``prevalensi`` is the share of rated comments criticising it; ``dampak`` = koefisien ×
        prevalensi is the rating points the average lost to it, and ``prioritas`` ranks by it. This
        is an association in observational data, not a causal effect.
        """
        values = self._rating_values()
        has_rating = values.notna().to_numpy()
        rated = pd.DataFrame({"_nilai": values.to_numpy()[has_rating], "aspek_sentimen": self.comments["aspek_sentimen"].to_numpy()[has_rating]})
        aspects = _aspects_of(self.comments)
        polarity_dicts = _distinct(rated["aspek_sentimen"])
        indicators = pd.DataFrame({f"negatif_{a}": (_polarity(polarity_dicts, a) == "negatif").astype(float)
                                   for a in aspects})
        if len(rated) < len(aspects) + 3:
            raise ValueError(f"only {len(rated)} comments have a rating; at least {len(aspects) + 3} are needed.")
        fit = ols(rated["_nilai"].to_numpy(dtype=float), indicators)
        fit = fit.drop(index="konstanta")
        fit.insert(0, "aspek", [name.removeprefix("negatif_") for name in fit.index])
        fit["prevalensi"] = [indicators[name].mean() for name in fit.index]
        fit["dampak"] = fit["koefisien"] * fit["prevalensi"]
        fit = fit.reset_index(drop=True).sort_values("dampak").reset_index(drop=True)
        fit["prioritas"] = np.arange(1, len(fit) + 1)
        fit.attrs["n"] = len(rated)
        return fit

    def _rating_values(self) -> pd.Series:
        if self.rating is None:
            raise ValueError("no rating column: pass analyze(..., rating='nilai') to relate ratings to aspects.")
        self._require("aspek", "aspects were not analysed (task='hambatan').")
        return _numeric(self.comments[self.rating])

    # -- barriers -------------------------------------------------------------------------------------
    def barriers(self, by: str | None = None, *, min_n: int = 30, n_quotes: int = 3) -> pd.DataFrame:
        """Why ASN skip training: each barrier's count and share of the answered rows (95% CI), with
        quotes; with ``by``, the shares per segment (segments below ``min_n`` answers marked)."""
        self._require("hambatan", "barriers were not coded: pass barriers='column' or task='hambatan' to analyze().")
        source = self._barrier_text_column()
        answered_rows = _answered(self.comments[source])
        n_answered = int(answered_rows.sum())
        lists = _distinct(self.comments["hambatan"][answered_rows])
        codes = _barrier_codes(self.comments)
        if by is None:
            counts = pd.Series({c: int(_contains(lists, c).sum()) for c in codes}, dtype=int)
            table = _share_table(counts, n_answered, "hambatan").sort_values("jumlah", ascending=False)
            table["contoh"] = [self.quotes(barrier=c, n=n_quotes)["kutipan"].tolist() if table.loc[c, "jumlah"] else []
                               for c in table.index]
            table.attrs["n"] = n_answered
            return table
        _check_columns(self.comments, [by], ["by"])
        segment = _segment_names(self.comments[by][answered_rows])
        has = {code: _contains(lists, code) for code in codes}
        rows = []
        for name, group in pd.Series(np.arange(n_answered)).groupby(segment, sort=True):
            where = group.to_numpy()
            row = {by: name, "n": len(where), "cukup_data": len(where) >= min_n}
            for code in codes:
                row[code] = has[code][where].mean()
            rows.append(row)
        table = (pd.DataFrame(rows).set_index(by) if rows
                 else pd.DataFrame({"n": pd.Series(dtype=int), "cukup_data": pd.Series(dtype=bool)}, index=pd.Index([], name=by)))
        table.attrs["n"] = n_answered
        return table

    # -- charts ---------------------------------------------------------------------------------------
    def plot_aspects(self) -> Any:
        """Stacked bars of aspect mentions by polarity (a matplotlib figure)."""
        from .plots import plot_aspect_sentiment

        self._require("aspek", "aspects were not analysed (task='hambatan').")
        return plot_aspect_sentiment(self.comments, lang=self.lang)

    def plot_topics(self) -> Any:
        """Topic sizes (a matplotlib figure)."""
        from .plots import plot_topic_sizes

        if self.topic_model is None:
            raise ValueError("no topics were fitted: analyze(..., topics='auto').")
        return plot_topic_sizes(self.comments, lang=self.lang)

    def plot_comparison(self, by: str | None = None, *, measure: str = "sentimen", value: str = "negatif", min_n: int = 30) -> Any:
        """Share of ``value`` in ``measure`` per segment with 95% intervals (a matplotlib figure)."""
        from .plots import plot_segment_comparison

        by = by or (self.by[0] if self.by else None)
        if by is None:
            raise ValueError("say which column to compare by: plot_comparison('instansi').")
        _check_columns(self.comments, [by], ["by"])
        return plot_segment_comparison(self.comments, by, measure=measure, value=value, min_n=min_n, lang=self.lang)

    def plot_ratings(self) -> Any:
        """Mean rating of comments that praise or criticise each aspect (a matplotlib figure)."""
        from .plots import plot_rating_by_aspect

        return plot_rating_by_aspect(self._with_numeric_rating(self.comments), self.rating, lang=self.lang)

    def _with_numeric_rating(self, comments: pd.DataFrame) -> pd.DataFrame:
        """``comments`` (a shallow copy) with the rating column as numbers; any column label, not only
        a string, as ``assign(**...)`` would need."""
        rated = comments.copy(deep=False)
        rated[self.rating] = self._rating_values().to_numpy()
        return rated

    def plot_barriers(self) -> Any:
        """Shares of the barriers to attending training (a matplotlib figure)."""
        from .plots import plot_barriers

        self._require("hambatan", "barriers were not coded: pass barriers='column' or task='hambatan' to analyze().")
        return plot_barriers(self.comments, lang=self.lang, answers=self.barrier_column)

    def wordclouds(self, by: Literal["aspek", "sentimen"] = "aspek") -> dict[str, Any]:
        """Word clouds per aspect or per sentiment (dict of matplotlib figures), negations as phrases."""
        from . import plots

        check_option("by", by, ["aspek", "sentimen"])
        self._require("aspek", "aspects were not analysed (task='hambatan').")
        build = plots.aspect_wordclouds if by == "aspek" else plots.sentiment_wordclouds
        # the clouds read these columns only: mask them, not a copy of every column
        columns = [c for c in dict.fromkeys([self.text, "teks_bersih", by, "non_informatif"]) if c in self.comments]
        shown = pd.DataFrame({c: (self._masked(self.comments[c]) if self.comments[c].dtype == object
                                  or pd.api.types.is_string_dtype(self.comments[c]) else self.comments[c]).to_numpy()
                              for c in columns}, index=self.comments.index)
        return build(shown, self.text, lang=self.lang)

    # -- exports --------------------------------------------------------------------------------------
    def to_frame(self, *, flat: bool = False, mask: bool = False) -> pd.DataFrame:
        """A copy of ``comments``; ``flat=True`` writes lists and dicts as text ("materi; waktu",
        "materi: positif"); ``mask=True`` masks personal identifiers in every text column."""
        frame = self.comments.copy()
        if flat:
            for column in frame.columns:
                if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, (list, dict))).any():
                    frame[column] = frame[column].map(_flat)
        if mask:
            for column in frame.columns:
                if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
                    frame[column] = self._masked(frame[column])
        return frame

    def _masked(self, values: pd.Series) -> pd.Series:
        """``values`` with :meth:`mask` applied to its text cells (dtype inferred, as ``Series.map`` does).

        Only a cell with a digit, an at-sign or a hint of one of ``names`` can hold something to mask:
        the others are found with one quick test each, and :meth:`mask` runs on the rest, once per
        distinct text.
        """
        from ._masking import may_hold_identifier
        from .normalization import mask_identifiers

        array = values.to_numpy(dtype=object)
        search = may_hold_identifier(self.names)
        candidates = [i for i, v in enumerate(array) if type(v) is str and search(v)]  # noqa: E721 - str subclasses are masked too, below
        candidates += [i for i, v in enumerate(array) if isinstance(v, str) and type(v) is not str]  # noqa: E721
        changed, cache = {}, {}
        for position in candidates:
            text = array[position]
            masked = cache.get(text)
            if masked is None:
                masked = cache[text] = mask_identifiers(text, self.names)
            if masked != text:
                changed[position] = masked
        if changed:
            array = array.copy()
            array[list(changed)] = list(changed.values())
        # object stays object: inferring a string dtype would copy every text into Arrow (a 200 MB cell too)
        return pd.Series(array, index=values.index, name=values.name, dtype=object if values.dtype == object else None)

    def to_csv(self, path: str | Path, *, mask: bool = True) -> Path:
        """Write the per-comment table as UTF-8 CSV with BOM (opens in Excel), identifiers masked and
        cells that a spreadsheet would run as a formula neutralised."""
        from .report import write_csv

        return write_csv(_encodable_labels(self.to_frame(mask=mask)), path)

    def _sheets(self) -> dict[str, pd.DataFrame]:
        from .report import EXCEL_MAX_ROWS, excel_sheet_names

        summary = self.summary()
        sheets = {"ringkasan": summary["angka_kunci"]}
        # allow_duplicates: an index level may share its name with a column (set_index("nip", drop=False))
        sheets["komentar"] = _encodable_labels(self.to_frame(mask=True)).reset_index(allow_duplicates=True)
        parts = excel_sheet_names("komentar", len(sheets["komentar"]))
        if len(parts) > 1:  # say where the rest of the comments are: one sheet holds 1,048,575 of them
            note = (f"{len(self):,} komentar melebihi batas Excel {EXCEL_MAX_ROWS - 1:,} baris per lembar; "
                    f"tabel komentar dibagi ke lembar {', '.join(parts)}")
            sheets["ringkasan"] = pd.concat([summary["angka_kunci"], pd.DataFrame({"ukuran": ["catatan"], "nilai": [note]})],
                                            ignore_index=True)
        if "aspek" in summary:
            sheets["aspek"] = summary["aspek"].reset_index()
        topics = self.topic_table()
        if len(topics):
            sheets["topik"] = topics.assign(kata_kunci=topics["kata_kunci"].map(lambda terms: ", ".join(t for t, _ in terms)))
        if "hambatan" in summary:
            sheets["hambatan"] = summary["hambatan"].reset_index()
        if "saran" in self.comments:
            keep = self.comments["saran"].to_numpy(dtype=bool) & ~self.comments["non_informatif"].to_numpy(dtype=bool)
            suggestions = self.comments.loc[keep]
            sheets["saran"] = _encodable_labels(pd.DataFrame({"kutipan": suggestions[self.text].map(self.mask).to_numpy(),
                                                              "aspek": suggestions["aspek"].map(_flat).to_numpy()},
                                                             index=suggestions.index)).reset_index(allow_duplicates=True)
        return sheets

    def to_excel(self, path: str | Path) -> Path:
        """Write an Excel workbook with the sheets ringkasan, komentar, aspek, topik, hambatan and
        saran (those that apply); identifiers masked, formula-like cells neutralised.

        Above Excel's 1,048,575 rows under the header, the per-comment table continues on the sheets
        ``komentar_2``, ``komentar_3`` … (same header), and a ``catatan`` row in ``ringkasan`` says so.
        """
        from .report import write_excel

        path = Path(path)
        write_excel(self._sheets(), path, lang=self.lang)
        return path

    def report_context(self, *, lang: str | None = None, title: str | None = None, n_quotes: int = 3) -> dict[str, Any]:
        """Everything the HTML report shows, as a dict (see :func:`umpanbalik.report.render_html`)."""
        from . import plots
        from ._i18n import text as _t

        lang = lang or self.lang
        summary = self.summary()
        comments = self.to_frame(mask=True)
        context: dict[str, Any] = {"judul": title or _t("report_title", lang),
                                   "dibuat": pd.Timestamp.now().strftime("%Y-%m-%d"), "gambar": {}, "tabel": {}}
        key = summary["angka_kunci"].copy()
        infinite = _infinite_count(self.comments[self.rating]) if self.rating is not None else 0
        context["angka_kunci"] = [{"label": _t(f"key_{row.ukuran}", lang), "nilai": _format_number(row.nilai),
                                   "catatan": _t("note_infinite", lang, n=infinite, column=str(self.rating))
                                   if infinite and row.ukuran == "rata_rata_nilai" else ""}
                                  for row in key.itertuples()]
        figures = context["gambar"]
        if self.task == "evaluasi":
            figures["aspek_sentimen"] = plots.plot_aspect_sentiment(comments, lang=lang)
            context["tabel"]["aspek"] = summary["aspek"]
            context["kutipan"] = {aspect: [{"teks": row.kutipan, "sentimen": (row.aspek_sentimen or {}).get(aspect, "")}
                                           for row in self.quotes(aspect, n=n_quotes).itertuples()]
                                  for aspect in _aspects_of(self.comments) if aspect in set().union(*self.comments["aspek"])}
            suggestion = self.comments["saran"].to_numpy(dtype=bool)
            if suggestion.any():
                picked = self.quotes(n=10, diversity=0.5, rows=suggestion)
                context["saran"] = picked["kutipan"].tolist()
            aspect_clouds, sentiment_clouds = plots.report_wordclouds(comments, self.text, lang=lang)
            for name, figure in aspect_clouds.items():
                figures[f"awan_aspek_{name}"] = figure
            for name, figure in sentiment_clouds.items():
                figures[f"awan_sentimen_{name}"] = figure
            if self.rating is not None and _numeric(self.comments[self.rating]).notna().sum() >= 8:
                figures["nilai"] = plots.plot_rating_by_aspect(self._with_numeric_rating(comments), self.rating, lang=lang)
                context["tabel"]["nilai"] = self.rating_effects()
        if self.topic_model is not None and getattr(self.topic_model, "n_topics_", 0):
            figures["topik"] = plots.plot_topic_sizes(comments, lang=lang)
            topics = self.topic_table()
            context["tabel"]["topik"] = topics[["topik", "ukuran", "porsi", "label"]].assign(
                contoh=topics["contoh"].map(lambda e: e[0] if e else ""))
        if "hambatan" in self.comments:
            figures["hambatan"] = plots.plot_barriers(comments, lang=lang, answers=self.barrier_column)
            context["tabel"]["hambatan"] = summary["hambatan"].assign(contoh=summary["hambatan"]["contoh"].map(lambda e: " | ".join(e)))
        if self.by and self.task == "evaluasi":
            comparison = self.compare(self.by[0])
            figures["perbandingan"] = plots.plot_segment_comparison(comments, self.by[0], lang=lang)
            context["tabel"]["perbandingan"] = comparison.sorotan.assign(  # segments are masked in the chart too
                segmen=comparison.sorotan["segmen"].map(lambda v: self.mask(v) if isinstance(v, str) else v))
        return context

    def to_html(self, path: str | Path, *, lang: str | None = None, title: str | None = None) -> Path:
        """Write one self-contained HTML report (images embedded, no external assets), Indonesian by
        default: key numbers, charts, word clouds, suggestions, quotes per aspect, topics, barriers,
        segment comparison, methods and limitations. Identifiers are masked; comment text is escaped."""
        from .report import write_html

        path = Path(path)
        write_html(self.report_context(lang=lang, title=title), path, lang=lang or self.lang)
        return path

    def _repr_html_(self) -> str:
        summary = self.summary()
        parts = [f"<p><b>umpanbalik</b>: {len(self):,} komentar</p>", summary["angka_kunci"].to_html(index=False)]
        if "aspek" in summary and len(summary["aspek"]):
            parts.append(summary["aspek"][["disebut", "porsi_disebut", "negatif", "netral", "positif", "porsi_negatif"]]
                         .to_html(float_format="{:.3f}".format))
        if "hambatan" in summary:
            parts.append(summary["hambatan"][["jumlah", "porsi"]].to_html(float_format="{:.3f}".format))
        return "".join(parts)


# -- helpers ------------------------------------------------------------------------------------------
def _share_table(counts: pd.Series, total: int, name: str) -> pd.DataFrame:
    counts = counts.astype(int)
    low, high = wilson_interval(counts.to_numpy(), np.full(len(counts), total))
    table = pd.DataFrame({"jumlah": counts.to_numpy(), "porsi": counts.to_numpy() / total if total else np.nan,
                          "ci_bawah": low, "ci_atas": high}, index=pd.Index(counts.index, name=name))
    return table


def _numeric(values: pd.Series, *, infinite: bool = False) -> pd.Series:
    """Ratings as floats: text read as numbers ("4,5" too), anything else missing, and so are
    infinite values (``inf``, ``Infinity``, ``1e309``), which would make every mean infinite and every
    coefficient NaN — unless ``infinite=True``, which keeps them (to count them)."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        numbers = values.astype(float)
    else:
        numbers = pd.to_numeric(values.map(lambda v: v.strip().replace(",", ".") if isinstance(v, str) else v),
                                errors="coerce").astype(float)
    return numbers if infinite else numbers.where(~np.isinf(numbers.to_numpy()))


def _infinite_count(values: pd.Series) -> int:
    """How many ratings are infinite (and so count as missing)."""
    return int(np.isinf(_numeric(values, infinite=True).to_numpy()).sum())


def _aspects_of(comments: pd.DataFrame) -> list[str]:
    seen = {a for row in comments.get("aspek", []) for a in row}
    return list(ASPECTS) + sorted(seen - set(ASPECTS))


def _barrier_codes(comments: pd.DataFrame) -> list[str]:
    from .datasets import BARRIERS

    seen = {b for row in comments["hambatan"] for b in row}
    return list(BARRIERS) + sorted(seen - set(BARRIERS))


def _segment_name(value: Any) -> str:
    """A segment's label: text stripped, numbers as written (2025, not "(kosong)"), blanks "(kosong)"."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "(kosong)"
    text = value.strip() if isinstance(value, str) else str(value)
    return text or "(kosong)"


def _format_number(value: Any) -> str:
    if isinstance(value, float) and np.isnan(value):  # no numeric rating at all
        return "–"
    if isinstance(value, (int, np.integer)) or (isinstance(value, float) and float(value).is_integer()):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.2f}".replace(".", ",") if isinstance(value, float) else str(value)


def _flat(value: Any) -> Any:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


_QUOTE_CANDIDATES = 20_000  # quotes are picked among at most this many distinct comments (a random sample)


# -- column helpers: one pass over a million rows, then work on the distinct cells ---------------------
def _distinct(values: pd.Series | np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """``(codes, cells)``: ``cells[codes[i]]`` is row ``i``'s cell, so that a computation on the
    cells runs once per distinct cell object instead of once per row.

    Cells are grouped by identity, which needs no hashing of lists or dicts: ``analyze`` stores each
    distinct aspect list, polarity dict and barrier list once (``_annotate._shared``), so a million
    rows hold a few hundred objects. Equal cells that are different objects (a frame built by hand)
    are only computed more than once — the result is the same.
    """
    if isinstance(values, pd.Series) and values.dtype != object:  # one type of scalar: pandas' hash table
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return codes.astype(np.intp, copy=False), list(uniques)
    array = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else np.asarray(values, dtype=object)
    identities = np.fromiter(map(id, array), dtype=np.int64, count=len(array))
    codes = pd.factorize(identities)[0]
    _, firsts = np.unique(codes, return_index=True)
    return codes.astype(np.intp, copy=False), [array[position] for position in firsts]


def _per_row(values: Any, function: Any, dtype: Any = bool) -> np.ndarray:
    """``function(cell)`` for every row, computed once per distinct cell."""
    codes, cells = values if isinstance(values, tuple) else _distinct(values)  # a tuple: _distinct's answer, reused
    return np.array([function(cell) for cell in cells], dtype=dtype)[codes] if cells else np.empty(0, dtype=dtype)


def _contains(values: pd.Series, item: Any) -> np.ndarray:
    """Whether each cell (a list, or a dict's keys) holds ``item``."""
    return _per_row(values, lambda cell: item in cell)


def _polarity(values: pd.Series, aspect: str) -> np.ndarray:
    """Each polarity dict's value for ``aspect`` (``None`` when it has none), as an object array."""
    return _per_row(values, lambda cell: cell.get(aspect), dtype=object)


def _answered(values: pd.Series) -> np.ndarray:
    """Whether each cell holds non-blank text (what ``as_text(v).strip()`` says, without copying a huge cell)."""
    return np.fromiter(((lambda t: bool(t) and not t.isspace())(as_text(v)) for v in values.to_numpy()), dtype=bool,
                       count=len(values))


def _segment_names(values: pd.Series) -> np.ndarray:
    """:func:`_segment_name` of every cell, as an object array."""
    return _per_row(values, _segment_name, dtype=object)


def _crosstab(segments: np.ndarray, outcomes: np.ndarray) -> pd.DataFrame:
    """``pd.crosstab(segments, outcomes)`` (sorted rows and columns, only the values present), counted
    with one ``bincount`` over integer codes instead of a group-by over a million Python objects."""
    if len(segments) == 0:
        return pd.crosstab(segments, outcomes)
    row_codes, row_names = pd.factorize(segments, sort=True)
    column_codes, column_names = pd.factorize(outcomes, sort=True)
    valid = (row_codes >= 0) & (column_codes >= 0)  # crosstab leaves missing values out
    counts = np.bincount(row_codes[valid] * len(column_names) + column_codes[valid], minlength=len(row_names) * len(column_names))
    return pd.DataFrame(counts.reshape(len(row_names), len(column_names)), index=pd.Index(row_names, name="row_0"),
                        columns=pd.Index(column_names, name="col_0"))

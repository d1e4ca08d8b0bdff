"""The run: :func:`analyze` reads the data, annotates every comment with the models, fits topics,
and returns the :class:`~umpanbalik.analysis.Analysis` that holds the per-comment results."""
from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._i18n import count as _count
from .._i18n import text as _words
from .._progress import current_display, progress_display, wanted
from .._tables import SUMMARY_CELL
from .._validation import as_names, as_text_list, check_int, check_option
from ..normalization import without_names
from ..schema import NON_INFORMATIVE_LABEL
from ._columns import infinite_count
from ._input import SURROGATE, as_columns, as_frame, check_columns, chunks as _chunks, encodable
from .multi import MultiAnalysis
from .result import Analysis

__all__ = ["analyze"]

_TOPIC_SAMPLE = 10_000  # topics are fitted on at most this many informative comments, then predicted
_TOPIC_BLOCK = 50_000  # comments assigned to topics at a time
_SEGMENTS_NOTED = 50  # a `by` column with more distinct values than this, and than half its rows, is noted
_TOPIC_PARALLEL_MIN = 20_000  # with n_jobs, workers assign topics from this many informative comments


def analyze(
    data: Any,
    text: Any = "komentar",
    *,
    by: str | Sequence[str] | None = None,
    rating: str | Literal["auto"] | None = None,
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
) -> Analysis | MultiAnalysis:
    """Analyse open-ended feedback: one row per input row, every model applied.

    Parameters
    ----------
    data : DataFrame, Series, list of str, or path to a CSV, XLSX or XLS file
        The survey export. CSV files may be UTF-8 (with or without BOM), Windows-1252, or rows of
        both pasted together, and use comma, semicolon, tab or pipe delimiters. Workbooks (.xlsx,
        .xlsm, Excel 97-2003 .xls) are read from their first sheet, every cell as text.
    text : str, list of str or "auto", default="komentar"
        The column of free-text comments (the name given to a list or an unnamed Series; a named
        Series keeps its name). A list of columns, or ``"auto"`` (the open questions found in the data:
        long, varied answers that are not a rating scale, a checkbox list, names, identifiers or
        timestamps; see :func:`umpanbalik.columns.text_columns`), analyses each question on its own
        and returns a :class:`MultiAnalysis` (one :class:`Analysis` per question, one report).
    by : str or list of str, optional
        Segment columns (instansi, angkatan, program …) that :meth:`Analysis.compare` uses by default.
        A checkbox column ("Materi kurang relevan, Waktu terlalu singkat") is split into its choices:
        each choice is a segment. Here and in ``text``, ``rating`` and ``barriers`` a column is named by
        its header, by its number (``"5.22"`` for a header that starts ``"5.22."``) or by a unique
        prefix of the header; an integer names a column as ``read_csv(header=None)`` names them.
    rating : str or "auto", optional
        A rating column: numbers (e.g. 1–5), or Likert answers written as text ("Sangat puas" …
        "Sangat tidak puas", "Setuju", "Baik", "Direkomendasikan", "Ya"/"Tidak"), read as ordered
        scores (:mod:`umpanbalik.likert`; :meth:`Analysis.rating_scale` and the report show the
        mapping). Other text counts as missing, with a warning that lists it. ``"auto"``: the column
        that rates the training as a whole, as the CLI finds it (a rating question whose header says
        "secara keseluruhan" or "overall", else one about satisfaction;
        :func:`umpanbalik.columns.overall_rating`), or no rating when no column does.
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
        Personal names to mask in exports and quotes, besides NIP, NIK, phone numbers and e-mails:
        ``names=["Budi Santoso"]`` (a single string is an error).
    progress : bool, optional
        Show a progress bar (tqdm; notebook-aware). Default: from 5,000 comments.
    n_jobs : int or None, default=-1
        Processes that annotate comments and assign them to topics: ``-1`` every core, ``None`` or
        ``1`` this process only (the library's one worker pool, :mod:`umpanbalik._parallel`).
        Workers are used only for at least 20,000 distinct comments (per chunk) or informative
        comments (topics), where they pay off; they are forked for the call after the models are
        loaded and end with it, so on systems without ``fork`` (Windows, macOS) and inside a
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
        For one ``text`` column; a :class:`MultiAnalysis` for a list of columns or ``"auto"``.

    Examples
    --------
    >>> result = analyze(["materi bagus tapi waktunya terlalu singkat", "tdk relevan dgn tupoksi", "-"],
    ...                  topics=False)
    >>> result.comments[["sentimen", "aspek", "non_informatif"]].to_dict("list")
    {'sentimen': ['negatif', 'negatif', 'netral'], 'aspek': [['materi', 'waktu'], ['relevansi'], []], 'non_informatif': [False, False, True]}

    Several open questions of a form export, named by their numbers, with a Likert rating:

    >>> form = pd.DataFrame({"5.5. Seberapa puas Anda?": ["Puas", "Sangat puas", "Tidak puas"],
    ...                      "5.21. Kendala": ["sinyal zoom putus", "-", "jadwal bentrok dengan rapat"],
    ...                      "5.22. Saran": ["mohon rekaman dibagikan", "materi sudah bagus", "waktu ditambah"]})
    >>> results = analyze(form, text=["5.21", "5.22"], rating="5.5", topics=False)
    >>> list(results.questions), results["5.22"].key_numbers().set_index("ukuran").loc["rata_rata_nilai", "nilai"]
    (['5.21. Kendala', '5.22. Saran'], 3.667)
    """
    check_option("task", task, ["evaluasi", "hambatan"])
    check_option("lang", lang, ["id", "en"])
    check_int("random_state", random_state, minimum=0)
    check_int("chunksize", chunksize, minimum=1, allow_none=True)
    names = as_names(names)
    if text is None:  # (it reached pandas as frame[None]: "KeyError: None")
        raise TypeError("`text` names the column of comments: text='komentar', a list of columns (one analysis each), "
                        "or text='auto' for every open question in the data; got None.")
    if task == "hambatan" and barriers is not None:
        raise ValueError("with task='hambatan' the `text` column holds the why-not answers; leave `barriers` unset.")
    segments = as_columns(by, "by")
    options = dict(by=segments, rating=rating, barriers=barriers, task=task, topics=topics, names=list(names),
                   progress=progress, n_jobs=n_jobs, chunksize=chunksize, random_state=random_state, lang=lang)
    if isinstance(text, str) and text == "auto" or (isinstance(text, Sequence) and not isinstance(text, str)):
        return _analyze_questions(data, text, models=models, **options)
    from .._annotate import Models

    return _analyze_one(data, text, models=Models.coerce(models), warn=True, **options)


def _analyze_questions(data: Any, text: Any, *, models: Any, **options: Any) -> MultiAnalysis:
    """Each open question on its own: one :class:`Analysis` per column, the models loaded once."""
    from .._annotate import Models
    from .._tables import _EXCEL_SUFFIXES, TABLE_SUFFIXES, sample_rows
    from ..columns import overall_rating, text_columns

    path = Path(data) if isinstance(data, (str, Path)) else None
    if path is not None and options["chunksize"] is not None and path.suffix.lower() in TABLE_SUFFIXES \
            and path.suffix.lower() not in _EXCEL_SUFFIXES:  # streamed again for each question
        sample = sample_rows(path)  # a question blank in these rows is judged by its later answers
    else:
        data = sample = as_frame(data, "komentar")  # a file is read once for all the questions
    segments, rating, barriers = options["by"], options["rating"], options["barriers"]
    auto = _is_auto(rating)
    rating, barriers, *segments = check_columns(sample, [None if auto else rating, barriers, *segments],
                                                ["rating", "barriers", *["by"] * len(segments)])
    found_barriers = None
    if isinstance(text, str):  # "auto"
        questions = text_columns(sample, exclude=[c for c in (rating, barriers, *segments) if c is not None])
        if not questions and sample.shape[1] == 1:
            questions = list(sample.columns)
        if barriers is None:
            questions, found_barriers = why_not_apart(questions, options["task"])
            barriers = found_barriers
        if not questions:
            from ..columns import describe_columns

            kinds = ", ".join(f"{str(r.kolom)!r} ({r.jenis})" for r in describe_columns(sample).itertuples())
            raise ValueError(f"no open question found in the data (columns and what they hold: {kinds}); "
                             "name the comment columns: text=['column', …].")
    else:
        if not all(isinstance(t, (str, int, np.integer)) and not isinstance(t, bool) for t in text) or not len(text):
            raise TypeError(f"`text` must be a column name, a list of column names or 'auto'; got {text!r}.")
        questions = list(dict.fromkeys(check_columns(sample, list(text), ["text"] * len(text))))
    if auto:  # as the CLI does: the overall rating among the columns that are not questions
        rating = overall_rating(sample, exclude=[*questions, barriers, *segments])
    if rating is not None:
        _warn_rating(sample[rating], rating, stacklevel=4)
    options.update(by=segments, rating=rating, barriers=barriers)
    models = Models.coerce(models)
    analyses = {question: _analyze_one(data, question, models=models, warn=False, stacklevel=4, **options) for question in questions}
    if found_barriers is not None:
        for analysis in analyses.values():
            analysis.notes.append(_words("note_barriers_found", options["lang"], column=str(found_barriers)))
    return MultiAnalysis(analyses)




def _summary_rows(comments: pd.DataFrame, text: Any, rating: Any) -> tuple[np.ndarray, list[str]]:
    """The rows at the bottom that sum the answers up: among the last rows, one without a comment (or
    with a count where the comment would be) whose first filled cell holds only a word such as
    "Jumlah", "Rata-rata" or "Nilai tertinggi" that its column holds nowhere else (respondents who
    chose "Average" on a scale question are no such rows, nor are the rows of a signature typed under
    the comments); with the words found (at most three)."""
    from ..likert import is_number
    from ._columns import answered

    rows = np.zeros(len(comments), dtype=bool)
    words: list[str] = []
    start = max(1, len(comments) - _SUMMARY_ROWS_SCANNED)
    if start >= len(comments):
        return rows, words
    texts = comments[text].iloc[start:]
    quiet = ~answered(texts) | np.fromiter((is_number(v) for v in texts.to_numpy()), dtype=bool, count=len(texts))
    others = [i for i, column in enumerate(comments.columns) if column not in (text, rating)]
    seen: dict[int, Any] = {}  # per column, how often each value is written (built when needed)
    tail = comments.iloc[start:, others].itertuples(index=False, name=None)
    for offset, (values, no_comment) in enumerate(zip(tail, quiet)):
        filled = next(((i, v) for i, v in zip(others, values)
                       if isinstance(v, str) and v.strip() or isinstance(v, (int, float)) and v == v), None)
        if not no_comment or filled is None or not (isinstance(filled[1], str) and len(filled[1]) <= 40
                                                   and SUMMARY_CELL.fullmatch(filled[1])):
            continue
        column, label = filled
        if column not in seen:
            seen[column] = pd.Series([v.strip().casefold() for v in comments.iloc[:, column].to_numpy()
                                      if isinstance(v, str)], dtype=object).value_counts()
        if seen[column].get(label.strip().casefold(), 0) > 1:
            continue  # an answer other respondents chose too ("Average" on a scale question), not a recap's label
        rows[start + offset] = True
        if label.strip() not in words and len(words) < 3:
            words.append(label.strip())
    return rows, words


_SUMMARY_ROWS_SCANNED = 20  # the last rows a recap's totals may take (sums, means, extremes, a signature)


#: A question that asks why people do not attend ("Mengapa tidak ikut pelatihan?", "Alasan tidak mengikuti", "Hambatan …").
_WHY_NOT = re.compile(r"(?i)\b(?:(?:mengapa|kenapa|alasan)\b.{0,40}\b(?:tidak|tak|belum|jarang)\b|hambatan|"
                      # what keeps one from attending ("Apa yang menyebabkan Anda tidak mengikuti pelatihan?") — not
                      # what caused a complaint ("Apa yang menyebabkan Anda tidak puas?")
                      r"\b(?:penyebab|menyebabkan)\b.{0,40}\b(?:tidak|tak|belum|jarang)\s+(?:pernah\s+)?(?:dapat\s+|bisa\s+)?"
                      r"(?:ikut|mengikuti|hadir|menghadiri)\b|"
                      # the reason asked after the not-attending ("Jika Anda jarang ikut pelatihan, apa alasannya?")
                      r"\b(?:tidak|tak|belum|jarang)\s+(?:pernah\s+)?(?:dapat\s+|bisa\s+)?(?:ikut|mengikuti|hadir|menghadiri)\s+"
                      r"(?:\w+\s+){0,2}?(?:pelatihan|diklat|bimtek|kegiatan|training|kursus|workshop|seminar|webinar)\b"
                      r".{0,60}\b(?:alasan|mengapa|kenapa|sebab|penyebab)|why not|(?:reason|why)\b.{0,30}\b(?:not|never)\b)")


#: A question that asks what was good ("Apa hal yang paling bermanfaat …?", "Materi yang paling disukai", "Kelebihan pelatihan",
#: "Apa manfaat yang paling Anda rasakan?", "Hal yang paling Anda sukai").
_PRAISE_QUESTION = re.compile(r"(?i)\b(?:paling|yang)\s+(?:anda\s+|kamu\s+)?(?:paling\s+)?(?:bermanfaat|berkesan|disukai|"
                              r"berguna|membantu|menarik|sukai|senangi|disenangi)\b|"
                              # the benefit felt or gained ("Apa manfaat yang paling Anda rasakan?", "Manfaat yang diperoleh")
                              r"\bmanfaat\s+(?:apa\s+)?(?:yang\s+)?(?:anda\s+|kamu\s+)?(?:paling\s+)?(?:rasakan|dirasakan|peroleh|"
                              r"diperoleh|dapatkan|didapat|didapatkan|terima|diterima)\b|\bapa\s+(?:saja\s+)?manfaat(?:nya)?\b|"
                              r"\bkelebihan\b|\bhal\s+(?:positif|baik)\b|\bmost\s+(?:useful|helpful|valuable)\b|"
                              r"\b(?:liked?|enjoyed?)\s+(?:best|most)\b|\bwhat\s+did\s+you\s+(?:like|enjoy)\b|\bbenefits?\s+(?:you\s+)?(?:gained|got|received)\b")


#: A question that also asks what was weak or should change ("kelebihan dan kekurangan", "… dan apa yang perlu diperbaiki?").
_ASKS_FOR_CRITICISM = re.compile(r"(?i)kekurangan|kelemahan|negatif|\bkurang\b|\btidak\b|\bbelum\b|perbaik|saran|kritik|kendala|diubah|"
                                 r"ditingkatkan|\b(?:change|improve|worst|least|dislike|weakness)")


def looks_like_praise_question(column: Any) -> bool:
    """Whether a column's header asks only what was good or useful: its answers name things, and the
    models (which learned from "kritik dan saran" answers, where a bare name is a complaint) read them
    negatif. A question that also asks for weaknesses or changes is not one: its complaints are real."""
    if not isinstance(column, str):
        return False
    header = column.replace("_", " ")
    return _PRAISE_QUESTION.search(header) is not None and _ASKS_FOR_CRITICISM.search(header) is None


def praise_question_notes(text: Any, task: str, lang: str) -> list[str]:
    """The note a praise question's answers need (none for other questions): in ``result.notes``, the
    CLI and under the question's findings in the report, in the report's language."""
    if task != "evaluasi" or not looks_like_praise_question(text):
        return []
    return [_words("note_praise_question", lang, column=str(text))]


#: The answers read to tell what a text column holds (its kind needs no more).
_KIND_SAMPLE = 2_000


def open_text_notes(values: pd.Series, text: Any, lang: str) -> list[str]:
    """A note when the column analysed as comments holds a rating scale, numbers or dates
    (``--text-column 1`` on a Likert question gave "82% non-answers, 100% positif" without a word)."""
    from ..columns import column_kind

    # (not "identitas": short answers to "Sebutkan nama materi …" read as names, and a false alarm that
    # the sentiment "means nothing" is worse than none)
    kind = column_kind(values.iloc[:_KIND_SAMPLE].tolist(), header=text)
    if kind not in ("likert", "angka", "waktu"):
        return []
    return [_words("note_not_open_text", lang, column=str(text), kind=_words(f"kind_{kind}", lang))]


def looks_like_why_not(column: Any, *, strict: bool = False) -> bool:
    """Whether a column's header asks why people do not attend training (the ``hambatan`` task's question).
    ``strict``: by the words of not attending, not "hambatan" alone ("Hambatan yang dialami selama
    mengikuti pelatihan" asks about the training itself): a column is only moved to barriers on these."""
    if not isinstance(column, str):
        return False
    text = column.replace("_", " ")
    matches = [m.group(0) for m in _WHY_NOT.finditer(text)]
    return any(not strict or m.lower() != "hambatan" for m in matches) or bool(matches and _NOT_ATTENDING.search(text))


#: Not attending, or what it takes to attend, beside "hambatan" ("Hambatan sehingga tidak ikut pelatihan",
#: "Hambatan untuk mengikuti pelatihan"; not "Hambatan yang dialami selama mengikuti pelatihan").
_NOT_ATTENDING = re.compile(r"(?i)\b(?:(?:tidak|tak|belum|jarang)\s+(?:\w+\s+){0,2}?|untuk\s+)(?:ikut|mengikuti|hadir|menghadiri)\b")


def why_not_apart(questions: list[Any], task: str) -> tuple[list[Any], Any]:
    """The open questions found in the data, and among them the one question about not attending
    training (:func:`looks_like_why_not`, ``strict``), set apart to be coded as barriers (``None`` when
    there is no such question, several, it is the only question, or the task is not ``evaluasi``):
    read as feedback, its "sibuk" was criticism of the training's timing."""
    why_not = [q for q in questions if looks_like_why_not(q, strict=True)]
    if task != "evaluasi" or len(why_not) != 1 or len(questions) < 2:
        return questions, None
    return [q for q in questions if q != why_not[0]], why_not[0]


def _is_auto(value: Any) -> bool:
    return isinstance(value, str) and value == "auto"


def _warn_rating(values: pd.Series, name: Any, stacklevel: int) -> None:
    """Warn about rating answers that are neither numbers nor on the column's Likert scale, and about
    numbers outside the scale its text answers use (a 1–10 score or a total beside "Puas": they count as missing)."""
    from ..likert import counts_outside_scale, is_number, likert_scores, scale_bounds, unknown_answers

    bounds = scale_bounds(values)
    if bounds is not None:
        numbers = likert_scores([v for v in values if is_number(v)], scale={}).dropna()  # a decimal comma is read
        outside = numbers[(numbers < bounds[0]) | (numbers > bounds[1])]
        if len(outside):
            low, high = (f"{b:g}" for b in bounds)
            words = int(sum(isinstance(v, str) and bool(v.strip()) and not is_number(v) for v in values))
            fate = ("count as missing (a count or a total under the answers?)" if counts_outside_scale(words, len(numbers))
                    else "are averaged with the scale's scores")  # as likert_scores reads them
            warnings.warn(f"the rating column {str(name)!r} mixes a {low}–{high} scale written as text with numbers outside "
                          f"it ({len(outside)} answers, e.g. {outside.iloc[0]:g}); they {fate}. Put them on one scale "
                          f"first.", UserWarning, stacklevel=stacklevel)
    unknown = unknown_answers(values)
    if unknown:
        shown = ", ".join(repr(v[:40]) for v in unknown[:10]) + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
        warnings.warn(f"the rating column {str(name)!r} holds answers that are neither numbers nor a known rating scale "
                      f"({shown}); they count as missing. Recode them as numbers first, e.g. "
                      f"data[{str(name)!r}].map({{{unknown[0][:20]!r}: 3, …}}).", UserWarning, stacklevel=stacklevel)


def _analyze_one(data: Any, text: Any, *, by: list[Any], rating: Any, barriers: Any, task: str, topics: Any,
                 models: Any, names: list[str], progress: bool | None, n_jobs: int | None, chunksize: int | None,
                 random_state: int, lang: str, warn: bool, stacklevel: int = 3) -> Analysis:
    """:func:`analyze` of one comment column (``warn``: warn about a rating column's unreadable answers;
    ``stacklevel``: the caller of :func:`analyze`, seen from here, whom warnings name)."""
    segments = by
    chunks, total = _chunks(data, text, chunksize)
    outer = current_display()  # the CLI's one display for the whole run, or this call's own
    with nullcontext(outer) if outer is not None else progress_display(total, enabled=wanted(total, progress), lang=lang) as display:
        return _analyze_rows(chunks, data, text, segments, rating=rating, barriers=barriers, task=task, topics=topics,
                             models=models, names=names, n_jobs=n_jobs, random_state=random_state, lang=lang, warn=warn,
                             stacklevel=stacklevel + 1, display=display)


def _analyze_rows(chunks: Any, data: Any, text: Any, segments: list[Any], *, rating: Any, barriers: Any, task: str,
                  topics: Any, models: Any, names: list[str], n_jobs: int | None, random_state: int, lang: str, warn: bool,
                  stacklevel: int, display: Any) -> Analysis:
    frames, parts = [], []
    try:
        for chunk in chunks:
            if not frames:  # the first chunk names the columns
                if isinstance(data, pd.Series) and data.name is not None:
                    text = chunk.columns[0]  # a named Series is the comment column, whatever its name
                auto = _is_auto(rating)
                text, rating, barriers, *segments = _columns_of(chunk, [text, None if auto else rating, barriers, *segments])
                if auto:  # the column that rates the training as a whole, found in the first chunk
                    from ..columns import overall_rating

                    rating = overall_rating(chunk, exclude=[text, barriers, *segments])
                if warn and rating is not None:
                    _warn_rating(chunk[rating], rating, stacklevel=stacklevel + 1)
                if task == "evaluasi" and looks_like_why_not(text):  # a why-not question read as course feedback
                    warnings.warn(f"the column {str(text)!r} looks like answers to why people do not attend training: "
                                  f"code them with analyze(..., task='hambatan'), or pass the column as barriers=.",
                                  UserWarning, stacklevel=stacklevel + 1)
            chunk = encodable(chunk)
            chunk_texts = without_names(as_text_list(chunk[text], name=text), names)
            with display.stage("anotasi"):
                parts.append(_annotate_chunk(chunk, chunk_texts, barriers, task, models, n_jobs, display, names))
            frames.append(chunk)
    finally:
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
        warnings.warn(f"the data already has columns that analyze() writes; they are kept renamed: {renamed}.", UserWarning, stacklevel=stacklevel)
        comments = comments.rename(columns=kept_as)
    unencodable = {c: SURROGATE.sub("\ufffd", c) for c in comments.columns
                   if isinstance(c, str) and not c.isascii() and SURROGATE.search(c)}
    if unencodable:  # a column name no file can hold: pandas fails on it as soon as it types the names
        comments = comments.set_axis(pd.Index([unencodable.get(c, c) for c in comments.columns], dtype=object), axis=1)
        kept_as.update(unencodable)  # read under the new name, like the renamed clashes
    comments = pd.concat([comments, annotated], axis=1)
    del annotated
    model, notes = None, []
    if task == "evaluasi" and getattr(models.get("aspek"), "polarity_model_", True) is None:  # said, not a silent netral
        notes.append(_words("note_no_polarity", lang))
    if len(comments) and not (~comments["non_informatif"].to_numpy(dtype=bool)).any():
        # said once in words (the CLI, result.notes), not as an empty topic fit's error
        notes.append(_words("note_no_informative", lang, n=_count(len(comments), lang)))
    elif topics is not False and topics is not None and len(comments):
        with display.stage("topik"):
            model, topic_notes = _fit_topics(comments, frame[text], topics, task, random_state, n_jobs,
                                             models.get("preprocessor"), lang, names=names)
        notes += topic_notes
    notes += praise_question_notes(text, task, lang) + open_text_notes(frame[text], text, lang)
    if rating is not None:  # "Jumlah" and "Rata-rata" rows under a hand-made recap: their totals are no ratings
        summary, examples = _summary_rows(comments, kept_as.get(text, text), kept_as.get(rating, rating))
        if summary.any():
            comments[kept_as.get(rating, rating)] = comments[kept_as.get(rating, rating)].where(~summary)
            notes.append(_words("note_summary_rows", lang, n=int(summary.sum()), column=str(rating),
                                examples=", ".join(f'"{e}"' for e in examples)))
    infinite = infinite_count(comments[kept_as.get(rating, rating)]) if rating is not None else 0
    if infinite:  # a notice (result.notes, the CLI, the report's mean-rating card), not an error
        notes.append(_words("note_infinite", lang, n=infinite, column=str(rating)))

    def column(name: Any) -> Any:  # a column the user named, under its new name if it was renamed
        return kept_as.get(name, name) if name is not None else None

    for segment in segments:
        filled, distinct = _distinct_values(comments[column(segment)])
        if distinct > _SEGMENTS_NOTED and distinct > filled / 2:  # e.g. --by on the comment column itself
            notes.append(_words("note_by_distinct", lang, column=str(segment), k=_count(distinct, lang), n=_count(filled, lang)))

    # (a comment column called "saran" is kept as "saran_asli": the Analysis must read that one,
    # not the suggestion flags)
    return Analysis(comments, text=column(text), by=[column(s) for s in segments], rating=column(rating),
                    barriers=column(barriers), task=task, topic_model=model, names=list(names), lang=lang, notes=notes,
                    random_state=random_state, own_models=models.own())


def _distinct_values(values: pd.Series) -> tuple[int, int]:
    """How many cells of a segment column are filled, and how many segments they make (a checkbox
    column's options, not its combinations of them)."""
    from . import _columns as col

    text = values.map(lambda v: "" if v is None or (np.ndim(v) == 0 and pd.isna(v)) else str(v).strip())
    filled = text[text != ""]
    if filled.empty:
        return 0, 0
    _, segments = col.segments(filled, missing="")
    return len(filled), int(pd.unique(np.asarray(segments, dtype=object)).size)


def _columns_of(chunk: pd.DataFrame, columns: list[Any]) -> list[Any]:
    """The columns ``text``, ``rating``, ``barriers`` and ``by`` name in ``chunk``; a ``text`` column
    that is not there is answered with the open questions found in the data."""
    from ..columns import ColumnError, text_columns

    try:
        return check_columns(chunk, columns, ["text", "rating", "barriers", *["by"] * (len(columns) - 3)])
    except ColumnError as error:
        if error.option == "text" and not error.ambiguous and not error.candidates:
            from .._tables import SAMPLE_ROWS

            found = text_columns(chunk.head(SAMPLE_ROWS))
            if found:
                error.candidates = found[:3]
                error.hint = "To analyse every open question found in the data, pass text='auto'."
        raise


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


def _annotate_chunk(chunk: pd.DataFrame, texts: list[str], barriers: str | None, task: str, models: Any,
                    n_jobs: int | None, display: Any, names: list[str]) -> pd.DataFrame:
    """The model outputs for one chunk's rows, indexed like the chunk; ``texts``: its comments as the
    models read them (:func:`without_names`), like the barrier answers here."""
    from .._annotate import annotate

    barrier_texts = texts if task == "hambatan" else (
        without_names(as_text_list(chunk[barriers], name=barriers), names) if barriers else None)
    done = [0]

    def step(finished: int) -> None:
        display.update(finished - done[0])
        done[0] = finished

    annotated = annotate(texts, barriers=barrier_texts, with_comments=task == "evaluasi", models=models, progress=step,
                         n_jobs=n_jobs)
    if task == "hambatan":  # the answers need only their cleaned text and the non-answer flag
        annotated.insert(0, "teks_bersih", models.get("preprocessor").transform(texts))
        # an answer coded with a reason gives one: "tidak ada waktu" is a reason, though the comment
        # detector reads "tidak ada …" as the non-answer "tidak ada" (the finding called such answers unusable)
        coded = np.fromiter((bool(codes) for codes in annotated["hambatan"]), dtype=bool, count=len(annotated))
        flagged = np.asarray(models.get("non_informatif").predict(texts), dtype=bool)
        annotated.insert(1, "non_informatif", flagged & ~coded)
    annotated.index = chunk.index
    return annotated


def _fit_topics(comments: pd.DataFrame, source: pd.Series, topics: Any, task: str, random_state: int,
                n_jobs: int | None, preprocessor: Any, lang: str = "id", *, names: Sequence[str] = ()) -> tuple[Any, list[str]]:
    """Fit (or apply) the topic model; ``source`` is the comment column, read a block at a time (as the
    models read it: :func:`without_names`), and ``preprocessor`` the one that made ``teks_bersih``."""
    from ..preprocessing import same_preprocessing
    from ..topics import MAX_TOPICS, NON_INFORMATIVE_TOPIC, TopicModel

    def texts(positions: np.ndarray) -> list[str]:
        return without_names(as_text_list(source.iloc[positions], name=str(source.name)), names)

    def cleaned(positions: np.ndarray) -> list[str] | None:  # teks_bersih, when it is the topic model's preprocessing
        return comments["teks_bersih"].iloc[positions].tolist() if reuse else None

    informative = ~comments["non_informatif"].to_numpy(dtype=bool)
    if isinstance(topics, TopicModel):
        model = topics
    else:
        if not (topics == "auto" or (isinstance(topics, (int, np.integer)) and not isinstance(topics, bool)
                                     and 1 <= topics <= MAX_TOPICS)):
            raise ValueError(f"`topics` must be 'auto', a number of topics from 1 to {MAX_TOPICS}, a TopicModel or False; "
                             f"got {topics!r}.")
        model = TopicModel(n_topics=topics, n_jobs=n_jobs, random_state=random_state)
    reuse = same_preprocessing(getattr(model, "preprocessor", None), preprocessor)
    notes: list[str] = []
    topic = np.full(len(source), NON_INFORMATIVE_TOPIC, dtype=int)
    labels = np.full(len(source), NON_INFORMATIVE_LABEL, dtype=object)
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
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                model.fit(texts(sample), informative=np.ones(len(sample), dtype=bool), cleaned=cleaned(sample), **annotations)
            fewer = model.n_topics != "auto" and model.n_topics_ < model.n_topics
            for warning in caught:  # fewer topics than asked: said as a note in the user's language
                if not (fewer and issubclass(warning.category, UserWarning) and "could be formed" in str(warning.message)):
                    warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
            if fewer:
                notes.append(_words("note_topic_fewer", lang, k=model.n_topics_, asked=model.n_topics,
                                    n=_count(len(sample), lang)))
        # in blocks (the features of a block at a time), shared with workers forked for the call
        from .. import _parallel

        processes = _parallel.processes(n_jobs, enough=len(rows) >= _TOPIC_PARALLEL_MIN, inherit=True)
        size = max(1, min(_TOPIC_BLOCK // processes, -(-len(rows) // processes)))  # _TOPIC_BLOCK in flight at once

        def assign(start: int) -> tuple[np.ndarray, np.ndarray]:
            block = rows[start : start + size]
            assigned = model.transform(texts(block), informative=np.ones(len(block), dtype=bool), cleaned=cleaned(block))
            return assigned["topik"].to_numpy(), assigned["label_topik"].to_numpy()

        starts = list(range(0, len(rows), size))
        for start, (block_topics, block_labels) in zip(starts, _parallel.map_forked(assign, starts, processes)):
            topic[rows[start : start + size]] = block_topics
            labels[rows[start : start + size]] = block_labels
    except ValueError as error:  # documented degenerate inputs (too few or uniform comments)
        notes.append(_words("note_topic_failed", lang, error=error))
        model = None
    comments["topik"] = topic
    comments["label_topik"] = labels
    return model, notes


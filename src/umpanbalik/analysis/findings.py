"""Headline findings ("Temuan utama"): a few plain sentences generated from the computed tables.

Each finding states its figure, its 95% interval and its base, and names the comments that show
it (a quote filter that :meth:`Analysis.findings` turns into quotes). A finding is only stated when
the data support it; otherwise its sentence says what is missing:

* a share is stated only over a base of at least :data:`MIN_BASE` comments, and a "most frequent"
  aspect, suggestion or barrier only when it counts at least :data:`MIN_COUNT` comments;
* "the most …" is claimed only when its interval lies above the runner-up's (they do not
  overlap); otherwise both are named and the sentence says they cannot be told apart;
* a segment is said to differ only through a significant chi-square test (Holm-adjusted, no small
  expected counts) whose segment interval excludes the share of the other segments;
* an aspect's criticism goes with lower ratings only when the interval of its OLS coefficient
  lies below zero.

The functions read the tables of :mod:`umpanbalik.analysis.tables` and
:mod:`umpanbalik.analysis.comparison`; nothing here counts comments again.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._format import count, decimal, decimal_interval, percent, percent_interval
from .._i18n import check_lang, label
from .._stats import wilson_interval

__all__ = ["Finding", "headline_findings", "MIN_BASE", "MIN_COUNT"]

#: Fewest comments (or respondents, or rated comments) a share or a test is stated over.
MIN_BASE = 30
#: Fewest comments behind a "most criticised aspect", "most requested change", "main barrier" or a
#: criticism that goes with lower ratings.
MIN_COUNT = 10

_SENTENCES = {
    "id": {
        "sentiment": "Dari {n} komentar informatif, {pos} bernada positif ({pos_ci}) dan {neg} negatif ({neg_ci}).",
        "sentiment_more_pos": " Komentar positif lebih banyak daripada yang negatif.",
        "sentiment_more_neg": " Komentar negatif lebih banyak daripada yang positif.",
        "sentiment_tie": " Selisih keduanya belum pasti: selang kepercayaannya bertumpang tindih.",
        "sentiment_few": "Baru {n} komentar informatif: terlalu sedikit (kurang dari {min}) untuk menyimpulkan sebaran sentimen.",
        "aspect": "Aspek yang paling sering dikritik adalah {a}: {k} komentar, {p} dari komentar informatif ({ci}).",
        "aspect_tie": "Aspek {a} ({p}, {ci}) dan {b} ({q}, {ci_b}) sama-sama paling sering dikritik; datanya belum cukup untuk memisahkan keduanya.",
        "aspect_few": "Belum ada aspek yang cukup sering dikritik untuk disimpulkan (paling banyak {k} komentar, minimal {min}).",
        "aspect_base": "Baru {n} komentar informatif: terlalu sedikit (kurang dari {min}) untuk menyimpulkan aspek mana yang paling sering dikritik.",
        "suggestion_base": "Baru {n} saran: terlalu sedikit (kurang dari {min}) untuk menyimpulkan perubahan mana yang paling banyak diminta.",
        "barrier_base": "Baru {n} jawaban tentang hambatan: terlalu sedikit (kurang dari {min}) untuk menyimpulkan hambatan mana yang paling sering disebut.",
        "aspect_unmeasured": "Model aspek yang dipakai tidak mengukur polaritas: aspek yang disebut dihitung netral, sehingga laporan ini tidak dapat mengatakan aspek mana yang dikritik.",
        "rating_unmeasured": "Kritik terhadap aspek tidak dapat dikaitkan dengan nilai: model aspek yang dipakai tidak mengukur polaritas.",
        "suggestion": "Perubahan yang paling banyak diminta menyangkut {a}: {k} dari {n} saran ({p}, {ci}).",
        "suggestion_tie": "Saran paling banyak menyangkut {a} ({p}, {ci}) dan {b} ({q}, {ci_b}); keduanya belum dapat dipisahkan.",
        "suggestion_few": "Saran yang menyebut satu aspek terlalu sedikit untuk menyimpulkan perubahan yang paling diminta (paling banyak {k}, minimal {min}).",
        "suggestion_none": "Tidak ada komentar informatif yang berisi saran.",
        "rating": "Komentar yang mengkritik {a} disertai nilai rata-rata {b} poin lebih rendah (IK 95% {ci}), dengan aspek lain diperhitungkan; ini asosiasi, bukan sebab-akibat.",
        "rating_none": "Tidak ada kritik terhadap satu aspek yang jelas berhubungan dengan nilai lebih rendah: semua selang kepercayaan mencakup nol ({n} komentar bernilai).",
        "rating_few": "Terlalu sedikit komentar informatif yang bernilai ({n}, minimal {min}) untuk mengaitkan kritik dengan nilai.",
        "rating_thin": "Kritik terhadap {a} disertai nilai lebih rendah, tetapi hanya pada {k} komentar bernilai (minimal {min}): terlalu sedikit untuk disimpulkan.",
        "segment": "Pada kelompok {by} \"{s}\", {m}: {p} ({ci}) dibanding {q} pada kelompok lain.",
        "more": "lebih sering", "less": "lebih jarang",
        "segment_none": "Tidak ada {by} yang berbeda nyata dari yang lain (uji khi-kuadrat dengan koreksi Holm; kelompok dengan kurang dari {min} komentar tidak diuji).",
        "segment_untested": "Kelompok {by} tidak dapat dibandingkan: kurang dari dua kelompok yang memiliki sedikitnya {min} komentar, sehingga tidak ada uji yang dijalankan.",
        "barrier": "Hambatan yang paling sering disebut adalah {a}: {k} dari {n} responden yang menjawab ({p}, {ci}).",
        "barrier_tie": "Hambatan {a} ({p}, {ci}) dan {b} ({q}, {ci_b}) sama-sama paling sering disebut; keduanya belum dapat dipisahkan.",
        "barrier_few": "Terlalu sedikit jawaban tentang hambatan untuk menyimpulkan hambatan utama (paling banyak {k} menyebut satu hambatan, minimal {min}).",
        "non_informative": "{k} dari {n} jawaban ({p}, {ci}) tidak berisi masukan yang dapat dipakai (kosong, atau misalnya \"-\" dan \"tidak ada\"); jawaban ini tidak dihitung dalam sentimen, aspek, saran dan topik.",
        "non_informative_hambatan": "{k} dari {n} jawaban ({p}, {ci}) tidak menyebut alasan yang dapat dipakai (kosong — misalnya dari yang tidak perlu menjawab — atau seperti \"-\" dan \"tidak ada\"); porsi hambatan dihitung atas responden yang menjawab.",
        "non_informative_none": "Data tidak berisi satu jawaban pun untuk dianalisis.",
        "m_sentimen_negatif": "komentar {more} bernada negatif", "m_menyebut": "komentar {more} menyebut {a}",
        "m_negatif": "komentar tentang {a} {more} bernada negatif", "m_hambatan": "responden {more} menyebut hambatan {a}",
        "segment_join": " atau ",
    },
    "en": {
        "sentiment": "Of {n} informative comments, {pos} are positive ({pos_ci}) and {neg} negative ({neg_ci}).",
        "sentiment_more_pos": " Positive comments outnumber negative ones.",
        "sentiment_more_neg": " Negative comments outnumber positive ones.",
        "sentiment_tie": " The gap between them is uncertain: their confidence intervals overlap.",
        "sentiment_few": "Too few informative comments ({n}, minimum {min}) to conclude how sentiment is distributed.",
        "aspect": "The most criticised aspect is {a}: {k} comments, {p} of the informative comments ({ci}).",
        "aspect_tie": "{a} ({p}, {ci}) and {b} ({q}, {ci_b}) are both the most criticised aspects; the data cannot yet tell them apart.",
        "aspect_few": "No aspect is criticised often enough to conclude anything (the most criticised: {k} comments; minimum {min}).",
        "aspect_base": "Too few informative comments ({n}, minimum {min}) to conclude which aspect is criticised most.",
        "suggestion_base": "Too few suggestions ({n}, minimum {min}) to conclude which change is requested most.",
        "barrier_base": "Too few answers about barriers ({n}, minimum {min}) to conclude which barrier is named most.",
        "aspect_unmeasured": "The aspect model used does not measure polarity: every aspect mentioned counts as neutral, so this report cannot say which aspect is criticised.",
        "rating_unmeasured": "Criticism of aspects cannot be related to ratings: the aspect model used does not measure polarity.",
        "suggestion": "The most requested change concerns {a}: {k} of {n} suggestions ({p}, {ci}).",
        "suggestion_tie": "Suggestions most often concern {a} ({p}, {ci}) and {b} ({q}, {ci_b}); the two cannot yet be told apart.",
        "suggestion_few": "Too few suggestions name one aspect to conclude which change is requested most (the most named: {k}; minimum {min}).",
        "suggestion_none": "No informative comment contains a suggestion.",
        "rating": "Comments that criticise {a} come with ratings {b} points lower (95% CI {ci}), other aspects held fixed; this is an association, not a cause.",
        "rating_none": "No aspect's criticism clearly goes with lower ratings: every confidence interval includes zero ({n} rated comments).",
        "rating_few": "Too few informative comments have a rating ({n}, minimum {min}) to relate criticism to ratings.",
        "rating_thin": "Criticism of {a} comes with lower ratings, but in only {k} rated comments (minimum {min}): too few to conclude.",
        "segment": "Where {by} is \"{s}\", {m}: {p} ({ci}) against {q} in the other groups.",
        "more": "more often", "less": "less often",
        "segment_none": "No group of {by} differs clearly from the others (chi-square tests with Holm's correction; groups under {min} comments are not tested).",
        "segment_untested": "The groups of {by} cannot be compared: fewer than two groups have at least {min} comments, so no test was run.",
        "barrier": "The barrier named most often is {a}: {k} of {n} respondents who answered ({p}, {ci}).",
        "barrier_tie": "{a} ({p}, {ci}) and {b} ({q}, {ci_b}) are both named most often; the two cannot yet be told apart.",
        "barrier_few": "Too few answers about barriers to conclude which barrier matters most (the most named: {k}; minimum {min}).",
        "non_informative": "{k} of {n} answers ({p}, {ci}) carry no usable feedback (empty, or such as \"-\" and \"nothing\"); they are left out of sentiment, aspects, suggestions and topics.",
        "non_informative_hambatan": "{k} of {n} answers ({p}, {ci}) give no usable reason (empty — for instance from those the question did not apply to — or such as \"-\" and \"nothing\"); barrier shares are of the respondents who answered.",
        "non_informative_none": "The data hold no answer to analyse.",
        "m_sentimen_negatif": "comments are negative {more}", "m_menyebut": "comments mention {a} {more}",
        "m_negatif": "comments on {a} are negative {more}", "m_hambatan": "respondents name {a} as a barrier {more}",
        "segment_join": " or ",
    },
}


@dataclass
class Finding:
    """One headline finding: its sentence, figure, 95% interval, base, whether the data support it,
    and the filter of :meth:`Analysis.quotes` that shows it (empty: no quotes)."""

    key: str
    text: str
    figure: str = ""
    interval: str = ""
    base: int = 0
    supported: bool = True
    quotes: dict[str, Any] = field(default_factory=dict)


def _words(lang: str) -> dict[str, str]:
    return _SENTENCES[check_lang(lang)]


def _share(k: int, n: int) -> tuple[float, float, float]:
    low, high = wilson_interval(k, n)
    return (k / n if n else float("nan")), float(low), float(high)


def _ranked(counts: pd.Series, n: int, lang: str, key: str, quotes: Any) -> Finding | None:
    """The "most frequent" finding over ``counts`` (name → count) out of ``n``; None if no count."""
    words = _words(lang)
    counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
    if counts.empty:
        return None
    top = str(counts.index[0])
    k = int(counts.iloc[0])
    p, low, high = _share(k, n)
    values = {"a": label(top, lang), "k": count(k, lang), "n": count(n, lang), "p": percent(p),
              "ci": percent_interval(low, high), "min": MIN_COUNT}
    finding = Finding(key, "", percent(p), percent_interval(low, high), n, True, quotes(top))
    if n < MIN_BASE:  # a share over fewer comments is no finding (as the sentiment's is not)
        return _too_few(key, n, lang)
    if k < MIN_COUNT:  # (the sentence states no share and names no aspect: no figure, no quotes)
        finding.text, finding.supported = words[f"{key}_few"].format(**values), False
        finding.figure = finding.interval = ""
        finding.quotes = {}
        return finding
    if len(counts) > 1:
        second = str(counts.index[1])
        q, low_b, high_b = _share(int(counts.iloc[1]), n)
        if low <= high_b:
            values.update(b=label(second, lang), q=percent(q), ci_b=percent_interval(low_b, high_b))
            finding.text, finding.supported = words[f"{key}_tie"].format(**values), False
            return finding
    finding.text = words[key].format(**values)
    return finding


def _too_few(key: str, n: int, lang: str) -> Finding:
    """The "most …" finding of ``key`` over fewer than :data:`MIN_BASE` comments: no figure, no quotes."""
    return Finding(key, _words(lang)[f"{key}_base"].format(n=count(n, lang), min=MIN_BASE), base=n, supported=False)


def _sentiment(table: pd.DataFrame, lang: str) -> Finding:
    words = _words(lang)
    n = int(table.attrs.get("n") or table["jumlah"].sum())
    if n < MIN_BASE:
        return Finding("sentiment", words["sentiment_few"].format(n=count(n, lang), min=MIN_BASE), base=n, supported=False)
    pos, neg = table.loc["positif"], table.loc["negatif"]
    text = words["sentiment"].format(n=count(n, lang), pos=percent(pos["porsi"]), pos_ci=percent_interval(pos["ci_bawah"], pos["ci_atas"]),
                                     neg=percent(neg["porsi"]), neg_ci=percent_interval(neg["ci_bawah"], neg["ci_atas"]))
    if pos["ci_bawah"] > neg["ci_atas"]:
        text += words["sentiment_more_pos"]
    elif neg["ci_bawah"] > pos["ci_atas"]:
        text += words["sentiment_more_neg"]
    else:
        text += words["sentiment_tie"]
    dominant = "positif" if pos["jumlah"] >= neg["jumlah"] else "negatif"
    shown = pos if dominant == "positif" else neg  # the figure is the larger share, the one the sentence concludes on
    return Finding("sentiment", text, percent(shown["porsi"]), percent_interval(shown["ci_bawah"], shown["ci_atas"]), n, True,
                   {"sentiment": dominant})


def _unmeasured(table: pd.DataFrame | None) -> bool:
    """Whether aspects were mentioned but no mention has a polarity (an aspect model without one)."""
    return table is not None and len(table) > 0 and int(table["disebut"].sum()) > 0 \
        and table.attrs.get("dengan_polaritas", 1) == 0


def _aspect(table: pd.DataFrame, lang: str) -> Finding:
    n = int(table.attrs.get("n", 0))
    if _unmeasured(table):
        return Finding("aspect", _words(lang)["aspect_unmeasured"], base=n, supported=False)
    counts = table["negatif"] if "negatif" in table and len(table) else pd.Series(dtype=int)
    found = _ranked(counts, n, lang, "aspect", lambda a: {"aspect": a, "sentiment": "negatif"})
    if found is None:
        if 0 < n < MIN_BASE:
            return _too_few("aspect", n, lang)
        return Finding("aspect", _words(lang)["aspect_few"].format(k=0, min=MIN_COUNT), base=n, supported=False)
    return found


def _suggestion(table: pd.DataFrame, lang: str) -> Finding:
    n = int(table.attrs.get("n", 0))
    if n == 0:
        return Finding("suggestion", _words(lang)["suggestion_none"], base=0, supported=False)
    found = _ranked(table["jumlah"], n, lang, "suggestion", lambda a: {"aspect": a, "suggestions": True})
    if found is None:
        if n < MIN_BASE:
            return _too_few("suggestion", n, lang)
        return Finding("suggestion", _words(lang)["suggestion_few"].format(k=0, min=MIN_COUNT), base=n, supported=False)
    return found


def _rating(effects: pd.DataFrame, lang: str) -> Finding:
    words = _words(lang)
    n = int(effects.attrs.get("n", 0))
    if n < MIN_BASE:
        return Finding("rating", words["rating_few"].format(n=count(n, lang), min=MIN_BASE), base=n, supported=False)
    lower = effects.loc[effects["ci_atas"] < 0].sort_values("dampak", kind="stable")
    critics = (lower["prevalensi"] * n).round().astype(int)  # the rated comments that criticise the aspect
    clear = lower.loc[critics >= MIN_COUNT]  # (7 of 127 answers to "what was most useful" once made one)
    if clear.empty and len(lower):
        row = lower.iloc[0]
        return Finding("rating", words["rating_thin"].format(a=label(row["aspek"], lang), k=count(int(critics.iloc[0]), lang),
                                                             min=MIN_COUNT), base=n, supported=False)
    if clear.empty:
        return Finding("rating", words["rating_none"].format(n=count(n, lang)), base=n, supported=False)
    row = clear.iloc[0]
    lower = decimal_interval(-row["ci_atas"], -row["ci_bawah"], lang)
    text = words["rating"].format(a=label(row["aspek"], lang), b=decimal(-row["koefisien"], lang), ci=lower)
    return Finding("rating", text, decimal(row["koefisien"], lang), decimal_interval(row["ci_bawah"], row["ci_atas"], lang), n, True,
                   {"aspect": row["aspek"], "sentiment": "negatif"})


def _measure(name: str, more: str, lang: str) -> str:
    """What a compared measure says about a segment ("komentar lebih sering bernada negatif")."""
    words = _words(lang)
    if name == "sentimen_negatif":
        return words["m_sentimen_negatif"].format(more=more)
    for prefix in ("menyebut", "negatif", "hambatan"):
        if name.startswith(prefix + "_"):
            return words[f"m_{prefix}"].format(a=label(name[len(prefix) + 1:], lang), more=more)
    return f"{label(name, lang)} ({more})"


def _segment(comparisons: Sequence[tuple[Any, Any]], lang: str) -> Finding:
    words = _words(lang)
    candidates = []
    for by, comparison in comparisons:
        for row in comparison.sorotan.itertuples():
            separated = row.ci_bawah > row.porsi_lain or row.ci_atas < row.porsi_lain
            if separated and row.n >= MIN_BASE:
                candidates.append((abs(row.residu), by, row))  # the column itself: the quotes look it up
    names = words["segment_join"].join(label(by, lang) for by, _ in comparisons)

    def comparable(c: Any) -> bool:  # a test ran, or could have (two groups large enough, whatever their answers)
        return bool(len(c.uji)) or ("cukup_data" not in c.tabel or int(c.tabel["cukup_data"].sum()) >= 2)

    if not any(comparable(c) for _, c in comparisons):  # no test could run: no difference was looked for
        least = min(comparison.min_n for _, comparison in comparisons)
        return Finding("segment", words["segment_untested"].format(by=names, min=least), base=0, supported=False)
    if not candidates:
        return Finding("segment", words["segment_none"].format(by=names, min=MIN_BASE), supported=False)
    _, by, row = max(candidates, key=lambda c: c[0])
    more = words["more"] if row.porsi > row.porsi_lain else words["less"]
    interval = percent_interval(row.ci_bawah, row.ci_atas)
    segment = label(row.segmen, lang) if row.segmen == "(kosong)" else row.segmen  # the blank group: "(missing)"
    text = words["segment"].format(by=label(by, lang), s=segment, m=_measure(row.ukuran, more, lang),
                                   p=percent(row.porsi), ci=interval, q=percent(row.porsi_lain))
    return Finding("segment", text, percent(row.porsi), interval, int(row.n), True,
                   {"segment": (by, row.segmen), "measure": row.ukuran})


def _barrier(table: pd.DataFrame, lang: str) -> Finding:
    n = int(table.attrs.get("n", 0))
    found = _ranked(table["jumlah"], n, lang, "barrier", lambda code: {"barrier": code}) if n else None
    if found is None:
        if 0 < n < MIN_BASE:
            return _too_few("barrier", n, lang)
        return Finding("barrier", _words(lang)["barrier_few"].format(k=0, min=MIN_COUNT), base=n, supported=False)
    return found


def _non_informative(key: pd.DataFrame, lang: str, task: str = "evaluasi") -> Finding:
    row = key.set_index("ukuran").loc["non_informatif"]
    k, n = int(row["nilai"]), int(row["dasar"])
    if n == 0:  # no row at all: a share of nothing is no finding
        return Finding("non_informative", _words(lang)["non_informative_none"], base=0, supported=False)
    interval = percent_interval(row["ci_bawah"], row["ci_atas"])
    # why-not answers have no sentiment, aspects or topics: what a non-answer is left out of differs
    words = _words(lang)["non_informative_hambatan" if task == "hambatan" else "non_informative"]
    text = words.format(k=count(k, lang), n=count(n, lang), p=percent(row["porsi"]), ci=interval)
    return Finding("non_informative", text, percent(row["porsi"]), interval, n, n >= MIN_BASE,
                   {"non_informative": True} if k else {})


def headline_findings(*, key: pd.DataFrame, lang: str = "id", sentiment: pd.DataFrame | None = None,
                      aspects: pd.DataFrame | None = None, suggestions: pd.DataFrame | None = None,
                      effects: pd.DataFrame | None = None, comparisons: Sequence[tuple[Any, Any]] = (),
                      barriers: pd.DataFrame | None = None, task: str = "evaluasi") -> list[Finding]:
    """The headline findings, most important first, from the tables given (a table left ``None``
    gives no finding): overall sentiment, the most criticised aspect, the most requested change,
    what goes with lower ratings, the segment that differs most, the main barrier and the share of
    non-answers."""
    findings = []
    if sentiment is not None:
        findings.append(_sentiment(sentiment, lang))
    if aspects is not None:
        findings.append(_aspect(aspects, lang))
    if suggestions is not None:
        findings.append(_suggestion(suggestions, lang))
    if effects is not None:
        findings.append(Finding("rating", _words(lang)["rating_unmeasured"], base=int(effects.attrs.get("n", 0)), supported=False)
                        if _unmeasured(aspects) else _rating(effects, lang))
    if comparisons:
        findings.append(_segment(comparisons, lang))
    if barriers is not None:
        findings.append(_barrier(barriers, lang))
    findings.append(_non_informative(key, lang, task))
    for finding in findings:  # a sentence that opens with a label ("time (43%, …) and …") starts with a capital
        finding.text = finding.text[:1].upper() + finding.text[1:]
    return findings


def findings_frame(findings: Sequence[Finding], quotes: Sequence[list[str]]) -> pd.DataFrame:
    """The findings as a table (the workbook's first sheet): ``temuan``, ``angka``, ``ik_95``,
    ``dasar``, ``didukung`` and the quotes ``kutipan_1`` … ``kutipan_3``."""
    width = max([len(q) for q in quotes] + [0])
    frame = pd.DataFrame({"no": np.arange(1, len(findings) + 1), "kunci": [f.key for f in findings],
                          "temuan": [f.text for f in findings], "angka": [f.figure for f in findings],
                          "ik_95": [f.interval for f in findings], "dasar": [f.base for f in findings],
                          "didukung": [f.supported for f in findings]})
    for position in range(width):
        frame[f"kutipan_{position + 1}"] = [q[position] if position < len(q) else "" for q in quotes]
    return frame

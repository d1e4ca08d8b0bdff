"""User-facing words of charts and reports, in Indonesian (default) and English.

One table for both :mod:`umpanbalik.plots` and :mod:`umpanbalik.report`, so that a chart and the
report around it say the same thing. Domain labels (``materi``, ``negatif``, barrier codes) stay
Indonesian in data; :func:`label` gives their display form in the chosen language.
"""
from __future__ import annotations

from typing import Literal

from ._validation import check_option

__all__ = ["Lang", "LANGS", "check_lang", "text", "count", "label", "column"]

Lang = Literal["id", "en"]
LANGS = ("id", "en")

_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "no_data": "Tidak ada data",
        "no_words": "(tidak ada kata)",
        "count_axis": "jumlah komentar",
        "aspect_sentiment_title": "Sentimen per aspek",
        "segment_title": "Porsi {value!r} pada {measure} per {by} (selang kepercayaan 95%)",
        "share_axis": "porsi",
        "small_n": "abu-abu dan *: kurang dari {min_n} komentar, terlalu sedikit untuk dibandingkan",
        "overall": "keseluruhan {share}",
        "rating_title": "Rata-rata {rating} pada komentar yang menilai aspek negatif atau positif (IK 95%)",
        "rating_axis": "rata-rata {rating}",
        "barriers_title": "Hambatan mengikuti pelatihan",
        "barriers_axis": "porsi responden yang menyebut hambatan (IK 95%)",
        "cloud_aspect": "Aspek {name}",
        "cloud_sentiment": "Komentar {name}",
        "missing": "(kosong)",
        "yes": "ya",
        "no": "tidak",
        "non_informative": "non-informatif",
        "topic": "Topik",
        # report
        "title": "Laporan analisis umpan balik pelatihan",
        "report_title": "Laporan analisis umpan balik pelatihan",
        "key_komentar": "Komentar",
        "key_kosong": "Komentar kosong",
        "key_non_informatif": "Non-informatif",
        "key_saran": "Berisi saran",
        "key_menjawab_hambatan": "Menjawab pertanyaan hambatan",
        "key_rata_rata_nilai": "Rata-rata nilai",
        "generated": "Dibuat",
        "notice": "Hasil analisis otomatis. Bacalah bersama bagian metode dan keterbatasan di akhir laporan.",
        "contents": "Isi",
        "sec_key_numbers": "Angka kunci",
        "sec_charts": "Sentimen per aspek dan nilai",
        "sec_clouds": "Awan kata",
        "sec_clouds_aspek": "Per aspek",
        "sec_clouds_sentimen": "Per sentimen",
        "sec_suggestions": "Saran teratas",
        "sec_quotes": "Kutipan per aspek",
        "sec_topics": "Topik",
        "sec_barriers": "Hambatan mengikuti pelatihan",
        "sec_comparison": "Perbandingan antarkelompok",
        "sec_other": "Lainnya",
        "sec_methods": "Metode dan keterbatasan",
        "more_rows": "{n} baris lagi tidak ditampilkan (lihat file Excel).",
        "fig_aspek_sentimen": "Jumlah komentar per aspek dan sentimen",
        "fig_nilai": "Rata-rata nilai menurut sentimen aspek",
        "fig_topik": "Ukuran topik",
        "fig_hambatan": "Porsi hambatan",
        "fig_perbandingan": "Perbandingan antarkelompok",
        "fig_awan_aspek": "Awan kata aspek {name}",
        "fig_awan_sentimen": "Awan kata komentar {name}",
        "tab_aspek": "Aspek × sentimen",
        "tab_nilai": "Nilai per aspek dan sentimen",
        "tab_topik": "Tabel topik",
        "tab_hambatan": "Tabel hambatan",
        "tab_perbandingan": "Tabel perbandingan",
        "truncated": " … [terpotong; aslinya {n} karakter]",
        "note_infinite": "{n} nilai tak hingga (inf, Infinity, 1e309) di kolom {column!r} dianggap kosong.",
        "note_topic_sample": "topik dipelajari dari {sample} komentar informatif acak dari {n}",
        "note_topic_failed": "topik tidak dibentuk: {error}",
    },
    "en": {
        "no_data": "No data",
        "no_words": "(no words)",
        "count_axis": "number of comments",
        "aspect_sentiment_title": "Sentiment by aspect",
        "segment_title": "Share of {value!r} in {measure} by {by} (95% confidence interval)",
        "share_axis": "share",
        "small_n": "grey and *: fewer than {min_n} comments, too few to compare",
        "overall": "overall {share}",
        "rating_title": "Mean {rating} of comments rating an aspect negative or positive (95% CI)",
        "rating_axis": "mean {rating}",
        "barriers_title": "Barriers to taking part in training",
        "barriers_axis": "share of respondents naming the barrier (95% CI)",
        "cloud_aspect": "Aspect: {name}",
        "cloud_sentiment": "{name} comments",
        "missing": "(missing)",
        "yes": "yes",
        "no": "no",
        "non_informative": "non-informative",
        "topic": "Topic",
        "title": "Training feedback analysis report",
        "report_title": "Training feedback analysis report",
        "key_komentar": "Comments",
        "key_kosong": "Empty comments",
        "key_non_informatif": "Non-informative",
        "key_saran": "With a suggestion",
        "key_menjawab_hambatan": "Answered the barrier question",
        "key_rata_rata_nilai": "Mean rating",
        "generated": "Generated",
        "notice": "Automatic analysis. Read it together with the methods and limitations at the end of the report.",
        "contents": "Contents",
        "sec_key_numbers": "Key numbers",
        "sec_charts": "Sentiment by aspect and ratings",
        "sec_clouds": "Word clouds",
        "sec_clouds_aspek": "By aspect",
        "sec_clouds_sentimen": "By sentiment",
        "sec_suggestions": "Top suggestions",
        "sec_quotes": "Quotes by aspect",
        "sec_topics": "Topics",
        "sec_barriers": "Barriers to taking part in training",
        "sec_comparison": "Comparison between groups",
        "sec_other": "Other",
        "sec_methods": "Methods and limitations",
        "more_rows": "{n} more rows not shown (see the Excel workbook).",
        "fig_aspek_sentimen": "Comments by aspect and sentiment",
        "fig_nilai": "Mean rating by aspect sentiment",
        "fig_topik": "Topic sizes",
        "fig_hambatan": "Barrier shares",
        "fig_perbandingan": "Comparison between groups",
        "fig_awan_aspek": "Word cloud, aspect: {name}",
        "fig_awan_sentimen": "Word cloud, {name} comments",
        "tab_aspek": "Aspect × sentiment",
        "tab_nilai": "Rating by aspect and sentiment",
        "tab_topik": "Topic table",
        "tab_hambatan": "Barrier table",
        "tab_perbandingan": "Comparison table",
        "truncated": " … [truncated; {n} characters in full]",
        "note_infinite": "{n} infinite ratings (inf, Infinity, 1e309) in column {column!r} count as missing.",
        "note_topic_sample": "topics fitted on a random {sample} of {n} informative comments",
        "note_topic_failed": "topics not fitted: {error}",
    },
}

# Display forms of the domain labels; a label missing here is shown with "_" as a space.
_LABELS: dict[str, dict[str, str]] = {
    "id": {
        "waktu_beban_kerja": "waktu/beban kerja", "dukungan_pimpinan": "dukungan pimpinan",
        "akses_biaya": "akses/biaya", "non_informatif": "non-informatif",
    },
    "en": {
        "materi": "content", "metode": "teaching method", "relevansi": "relevance", "waktu": "time",
        "negatif": "negative", "netral": "neutral", "positif": "positive",
        "waktu_beban_kerja": "time/workload", "minat": "interest", "dukungan_pimpinan": "support from superiors",
        "akses_biaya": "access/cost", "informasi": "information", "teknis": "technical", "lainnya": "other",
        "saran": "suggestion", "non_informatif": "non-informative", "hambatan": "barriers", "sentimen": "sentiment",
        "aspek": "aspect", "topik": "topic", "instansi": "agency", "program": "programme", "angkatan": "cohort",
        "nilai": "rating", "moda": "mode",
    },
}

# Column headers of report tables in English; Indonesian headers are the data's own.
_COLUMNS_EN = {
    "aspek": "aspect", "sentimen": "sentiment", "jumlah": "count", "porsi": "share", "topik": "topic",
    "label": "label", "ukuran": "size", "kata_kunci": "key terms", "contoh": "examples", "hambatan": "barrier",
    "nilai": "rating", "rata_rata": "mean", "segmen": "segment", "kelompok": "group", "ci_bawah": "ci_low",
    "ci_atas": "ci_high", "negatif": "negative", "netral": "neutral", "positif": "positive", "signifikan": "significant",
    "p_holm": "p (Holm)", "koefisien": "coefficient", "instansi": "agency", "program": "programme",
    "angkatan": "cohort", "teks": "text", "saran": "suggestion", "komentar": "comment",
    "label_topik": "topic label", "cukup": "enough to compare", "responden": "respondents",
    "disebut": "mentioned", "porsi_disebut": "share mentioned", "porsi_negatif": "share negative",
    "galat_baku": "std. error", "istilah": "term", "kutipan": "quote", "cukup_data": "enough data",
    "porsi_lain": "share elsewhere", "residu": "residual", "arah": "direction", "prioritas": "priority",
    "dampak": "effect", "prevalensi": "prevalence", "polaritas": "polarity",
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise a ``ValueError`` naming them."""
    return check_option("lang", lang, LANGS)


def text(key: str, lang: str = "id", **values: object) -> str:
    """The string ``key`` in ``lang``, formatted with ``values``.

    Examples
    --------
    >>> text("cloud_aspect", "en", name="content")
    'Aspect: content'
    """
    return _TEXT[check_lang(lang)][key].format(**values)


def count(n: int, lang: str = "id") -> str:
    """A whole number with the thousands separator of ``lang``.

    Examples
    --------
    >>> count(10000), count(10000, "en")
    ('10.000', '10,000')
    """
    written = f"{int(n):,}"
    return written.replace(",", ".") if check_lang(lang) == "id" else written


def label(value: object, lang: str = "id") -> str:
    """Display form of a domain label (aspect, polarity, barrier code, column name).

    Examples
    --------
    >>> label("waktu_beban_kerja"), label("materi", "en"), label("kode_baru", "en")
    ('waktu/beban kerja', 'content', 'kode baru')
    """
    name = str(value)
    return _LABELS[check_lang(lang)].get(name, name.replace("_", " "))


def column(name: object, lang: str = "id") -> str:
    """A table header in ``lang``: English for the library's own column names, else unchanged."""
    return _COLUMNS_EN.get(str(name), str(name)) if check_lang(lang) == "en" else str(name)

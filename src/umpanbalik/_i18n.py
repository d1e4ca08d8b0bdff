"""User-facing words of charts and reports, in Indonesian (default) and English.

One table for both :mod:`umpanbalik.plots` and :mod:`umpanbalik.report`, so that a chart and the
report around it say the same thing. Domain labels (``materi``, ``negatif``, barrier codes) stay
Indonesian in data; :func:`label` gives their display form in the chosen language.
"""
from __future__ import annotations

import re

from collections.abc import Sequence
from typing import Any, Literal

from ._validation import check_option

__all__ = ["Lang", "LANGS", "check_lang", "text", "count", "label", "column", "measure_label"]

Lang = Literal["id", "en"]
LANGS = ("id", "en")

_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "no_data": "Tidak ada data",
        "no_words": "(tidak ada kata)",
        "count_axis": "jumlah komentar",
        "aspect_sentiment_title": "Sentimen per aspek",
        "sentiment_title": "Sentimen keseluruhan ({n} komentar informatif, IK 95%)",
        "share_informative_axis": "porsi komentar informatif",
        "segment_title": "Porsi {value!r}{gloss} pada {measure} per {by} (selang kepercayaan 95%)",
        "share_axis": "porsi",
        "small_n": "abu-abu dan *: kurang dari {min_n} komentar, terlalu sedikit untuk dibandingkan",
        "more_bars": "{n} kelompok lagi tidak digambar (semuanya ada di tabel).",
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
        "key_responden": "Responden",
        "key_kosong": "Komentar kosong",
        "key_non_informatif": "Non-informatif (termasuk kosong)",
        "key_informatif": "Komentar informatif",
        "key_saran": "Berisi saran",
        "key_menjawab_hambatan": "Menjawab pertanyaan hambatan",
        "key_rata_rata_nilai": "Rata-rata nilai",
        "key_catatan": "Catatan",
        "card_of_all": "{p} dari semua jawaban (IK 95% {ci})",
        "card_of_informative": "{p} dari komentar informatif (IK 95% {ci})",
        "card_mean": "IK 95% {ci}; {n} jawaban bernilai",
        "see_quotes": "lihat kutipan",
        "sec_findings": "Temuan utama",
        "findings_note": "Setiap angka disertai selang kepercayaan 95%; temuan yang belum didukung data ditandai dan dinyatakan apa adanya.",
        "not_supported": "belum didukung data",
        "sec_sentiment": "Sentimen keseluruhan",
        "sec_evidence": "Kutipan untuk temuan",
        "fig_sentimen": "Sebaran sentimen komentar informatif",
        "tab_sentimen": "Sentimen keseluruhan",
        "tab_aspek_sentimen": "Aspek × sentimen",
        "tab_saran": "Saran menurut aspek",
        "tab_nilai_dampak": "Kritik aspek dan nilai (regresi OLS; asosiasi, bukan sebab-akibat)",
        "tab_perbandingan_uji": "Uji khi-kuadrat per ukuran",
        "tab_perbandingan_sorotan": "Kelompok yang berbeda",
        "generated": "Dibuat",
        "notice": "Hasil analisis otomatis. Bacalah bersama bagian metode dan keterbatasan di akhir laporan.",
        "contents": "Isi",
        "sec_key_numbers": "Angka kunci",
        "sec_charts": "Sentimen per aspek dan nilai",
        "sec_charts_unrated": "Sentimen per aspek",
        "sec_clouds": "Awan kata",
        "sec_clouds_aspek": "Per aspek",
        "sec_clouds_sentimen": "Per sentimen",
        "sec_suggestions": "Saran",
        "suggestion_examples": "Contoh saran, dipilih agar beragam (bukan peringkat; jumlah per aspek ada di tabel di atas):",
        "sec_themes": "Tema: keluhan, saran dan pujian",
        "tema_keluhan": "Tema keluhan (porsi dari komentar yang berisi keluhan)",
        "tema_keluhan_chart": "Keluhan terbanyak: jumlah komentar per tema",
        "themes_coverage": "Tema di atas mencakup {k} dari {n} komentar ({p}); sisanya tidak menyebut hal tertentu (\"{general}\") atau tidak masuk tema yang cukup sering (\"lainnya\"). Hitungan tema adalah batas bawah: komentar yang membahas hal yang sama dengan kata lain bisa berada di \"lainnya\".",
        "tema_saran_chart": "Saran terbanyak: jumlah komentar per tema",
        "tema_pujian_chart": "Pujian terbanyak: jumlah komentar per tema",
        "tema_saran": "Tema saran (porsi dari komentar yang berisi saran)",
        "tema_pujian": "Tema pujian (porsi dari komentar yang berisi pujian)",
        "sec_quotes": "Kutipan per aspek",
        "sec_topics": "Topik",
        "sec_barriers": "Hambatan mengikuti pelatihan",
        "sec_comparison": "Perbandingan antarkelompok",
        "sec_other": "Lainnya",
        "sec_methods": "Metode dan keterbatasan",
        "more_rows": "{n} baris lagi tidak ditampilkan (lihat file Excel).",
        "empty_table": "Tidak ada baris yang memenuhi syarat tabel ini.",
        "empty_perbandingan_sorotan": "Tidak ada kelompok yang berbeda nyata dari kelompok lain.",
        "fig_aspek_sentimen": "Jumlah komentar per aspek dan sentimen",
        "fig_nilai": "Rata-rata nilai menurut sentimen aspek",
        "fig_topik": "Ukuran topik",
        "fig_hambatan": "Porsi hambatan",
        "fig_perbandingan": "Porsi komentar negatif per kelompok",
        "fig_awan_aspek": "Awan kata aspek {name}",
        "fig_awan_sentimen": "Awan kata komentar {name}",
        "tab_aspek": "Aspek × sentimen",
        "tab_nilai": "Nilai per aspek dan sentimen",
        "tab_skala_nilai": "Skala nilai: skor untuk jawaban berupa teks",
        "tab_pertanyaan": "Pertanyaan terbuka",
        "tab_ikhtisar_skala": "Skala nilai: skor untuk jawaban berupa teks",
        "sec_overview": "Ikhtisar pertanyaan",
        "sec_ratings": "Penilaian pada skala Likert",
        "tab_penilaian": "Rata-rata skor tiap pertanyaan penilaian (IK 95%)",
        "tab_topik": "Tabel topik",
        "tab_hambatan": "Tabel hambatan",
        "tab_perbandingan": "Komentar negatif per kelompok",
        "truncated": " … [terpotong; aslinya {n} karakter]",
        "note_infinite": "{n} nilai tak hingga (inf, Infinity, 1e309) di kolom {column!r} dianggap kosong.",
        "note_not_open_text": "Kolom {column!r} tampaknya berisi {kind}, bukan jawaban terbuka: sentimen, aspek, saran dan topiknya tidak bermakna. Pilih kolom jawaban terbuka (umpanbalik.columns.describe_columns menunjukkan isi tiap kolom).",
        "kind_likert": "skala nilai", "kind_angka": "angka", "kind_waktu": "tanggal atau waktu",
        "note_praise_question": "Kolom {column!r} menanyakan hal yang bermanfaat atau disukai. Jawaban yang hanya menyebut sesuatu (\"pohon kinerja\", \"materi manajemen kinerja\") dibaca model sebagai keluhan, seperti jawaban pertanyaan kritik dan saran tempat model belajar: porsi negatif pertanyaan ini lebih tinggi daripada yang sebenarnya. Baca kutipannya sebelum memakai porsi sentimennya.",
        "note_summary_rows": "{n} baris ringkasan tanpa komentar (mis. {examples}) tidak dihitung sebagai nilai di kolom {column!r}: isinya hasil hitungan atas baris lain.",
        "note_by_distinct": "Kolom kelompok {column!r} berisi {k} nilai berbeda pada {n} baris terisi: hampir tiap baris "
                            "menjadi kelompoknya sendiri, jadi perbandingan antarkelompok tidak bermakna. Apakah itu kolom "
                            "teks? Pilih kolom kelompok seperti unit, instansi, atau angkatan.",
        "note_barriers_found": "Kolom {column!r} menanyakan alasan tidak mengikuti pelatihan: hambatannya dikodekan (barriers=) untuk tiap pertanyaan, tidak dibaca sebagai penilaian pelatihan.",
        "note_topic_sample": "topik dipelajari dari {sample} komentar informatif acak dari {n}",
        "note_topic_failed": "topik tidak dibentuk: {error}",
        "note_topic_fewer": "hanya {k} dari {asked} topik yang diminta dapat dibentuk dari {n} komentar informatif: jawabannya terlalu sedikit atau terlalu mirip",
        "methods_own": "Model milik pengguna. Model berikut diberikan oleh pengguna (analyze(models=…)), bukan model bawaan, sehingga keterangan tentang data latih dan ketepatan di atas tidak berlaku baginya; ketepatannya tidak diukur oleh umpanbalik: {models}.",
        "note_no_polarity": "model aspek yang dipakai tidak mengukur polaritas (dilatih tanpa aspek_sentimen atau dengan satu label saja): setiap aspek yang disebut dihitung netral",
        "note_no_informative": "tidak satu pun dari {n} jawaban berisi masukan (semuanya kosong atau seperti \"-\" dan \"tidak ada\"): sentimen, aspek, saran dan topik tidak dihitung",
    },
    "en": {
        "no_data": "No data",
        "no_words": "(no words)",
        "count_axis": "number of comments",
        "aspect_sentiment_title": "Sentiment by aspect",
        "sentiment_title": "Overall sentiment ({n} informative comments, 95% CI)",
        "share_informative_axis": "share of informative comments",
        "segment_title": "Share of {value!r}{gloss} in {measure} by {by} (95% confidence interval)",
        "share_axis": "share",
        "small_n": "grey and *: fewer than {min_n} comments, too few to compare",
        "more_bars": "{n} more groups not drawn (the table holds them all).",
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
        "key_responden": "Respondents",
        "key_kosong": "Empty comments",
        "key_non_informatif": "Non-informative (empty included)",
        "key_informatif": "Informative comments",
        "key_saran": "With a suggestion",
        "key_menjawab_hambatan": "Answered the barrier question",
        "key_rata_rata_nilai": "Mean rating",
        "key_catatan": "Note",
        "card_of_all": "{p} of all answers (95% CI {ci})",
        "card_of_informative": "{p} of informative comments (95% CI {ci})",
        "card_mean": "95% CI {ci}; {n} rated answers",
        "see_quotes": "see quotes",
        "sec_findings": "Key findings",
        "findings_note": "Every figure comes with its 95% confidence interval; a finding the data do not yet support is marked and stated as such.",
        "not_supported": "not yet supported by the data",
        "sec_sentiment": "Overall sentiment",
        "sec_evidence": "Quotes for the findings",
        "fig_sentimen": "Sentiment of the informative comments",
        "tab_sentimen": "Overall sentiment",
        "tab_aspek_sentimen": "Aspect × sentiment",
        "tab_saran": "Suggestions by aspect",
        "tab_nilai_dampak": "Criticism of an aspect and the rating (OLS regression; association, not cause)",
        "tab_perbandingan_uji": "Chi-square test per measure",
        "tab_perbandingan_sorotan": "Groups that differ",
        "generated": "Generated",
        "notice": "Automatic analysis. Read it together with the methods and limitations at the end of the report.",
        "contents": "Contents",
        "sec_key_numbers": "Key numbers",
        "sec_charts": "Sentiment by aspect and ratings",
        "sec_charts_unrated": "Sentiment by aspect",
        "sec_clouds": "Word clouds",
        "sec_clouds_aspek": "By aspect",
        "sec_clouds_sentimen": "By sentiment",
        "sec_suggestions": "Suggestions",
        "suggestion_examples": "Examples of suggestions, picked to be varied (not a ranking; the counts per aspect are in the table above):",
        "sec_themes": "Themes: complaints, suggestions and praise",
        "tema_keluhan": "Complaint themes (share of complaining comments)",
        "tema_keluhan_chart": "Most frequent complaints: comments per theme",
        "themes_coverage": "The themes above cover {k} of {n} comments ({p}); the rest name nothing specific (\"{general}\") or fit no theme frequent enough (\"other\"). Theme counts are a lower bound: comments on the same matter in other words may sit in \"other\".",
        "tema_saran_chart": "Most frequent suggestions: comments per theme",
        "tema_pujian_chart": "Most frequent praise: comments per theme",
        "tema_saran": "Suggestion themes (share of comments with a suggestion)",
        "tema_pujian": "Praise themes (share of praising comments)",
        "sec_quotes": "Quotes by aspect",
        "sec_topics": "Topics",
        "sec_barriers": "Barriers to taking part in training",
        "sec_comparison": "Comparison between groups",
        "sec_other": "Other",
        "sec_methods": "Methods and limitations",
        "more_rows": "{n} more rows not shown (see the Excel workbook).",
        "empty_table": "No row meets this table's conditions.",
        "empty_perbandingan_sorotan": "No group differs clearly from the others.",
        "fig_aspek_sentimen": "Comments by aspect and sentiment",
        "fig_nilai": "Mean rating by aspect sentiment",
        "fig_topik": "Topic sizes",
        "fig_hambatan": "Barrier shares",
        "fig_perbandingan": "Share of negative comments by group",
        "fig_awan_aspek": "Word cloud, aspect: {name}",
        "fig_awan_sentimen": "Word cloud, {name} comments",
        "tab_aspek": "Aspect × sentiment",
        "tab_nilai": "Rating by aspect and sentiment",
        "tab_skala_nilai": "Rating scale: scores of the answers written as text",
        "tab_pertanyaan": "Open questions",
        "tab_ikhtisar_skala": "Rating scale: scores of the answers written as text",
        "sec_overview": "Questions at a glance",
        "sec_ratings": "Ratings on Likert scales",
        "tab_penilaian": "Mean score of each rating question (95% CI)",
        "tab_topik": "Topic table",
        "tab_hambatan": "Barrier table",
        "tab_perbandingan": "Negative comments by group",
        "truncated": " … [truncated; {n} characters in full]",
        "note_infinite": "{n} infinite ratings (inf, Infinity, 1e309) in column {column!r} count as missing.",
        "note_not_open_text": "Column {column!r} seems to hold {kind}, not open answers: its sentiment, aspects, suggestions and topics mean nothing. Choose a column of open answers (umpanbalik.columns.describe_columns says what each column holds).",
        "kind_likert": "a rating scale", "kind_angka": "numbers", "kind_waktu": "dates or times",
        "note_praise_question": "Column {column!r} asks what was useful or liked. Answers that only name something (\"pohon kinerja\", \"materi manajemen kinerja\") are read by the models as complaints, as in the criticism-and-suggestion answers they learned from: this question's negative share is higher than it really is. Read its quotes before using its sentiment shares.",
        "note_summary_rows": "{n} summary rows without a comment (e.g. {examples}) are not counted as ratings in column {column!r}: they hold totals of the other rows.",
        "note_by_distinct": "The grouping column {column!r} holds {k} different values in {n} filled rows: almost every "
                            "row is a group of its own, so comparing groups means nothing. Is it a text column? Choose a "
                            "grouping column such as unit, agency or cohort.",
        "note_barriers_found": "Column {column!r} asks why people do not attend training: its barriers are coded (barriers=) beside each question, not read as a verdict on the training.",
        "note_topic_sample": "topics fitted on a random {sample} of {n} informative comments",
        "note_topic_failed": "topics not fitted: {error}",
        "note_topic_fewer": "only {k} of the {asked} topics asked for could be formed from {n} informative comments: the answers are too few or too alike",
        "methods_own": "Your own models. These models were given by the user (analyze(models=…)), not the shipped ones, so what is said above about training data and accuracy does not apply to them; umpanbalik has not measured their accuracy: {models}.",
        "note_no_polarity": "the aspect model used does not measure polarity (trained without aspect_sentiments or with one label only): every aspect mentioned counts as neutral",
        "note_no_informative": "none of the {n} answers carries feedback (all empty or like \"-\" and \"nothing\"): no sentiment, aspects, suggestions or topics were computed",
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
        "waktu_beban_kerja": "time/workload", "minat": "lack of interest", "dukungan_pimpinan": "no support from superiors",
        "akses_biaya": "access/cost", "informasi": "lack of information", "teknis": "technical problems", "lainnya": "other",
        "saran": "suggestion", "non_informatif": "non-informative", "hambatan": "barriers", "sentimen": "sentiment",
        "aspek": "aspect", "topik": "topic", "instansi": "agency", "program": "programme", "angkatan": "cohort",
        "nilai": "rating", "moda": "mode", "semua": "all", "lebih tinggi": "higher", "lebih rendah": "lower",
        "(kosong)": "(missing)",
        "harapan umum": "general wishes", "pujian umum": "general praise", "keluhan umum": "general complaints",
        "ucapan terima kasih": "thanks",
    },
}
# The general names the library gives a theme or topic ("harapan umum", or "harapan umum (jam, zoom)"
# with the topic's own terms), which theme_label() shows in the report's language.
_GENERAL_NAMES = ("ucapan terima kasih", "harapan umum", "pujian umum", "keluhan umum", "lainnya")

# Column headers of report tables for people; machine names stay in the CSV and the workbook. A name
# followed by "+ci" is the header of a value shown with its 95% interval ("35% (33–38%)").
_COLUMNS: dict[str, dict[str, str]] = {
    "id": {
        "aspek": "Aspek", "sentimen": "Sentimen", "polaritas": "Polaritas", "jumlah": "Jumlah", "porsi": "Porsi",
        "porsi+ci": "Porsi (IK 95%)", "disebut": "Disebut", "porsi_disebut": "% komentar",
        "porsi_disebut+ci": "% komentar (IK 95%)", "negatif": "Negatif", "netral": "Netral", "positif": "Positif",
        "porsi_negatif": "% negatif", "porsi_negatif+ci": "% negatif (IK 95%)", "ci_bawah": "IK bawah",
        "ci_atas": "IK atas", "n": "n", "rata_rata": "Rata-rata", "rata_rata+ci": "Rata-rata (IK 95%)",
        "koefisien": "Selisih nilai", "koefisien+ci": "Selisih nilai (IK 95%)", "galat_baku": "Galat baku", "p": "p",
        "p_holm": "p (Holm)", "prevalensi": "Prevalensi", "dampak": "Selisih × prevalensi", "prioritas": "Urutan (asosiasi)",
        "topik": "Topik", "label": "Label", "ukuran": "Ukuran", "kata_kunci": "Kata kunci", "contoh": "Contoh",
        "hambatan": "Hambatan", "segmen": "Kelompok", "cukup": "Cukup data", "cukup_data": "Cukup data",
        "cramer_v": "V Cramér", "harapan_kecil": "Frekuensi harapan terlalu kecil", "signifikan": "Signifikan",
        "porsi_lain": "Porsi kelompok lain", "residu": "Residu", "arah": "Arah", "kutipan": "Kutipan",
        "nilai": "Nilai", "dasar": "Dasar", "instansi": "Instansi", "program": "Program", "angkatan": "Angkatan",
        "moda": "Moda", "teks": "Teks", "saran": "Saran", "komentar": "Komentar", "label_topik": "Label topik",
        "istilah": "Istilah", "chi2": "Khi-kuadrat", "dof": "Derajat bebas", "min_expected": "Frekuensi harapan terkecil",
        "jawaban": "Jawaban", "skor": "Skor", "kode": "Kode", "pertanyaan": "Pertanyaan", "dijawab": "Dijawab",
        "informatif": "Informatif", "porsi_positif": "% positif", "porsi_netral": "% netral",
        "aspek_dikritik": "Aspek paling dikritik", "skala": "Skala", "sebaran": "Sebaran jawaban",
    },
    "en": {
        "aspek": "Aspect", "sentimen": "Sentiment", "polaritas": "Polarity", "jumlah": "Count", "porsi": "Share",
        "porsi+ci": "Share (95% CI)", "disebut": "Mentioned", "porsi_disebut": "% of comments",
        "porsi_disebut+ci": "% of comments (95% CI)", "negatif": "Negative", "netral": "Neutral", "positif": "Positive",
        "porsi_negatif": "% negative", "porsi_negatif+ci": "% negative (95% CI)", "ci_bawah": "CI low",
        "ci_atas": "CI high", "n": "n", "rata_rata": "Mean", "rata_rata+ci": "Mean (95% CI)",
        "koefisien": "Rating difference", "koefisien+ci": "Rating difference (95% CI)", "galat_baku": "Std. error",
        "p": "p", "p_holm": "p (Holm)", "prevalensi": "Prevalence", "dampak": "Difference × prevalence", "prioritas": "Rank (association)",
        "topik": "Topic", "label": "Label", "ukuran": "Measure", "ukuran#size": "Size", "kata_kunci": "Key terms",
        "contoh": "Example", "hambatan": "Barrier", "segmen": "Group", "cukup": "Enough data",
        "cukup_data": "Enough data", "cramer_v": "Cramér's V", "harapan_kecil": "Expected counts too small",
        "signifikan": "Significant", "porsi_lain": "Share in other groups", "residu": "Residual", "arah": "Direction",
        "kutipan": "Quote", "nilai": "Value", "dasar": "Base", "instansi": "Agency", "program": "Programme",
        "angkatan": "Cohort", "moda": "Mode", "teks": "Text", "saran": "Suggestion", "komentar": "Comment",
        "label_topik": "Topic label", "istilah": "Term", "chi2": "Chi-square", "dof": "Degrees of freedom",
        "min_expected": "Smallest expected count",
        "jawaban": "Answer", "skor": "Score", "kode": "Code", "pertanyaan": "Question", "dijawab": "Answered",
        "informatif": "Informative", "porsi_positif": "% positive", "porsi_netral": "% neutral",
        "aspek_dikritik": "Most criticised aspect", "skala": "Scale", "sebaran": "Answers given",
    },
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
    """Display form of a domain label (aspect, polarity, barrier code, column name): a form's question
    number and stray white space are left out of a column's name ("2.1. Unit kerja " reads "Unit kerja"
    in a sentence).

    Examples
    --------
    >>> label("waktu_beban_kerja"), label("materi", "en"), label("kode_baru", "en"), label(" 2.1. Unit  kerja ")
    ('waktu/beban kerja', 'content', 'kode baru', 'Unit kerja')
    """
    name = str(value)
    found = _LABELS[check_lang(lang)].get(name)
    if found is not None:
        return found
    spoken = " ".join(_QUESTION_NUMBER.sub("", name).split())
    return (spoken or " ".join(name.split()) or name).replace("_", " ")


#: A form's question number before a column's name: "2.1. ", "3) ".
_QUESTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]\s*(?=[^\W\d_])")  # not a year: "2024. Angkatan"


def code_of(value: object, codes: Sequence[Any]) -> object:
    """The code among ``codes`` that ``value`` names, also by its display label in either language
    ("teaching method" for ``metode``, "negative" for ``negatif``, case aside); ``value`` itself when
    it names none (the caller's check then says which codes there are).

    Examples
    --------
    >>> code_of("teaching method", ["materi", "metode"]), code_of("Negative", ["negatif", "positif"])
    ('metode', 'negatif')
    """
    if value in codes or not isinstance(value, str):
        return value
    wanted = value.strip().casefold()
    for code in codes:
        if any(label(code, lang).casefold() == wanted for lang in ("id", "en")) or str(code).casefold() == wanted \
                or _EARLIER_LABELS.get(wanted) == code:
            return code
    return value


#: English labels of earlier releases, still understood ("technical" is now "technical problems").
_EARLIER_LABELS = {"interest": "minat", "information": "informasi", "technical": "teknis",
                   "support from superiors": "dukungan_pimpinan"}


def theme_label(value: object, lang: str = "id") -> str:
    """A theme's or topic's label as shown in ``lang``: a general name the library gives
    ("harapan umum", "pujian umum (materi)") in that language, its own terms kept; any other label
    (the participants' words) as it is.

    Examples
    --------
    >>> theme_label("pujian umum (materi, jelas)", "en"), theme_label("jadwal bentrok", "en")
    ('general praise (materi, jelas)', 'jadwal bentrok')
    """
    name = str(value)
    for general in _GENERAL_NAMES:
        if name == general or name.startswith(general + " ("):
            return label(general, lang) + name[len(general):]
    return name


def column(name: object, lang: str = "id", *, numeric: bool = False) -> str:
    """A table header for people in ``lang``; a name the library does not know is kept as it is.
    ``numeric`` tells the two ``ukuran`` apart: a topic's size, or (text) the measure compared.

    Examples
    --------
    >>> column("porsi_disebut+ci"), column("porsi_disebut+ci", "en"), column("unit_kerja", "en")
    ('% komentar (IK 95%)', '% of comments (95% CI)', 'unit_kerja')
    """
    names = _COLUMNS[check_lang(lang)]
    key = str(name)
    return names.get(f"{key}#size" if numeric else key, names.get(key, key))


_MEASURES = {"id": {"sentimen_negatif": "sentimen negatif", "menyebut": "menyebut {a}", "negatif": "{a} dinilai negatif",
                    "hambatan": "hambatan: {a}"},
             "en": {"sentimen_negatif": "negative sentiment", "menyebut": "mentions {a}", "negatif": "{a} judged negative",
                    "hambatan": "barrier: {a}"}}


def measure_label(name: object, lang: str = "id") -> str:
    """A measure compared between segments (``menyebut_materi``, ``negatif_waktu``, ``hambatan_minat``,
    ``sentimen_negatif``) as people read it.

    Examples
    --------
    >>> measure_label("negatif_waktu"), measure_label("menyebut_materi", "en")
    ('waktu dinilai negatif', 'mentions content')
    """
    words = _MEASURES[check_lang(lang)]
    text_ = str(name)
    if text_ in words:
        return words[text_]
    for prefix in ("menyebut", "negatif", "hambatan"):
        if text_.startswith(prefix + "_"):
            return words[prefix].format(a=label(text_[len(prefix) + 1:], lang))
    return label(text_, lang)

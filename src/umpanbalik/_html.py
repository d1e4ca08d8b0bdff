"""The evaluator's HTML report: :func:`render_html` fills the shipped jinja2 template
``resources/templates/laporan.html.j2`` with autoescaping on; every image is embedded as a base64 PNG
and the page carries a Content-Security-Policy that allows no script and no request, so the file
opens offline and a comment cannot run code. Tables are written for people
(:func:`umpanbalik._display.display_table`); a chart's table follows the chart. Use it through
:mod:`umpanbalik.report`.
"""
from __future__ import annotations

import base64
import io
import re
import sys
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd

from ._atomic import atomic_path
from ._format import count, percent
from ._keyphrases import NOT_THEMES
from ._i18n import Lang, check_lang, label, text, theme_label
from ._limits import shown_quote
from .schema import POLARITIES

__all__ = ["render_html", "write_html", "figure_to_data_uri", "default_methods", "HTML_MAX_ROWS"]

HTML_MAX_ROWS = 500  # rows of one table shown in the report; the workbook holds them all
# Characters XML 1.0 cannot hold, and lone surrogates, which cannot be encoded as UTF-8.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DATA_URI = re.compile(r"data:image/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*")

_METHODS = {
    "id": [
        "Praproses. Setiap komentar dinormalisasi (huruf kecil, singkatan dan bahasa gaul dibakukan, huruf "
        "berulang dirapikan, istilah kediklatan dilindungi), kata negasi digabung dengan kata sesudahnya "
        "(\"tidak jelas\" menjadi satu token), kata fungsi dibuang dengan daftar yang tetap menyimpan kata "
        "penilai seperti tidak, kurang dan terlalu, lalu kata dijadikan kata dasar dengan Sastrawi dan daftar "
        "pengecualian.",
        "Klasifikasi. Sentimen, aspek (materi, metode, relevansi, waktu) beserta polaritasnya, saran, komentar "
        "non-informatif dan hambatan ditandai oleh pengklasifikasi TF-IDF dengan regresi logistik. Model komentar "
        "dilatih pada sekitar 3.900 komentar nyata (evaluasi dosen di perguruan tinggi, survei kepuasan sekolah dan ulasan aplikasi belajar) "
        "yang dibaca dan dilabeli oleh tim umpanbalik, ditambah korpus ilustratif yang ditulis tim; model hambatan "
        "dilatih pada korpus ilustratif saja. Ketepatannya diukur pada komentar nyata yang tidak dipakai untuk "
        "melatih.",
        "Topik. Komentar non-informatif disisihkan lebih dahulu; sisanya dikelompokkan dengan k-means sferis atas "
        "vektor TF-IDF (konsensus banyak putaran pada subsampel). Tiap topik dinamai dengan frasa kuncinya; topik yang "
        "tidak punya frasa khas diberi nama umum (mis. \"keluhan umum\") diikuti kata kuncinya.",
        "Tema. Keluhan adalah komentar informatif yang bernada negatif atau menilai suatu aspek negatif, pujian yang "
        "bernada positif atau memuji suatu aspek, saran yang berisi saran; satu komentar dapat termasuk beberapa "
        "jenis (\"materi bagus tapi waktunya kurang\"), sehingga dasar tema berbeda dari tabel sentimen. Tema dibentuk "
        "dari frasa kunci yang sama-sama ditulis oleh sejumlah komentar sejenis dan dinamai dengan frasa yang paling "
        "sering ditulis; harapan yang tidak menyebut perubahan tertentu masuk \"harapan umum\" (pujian dan keluhan "
        "seperti itu: \"pujian umum\", \"keluhan umum\"), komentar tanpa frasa "
        "tema masuk \"lainnya\". Jumlah suatu tema adalah batas bawah: komentar yang menyampaikan hal yang sama "
        "dengan kata lain dapat berada di \"lainnya\".",
        "Statistik. Porsi disajikan dengan selang kepercayaan 95% Wilson. Perbedaan antarkelompok diuji dengan uji "
        "khi-kuadrat dan koreksi Holm untuk banyak perbandingan; kelompok yang disebut berbeda adalah yang residu "
        "terstandarnya melampaui batas 5% yang dikoreksi Bonferroni untuk banyaknya kelompok. Kelompok dengan komentar "
        "(atau sebutan suatu aspek, untuk polaritasnya) di bawah jumlah minimum ditampilkan tetapi tidak dibandingkan, dan uji dengan frekuensi harapan terlalu kecil (lebih dari 20% sel "
        "di bawah 5, atau satu sel di bawah 1) ditandai dan tidak disebut signifikan. Setiap pengelompokan dibandingkan "
        "sendiri-sendiri: bila dua pengelompokan saling berkaitan (mis. moda dan program), perbedaan pada yang satu "
        "bisa berasal dari yang lain. Hubungan antara penilaian negatif suatu aspek dan nilai "
        "diperkirakan dengan regresi linear (OLS).",
        "Cara menghitung. Setiap baris masukan dihitung sekali. Sentimen, aspek, saran, topik dan perbandingan "
        "antarkelompok dihitung atas komentar informatif saja; komentar non-informatif (\"-\", \"tidak ada\") "
        "dihitung tersendiri, juga bila ditandai sebagai saran. Aspek tanpa polaritas dihitung netral. Hambatan "
        "dihitung atas responden yang menjawab pertanyaan hambatan. Rata-rata nilai dihitung atas semua jawaban "
        "bernilai. Setiap grafik, tabel, angka kunci, temuan dan lembar Excel membaca tabel hitungan yang sama.",
        "Privasi. NIP, NIK, nomor telepon, alamat surel dan nama yang didaftarkan pengguna disamarkan dalam setiap "
        "keluaran.",
        "Keterbatasan. Model otomatis dapat keliru, terutama pada sarkasme, campuran bahasa daerah dan komentar yang "
        "sangat pendek; bacalah kutipan sebelum menarik kesimpulan. Komentar nyata dalam data latih berasal dari "
        "evaluasi perkuliahan dan sekolah dan dari ulasan aplikasi belajar, bukan dari pelatihan ASN, dan alasan tidak ikut pelatihan hanya dari "
        "korpus ilustratif, sehingga ketepatan pada data Anda dapat berbeda. Hasilnya menunjukkan asosiasi, bukan sebab-akibat: nilai yang lebih rendah "
        "pada komentar negatif tentang suatu aspek tidak membuktikan bahwa aspek itu penyebabnya. Peserta yang "
        "menulis komentar belum tentu mewakili semua peserta.",
    ],
    "en": [
        "Preprocessing. Each comment is normalised (lower case, abbreviations and slang standardised, repeated "
        "letters squeezed, training terms protected), negators are joined to the next word (\"tidak jelas\", "
        "not clear, becomes one token), function words are removed with a list that keeps evaluative words such "
        "as tidak, kurang and terlalu, and words are reduced to their stems with Sastrawi and an exceptions list.",
        "Classification. Sentiment, aspects (content, teaching method, relevance, time) with their polarity, "
        "suggestions, non-informative comments and barriers are tagged by TF-IDF and logistic regression "
        "classifiers. The comment models are trained on about 3,900 real comments (lecturer evaluations at "
        "universities, a school satisfaction survey and reviews of learning apps) read and labelled by the umpanbalik team, plus an "
        "illustrative corpus the team wrote; the barrier model on the illustrative corpus alone. Their accuracy is "
        "measured on real comments not used in training.",
        "Topics. Non-informative comments are set aside first; the rest are clustered by spherical k-means on "
        "TF-IDF vectors (the consensus of many runs on sub-samples). Each topic is named by its key phrase; a topic "
        "without a distinctive phrase gets a general name (e.g. \"general complaints\") followed by its key terms.",
        "Themes. Complaints are the informative comments with a negative tone or a negative judgement of an "
        "aspect, praise those with a positive tone or praise of an aspect, suggestions those that suggest; a "
        "comment can be of several kinds (\"good material but too little time\"), so a theme's base differs from "
        "the sentiment table. Themes are built from key phrases that several comments of a kind write, and named "
        "by the phrase written most; wishes that name no particular change go to \"general wishes\" (such praise "
        "and complaints: \"general praise\", \"general complaints\"), comments "
        "without a theme's phrase to \"other\". A theme's count is a lower bound: comments that say the same in "
        "other words may be in \"other\".",
        "Statistics. Shares are shown with 95% Wilson confidence intervals. Differences between groups are tested "
        "with chi-square tests and Holm's correction for multiple comparisons; the groups called different are those "
        "whose adjusted residual exceeds the 5% bound corrected (Bonferroni) for the number of groups. Groups with "
        "fewer comments (or, for an aspect's polarity, fewer mentions of it) than the minimum are shown but not compared, and a test with expected counts too small (more than 20% of the "
        "cells below 5, or one below 1) is flagged and not called significant. Each grouping is compared on its "
        "own: when two groupings go together (e.g. mode and programme), a difference in one may come from the other. "
        "The link between negative judgements of an aspect and the rating is "
        "estimated by linear regression (OLS).",
        "Counting. Every input row counts once. Sentiment, aspects, suggestions, topics and comparisons between "
        "groups are counted over the informative comments only; non-informative comments (\"-\", \"nothing\") "
        "are counted on their own, also when flagged as a suggestion. An aspect without a polarity counts as "
        "neutral. Barriers are counted over the respondents who answered the barrier question. The mean rating "
        "is over every rated answer. Every chart, table, key number, finding and workbook sheet reads the same "
        "computed tables.",
        "Privacy. NIP and NIK numbers, phone numbers, e-mail addresses and names listed by the user are masked in "
        "every export.",
        "Limitations. Automatic models make mistakes, especially with sarcasm, regional-language mixing and very "
        "short comments; read the quotes before drawing conclusions. The real training comments come from "
        "university and school evaluations and reviews of learning apps, not from ASN training, and the reasons for not attending training "
        "only from the illustrative corpus, so accuracy on your data may differ. The results show association, not causation: lower ratings among "
        "negative comments about an aspect do not prove that the aspect is the cause. Participants who write "
        "comments may not represent all participants.",
    ],
}

# Report sections that hold figures and tables, in page order: (anchor, heading, name prefixes).
_SECTIONS = (
    ("ikhtisar", "sec_overview", ("pertanyaan", "ikhtisar")),
    ("penilaian", "sec_ratings", ("penilaian",)),
    ("sentimen", "sec_sentiment", ("sentimen",)),
    ("grafik", "sec_charts", ("aspek_sentimen", "aspek", "nilai", "skala_nilai")),
    ("awan", "sec_clouds", ("awan_aspek", "awan_sentimen")),
    ("tema", "sec_themes", ("tema",)),
    ("topik", "sec_topics", ("topik",)),
    ("hambatan", "sec_barriers", ("hambatan",)),
    ("perbandingan", "sec_comparison", ("perbandingan",)),
    ("saran", "sec_suggestions", ("saran",)),
)
# The sections in page order: the headline findings first, the methods last.
_ORDER = (("temuan", "sec_findings"), ("angka", "sec_key_numbers"), ("ikhtisar", "sec_overview"), ("penilaian", "sec_ratings"),
          ("sentimen", "sec_sentiment"), ("grafik", "sec_charts"),
          ("tema", "sec_themes"), ("awan", "sec_clouds"), ("saran", "sec_suggestions"), ("kutipan", "sec_quotes"), ("bukti", "sec_evidence"),
          ("topik", "sec_topics"), ("hambatan", "sec_barriers"), ("perbandingan", "sec_comparison"), ("lainnya", "sec_other"),
          ("metode", "sec_methods"))


def default_methods(lang: Lang = "id") -> list[str]:
    """The default "methods and limitations" paragraphs of the report."""
    return list(_METHODS[check_lang(lang)])


def _clean(value: Any) -> str:
    return _ILLEGAL.sub("", value if isinstance(value, str) else str(value))


def figure_to_data_uri(fig: Any, *, dpi: int = 110) -> str:
    """A matplotlib figure as a ``data:image/png;base64,…`` URI; the figure is closed afterwards.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure_to_data_uri(Figure(figsize=(1, 1))).startswith("data:image/png;base64,")
    True
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # a figure made with pyplot stays in its registry until closed
        pyplot.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _image(name: str, value: Any) -> str:
    if isinstance(value, str):
        if not _DATA_URI.fullmatch(value):
            raise ValueError(f"context['gambar'][{name!r}] must be a matplotlib Figure or a data:image/…;base64 URI "
                             "(the report embeds every image and loads nothing from outside); got a string that is neither.")
        return value
    if hasattr(value, "savefig"):
        return figure_to_data_uri(value)
    raise TypeError(f"context['gambar'][{name!r}] must be a matplotlib Figure or a data URI, got {type(value).__name__}.")


def _table_html(frame: pd.DataFrame, lang: str) -> tuple[str, str]:
    """An escaped HTML table as people read it (:func:`umpanbalik._display.display_table`) and, when
    rows were left out, a note that says how many."""
    from markupsafe import Markup

    from ._display import display_table

    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"report tables must be DataFrames, got {type(frame).__name__}.")
    note = text("more_rows", lang, n=len(frame) - HTML_MAX_ROWS) if len(frame) > HTML_MAX_ROWS else ""
    table = display_table(frame.head(HTML_MAX_ROWS), lang)
    table = table.map(lambda v: _clean(shown_quote(v, lang))).set_axis([_clean(c) for c in table.columns], axis=1)
    html = table.to_html(index=False, escape=True, border=0, classes="tabel", na_rep="")
    return Markup(html), note


def _keyed(name: str, keys: tuple[str, ...], kind: str, lang: str) -> str | None:
    """The caption of ``key`` or ``key_<suffix>`` (``kind`` is ``fig`` or ``tab``); ``None`` if no key fits.
    A caption written for the whole name (``tab_perbandingan_uji``) comes first."""
    try:
        return text(f"{kind}_{name}", lang)
    except KeyError:
        pass
    for key in keys:
        if name == key:
            return text(f"{kind}_{key}", lang)
        if name.startswith(key + "_"):
            return f"{text(f'{kind}_{key}', lang)}: {label(name[len(key) + 1:], lang)}"
    return None


def _caption(name: str, lang: str) -> str:
    for prefix in ("awan_aspek", "awan_sentimen"):
        if name.startswith(prefix + "_"):
            return text(f"fig_{prefix}", lang, name=label(name[len(prefix) + 1:], lang))
    return _keyed(name, ("aspek_sentimen", "nilai", "topik", "hambatan", "perbandingan"), "fig", lang) or label(name, lang)


def _table_caption(name: str, lang: str) -> str:
    if name.startswith("tema_"):
        return text(name, lang)
    return _keyed(name, ("aspek", "nilai", "topik", "hambatan", "perbandingan_uji", "perbandingan_sorotan", "perbandingan"),
                  "tab", lang) or label(name, lang)


def _section_of(name: str) -> str:
    for anchor, _, prefixes in _SECTIONS:
        if any(name == p or name.startswith(p + "_") for p in prefixes):
            return anchor
    return "lainnya"


def _sections(context: Mapping[str, Any], lang: str, prefix: str = "") -> list[dict[str, Any]]:
    """The report's sections in page order, each a list of blocks the template draws by kind; the
    ids of the links inside the page start with ``prefix`` (one question's part of a report)."""
    blocks: dict[str, list[dict[str, Any]]] = {}

    def add(anchor: str, block: dict[str, Any]) -> None:
        blocks.setdefault(anchor, []).append(block)

    findings = [{"teks": _clean(f.get("teks", "")), "angka": _clean(f.get("angka") or ""),
                 "interval": _clean(f.get("interval") or ""), "didukung": bool(f.get("didukung", True)),
                 "tautan": _anchor(f.get("tautan") and prefix + str(f.get("tautan")))}
                for f in context.get("temuan") or [] if isinstance(f, Mapping)]
    if findings:
        add("temuan", {"kind": "findings", "entries": findings})
    notes = [_clean(note) for note in context.get("catatan") or [] if note]
    if notes:  # what qualifies the findings (a praise question's answers read as complaints)
        add("temuan", {"kind": "paragraphs", "entries": notes})
    numbers = context.get("angka_kunci")
    if isinstance(numbers, pd.DataFrame):
        numbers = numbers.to_dict("records")
    numbers = [{"label": _clean(item.get("label", "")), "nilai": _clean(item.get("nilai", "")),
                "catatan": _clean(item.get("catatan") or "")} for item in numbers or []]
    if numbers:
        add("angka", {"kind": "cards", "entries": numbers})
    images = {str(k): v for k, v in (context.get("gambar") or {}).items() if v is not None}
    tables = {str(k): v for k, v in (context.get("tabel") or {}).items() if v is not None}
    rated = not {"nilai", "skala_nilai"}.isdisjoint(list(images) + list(tables))  # else the heading names no ratings
    for name, value in images.items():
        anchor = _section_of(name)
        if anchor == "awan":
            kind = "awan_aspek" if name.startswith("awan_aspek") else "awan_sentimen"
            group = next((b for b in blocks.get("awan", []) if b.get("group") == kind), None)
            if group is None:
                group = {"kind": "gallery", "group": kind, "title": text(f"sec_clouds_{kind[5:]}", lang), "entries": []}
                add("awan", group)
            group["entries"].append({"src": _image(name, value), "caption": _clean(_caption(name, lang))})
        else:
            add(anchor, {"kind": "figure", "src": _image(name, value), "caption": _clean(_caption(name, lang))})
            if name in tables:  # a chart's table right under it: the same numbers, in the same order
                add(anchor, _table_block(name, tables.pop(name), lang))
    for name, frame in tables.items():
        if name.startswith("tema_") and isinstance(frame, pd.DataFrame) and {"label", "jumlah"} <= set(frame.columns):
            add(_section_of(name), _ranking_block(name, frame, lang))  # the themes ranked, the table under them
        add(_section_of(name), _table_block(name, frame, lang))
    suggestions = [_clean(shown_quote(s.get("teks", "") if isinstance(s, Mapping) else s, lang)) for s in context.get("saran") or []]
    if suggestions:
        add("saran", {"kind": "list", "entries": suggestions, "title": text("suggestion_examples", lang)})
    for aspect, quotes in (context.get("kutipan") or {}).items():
        items = _quote_items(quotes, lang)
        if items:
            add("kutipan", {"kind": "quotes", "id": _anchor(f"{prefix}kutipan-{aspect}"), "title": _clean(label(aspect, lang)),
                            "entries": items})
    for group in context.get("bukti") or []:
        items = _quote_items(group.get("kutipan"), lang) if isinstance(group, Mapping) else []
        if items:
            add("bukti", {"kind": "quotes", "id": _anchor(group.get("id") and prefix + str(group.get("id"))),
                          "title": _clean(group.get("judul", "")),
                          "entries": items})
    methods = context["metode"] if "metode" in context else default_methods(lang)
    if methods:
        add("metode", {"kind": "paragraphs", "entries": [_clean(p) for p in methods]})
    headings = dict(_ORDER, grafik="sec_charts" if rated else "sec_charts_unrated")
    sections = [{"id": anchor, "title": text(headings[anchor], lang), "blocks": blocks[anchor]} for anchor, _ in _ORDER
                if anchor in blocks]
    questions = [_question_section(question, i, lang) for i, question in enumerate(context.get("pertanyaan") or [], start=1)
                 if isinstance(question, Mapping)]
    after = max((i + 1 for i, s in enumerate(sections) if s["id"] in ("temuan", "angka", "ikhtisar", "penilaian")), default=0)
    return sections[:after] + questions + sections[after:]


def _question_section(question: Mapping[str, Any], number: int, lang: str) -> dict[str, Any]:
    """One question of a report on several: its own sections, each under a heading, in one section."""
    anchor = _anchor(question.get("id")) or f"pertanyaan-{number}"
    blocks: list[dict[str, Any]] = []
    for part in _sections(question.get("konteks") or {}, lang, prefix=f"{anchor}-"):
        blocks.append({"kind": "heading", "id": f"{anchor}-{part['id']}", "title": part["title"]})
        blocks.extend({**block, "level": 4} for block in part["blocks"])
    return {"id": anchor, "title": _clean(question.get("judul") or ""), "blocks": blocks}


def _ranking_block(name: str, frame: pd.DataFrame, lang: str) -> dict[str, Any]:
    """A ranked bar chart of one kind's themes, drawn in HTML (label, a bar as long as its count, the
    count and share): the labels read in full, at any width, and cost nothing to draw."""
    rows = [(str(label_), int(n), row) for label_, n, row in zip(frame["label"], frame["jumlah"], frame.itertuples())]
    themes = sorted((r for r in rows if r[0] not in NOT_THEMES), key=lambda r: -r[1]) + [r for r in rows if r[0] in NOT_THEMES]
    # bars to the scale of the largest theme: "lainnya" (often most of a kind) would shrink them all;
    # a general line longer than that is drawn full and its count says how long
    largest = max((n for label_, n, _ in themes if label_ not in NOT_THEMES), default=0) or \
        max((n for _, n, _ in themes), default=0) or 1
    entries = [{"label": _clean(theme_label(label_, lang)), "jumlah": count(n, lang), "porsi": percent(getattr(row, "porsi", None)),
                "lebar": round(min(100.0, 100 * n / largest), 1), "umum": label_ in NOT_THEMES}
               for label_, n, row in themes]
    kind = name[len("tema_"):]
    themed, total = sum(n for label_, n, _ in themes if label_ not in NOT_THEMES), sum(n for _, n, _ in themes)
    # the bars rank the themes found; how much of the kind they cover is said, so that a short bar is
    # not read as a rare problem when most comments fit no theme
    from ._keyphrases import GENERAL_LINES

    general = theme_label(GENERAL_LINES.get(kind, GENERAL_LINES["saran"]), lang)  # this kind's own general line
    note = text("themes_coverage", lang, k=count(themed, lang), n=count(total, lang),
                p=percent(themed / total), general=general) if total else ""
    return {"kind": "ranking", "jenis": kind if kind in ("keluhan", "saran", "pujian") else "", "entries": entries,
            "caption": _clean(text(f"{name}_chart", lang)), "note": _clean(note)}


def _table_block(name: str, frame: Any, lang: str) -> dict[str, Any]:
    caption = _clean(_table_caption(name, lang))
    if isinstance(frame, (pd.DataFrame, pd.Series)) and frame.empty:  # a sentence, not a header over no rows
        which = "empty_perbandingan_sorotan" if name.startswith("perbandingan_sorotan") else "empty_table"
        return {"kind": "table", "html": "", "caption": caption, "note": text(which, lang)}
    html, note = _table_html(frame, lang)
    return {"kind": "table", "html": html, "caption": caption, "note": note}


def _anchor(value: Any) -> str:
    """An id for a link inside the page: letters, digits and ``-`` only (``""`` for none)."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", str(value)).strip("-") if value else ""


def _quote_items(quotes: Any, lang: str) -> list[dict[str, str]]:
    return [{"teks": _clean(shown_quote(q.get("teks", ""), lang)),
             "sentimen": q.get("sentimen") if q.get("sentimen") in POLARITIES else "",
             "label": _clean(label(q.get("sentimen") or "", lang))} if isinstance(q, Mapping)
            else {"teks": _clean(shown_quote(q, lang)), "sentimen": "", "label": ""} for q in quotes or []]


def _template() -> Any:
    import jinja2

    source = files("umpanbalik.resources").joinpath("templates/laporan.html.j2").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return environment.from_string(source)


def render_html(context: Mapping[str, Any], lang: Lang = "id") -> str:
    """Render the evaluator's report as one self-contained HTML page.

    Every key is optional; a missing key, or an empty value, leaves its section out.

    Parameters
    ----------
    context : dict
        - ``judul`` (str): the title; a default title otherwise.
        - ``dibuat`` (str): the date the report was made, shown under the title.
        - ``temuan`` (list of dict): the headline findings, shown first, each ``{"teks", "angka",
          "interval", "didukung", "tautan"}`` — the sentence, its figure and 95% interval, whether
          the data support it, and the id of its quotes in ``bukti`` (all but ``teks`` optional).
        - ``bukti`` (list of dict): the quotes of the findings, each ``{"id", "judul", "kutipan"}``.
        - ``catatan`` (list of str): what qualifies the findings, shown under them.
        - ``angka_kunci`` (list of dict, or a DataFrame with those columns): key numbers, each
          ``{"label", "nilai", "catatan"}`` (``catatan`` optional).
        - ``gambar`` (dict name → matplotlib Figure or ``data:image/…;base64`` URI): figures are
          embedded as PNG and closed. Names place them: ``sentimen`` (overall sentiment),
          ``aspek_sentimen`` and ``nilai`` (charts),
          ``awan_aspek_<aspect>`` and ``awan_sentimen_<sentiment>`` (word clouds), ``topik``,
          ``hambatan``, ``perbandingan`` (also ``perbandingan_<column>``, one per segmentation; the
          same suffix rule holds for the others). Other names go to a last "other" section.
        - ``tabel`` (dict name → DataFrame): ``sentimen``, ``aspek``, ``nilai``, ``saran``, ``topik``,
          ``hambatan``, ``perbandingan`` (and ``<name>_<suffix>``), placed like the figures; a table
          with a figure's name follows that figure. Cells are escaped and written for people: a share
          and its interval columns (``porsi``, ``ci_bawah``, ``ci_atas``) as "35% (33–38%)", the
          library's column names as people's headers, lists and dicts as ``materi; waktu`` /
          ``materi: positif``; at most 500 rows each.
        - ``kutipan`` (dict aspect → list of ``{"teks", "sentimen"}`` or str): quotes per aspect.
        - ``saran`` (list of str): the top suggestions.
        - ``metode`` (list of str): paragraphs of methods and limitations; when the key is absent,
          :func:`default_methods` for ``lang``; an empty list leaves the section out.
        - ``pertanyaan`` (list of dict): a report on several open questions, each ``{"id", "judul",
          "konteks"}``: a section titled ``judul`` that holds the report ``konteks`` (the keys above)
          of that question, after the key numbers; tables named ``pertanyaan`` and ``ikhtisar_*``
          go to an overview section before them.
    lang : {"id", "en"}, default="id"
        Headings, captions and labels in Indonesian or English.

    Returns
    -------
    str
        The HTML page: autoescaped, images embedded, no script, no external reference.

    Examples
    --------
    >>> page = render_html({"judul": "Evaluasi <Latsar>", "saran": ["=tambah praktik"]})
    >>> "Evaluasi &lt;Latsar&gt;" in page, "=tambah praktik" in page, "Metode dan keterbatasan" in page
    (True, True, True)
    """
    check_lang(lang)
    if not isinstance(context, Mapping):
        raise TypeError(f"`context` must be a dict of report parts, got {type(context).__name__}.")
    strings = {key: text(key, lang) for key in ("generated", "notice", "contents", "see_quotes", "findings_note", "not_supported")}
    return _template().render(
        lang=lang, judul=_clean(context.get("judul") or text("title", lang)), dibuat=_clean(context.get("dibuat") or ""),
        sections=_sections(context, lang), t=strings,
    )


def write_html(context: Mapping[str, Any], path: str | Path, lang: Lang = "id") -> Path:
    """Render the report (see :func:`render_html`) and write it to ``path`` as UTF-8; returns the path."""
    from .report import check_folder

    path = Path(path)
    check_folder(path)  # before the report is drawn
    page = render_html(context, lang)
    with atomic_path(path, "laporan.html") as temporary:  # an interrupted run leaves the earlier report whole
        temporary.write_text(page, encoding="utf-8")
    return path

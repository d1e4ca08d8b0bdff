from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public benchmark data beside the repository; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def survey_comments():
    """The per-comment frame for 400 responses of the example survey, as ``analyze`` builds it
    (shipped models, barriers, five topics); about 20 s once per session, for the report tests."""
    from umpanbalik import TopicModel, load_survey
    from umpanbalik._annotate import annotate

    survey = load_survey().head(400)
    tagged = annotate(survey["komentar"].tolist(), barriers=survey["alasan_tidak_ikut"].tolist())
    comments = survey.join(tagged.set_axis(survey.index))
    topics = TopicModel(n_topics=5).fit(survey["komentar"]).transform(survey["komentar"])
    return comments.join(topics[["topik", "label_topik"]])


HOSTILE_QUOTE = "<script>alert(1)</script> materi kurang jelas"  # the last materi quote of report_context


@pytest.fixture(scope="session")
def report_context(survey_comments):
    """A full report context from ``survey_comments``: every chart, word clouds, tables, quotes
    (one of them a script tag) and suggestions; images already embedded as data URIs."""
    from umpanbalik import plots
    from umpanbalik.analysis.tables import aspect_polarity_counts, barrier_table, rating_by_aspect, segment_shares
    from umpanbalik.report import figure_to_data_uri

    c = survey_comments
    figures = {
        "aspek_sentimen": plots.plot_aspect_sentiment(c),
        "nilai": plots.plot_rating_by_aspect(c, "nilai"),
        "topik": plots.plot_topic_sizes(c),
        "hambatan": plots.plot_barriers(c),
        "perbandingan": plots.plot_segment_comparison(c, "instansi"),
        **{f"awan_aspek_{k}": v for k, v in plots.aspect_wordclouds(c).items()},
        **{f"awan_sentimen_{k}": v for k, v in plots.sentiment_wordclouds(c).items()},
    }
    informative = c[~c["non_informatif"]]
    quotes = {aspect: [{"teks": t, "sentimen": s} for t, s in
                       informative.loc[informative["aspek"].map(lambda a: aspect in a), ["komentar", "sentimen"]].head(3).itertuples(index=False)]
              for aspect in ("materi", "metode", "relevansi", "waktu")}
    quotes["materi"].append({"teks": HOSTILE_QUOTE, "sentimen": "negatif"})
    return {
        "judul": "Evaluasi pelatihan 2024 (contoh)",
        "dibuat": "2024-06-30",
        "angka_kunci": [{"label": "Komentar", "nilai": len(c), "catatan": "contoh ilustratif"},
                        {"label": "Negatif", "nilai": f"{(c['sentimen'] == 'negatif').mean():.0%}"}],
        "gambar": {name: figure_to_data_uri(fig) for name, fig in figures.items()},
        "tabel": {"aspek": aspect_polarity_counts(c), "nilai": rating_by_aspect(c, "nilai"),
                  "topik": c.groupby(["topik", "label_topik"]).size().rename("ukuran").reset_index(),
                  "hambatan": barrier_table(c), "perbandingan": segment_shares(c, "instansi")},
        "kutipan": quotes,
        "saran": c.loc[c["saran"], "komentar"].head(5).tolist(),
    }

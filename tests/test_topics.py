from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import re

import numpy as np
import pandas as pd
import pytest

from umpanbalik.datasets import load_corpus, load_survey
from umpanbalik.lexicon import load_stopwords, load_topic_stopwords
from umpanbalik.preprocessing import Preprocessor
from umpanbalik.themes import is_generic
from umpanbalik.topics import TopicModel, coherence, topic_stability

THEMES = {
    "sinyal": ["sinyal zoom sering putus", "zoom putus putus sinyal jelek", "koneksi zoom lemot sinyal hilang",
               "sinyal di kantor jelek zoom keluar masuk"],
    "konsumsi": ["konsumsi kurang enak", "makan siang telat datang konsumsi", "snack konsumsi enak sekali",
                 "konsumsi makan siang porsinya kecil"],
    "sertifikat": ["sertifikat belum bisa diunduh", "kapan sertifikat dikirim", "sertifikat salah nama",
                   "link sertifikat error"],
}


@pytest.fixture(scope="module")
def themed() -> list[str]:
    return [t for texts in THEMES.values() for t in texts] * 3 + ["-", "tidak ada", "ok"]


def test_finds_planted_themes_and_sets_non_answers_aside(themed):
    model = TopicModel(n_topics=3, min_df=1).fit(themed)
    assert model.n_topics_ == 3
    assert model.n_non_informative_ == 3
    assert (model.labels_[-3:] == -1).all()
    labels = model.topics_["label"].tolist()
    pre = Preprocessor(stem=False, remove_stopwords=False)
    for theme, texts in THEMES.items():  # each planted theme is one topic, named by a phrase its comments hold
        topics = {model.labels_[themed.index(text)] for text in texts}
        assert len(topics) == 1, (theme, topics)
        label = labels[topics.pop()]
        assert 2 <= len(label.split()) <= 5 and not is_generic(label), label
        written = " ".join(" ".join(pre(text)).replace("_", " ") for text in texts)
        assert all(word in written.split() for word in label.split()), (label, theme)
    assert len(set(labels)) == len(labels)
    assert len(model.labels_) == len(themed)
    assert all(len(examples) <= model.n_examples for examples in model.topics_["contoh"])


def test_transform_keeps_index_and_marks_non_answers(themed):
    model = TopicModel(n_topics=3, min_df=1).fit(themed)
    out = model.transform(pd.Series(["zoom sinyal putus terus", None, "konsumsi enak"], index=[5, 9, 2]))
    assert list(out.index) == [5, 9, 2]
    assert out.loc[9, "topik"] == -1 and out.loc[9, "label_topik"] == "non-informatif"
    assert out.loc[5, "topik"] != out.loc[2, "topik"]


def test_rename_merge_and_seed_words(themed):
    model = TopicModel(n_topics=3, min_df=1, seed_words={"jaringan": ["sinyal", "zoom"]}).fit(themed)
    assert model.topics_.loc[0, "label"] == "jaringan"
    model.rename_topic(1, "tema lain")
    assert "tema lain" in model.topics_["label"].tolist()
    model.merge_topics(1, 2)
    assert model.n_topics_ == 2 and model.labels_.max() == 1
    assert model.topics_["ukuran"].sum() == len(themed) - 3
    with pytest.raises(ValueError, match="topic id"):
        model.rename_topic(7, "x")


def test_seeded_topics_hold_the_comments_with_their_words_in_fit_transform_and_after_a_merge():
    """Seeds only started k-means, and the centres drifted: notebook 02's "Sinyal dan Zoom" held 637 of
    1,566 survey comments, 17% of them with a seed word, and "Sertifikat" 99, 1% of them."""
    komentar = load_survey()["komentar"]
    seeds = {"Sinyal dan Zoom": ["sinyal", "zoom", "jaringan"], "Sertifikat": ["sertifikat", "piagam"]}
    model = TopicModel(n_topics=6, seed_words=seeds, random_state=0).fit(komentar)
    assert model.topics_.set_index("topik").loc[[0, 1], "label"].tolist() == list(seeds)
    holds = {topic: komentar.str.contains("|".join(words), case=False) for topic, words in enumerate(seeds.values())}
    for topic in (0, 1):
        assert holds[topic][model.labels_ == topic].all()  # every member uses the topic's words
    cleaned = Preprocessor().transform(komentar)
    with_seed = [any(w in c.split() for w in ("sinyal", "zoom", "jaring", "sertifikat", "piagam")) for c in cleaned]
    assert (np.isin(model.labels_, [0, 1]) == np.asarray(with_seed)).all()  # and every comment using them is a member
    new = model.predict(["sinyal zoom putus terus", "sertifikat belum dikirim", "materi bagus sekali"])
    assert new[0] == 0 and new[1] == 1 and new[2] >= 2
    model.merge_topics(0, 1)  # the merged topic takes both topics' words
    assert model.predict(["sertifikat belum dikirim", "zoom putus"]).tolist() == [0, 0]
    mixed = TopicModel(n_topics=4, seed_words={"Sinyal": ["sinyal"]}, random_state=0).fit(komentar)
    mixed.merge_topics(0, 1)  # a seeded and an unseeded topic: no longer pinned, predict agrees with the fit
    assert (mixed.predict(komentar) == mixed.labels_).mean() > 0.95
    few = TopicModel(n_topics=3, seed_words={"Z": ["zoom"]}, min_df=1).fit(["zoom putus", "materi bagus", "waktu kurang", "zoom lemot"])
    assert few.n_topics_ == 3 and few.labels_.tolist() == [0, 1, 2, 0]  # as many others as unseeded topics
    sparse = TopicModel(n_topics=5, svd_components=None, seed_words=seeds, random_state=0).fit(komentar)
    assert holds[0][sparse.labels_ == 0].all()  # without the SVD (sparse rows, never made dense)


def test_auto_selection_exposes_scores_and_readable_terms():
    corpus = load_corpus().sample(n=800, random_state=1)
    model = TopicModel(k_range=(3, 6)).fit(corpus["teks"], aspects=corpus["aspek"], sentiments=corpus["sentimen"])
    assert list(model.selection_scores_["k"]) == [3, 4, 5, 6]
    assert list(model.selection_scores_.columns) == ["k", "npmi", "silhouette", "stabilitas", "skor"]
    assert model.selection_scores_["stabilitas"].between(-1, 1).all()
    # k from k_range, then a topic of more than 35% of the comments is split (no catch-all)
    assert 3 <= model.n_topics_ <= 6 + 4
    assert model.topics_["ukuran"].max() <= 0.35 * model.topics_["ukuran"].sum() or model.n_topics_ == 10
    assert {"aspek", "sentimen"} <= set(model.topics_.columns)
    banned = load_stopwords() | load_topic_stopwords() | {"tidak ada", "cukup", "ok"}
    for terms in model.topics_["kata_kunci"]:
        assert not banned & {t for t, _ in terms}
    scores = coherence(model, corpus["teks"])
    assert -1 <= scores.attrs["rata_rata"] <= 1
    assert "_" not in " ".join(t for terms in model.topics_["kata_kunci"] for t, _ in terms)


@pytest.mark.parametrize("texts", [[], ["-", "tidak ada"], ["sama persis"] * 10, ["a"],
                                   ["materi bagus sekali"], ["narasumber interaktif", "ok"] * 3])
def test_degenerate_inputs_give_documented_results(texts):
    with pytest.warns(UserWarning, match=r"(no topic|only 1 distinct topic) could be formed .*; asked for 4"):
        model = TopicModel(n_topics=4).fit(texts)
    assert len(model.labels_) == len(texts)
    assert model.n_topics_ in (0, 1)
    assert (model.transform(texts)["topik"].to_numpy() == model.labels_).all()  # one topic: no SVD to apply


@pytest.mark.parametrize("texts", [[None, 5, ""], pd.Series([float("nan")] * 30), ["", "  "] * 5])
def test_a_column_without_text_is_refused(texts):
    # it gave 0 topics without a word
    with pytest.raises(ValueError, match=r"none of the \d+ training texts in `X` holds any text"):
        TopicModel(n_topics=4).fit(texts)
    with pytest.raises(ValueError, match="did you pass the wrong column"):
        TopicModel().fit_predict(texts)


@pytest.mark.parametrize(("texts", "n_topics", "message"), [
    (["materi bagus", "materi bagus, terus", "waktu kurang"], 3,
     r"^only 2 distinct topics could be formed from 3 comments; asked for 3: the answers are too few or too alike"),
    (load_corpus()["teks"].sample(n=30, random_state=1).tolist(), 50,
     r"^only \d\d distinct topics could be formed from 30 comments( \(\d set aside as non-answers? or empty\))?; asked "
     r"for 50: there are only \d\d distinct answers to group\. Ask for fewer topics"),
], ids=["3-comments", "30-comments"])
def test_fewer_topics_than_asked_is_one_clear_warning(texts, n_topics, message):
    # k-means on so few comments finds fewer distinct clusters than asked: scikit-learn warned at
    # each of its runs (65 ConvergenceWarnings for 3 comments, hundreds for 30) and nothing said
    # that fewer topics came out
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = TopicModel(n_topics=n_topics).fit(texts)
    assert [w.category for w in caught] == [UserWarning]
    assert re.search(message, str(caught[0].message)) and str(model.n_topics_) in str(caught[0].message)
    assert caught[0].filename == __file__  # points at the fit
    assert 0 < model.n_topics_ < n_topics


def test_analyze_turns_a_topic_model_error_into_a_note():
    from umpanbalik import analyze

    texts = ["materi bagus sekali", "waktu terlalu singkat", "narasumber menjelaskan dengan jelas", "-", ""]
    result = analyze(texts, topics=TopicModel(n_topics=2, seed_words={"kolam": ["kolam"]}), progress=False)
    assert result.comments["topik"].tolist() == [-1] * 5
    assert any("no comment contains the seed words of topic 'kolam'" in note for note in result.notes)


def test_analyze_of_a_single_informative_comment_has_one_topic():
    from umpanbalik import analyze

    result = analyze(["materi bagus tapi waktu kurang, narasumber interaktif", "ok"], progress=False)
    assert result.comments["topik"].tolist() == [0, -1]


def test_bad_parameters_are_named():
    with pytest.raises(ValueError, match="method"):
        TopicModel(method="lda").fit(["a b"])
    with pytest.raises(ValueError, match="n_topics"):
        TopicModel(n_topics=0).fit(["a b"])
    with pytest.raises(ValueError, match="single string"):
        TopicModel().fit("materi bagus")


def test_a_number_of_topics_beyond_what_a_reader_takes_in_is_refused_before_any_work(capsys):
    """500 topics asked of 1,783 real comments still ran after 12 minutes (the CLI and analyze too)."""
    from umpanbalik import analyze
    from umpanbalik.cli import main
    from umpanbalik.topics import MAX_TOPICS

    with pytest.raises(ValueError, match=f"at most {MAX_TOPICS}"):
        TopicModel(n_topics=MAX_TOPICS + 1).fit(["materi bagus", "waktu kurang"])
    with pytest.raises(ValueError, match="k_range"):
        TopicModel(k_range=(4, MAX_TOPICS + 1)).fit(["materi bagus", "waktu kurang"])
    with pytest.raises(ValueError, match=f"from 1 to {MAX_TOPICS}"):
        analyze(["materi bagus", "waktu kurang"], topics=500, progress=False)
    for lang, words in (("id", f"--topics paling banyak {MAX_TOPICS}"), ("en", f"--topics is at most {MAX_TOPICS}")):
        with pytest.raises(SystemExit) as stopped:
            main(["--lang", lang, "analyze", "tidak_dibaca.csv", "--topics", "500"])
        assert stopped.value.code == 2 and words in capsys.readouterr().err


def test_stability_and_nmf(themed):
    assert topic_stability(themed, seeds=(0, 1, 2), n_topics=3, min_df=1) > 0.5
    model = TopicModel(n_topics=3, method="nmf", min_df=1).fit(themed)
    assert model.n_topics_ == 3
    assert set(np.unique(model.labels_)) <= {-1, 0, 1, 2}


def test_plots_render_without_a_display(themed, tmp_path):
    from umpanbalik.plots import plot_topic_sizes

    model = TopicModel(n_topics=3, min_df=1).fit(themed)
    for fig in (model.plot_top_terms(), model.wordcloud(0), plot_topic_sizes(model)):
        path = tmp_path / "figure.png"
        fig.savefig(path)
        assert path.stat().st_size > 1000
    assert len(model.plot_top_terms(topics=[1]).axes) == 1


OVERLAPPING = {"sinyal": ["sinyal", "zoom", "putus", "koneksi", "lemot", "jaringan"],
               "konsumsi": ["konsumsi", "makan", "snack", "enak", "porsi", "minum"],
               "sertifikat": ["sertifikat", "unduh", "nama", "kirim", "salah", "link"],
               "jadwal": ["jadwal", "mundur", "pagi", "malam", "istirahat", "molor"],
               "ruang": ["ruang", "panas", "ac", "kursi", "sempit", "proyektor"]}
SHARED = ["peserta", "pelatihan", "kegiatan", "panitia", "narasumber", "materi"]


@pytest.fixture(scope="module")
def overlapping() -> tuple[list[str], list[int]]:
    """Five planted themes; each comment has three theme words, two shared words and one word of
    another theme. A single k-means run recovers them for one seed in eight."""
    rng = np.random.default_rng(0)
    themes = list(OVERLAPPING.values())
    texts, truth = [], []
    for index, words in enumerate(themes):
        for _ in range(60):
            picked = [*rng.choice(words, 3, replace=False), *rng.choice(SHARED, 2, replace=False),
                      rng.choice(themes[(index + 1 + rng.integers(4)) % 5])]
            texts.append(" ".join(rng.permutation(picked)))
            truth.append(index)
    return texts, truth


def test_consensus_recovers_overlapping_themes_for_every_seed(overlapping):
    from sklearn.metrics import adjusted_rand_score

    texts, truth = overlapping
    for seed in range(5):
        labels = TopicModel(n_topics=5, random_state=seed, exclude_non_informative=False).fit_predict(texts)
        assert adjusted_rand_score(truth, labels) == pytest.approx(1.0), seed
    again = TopicModel(n_topics=5, random_state=4, exclude_non_informative=False).fit_predict(texts)
    assert (again == labels).all()  # the same seed, the same topics in the same order


def test_n_jobs_gives_the_same_topics():
    """``n_jobs`` cleans the raw comments in the library's worker pool; the topics are the same."""
    from umpanbalik import _parallel, preprocessing

    corpus = [f"{text} kataunik{i % 150}x" for i, text in enumerate(load_corpus().sample(n=600, random_state=2)["teks"])]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(preprocessing, "_PARALLEL_MIN_TEXTS", 100)  # workers for these 600 comments too
        _parallel.shutdown()
        two = TopicModel(k_range=(3, 5), n_init=12, random_state=3, n_jobs=2).fit(corpus)  # new words: the workers stem some
        assert _parallel._pool().workers  # the raw comments were cleaned in the pool's workers
    one = TopicModel(k_range=(3, 5), n_init=12, random_state=3).fit(corpus)
    assert (one.labels_ == two.labels_).all()
    pd.testing.assert_frame_equal(one.selection_scores_, two.selection_scores_)
    assert one.topics_["label"].tolist() == two.topics_["label"].tolist()
    with pytest.raises(ValueError, match="n_jobs"):
        TopicModel(n_jobs=-2).fit(corpus)


@pytest.mark.parametrize("n_jobs", [None, 2])
def test_k_means_runs_are_one_thread_each_here_and_in_workers(n_jobs):
    """Each k-means run uses one OpenMP and one BLAS thread, in this process and in the workers that
    n_jobs forks (threads cost more than they saved on these small runs; two processes with two
    threads each would fight over two cores), and every plan's result comes back in order."""
    import os

    from threadpoolctl import threadpool_info

    def run(seed):
        return seed, os.getpid(), {pool["user_api"]: pool["num_threads"] for pool in threadpool_info()}

    seen = TopicModel(n_jobs=n_jobs)._runs(run, list(range(4)), comments=10_000)
    assert [seed for seed, _, _ in seen] == list(range(4))
    assert all(set(threads.values()) == {1} for _, _, threads in seen)
    assert len({pid for _, pid, _ in seen}) == (1 if n_jobs is None else 2)
    assert TopicModel(n_jobs=2)._runs(run, list(range(4)), comments=10)[-1][1] == os.getpid()  # too small to fork


@pytest.mark.parametrize("options", [{}, {"method": "nmf"}, {"seed_words": {"jadwal": ["jadwal", "waktu"]}}],
                         ids=["consensus", "nmf", "seeded"])
def test_topics_do_not_depend_on_n_jobs(options, monkeypatch):
    from umpanbalik import _parallel, topics

    texts = load_corpus()["teks"].tolist()[:1_200]
    monkeypatch.setattr(topics, "_RUNS_PARALLEL_MIN", 200)  # the runs are shared whatever the detector says
    shared = []
    forked = _parallel.map_forked

    def spy(function, items, processes, **kwargs):
        shared.append(processes)
        return forked(function, items, processes, **kwargs)

    monkeypatch.setattr(_parallel, "map_forked", spy)
    one = TopicModel(random_state=0, **options).fit(texts)
    assert set(shared) == {1}
    shared.clear()
    two = TopicModel(random_state=0, n_jobs=2, **options).fit(texts)
    assert shared and set(shared) == {2}  # the candidate k (and the consensus runs) went to a worker
    assert (one.labels_ == two.labels_).all() and np.array_equal(one.centers_, two.centers_)
    assert one.selection_scores_.equals(two.selection_scores_)


def test_cleaned_text_given_is_used_instead_of_preprocessing(themed, monkeypatch):
    from umpanbalik import Preprocessor

    cleaned = Preprocessor().transform(themed)
    plain = TopicModel(n_topics=3, min_df=1).fit(themed)
    unstemmed = Preprocessor.transform  # the labels' surface forms still read the comments unstemmed

    def transform(self, X):
        assert not self.stem, "preprocessed again"
        return unstemmed(self, X)

    monkeypatch.setattr(Preprocessor, "transform", transform)
    given = TopicModel(n_topics=3, min_df=1).fit(themed, cleaned=cleaned)
    assert (given.labels_ == plain.labels_).all()
    assert given.topics_["label"].tolist() == plain.topics_["label"].tolist()
    new = ["zoom sinyal putus terus", "konsumsi enak"]
    pd.testing.assert_frame_equal(given.transform(new, cleaned=["zoom sinyal putus terus", "konsumsi enak"]),
                                  plain.transform(pd.Series(new), cleaned=["zoom sinyal putus terus", "konsumsi enak"]))
    # the cleaned text is what is read: swapped, the two comments swap topics
    swapped = given.transform(new, cleaned=["konsumsi enak", "zoom sinyal putus terus"])
    assert swapped["topik"].tolist() == given.transform(new, cleaned=new)["topik"].tolist()[::-1]
    with pytest.raises(ValueError, match="one preprocessed text per comment"):
        given.transform(new, cleaned=["zoom"])


def test_consensus_on_a_pool_of_large_inputs(overlapping, monkeypatch):
    from sklearn.metrics import adjusted_rand_score

    import umpanbalik.topics as topics

    monkeypatch.setattr(topics, "_CONSENSUS_SAMPLE", 100)  # the runs vote on 100 of 300 comments
    texts, truth = overlapping
    model = TopicModel(n_topics=5, exclude_non_informative=False).fit(texts)
    assert len(model.labels_) == len(texts) and (model.labels_ >= 0).all()
    assert adjusted_rand_score(truth, model.labels_) > 0.95


def test_svd_and_labels_of_large_inputs_come_from_samples(overlapping, monkeypatch):
    """Above 20,000 comments the SVD is fitted on a sample of comments and of the most frequent terms,
    and labels are found on a sample of comments; the topics stay those of the whole (scaled down)."""
    from sklearn.metrics import adjusted_rand_score

    import umpanbalik.topics as topics

    texts, truth = overlapping
    whole = TopicModel(n_topics=5, exclude_non_informative=False, svd_components=20).fit(texts)
    monkeypatch.setattr(topics, "_SVD_SAMPLE", 150)
    monkeypatch.setattr(topics, "_SVD_TERMS", 40)
    monkeypatch.setattr(topics, "_LABEL_SAMPLE", 200)
    model = TopicModel(n_topics=5, exclude_non_informative=False, svd_components=20).fit(texts)
    assert len(model.svd_terms_) == 40 and model.svd_.components_.shape == (20, 40)
    assert adjusted_rand_score(truth, model.labels_) > 0.9 and adjusted_rand_score(whole.labels_, model.labels_) > 0.9
    assert model.topics_["label"].str.len().min() > 0
    assert (model.transform(texts[:10])["topik"].to_numpy() == model.labels_[:10]).all()  # through the same terms


def test_only_phrase_bigrams_describe_topics():
    subjects, qualities = ["materi", "narasumber", "panitia", "tempat", "modul"], ["bagus", "jelas", "ramah", "rapi", "padat"]
    praise = [f"{s} {q}" for s in subjects for q in qualities] * 2  # "materi bagus": 2 of the 10 comments with "materi" or "bagus"
    thanks = ["terima kasih atas ilmunya", "terima kasih banyak", "sekali lagi terima kasih"] * 3
    signal = ["sinyal zoom putus", "zoom sinyal lemot", "sinyal putus putus", "koneksi zoom lemot"] * 5
    model = TopicModel(n_topics=2, n_terms=40, exclude_non_informative=False).fit(praise + thanks + signal)
    assert {"materi bagus", "narasumber jelas"} <= set(model.vectorizer_.vocabulary_)  # features, yet not terms
    terms = {t for terms in model.topics_["kata_kunci"] for t, _ in terms}
    assert "terima kasih" in terms  # "terima" and "kasih" always come together: a phrase
    assert {"materi", "bagus", "narasumber"} <= terms
    assert not {f"{s} {q}" for s in subjects for q in qualities} & terms


def test_term_weights_favour_terms_that_many_comments_of_the_topic_use(themed):
    model = TopicModel(n_topics=3, min_df=1).fit(themed)
    informative = model.labels_ >= 0
    docs = model._pre().transform([t for t, m in zip(themed, informative) if m])
    present = (model.vectorizer_.transform(docs) > 0).toarray()
    labels = model.labels_[informative]
    per_topic = np.vstack([present[labels == c].sum(axis=0) for c in range(3)]).astype(float)
    class_tfidf = per_topic / per_topic.sum(axis=1, keepdims=True) * np.log1p(per_topic.sum() / 3 / per_topic.sum(axis=0))
    share_of_comments = per_topic / np.bincount(labels)[:, None]
    np.testing.assert_allclose(model.term_weights_, class_tfidf * share_of_comments * model._describable, rtol=1e-6)


def test_a_model_pickled_before_n_jobs_existed_still_works():
    import pickle

    from sklearn.base import clone

    texts = load_corpus().sample(n=300, random_state=1)["teks"].tolist()
    model = TopicModel(n_topics=3).fit(texts)
    expected = model.transform(texts[:20])["topik"]
    del model.__dict__["n_jobs"]  # as a model saved by the version before TopicModel(n_jobs=)
    loaded = pickle.loads(pickle.dumps(model))
    assert loaded.n_jobs is None and "TopicModel" in repr(loaded)
    assert clone(loaded).get_params()["n_jobs"] is None
    assert (loaded.transform(texts[:20])["topik"] == expected).all()
    loaded.fit(texts)


def test_a_fitted_model_saves_and_loads_through_skops(themed, tmp_path):
    from sklearn.base import clone

    from umpanbalik.io import load, save

    aspects = [["waktu"], [], ["materi", "metode"]] * (len(themed) // 3)
    model = TopicModel(n_topics=3, min_df=1).fit(themed, aspects=aspects, sentiments=["negatif"] * len(themed))
    loaded = load(save(model, tmp_path / "topik.skops"))  # skops refused the topics_ DataFrame
    # the example comments stay behind unless keep_texts=True (issue 19)
    pd.testing.assert_frame_equal(loaded.topics_.drop(columns="contoh"), model.topics_.drop(columns="contoh"))
    assert loaded.topics_["contoh"].map(len).eq(0).all() and model.topics_["contoh"].map(len).gt(0).all()
    kept = load(save(clone(model).set_params(keep_texts=True).fit(themed, aspects=aspects, sentiments=["negatif"] * len(themed)),
                     tmp_path / "topik_teks.skops"))
    pd.testing.assert_frame_equal(kept.topics_, model.topics_)
    pd.testing.assert_frame_equal(loaded.selection_scores_, model.selection_scores_)
    pd.testing.assert_frame_equal(loaded.transform(themed), model.transform(themed))
    assert loaded.rename_topic(0, "Jaringan").topics_["label"][0] == "Jaringan"
    with pytest.warns(UserWarning, match="no topic could be formed"):
        empty = load(save(TopicModel(n_topics=3).fit(["-", ""]), tmp_path / "kosong.skops"))
        assert empty.n_topics_ == 0 and list(empty.topics_.columns) == list(TopicModel(n_topics=3).fit([]).topics_.columns)


def test_aspects_and_sentiments_must_hold_one_entry_per_comment(themed):
    model = TopicModel(n_topics=3, min_df=1)
    with pytest.raises(ValueError, match=r"`sentiments` must hold one entry per comment \(39\); got 2"):
        model.fit(themed, sentiments=["positif"] * 2)  # was an IndexError after the clustering
    with pytest.raises(ValueError, match=r"`aspects` must hold one entry per comment \(39\); got 40"):
        model.fit(themed, aspects=[["materi"]] * 40)  # was cut short without a word
    fitted = model.fit(themed, aspects=pd.Series([["materi"]] * len(themed), index=range(100, 100 + len(themed))))
    assert all(aspects == ["materi"] for aspects in fitted.topics_["aspek"])
    # text cells as the corpus writes them are aspects, not letters; missing cells are no aspect
    fitted = model.fit(themed, aspects=["materi;waktu"] * (len(themed) - 2) + [None, float("nan")])
    assert all(aspects == ["materi", "waktu"] for aspects in fitted.topics_["aspek"])


@pytest.mark.filterwarnings("ignore:invalid value encountered in sqrt:RuntimeWarning")  # NMF's nndsvda on 2 rows
@pytest.mark.parametrize("method", ["kmeans", "nmf"])
@pytest.mark.parametrize("n_topics", [2, "auto"])
def test_two_different_comments_make_two_topics(method, n_topics):
    texts = ["sinyal zoom sering putus", "konsumsi enak sekali"]
    # "auto" raised ValueError from the silhouette (2 groups of 2 comments); k-means reduced the
    # two comments to one SVD dimension (n - 1), where both became the same point: one topic
    model = TopicModel(n_topics=n_topics, method=method, exclude_non_informative=False).fit(texts)
    assert model.n_topics_ == 2 and sorted(model.labels_.tolist()) == [0, 1]
    assert model.transform(texts)["topik"].tolist() == model.labels_.tolist()


def test_general_topics_are_told_apart_by_their_terms():
    # three groups that no key phrase describes, two of them wishes: each name says what the group
    # is about ("harapan umum (semangat)"), and no two topics share a name (real exports gave three
    # topics named "harapan umum")
    texts = (["semoga lebih semangat lagi", "semangat terus ya", "tetap semangat", "semangat selalu"] * 6
             + ["semoga sehat selalu", "sehat terus", "semoga sehat dan sukses", "sehat selalu ya"] * 6
             + ["bagus", "bagus sekali", "sudah bagus", "bagus banget"] * 4)  # smaller: named after the others
    model = TopicModel(n_topics=3, min_df=1).fit(texts)
    table = model.topics_
    labels = table["label"].tolist()
    assert len(set(labels)) == 3, labels
    topic_of = {word: model.labels_[texts.index(text)]
                for word, text in (("semangat", "semangat selalu"), ("sehat", "sehat terus"), ("bagus", "bagus sekali"))}
    for word, general in (("semangat", "harapan umum ("), ("sehat", "harapan umum ("), ("bagus", "pujian umum (")):
        label = table.loc[table["topik"] == topic_of[word], "label"].item()
        assert label.startswith(general) and word in label, (word, labels)
    # a name the user gave stays as given, and no generated name takes it
    taken = table.loc[table["topik"] == topic_of["semangat"], "label"].item()
    renamed = model.rename_topic(int(topic_of["bagus"]), taken).topics_
    assert renamed.loc[renamed["topik"] == topic_of["bagus"], "label"].item() == taken
    assert renamed["label"].nunique() == 3, renamed["label"].tolist()
    assert renamed.loc[renamed["topik"] == topic_of["semangat"], "label"].item().startswith("harapan umum")


def test_a_group_of_thanks_is_not_named_after_a_piece_of_the_formula():
    """"matur nuwun, terima kasih" gave the topic label "matur terima" (the bigram left after the
    stopword "nuwun" went); a formula of thanks names no group, the general line does."""
    from umpanbalik._labels import label_groups

    thanks = ["matur nuwun, terima kasih", "matur nuwun terima kasih panitia", "terima kasih, matur nuwun",
              "matur nuwun, terima kasih semuanya", "terima kasih banyak, matur nuwun"]
    other = ["sinyal zoom sering putus", "zoom putus terus", "sinyal zoom putus"]
    labels = label_groups(thanks + other, [0] * len(thanks) + [1] * len(other), 2)
    assert labels == ["ucapan terima kasih", "zoom putus"]


def test_a_vocabulary_of_one_term_is_no_crash():
    """TruncatedSVD needs two terms: comments that leave one term after filtering crashed the fit."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fewer topics than asked, said once
        model = TopicModel(n_topics=2, exclude_non_informative=False).fit(
            ["semoga sukses selalu", "lebih baik lagi", "semoga lebih baik"])
    assert model.svd_ is None and len(model.topics_) >= 1
    assert len(model.transform(["semoga sukses"])) == 1


def test_analyze_says_in_the_users_language_when_fewer_topics_than_asked_were_formed(recwarn):
    """The TopicModel's English warning reached the Indonesian CLI as a raw line; analyze makes it a note."""
    from umpanbalik import analyze

    texts = ["materi bagus", "materi bagus sekali", "waktu kurang", "waktu kurang sekali"] * 3
    result = analyze(texts, topics=6, progress=False)
    assert [n for n in result.notes if "dari 6 topik yang diminta dapat dibentuk dari 12 komentar informatif" in n]
    assert not [w for w in recwarn if "could be formed" in str(w.message)]


def test_a_general_topic_of_complaints_is_named_as_complaints_and_shows_its_tone():
    """The bundled survey's largest topic (90% negative: shifts, night Zoom sessions) was named
    'harapan umum' because 40% of its comments hold a wish word; the report did not show its tone."""
    from umpanbalik import analyze, load_survey
    from umpanbalik._labels import label_groups

    texts = ["absensi pagi error, semoga dibenahi", "konsumsi telat datang, semoga lebih tertib", "ruangan panas sekali, semoga ada kipas",
             "modul tidak dibagikan, semoga segera", "toilet kotor, semoga dibersihkan", "parkiran sempit, semoga diperluas",
             "sertifikat belum terbit, semoga cepat", "asrama berisik, semoga tenang", "proyektor buram, semoga diganti",
             "kursi keras, semoga empuk"] + ["sinyal zoom putus", "zoom putus terus", "sinyal zoom putus"]
    groups = [0] * 10 + [1] * 3
    assert label_groups(texts, groups, 2) == ["harapan umum", "zoom putus"]  # by its words alone
    assert label_groups(texts, groups, 2, sentiments=["negatif"] * 13) == ["keluhan umum", "zoom putus"]
    result = analyze(load_survey().head(500), "komentar", topics=3, progress=False)
    table = result.report_context()["tabel"]["topik"]
    assert "porsi_negatif" in table and table["porsi_negatif"].between(0, 1).all()


def test_a_topic_of_thanks_is_thanks_whatever_its_tone():
    from umpanbalik._labels import label_groups

    thanks = ["terima kasih banyak", "terima kasih panitia", "makasih ya", "terima kasih atas ilmunya",
              "thanks semuanya", "terima kasih bapak ibu"]
    assert label_groups(thanks, [0] * 6, 1, sentiments=["positif"] * 6) == ["ucapan terima kasih"]


def test_a_topic_s_examples_say_its_key_phrase_first():
    # the first example of the topic "terlalu cepat" was "lebih diperbanyak penjelasan"
    texts = ([f"penjelasan terlalu cepat di pertemuan {i}" for i in range(8)]
             + [f"penjelasan kurang detail, mohon diperbanyak contoh {i}" for i in range(12)]
             + [f"jadwal kuliah sering bentrok dengan praktikum {i}" for i in range(20)])
    model = TopicModel(n_topics=2, random_state=0).fit(texts)
    speed = next(c for c in range(2) if (model.labels_[:8] == c).all())
    members = np.flatnonzero(model.labels_ == speed)
    examples = model._examples(members, speed, "terlalu cepat")
    assert examples and "terlalu cepat" in examples[0]
    plain = model._examples(members, speed)
    assert sorted(plain) == sorted(model._examples(members, speed, "tidak ada di sini"))  # no match: the centre's order


def test_a_fitted_topic_model_assigns_its_own_comments_as_predict_does():
    # k-means ends on Euclidean distances to centres of differing lengths, predict on the cosine to the
    # normalised centres: they disagreed on 18 of the bundled survey's 1,566 comments, so the topics'
    # sizes in the report were not those of predict(), and analyze() assigned a sample by one rule and
    # the other comments of a large input by the other
    from umpanbalik import load_survey

    texts = load_survey()["komentar"].tolist()
    model = TopicModel(n_topics=5).fit(texts)
    assert (model.predict(texts) == model.labels_).all()
    assert model.topics_.set_index("topik")["ukuran"].to_dict() == pd.Series(model.labels_[model.labels_ >= 0]).value_counts().to_dict()

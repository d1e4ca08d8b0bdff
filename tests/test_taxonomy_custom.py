"""Custom taxonomies: other polarity labels, seed phrases of several words, and a tagger from seeds alone."""
from __future__ import annotations

import pandas as pd
import pytest

from umpanbalik import AspectTagger

HOTEL = {"fasilitas": ["air panas", "kamar mandi", "kolam"], "layanan": ["resepsionis", "staf"]}
TEXTS = ["air panas tidak keluar", "kamar mandi kotor", "resepsionis ramah", "staf cepat tanggap",
         "kolam renang bersih", "pelayanan staf lambat", "air dingin saja", "kamarnya luas"]
ASPECTS = [["fasilitas"], ["fasilitas"], ["layanan"], ["layanan"], ["fasilitas"], ["layanan"], ["fasilitas"], []]


def test_seed_phrases_of_several_words_match_as_a_sequence():
    tagger = AspectTagger(HOTEL).fit(TEXTS)  # seeds alone
    tagged = tagger.tag(["kamar mandinya bau", "mandi di kamar lain", "air panasnya mati"])
    assert tagged["aspek"].tolist() == [["fasilitas"], [], ["fasilitas"]]
    assert tagged.loc[0, "bukti"]["fasilitas"][0] == "kamar mandi"


def test_seed_only_tagger_tags_by_its_seeds_and_gives_no_polarity():
    tagger = AspectTagger(HOTEL).fit(TEXTS)
    tagged = tagger.tag(["resepsionisnya galak", "sarapan enak"])
    assert tagged["aspek"].tolist() == [["layanan"], []]
    assert tagged["aspek_sentimen"].tolist() == [{}, {}]


def test_seed_only_tagger_without_seeds_says_what_it_needs_before_any_work():
    with pytest.raises(ValueError, match="no seed words.*pass y"):
        AspectTagger({"fasilitas": ["kolam"], "harga": []}).fit(TEXTS)
    with pytest.raises(ValueError, match="needs `y`"):
        AspectTagger(HOTEL).fit(TEXTS, aspect_sentiments=[{}] * len(TEXTS))


def test_other_polarity_labels_are_accepted_and_predicted():
    scale = ["baik", "buruk", "buruk", "baik", "baik", "buruk", "buruk"]
    polarity = [{a: scale[i] for a in row} for i, row in enumerate(ASPECTS[:7])] + [{}]
    tagger = AspectTagger(HOTEL, threshold=0.3, polarity_labels=["baik", "buruk"]).fit(
        TEXTS, ASPECTS, aspect_sentiments=polarity)
    values = {v for row in tagger.tag(TEXTS)["aspek_sentimen"] for v in row.values()}
    assert values and values <= {"baik", "buruk"}
    AspectTagger(HOTEL, threshold=0.3, polarity_labels=None).fit(TEXTS, ASPECTS, aspect_sentiments=polarity)


def test_wrong_polarity_labels_name_the_parameter_that_accepts_them():
    polarity = [{a: "baik" if i % 2 else "buruk" for a in row} for i, row in enumerate(ASPECTS)]
    with pytest.raises(ValueError, match="polarity_labels=None"):
        AspectTagger(HOTEL, threshold=0.3).fit(TEXTS, ASPECTS, aspect_sentiments=polarity)


def test_repeated_tokens_are_one_piece_of_evidence():
    tagger = AspectTagger(HOTEL).fit(TEXTS)
    once = tagger.predict_proba(["staf"])
    many = tagger.predict_proba(["staf " * 40])
    assert many.tolist() == once.tolist()


def test_sample_weight_changes_what_is_learnt_and_is_checked():
    from umpanbalik import SentimentClassifier

    texts = ["bagus", "mantap", "jelek", "kurang", "biasa", "cukup", "lumayan", "lumayan sih"]
    labels = ["positif", "positif", "negatif", "negatif", "netral", "netral", "positif", "negatif"]
    plain = SentimentClassifier().fit(texts, labels).predict_proba(["lumayan"])
    weighted = SentimentClassifier().fit(texts, labels, sample_weight=[1, 1, 1, 1, 1, 1, 10, 1]).predict_proba(["lumayan"])
    assert weighted[0, 2] > plain[0, 2]  # "positif" weighs more where its example weighs more
    with pytest.raises(ValueError, match="sample_weight"):
        SentimentClassifier().fit(texts, labels, sample_weight=[1, 2])


def test_analyze_with_a_tagger_without_polarity_says_so_instead_of_reporting_no_criticism():
    """A seeds-only tagger gives no polarity: every mention counted netral made the findings say
    that no aspect was criticised ("paling banyak 0 komentar")."""
    from umpanbalik import analyze

    texts = ["air panas tidak keluar, kecewa", "kamar mandi kotor sekali", "resepsionis ramah", "staf lambat, kesal"] * 10
    result = analyze(texts, topics=False, progress=False, models={"aspek": AspectTagger(HOTEL).fit(TEXTS)})
    assert result.notes and result.notes[0].startswith("model aspek yang dipakai tidak mengukur polaritas")
    found = result.findings().set_index("kunci")
    assert found.loc["aspect", "temuan"].startswith("Model aspek yang dipakai tidak mengukur polaritas")
    assert not found.loc["aspect", "didukung"]
    shipped = analyze(texts, topics=False, progress=False)  # the shipped tagger measures it: no such note
    assert not shipped.notes and "tidak mengukur" not in " ".join(shipped.findings()["temuan"])


def test_analyze_refuses_a_tagger_whose_polarity_labels_it_cannot_count():
    """'baik'/'buruk' polarities were counted as no polarity at all (every aspect 0 negatif)."""
    from umpanbalik import analyze

    own = AspectTagger(HOTEL, polarity_labels=None).fit(
        TEXTS, ASPECTS, aspect_sentiments=[{a: ("buruk" if i % 2 else "baik") for a in aspects} for i, aspects in enumerate(ASPECTS)])
    assert set(own.polarity_model_.classes_) == {"baik", "buruk"}
    with pytest.raises(ValueError, match=r"polarity model of `models\['aspek'\]` answers with 'baik', 'buruk'.*map yours"):
        analyze(TEXTS, topics=False, progress=False, models={"aspek": own})


def test_the_reports_methods_name_the_users_own_models():
    """The methods said every model was trained on the team's real comments, also for a user's taxonomy."""
    from umpanbalik import analyze

    texts = ["air panas tidak keluar", "kamar mandi kotor sekali", "resepsionis ramah"] * 5
    own = analyze(texts, topics=False, progress=False, models={"aspek": AspectTagger(HOTEL).fit(TEXTS)})
    for lang, said in (("id", "Model milik pengguna."), ("en", "Your own models.")):
        methods = own.report_context(lang=lang)["metode"]
        mine = [p for p in methods if p.startswith(said)]
        assert len(mine) == 1 and "fasilitas" in mine[0] and "layanan" in mine[0]
    assert "metode" not in analyze(texts, topics=False, progress=False).report_context()  # the defaults


@pytest.mark.parametrize("scale", [[5, 1, 2, 4, 5, 1, 2], [True, False, False, True, True, False, False]],
                         ids=["1-5", "bool"])
def test_polarity_labels_keep_their_type_through_tag_and_save(scale, tmp_path):
    # tag() gave {'fasilitas': '5'}: the labels as text, not as given (and as classes_ holds them)
    from umpanbalik.io import load, save

    polarity = [{a: scale[i] for a in row} for i, row in enumerate(ASPECTS[:7])] + [{}]
    tagger = AspectTagger(HOTEL, threshold=0.3, polarity_labels=None).fit(TEXTS, ASPECTS, aspect_sentiments=polarity)
    for model in (tagger, load(save(tagger, tmp_path / "tagger.skops"))):
        values = [v for row in model.tag(TEXTS)["aspek_sentimen"] for v in row.values()]
        assert values and set(values) <= set(scale)
        assert {type(v) for v in values} == {type(scale[0])}


def test_the_tagger_scores_itself_for_model_selection():
    """Without score(), GridSearchCV needed scoring=; it is the micro-F1 of the aspects."""
    from sklearn.model_selection import cross_val_score

    from umpanbalik import load_corpus

    corpus = load_corpus().iloc[:600]
    tagger = AspectTagger(C=1.0)
    scores = cross_val_score(tagger, corpus["teks"].tolist(), corpus["aspek"].tolist(), cv=3)
    assert len(scores) == 3 and (scores > 0.5).all()
    from sklearn.metrics import f1_score

    fitted = AspectTagger(HOTEL).fit(TEXTS, ASPECTS)
    truth = [[int(a in row) for a in fitted.classes_] for row in ASPECTS]
    expected = f1_score(truth, fitted.predict(TEXTS), average="micro", zero_division=0)
    assert fitted.score(TEXTS, ASPECTS) == pytest.approx(expected)
    assert fitted.score(TEXTS, [";".join(row) for row in ASPECTS]) == pytest.approx(expected)  # y as text cells


def test_the_no_polarity_note_survives_the_topic_fit_and_the_multi_report_names_own_models():
    """The topic fit replaced the notes (the note showed only with topics=False), and a report of
    several questions described the shipped models for the user's own."""
    import pandas as pd

    from umpanbalik import analyze, load_survey

    survey = load_survey().head(300)
    tagger = AspectTagger(HOTEL).fit(TEXTS)
    one = analyze(survey, "komentar", topics=3, progress=False, models={"aspek": tagger})
    assert any(n.startswith("model aspek yang dipakai tidak mengukur polaritas") for n in one.notes)
    form = pd.DataFrame({"5.21. Kendala": survey["komentar"].tolist(), "5.22. Saran": survey["komentar"].tolist()[::-1]})
    both = analyze(form, text=["5.21", "5.22"], topics=False, progress=False, models={"aspek": tagger})
    methods = both.report_context()["metode"]
    assert [p for p in methods if p.startswith("Model milik pengguna.")]


def test_the_longest_seed_wins_and_a_word_of_a_phrase_is_no_seed_of_its_own():
    # "kamar mandi kotor" was tagged kamar as well as kamar mandi: "kamar" counted twice as often as
    # the comments about rooms, and quotes("kamar") gave bathroom comments
    taxonomy = {"kamar": ["kamar", "kasur"], "kamar mandi": ["kamar mandi", "toilet"]}
    tagger = AspectTagger(taxonomy=taxonomy, polarity=False).fit(["kamar bersih", "kamar mandi kotor"])
    tagged = tagger.tag(["kamar mandi kotor", "kamarnya sempit, kamar mandi bau", "kasur keras"])["aspek"].tolist()
    assert tagged == [["kamar mandi"], ["kamar", "kamar mandi"], ["kamar"]]


def test_wrong_training_labels_are_said_not_dropped(tmp_path):
    import numpy as np
    from sklearn.preprocessing import MultiLabelBinarizer

    from umpanbalik import SentimentClassifier
    from umpanbalik.aspects import load_taxonomy
    from umpanbalik.io import save

    texts = ["kamar bersih", "kasur keras", "kamar mandi kotor", "toilet bau", "kamar sempit", "toilet bersih"]
    aspects = [["kamar"], ["kamar"], ["kamar mandi"], ["kamar mandi"], ["kamar"], ["kamar mandi"]]
    polarity = [{a: p for a in row} for row, p in zip(aspects, ["positif", "negatif", "negatif", "negatif", "negatif", "positif"])]
    taxonomy = {"kamar mandi": ["kamar mandi", "toilet"], "kamar": ["kamar", "kasur"]}  # not in alphabetical order
    # a polarity key in another case was dropped with the whole polarity model, without a word
    with pytest.raises(ValueError, match="names 'Kamar', which is not an aspect of the taxonomy"):
        AspectTagger(taxonomy=taxonomy, threshold=0.3).fit(
            texts, aspects, aspect_sentiments=[{k.title(): v for k, v in d.items()} for d in polarity])
    with pytest.warns(UserWarning, match="every polarity in `aspect_sentiments` is 'positif'"):
        tagger = AspectTagger(taxonomy=taxonomy, threshold=0.3).fit(
            texts, aspects, aspect_sentiments=[{a: "positif" for a in row} for row in aspects])
    assert tagger.polarity_model_ is None
    # MultiLabelBinarizer sorts its columns: read in the taxonomy's order they swapped every label
    with pytest.warns(UserWarning, match="read in the taxonomy's order"):
        AspectTagger(taxonomy=taxonomy, polarity=False, threshold=0.3).fit(texts, MultiLabelBinarizer().fit_transform(aspects))
    named = MultiLabelBinarizer(classes=list(taxonomy))
    frame = pd.DataFrame(MultiLabelBinarizer().fit_transform(aspects), columns=sorted(taxonomy))
    by_name = AspectTagger(taxonomy=taxonomy, polarity=False, threshold=0.3).fit(texts, frame)  # by column name: no warning
    assert by_name.tag(["toilet bau"])["aspek"].iloc[0] == ["kamar mandi"]
    assert named.fit_transform(aspects).shape == (6, 2)
    # wrong usage, said plainly
    with pytest.raises(ValueError, match="holds no comments"):
        AspectTagger(taxonomy=taxonomy).fit([], [])
    with pytest.raises(FileNotFoundError, match="the taxonomy file 'asrama.yaml' does not exist"):
        load_taxonomy("asrama.yaml")
    with pytest.raises(ValueError, match="`C` must be a positive number"):
        SentimentClassifier(C="a").fit(["bagus", "jelek"], ["positif", "negatif"])
    with pytest.warns(UserWarning, match="empty_label='netral' is not among the labels learnt"):
        SentimentClassifier().fit(["bagus sekali", "jelek", "mantap", "buruk"], ["positif", "negatif"] * 2)
    with pytest.raises(FileNotFoundError, match="the folder .* does not exist"):
        save(np.zeros(2), tmp_path / "belum_ada" / "model.skops")


def test_a_seed_phrase_counts_negated_as_a_seed_word_does():
    # "air kurang panas" and "airnya tidak panas" are the commonest complaints about hot water, and
    # matched no seed while "tidak bersih" matched "bersih"
    taxonomy = {"air panas": ["air panas"], "kamar": ["kamar", "bersih"]}
    tagger = AspectTagger(taxonomy=taxonomy, polarity=False).fit(["air panas mati", "kamar bersih"])
    tagged = tagger.tag(["air kurang panas", "airnya tidak panas", "kamar tidak bersih"])["aspek"].tolist()
    assert tagged == [["air panas"], ["air panas"], ["kamar"]]


def test_a_thing_denied_with_bukan_names_no_seed():
    # "bukan kamarnya yang kotor, tapi AC-nya": the room is denied, where "kamar tidak bersih" names it
    taxonomy = {"kamar": ["kamar"], "ac": ["ac"]}
    tagger = AspectTagger(taxonomy=taxonomy, polarity=False).fit(["kamar kotor", "ac mati"])
    tagged = tagger.tag(["bukan kamarnya yang kotor, tapi ac mati", "kamar tidak bersih"])["aspek"].tolist()
    assert tagged == [["ac"], ["kamar"]]

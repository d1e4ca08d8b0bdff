from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

from umpanbalik import Preprocessor, explain_preprocessing, normalize_text, preprocess, split_clauses
from umpanbalik import _parallel

# (comment, tokens that must appear, tokens that must not appear)
CASES = [
    ("materi tidak jelas dan waktunya kurang", ["materi", "tidak_jelas", "waktu", "kurang"], ["jelas"]),
    ("diklat latsar via zoom", ["diklat", "latsar", "zoom"], ["dekat", "pasar"]),
    ("gk relevan dgn tupoksi", ["tidak_relevan", "tupoksi"], ["gk", "dgn"]),
    ("bagusss bgt 👍", ["bagus"], ["bagusss"]),
    ("narsum nya kurang interaktif", ["narasumber", "kurang_interaktif"], []),
    ("slide terlalu banyak tulisan", ["slide", "terlalu_banyak"], []),
    ("tdk relevan dgn tupoksi saya", ["tidak_relevan", "tupoksi"], ["saya"]),
    ("penyampaian materi terlalu cepat", ["sampaikan", "materi", "terlalu_cepat"], []),
    ("waktunya terlalu singkat", ["waktu", "terlalu_singkat"], []),
    ("kegiatan luring lebih efektif daripada daring", ["luring", "daring", "lebih"], ["sering"]),
    ("mentor sangat membantu", ["mentor", "sangat_bantu"], ["motor", "sangat"]),  # an intensifier joins its word
    ("JPL nya kurang", ["jam", "pelajaran", "kurang"], ["jempol"]),
    ("widyaiswara menjelaskan dengan baik", ["widyaiswara", "jelas", "baik"], []),
    ("BKPSDM kurang sosialisasi", ["bkpsdm", "kurang_sosialisasi"], []),
    ("belum ada rekaman zoom", ["belum_ada", "rekam", "zoom"], []),
    ("jangan terlalu cepat menjelaskan", ["jangan_terlalu_cepat", "jelas"], []),
    ("tidak ada saran", ["tidak_ada", "saran"], []),
    ("bukan bidang saya", ["bukan_bidang"], []),
    ("kurang lebih 2 jam", ["kurang_lebih", "jam"], ["2"]),
    ("mboten sae", ["tidak_bagus"], ["mboten", "sae"]),
    ("materinya kirang jelas", ["materi", "kurang_jelas"], []),
    ("maaaaf telat", ["maaf", "terlambat"], []),
    ("materi2nya bagus", ["materi", "bagus"], ["materi2nya"]),
    ("pesertanya antusias", ["peserta"], ["serta"]),
    ("atasan tidak kasih izin", ["atasan", "izin"], ["atas"]),
    ("sebaiknya ada praktek", ["sebaiknya", "praktik"], ["baik"]),
    ("pemrograman dasar perlu diajarkan", ["program", "perlu", "ajar"], ["pemrograman"]),
    ("relawan menangis", ["relawan", "tangis"], ["rawan", "menang"]),
    ("anggaran dikurangi", ["kurang"], ["rang"]),
    ("berikan contoh soal", ["beri", "contoh", "soal"], ["ikan"]),
    ("mohon ada rekaman", ["mohon", "rekam"], []),
    ("sinyal sering putus", ["sinyal", "sering", "putus"], []),
    ("e-learning nya lemot", ["e-learning", "lambat"], []),
    ("terima kasih 🙏", ["terima", "kasih"], []),
    ("kecewa 😡", ["kecewa", "marah"], []),
    ("cek https://contoh.go.id/materi", ["cek"], ["https", "contoh", "go"]),
    ("NIP 198501012010011001 hadir", ["hadir"], ["198501012010011001", "2010011001", "__nip__"]),
    ("hubungi 0812-3456-7890", ["hubung"], ["0812", "7890", "telepon"]),
    ("<b>materi</b> &amp; metode", ["materi", "metode"], ["b", "amp"]),
    ("@panitia tolong sertifikat", ["tolong", "sertifikat"], ["panitia"]),
    ("tidak. jelas", ["tidak", "jelas"], ["tidak_jelas"]),
    ("ppt nya kebanyakan tulisan", ["ppt", "banyak", "tulisan"], []),
    ("kurangggg", ["kurang"], []),
    ("udh bagus pertahankan", ["bagus", "tahan"], ["udh"]),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES, ids=[c[0][:30] for c in CASES])
def test_realistic_feedback(text, present, absent):
    tokens = preprocess(text)
    for token in present:
        assert token in tokens, (text, tokens)
    for token in absent:
        assert token not in tokens, (text, tokens)


def test_negation_can_be_switched_off():
    assert preprocess("materi tidak jelas", join_negation=False) == ["materi", "tidak", "jelas"]


def test_an_intensifier_before_a_negator_belongs_to_the_negation():
    # "sangat tidak puas" kept "sangat", the strongest praise word of real comments ("sangat baik"),
    # and was read positif; the degree strengthens the negation, it does not praise
    from umpanbalik import explain_preprocessing

    assert preprocess("sangat tidak puas") == ["tidak_puas"]
    assert preprocess("Sgt tdk relevan dgn pekerjaan") == ["tidak_relevan", "kerja"]
    assert preprocess("amat kurang jelas") == ["kurang_jelas"]
    # an intensifier joins its word as a degree word does ("pelayanan panitia sangat buruk" was positif:
    # "sangat" alone comes with praise twenty times as often as with complaints); one after its word
    # ("lambat bgt") is a stopword
    assert preprocess("sangat bermanfaat") == ["sangat_manfaat"] and preprocess("lambat bgt") == ["lambat"]
    assert preprocess("sangat, tidak jelas") == ["tidak_jelas"]  # an intensifier before punctuation says nothing
    assert preprocess("sangat tidak puas", join_negation=False) == ["sangat", "tidak", "puas"]
    trace = explain_preprocessing("sangat tidak puas")
    assert trace.joined == ["sangat", "tidak_puas"] and trace.stems == ["tidak_puas"]
    # a token with no entry between them (a link) is skipped by every path alike
    linked = "sangat https://bit.ly/x tidak jelas"
    assert Preprocessor().transform([linked]) == ["tidak_jelas"] == [" ".join(explain_preprocessing(linked).stems)]
    for text in ["sangat sangat bagus", "sangat", "bagus sangat", "sangat tidak terlalu jelas", "tidak sangat jelas"]:
        assert Preprocessor().transform([text]) == [" ".join(explain_preprocessing(text).stems)], text


def test_a_denied_reason_is_negated():
    # "bukan karena biaya, tapi ..." names the cost as the reason it is NOT: the barrier tagger read
    # "bukan_karena biaya" as akses_biaya
    from umpanbalik import explain_preprocessing

    assert preprocess("bukan karena biaya, tapi atasan tidak memberi izin") == [
        "bukan_karena_biaya", "atasan", "tidak_beri", "izin"]
    assert preprocess("bukan krn malas") == ["bukan_karena_malas"]
    assert preprocess("tidak ikut karena biaya") == ["tidak_ikut", "biaya"]  # a reason given, not denied
    assert preprocess("terlalu karena biaya")[1:] == ["biaya"]  # a degree word does not deny
    # the stop words between the reason word and the reason stay in the chain ("malas" was free: minat)
    assert preprocess("bukan karena saya malas, tapi atasan melarang")[0] == "bukan_karena_saya_malas"
    assert preprocess("bukan krn sy yg malas") == ["bukan_karena_saya_yang_malas"]  # ("bkn" is the BKN agency)
    # after "bukan" a matter is denied as a reason is; "tidak masalah" is "no problem" and stays
    assert preprocess("bukan soal biaya") == ["bukan_soal_biaya"]
    assert preprocess("bukan masalah jarak") == ["bukan_masalah_jarak"]
    assert preprocess("tidak masalah kalau daring") == ["tidak_masalah", "daring"]
    assert preprocess("biaya bukan masalah, yang susah izinnya") == ["biaya", "bukan_masalah", "susah", "izin"]
    # a contrast word or punctuation ends a denied reason, its stop words dropped, and the chain takes at
    # most three stop words (20,000 made one token of 969 characters)
    assert preprocess("bukan karena itu tapi biaya") == ["bukan_karena", "biaya"]
    assert preprocess("tidak ikut bukan karena itu, tapi atasan tidak mengizinkan")[:2] == ["tidak_ikut", "bukan_karena"]
    assert len(max(preprocess("bukan karena " + "saya " * 20000 + "malas"), key=len)) < 40
    # past the cap the stop words are dropped and the reason is still denied; "melainkan" ends the denial
    # and says nothing itself; the negator right before the reason word denies it
    assert preprocess("bukan karena saya yang itu juga malas") == ["bukan_karena_saya_yang_itu_malas"]
    assert preprocess("bukan karena itu melainkan biaya") == ["bukan_karena", "biaya"]
    assert preprocess("gak bukan karena itu.") == ["tidak", "bukan_karena"]
    for text in ["bukan karena tidak mau", "sangat tidak karena jarak", "bukan karena", "bukan sebab, biaya",
                 "bukan karena saya malas", "bukan krn sy", "bukan karena yang, lain", "bukan soal biaya tapi atasan",
                 "tidak masalah soal biaya", "itu bukan masalah", "bukan masalah yang,", "sangat bukan masalah .",
                 "bukan karena itu tapi biaya", "bukan karena saya sangat", "tidak bukan urusan biaya",
                 "bukan karena saya yang itu juga malas", "bukan soal itu melainkan biaya", "gak bukan karena itu."]:
        assert Preprocessor().transform([text]) == [" ".join(explain_preprocessing(text).stems)], text


def test_each_stage_can_be_switched_off():
    text = "Bukunya gk dijelaskan 👍"
    assert preprocess(text, stem=False) == ["bukunya", "tidak_dijelaskan", "bagus"]
    assert "gk" in preprocess(text, normalize_slang=False, join_negation=False)
    assert preprocess(text, map_emoji=False)[-1] == "tidak_jelas"
    assert "dan" in preprocess("materi dan metode", remove_stopwords=False)


def test_user_tables_extend_and_override():
    assert preprocess("mantul bgt", slang={"mantul": "luar biasa"})[:2] == ["luar", "biasa"]
    assert preprocess("sidoarjo", protected=["sidoarjo"]) == ["sidoarjo"]
    assert preprocess("materi bagus", stopwords_add=["materi"]) == ["bagus"]
    assert "yang" in preprocess("yang", stopwords_remove=["yang"])
    assert preprocess("pemrograman", stem_exceptions={"pemrograman": "koding"}) == ["koding"]


def test_explain_shows_every_stage():
    trace = explain_preprocessing("Bukunya tdk dijelaskan!")
    assert trace.tokens == ["bukunya", "tdk", "dijelaskan", "!"]
    assert trace.words == ["bukunya", "tidak", "dijelaskan", "!"]
    assert trace.joined == ["bukunya", "tidak_dijelaskan", "!"]
    assert trace.content == ["bukunya", "tidak_dijelaskan"]
    assert trace.stems == ["buku", "tidak_jelas"]
    # "-nya" after a domain term or a slang form is read off when the words are normalised ("pptnya"
    # and "jpnya" stayed words of their own: the stemmer strips it only from words of its dictionary)
    assert explain_preprocessing("pptnya kecil, jpnya kurang").words == ["ppt", "kecil", ",", "jam", "pelajaran", "kurang"]
    frame = trace.to_frame()
    assert list(frame["tahap"]) == ["raw", "normalized", "tokens", "words", "joined", "content", "stems"]
    assert "<table" in trace._repr_html_()


@pytest.mark.parametrize("value", [None, float("nan"), 3, 2.5, True, pd.NA, "", "   ", "🙂🙂", "-"])
def test_missing_and_odd_cells_give_empty_or_tokens_never_errors(value):
    out = Preprocessor().transform([value, "bagus"])
    assert len(out) == 2
    assert out[1] == "bagus"


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u2066"])
def test_zero_width_and_format_characters_inside_a_word_keep_it_whole(mark):
    pre = Preprocessor()
    assert pre.transform([f"mate{mark}ri tidak rele{mark}van"]) == pre.transform(["materi tidak relevan"])
    assert pre.transform([f"materi{mark}"]) == ["materi"]
    assert pre.transform(["materi\x1fbagus"]) == pre.transform(["materi bagus"])  # a control character separates
    # Between digits a mark separates, so an identifier after it is still masked on its own.
    assert "198501012010011001" not in normalize_text(f"5{mark}198501012010011001")


def test_bytes_in_wrong_encoding_are_read():
    assert Preprocessor().transform([b"materi bagus", "caf\xe9".encode("cp1252")])[0] == "materi bagus"


def test_bare_string_and_dataframe_get_clear_errors():
    with pytest.raises(ValueError, match="Wrap it in a list"):
        Preprocessor().transform("materi bagus")
    with pytest.raises(TypeError, match="komentar"):
        Preprocessor().transform(pd.DataFrame({"komentar": ["a"]}))


ONE_TEXT_FUNCTIONS = {
    "preprocess": preprocess,
    "normalize_text": normalize_text,
    "explain_preprocessing": explain_preprocessing,
    "split_clauses": split_clauses,
    "Preprocessor.normalize": Preprocessor().normalize,
    "Preprocessor.explain": Preprocessor().explain,
}


@pytest.mark.parametrize("name", ONE_TEXT_FUNCTIONS)
@pytest.mark.parametrize("texts", [["materi bagus"], ("materi bagus",), pd.Series(["materi bagus"]),
                                   np.array(["materi bagus"], dtype=object), pd.DataFrame({"komentar": ["materi bagus"]})],
                         ids=["list", "tuple", "series", "ndarray", "dataframe"])
def test_functions_of_one_text_refuse_many_and_say_how_to_map_them(name, texts):
    # Read as one missing cell, a list gave [] or "" for every comment in it.
    with pytest.raises(TypeError, match=rf"^{re.escape(name)}\(\) takes one text, not a container \(\w+\)\. For many texts use "):
        ONE_TEXT_FUNCTIONS[name](texts)


def test_preprocess_of_a_list_points_to_transform_and_missing_values_stay_empty():
    with pytest.raises(TypeError, match=re.escape("Preprocessor().transform(texts)")):
        preprocess(["materi bagus"])
    with pytest.raises(TypeError, match=re.escape("Preprocessor().transform(texts)")):
        preprocess(["materi bagus"], stem=False)
    for value in (None, float("nan"), pd.NA, 3, np.float64(4.5)):  # one missing or non-text cell: empty, as documented
        assert preprocess(value) == [] and normalize_text(value) == "" and split_clauses(value) == []
        assert explain_preprocessing(value).stems == []
    assert preprocess(b"materi bagus") == preprocess("materi bagus")  # bytes are one text, decoded
    assert Preprocessor().transform([["materi"], None, 3, "materi bagus"]) == ["", "", "", "materi bagus"]  # a batch's cells


def test_output_length_and_series_input():
    series = pd.Series(["bagus", None, "jelek"], index=[10, 5, 7])
    assert len(Preprocessor().transform(series)) == 3


def test_bad_parameters_are_named():
    with pytest.raises(ValueError, match="stopwords_add"):
        Preprocessor(stopwords_add="materi").fit(["a"])
    with pytest.raises(ValueError, match="n_jobs"):
        Preprocessor(n_jobs="dua").fit(["a"])


def test_estimator_contract():
    pre = Preprocessor(slang={"x": "y"})
    assert clone(pre).get_params() == pre.get_params()
    texts = ["materi bagus", "waktu kurang"]
    snapshot = list(texts)
    assert pre.fit(texts) is pre
    pre.transform(texts)
    assert texts == snapshot
    assert pre.get_params()["slang"] == {"x": "y"}


def _parallel_texts(tag: str) -> list:
    return [f"materi{tag}{i % 997} tidak jelas, waktunya{tag}{i % 13} kurang bgt" for i in range(20_000)] + [
        None, "", "tdk-relevan", "bagusss bgt 👍", "<b>jangan terlalu cepat</b>", 3.5]


@pytest.fixture
def small_rounds(monkeypatch):
    """Make the worker path run on a small input, in several rounds."""
    from umpanbalik import preprocessing

    monkeypatch.setattr(preprocessing, "_PARALLEL_MIN_TEXTS", 1)
    monkeypatch.setattr(preprocessing, "_PARALLEL_ROUND", 3_000)
    return preprocessing


@pytest.mark.parametrize("n_jobs", [2, 3])
def test_parallel_transform_matches_serial(small_rounds, n_jobs):
    texts = _parallel_texts(f"q{n_jobs}q")
    parallel = Preprocessor(n_jobs=n_jobs).transform(texts)  # first, so that the new words go to the workers
    assert len(_parallel._pool().workers) >= n_jobs - 1
    assert all(process.is_alive() for process, _ in _parallel._pool().workers)
    assert parallel == [" ".join(Preprocessor()(t)) for t in texts]
    assert Preprocessor(n_jobs=n_jobs).transform(texts) == parallel  # the workers' memos are warm now
    options = {"join_negation": False, "slang": {"bgt": "sekali"}, "stem": False}
    assert Preprocessor(n_jobs=n_jobs, **options).transform(texts) == Preprocessor(**options).transform(texts)


def test_parallel_transform_survives_a_dead_worker(small_rounds):
    texts = _parallel_texts("mati")
    expected = Preprocessor().transform(texts)
    Preprocessor(n_jobs=2).transform(texts[:100])
    process, _ = _parallel._pool().workers[0]
    process.kill()
    process.join()
    assert Preprocessor(n_jobs=2).transform(texts) == expected


def _transform_in_pool_worker(texts: list) -> list[str]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return Preprocessor(n_jobs=2).transform(texts)


def test_parallel_transform_inside_a_pool_worker_runs_there(small_rounds):
    import multiprocessing

    texts = _parallel_texts("pool")[:3_000]
    with multiprocessing.get_context("fork").Pool(1) as pool:  # daemonic workers may not have children
        assert pool.apply(_transform_in_pool_worker, (texts,)) == Preprocessor().transform(texts)


def test_parallel_transform_with_spawned_workers(small_rounds, monkeypatch):
    _parallel._pool().close()
    monkeypatch.setattr(_parallel, "START_METHOD", "spawn")  # as on platforms without fork
    texts = _parallel_texts("spawn")
    try:
        assert Preprocessor(n_jobs=2).transform(texts) == Preprocessor().transform(texts)
    finally:
        _parallel._pool().close()


def test_pipeline_inside_grid_search():
    texts = ["materi bagus sekali", "materi jelas dan bermanfaat", "penjelasan mantap", "sangat membantu",
             "materi tidak jelas", "waktu kurang", "narsum kurang interaktif", "membosankan sekali"] * 3
    labels = ["positif"] * 4 + ["negatif"] * 4
    labels = labels * 3
    pipeline = Pipeline([
        ("pre", Preprocessor()),
        ("tfidf", TfidfVectorizer(token_pattern=r"\S+")),
        ("clf", LogisticRegression()),
    ])
    search = GridSearchCV(pipeline, {"pre__join_negation": [True, False], "clf__C": [0.1, 10.0]}, cv=3)
    search.fit(texts, labels)
    assert search.best_params_["pre__join_negation"] in (True, False)
    assert search.predict(["materi tidak jelas"])[0] == "negatif"


def test_usable_as_vectorizer_analyzer():
    vectorizer = TfidfVectorizer(analyzer=Preprocessor())
    matrix = vectorizer.fit_transform(["materi tidak jelas", "materi bagus"])
    assert "tidak_jelas" in vectorizer.get_feature_names_out()
    assert matrix.shape[0] == 2
    assert isinstance(np.asarray(Preprocessor().get_feature_names_out()), np.ndarray)


def test_shipped_stem_table_is_what_sastrawi_gives():
    """The table that fills the stem memo (``resources/stem_table.tsv``) is a cache of Sastrawi: every
    row is Sastrawi's own stem of the word, so a comment cleans the same with or without it."""
    from importlib.resources import files

    from umpanbalik.stemming import _sastrawi

    stemmer, _ = _sastrawi()
    rows = [row.split("\t") for row in files("umpanbalik.resources").joinpath("stem_table.tsv").read_text(encoding="utf-8").splitlines()
            if row and not row.startswith("#")]
    assert len(rows) > 5_000
    wrong = [(word, stem) for word, stem in rows if (stemmer.stem_word(word) or word) != (stem or word)]
    assert not wrong, wrong[:10]


def test_words_sastrawi_would_change_always_reach_it():
    """``stemming._comes_back_unchanged`` skips Sastrawi's affix search only for words it cannot
    change: checked on every word of the written data and on 8,000 words built from Sastrawi's roots
    with prefixes, suffixes, dropped first letters and typos (seeded). It must also skip most of the
    built words that Sastrawi gives back unchanged, or it saves nothing."""
    import random
    from importlib.resources import files

    from umpanbalik import stemming

    stemmer, roots = stemming._sastrawi()
    tails = stemming._tails(roots.words)
    words = {row.split("\t")[0] for row in files("umpanbalik.resources").joinpath("stem_table.tsv").read_text(encoding="utf-8").splitlines()
             if row and not row.startswith("#")}
    rng = random.Random(7)
    root_list = sorted(roots.words)
    fronts = ["", "", "", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "peny", "ber", "be", "ter",
              "te", "di", "ke", "se", "per", "memper", "diper", "ku", "kau", "menge", "penge"]
    built = set()
    while len(built) < 8_000:
        root = rng.choice(root_list)
        word = rng.choice(fronts) + rng.choice(fronts) + (root[1:] if rng.random() < 0.3 else root) + rng.choice(stemming._ENDINGS)
        if rng.random() < 0.5:
            k = rng.randrange(len(word))
            word = word[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[k + 1:]
        built.add(word)
    skipped = {w for w in words | built if stemming._comes_back_unchanged(w, roots.words, tails)}
    stems = {w: stemmer.stem_word(w) or w for w in skipped | built}
    changed = [w for w in skipped if stems[w] != w]
    assert not changed, changed[:10]
    unchanged = {w for w in built if stems[w] == w}
    assert len(skipped & unchanged) > 0.3 * len(unchanged)


def test_stem_table_is_used_only_with_the_pysastrawi_that_made_it(monkeypatch):
    """Another PySastrawi version might stem some words otherwise: the table is then left out and
    every word goes to the installed stemmer."""
    from umpanbalik import stemming

    monkeypatch.setattr(stemming, "_MEMO", {})
    monkeypatch.setattr(stemming, "_PRELOADED", [])
    monkeypatch.setattr(stemming, "_sastrawi_version", lambda: "9.9.9")
    monkeypatch.setattr(stemming, "_SHORTCUT", [])
    assert stemming.stem_word("penjelasannya") == "jelas" and len(stemming._MEMO) == 1
    assert not stemming._SHORTCUT  # the shortcut reads PySastrawi 1.2.1's rules: off with another version
    monkeypatch.setattr(stemming, "_MEMO", {})
    monkeypatch.setattr(stemming, "_PRELOADED", [])
    monkeypatch.setattr(stemming, "_sastrawi_version", lambda: "1.2.1")
    stemming.stem_word("materi")
    assert len(stemming._MEMO) > 5_000 and stemming._SHORTCUT


def test_a_full_token_memo_emptied_mid_comment_loses_no_token(monkeypatch):
    # the memo, full, was emptied while a comment's new tokens were analysed, and the comment's second
    # reading raised KeyError (350,000 comments of random tokens)
    import umpanbalik.tokens as tokens

    monkeypatch.setattr(tokens, "MEMO_LIMIT", 5)
    texts = [f"kata{i} materi kata{i + 1} tidak jelas kata{i + 2} sangat bagus" for i in range(0, 60, 3)]
    fresh = Preprocessor(slang={"zz": "zz"})  # a configuration of its own: a memo of its own
    assert fresh.transform(texts) == [" ".join(explain_preprocessing(t).stems) for t in texts]


def test_doubled_and_punctuated_intensifiers_read_as_one():
    # "sangat2 buruk" read "sangat" (praise) and "buruk"; "sangat sangat tidak puas" made a rare token
    assert preprocess("pelayanan sangat2 buruk") == ["layan", "sangat_buruk"] == preprocess("pelayanan sangat-sangat buruk")
    assert preprocess("sangat sangat tidak puas") == ["tidak_puas"] == preprocess("sangat amat tidak puas")
    assert preprocess("materi bagus sangat.") == ["materi", "bagus"] and preprocess("sangat, bagus") == ["bagus"]
    assert preprocess("bukan lantaran biaya") == ["bukan_lantar_biaya"] and preprocess("bukan gegara biaya") == ["bukan_gegara_biaya"]
    from umpanbalik.features import char_view_text, lexicon_scores

    assert lexicon_scores(["benar_bagus", "betul_buruk"]).tolist() == [[2.0, 0.0, 0.0, 0.0], [0.0, 3.0, 0.0, 0.0]]
    assert char_view_text("sangat2 buruk").split() == ["buruk"]


def test_custom_scope_words_without_the_intensifiers_give_the_same_stems_on_every_path():
    # the fast path kept "benar" from "benar-benar" before a negator and an intensifier that ended a
    # reason's stretch ("kurang sebab sangat2 tdk"), where the entry-level path drops them (a review)
    from umpanbalik import explain_preprocessing

    for scope in (["tidak", "bukan", "kurang", "hanya"], ["bukan", "sangat"]):
        for text in ["benar-benar tidak gak", "kurang sebab sangat2 tdk 2024", "benar-benar bukan", "sangat tidak puas"]:
            assert Preprocessor(scope_words=scope).transform([text]) == [" ".join(explain_preprocessing(text, scope_words=scope).stems)], (scope, text)

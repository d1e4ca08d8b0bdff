"""Property tests: preprocessing never raises, keeps length, is deterministic and idempotent."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from umpanbalik import Preprocessor, normalize_text

PRE = Preprocessor()
cells = st.one_of(st.text(max_size=200), st.none(), st.integers(), st.floats(), st.binary(max_size=50))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cells, max_size=20))
def test_transform_never_raises_and_keeps_length(values):
    out = PRE.transform(values)
    assert len(out) == len(values)
    assert all(isinstance(t, str) for t in out)
    assert out == PRE.transform(values)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_normalisation_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("abcdeijklmnorstuy gk.,!?2👍:)") + ["tidak ", "yg ", "bgt ", "materi", " http://x.id ", "gaje", "🙏", " kurang "]), max_size=40))
def test_explained_path_agrees_with_fast_path(pieces):
    text = "".join(pieces)
    assert PRE.explain(text).stems == PRE(text)



@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(list("ab ,.!-'’<>&:)(@2\n👍") + ["tidak", " tidak ", "gk", "materi", "jelas", " http://x.id ", "kurang-", "-an", "e-learning"]), max_size=30).map("".join), max_size=6))
def test_batch_transform_equals_explained_stems(texts):
    assert PRE.transform(texts) == [" ".join(PRE.explain(t).stems) for t in texts]

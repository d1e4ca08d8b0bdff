"""Safe persistence: trusted types only, a crafted file cannot run code, versions are checked."""
from __future__ import annotations

import os

import pytest
import skops.io as sio

from umpanbalik import Preprocessor
from umpanbalik.io import UntrustedTypeError, VersionMismatchWarning, _versions, load, save


class NotOurs:
    """A type that is not on the trusted list."""

    def __init__(self) -> None:
        self.value = 1


def test_round_trip_keeps_parameters(tmp_path):
    restored = load(save(Preprocessor(slang={"mantul": "mantap"}, stem=False), tmp_path / "pre.skops"))
    assert restored.get_params()["slang"] == {"mantul": "mantap"}
    assert restored("mantul") == ["mantap"]


def test_untrusted_type_is_refused_and_named(tmp_path):
    path = tmp_path / "other.skops"
    sio.dump({"object": NotOurs(), "versions": _versions()}, path)
    with pytest.raises(UntrustedTypeError, match="NotOurs"):
        load(path)
    assert isinstance(load(path, trusted=[f"{__name__}.NotOurs"]), NotOurs)


def test_file_referring_to_a_dangerous_function_is_refused_before_loading(tmp_path):
    path = tmp_path / "crafted.skops"
    sio.dump({"object": os.system, "versions": {}}, path)  # what an attacker would plant
    with pytest.raises(UntrustedTypeError, match="system"):
        load(path)


def test_version_mismatch_warns(tmp_path):
    path = tmp_path / "old.skops"
    sio.dump({"object": Preprocessor(), "versions": {"umpanbalik": "0.0.1", "scikit-learn": "0.1"}}, path)
    with pytest.warns(VersionMismatchWarning, match="0.0.1"):
        load(path, trusted=["umpanbalik.preprocessing.Preprocessor"])


def test_missing_file_and_bad_trusted_argument(tmp_path):
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nope.skops")
    path = save(Preprocessor(), tmp_path / "p.skops")
    with pytest.raises(ValueError, match="list of type names"):
        load(path, trusted="umpanbalik.preprocessing.Preprocessor")

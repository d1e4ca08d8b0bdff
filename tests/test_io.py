"""Safe persistence: trusted types only, a crafted file cannot run code, versions are checked."""
from __future__ import annotations

import json
import os
import re
import shlex
import warnings
import zipfile
from pathlib import Path

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


# -- crafted files: the attacker edits schema.json inside a genuine saved model ----------------------
class Payload(Preprocessor):
    """A subclass of a trusted class whose unpickling hooks would run code."""

    def __setstate__(self, state):
        Path(state["marker"]).touch()

    def __reduce__(self):
        return (eval, (f"__import__('pathlib').Path({self.marker!r}).touch()",))


def _rewrite_schema(path, edit):
    """Rewrite ``schema.json`` inside the skops zip at ``path`` with ``edit(schema)``; other members kept."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    schema = json.loads(members["schema.json"])
    edit(schema)
    members["schema.json"] = json.dumps(schema).encode("utf-8")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


def _str(value):
    return {"__class__": "str", "__module__": "builtins", "__loader__": "JsonNode", "content": json.dumps(value),
            "is_json": True}


def _call(module, name, *args):
    """A node that skops constructs by calling ``module.name(*args)``."""
    return {"__class__": name, "__module__": module, "__loader__": "ConstructorFromReduceNode",
            "content": {"__class__": "tuple", "__module__": "builtins", "__loader__": "TupleNode",
                        "content": [_str(a) for a in args]}}


def _payloads(marker):
    code = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    return {
        "builtins.eval": _call("builtins", "eval", code),
        "builtins.exec": _call("builtins", "exec", code),
        "os.system": _call("os", "system", f"touch {shlex.quote(str(marker))}"),
        # eval as the type of a dict key: the loader would call key_type(key)
        "dict key type": {"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode",
                          "content": {code: _str(1)},
                          "key_types": {"__class__": "list", "__module__": "builtins", "__loader__": "ListNode",
                                        "content": [{"__class__": "eval", "__module__": "builtins",
                                                     "__loader__": "TypeNode"}]}},
        # a subclass of a trusted class, whose __setstate__ would run
        "subclass": {"__class__": "Payload", "__module__": __name__, "__loader__": "ObjectNode",
                     "content": {"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode",
                                 "content": {"marker": _str(str(marker))},
                                 "key_types": {"__class__": "list", "__module__": "builtins",
                                               "__loader__": "ListNode",
                                               "content": [{"__class__": "str", "__module__": "builtins",
                                                            "__loader__": "TypeNode"}]}}},
    }


NAMED = {"builtins.eval": "builtins.eval", "builtins.exec": "builtins.exec", "os.system": "os.system",
         "dict key type": "builtins.eval", "subclass": "Payload"}


@pytest.mark.parametrize("where", ["object", "inside a trusted model"])
@pytest.mark.parametrize("payload", list(NAMED))
def test_crafted_file_is_refused_naming_the_type_and_runs_nothing(tmp_path, payload, where):
    marker = tmp_path / "pwned"
    node = _payloads(marker)[payload]

    def plant(schema):
        if where == "object":
            schema["content"]["object"] = node
        else:  # hidden in a parameter of a genuine Preprocessor
            schema["content"]["object"]["content"]["content"]["slang"] = node

    path = _rewrite_schema(save(Preprocessor(), tmp_path / "model.skops"), plant)
    with pytest.raises(UntrustedTypeError, match=re.escape(NAMED[payload])) as refused:
        load(path)
    assert "Preprocessor" not in str(refused.value)  # only the offending type is named
    with pytest.raises(sio.exceptions.UntrustedTypesFoundException):
        sio.load(path)  # skops's own default refuses it too
    assert not marker.exists()


@pytest.mark.parametrize("payload", [p for p in NAMED if p != "os.system" or os.name == "posix"])
def test_crafted_payload_is_live_when_its_type_is_trusted(tmp_path, payload):
    """The control for the test above: the same file does run code once its type is named as trusted,
    so the marker's absence there is the refusal's doing, not a broken payload."""
    marker = tmp_path / "pwned"
    path = _rewrite_schema(save(Preprocessor(), tmp_path / "model.skops"),
                           lambda schema: schema["content"].__setitem__("object", _payloads(marker)[payload]))
    load(path, trusted=[f"{__name__}.Payload" if payload == "subclass" else NAMED[payload]])
    assert marker.exists()


def test_pickle_of_the_same_subclass_would_run_its_payload(tmp_path):
    """Why pickle is never the default: unpickling calls whatever ``__reduce__`` names."""
    import pickle

    payload = Payload()
    payload.marker = str(tmp_path / "pwned")
    pickle.loads(pickle.dumps(payload))
    assert (tmp_path / "pwned").exists()


def _set_version(schema, library, version):
    schema["content"]["versions"]["content"][library]["content"] = json.dumps(version)


@pytest.mark.parametrize("library", ["umpanbalik", "scikit-learn"])
def test_version_edited_inside_the_file_warns_and_names_both_versions(tmp_path, library):
    path = _rewrite_schema(save(Preprocessor(stem=False), tmp_path / "model.skops"),
                           lambda schema: _set_version(schema, library, "0.0.1"))
    with pytest.warns(VersionMismatchWarning) as caught:
        restored = load(path)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert f"{library} 0.0.1 (file)" in message and f"{_versions()[library]} (installed)" in message
    assert "model.skops" in message and caught[0].filename == __file__  # points at the caller
    assert restored.get_params() == Preprocessor(stem=False).get_params()


def test_matching_versions_load_silently(tmp_path):
    path = save(Preprocessor(), tmp_path / "model.skops")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load(path)


def test_malformed_versions_entry_gives_a_clear_message(tmp_path):
    path = _rewrite_schema(save(Preprocessor(), tmp_path / "model.skops"),
                           lambda schema: schema["content"].__setitem__("versions", _str("0.1.0")))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            load(path)
        except ValueError as error:  # a clear error is as good as a warning
            assert "versions" in str(error)
            return
    assert any(issubclass(w.category, VersionMismatchWarning) for w in caught)

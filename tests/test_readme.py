"""The README's Python examples run, so the quickstart never rots."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_a_quickstart_of_about_ten_lines():
    quickstart = _blocks()[0]
    assert ">>>" not in quickstart
    assert len([line for line in quickstart.splitlines() if line.strip()]) <= 12


def test_readme_python_blocks_run(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the quickstart writes its report into the working folder
    blocks = _blocks()
    assert blocks
    for block in blocks:
        if ">>>" in block:
            test = doctest.DocTestParser().get_doctest(block, {}, "README", str(README), 0)
            runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
            runner.run(test)
            assert runner.failures == 0, capsys.readouterr().out
        else:
            exec(compile(block, str(README), "exec"), {})

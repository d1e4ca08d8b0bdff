"""Write ``src/umpanbalik/resources/stem_table.tsv``: Sastrawi's stem of every word of the team's data.

    python scripts/build_stem_table.py        (part of ``make models``)

The table is a cache, not a new stemmer: each row is what PySastrawi's ``Stemmer.stem_word`` gives
for a word (the table says which PySastrawi version made it), for every word that the team's own
written data holds (the comment corpus, the barrier corpus, the example survey and the form export in
``data/``), after the preprocessor's normalisation (slang, squeezed repeats). It fills the per-process
stem memo of :mod:`umpanbalik.stemming` at the first stem, so that these words cost a dict lookup
instead of Sastrawi's affix search (about 0.1 ms per new word; words no root can be reached from
skip the search anyway, see ``stemming._comes_back_unchanged``). ``tests/test_preprocessing.py`` checks every row against Sastrawi. The stem exceptions
(``resources/stem_exceptions.tsv``) still come first. No real (``../shared``) comment is read.
"""
from __future__ import annotations

import csv
import json
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "umpanbalik" / "resources" / "stem_table.tsv"


def team_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "data" / "raw").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts += [v for k, v in record.items() if isinstance(v, str) and k in ("teks", "komentar", "alasan")]
    for name in ("contoh_survei.csv", "contoh_ekspor_formulir.csv"):
        with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                texts += [cell for cell in row if len(cell.split()) >= 2]
    return texts


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from umpanbalik import stemming
    from umpanbalik.normalization import normalize_text
    from umpanbalik.stemming import _STEMMABLE, _sastrawi

    stemming._PRELOADED.append(True)  # Sastrawi itself decides every word, not the table being replaced
    from umpanbalik.tokens import _analyzer_for, default_config

    analyzer = _analyzer_for(default_config())
    words: set[str] = set()
    for text in team_texts():
        for token in normalize_text(text).split():
            for chunk in ([token] if len(token) <= 40 else []):
                words.update(word for word, protected in _words(analyzer, chunk) if not protected)
    stemmer, _ = _sastrawi()
    rows = sorted((w, stemmer.stem_word(w) or w) for w in words if _STEMMABLE.fullmatch(w))
    with open(OUT, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"# Stems that PySastrawi {version('PySastrawi')} gives for the {len(rows):,} words of the umpanbalik team's\n"
                     "# written data (scripts/build_stem_table.py; CC0). A cache of Sastrawi, not a stemmer of its own:\n"
                     "# an empty stem means the word is its own stem.\n")
        for word, stem in rows:
            handle.write(f"{word}\t{'' if stem == word else stem}\n")
    print(f"{len(rows):,} words -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1024:.0f} KiB)")
    return 0


def _words(analyzer, token: str):
    from umpanbalik.tokens import _ONE_TOKEN

    if _ONE_TOKEN.fullmatch(token) is None:
        from umpanbalik.tokens import _tokenizer

        return [w for piece in _tokenizer()(token) for w in _words(analyzer, piece)]
    return analyzer.normalize_word(token.replace("’", "'").replace("'", ""))


if __name__ == "__main__":
    sys.exit(main())

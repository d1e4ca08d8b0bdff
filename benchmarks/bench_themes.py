"""Themes on real comments (issue 15): coverage, NPMI of labels, largest theme's share, speed,
comparisons, and the blind judging of ``benchmarks/THEMES_JUDGING.md``.

    python benchmarks/bench_themes.py                   # figures -> benchmarks/results/themes.json
    python benchmarks/bench_themes.py --speed-only      # only the 10,000-comment timing
    python benchmarks/bench_themes.py --sheets DIR      # blind judging sheets -> DIR (outside the repo)
    python benchmarks/bench_themes.py --score DIR       # judges' answers in DIR -> benchmarks/results/themes_judged.json

The comments are the three public sources in ``../shared/data/real/`` (or ``$UMPANBALIK_REAL_DATA``;
see ``data/real/README.md`` for where to fetch them); the script says so and stops when they are
absent. Each source is its own survey: ``edom`` (student evaluations of lecturers), ``survei`` (the
same kind of answers re-worded for a school survey) and ``ulasan`` (app-store reviews of learning
apps). The shipped models annotate them, as :func:`umpanbalik.analyze` does.

Systems, per source and per kind (keluhan, saran, pujian: the comments of that kind):
- ``tema``: :func:`umpanbalik.themes.find_themes` (its themes, without ``harapan umum``/``lainnya``);
- ``ctfidf``: the same clusters, named BERTopic-style: the four words of highest class-based TF-IDF
  (term frequency in the class, L1-normalised, times log(1 + mean words per class / the term's
  frequency), as BERTopic's ``ClassTfidfTransformer``), over the comments' unstemmed words without
  stopwords, every line of the kind (``harapan umum`` and ``lainnya`` too) a class;
- ``topicmodel_lama``: today's ``TopicModel`` (``src/umpanbalik/topics.py`` at ``--baseline-ref``, the
  commit issue 15 started from), ``n_topics="auto"``, fitted on the kind's comments: its topics and labels;
- ``topicmodel``: this tree's ``TopicModel``, the same way (automatic figures only).

Figures: themes per kind; coverage (share of the kind's comments in a theme); the largest theme's
share (the general lines aside: ``harapan umum`` and ``lainnya``, and a topic model's topics named
"pujian umum", "ucapan terima kasih" … because no phrase describes them, counted as ``garis_umum``); labels made only of generic words; the mean NPMI of each label's content words (stems, as
the library preprocesses them; document co-occurrence over the source's informative comments;
labels of one content word have no pair and are left out); label support (share of a theme's
comments that hold every content word of its label, and at least one).
Speed: 10,000 comments drawn from all sources, ``find_themes`` in a fresh process (imports
included, nothing memoised: Sastrawi stems every word anew; best of two) and again after annotation
(as in ``Analysis``), against baselines measured in the same run: the library's preprocessing of
the same comments in a fresh process, and today's ``TopicModel(n_topics="auto")`` on them. The
machine's load average is recorded with them (the 2-core machine is shared).
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from real_data import SOURCES, real_dir  # noqa: E402

from umpanbalik.preprocessing import Preprocessor  # noqa: E402
from umpanbalik.themes import GENERAL_LABELS, KINDS, find_themes, is_generic  # noqa: E402
from umpanbalik.topics import _npmi_table  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
BASELINE_REF = "304cd3282d2e0829b4b9b62d0a0e87ea46e71b66"  # main when issue 15 started
SYSTEMS_JUDGED = ("tema", "ctfidf", "topicmodel_lama")
N_MEMBERS = 5  # comments shown per theme to the judges
N_WORDS = 5  # top words per theme in the word-intrusion task (plus one intruder)


# -- data ------------------------------------------------------------------------------------------
def available() -> bool:
    return all((real_dir() / rel).exists() for rel, _ in SOURCES.values())


def load(sources: list[str]) -> dict[str, pd.DataFrame]:
    """Each source's comments with the shipped models' annotations (``teks`` plus the columns of
    ``umpanbalik._annotate.annotate``)."""
    from umpanbalik._annotate import annotate

    frames = {}
    for name in sources:
        rel, column = SOURCES[name]
        raw = pd.read_csv(real_dir() / rel, dtype=str, keep_default_na=False)
        texts = raw[column].tolist()
        annotated = annotate(texts)
        annotated.insert(0, "teks", texts)
        frames[name] = annotated.reset_index(drop=True)
    return frames


def kind_rows(table_assignments: pd.DataFrame, kind: str) -> np.ndarray:
    return np.flatnonzero(table_assignments[kind].notna().to_numpy())


# -- systems: clusters and labels per kind ---------------------------------------------------------
def ours(frame: pd.DataFrame) -> tuple[dict[str, list[dict]], pd.DataFrame]:
    """Themes per kind as ``[{"label", "rows"}]`` (harapan umum and lainnya left out), and the
    assignments (which give every line, for c-TF-IDF's classes)."""
    result = find_themes(frame)
    clusters = {}
    for kind in KINDS:
        column = result.assignments[kind].to_numpy()
        labels = [row.label for row in result.table.itertuples() if row.jenis == kind and row.label not in GENERAL_LABELS]
        clusters[kind] = [{"label": label, "rows": np.flatnonzero(column == label)} for label in labels]
    return clusters, result.assignments


def surface_words(texts: list[str]) -> list[list[str]]:
    """Unstemmed words without stopwords, negation joined (what c-TF-IDF and the intrusion task count)."""
    return [t.split() for t in Preprocessor(stem=False).transform(texts)]


def class_tfidf(words: list[list[str]], classes: list[np.ndarray]) -> tuple[list[str], np.ndarray]:
    """BERTopic's c-TF-IDF: per class, term frequency (L1-normalised) × log(1 + A / f_t), A the mean
    number of words per class and f_t the term's frequency over all classes."""
    counts = [Counter(w for r in rows for w in words[r]) for rows in classes]
    vocabulary = sorted(set().union(*counts)) if counts else []
    index = {w: i for i, w in enumerate(vocabulary)}
    matrix = np.zeros((len(classes), len(vocabulary)))
    for c, counter in enumerate(counts):
        for w, n in counter.items():
            matrix[c, index[w]] = n
    frequency = matrix.sum(axis=0)
    average = matrix.sum() / max(len(classes), 1)
    tf = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
    return vocabulary, tf * np.log1p(average / np.maximum(frequency, 1))


def ctfidf_labels(frame: pd.DataFrame, clusters: dict[str, list[dict]], assignments: pd.DataFrame,
                  words: list[list[str]]) -> dict[str, list[dict]]:
    named = {}
    for kind in KINDS:
        column = assignments[kind].to_numpy()
        extra = [np.flatnonzero(column == line) for line in sorted(set(column[pd.notna(column)]) & GENERAL_LABELS)]
        classes = [c["rows"] for c in clusters[kind]] + [rows for rows in extra if len(rows)]
        vocabulary, weights = class_tfidf(words, classes)
        named[kind] = [{"label": ", ".join(vocabulary[i] for i in np.argsort(-weights[c])[:4]).replace("_", " "),
                        "rows": cluster["rows"]} for c, cluster in enumerate(clusters[kind])]
    return named


def legacy_topic_model(ref: str) -> Any:
    """``TopicModel`` as it was at ``ref`` (read with git; ``None`` when git or the commit is missing)."""
    try:
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:src/umpanbalik/topics.py"],
                                capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    spec = importlib.util.spec_from_loader("umpanbalik._topics_lama", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "umpanbalik"
    sys.modules[spec.name] = module
    exec(compile(source, f"{ref[:7]}:src/umpanbalik/topics.py", "exec"), module.__dict__)
    return module.TopicModel


def topic_model(model_class: Any, frame: pd.DataFrame, assignments: pd.DataFrame) -> dict[str, list[dict]]:
    """Topics per kind: the model fitted (``n_topics="auto"``) on the kind's comments."""
    named = {}
    texts = frame["teks"].tolist()
    for kind in KINDS:
        rows = kind_rows(assignments, kind)
        if len(rows) < 20:
            named[kind] = []
            continue
        model = model_class(random_state=0).fit([texts[r] for r in rows], informative=np.ones(len(rows), dtype=bool))
        labels = model.labels_
        named[kind] = [{"label": row.label, "rows": rows[labels == row.topik]} for row in model.topics_.itertuples()]
    return named


# -- automatic figures -----------------------------------------------------------------------------
def general_line(label: str) -> bool:
    """A general name, also as TopicModel tells such topics apart: "harapan umum (jam, zoom)", "pujian umum 2"."""
    return re.sub(r"( \(.*\))?( \d+)?$", "", label) in GENERAL_LABELS


#: Intensifiers, alone or joined to their word: left out of labels and comments when measuring whether a
#: label's words are in its members ("sangat_bantu" holds "bantu"), so that the figures do not depend on
#: whether the preprocessing joins them (it does since 2026-12-08) or keeps them apart (before).
_INTENSITY = re.compile(r"(?<![^\s_])(?:sangatlah|sangat|amat|sungguh|teramat|benar|betul)(?:_|(?=\s|$))")


def plain_tokens(cleaned: str) -> list[str]:
    return _INTENSITY.sub("", cleaned).split()


def label_tokens(label: str, pre: Preprocessor) -> list[str]:
    return list(dict.fromkeys(plain_tokens(" ".join(pre(label.replace(",", " "))))))


def figures(named: dict[str, list[dict]], kind_sizes: dict[str, int], docs: list[set[str]], pre: Preprocessor) -> dict:
    out = {}
    for kind in KINDS:
        every = named.get(kind, [])
        clusters = [c for c in every if not general_line(c["label"])]  # a topic model's "pujian umum (bagus)" …
        n = kind_sizes[kind]
        sizes = [len(c["rows"]) for c in clusters]
        tokens = [label_tokens(c["label"], pre) for c in clusters]
        pairs = [t for t in tokens if len(t) >= 2]
        npmi = _npmi_table([docs[r] for c in clusters for r in c["rows"]] or [set()], pairs) if pairs else []
        support_all, support_any = [], []
        for c, t in zip(clusters, tokens):
            if not t or not len(c["rows"]):
                continue
            held = [sum(w in docs[r] for w in t) for r in c["rows"]]
            support_all.append(float(np.mean([h == len(t) for h in held])))
            support_any.append(float(np.mean([h > 0 for h in held])))
        out[kind] = {
            "komentar": n, "tema": len(clusters), "garis_umum": len(every) - len(clusters),
            "cakupan": round(sum(sizes) / n, 3) if n else None,
            "porsi_terbesar": round(max(sizes) / n, 3) if sizes and n else None,
            "label_umum": sum(all(is_generic(w) for w in c["label"].replace(",", " ").split()) for c in clusters),
            "npmi_label": round(float(np.mean(npmi)), 3) if len(npmi) else None,
            "label_tanpa_pasangan": len(tokens) - len(pairs),
            "dukungan_semua_kata": round(float(np.mean(support_all)), 3) if support_all else None,
            "dukungan_satu_kata": round(float(np.mean(support_any)), 3) if support_any else None,
        }
    return out


def quality(sources: list[str], ref: str) -> tuple[dict, dict]:
    """The automatic figures per source, kind and system, and each system's clusters (for the sheets)."""
    from umpanbalik.topics import TopicModel

    legacy = legacy_topic_model(ref)
    frames = load(sources)
    pre = Preprocessor()
    report, systems = {}, {}
    for name, frame in frames.items():
        started = time.perf_counter()
        clusters, assignments = ours(frame)
        seconds = time.perf_counter() - started
        words = surface_words(frame["teks"].tolist())
        named = {"tema": clusters, "ctfidf": ctfidf_labels(frame, clusters, assignments, words)}
        if legacy is not None:
            named["topicmodel_lama"] = topic_model(legacy, frame, assignments)
        named["topicmodel"] = topic_model(TopicModel, frame, assignments)
        docs = [set(plain_tokens(t)) for t in frame["teks_bersih"]]
        kind_sizes = {kind: len(kind_rows(assignments, kind)) for kind in KINDS}
        report[name] = {"komentar": len(frame), "detik_tema": round(seconds, 2),
                        **{system: figures(found, kind_sizes, docs, pre) for system, found in named.items()}}
        systems[name] = {"frame": frame, "words": words, "named": named}
        print_quality(name, report[name])
    return report, systems


def print_quality(name: str, block: dict) -> None:
    print(f"\n== {name}: {block['komentar']:,} komentar; find_themes {block['detik_tema']} s")
    rows = []
    for system, per_kind in block.items():
        if not isinstance(per_kind, dict):
            continue
        for kind, f in per_kind.items():
            rows.append({"sistem": system, "jenis": kind, **{k: v for k, v in f.items()}})
    print(pd.DataFrame(rows).to_string(index=False))


# -- speed -----------------------------------------------------------------------------------------
_COLD = """
import pickle, sys, time
frame = pickle.load(open(sys.argv[1], "rb"))
start = time.perf_counter()
if sys.argv[2] == "tema":
    from umpanbalik.themes import find_themes
    find_themes(frame)
else:
    from umpanbalik.preprocessing import Preprocessor
    Preprocessor().transform(frame["teks"].tolist())
print(time.perf_counter() - start)
"""


def _fresh(path: Path, what: str) -> float:
    """Seconds for ``what`` in a fresh Python process (imports included, nothing memoised)."""
    run = subprocess.run([sys.executable, "-c", _COLD, str(path), what], capture_output=True, text=True, check=True)
    return float(run.stdout.split()[-1])


def speed(n: int = 10_000, ref: str = BASELINE_REF) -> dict:
    """Seconds for themes of ``n`` comments: cold (a fresh process), warm (after annotation), and
    today's TopicModel on the same comments (the baseline, same run)."""
    from umpanbalik._annotate import annotate

    texts = []
    for rel, column in SOURCES.values():
        texts += pd.read_csv(real_dir() / rel, dtype=str, keep_default_na=False)[column].tolist()
    texts = random.Random(0).sample(texts, n)
    frame = annotate(texts)
    frame.insert(0, "teks", texts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "frame.pkl"
        path.write_bytes(pickle.dumps(frame))
        cold = min(_fresh(path, "tema") for _ in range(2))
        preprocessing = min(_fresh(path, "pra") for _ in range(2))
    start = time.perf_counter()
    find_themes(frame)
    warm = time.perf_counter() - start
    result = {"komentar": n, "detik_dingin": round(cold, 2), "detik_hangat": round(warm, 2),
              "detik_praproses_dingin": round(preprocessing, 2),
              "beban_mesin": [round(x, 2) for x in os.getloadavg()]}
    legacy = legacy_topic_model(ref)
    if legacy is not None:
        informative = ~frame["non_informatif"].to_numpy(dtype=bool)
        start = time.perf_counter()
        legacy(random_state=0).fit(texts, informative=informative)
        result["detik_topicmodel_lama"] = round(time.perf_counter() - start, 2)
    print(f"\n== speed, {n:,} comments (load average {result['beban_mesin']}): find_themes {cold:.2f} s in a fresh "
          f"process (best of 2), {warm:.2f} s after annotation; the library's preprocessing of the same comments in a "
          f"fresh process {preprocessing:.2f} s"
          + (f"; today's TopicModel(n_topics='auto') {result['detik_topicmodel_lama']:.2f} s" if legacy else ""))
    return result


# -- blind judging ---------------------------------------------------------------------------------
def _short(text: str, limit: int = 240) -> str:
    from umpanbalik.normalization import mask_identifiers

    text = " ".join(mask_identifiers(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def judging_items(systems: dict, per_system: int, seed: int) -> list[dict]:
    """Items of the sheets: per source and system, up to ``per_system`` themes drawn at random (all
    kinds together), each with five random members and a word-intrusion list."""
    rng = random.Random(seed)
    items = []
    for source, block in systems.items():
        texts, words = block["frame"]["teks"].tolist(), block["words"]
        for system in SYSTEMS_JUDGED:
            named = block["named"].get(system)
            if not named:
                continue
            pool = [(kind, i) for kind in KINDS for i in range(len(named[kind])) if len(named[kind][i]["rows"]) >= N_MEMBERS]
            for kind, i in sorted(rng.sample(pool, min(per_system, len(pool)))):
                clusters = named[kind]
                vocabulary, weights = class_tfidf(words, [c["rows"] for c in clusters])
                top = [vocabulary[j] for j in np.argsort(-weights[i])[:20]]
                others = [vocabulary[j] for c in range(len(clusters)) if c != i for j in np.argsort(-weights[c])[:N_WORDS]]
                intruders = [w for w in others if w not in top]
                if not intruders:
                    continue
                intruder = rng.choice(intruders)
                shown = top[:N_WORDS] + [intruder]
                rng.shuffle(shown)
                members = rng.sample(list(clusters[i]["rows"]), N_MEMBERS)
                items.append({"sumber": source, "sistem": system, "jenis": kind, "label": clusters[i]["label"],
                              "ukuran": len(clusters[i]["rows"]), "anggota": [_short(texts[r]) for r in members],
                              "kata": [w.replace("_", " ") for w in shown], "penyusup": intruder.replace("_", " ")})
    return items


_SHEET_HEAD = """# Lembar penilaian tema (buta)

Petunjuk:

Setiap butir adalah satu tema dari survei umpan balik: jenisnya (keluhan, saran atau pujian), labelnya,
lima komentar anggota yang diambil acak, dan enam kata. Untuk setiap butir, isi satu baris di
`jawaban.csv`:

- `spesifik` — **ya** bila label sendiri (tanpa melihat komentar) menyebut hal tertentu yang bisa
  ditindaklanjuti oleh penyelenggara/pengajar (misalnya "penjelasan terlalu cepat", "tambah durasi
  praktik"); **tidak** bila label umum atau kabur ("mahasiswa, materi, dosen", "sudah bagus",
  "pembelajaran").
- `cocok` — berapa dari lima komentar (0–5) yang memang membicarakan hal yang disebut label.
- `penyusup` — satu kata dari enam yang paling tidak cocok dengan lima kata lainnya (tulis persis).

Nilailah setiap butir sendiri-sendiri. Jangan mencari tahu dari mana butir berasal.
"""


def write_sheets(items: list[dict], folder: Path, judges: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    key = {}
    numbered = list(items)
    random.Random(seed).shuffle(numbered)
    for position, item in enumerate(numbered, 1):
        item_id = f"B{position:03d}"
        key[item_id] = {k: item[k] for k in ("sumber", "sistem", "jenis", "label", "ukuran", "penyusup")}
        item["id"] = item_id
    for judge in range(1, judges + 1):
        own = sorted(numbered, key=lambda item: item["id"])
        random.Random(seed + judge).shuffle(own)
        target = folder / f"penilai_{judge}"
        target.mkdir(exist_ok=True)
        lines = [_SHEET_HEAD, f"{len(own)} butir.\n"]
        for item in own:
            lines.append(f"## {item['id']} — {item['jenis']}\n\n**Label:** {item['label']}\n")
            lines += [f"{n}. {text}" for n, text in enumerate(item["anggota"], 1)]
            lines.append(f"\n**Kata:** {', '.join(item['kata'])}\n")
        (target / "LEMBAR.md").write_text("\n".join(lines), encoding="utf-8")
        with open(target / "jawaban.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["butir", "spesifik", "cocok", "penyusup"])
            for item in own:
                writer.writerow([item["id"], "", "", ""])
    key_path = folder.parent / f"{folder.name}.kunci.json"
    key_path.write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(numbered)} items for {judges} judges in {folder}/penilai_*/ (LEMBAR.md, jawaban.csv); "
          f"the key is {key_path} (not for the judges)")


def _kappa(a: list[bool], b: list[bool]) -> float | None:
    if not a:
        return None
    observed = np.mean([x == y for x, y in zip(a, b)])
    pa, pb = np.mean(a), np.mean(b)
    expected = pa * pb + (1 - pa) * (1 - pb)
    return None if expected == 1 else round(float((observed - expected) / (1 - expected)), 3)


def score(folder: Path) -> dict:
    key = json.loads((folder.parent / f"{folder.name}.kunci.json").read_text(encoding="utf-8"))
    answers = {}
    for path in sorted(folder.glob("penilai_*/jawaban.csv")):
        rows = list(csv.DictReader(open(path, encoding="utf-8")))
        judged = {}
        for row in rows:
            if row["butir"] not in key or not row["spesifik"].strip():
                continue
            judged[row["butir"]] = {
                "spesifik": row["spesifik"].strip().lower() in ("ya", "y", "yes", "1", "true"),
                "cocok": int(float(row["cocok"] or 0)),
                "penyusup": row["penyusup"].strip().lower() == key[row["butir"]]["penyusup"].lower(),
            }
        answers[path.parent.name] = judged
    result: dict[str, Any] = {"butir": len(key), "penilai": {j: len(a) for j, a in answers.items()}, "sistem": {}}
    for system in sorted({v["sistem"] for v in key.values()}):
        ids = [i for i, v in key.items() if v["sistem"] == system]
        per_judge = {}
        for judge, judged in answers.items():
            marks = [judged[i] for i in ids if i in judged]
            if not marks:
                continue
            per_judge[judge] = {
                "n": len(marks),
                "spesifik": round(np.mean([m["spesifik"] for m in marks]), 3),
                "cocok_4_dari_5": round(np.mean([m["cocok"] >= 4 for m in marks]), 3),
                "spesifik_dan_cocok": round(np.mean([m["spesifik"] and m["cocok"] >= 4 for m in marks]), 3),
                "anggota_cocok": round(np.mean([m["cocok"] / N_MEMBERS for m in marks]), 3),
                "penyusup_ditemukan": round(np.mean([m["penyusup"] for m in marks]), 3),
            }
        mean = {k: round(float(np.mean([p[k] for p in per_judge.values()])), 3)
                for k in ("spesifik", "cocok_4_dari_5", "spesifik_dan_cocok", "anggota_cocok", "penyusup_ditemukan")} if per_judge else {}
        judges = list(answers)
        agreement = {}
        if len(judges) >= 2:
            shared = [i for i in ids if all(i in answers[j] for j in judges[:2])]
            a, b = (answers[j] for j in judges[:2])
            agreement = {"kappa_spesifik": _kappa([a[i]["spesifik"] for i in shared], [b[i]["spesifik"] for i in shared]),
                         "kappa_cocok": _kappa([a[i]["cocok"] >= 4 for i in shared], [b[i]["cocok"] >= 4 for i in shared])}
        result["sistem"][system] = {"tema_dinilai": len(ids), "rata_rata": mean, "per_penilai": per_judge, **agreement}
    return result


# -- main ------------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default="edom,survei,ulasan")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--sheets", type=Path, help="write blind judging sheets to this folder (outside the repo)")
    parser.add_argument("--judges", type=int, default=2)
    parser.add_argument("--per-system", type=int, default=16, help="themes per source and system on the sheets")
    parser.add_argument("--score", type=Path, help="score the judges' answers in this folder")
    parser.add_argument("--baseline-ref", default=BASELINE_REF)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    if args.score:
        result = score(args.score)
        (RESULTS / "themes_judged.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return
    if not available():
        print(f"The real comments are not in {real_dir()} (see data/real/README.md for the sources); nothing to measure.")
        return
    if args.sheets and ROOT in args.sheets.resolve().parents:
        sys.exit("--sheets must be a folder outside the repository: the sheets hold real comments.")
    report: dict[str, Any] = {}
    if not args.speed_only:
        report["kualitas"], systems = quality(args.sources.split(","), args.baseline_ref)
        if args.sheets:
            write_sheets(judging_items(systems, args.per_system, args.seed), args.sheets, args.judges, args.seed)
    if not args.skip_speed:
        report["kecepatan"] = speed(ref=args.baseline_ref)
    name = "themes_speed.json" if args.speed_only else "themes.json"
    (RESULTS / name).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten {RESULTS / name}")


if __name__ == "__main__":
    main()

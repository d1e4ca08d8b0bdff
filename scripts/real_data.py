"""Real comments from ``../shared/data/real/`` joined with the team's labels in ``data/real/``.

The texts never enter this repository: they stay in the shared folder (or wherever a user put their
own copy of the three public sources, see ``data/real/README.md``). Each source row is named by an
id ``<source>:<row>`` (row = 0-based data row of the source file as distributed) and checked by a
short SHA-1 of its text, so a label can never silently attach to another comment.

    python scripts/real_data.py batches OUT_DIR      # write the labelling batches (texts, outside the repo)
    python scripts/real_data.py more OUT_DIR --reviews N   # a further round: N app reviews not labelled yet
    python scripts/real_data.py check                # validate every label file, print counts
    python scripts/real_data.py split                # (re)write data/real/split.csv
    python scripts/real_data.py agreement [--disagreements FILE]   # kappa per field -> data/real/agreement.json

Used as a module by the benchmarks and ``scripts/build_models.py``::

    from real_data import load_labelled
    frame = load_labelled()          # one row per labelled comment, with its text and split
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABEL_DIR = ROOT / "data" / "real"
SOURCES = {
    # name: (file inside the real-data folder, text column)
    "edom": ("edom-sentimen/komentar.csv", "teks"),
    "survei": ("survei-kepuasan/komentar.csv", "teks"),
    "ulasan": ("ulasan-aplikasi-belajar/ulasan.csv", "teks"),
}
SENTIMENTS = ("positif", "netral", "negatif")
ASPECTS = ("materi", "metode", "relevansi", "waktu")
SEED = 20261206


def real_dir() -> Path:
    """Where the three public sources are: ``$UMPANBALIK_REAL_DATA`` or ``../shared/data/real``."""
    return Path(os.environ.get("UMPANBALIK_REAL_DATA", ROOT.parent / "shared" / "data" / "real"))


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def load_sources(base: Path | None = None) -> dict[str, dict]:
    """Every source row as ``{id: {"sumber", "baris", "teks", "hash", **extra columns}}``."""
    base = base or real_dir()
    rows: dict[str, dict] = {}
    for name, (rel, column) in SOURCES.items():
        path = base / rel
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing; see data/real/README.md for where to fetch the sources")
        with open(path, encoding="utf-8", newline="") as handle:
            for i, record in enumerate(csv.DictReader(handle)):
                text = record.pop(column)
                rows[f"{name}:{i}"] = {"sumber": name, "baris": i, "teks": text, "hash": text_hash(text), **record}
    return rows


def dedup_key(text: str) -> str:
    """Key under which re-worded copies meet: the school survey re-worded EDOM answers
    (dosen -> guru, mahasiswa -> siswa, mata kuliah -> pelajaran), so both are mapped to one form."""
    return re.sub(r"[^a-z0-9]", "", dedup_key_words(text))


def group_ids(rows: dict[str, dict]) -> dict[str, str]:
    """A group per comment: rows with the same :func:`dedup_key` (the school survey's re-worded
    copies of EDOM answers included), or, when both are at least eight words long, sharing at least
    half of the shorter one's word 5-grams, are one group, so a split never puts copies on both sides."""
    parent = {i: i for i in rows}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    seen: dict[str, str] = {}
    shingles: dict[str, set] = {}
    index: dict[tuple, list[str]] = {}
    for i, row in rows.items():
        key = dedup_key(row["teks"])
        if key in seen:
            union(i, seen[key])
        else:
            seen[key] = i
        words = re.findall(r"[a-z0-9]+", dedup_key_words(row["teks"]))
        if len(words) >= 8:
            grams = {tuple(words[j:j + 5]) for j in range(len(words) - 4)}
            shingles[i] = grams
            for g in grams:
                index.setdefault(g, []).append(i)
    for i, grams in shingles.items():
        shared: dict[str, int] = {}
        for g in grams:
            for other in index[g]:
                if other != i:
                    shared[other] = shared.get(other, 0) + 1
        for other, k in shared.items():
            if k >= 0.5 * min(len(grams), len(shingles[other])):
                union(i, other)
    return {i: find(i) for i in rows}


def dedup_key_words(text: str) -> str:
    t = text.lower()
    for a, b in (("mata kuliah", "pelajaran"), ("matakuliah", "pelajaran"), ("matkul", "pelajaran"),
                 ("mahasiswa", "siswa"), ("dosen", "guru"), ("perkuliahan", "pembelajaran"), ("kuliah", "pelajaran")):
        t = t.replace(a, b)
    return t


def selection(rows: dict[str, dict], n_reviews: int = 800) -> list[str]:
    """The comments chosen for labelling, in labelling order.

    Every evaluation answer (edom, survei) except an exact re-worded copy of one already chosen, and
    a random ``n_reviews`` app reviews (the labeller marks those not about learning). The order
    interleaves the sources at random, so any prefix of the batches is a stratified random sample."""
    rng = random.Random(SEED)
    chosen: dict[str, list[str]] = {"edom": [], "survei": [], "ulasan": []}
    seen: set[str] = set()
    for i, row in rows.items():
        if row["sumber"] == "ulasan" or not row["teks"].strip():
            continue
        key = dedup_key(row["teks"])
        if key in seen:
            continue
        seen.add(key)
        chosen[row["sumber"]].append(i)
    reviews = [i for i, r in rows.items() if r["sumber"] == "ulasan"]
    chosen["ulasan"] = rng.sample(reviews, n_reviews)
    keyed = []
    for name, ids in chosen.items():
        rng.shuffle(ids)
        keyed += [((k + rng.random()) / len(ids), i) for k, i in enumerate(ids)]
    return [i for _, i in sorted(keyed)]


def write_batches(out: Path, size: int = 100, n_double: int = 700, double_from: int = 3600) -> None:
    rows = load_sources()
    order = selection(rows)
    out.mkdir(parents=True, exist_ok=True)
    for b in range(0, len(order), size):
        with open(out / f"batch_{b // size + 1:03d}.jsonl", "w", encoding="utf-8") as handle:
            for i in order[b:b + size]:
                handle.write(json.dumps({"id": i, "hash": rows[i]["hash"], "teks": rows[i]["teks"]}, ensure_ascii=False) + "\n")
    rng = random.Random(SEED + 1)
    double = rng.sample(order[:double_from], n_double)
    per = 100
    for b in range(0, len(double), per):
        with open(out / f"blind_{b // per + 1:02d}.jsonl", "w", encoding="utf-8") as handle:
            for i in double[b:b + per]:
                handle.write(json.dumps({"id": i, "hash": rows[i]["hash"], "teks": rows[i]["teks"]}, ensure_ascii=False) + "\n")
    print(f"{len(order)} comments in {(len(order) + size - 1) // size} batches; {len(double)} for blind double labelling")


def write_more_batches(out: Path, n_reviews: int, size: int = 100, n_double: int = 100) -> None:
    """A further labelling round after every evaluation answer is labelled: ``n_reviews`` random app
    reviews that no label file names yet and that are not an exact re-worded copy of a labelled one.
    Batch numbers continue after the last ``pertama`` batch; ``n_double`` of them are written again as
    blind files for a second labeller (numbered after the existing ``kedua`` files)."""
    rows = load_sources()
    labelled = set(load_label_files("pertama"))
    seen = {dedup_key(rows[i]["teks"]) for i in labelled if i in rows}
    pool = []
    for i, row in rows.items():
        if row["sumber"] != "ulasan" or i in labelled or not row["teks"].strip():
            continue
        key = dedup_key(row["teks"])
        if key in seen:
            continue
        seen.add(key)
        pool.append(i)
    rng = random.Random(SEED + 3 + len(labelled))
    order = rng.sample(pool, min(n_reviews, len(pool)))
    first = len(list((LABEL_DIR / "pertama").glob("batch_*.jsonl"))) + 1
    first_blind = len(list((LABEL_DIR / "kedua").glob("blind_*.jsonl"))) + 1
    out.mkdir(parents=True, exist_ok=True)

    def dump(name: str, ids: list[str]) -> None:
        with open(out / name, "w", encoding="utf-8") as handle:
            for i in ids:
                handle.write(json.dumps({"id": i, "hash": rows[i]["hash"], "teks": rows[i]["teks"]}, ensure_ascii=False) + "\n")

    for k, b in enumerate(range(0, len(order), size)):
        dump(f"batch_{first + k:03d}.jsonl", order[b:b + size])
    double = rng.sample(order, min(n_double, len(order)))
    for k, b in enumerate(range(0, len(double), size)):
        dump(f"blind_{first_blind + k:02d}.jsonl", double[b:b + size])
    print(f"{len(order)} reviews in batches from {first:03d}; {len(double)} for blind double labelling")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def validate(record: dict, where: str) -> list[str]:
    """Problems with one label record (empty when it follows data/real/LABELLING_GUIDE.md)."""
    problems = []
    if record.get("tentang_belajar") is False:
        return problems
    if record.get("sentimen") not in SENTIMENTS:
        problems.append(f"{where}: sentimen {record.get('sentimen')!r}")
    aspects = record.get("aspek", [])
    polarity = record.get("aspek_sentimen", {})
    if not isinstance(aspects, list) or any(a not in ASPECTS for a in aspects) or len(set(aspects)) != len(aspects):
        problems.append(f"{where}: aspek {aspects!r}")
    elif set(polarity) != set(aspects) or any(v not in SENTIMENTS for v in polarity.values()):
        problems.append(f"{where}: aspek_sentimen {polarity!r} does not match aspek {aspects!r}")
    for flag in ("saran", "non_informatif"):
        if not isinstance(record.get(flag), bool):
            problems.append(f"{where}: {flag} {record.get(flag)!r}")
    return problems


def load_label_files(kind: str = "pertama") -> dict[str, dict]:
    """Labels of one pass: ``pertama`` (every labelled row), ``kedua`` (the blind second pass) or
    ``adjudikasi`` (the decision on each disagreement)."""
    labels: dict[str, dict] = {}
    for path in sorted((LABEL_DIR / kind).glob("*.jsonl")):
        for record in read_jsonl(path):
            labels[record["id"]] = record
    return labels


#: The labelling rounds whose training rows the shipped models learn from. Round 1 (batches 001-052:
#: every evaluation answer and 800 reviews) is; round 2 (batches 053-064: 1,200 more app reviews) is
#: not: trained on, it brought no gain on the evaluation answers and broke a shipped behaviour case
#: (benchmarks/results/real_round2.md). Its test rows are in the test split like any other.
TRAINING_ROUNDS = (1,)
_ROUND_2_FROM = 53  # the first batch of round 2


def label_rounds() -> dict[str, int]:
    """The labelling round of each labelled id (by the number of its ``pertama`` batch)."""
    rounds = {}
    for path in sorted((LABEL_DIR / "pertama").glob("batch_*.jsonl")):
        number = int(path.stem.split("_")[1])
        for record in read_jsonl(path):
            rounds[record["id"]] = 1 if number < _ROUND_2_FROM else 2
    return rounds


def training_rows(frame):
    """The rows of :func:`load_labelled` that the shipped recipe trains on: the training split of
    the rounds in :data:`TRAINING_ROUNDS`."""
    return frame[(frame["split"] == "train") & frame["putaran"].isin(TRAINING_ROUNDS)]


#: The fields a consistency pass may change (each record of ``konsistensi/*.jsonl`` names the ones it changes).
CONSISTENCY_FIELDS = ("sentimen", "aspek", "aspek_sentimen")
#: The consistency passes, in the order they were made and are applied (``konsistensi/<name>.jsonl``).
CONSISTENCY_PASSES = ("materi", "permintaan", "campuran")


def final_labels() -> dict[str, dict]:
    """First-pass labels with every adjudicated row replaced by its decision, then the fields that
    each consistency pass changed (:data:`CONSISTENCY_PASSES`, in order). A consistency record that
    :func:`check_consistency` would report is refused."""
    labels = _adjudicated_labels()
    problems = _apply_consistency(labels)
    if problems:
        raise ValueError(f"{problems[0]} (python scripts/real_data.py check lists every problem)")
    return labels


def _adjudicated_labels() -> dict[str, dict]:
    """First-pass labels with every adjudicated row replaced by its decision."""
    labels = load_label_files("pertama")
    for i, record in load_label_files("adjudikasi").items():
        labels[i] = {**labels.get(i, {}), **record["label"], "id": i, "hash": record["hash"]}
    return labels


def _apply_consistency(labels: dict[str, dict]) -> list[str]:
    """Apply the consistency passes to ``labels`` in place, in order; the problems found: a record
    naming no labelled comment (skipped), without a reason, with a field a pass may not change,
    changing nothing, or leaving an invalid label; a pass file not listed in
    :data:`CONSISTENCY_PASSES`."""
    problems = []
    passes = {path.stem for path in (LABEL_DIR / "konsistensi").glob("*.jsonl")}
    if passes != set(CONSISTENCY_PASSES):
        problems.append(f"data/real/konsistensi holds {sorted(passes)}; CONSISTENCY_PASSES names {list(CONSISTENCY_PASSES)}")
    for name in CONSISTENCY_PASSES:
        path = LABEL_DIR / "konsistensi" / f"{name}.jsonl"
        for n, record in enumerate(read_jsonl(path) if path.exists() else [], 1):
            where = f"data/real/konsistensi/{path.name}:{n} ({record.get('id')})"
            before = labels.get(record.get("id"))
            if before is None or before.get("hash") != record.get("hash"):
                problems.append(f"{where}: names no labelled comment with this id and hash")
                continue
            if not record.get("alasan"):
                problems.append(f"{where}: no reason")
            unknown = set(record) - {"id", "hash", "alasan", *CONSISTENCY_FIELDS}
            if unknown:
                problems.append(f"{where}: fields a consistency pass may not change: {sorted(unknown)}")
            after = {**before, **{k: record[k] for k in CONSISTENCY_FIELDS if k in record}}
            if after == before:
                problems.append(f"{where}: changes nothing")
            problems += validate(after, where)
            labels[record["id"]] = after
    return problems


def load_labelled(base: Path | None = None, include_off_topic: bool = False):
    """The labelled real comments as a DataFrame (texts read from the sources, checked by hash).

    Columns: ``id``, ``sumber``, ``teks``, ``sentimen``, ``aspek`` (list), ``aspek_sentimen`` (dict),
    ``saran``, ``non_informatif``, ``kelompok`` (near-duplicate group), ``split`` (train/test) and
    ``putaran`` (the labelling round; see :data:`TRAINING_ROUNDS`)."""
    import pandas as pd

    rows = load_sources(base)
    labels = final_labels()
    rounds = label_rounds()
    split = {}
    split_path = LABEL_DIR / "split.csv"
    if split_path.exists():
        with open(split_path, encoding="utf-8", newline="") as handle:
            split = {r["id"]: r for r in csv.DictReader(handle)}
    records = []
    for i, label in labels.items():
        row = rows.get(i)
        if row is None or row["hash"] != label["hash"]:
            raise ValueError(f"label {i} does not match the source text (hash {label['hash']}); "
                             "is this the source version named in data/real/README.md?")
        if label.get("tentang_belajar") is False and not include_off_topic:
            continue
        records.append({"id": i, "sumber": row["sumber"], "teks": row["teks"],
                        "sentimen": label.get("sentimen"), "aspek": list(label.get("aspek", [])),
                        "aspek_sentimen": dict(label.get("aspek_sentimen", {})),
                        "saran": bool(label.get("saran")), "non_informatif": bool(label.get("non_informatif")),
                        "kelompok": split.get(i, {}).get("kelompok", i), "split": split.get(i, {}).get("split", ""),
                        "putaran": rounds.get(i, 1)})
    return pd.DataFrame.from_records(records)


def write_split(test_share: float = 0.2) -> None:
    """Assign labelled comments to train/test: whole near-duplicate groups, stratified by source,
    a fixed seeded shuffle. Rows already in split.csv keep their side (the test set only grows)."""
    rows = load_sources()
    labels = final_labels()
    groups = group_ids(rows)
    path = LABEL_DIR / "split.csv"
    old = {}
    if path.exists():
        with open(path, encoding="utf-8", newline="") as handle:
            old = {r["id"]: r["split"] for r in csv.DictReader(handle)}
    group_side: dict[str, str] = {}
    for i, side in old.items():
        group_side.setdefault(groups.get(i, i), side)
    rng = random.Random(SEED + 2)
    by_source: dict[str, list[str]] = {}
    for g in sorted({groups[i] for i in labels if i in groups}):
        by_source.setdefault(rows[g]["sumber"], []).append(g)
    for name, gs in by_source.items():
        rng.shuffle(gs)
        for k, g in enumerate(gs):
            group_side.setdefault(g, "test" if (k % round(1 / test_share)) == 0 else "train")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "hash", "kelompok", "split"])
        for i in sorted(labels, key=lambda x: (x.split(":")[0], int(x.split(":")[1]))):
            writer.writerow([i, labels[i]["hash"], groups[i], group_side[groups[i]]])


def check() -> int:
    rows = load_sources()
    problems = []
    for kind in ("pertama", "kedua"):
        for path in sorted((LABEL_DIR / kind).glob("*.jsonl")):
            for n, record in enumerate(read_jsonl(path), 1):
                where = f"{path.relative_to(ROOT)}:{n} ({record.get('id')})"
                row = rows.get(record.get("id"))
                if row is None or row["hash"] != record.get("hash"):
                    problems.append(f"{where}: unknown id or hash")
                    continue
                if row["sumber"] != "ulasan" and record.get("tentang_belajar") is False:
                    problems.append(f"{where}: evaluation answers are always about learning")
                problems += validate(record, where)
    problems += check_consistency()
    for p in problems:
        print(p)
    first, second = load_label_files("pertama"), load_label_files("kedua")
    print(f"first pass: {len(first)} rows; blind second pass: {len(second)} rows "
          f"({len(set(first) & set(second))} in both); problems: {len(problems)}")
    return 1 if problems else 0


def check_consistency() -> list[str]:
    """Problems with the consistency passes (``konsistensi/*.jsonl``; see :func:`_apply_consistency`),
    reported instead of refused as :func:`final_labels` does."""
    return _apply_consistency(_adjudicated_labels())


LABEL_KEYS = ("tentang_belajar", "sentimen", "aspek", "aspek_sentimen", "saran", "non_informatif")


def comparable(record: dict) -> dict:
    """The labels of one record in a form two passes can be compared on."""
    if record.get("tentang_belajar") is False:
        return {"tentang_belajar": False}
    return {"tentang_belajar": True, "sentimen": record["sentimen"], "aspek": sorted(record["aspek"]),
            "aspek_sentimen": dict(sorted(record["aspek_sentimen"].items())), "saran": record["saran"],
            "non_informatif": record["non_informatif"]}


def agreement(disagreements: Path | None = None) -> dict:
    """Cohen's kappa per field between the first and the blind second pass (rows in both), written
    to data/real/agreement.json; with ``disagreements``, every differing row for adjudication."""
    from sklearn.metrics import cohen_kappa_score

    first, second = load_label_files("pertama"), load_label_files("kedua")
    ids = sorted(set(first) & set(second), key=lambda x: (x.split(":")[0], int(x.split(":")[1])))
    one = {i: comparable(first[i]) for i in ids}
    two = {i: comparable(second[i]) for i in ids}
    result: dict = {"n": len(ids), "per_sumber": {s: sum(i.startswith(s + ":") for i in ids) for s in SOURCES}}

    def kappa(a: list, b: list) -> dict:
        return {"kappa": round(float(cohen_kappa_score(a, b)), 3),
                "sepakat": round(sum(x == y for x, y in zip(a, b)) / max(len(a), 1), 3), "n": len(a)}

    reviews = [i for i in ids if i.startswith("ulasan:")]
    fields = {"tentang_belajar (ulasan)": (reviews, lambda r: r["tentang_belajar"])}
    both = [i for i in ids if one[i]["tentang_belajar"] and two[i]["tentang_belajar"]]
    fields.update({
        "sentimen": (both, lambda r: r["sentimen"]),
        "saran": (both, lambda r: r["saran"]),
        "non_informatif": (both, lambda r: r["non_informatif"]),
        **{f"aspek:{a}": (both, lambda r, a=a: a in r["aspek"]) for a in ASPECTS},
    })
    result["kappa"] = {name: kappa([get(one[i]) for i in rows], [get(two[i]) for i in rows])
                       for name, (rows, get) in fields.items()}
    pairs = [(one[i]["aspek_sentimen"][a], two[i]["aspek_sentimen"][a]) for i in both for a in ASPECTS
             if a in one[i]["aspek"] and a in two[i]["aspek"]]
    result["kappa"]["aspek_sentimen (aspek yang sama-sama ditandai)"] = kappa([p[0] for p in pairs], [p[1] for p in pairs])
    differ = [i for i in ids if one[i] != two[i]]
    result["baris_berbeda"] = len(differ)
    (LABEL_DIR / "agreement.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if disagreements is not None:
        rows = load_sources()
        with open(disagreements, "w", encoding="utf-8") as handle:
            for i in differ:
                handle.write(json.dumps({"id": i, "hash": first[i]["hash"], "teks": rows[i]["teks"],
                                         "label_1": one[i], "label_2": two[i]}, ensure_ascii=False) + "\n")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    batches = sub.add_parser("batches")
    batches.add_argument("out", type=Path)
    more = sub.add_parser("more")
    more.add_argument("out", type=Path)
    more.add_argument("--reviews", type=int, default=1000)
    sub.add_parser("check")
    sub.add_parser("split")
    agree = sub.add_parser("agreement")
    agree.add_argument("--disagreements", type=Path, help="write the differing rows (with texts: keep outside the repo)")
    args = parser.parse_args(argv)
    if args.command == "agreement":
        print(json.dumps(agreement(args.disagreements), indent=2, ensure_ascii=False))
        return 0
    if args.command == "batches":
        write_batches(args.out)
        return 0
    if args.command == "more":
        write_more_batches(args.out, args.reviews)
        return 0
    if args.command == "split":
        write_split()
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())

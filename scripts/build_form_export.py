"""Build the example form export from the team-written responses in ``data/raw/ekspor_formulir/``.

Usage: python scripts/build_form_export.py

Writes ``src/umpanbalik/resources/contoh_ekspor_formulir.csv`` (shipped in the package, read by
``umpanbalik.load_form_export()``; ``data/contoh_ekspor_formulir.csv`` links to it), shaped as Google
Forms downloads its responses: a ``Cap waktu`` column, the form's numbered questions as headers,
Likert answers and checkbox answers as the words on the form (ticked options joined with ", " in the
form's order, an "other" answer last), blank cells for skipped questions.

Each response was written by hand as one line (see the datasheet in ``data/README.md``): the
respondent's invented name, unit, mode, the choices as short codes and the three open answers. This
script only spells the codes out as the form's words and gives each response a submission time on
its programme's closing day: times increase in the order the lines were written, with gaps drawn
from a seeded random generator, so the build is deterministic.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data/raw/ekspor_formulir"
CSV = ROOT / "src/umpanbalik/resources/contoh_ekspor_formulir.csv"

PROGRAMMES = {  # file → (programme, closing day of its evaluation form)
    "lat_latsar_cpns.txt": ("Pelatihan Dasar CPNS Angkatan III", dt.datetime(2024, 8, 16, 9, 40)),
    "pkp_kepemimpinan_pengawas.txt": ("Pelatihan Kepemimpinan Pengawas (PKP) Angkatan II", dt.datetime(2024, 9, 20, 10, 5)),
    "sak_bimtek_sakip.txt": ("Bimtek Penyusunan SAKIP dan Perjanjian Kinerja", dt.datetime(2024, 10, 11, 13, 15)),
    "ank_analisis_kebijakan.txt": ("Pelatihan Analisis Kebijakan", dt.datetime(2024, 11, 8, 9, 55)),
}
UNITS = {"DIK": "Dinas Pendidikan", "KES": "Dinas Kesehatan", "BAP": "Bappeda", "BKP": "BKPSDM",
         "HUB": "Dinas Perhubungan", "KEC": "Kecamatan Tembalang", "RSD": "RSUD K.R.M.T. Wongsonegoro",
         "DUK": "Dinas Kependudukan dan Pencatatan Sipil"}
MODES = {"K": "Klasikal (tatap muka)", "D": "Daring (Zoom/LMS)", "B": "Blended (daring dan klasikal)"}
AGREE = {"5": "Sangat setuju", "4": "Setuju", "3": "Netral", "2": "Tidak setuju", "1": "Sangat tidak setuju"}
SATISFIED = {"5": "Sangat puas", "4": "Puas", "3": "Cukup puas", "2": "Tidak puas", "1": "Sangat tidak puas"}
QUALITY = {"5": "Sangat baik", "4": "Baik", "3": "Cukup", "2": "Kurang", "1": "Sangat kurang"}
RECOMMEND = {"5": "Sangat direkomendasikan", "4": "Direkomendasikan", "3": "Netral", "2": "Kurang direkomendasikan",
             "1": "Tidak direkomendasikan"}
YES_NO = {"Y": "Ya", "T": "Tidak"}
OBSTACLES = {"r": "Materi kurang relevan dengan tugas saya", "w": "Waktu pelatihan terlalu singkat",
             "n": "Penjelasan narasumber terlalu cepat", "j": "Jaringan internet tidak stabil",
             "k": "Pekerjaan kantor tetap harus dikerjakan", "0": "Tidak ada kendala"}
HEADERS = [
    "Cap waktu", "1.1. Nama lengkap", "1.2. Unit kerja / OPD", "1.3. Pelatihan yang diikuti", "1.4. Moda pelaksanaan",
    "2.1. Materi pelatihan sesuai dengan kebutuhan tugas saya",
    "2.2. Narasumber menyampaikan materi dengan jelas dan interaktif",
    "2.3. Alokasi waktu pelatihan sudah memadai",
    "3.1. Kendala yang Anda alami selama pelatihan (boleh pilih lebih dari satu)",
    "5.5. Secara keseluruhan, seberapa puas Anda dengan pelatihan ini?",
    "5.6. Bagaimana kualitas penyelenggaraan pelatihan (fasilitas, LMS, layanan panitia)?",
    "5.7. Apakah Anda akan merekomendasikan pelatihan ini kepada rekan kerja?",
    "5.8. Apakah Anda bersedia mengikuti pelatihan lanjutan?",
    "5.20. Apa hal yang paling bermanfaat dari pelatihan ini bagi pekerjaan Anda?",
    "5.21. Apa kendala atau kritik Anda terhadap pelaksanaan pelatihan?",
    "5.22. Berikan saran perbaikan untuk program ini!",
]


def _word(table: dict[str, str], code: str) -> str:
    return "" if code == "-" else table[code]


def _obstacles(code: str) -> str:
    code, _, other = code.partition("+")
    ticked = [OBSTACLES[c] for c in OBSTACLES if c in code]  # in the form's order, as Google Forms writes them
    return ", ".join(ticked + ([other.strip()] if other.strip() else []))


def read(path: Path) -> list[list[str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("|")]
        if len(fields) != 9 or not re.fullmatch(r"[1-5-]{3}", fields[3]) or not re.fullmatch(r"[1-5-]{3}[YT-]", fields[5]):
            raise ValueError(f"{path.name}:{number}: not a response line: {line!r}")
        rows.append(fields)
    return rows


def main() -> None:
    rng = random.Random(17)
    records = []
    for name, (programme, start) in PROGRAMMES.items():
        moment = start
        for nama, unit, mode, agree, obstacles, closing, useful, problems, suggestion in read(RAW / name):
            moment += dt.timedelta(seconds=rng.randint(25, 420))
            records.append([moment.strftime("%d/%m/%Y %H:%M:%S"), nama, UNITS[unit], programme, MODES[mode],
                            *(_word(AGREE, c) for c in agree), _obstacles(obstacles),
                            _word(SATISFIED, closing[0]), _word(QUALITY, closing[1]), _word(RECOMMEND, closing[2]),
                            _word(YES_NO, closing[3]), useful, problems, suggestion])
    with CSV.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADERS)
        writer.writerows(records)
    print(f"{len(records)} responses -> {CSV.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""The words of the command line in Indonesian and English: its messages, its help, and argparse's
own words in Indonesian (argparse writes them in English)."""
from __future__ import annotations

__all__ = ["MESSAGES", "HELP", "ARGPARSE_ID"]

_KINDS = {
    "id": {"teks": "teks terbuka", "likert": "skala nilai", "pilihan_ganda": "kotak centang", "kategori": "kategori",
           "angka": "angka", "waktu": "waktu", "identitas": "identitas", "kosong": "kosong"},
    "en": {"teks": "open text", "likert": "rating scale", "pilihan_ganda": "checkboxes", "kategori": "category",
           "angka": "number", "waktu": "time", "identitas": "identity", "kosong": "empty"},
}

MESSAGES = {
    "id": {
        "reading": "Membaca {path} ...",
        "analysing": "Menganalisis {n} komentar ...",
        "written_html": "Laporan HTML : {path}",
        "written_xlsx": "Buku kerja Excel: {path}",
        "written_csv": "Tabel per komentar (CSV): {path}",
        "not_written": "Catatan: {what} tidak ditulis: {reason}. Keluaran lain sudah ditulis; pilih keluaran dengan "
                       "--format (mis. --format {others}).",
        "what_html": "laporan HTML", "what_xlsx": "buku kerja Excel", "what_csv": "tabel CSV",
        "notice": "Catatan: {message}",
        "interrupted": "Dihentikan (Ctrl-C). File hasil yang sudah ada tidak berubah; yang belum selesai tidak ditulis.",
        "bad_format": "--format berisi {value!r}; pilihannya: {choices} (dipisah koma).",
        "done": "Selesai: {n} baris dianalisis.",
        "demo_intro": "Contoh: menganalisis data survei ilustratif bawaan ({path}).",
        "demo_open": "Buka laporannya di peramban: {html}",
        "pre_done": "Selesai: {n} baris ditulis ke {path}",
        "error": "Galat: {message}",
        "not_found": "File tidak ditemukan: {path}",
        "missing_column": "Kolom {column!r} ({option}) tidak ada di file.{suggestion} Kolom yang tersedia: {available}.",
        "suggestion": " Mungkin maksud Anda {option} {candidate!r}?",
        "ambiguous_column": "{option} {column!r} cocok dengan beberapa kolom: {candidates}. Tulis lebih banyak awal judul "
                            "kolomnya, atau judulnya yang lengkap.",
        "no_rows": "{path} berisi baris judul tetapi tanpa jawaban: tidak ada yang dianalisis. Periksa apakah ekspornya "
                   "memuat jawaban (dan, untuk buku kerja, apakah --sheet menunjuk lembar jawabannya).",
        "unreadable": "File tidak dapat dibaca sebagai CSV atau buku kerja (XLSX, XLS): {message}",
        "other_sheet": " Kolom {column!r} ada di lembar {sheet!r}: tambahkan --sheet {sheet!r}.",
        "other_sheet_answers": " Jawaban terbuka ada di lembar {sheet!r} ({columns}): tambahkan --sheet {sheet!r}.",
        "kept_as": "Kolom {column!r} sudah ada; isinya disimpan sebagai {new!r}.",
        "no_sheet": "Lembar {sheet!r} tidak ada di {path}. Lembar yang tersedia: {available}.",
        "sheet_not_excel": "--sheet hanya berlaku untuk buku kerja Excel (.xlsx/.xls); {path} bukan buku kerja Excel.",
        "detected": "Pertanyaan terbuka yang dianalisis (dikenali dari isinya; pilih sendiri dengan --text-column):\n  {columns}",
        "why_not_column": "Kolom {column!r} tampaknya berisi alasan tidak mengikuti pelatihan: kodekan hambatannya dengan --task hambatan, atau sebut kolom itu dengan --barrier-column.",
        "detected_barriers": "Kolom alasan tidak mengikuti pelatihan (dikenali dari judulnya; hambatannya dikodekan, tidak dibaca sebagai penilaian pelatihan; pilih sendiri dengan --barrier-column): {column!r}",
        "detected_rating": "Kolom nilai keseluruhan (dikenali dari judulnya; pilih sendiri dengan --rating): {column!r}",
        "no_rating_found": "Tidak ada kolom nilai keseluruhan yang dikenali dari judulnya (--rating auto); analisis berjalan tanpa nilai. Sebut kolomnya dengan --rating NAMA_KOLOM.",
        "no_text_columns": "Tidak ada kolom berisi jawaban terbuka (teks panjang dan beragam) di file. Kolom yang ada: {kinds}. "
                           "Pilih kolom komentar dengan --text-column.",
        "likert": "Kolom nilai {column!r} berisi skala Likert berupa teks; skornya: {mapping}.",
        "likert_bounds": " (skala {low}-{high})",
        "rating_unknown": "Kolom nilai {column!r} (--rating) berisi teks yang bukan angka dan bukan skala nilai yang dikenal: "
                          "{values}. Pakai kolom berisi angka (mis. 1-5) atau jawaban skala Likert (Sangat puas ... Sangat "
                          "tidak puas; Sangat setuju ... Sangat tidak setuju; Sangat baik ... Sangat kurang; Ya/Tidak), "
                          "atau ubah dulu jawaban itu menjadi angka.",
        "rating_partial": "Peringatan: di kolom nilai {column!r}, jawaban berikut bukan angka dan bukan bagian skala nilai, "
                          "sehingga dihitung kosong: {values}.",
        "topics_invalid": "--topics harus 'auto', 0 (tanpa topik) atau bilangan bulat positif; diterima {value!r}.",
        "topics_too_many": "--topics paling banyak {most} (lebih dari itu tidak terbaca di laporan, dan pencariannya "
                           "makin lama); diterima {value}. Pakai --topics auto atau angka yang lebih kecil.",
        "chunksize_invalid": "--chunksize harus bilangan bulat positif (jumlah baris per bagian, mis. 100000); "
                             "diterima {value!r}.",
        "recap_rows": "{n} baris ringkasan di bawah jawaban (mis. {examples}) tidak dianalisis: isinya hitungan atas "
                      "baris lain, bukan jawaban responden.",
        "blank_rows": "{n} baris yang seluruh kolomnya kosong tidak dianalisis: baris kosong di file bukan responden.",
        "output_is_file": "Folder hasil {path} sudah ada sebagai file, bukan folder; pilih folder hasil lain dengan --output.",
        # the operating system's reason, in the user's language (its own words are English)
        "os_ENOENT": "foldernya tidak ada", "os_EACCES": "tidak ada izin menulis di sana",
        "os_EPERM": "tidak ada izin menulis di sana", "os_EROFS": "sistem berkasnya hanya bisa dibaca",
        "os_ENOSPC": "ruang disk penuh", "os_ENOTDIR": "bagian jalurnya adalah file, bukan folder",
        "os_EDQUOT": "kuota disk habis",
        "output_unusable": "Folder hasil {path} tidak dapat dibuat atau ditulisi: {reason}. Pilih folder lain dengan --output.",
        "output_name_is_folder": "{path} adalah folder, padahal file hasil akan ditulis dengan nama itu: pindahkan "
                                 "atau pilih folder hasil lain.",
        "pre_same_file": "File hasil {path} adalah file masukan itu sendiri; praproses tidak menimpa data asli. Pilih "
                         "file hasil lain, mis. --output {suggestion}.",
        "task_barrier_column": "Dengan --task hambatan, jawaban alasan tidak ikut dibaca dari --text-column, bukan "
                               "--barrier-column: pakai --text-column {column}.",
        "pre_folder_missing": "Folder {folder} (tempat file hasil --output) belum ada. Buat dulu folder itu, atau "
                              "pilih file hasil di folder yang sudah ada.",
        "pre_output_suffix": "File hasil {path}: praproses menulis file CSV (.csv) atau buku kerja Excel (.xlsx); pilih "
                             "nama file berakhiran .csv atau .xlsx dengan --output.",
        **{f"kind_{kind}": word for kind, word in _KINDS["id"].items()},
    },
    "en": {
        "reading": "Reading {path} ...",
        "analysing": "Analysing {n} comments ...",
        "written_html": "HTML report: {path}",
        "written_xlsx": "Excel workbook: {path}",
        "written_csv": "Per-comment table (CSV): {path}",
        "not_written": "Notice: the {what} was not written: {reason}. The other outputs were written; choose outputs "
                       "with --format (e.g. --format {others}).",
        "what_html": "HTML report", "what_xlsx": "Excel workbook", "what_csv": "CSV table",
        "notice": "Notice: {message}",
        "interrupted": "Interrupted (Ctrl-C). Earlier output files are unchanged; unfinished ones were not written.",
        "bad_format": "--format holds {value!r}; the choices are {choices} (comma-separated).",
        "done": "Done: {n} rows analysed.",
        "demo_intro": "Example: analysing the bundled illustrative survey ({path}).",
        "demo_open": "Open the report in a browser: {html}",
        "pre_done": "Done: {n} rows written to {path}",
        "error": "Error: {message}",
        "not_found": "File not found: {path}",
        "missing_column": "Column {column!r} ({option}) is not in the file.{suggestion} Available columns: {available}.",
        "suggestion": " Did you mean {option} {candidate!r}?",
        "ambiguous_column": "{option} {column!r} fits several columns: {candidates}. Give more of the header, or the whole header.",
        "no_rows": "{path} has a header row but no answers: nothing to analyse. Check that the export holds the "
                   "responses (and, for a workbook, that --sheet names the sheet with them).",
        "unreadable": "The file cannot be read as CSV or as a workbook (XLSX, XLS): {message}",
        "other_sheet": " Column {column!r} is on sheet {sheet!r}: add --sheet {sheet!r}.",
        "other_sheet_answers": " Open answers are on sheet {sheet!r} ({columns}): add --sheet {sheet!r}.",
        "kept_as": "Column {column!r} already exists; its contents are kept as {new!r}.",
        "no_sheet": "Sheet {sheet!r} is not in {path}. Available sheets: {available}.",
        "sheet_not_excel": "--sheet applies to Excel workbooks (.xlsx/.xls) only; {path} is not one.",
        "detected": "Open questions analysed (recognised by their answers; choose them yourself with --text-column):\n  {columns}",
        "why_not_column": "Column {column!r} seems to hold reasons for not attending training: code the barriers with --task hambatan, or name the column with --barrier-column.",
        "detected_barriers": "Column of reasons for not attending training (recognised by its header; its barriers are coded, not read as a verdict on the training; choose it yourself with --barrier-column): {column!r}",
        "detected_rating": "Overall rating column (recognised by its header; choose it yourself with --rating): {column!r}",
        "no_rating_found": "No overall rating column was recognised by its header (--rating auto); the analysis runs without ratings. Name the column with --rating COLUMN.",
        "no_text_columns": "No column of open answers (long, varied text) was found in the file. Its columns: {kinds}. "
                           "Choose the comment column with --text-column.",
        "likert": "The rating column {column!r} holds a Likert scale written as text; its scores: {mapping}.",
        "likert_bounds": " (scale {low}-{high})",
        "rating_unknown": "The rating column {column!r} (--rating) holds text that is neither numbers nor a known rating "
                          "scale: {values}. Use a column of numbers (e.g. 1-5) or of Likert answers (Very satisfied ... "
                          "Very dissatisfied; Strongly agree ... Strongly disagree; Sangat puas ...; Ya/Tidak), or recode "
                          "those answers as numbers first.",
        "rating_partial": "Warning: in the rating column {column!r}, these answers are neither numbers nor on the rating "
                          "scale, so they count as missing: {values}.",
        "topics_invalid": "--topics must be 'auto', 0 (no topics) or a positive whole number; got {value!r}.",
        "topics_too_many": "--topics is at most {most} (more topics than a report reader takes in, and the search "
                           "grows with them); got {value}. Use --topics auto or a smaller number.",
        "chunksize_invalid": "--chunksize must be a positive whole number (rows per part, e.g. 100000); got {value!r}.",
        "output_is_file": "The output folder {path} exists as a file, not a folder; choose another output folder with --output.",
        "recap_rows": "{n} summary rows under the answers (e.g. {examples}) are not analysed: they hold totals of the "
                      "other rows, not a respondent's answers.",
        "blank_rows": "{n} rows with every column empty are not analysed: blank rows in a file are no respondents.",
        "output_unusable": "The output folder {path} cannot be created or written to: {reason}. Choose another with --output.",
        "os_ENOENT": "the folder does not exist", "os_EACCES": "no permission to write there",
        "os_EPERM": "no permission to write there", "os_EROFS": "the file system is read-only",
        "os_ENOSPC": "the disk is full", "os_ENOTDIR": "part of the path is a file, not a folder",
        "os_EDQUOT": "the disk quota is used up",
        "output_name_is_folder": "{path} is a folder, but an output file is to be written under that name: move it or "
                                 "choose another output folder.",
        "pre_same_file": "The output file {path} is the input file itself; praproses does not overwrite the original "
                         "data. Choose another output file, e.g. --output {suggestion}.",
        "task_barrier_column": "With --task hambatan the why-not answers are read from --text-column, not "
                               "--barrier-column: use --text-column {column}.",
        "pre_folder_missing": "The folder {folder} (where the --output file goes) does not exist. Create it first, or "
                              "choose an output file in an existing folder.",
        "pre_output_suffix": "Output file {path}: praproses writes a CSV file (.csv) or an Excel workbook (.xlsx); "
                             "choose a name ending in .csv or .xlsx with --output.",
        **{f"kind_{kind}": word for kind, word in _KINDS["en"].items()},
    },
}

HELP = {
    "id": {
        "description": "Analisis umpan balik terbuka pelatihan ASN berbahasa Indonesia.",
        "epilog": "Kode keluar: 0 berhasil, 1 galat masukan (file/kolom/folder hasil) atau keluaran tidak ditulis, "
                  "2 argumen salah, 130 dihentikan (Ctrl-C).",
        "help": "tampilkan bantuan ini lalu keluar",
        "version": "tampilkan versi umpanbalik lalu keluar",
        "lang": "bahasa pesan dan laporan (id/en)",
        "commands": "perintah",
        "analyze": "analisis file CSV/XLSX/XLS hasil ekspor survei",
        "file": "file CSV (UTF-8, UTF-8 BOM, Windows-1252) atau buku kerja Excel (XLSX, XLS)",
        "output": "folder hasil (dibuat bila belum ada)",
        "demo": "jalankan analisis pada data survei contoh bawaan",
        "output_demo": "folder hasil",
        "format": "keluaran yang ditulis, dipisah koma: html, xlsx, csv (bawaan: ketiganya)",
        "pre": "bersihkan kolom komentar dari file CSV/XLSX/XLS",
        "pre_text": "kolom komentar: judulnya, nomornya (mis. 5.22) atau awal judulnya (bawaan: komentar)",
        "pre_output": "file hasil: CSV, atau buku kerja Excel bila namanya berakhiran .xlsx; foldernya harus sudah "
                      "ada. Bila berupa folder (yang sudah ada, atau diakhiri / dan dibuat bila belum ada), hasilnya "
                      "ditulis di dalamnya sebagai <nama file masukan>_bersih.csv",
        "sheet": "lembar file Excel: namanya, atau nomor urutnya mulai 1 (bawaan: lembar pertama)",
        "text": "kolom pertanyaan terbuka: judulnya, nomornya (mis. 5.22) atau awal judulnya; boleh berulang untuk "
                "beberapa pertanyaan (bawaan: komentar, atau semua pertanyaan terbuka yang dikenali)",
        "by": "kolom segmen untuk perbandingan, mis. instansi (boleh berulang; jawaban kotak centang dipecah per pilihan)",
        "rating": "kolom nilai: angka (mis. 1-5) atau skala Likert berupa teks (Sangat puas ... Sangat tidak puas); auto: kolom nilai keseluruhan yang dikenali dari judulnya",
        "barrier": "kolom jawaban 'mengapa tidak ikut pelatihan'",
        "task": "'hambatan' bila kolom komentar berisi alasan tidak ikut pelatihan",
        "topics": "jumlah topik, 'auto', atau 0 untuk tanpa topik",
        "mask": "nama orang yang disamarkan di laporan (boleh berulang)",
        "progress": "tanpa bilah kemajuan",
        "chunksize": "baca dan analisis CSV per N baris, untuk file sangat besar (mis. 100000)",
    },
    "en": {
        "description": "Analyse open-ended Indonesian feedback on ASN training.",
        "epilog": "Exit codes: 0 success, 1 input error (file/column/output folder) or an output not written, "
                  "2 wrong arguments, 130 interrupted (Ctrl-C).",
        "help": "show this help message and exit",
        "version": "show the umpanbalik version and exit",
        "lang": "language of messages and report (id/en)",
        "commands": "commands",
        "analyze": "analyse a CSV/XLSX/XLS survey export",
        "file": "CSV file (UTF-8, UTF-8 BOM, Windows-1252) or Excel workbook (XLSX, XLS)",
        "output": "output folder (created if missing)",
        "demo": "run the analysis on the bundled example survey",
        "output_demo": "output folder",
        "format": "outputs to write, comma-separated: html, xlsx, csv (default: all three)",
        "pre": "clean the comment column of a CSV/XLSX/XLS file",
        "pre_text": "comment column: its header, number (e.g. 5.22) or the start of its header (default: komentar)",
        "pre_output": "output file: CSV, or an Excel workbook when its name ends in .xlsx; its folder must exist. "
                      "When it is a folder (an existing one, or a path ending in /, created when missing), the output "
                      "is written in it as <input file name>_bersih.csv",
        "sheet": "Excel sheet: its name, or its position counted from 1 (default: the first sheet)",
        "text": "open-question column: its header, number (e.g. 5.22) or the start of its header; repeat it for "
                "several questions (default: komentar, or every open question found)",
        "by": "segment column to compare, e.g. instansi (repeatable; checkbox answers are split into their choices)",
        "rating": "rating column: numbers (e.g. 1-5) or a Likert scale written as text (Very satisfied ... Very dissatisfied); auto: the overall rating column, recognised by its header",
        "barrier": "column of answers to 'why not take part in training'",
        "task": "'hambatan' when the comment column holds reasons for not taking part",
        "topics": "number of topics, 'auto', or 0 for no topics",
        "mask": "a person's name to mask in the report (repeatable)",
        "progress": "no progress bar",
        "chunksize": "read and analyse a CSV N rows at a time, for very large files (e.g. 100000)",
    },
}

#: argparse's own messages (its gettext ids, Python 3.10–3.13) in Indonesian.
ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "optional arguments": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "butuh satu nilai",
    "expected at most one argument": "butuh paling banyak satu nilai",
    "expected at least one argument": "butuh paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi ambigu: %(option)s bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "argumen eksplisit %r diabaikan",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "perintah tidak dikenal %(parser_name)r (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}

"""Writing a file so that it is either the old one or the new one, never half of either.

Every export is written to a temporary file in the same folder and then renamed over the target
with :func:`os.replace`, which is atomic on one file system: an interrupted run (Ctrl-C, a full disk,
a crash, a workbook that cannot be written) leaves the earlier result untouched and no partial file.
"""
from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "check_folder"]


@contextmanager
def atomic_path(path: str | Path, example: str = "hasil.csv") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without an error, the temporary
    file replaces ``path`` in one step. On any error, KeyboardInterrupt included, it is removed and
    ``path`` is left as it was.

    The temporary file is created empty with the permissions a new file gets (the umask applies); an
    existing target's permissions are carried over.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "hasil.csv"
    >>> with atomic_path(target) as temporary:
    ...     _ = temporary.write_text("baru")
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('baru', ['hasil.csv'])
    """
    path = Path(path)
    check_folder(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give a file name, e.g. {path / example}")
    # same folder (so os.replace is a rename), hidden, and ending like the target (pandas picks the
    # compression from it: "k.csv.gz" stays gzipped)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp{path.suffix}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    os.close(descriptor)
    try:
        yield temporary
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def check_folder(path: str | Path) -> None:
    """Raise a ``FileNotFoundError`` that says what to do when the folder ``path`` goes in is missing
    (not one that names the temporary file an export is first written to)."""
    folder = Path(path).parent
    if not folder.is_dir():
        raise FileNotFoundError(f"cannot write {str(path)!r}: the folder {str(folder)!r} does not exist. Create it first, "
                                f"e.g. Path({str(folder)!r}).mkdir(parents=True).")

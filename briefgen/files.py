"""Safe file writing: write a temporary file beside the target, then replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefgen.errors import OutputError


def atomic_write(path: str | Path, data: bytes) -> Path:
    """Write *data* to *path* so that readers see the old file or the new one.

    A failure leaves any existing file untouched and no temporary file behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("the folder does not exist", where=folder,
                          hint="create it or choose another output path")
    if path.is_dir():
        raise OutputError("is a folder, not a file", where=path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write in this folder: {exc.strerror}", where=folder,
                          hint="check its permissions or choose another folder") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            _check_replaceable(path)
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write the file: {exc.strerror or exc}", where=path,
                          hint="close it in any other program and check permissions") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _check_replaceable(path: Path) -> None:
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o200:
        raise OutputError("the file is read-only", where=path,
                          hint="make it writable or choose another name")
    locks = (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#")
    if any(path.with_name(lock).exists() for lock in locks):
        raise OutputError("the file is open in a word processor", where=path,
                          hint="close it there, then export again")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_bytes(path: str | Path, *, limit: int | None = None) -> bytes:
    """Read a user's file, turning OS errors into :class:`InputError`."""
    from briefgen.errors import InputError

    path = Path(path)
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file", where=path)
        if limit is not None and path.stat().st_size > limit:
            raise InputError(f"the file is larger than {limit // 1_000_000} MB", where=path,
                             hint="split it or import only the part you need")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("no such file", where=path) from exc
    except PermissionError as exc:
        raise InputError("permission denied", where=path,
                         hint="check that you may read it") from exc
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", where=path) from exc

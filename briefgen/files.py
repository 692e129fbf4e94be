"""Reading and writing the user's files safely.

Reading: regular files only (a FIFO, device or socket is refused without
hanging), at most a size limit plus one byte, whatever ``stat`` says.
Writing: a temporary file beside the target, then an atomic replace that keeps
the target's mode and owner; temporary files a killed run left behind are
removed on a later write to the same folder.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from briefgen.errors import InputError, OutputError

READ_LIMIT = 50_000_000          # bytes; callers pass smaller limits for smaller formats
NAME_MAX = 255                   # bytes in one file name on every common file system
ORPHAN_AGE = 3600                # seconds before a leftover temporary file is ours to remove
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")   # mkstemp(prefix=".NAME.", suffix=".tmp")
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe (FIFO)"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
_WRITE_HINTS = {errno.ENOSPC: "free some disk space or choose another folder",
                errno.EDQUOT: "free some disk space or choose another folder",
                errno.EROFS: "the disk is read-only: choose another folder",
                errno.EACCES: "check its permissions or choose another folder",
                errno.EPERM: "check its permissions or choose another folder"}


# --- reading -------------------------------------------------------------------

def read_bytes(path: str | Path, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most *limit* bytes, else :class:`InputError`."""
    path = Path(path)
    limit = READ_LIMIT if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise InputError("no such file", file=path, kind="missing") from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a file", file=path, kind="folder") from exc
    except PermissionError as exc:
        raise InputError("permission denied", file=path, kind="denied",
                         hint="check that you may read it") from exc
    except OSError as exc:
        raise InputError(f"cannot open the file: {exc.strerror or exc}", file=path) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise InputError(f"is {kind}, not a regular file", file=path,
                             kind="folder" if stat.S_ISDIR(mode) else None,
                             hint="give the path of an ordinary file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", file=path) from exc
    finally:
        os.close(fd)
    if size > limit:
        raise InputError(f"the file is larger than {_size(limit)}", file=path, kind="too-large",
                         hint="split it or use only the part you need")
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} kB"


# --- writing -------------------------------------------------------------------

def atomic_write(path: str | Path, data: bytes) -> Path:
    """Write *data* to *path* so that readers see the old file or the new one.

    A failure leaves any existing file untouched and no temporary file behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    _check_target(path, folder)
    _remove_orphans(folder)
    old = _stat(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{_short(path.name)}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write in this folder: {exc.strerror or exc}", file=folder,
                          hint=_WRITE_HINTS.get(exc.errno, "check its permissions or choose "
                                                "another folder")) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is not None:
            _check_replaceable(path)
            _keep_owner_and_mode(tmp, old)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        _sync_folder(folder)
    except OSError as exc:
        raise OutputError(f"cannot write the file: {exc.strerror or exc}", file=path,
                          hint=_WRITE_HINTS.get(exc.errno, "close it in any other program and "
                                                "check permissions")) from exc
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    return path


def make_folder(folder: str | Path) -> Path:
    """Create *folder* and its parents for output, or say in one line why not."""
    folder = Path(folder)
    _check_name(folder)
    _no_file_in_the_way(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder: {exc.strerror or exc}", file=folder,
                          hint=_WRITE_HINTS.get(exc.errno, "choose another folder")) from exc
    return folder


def _check_target(path: Path, folder: Path) -> None:
    """One clear line for targets that can never be written."""
    _check_name(path)
    if not folder.is_dir():
        _no_file_in_the_way(folder)
        raise OutputError("the folder does not exist", file=folder,
                          hint="create it or choose another output path")
    if path.is_dir():
        raise OutputError("is a folder, not a file", file=path, kind="folder")


def _check_name(path: Path) -> None:
    if any(len(os.fsencode(part)) > NAME_MAX for part in path.parts):
        raise OutputError(f"the file name is longer than {NAME_MAX} bytes", file=path,
                          hint="choose a shorter name")


def _no_file_in_the_way(folder: Path) -> None:
    blocker = next((p for p in (folder, *folder.parents)
                    if os.path.lexists(p) and not p.is_dir()), None)
    if blocker is not None:
        raise OutputError("is a file, not a folder", file=blocker,
                          hint="choose an output path in a folder")


def _short(name: str) -> str:
    """*name* cut so that the temporary name ``.NAME.XXXXXXXX.tmp`` fits NAME_MAX."""
    return os.fsencode(name)[: NAME_MAX - 16].decode("utf-8", "ignore") or "out"


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def _keep_owner_and_mode(tmp: str, old: os.stat_result) -> None:
    """Give the new file the old one's permissions and, where allowed, owner and group."""
    if hasattr(os, "chown") and hasattr(os, "geteuid"):
        uid = old.st_uid if os.geteuid() == 0 else -1
        if uid != -1 or old.st_uid == os.geteuid():
            try:
                os.chown(tmp, uid, old.st_gid)
            except PermissionError:   # not a member of the old group: keep ours
                pass
    os.chmod(tmp, stat.S_IMODE(old.st_mode))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):   # some file systems cannot
            raise
    finally:
        os.close(fd)


def _remove_orphans(folder: Path) -> None:
    """Remove ``.NAME.XXXXXXXX.tmp`` files of ours older than ORPHAN_AGE (killed runs)."""
    cutoff = time.time() - ORPHAN_AGE
    me = os.geteuid() if hasattr(os, "geteuid") else None
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not _TEMP_NAME.match(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                info = entry.stat(follow_symlinks=False)
                if info.st_mtime < cutoff and (me is None or info.st_uid == me):
                    os.unlink(entry.path)
    except OSError:   # cleaning up is a courtesy; the write itself reports real problems
        pass


def _check_replaceable(path: Path) -> None:
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o200:
        raise OutputError("the file is read-only", file=path,
                          hint="make it writable or choose another name")
    locks = (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#")
    if any(path.with_name(lock).exists() for lock in locks):
        raise OutputError("the file is open in a word processor", file=path,
                          hint="close it there, then export again")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

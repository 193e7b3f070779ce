"""Content-addressed blobs: bytes are named by their sha256, never by a sender's name.

Two homes: a directory under data_dir (the default; one machine, or a directory every machine
mounts), or the database's `blob` table (`[storage] blobs = "database"`), which every machine that
reaches the database reads. Reading looks in the directory first and then, when the store has an
engine, in the table, so a store opened from the database alone (a reply being composed on any
machine) finds bytes wherever they were written.

Bytes stored together with the rows that name them (`put_with_rows`, a recorded message) go into the
table in the rows' own transaction when they are small (INLINE_BYTES), whatever the home: the commit
makes bytes and rows durable together.

Mail is personal data: folders are created 0700 and blobs 0600 (mkstemp's mode), whatever the umask.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import Column, Connection, Engine, LargeBinary, MetaData, String, Table, select

from storage.db import upsert

_SHA256 = re.compile(r"[0-9a-f]{64}")
WRITERS = 8  # threads fsyncing blobs side by side where there is no syncfs
# A blob up to this size stored with its rows goes into their transaction: one row in the database's
# write, where a file costs a create, a rename and two file-system syncs per batch (most of what recording
# a batch of small messages cost). SQLite measures blobs under about 100 KB as faster in a table than
# in files; a text-only message is a few KB, a scan in an attachment is larger and stays a file.
INLINE_BYTES = 128 * 1024

BLOB = Table("blob", MetaData(), Column("sha256", String(64), primary_key=True),
             Column("data", LargeBinary, nullable=False))


class BlobStore:
    def __init__(self, root: Path, engine: Engine | None = None, *, in_database: bool = False) -> None:
        """`root` the directory; `engine` the database to read (and, with `in_database`, to write) blobs in."""
        if in_database and engine is None:
            raise ValueError("blobs in the database need its engine")
        self.root, self.engine, self.in_database = root, engine, in_database

    def path(self, sha256: str) -> Path:
        """Where a blob is stored: one folder level (`ab/abcd…`), so with the 256 folders made by
        `prepare` a new blob costs one new file and no new folder."""
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def _stored_path(self, sha256: str) -> Path | None:
        """The blob's file, here or where stores before the one-level layout put it (`ab/cd/abcd…`)."""
        path = self.path(sha256)
        for candidate in (path, path.parent / sha256[2:4] / sha256):
            if candidate.exists():
                return candidate
        return None

    def prepare(self) -> None:
        """Make the root and its 256 folders (`intake init`), so that storing blobs makes no folder."""
        if self.in_database:
            return
        private_dirs(self.root, self.root)
        for n in range(256):
            private_dirs(self.root / f"{n:02x}", self.root)

    def put(self, data: bytes) -> str:
        """Store bytes once; durable when this returns, and a crash mid-write leaves no partial blob."""
        sha = hashlib.sha256(data).hexdigest()
        if self.in_database:
            self._insert(sha, data)
        else:
            self._write(sha, data)
        return sha

    def put_many(self, datas: Sequence[bytes]) -> list[str]:
        """Store many byte strings at once, each durable when this returns; their sha256s, in order.

        On Linux the files are written, one syncfs(2) makes them durable, they are renamed into
        place and a second syncfs makes the renames durable: two journal commits for the batch
        instead of two fsyncs per blob, which is most of what recording a FETCH batch cost. A blob
        only ever appears under its name with every byte on disk, so a crash in between leaves
        temporary files and no partial blob. Raises OSError (disk full, read-only, a writeback
        error reported by syncfs); then some of the blobs may be stored and none is named by a row yet.
        """
        if self.in_database or _SYNCFS is None or len(datas) == 1:
            with ThreadPoolExecutor(max_workers=WRITERS) as pool:
                return list(pool.map(self.put, datas))  # list(): re-raise the first failure here
        self.root.mkdir(parents=True, exist_ok=True)
        # opened before writing: syncfs reports a writeback error that happened since this open
        root = os.open(self.root, os.O_RDONLY)
        try:
            shas = [hashlib.sha256(data).hexdigest() for data in datas]
            new = {self.path(sha): data for sha, data in zip(shas, datas, strict=True)
                   if self._stored_path(sha) is None}
            written: dict[Path, Path] = {}  # final name → its temporary file
            try:
                for target, data in new.items():
                    written[target] = _unsynced_copy(target, self.root, data)
                _syncfs(root)
            except BaseException:
                for tmp in written.values():
                    tmp.unlink(missing_ok=True)
                raise
            for target, tmp in written.items():
                os.replace(tmp, target)
            _syncfs(root)
            return shas
        finally:
            os.close(root)

    def put_with_rows(self, connection: Connection, datas: Sequence[bytes]) -> list[str]:
        """Store the bytes that rows the caller is inserting on `connection` name; their sha256s, in order.

        `connection` is in a transaction. When it is on this store's engine, the bytes that go to the
        table (all of them with `in_database`, else those of at most INLINE_BYTES) are inserted there:
        durable with the rows at the caller's commit, gone with them at a rollback, so no row can name
        bytes that are not stored. The others are stored by `put_many`, durable when this returns.
        Raises the database's errors, and OSError as put_many does.
        """
        shas = [hashlib.sha256(data).hexdigest() for data in datas]
        same_database = self.engine is not None and connection.engine is self.engine
        inline = {sha: data for sha, data in zip(shas, datas, strict=True)
                  if same_database and (self.in_database or len(data) <= INLINE_BYTES)}
        if inline:
            _insert_new(connection, [{"sha256": sha, "data": data} for sha, data in inline.items()])
        if len(inline) < len(datas):
            self.put_many([data for sha, data in zip(shas, datas, strict=True) if sha not in inline])
        return shas

    def get(self, sha256: str) -> bytes:
        """The bytes; FileNotFoundError when neither home has them."""
        path = self._stored_path(sha256)
        if path is not None or self.engine is None:
            return (path or self.path(sha256)).read_bytes()
        with self.engine.connect() as connection:
            data = connection.execute(select(BLOB.c.data).where(BLOB.c.sha256 == sha256)).scalar()
        if data is None:
            raise FileNotFoundError(f"no blob {sha256}")
        return bytes(data)

    def exists(self, sha256: str) -> bool:
        if self._stored_path(sha256) is not None:
            return True
        if self.engine is None:
            return False
        with self.engine.connect() as connection:
            return connection.execute(select(BLOB.c.sha256).where(BLOB.c.sha256 == sha256)).first() is not None

    def _insert(self, sha: str, data: bytes) -> None:
        """One committed row (the database's own commit makes it durable); a blob already there is kept."""
        assert self.engine is not None
        with self.engine.begin() as connection:
            _insert_new(connection, [{"sha256": sha, "data": data}])

    def _write(self, sha: str, data: bytes) -> None:
        """Write, fsync, rename, fsync the directory."""
        if self._stored_path(sha) is not None:
            return
        target = self.path(sha)
        fd, tmp = _temporary_beside(target, self.root)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
            _fsync_directory(target.parent)  # the rename itself must survive a power cut
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _insert_new(connection: Connection, rows: list[dict[str, object]]) -> None:
    """Insert blob rows ({sha256, data}) on `connection`, keeping any already there (stored earlier, or by
    another process meanwhile: same name, same bytes) instead of failing the transaction."""
    connection.execute(upsert(connection.dialect.name, BLOB, ("sha256",), ()), rows)


def private_dirs(path: Path, top: Path) -> None:
    """Create `path` with mode 0700 for every folder made from `top` down (mkdir's mode obeys the umask)."""
    missing: list[Path] = []
    folder = path
    # up from `path` to the first folder that exists: one stat when it is there already, as it is for
    # most blobs, and no mkdir of folders that exist (each one takes the parent's lock)
    while not folder.is_dir() and (folder == top or top in folder.parents):
        missing.append(folder)
        folder = folder.parent
    if top in missing:
        top.parent.mkdir(parents=True, exist_ok=True)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)


def _temporary_beside(target: Path, top: Path) -> tuple[int, str]:
    """A new temporary file in `target`'s folder, made (from `top` down) only when missing: (fd, path)."""
    try:
        return tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    except FileNotFoundError:  # a store `intake init` has not prepared (or the older layout's)
        private_dirs(target.parent, top)
        return tempfile.mkstemp(dir=target.parent, prefix=".tmp-")


def _unsynced_copy(target: Path, top: Path, data: bytes) -> Path:
    """A temporary file beside `target` holding `data`, not yet synced; its path."""
    fd, tmp = _temporary_beside(target, top)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _load_syncfs() -> Callable[[int], int] | None:
    """libc's syncfs(2) (Linux), or None: the caller fsyncs file by file instead."""
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (AttributeError, OSError):
        return None
    function.argtypes, function.restype = [ctypes.c_int], ctypes.c_int
    return function


_SYNCFS = _load_syncfs()


def _syncfs(fd: int) -> None:
    """Flush the whole file system holding `fd` (data and metadata); OSError when it reports a failure."""
    assert _SYNCFS is not None
    if _SYNCFS(fd) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))


def _fsync_directory(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

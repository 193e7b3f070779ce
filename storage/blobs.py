"""Content-addressed blob store under data_dir: bytes are named by their sha256, never by a sender's name.

Mail is personal data: folders are created 0700 and blobs 0600 (mkstemp's mode), whatever the umask.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        """Store bytes once; a crash mid-write leaves no partial blob (write, fsync, rename)."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.exists():
            return sha
        private_dirs(target.parent, self.root)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
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
        return sha

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()


def private_dirs(path: Path, top: Path) -> None:
    """Create `path` with mode 0700 for every folder made from `top` down (mkdir's mode obeys the umask)."""
    top.parent.mkdir(parents=True, exist_ok=True)
    for folder in reversed([path, *path.parents]):
        if (folder == top or top in folder.parents) and not folder.exists():
            folder.mkdir(mode=0o700, exist_ok=True)
            folder.chmod(0o700)


def _fsync_directory(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

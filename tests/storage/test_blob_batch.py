"""BlobStore.put_many: a batch of blobs durable at once (syncfs on Linux, fsync per file elsewhere),
each under its name only with all of its bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

import storage.blobs
from storage.blobs import BlobStore

DATAS = [b"one", b"two", b"one", b"three"]  # a copy in the same batch is stored once


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("syncfs", [True, False], ids=["syncfs", "fsync-per-file"])
def test_put_many_stores_each_blob_as_put_does(tmp_path, monkeypatch, syncfs):
    if not syncfs:
        monkeypatch.setattr(storage.blobs, "_SYNCFS", None)
    elif storage.blobs._SYNCFS is None:
        pytest.skip("no syncfs here")
    store = BlobStore(tmp_path / "blobs")
    shas = store.put_many(DATAS)
    assert shas == [BlobStore(tmp_path / "other").put(data) for data in DATAS]
    assert [store.get(sha) for sha in shas] == DATAS
    assert len(_files(tmp_path / "blobs")) == 3  # no temporary file left
    assert store.put_many(DATAS) == shas  # stored already: nothing new


def test_a_failed_write_leaves_no_blob_and_no_temporary_file(tmp_path, monkeypatch):
    if storage.blobs._SYNCFS is None:
        pytest.skip("no syncfs here")
    copies: list[Path] = []
    copy = storage.blobs._unsynced_copy

    def third_fails(target: Path, top: Path, data: bytes) -> Path:
        if data == b"c":
            raise OSError(28, "No space left on device")
        copies.append(copy(target, top, data))
        return copies[-1]

    monkeypatch.setattr(storage.blobs, "_unsynced_copy", third_fails)
    store = BlobStore(tmp_path / "blobs")
    with pytest.raises(OSError, match="No space"):
        store.put_many([b"a", b"b", b"c"])
    assert len(copies) == 2
    assert _files(tmp_path / "blobs") == []  # neither under its name nor as a temporary file

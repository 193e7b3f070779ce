"""The blob directory's layout: one folder level made by `intake init`; blobs of the older two-level layout still read."""

from __future__ import annotations

import hashlib

from storage.blobs import BlobStore


def test_prepare_makes_256_private_folders_and_storing_then_makes_none(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    store.prepare()
    folders = sorted(p for p in (tmp_path / "blobs").iterdir())
    assert len(folders) == 256 and all(p.stat().st_mode & 0o777 == 0o700 for p in folders)
    shas = store.put_many([b"one", b"two", b"three"])
    assert sorted(p for p in (tmp_path / "blobs").rglob("*") if p.is_dir()) == folders
    assert [store.path(sha) for sha in shas] == [tmp_path / "blobs" / sha[:2] / sha for sha in shas]


def test_a_blob_of_the_two_level_layout_is_read_and_not_stored_again(tmp_path):
    data = "申请表".encode()
    sha = hashlib.sha256(data).hexdigest()
    old = tmp_path / "blobs" / sha[:2] / sha[2:4] / sha
    old.parent.mkdir(parents=True)
    old.write_bytes(data)
    store = BlobStore(tmp_path / "blobs")
    assert store.exists(sha) and store.get(sha) == data
    assert store.put_many([data, b"other"])[0] == sha and store.put(data) == sha
    assert not store.path(sha).exists()  # the old file is the one copy

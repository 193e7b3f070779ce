"""Blobs in the database (`[storage] blobs = "database"`): stored once, read by a store with no directory."""

from __future__ import annotations

import hashlib

import pytest

from intake.service import Service
from storage.blobs import BlobStore


def test_database_blobs_are_stored_once_and_read_from_any_directory(service: Service, tmp_path) -> None:
    writer = BlobStore(tmp_path / "machine-a", service.db, in_database=True)
    data = "申请表".encode() * 1000
    sha = writer.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert writer.put(data) == sha  # the same bytes again: nothing new
    assert not (tmp_path / "machine-a").exists()  # nothing on this machine's disk
    reader = BlobStore(tmp_path / "machine-b", service.db)  # another machine, reading only
    assert reader.exists(sha) and reader.get(sha) == data
    missing = hashlib.sha256(b"never stored").hexdigest()
    assert not reader.exists(missing)
    with pytest.raises(FileNotFoundError):
        reader.get(missing)

"""BlobStore.put_with_rows: small bytes go into the rows' own transaction (durable with them, gone with a
rollback); larger ones are files, durable before the rows commit; every one is read back by `get`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import func, select

from intake.service import Service
from storage.blobs import BLOB, INLINE_BYTES, BlobStore
from storage.db import make_engine

SMALL = "申请表".encode() * 100
LARGE = b"x" * (INLINE_BYTES + 1)


def _in_table(service: Service) -> int:
    with service.db.connect() as connection:
        return connection.execute(select(func.count()).select_from(BLOB)).scalar_one()


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_small_bytes_commit_with_the_rows_and_large_ones_are_files_before(service: Service) -> None:
    store = service.blobs
    with service.db.begin() as connection:
        small, large = store.put_with_rows(connection, [SMALL, LARGE])
        assert _files(store.root) == [store.path(large)]  # the large one is stored before the commit
        assert _in_table(service) == 0  # the small one commits with the rows
    assert (small, large) == (hashlib.sha256(SMALL).hexdigest(), hashlib.sha256(LARGE).hexdigest())
    assert _in_table(service) == 1 and store.get(small) == SMALL and store.get(large) == LARGE
    assert store.exists(small) and store.exists(large)


def test_a_rollback_takes_the_small_bytes_with_the_rows(service: Service) -> None:
    connection = service.db.connect()
    transaction = connection.begin()
    (sha,) = service.blobs.put_with_rows(connection, [SMALL])
    transaction.rollback()
    connection.close()
    assert not service.blobs.exists(sha)


def test_bytes_stored_before_are_kept_and_do_not_fail_the_transaction(service: Service) -> None:
    earlier = BlobStore(service.blobs.root, service.db, in_database=True)
    sha = earlier.put(SMALL)  # e.g. an attempt whose rows never committed
    with service.db.begin() as connection:
        assert service.blobs.put_with_rows(connection, [SMALL, SMALL]) == [sha, sha]
    assert _in_table(service) == 1 and service.blobs.get(sha) == SMALL


def test_a_store_in_the_database_puts_large_bytes_in_the_transaction_too(service: Service) -> None:
    store = BlobStore(service.blobs.root, service.db, in_database=True)
    with service.db.begin() as connection:
        (sha,) = store.put_with_rows(connection, [LARGE])
    assert _in_table(service) == 1 and store.get(sha) == LARGE and _files(store.root) == []


def test_rows_in_another_database_get_files(service: Service, tmp_path: Path) -> None:
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with other.begin() as connection:
        (sha,) = service.blobs.put_with_rows(connection, [SMALL])
    assert _files(service.blobs.root) == [service.blobs.path(sha)] and _in_table(service) == 0


def test_commits_are_synced(service: Service):
    """Bytes stored with their rows are durable at the commit only if the commit waits for the disk."""
    with service.db.connect() as connection:
        if service.db.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        else:  # the server's setting, which the product leaves as it is: on unless an admin turned it off
            assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() != "off"

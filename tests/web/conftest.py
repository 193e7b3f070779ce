"""Web fixtures: a service on SQLite (or both databases via `service`), seeded rows, logged-in clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from intake.config import load_config
from intake.service import Service
from tests.web.fixtures import PASSWORD, Seeded, seed
from workflow.web.app import create_app

HOLD = "\n[replies]\nhold = true\n"


@pytest.fixture
def sqlite_service(write_config: Callable[..., Path]) -> Service:
    svc = Service(load_config(write_config(extra=HOLD)))
    svc.init()
    return svc


@pytest.fixture
def seeded(sqlite_service: Service) -> Seeded:
    return seed(sqlite_service)


@pytest.fixture
def app(sqlite_service: Service, seeded: Seeded):  # type: ignore[no-untyped-def]
    return create_app(sqlite_service)


@pytest.fixture
def anonymous(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, follow_redirects=False) as client:
        yield client


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log the client in and return its CSRF token."""
    response = client.post("/login", data={"username": name, "password": password})
    assert response.status_code == 303, response.text
    return client.get("/api/me").json()["csrf_token"]


@pytest.fixture
def login(app) -> Iterator[Callable[[str], tuple[TestClient, str]]]:  # type: ignore[no-untyped-def]
    clients: list[TestClient] = []

    def make(name: str) -> tuple[TestClient, str]:
        client = TestClient(app, follow_redirects=False)
        client.__enter__()
        clients.append(client)
        return client, log_in(client, name)

    yield make
    for client in clients:
        client.__exit__(None, None, None)

"""The gate: anonymous callers reach only the public routes; everything else is 401 or 303 first."""

from __future__ import annotations

import re

import pytest
from starlette.routing import Mount

from tests.web.fixtures import PASSWORD, Seeded

PUBLIC_PATHS = {"/login", "/logout", "/health", "/docs", "/redoc", "/openapi.json"}


def concrete(path: str, seeded: Seeded) -> str:
    values = {
        "request_id": seeded.nanjing,
        "change_id": seeded.change,
        "page_id": 1,
        "document_id": 1,
        "reply_id": 1,
        "sha256": seeded.seal_crop,
    }
    return re.sub(r"\{(\w+)(:\w+)?\}", lambda m: str(values.get(m.group(1), "1")), path)


def all_routes(app) -> list[tuple[str, set[str]]]:  # type: ignore[no-untyped-def]
    """(path, methods) of every route, through included routers."""
    found = []
    for route in app.routes:
        router = getattr(route, "original_router", None)
        if router is not None:
            found += [(r.path, set(r.methods or ())) for r in router.routes]
        elif not isinstance(route, Mount):
            found.append((route.path, set(route.methods or ())))
    return found


def private_routes(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [
        (method, path)
        for path, methods in all_routes(app)
        if path not in PUBLIC_PATHS
        for method in sorted(methods - {"HEAD"})
    ]


def test_every_private_route_denies_an_anonymous_caller(app, anonymous, seeded) -> None:
    routes = private_routes(app)
    assert len(routes) >= 20
    for method, path in routes:
        for url in (concrete(path, seeded), re.sub(r"\{[^}]+\}", "not-a-number", path)):
            response = anonymous.request(method, url, data={"x": "1"})
            if path.startswith("/api/"):
                assert response.status_code == 401, (method, url, response.status_code)
                assert "detail" in response.json()
            else:
                assert response.status_code == 303, (method, url, response.status_code)
                assert response.headers["location"].split("?")[0] == "/login"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "POST", "GET"])
def test_unknown_paths_deny_before_404(anonymous, method: str) -> None:
    assert anonymous.request(method, "/api/nope").status_code == 401
    assert anonymous.request(method, "/nope/../x").status_code == 303


def test_log_in_returns_to_the_page_asked_for(anonymous, seeded) -> None:
    deep = f"/requests/{seeded.lyg}?from=queue"
    asked = anonymous.get(deep)
    assert asked.headers["location"] == "/login?next=%2Frequests%2F" + f"{seeded.lyg}%3Ffrom%3Dqueue"
    logged = anonymous.post("/login", data={"username": "sheng", "password": PASSWORD, "next": deep})
    assert logged.headers["location"] == deep
    elsewhere = anonymous.post("/login", data={"username": "sheng", "password": PASSWORD,
                                                "next": "//evil.example/x"})
    assert elsewhere.headers["location"] == "/"


def test_public_routes_answer_anonymously(anonymous) -> None:
    assert anonymous.get("/health").json() == {"status": "ok"}
    assert anonymous.get("/login").status_code == 200
    assert anonymous.get("/docs").status_code == 200
    assert anonymous.get("/redoc").status_code == 200
    assert anonymous.get("/static/style.css").status_code == 200
    assert anonymous.get("/logout").status_code == 303


def test_openapi_lists_every_api_operation_with_full_paths(anonymous) -> None:
    paths = anonymous.get("/openapi.json").json()["paths"]
    expected = {
        ("/api/requests", "get"),
        ("/api/requests/{request_id}", "get"),
        ("/api/requests/{request_id}/approve", "post"),
        ("/api/requests/{request_id}/reject", "post"),
        ("/api/requests/{request_id}/return", "post"),
        ("/api/requests/{request_id}/changes/{change_id}", "post"),
        ("/api/replies", "get"),
        ("/api/replies/send", "post"),
    }
    listed = {(path, method) for path, item in paths.items() for method in item}
    assert expected <= listed
    assert all(path.startswith("/api/") for path in paths)


def test_secure_headers_on_every_answer(anonymous) -> None:
    for url in ("/login", "/health", "/", "/api/requests"):
        headers = anonymous.get(url).headers
        assert headers["content-security-policy"].startswith("default-src 'self'")
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_post_without_csrf_token_is_refused(login, seeded) -> None:
    client, token = login("nanjing")
    url = f"/requests/{seeded.nanjing}/decision"
    assert client.post(url, data={"action": "return", "comment": "x"}).status_code == 403
    assert (
        client.post(url, data={"action": "return", "comment": "x", "csrf_token": "forged"}).status_code == 403
    )
    api = f"/api/requests/{seeded.nanjing}/return"
    assert client.post(api, json={"comment": "x"}).status_code == 403
    assert client.post(api, json={"comment": "x"}, headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert client.get(f"/api/requests/{seeded.nanjing}").json()["status"] == "ready"
    assert client.post(url, data={"action": "return", "comment": "x", "csrf_token": token}).status_code == 303


def test_tampered_session_cookie_is_no_session(anonymous, login) -> None:
    client, _ = login("sheng")
    cookie = client.cookies.get("intake_session")
    anonymous.cookies.set("intake_session", cookie[:-2] + "xx")
    assert anonymous.get("/api/requests").status_code == 401


def test_route_walk_sees_pages_and_api(app) -> None:
    paths = {path for path, _ in all_routes(app)}
    assert {"/", "/requests/{request_id}", "/api/requests", "/api/replies/send", "/dashboard"} <= paths


def test_a_stale_form_gives_back_what_was_typed_and_does_nothing(login, seeded) -> None:
    client, token = login("nanjing")
    url = f"/requests/{seeded.nanjing}/decision"
    typed = "请补充<b>盖章</b>页"
    response = client.post(url, data={"action": "return", "comment": typed, "csrf_token": "from-an-old-login"})
    assert response.status_code == 403 and "页面已过期，未提交" in response.text
    assert "请补充&lt;b&gt;盖章&lt;/b&gt;页" in response.text and f'href="/requests/{seeded.nanjing}"' in response.text
    assert client.get(f"/api/requests/{seeded.nanjing}").json()["status"] == "ready"

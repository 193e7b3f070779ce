"""Nobody sees or acts on a request outside their scope, in the UI or the API (404 alike)."""

from __future__ import annotations

import re

import pytest

from tests.web.test_gate import all_routes, concrete

VISIBLE = {
    "nanjing": {"nanjing"},
    "lyg": {"lyg"},
    "nonglin": {"nanjing"},
    "tujian": {"lyg"},
    "sheng": {"nanjing", "lyg", "unrelated"},
    "admin": {"nanjing", "lyg", "unrelated"},
}


@pytest.mark.parametrize("name", sorted(VISIBLE))
def test_queue_and_api_list_only_the_users_scope(login, seeded, name: str) -> None:
    client, _ = login(name)
    ids = {getattr(seeded, key) for key in VISIBLE[name]}
    listed = {row["id"] for row in client.get("/api/requests").json()}
    assert listed == ids
    page = client.get("/?view=all").text + client.get("/?view=unrelated").text
    shown = {int(n) for n in re.findall(r'href="/requests/(\d+)"', page)}
    assert shown == ids


def request_routes(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [
        (method, path)
        for path, methods in all_routes(app)
        if "{request_id}" in path
        for method in sorted(methods - {"HEAD"})
    ]


@pytest.mark.parametrize("name", ["lyg", "tujian"])
def test_every_request_route_is_404_outside_the_scope(app, login, seeded, name: str) -> None:
    client, token = login(name)
    routes = request_routes(app)
    assert len(routes) >= 10
    for method, path in routes:
        url = concrete(path, seeded)
        if method == "GET":
            response = client.get(url)
        elif path.startswith("/api/"):
            response = client.post(url, json={"comment": "x"}, headers={"X-CSRF-Token": token})
        else:
            response = client.post(url, data={"csrf_token": token, "action": "approve", "comment": "x"})
        assert response.status_code == 404, (method, url, response.status_code)
    assert client.get(f"/api/requests/{seeded.nanjing}").status_code == 404
    assert client.get(f"/api/requests/{seeded.unrelated}").status_code == 404


def test_out_of_scope_and_missing_ids_look_the_same(login, seeded) -> None:
    client, _ = login("lyg")
    assert client.get(f"/requests/{seeded.nanjing}").status_code == 404
    assert client.get("/requests/99999").status_code == 404


def test_group_reviewer_cannot_act_before_the_city(login, seeded) -> None:
    client, token = login("nonglin")
    response = client.post(
        f"/api/requests/{seeded.nanjing}/approve", json={"comment": ""}, headers={"X-CSRF-Token": token}
    )
    assert response.status_code == 409
    assert "无权" in response.json()["detail"]


def test_export_and_dashboard_stay_in_scope(login, seeded) -> None:
    import io

    from openpyxl import load_workbook

    client, _ = login("lyg")
    book = load_workbook(io.BytesIO(client.get("/export/requests.xlsx?view=all").content))
    ids = [row[0] for row in book["调整事项"].iter_rows(min_row=2, values_only=True)]
    assert ids == [seeded.lyg]
    events = {row[0] for row in book["审核记录"].iter_rows(min_row=2, values_only=True)}
    assert events == {seeded.lyg}
    assert "共 1 件申请" in client.get("/dashboard").text

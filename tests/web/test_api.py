"""The JSON API: the views contract, decisions by stage, corrections, replies."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import log_in
from tests.web.fixtures import seed
from workflow.web.app import create_app


def test_review_chain_through_the_api_on_both_databases(service) -> None:
    seeded = seed(service)
    with TestClient(create_app(service), follow_redirects=False) as client:

        def act(user: str, action: str, comment: str = "") -> dict:
            client.cookies.clear()
            token = log_in(client, user)
            response = client.post(
                f"/api/requests/{seeded.nanjing}/{action}",
                json={"comment": comment},
                headers={"X-CSRF-Token": token},
            )
            assert response.status_code == 200, response.text
            return response.json()

        assert act("nanjing", "approve")["stage"] == "group"
        assert act("nonglin", "approve")["stage"] == "province"
        assert act("sheng", "approve", "同意")["status"] == "approved"
        record = client.get(f"/api/requests/{seeded.nanjing}").json()
        assert record["message_id"] == "<n1@example.cn>" and record["school"] == "南京市莫愁中等专业学校"
        replies = client.get("/api/replies").json()
        assert [r["request_id"] for r in replies] == [seeded.nanjing]


def test_correct_a_change_through_the_api(login, seeded) -> None:
    client, token = login("lyg")
    url = f"/api/requests/{seeded.lyg}/changes/1"
    assert client.post(url, json={"to": "高级"}, headers={"X-CSRF-Token": token}).status_code == 404
    change_id = 2
    response = client.post(
        f"/api/requests/{seeded.lyg}/changes/{change_id}",
        json={"to": "高级"},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert response.json()["changes"][0]["to"] == "高级"


def test_return_then_no_more_decisions(login, seeded) -> None:
    client, token = login("lyg")
    headers = {"X-CSRF-Token": token}
    assert (
        client.post(
            f"/api/requests/{seeded.lyg}/return", json={"comment": "请补盖公章"}, headers=headers
        ).json()["status"]
        == "returned"
    )
    again = client.post(f"/api/requests/{seeded.lyg}/approve", json={"comment": "x"}, headers=headers)
    assert again.status_code == 409


def test_only_the_province_rejects_and_sends(login, seeded) -> None:
    client, token = login("nanjing")
    headers = {"X-CSRF-Token": token}
    assert (
        client.post(
            f"/api/requests/{seeded.nanjing}/reject", json={"comment": "x"}, headers=headers
        ).status_code
        == 409
    )
    assert client.post("/api/replies/send", json={}, headers=headers).status_code == 403


def test_release_a_held_reply_from_the_request_page(login, seeded) -> None:
    city, city_token = login("lyg")
    city.post(
        f"/requests/{seeded.lyg}/decision",
        data={"action": "return", "comment": "请补盖公章", "csrf_token": city_token},
    )
    province, token = login("sheng")
    reply_id = province.get("/api/replies").json()[0]["id"]
    page = province.get(f"/requests/{seeded.lyg}").text
    assert "暂存待发" in page and f"/replies/{reply_id}/release" in page
    response = province.post(
        f"/requests/{seeded.lyg}/replies/{reply_id}/release",
        data={
            "subject": "回复：已退回\r\nBcc: x@evil",
            "body_text": "请补盖公章后重新发送。",
            "csrf_token": token,
        },
    )
    assert response.status_code == 303
    reply = province.get("/api/replies").json()[0]
    assert reply["state"] != "held" and "\n" not in reply["subject"]


def test_send_replies_returns_the_delivery_report(login, seeded) -> None:
    city, city_token = login("lyg")
    city.post(f"/requests/{seeded.lyg}/decision",
              data={"action": "return", "comment": "请补盖公章", "csrf_token": city_token})
    province, token = login("sheng")
    reply_id = province.get("/api/replies").json()[0]["id"]
    province.post(f"/requests/{seeded.lyg}/replies/{reply_id}/release", data={"csrf_token": token})
    # these tests configure neither SMTP nor IMAP: the draft cannot be stored, so the send fails
    response = province.post("/api/replies/send", json={}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    report = response.json()
    assert (report["sent"], report["failed"], report["uncertain"]) == ([], [reply_id], [])
    assert report["waiting"] == {"held": 0, "uncertain": 0, "failed": 1}
    assert report["summary"].startswith("已发送 0 封，失败 1 封")
    again = province.post("/api/replies/send", json={"resend": reply_id + 1}, headers={"X-CSRF-Token": token})
    assert again.status_code == 404

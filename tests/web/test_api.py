"""The JSON API: the views contract, decisions by stage, corrections, replies."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storage.db import session_scope
from storage.models import Reply
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


def test_release_a_held_reply_from_the_replies_page(login, seeded) -> None:
    city, city_token = login("lyg")
    city.post(
        f"/requests/{seeded.lyg}/decision",
        data={"action": "return", "comment": "请补盖公章", "csrf_token": city_token},
    )
    province, token = login("sheng")
    reply_id = province.get("/api/replies").json()[0]["id"]
    assert "暂存待发" in province.get(f"/requests/{seeded.lyg}").text
    page = province.get("/replies").text
    assert "1 封需要处理" in page and f"/replies/{reply_id}/release" in page
    assert city.get("/replies").text.count("确认并发送") == 0  # a city reviewer sees it, cannot send it
    response = province.post(
        f"/replies/{reply_id}/release",
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
    province.post(f"/replies/{reply_id}/release", data={"csrf_token": token})
    # these tests configure neither SMTP nor IMAP: the draft cannot be stored, so the send fails
    response = province.post("/api/replies/send", json={}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    report = response.json()
    assert (report["sent"], report["failed"], report["uncertain"]) == ([], [reply_id], [])
    assert report["waiting"] == {"held": 0, "uncertain": 0, "failed": 1}
    assert report["summary"].startswith("已发送 0 封，失败 1 封")
    again = province.post("/api/replies/send", json={"resend": reply_id + 1}, headers={"X-CSRF-Token": token})
    assert again.status_code == 404
    page = province.get("/replies").text
    assert "发送失败" in page and f'action="/replies/{reply_id}/send"' in page and "立即重试" in page
    attempts = province.get("/api/replies").json()[0]["attempts"]
    retried = province.post(f"/replies/{reply_id}/send", data={"csrf_token": token})
    assert retried.status_code == 303
    assert province.get("/api/replies").json()[0]["attempts"] == attempts + 1


def test_a_correction_at_a_stage_not_yours_is_refused_and_changes_nothing(login, seeded) -> None:
    city, token = login("nanjing")
    headers = {"X-CSRF-Token": token}
    assert city.post(f"/api/requests/{seeded.nanjing}/approve", json={}, headers=headers).json()["stage"] == "group"
    before = city.get(f"/api/requests/{seeded.nanjing}").json()
    url = f"/api/requests/{seeded.nanjing}/changes/{seeded.change}"
    refused = city.post(url, json={"to": 999, "comment": "改晚了"}, headers=headers)
    assert refused.status_code == 403 and "不是当前阶段（协作组审核）的审核人员" in refused.json()["detail"]
    assert city.get(f"/api/requests/{seeded.nanjing}").json() == before
    group, group_token = login("nonglin")
    allowed = group.post(url, json={"to": 120}, headers={"X-CSRF-Token": group_token})
    assert allowed.status_code == 200 and allowed.json()["changes"][0]["to"] == 120


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"to": -5}, "调整后的人数须为 1 至 10000 之间的整数"),
        ({"to": 1_000_000}, "调整后的人数须为 1 至 10000 之间的整数"),
        ({"to": "很多"}, "调整后的人数须为 1 至 10000 之间的整数"),
        ({"to": None}, "调整后的值不能为空"),
        ({"level": "特级"}, "等级只能是初级、中级、高级"),
        ({"certificate": " "}, "证书名称不能为空"),
        ({"field": "level", "from": "中级", "to": "特级"}, "调整后的等级只能是初级、中级、高级"),
        ({"field": "colour"}, "调整事项只能是考核等级、考核专业、人数规模"),
    ],
)
def test_out_of_range_correction_values_are_refused_in_chinese(login, seeded, values, message) -> None:
    client, token = login("nanjing")
    url = f"/api/requests/{seeded.nanjing}/changes/{seeded.change}"
    before = client.get(f"/api/requests/{seeded.nanjing}").json()
    refused = client.post(url, json=values, headers={"X-CSRF-Token": token})
    assert refused.status_code == 422 and refused.json()["detail"] == message
    assert client.get(f"/api/requests/{seeded.nanjing}").json() == before


def test_a_return_without_a_reason_is_refused_when_the_checks_found_nothing(login, seeded) -> None:
    city, token = login("nanjing")
    headers = {"X-CSRF-Token": token}
    refused = city.post(f"/api/requests/{seeded.nanjing}/return", json={"comment": " "}, headers=headers)
    assert refused.status_code == 409 and "须写明理由" in refused.json()["detail"]
    assert city.get(f"/api/requests/{seeded.nanjing}").json()["status"] == "ready"
    lyg, lyg_token = login("lyg")  # flagged: its problems are the reason
    returned = lyg.post(f"/api/requests/{seeded.lyg}/return", json={}, headers={"X-CSRF-Token": lyg_token})
    assert returned.json()["status"] == "returned"


def test_an_uncertain_reply_is_sent_again_only_when_the_officer_confirms(login, seeded, sqlite_service) -> None:
    city, city_token = login("lyg")
    city.post(f"/requests/{seeded.lyg}/decision",
              data={"action": "return", "comment": "请补盖公章", "csrf_token": city_token})
    province, token = login("sheng")
    reply_id = province.get("/api/replies").json()[0]["id"]
    with session_scope(sqlite_service.db) as session:
        reply = session.get(Reply, reply_id)
        reply.state = "uncertain"
        session.add(reply)
    assert "重发" in province.get("/replies").text
    refused = province.post(f"/replies/{reply_id}/send", data={"csrf_token": token})
    assert refused.status_code == 409 and "已核对，学校未收到" in refused.text
    assert province.get("/api/replies").json()[0]["state"] == "uncertain"
    confirmed = province.post(f"/replies/{reply_id}/send", data={"csrf_token": token, "checked": "yes"})
    assert confirmed.status_code == 303
    assert province.get("/api/replies").json()[0]["state"] == "failed"  # tried again: no mailbox here

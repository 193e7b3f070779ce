"""The pages: queue, request page and evidence, safe rendering and downloads, forms, dashboard."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from tests.web.fixtures import EVIL_SUBJECT


def test_queue_opens_on_my_turn_and_keeps_its_filters_in_the_url(login, seeded) -> None:
    city, _ = login("nanjing")
    mine = city.get("/").text
    assert "待我审核 <b>1</b>" in mine and f'href="/requests/{seeded.nanjing}"' in mine
    assert "审核时间 3月21日至25日" in mine  # the notice's period for 设区市 and 协作组
    request_page = city.get(f"/requests/{seeded.nanjing}").text
    assert "设区市审核<span class=\"period\">（审核时间 3月21日至25日）" in request_page
    client, _ = login("sheng")
    province_queue = client.get("/").text
    assert "目前没有等待您审核的申请" in province_queue and "审核时间 3月26日至31日" in province_queue
    page = client.get("/?view=all").text
    assert "待审核 1" in page and "有问题 1" in page and "无关邮件 <b>1</b>" in page
    flagged = client.get("/?view=all&status=flagged").text
    assert f'href="/requests/{seeded.lyg}"' in flagged and f'href="/requests/{seeded.nanjing}"' not in flagged
    no_seal = client.get("/?view=all&problem=no_seal").text
    assert f'href="/requests/{seeded.lyg}"' in no_seal and "<option value=\"no_seal\" selected>无公章</option>" in no_seal
    assert f'href="/requests/{seeded.nanjing}"' in client.get("/?view=all&q=莫愁").text
    assert f'href="/requests/{seeded.lyg}"' not in client.get("/?view=all&q=莫愁").text
    assert f'href="/requests/{seeded.nanjing}"' in client.get("/?view=all&group=农林牧渔类协作组").text
    assert f'href="/requests/{seeded.lyg}"' in client.get("/?view=all&city=连云港市").text
    desc = client.get("/?view=all&sort=arrival&order=desc").text
    assert desc.index(f"/requests/{seeded.lyg}") < desc.index(f"/requests/{seeded.nanjing}")
    assert 'href="/?view=all" class="sort sorted-desc"' in desc  # a click on the sorted column reverses it
    assert f'href="/requests/{seeded.unrelated}"' in client.get("/?view=unrelated").text


def test_script_in_subject_and_filename_renders_as_text(login, seeded) -> None:
    client, _ = login("sheng")
    for url in ("/?view=unrelated", f"/requests/{seeded.unrelated}", f"/requests/{seeded.nanjing}"):
        page = client.get(url).text
        assert "<script>" not in page
    assert "&lt;script&gt;alert(" in client.get("/?view=unrelated").text
    assert "&lt;b&gt;不是 HTML&lt;/b&gt;" in client.get(f"/requests/{seeded.nanjing}").text
    assert EVIL_SUBJECT not in client.get(f"/requests/{seeded.unrelated}").text


def test_request_page_draws_boxes_on_the_page_and_shows_crops(login, seeded) -> None:
    client, _ = login("nanjing")
    page = client.get(f"/requests/{seeded.nanjing}").text
    assert 'viewBox="0 0 600 848"' in page
    assert 'class="box box-seal" x="380.0" y="560.0" width="160.0" height="160.0"' in page
    assert f"/requests/{seeded.nanjing}/crops/{seeded.seal_crop}" in page
    assert "JS2024-00017" in page and "80" in page and "120" in page
    image = client.get(f"/requests/{seeded.nanjing}/crops/{seeded.seal_crop}")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert client.get(f"/requests/{seeded.nanjing}/crops/{'0' * 64}").status_code == 404
    preview = client.get(f"/requests/{seeded.nanjing}/pages/1")
    assert preview.headers["content-type"] == "image/jpeg"


def test_attachment_download_has_a_safe_content_disposition(login, seeded) -> None:
    client, _ = login("nanjing")
    response = client.get(f"/requests/{seeded.nanjing}/documents/{seeded.evil_document}")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    assert "\r" not in disposition and "\n" not in disposition and "/" not in disposition
    assert "filename*=UTF-8''" in disposition
    star = disposition.split("filename*=UTF-8''", 1)[1]
    assert '"' not in star and ";" not in star and "<" not in star and "%2F" not in star
    assert response.headers["content-type"] == "application/octet-stream"
    assert "x-evil" not in response.headers
    raw = client.get(f"/requests/{seeded.nanjing}/message.eml")
    assert raw.status_code == 200 and b"Message-ID: <n1@example.cn>" in raw.content


def test_decisions_by_stage_through_the_forms(login, seeded) -> None:
    url = f"/requests/{seeded.nanjing}"
    city, city_token = login("nanjing")
    assert (
        "退回学校修改" in city.get(url).text
        and "不予通过" not in city.get(url).text.split('id="decision"')[1]
    )
    reply = city.post(f"{url}/decision", data={"action": "approve", "comment": "", "csrf_token": city_token})
    assert reply.status_code == 303
    group, group_token = login("nonglin")
    assert (
        group.post(f"{url}/decision", data={"action": "reject", "csrf_token": group_token}).status_code == 409
    )
    assert (
        group.post(f"{url}/decision", data={"action": "approve", "csrf_token": group_token}).status_code
        == 303
    )
    province, token = login("sheng")
    assert "不予通过" in province.get(url).text
    assert (
        province.post(
            f"{url}/decision", data={"action": "approve", "comment": "同意", "csrf_token": token}
        ).status_code
        == 303
    )
    record = province.get(f"/api/requests/{seeded.nanjing}").json()
    assert (record["status"], record["stage"]) == ("approved", "done")
    audit = province.get(url).text.split('id="audit"')[1]
    assert audit.count("<tr>") == 1 + 4 and "nonglin" in audit
    assert "暂存待发" in province.get(url).text  # [replies] hold = true in these tests


def test_flagged_approval_needs_a_comment(login, seeded) -> None:
    client, token = login("lyg")
    url = f"/requests/{seeded.lyg}/decision"
    response = client.post(url, data={"action": "approve", "comment": " ", "csrf_token": token})
    assert response.status_code == 409 and "必须填写审核意见" in response.text
    assert (
        client.post(url, data={"action": "approve", "comment": "已电话核实", "csrf_token": token}).status_code
        == 303
    )


def test_correcting_a_change_is_audited(login, seeded) -> None:
    client, token = login("nanjing")
    url = f"/requests/{seeded.nanjing}/changes/{seeded.change}"
    data = {
        "certificate": "Web前端开发",
        "field": "headcount",
        "level": "中级",
        "from": "80",
        "to": "100人",
        "comment": "核对原件",
        "csrf_token": token,
    }
    assert client.post(url, data=data).status_code == 303
    change = client.get(f"/api/requests/{seeded.nanjing}").json()["changes"][0]
    assert change["to"] == 100 and change["from"] == 80
    page = client.get(f"/requests/{seeded.nanjing}").text
    assert "已由 nanjing 修改" in page and "修改识别结果" in page


def test_dashboard_plot_and_export(login, seeded) -> None:
    client, _ = login("sheng")
    page = client.get("/dashboard").text
    assert "共 2 件申请" in page and "农林牧渔类协作组" in page and "连云港市" in page
    assert "邮箱状态" in page and "2024-03-07 10:05:00" in page and "IMAP 连接超时" in page
    plot = client.get("/dashboard/arrivals.png")
    assert plot.headers["content-type"] == "image/png" and plot.content.startswith(b"\x89PNG")


def test_export_has_one_row_per_change_with_the_queue_s_filters(login, seeded) -> None:
    client, _ = login("sheng")
    export = client.get("/export/requests.xlsx?view=all")
    assert "filename*=UTF-8''" in export.headers["content-disposition"]
    book = load_workbook(io.BytesIO(export.content))
    sheet = book["调整事项"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[9], r[11]) for r in rows] == [
        (seeded.nanjing, "Web前端开发", "人数规模"), (seeded.lyg, "建筑信息模型（BIM）", "考核等级")]
    assert isinstance(rows[0][1], datetime) and rows[0][1] == datetime(2024, 3, 5, 10, 0)
    assert rows[1][6:9] == ("有问题", "设区市审核", "无公章")
    assert sheet.auto_filter.ref == "A1:Q3" and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["F"].width == 40
    assert [r[0] for r in book["审核记录"].iter_rows(min_row=2, values_only=True)] == [seeded.nanjing, seeded.lyg]
    assert {r[2] for r in book["审核记录"].iter_rows(min_row=2, values_only=True)} == {"系统"}
    city = load_workbook(io.BytesIO(client.get("/export/requests.xlsx?view=all&city=连云港市").content))
    assert [r[0] for r in city["调整事项"].iter_rows(min_row=2, values_only=True)] == [seeded.lyg]
    unrelated = load_workbook(io.BytesIO(client.get("/export/requests.xlsx?view=unrelated").content))
    (row,) = unrelated["调整事项"].iter_rows(min_row=2, values_only=True)
    assert row[5].startswith("<script>")  # text, and no formula


def test_logout_ends_the_session(login) -> None:
    client, token = login("sheng")
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/").status_code == 303


def test_a_malformed_or_huge_id_is_a_chinese_404(login) -> None:
    client, _ = login("sheng")
    for url in ("/requests/abc", "/requests/99999999999999999999999", "/requests/99999999999999999999999/message.eml"):
        response = client.get(url)
        assert response.status_code == 404 and "<h1>未找到</h1>" in response.text, url
    assert client.get("/api/requests/abc").status_code == 422


def test_the_correction_form_is_refused_past_your_stage_and_says_why(login, seeded) -> None:
    client, token = login("nanjing")
    client.post(f"/requests/{seeded.nanjing}/decision", data={"action": "approve", "csrf_token": token})
    page = client.get(f"/requests/{seeded.nanjing}").text
    assert "仅当前阶段的审核人员可以修改" in page and 'class="correct"' not in page
    url = f"/requests/{seeded.nanjing}/changes/{seeded.change}"
    refused = client.post(url, data={"to": "999", "csrf_token": token})
    assert refused.status_code == 403 and "不是当前阶段（协作组审核）的审核人员" in refused.text
    group, group_token = login("nonglin")
    bad = group.post(url, data={"field": "headcount", "to": "0", "csrf_token": group_token})
    assert bad.status_code == 422 and "调整后的人数须为 1 至 10000 之间的整数" in bad.text

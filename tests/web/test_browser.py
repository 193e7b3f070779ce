"""A real browser (Debian's chromium) against a real uvicorn server: log in, review, decide at each stage."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn
from sqlmodel import select

from storage.db import session_scope
from storage.models import Problem, School
from storage.models import Request as RequestRow
from storage.states import ProblemCode
from tests.web.fixtures import NANJING_SCHOOL, PASSWORD, seed_bulk
from workflow.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(sqlite_service, seeded) -> Iterator[str]:  # type: ignore[no-untyped-def]
    port = free_port()
    config = uvicorn.Config(create_app(sqlite_service), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator:  # type: ignore[type-arg]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield instance
        instance.close()


VIEWPORT = {"width": 1366, "height": 768}
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def sign_in(browser, base: str, name: str):  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.goto(f"{base}/")
    assert "/login" in page.url
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page


def shoot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """The first screen as a 1366×768 laptop shows it."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def decide(page, base: str, request_id: int, action: str, comment: str = "") -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/requests/{request_id}")
    page.check(f"#decision input[name=action][value={action}]")
    page.fill("#decision textarea[name=comment]", comment)
    def accept(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.accept()  # a final approval asks to confirm

    page.on("dialog", accept)
    page.click("#decision button[type=submit]")
    page.wait_for_load_state()
    page.remove_listener("dialog", accept)


def test_review_in_the_browser(server: str, browser, seeded) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    city = sign_in(browser, server, "nanjing")
    city.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    assert "待我审核 1" in city.inner_text("nav.views")

    city.click(f"a[href='/requests/{seeded.nanjing}'] >> nth=0")
    city.wait_for_url(f"**/requests/{seeded.nanjing}")
    seal = city.locator(f"img[src='/requests/{seeded.nanjing}/crops/{seeded.seal_crop}']")
    seal.wait_for()
    assert seal.evaluate("img => img.complete && img.naturalWidth > 0")
    assert city.locator("svg.page-svg rect.box-seal").count() == 1

    city.click("#changes details summary")
    city.fill("#changes input[name=to]", "110")
    city.click("#changes button[type=submit]")
    city.wait_for_load_state()
    assert "已由 nanjing 修改" in city.inner_text("#changes")
    assert "110" in city.inner_text("#changes")

    decide(city, server, seeded.nanjing, "approve")
    assert "协作组审核" in city.inner_text(".request-head")
    assert city.locator("#changes details.correct").count() == 0  # no longer the city's turn
    decide(sign_in(browser, server, "nonglin"), server, seeded.nanjing, "approve")
    province = sign_in(browser, server, "sheng")
    decide(province, server, seeded.nanjing, "approve", "同意调整")
    assert "已通过" in province.inner_text(".request-head")
    assert "暂存待发" in province.inner_text("#replies")

    decide(sign_in(browser, server, "lyg"), server, seeded.lyg, "return", "请加盖公章后重新发送")
    assert "已退回" in province.goto(f"{server}/requests/{seeded.lyg}").text()
    assert not [e for e in errors if "Content Security Policy" in e]


def test_the_decision_and_the_crops_are_in_the_first_screen(  # type: ignore[no-untyped-def]
    server: str, browser, seeded, sqlite_service
) -> None:
    with session_scope(sqlite_service.db) as session:  # a request with many problems: they scroll in place
        for code in list(ProblemCode)[:6]:
            session.add(Problem(request_id=seeded.nanjing, code=code, message=code.label, evidence="第 1 页" * 12))
    page = sign_in(browser, server, "nanjing")
    page.goto(f"{server}/requests/{seeded.nanjing}")
    page.wait_for_load_state("networkidle")
    shoot(page, "request")
    needed = ["#decision button[type=submit]", "#decision textarea", "#problems", ".crop-seal img",
              ".crop-department img", ".crop-leader img", "svg.page-svg"]
    for selector in needed:
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= 768, selector
    assert page.locator("svg.page-svg text").count() == 0  # no label over the page: the legend names the colours
    width = page.locator("svg.page-svg").first.bounding_box()["width"]  # type: ignore[index]
    page.click("[data-zoom='1']")
    assert page.locator("svg.page-svg").first.bounding_box()["width"] > width * 1.4  # type: ignore[index]
    page.click("[data-zoom='0']")
    crop = page.locator(".crop-department img")
    small = crop.bounding_box()
    assert small is not None and small["width"] >= 300  # a signature that can be judged
    crop.click()
    enlarged = page.locator("dialog#enlarged img")
    enlarged.wait_for(state="visible")
    big = enlarged.bounding_box()
    assert big is not None and big["width"] > small["width"] * 1.5
    assert "证书试点管理部门意见" in page.inner_text("dialog#enlarged .caption")
    shoot(page, "request-crop-enlarged")
    page.keyboard.press("Escape")
    assert not page.locator("dialog#enlarged").evaluate("d => d.open")


def test_a_final_approval_asks_first(server: str, browser, seeded) -> None:  # type: ignore[no-untyped-def]
    page = sign_in(browser, server, "admin")
    for _ in range(2):  # the city, then the group: the request reaches the province
        decide(page, server, seeded.nanjing, "approve")
    assert "省级审核" in page.inner_text(".request-head")
    asked: list[str] = []

    def refuse(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", refuse)
    page.check("#decision input[name=action][value=approve]")
    page.click("#decision button[type=submit]")
    assert asked and "确认最终通过" in asked[0]
    page.reload()
    head = page.inner_text(".request-head")
    assert "省级审核" in head and "待审核" in head  # nothing was decided


def test_a_return_without_a_reason_is_refused_and_keeps_the_form(server: str, browser, seeded) -> None:  # type: ignore[no-untyped-def]
    page = sign_in(browser, server, "nanjing")
    decide(page, server, seeded.nanjing, "return")
    assert "须写明理由" in page.inner_text("[role=alert]")
    assert page.is_checked("#decision input[name=action][value=return]")
    assert "待审核" in page.inner_text(".request-head")


def test_the_queue_pages_1000_requests_and_finds_by_alias_sender_id_certificate(  # type: ignore[no-untyped-def]
    server: str, browser, seeded, sqlite_service
) -> None:
    with session_scope(sqlite_service.db) as session:
        school_id = session.exec(select(School.id).where(School.name == NANJING_SCHOOL)).one()
        bulk = seed_bulk(session, school_id, 1000)
        first = session.get(RequestRow, bulk[0])
        first.subject = "调整" + "X" * 250  # one unbroken line: it wraps in its cell, the page stays 1366 wide
        session.add(first)
    page = sign_in(browser, server, "sheng")
    assert page.locator("nav.views a.active").inner_text().startswith("待我审核")
    assert page.locator("table.queue tbody tr").count() == 50
    assert "共 1000 条，第 1/20 页" in page.inner_text("p.total")
    shoot(page, "queue")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.click("nav.pager a[rel=next]")
    page.wait_for_url("**page=2")
    assert page.locator("table.queue tbody tr").first.inner_text().startswith(f"#{bulk[50]}")
    for query, expected in (("莫愁中专", seeded.nanjing), ("mochou@", seeded.nanjing), (str(seeded.lyg), seeded.lyg),
                            ("建筑信息模型", seeded.lyg), ("JS2024-00017", seeded.nanjing)):
        page.goto(f"{server}/?view=all")
        page.fill("input[name=q]", query)
        page.press("input[name=q]", "Enter")
        page.wait_for_load_state()
        assert page.locator(f"table.queue a[href='/requests/{expected}']").count() >= 1, query
        assert f"q={quote(query)}" in page.url  # the search is in the URL: back and bookmarks keep it
    page.goto(f"{server}/?view=all&q=莫愁中专&sort=id&order=desc")
    first = page.locator("table.queue tbody tr").first.inner_text()
    assert first.startswith(f"#{bulk[-1]}")


def visible_codes(page) -> list[str]:  # type: ignore[no-untyped-def]
    """snake_case words in the visible text, the raw mail excepted (a school's own words)."""
    text = page.evaluate(
        "() => { const c = document.body.cloneNode(true); c.querySelectorAll('#message').forEach(e => e.remove());"
        " return c.innerText; }"
    )
    return SNAKE_CASE.findall(text)


def test_every_page_speaks_chinese(server: str, browser, seeded) -> None:  # type: ignore[no-untyped-def]
    city = sign_in(browser, server, "lyg")
    decide(city, server, seeded.lyg, "return", "请加盖公章")
    admin = sign_in(browser, server, "admin")
    admin.goto(f"{server}/requests/{seeded.nanjing}")
    admin.click("#changes details summary")
    admin.fill("#changes input[name=to]", "120")
    admin.click("#changes button[type=submit]")
    admin.wait_for_load_state()
    pages = {
        "queue-mine": "/", "queue-all": "/?view=all", "queue-unrelated": "/?view=unrelated",
        "request-ready": f"/requests/{seeded.nanjing}", "request-returned": f"/requests/{seeded.lyg}",
        "request-unrelated": f"/requests/{seeded.unrelated}", "replies": "/replies", "dashboard": "/dashboard",
        "accounts": "/accounts", "account": "/account", "not-found": "/requests/999999999",
        "bad-id": "/requests/abc", "huge-id": "/requests/99999999999999999999999",
    }  # /docs is left out: it lists the API's literal paths for programmers
    found = {}
    for name, path in pages.items():
        admin.goto(f"{server}{path}")
        admin.wait_for_load_state("networkidle")
        shoot(admin, name)
        found[name] = visible_codes(admin)
    anonymous = browser.new_context(viewport=VIEWPORT).new_page()
    anonymous.goto(f"{server}/login")
    shoot(anonymous, "login")
    found["login"] = visible_codes(anonymous)
    assert {name: codes for name, codes in found.items() if codes} == {}

"""A real browser (Debian's chromium) against a real uvicorn server: log in, review, decide at each stage."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from tests.web.fixtures import PASSWORD
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


def sign_in(browser, base: str, name: str):  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(f"{base}/")
    assert page.url.endswith("/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page


def decide(page, base: str, request_id: int, action: str, comment: str = "") -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/requests/{request_id}")
    page.check(f"#decision input[name=action][value={action}]")
    page.fill("#decision textarea[name=comment]", comment)
    page.click("#decision button[type=submit]")
    page.wait_for_load_state()


def test_review_in_the_browser(server: str, browser, seeded) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    city = sign_in(browser, server, "nanjing")
    city.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    assert "待审核" in city.inner_text(".counts")
    city.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)

    city.click(f"a[href='/requests/{seeded.nanjing}'] >> nth=0")
    city.wait_for_url(f"**/requests/{seeded.nanjing}")
    seal = city.locator(f"img[src='/requests/{seeded.nanjing}/crops/{seeded.seal_crop}']")
    seal.wait_for()
    assert seal.evaluate("img => img.complete && img.naturalWidth > 0")
    assert city.locator("svg.page-svg rect.box-seal").count() == 1
    city.screenshot(path=str(ARTIFACTS / "request.png"), full_page=True)

    city.click("#changes details summary")
    city.fill("#changes input[name=to]", "110")
    city.click("#changes button[type=submit]")
    city.wait_for_load_state()
    assert "已由 nanjing 修改" in city.inner_text("#changes")
    assert "110" in city.inner_text("#changes")

    decide(city, server, seeded.nanjing, "approve")
    assert "协作组审核" in city.inner_text("dl.facts")
    decide(sign_in(browser, server, "nonglin"), server, seeded.nanjing, "approve")
    province = sign_in(browser, server, "sheng")
    decide(province, server, seeded.nanjing, "approve", "同意调整")
    assert "已通过" in province.inner_text("dl.facts")
    assert "暂存待发" in province.inner_text("#replies")

    decide(sign_in(browser, server, "lyg"), server, seeded.lyg, "return", "请加盖公章后重新发送")
    assert "已退回" in province.goto(f"{server}/requests/{seeded.lyg}").text()
    assert not [e for e in errors if "Content Security Policy" in e]

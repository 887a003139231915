"""The chat page in a real headless Chromium: ask the mission question, see the highlighted sentence."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import KIM_WARNS as KIM_SENTENCE, ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("QA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
SCREENSHOTS = Path(os.environ.get("QA_SCREENSHOT_DIR", ROOT / "artifacts" / "screenshots"))


def _missing(why: str) -> None:
    """Skip on a developer's machine; fail in CI, where the set-up installs the browser."""
    if os.environ.get("CI"):
        pytest.fail(f"{why}: CI must run the browser tests (`scripts/setup.sh --test` installs them)")
    pytest.skip(why)


@pytest.fixture
def page(tmp_path):
    try:
        from playwright import sync_api
    except ImportError:
        _missing("playwright is not installed")
    if not Path(CHROMIUM).exists():
        _missing(f"no Chromium at {CHROMIUM} (install Debian's chromium or set QA_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000},
        )
        try:
            yield context.new_page()
        finally:
            context.close()


def test_mission_question_shows_highlighted_source_sentence(server, page):
    server_origin = urlsplit(server).netloc
    elsewhere = []  # the page must not fetch anything from the internet (fonts, scripts, telemetry)
    page.on("request", lambda r: urlsplit(r.url).netloc not in ("", server_origin)
            and not r.url.startswith("data:") and elsewhere.append(r.url))

    page.goto(server)
    page.get_by_text("Model", exact=False).first.wait_for()
    box = page.locator("#qa-input textarea")
    box.fill("What did Kim Yo Jong warn?")
    box.press("Enter")

    mark = page.locator("#qa-chat mark", has_text="Kim Yo Jong").first
    mark.wait_for(timeout=60_000)
    assert KIM_SENTENCE in mark.inner_text()
    assert page.locator("#qa-chat .qa-card").count() >= 1
    assert page.locator("#qa-chat .qa-ref").first.inner_text() == "[1]"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "chat-kim-yo-jong.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot: {shot}")
    assert not elsewhere, f"the page fetched from outside: {elsewhere}"


def test_empty_question_gets_a_friendly_message(server, page):
    page.goto(server)
    page.locator("#qa-input textarea").press("Enter")
    page.locator("#qa-input textarea").fill("   ")
    page.locator("#qa-input textarea").press("Enter")
    page.locator("#qa-chat .qa-error").first.wait_for(timeout=30_000)
    assert "The question is empty" in page.locator("#qa-chat .qa-error").first.inner_text()


def test_changed_seeds_are_announced_and_rebuilt_from_the_page(server, page, engine, seeds_dir):
    engine.rebuild()
    page.goto(server)
    status = page.locator("#qa-status")
    status.get_by_text("1 article", exact=False).wait_for()
    assert not page.locator("#qa-rebuild").is_visible()

    (seeds_dir / "2025-09-01_mond.txt").write_text(
        "date 2025-09-01\n\nDie indische Raumsonde Chandrayaan landete am Mittwoch sanft auf dem Mond.\n",
        encoding="utf-8")
    page.reload()
    status.get_by_text("seeds changed since the index was built (added: 2025-09-01_mond.txt)").wait_for()
    page.locator("#qa-rebuild").click()
    status.get_by_text("2 articles", exact=False).wait_for(timeout=60_000)
    assert "seeds changed" not in status.inner_text()
    page.locator("#qa-rebuild").wait_for(state="hidden")

"""The phone page in a real headless chromium against the app's server on loopback: join by
code, follow the wall as the facilitator types (latency measured), send a remark, accept it,
vote, reveal. Skips only when chromium or its driver is not installed.
"""

from __future__ import annotations

import statistics
import time

import pytest
from room_browser import start_chromium
from selenium.webdriver.common.by import By

from facilitator_app.gui.core.session import Focus
from facilitator_app.gui.projector.state import Mode
from facilitator_app.workshop.events import Kind
from facilitator_app.workshop.operations import SetFields

WAIT = 20_000
HOSTILE = '<img src=x onerror="window.pwned=1">'


@pytest.fixture
def chromium(tmp_path):
    driver = start_chromium(tmp_path / "profile")
    yield driver
    driver.quit()


@pytest.fixture
def room(window):
    link = window.room
    link.port = 0
    window.projector.set_mode(Mode.ACTIVITIES)
    window.start_presenting()
    assert link.open_room("127.0.0.1")
    yield link
    link.close_room()


def text_of(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


def shown(driver, element_id: str) -> bool:
    return driver.find_element(By.ID, element_id).is_displayed()


def test_a_phone_joins_follows_sends_and_votes_in_chromium(window, room, chromium, qtbot):
    driver = chromium
    session = window.session
    block = session.document.data.blocks[0]
    activity = block.children[0]
    session.set_focus(Focus("activities", node_id=activity.id))

    # Join by code, in the workshop's language (the demo is Czech).
    started = time.perf_counter()
    driver.get(room.url)
    qtbot.waitUntil(lambda: shown(driver, "join"), timeout=WAIT)
    assert driver.execute_script("return document.documentElement.lang") == "cs"
    assert text_of(driver, "join-button") == "Připojit"
    driver.find_element(By.ID, "code").send_keys("wrong1")
    driver.find_element(By.ID, "join-button").click()
    qtbot.waitUntil(lambda: "nesouhlasí" in text_of(driver, "join-error"), timeout=WAIT)
    code = driver.find_element(By.ID, "code")
    code.clear()
    code.send_keys(room.code.lower())
    driver.find_element(By.ID, "join-button").click()
    qtbot.waitUntil(lambda: activity.text in text_of(driver, "wall-content"), timeout=WAIT)
    join_ms = (time.perf_counter() - started) * 1000
    qtbot.waitUntil(lambda: room.connected == 1, timeout=WAIT)
    assert block.children[0].text in text_of(driver, "wall-content")

    # The facilitator types; each keystroke reaches the page (Date.now() on both sides).
    latencies = []
    typed = ""
    for letter in "Noční autobusy":
        typed += letter
        sent_at = time.time() * 1000
        session.push(SetFields(Kind.NODE, activity.id, {"text": typed}), "Typing")
        needle = f'"text":"{typed}"'
        arrived = "return (window.roomLog.find(e => e.data.includes(arguments[0])) || {}).at"

        def arrival(needle=needle, arrived=arrived):
            return driver.execute_script(arrived, needle)

        qtbot.waitUntil(lambda arrival=arrival: arrival() is not None, timeout=WAIT)
        latencies.append(arrival() - sent_at)
    qtbot.waitUntil(lambda: "Noční autobusy" in text_of(driver, "wall-content"), timeout=WAIT)
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    print(f"\nroom link in chromium: join {join_ms:.0f} ms; typing → phone p95 {p95:.0f} ms")
    assert p95 < 1000

    # What the facilitator types is shown as text, never run as HTML.
    session.push(SetFields(Kind.NODE, activity.id, {"text": HOSTILE}), "Typing")
    qtbot.waitUntil(lambda: HOSTILE in text_of(driver, "wall-content"), timeout=WAIT)
    assert driver.execute_script("return window.pwned === undefined")
    assert not driver.find_elements(By.CSS_SELECTOR, "#wall-content img")

    # Readable at 200 % text size: nothing wider than the phone's screen.
    driver.execute_script("document.documentElement.style.fontSize = '200%'")
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    driver.execute_script("document.documentElement.style.fontSize = ''")

    # A remark, into the moderation queue; accepted, it is in the workshop.
    theme = window.projector.shown.current_theme
    remarks = len(session.document.theme(theme.id).remarks)
    driver.find_element(By.ID, "send-text").send_keys("Autobusy i o víkendu")
    driver.find_element(By.ID, "send-remark").click()
    qtbot.waitUntil(lambda: room.dock.queue.count() == 1, timeout=WAIT)
    assert "Odesláno" in text_of(driver, "send-note")
    room.dock.accept_button.click()
    assert session.document.theme(theme.id).remarks[remarks].text == "Autobusy i o víkendu"

    # A vote: dots on the block's activities, hidden until revealed.
    room.dock.dots.setValue(2)
    room.dock.open_vote_button.click()
    qtbot.waitUntil(lambda: shown(driver, "vote"), timeout=WAIT)
    boxes = driver.find_elements(By.CSS_SELECTOR, "#vote-items input[type=checkbox]")
    assert len(boxes) == len(room.ballot.items)
    boxes[0].click()
    boxes[1].click()
    assert not boxes[2].is_enabled()  # two dots, no more
    driver.find_element(By.ID, "vote-button").click()
    qtbot.waitUntil(lambda: room.voters == 1, timeout=WAIT)
    assert "hlasů" not in text_of(driver, "vote-items")
    room.dock.reveal_button.click()
    qtbot.waitUntil(lambda: "hlasů: 1" in text_of(driver, "vote-items"), timeout=WAIT)
    assert room.tally()[room.ballot.items[0].key] == 1

    # The room closes: the page says so and offers to join again.
    room.close_room()
    qtbot.waitUntil(lambda: shown(driver, "join"), timeout=WAIT)
    assert "uzavřena" in text_of(driver, "join-error")

"""Debian's headless chromium through its chromedriver (selenium), for the room link's page.

Selenium speaks WebDriver to the chromedriver that Debian builds with its chromium, so the
two always match; nothing is downloaded (the driver's path is given: Selenium Manager is not
asked). Chromium runs with the flags that keep it off the network, in a fresh profile.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=390,844",  # a phone's width
)


def chromium_paths() -> tuple[str, str] | None:
    browser = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def start_chromium(profile: Path):  # -> selenium WebDriver
    paths = chromium_paths()
    if paths is None:
        pytest.skip(
            "chromium and chromedriver are not installed "
            "(apt-get install chromium chromium-driver; .ci/run installs them)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = paths
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)

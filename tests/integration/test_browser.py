"""The search page in a real browser: Debian's headless Chromium driven through its system
chromedriver (selenium; nothing is downloaded). Loads the page, searches, applies a filter,
checks the results and that a `<script>` title shows as text; saves a screenshot to
tests/artifacts/ (gitignored)."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from monitor.settings import Settings
from monitor.web import create_app
from tests.integration import web_support

pytestmark = pytest.mark.integration

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1900"]


@pytest.fixture
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("Chromium is missing: run `make system-deps` (or `sudo apt-get install -y chromium chromium-driver`)")
    profile = tempfile.mkdtemp(prefix="monitor-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def hit_titles(driver) -> list[str]:
    return [el.text for el in driver.find_elements(By.CSS_SELECTOR, "ol.hits li.hit h3")]


def test_search_filter_and_escaping_in_headless_chromium(browser, es_url):
    prefix = f"test-browser-{uuid.uuid4().hex[:8]}"
    wait = WebDriverWait(browser, 30)
    with web_support.corpus_index(es_url, prefix):
        app = create_app(Settings(es_url=es_url, index_prefix=prefix), routers=())
        with web_support.live_server(app) as base:
            browser.get(f"{base}/")
            assert browser.find_element(By.TAG_NAME, "h1").text == "Search documents and findings"
            assert "12 documents" in browser.find_element(By.ID, "results-heading").text

            box = browser.find_element(By.ID, "q")
            box.send_keys("Guatemala", Keys.ENTER)
            wait.until(ec.text_to_be_present_in_element((By.ID, "results-heading"), "for “Guatemala”"))
            titles = hit_titles(browser)
            assert "Guatemala recibirá a solicitantes de asilo mexicanos" in titles
            assert any(t.startswith("DHS confirms Mexicans") for t in titles)
            marks = browser.find_elements(By.CSS_SELECTOR, "ol.hits mark")
            assert marks and all(m.text.lower() == "guatemala" for m in marks)

            Select(browser.find_element(By.ID, "f-lang")).select_by_value("es")
            browser.find_element(By.XPATH, "//button[normalize-space()='Apply filters']").click()
            wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "ul.chips")))
            assert hit_titles(browser) == ["Guatemala recibirá a solicitantes de asilo mexicanos"]
            assert "1 document" in browser.find_element(By.ID, "results-heading").text
            assert "Language: Spanish" in browser.find_element(By.CSS_SELECTOR, "ul.chips").text
            assert "lang=es" in browser.current_url and "q=Guatemala" in browser.current_url

            browser.find_element(By.LINK_TEXT, "Guatemala (GT)").click()  # a facet link narrows further
            wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "section.timelines")))
            assert "Transfers to Guatemala (GT)" in browser.find_element(By.CSS_SELECTOR, "section.timelines").text
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            assert browser.save_screenshot(str(ARTIFACTS / "browser-search.png"))

            browser.get(f"{base}/?q=Honduras+resume")
            title = browser.find_element(By.CSS_SELECTOR, "ol.hits li.hit h3").text
            assert title == web_support.SCRIPT_TITLE  # shown as text, not run
            with pytest.raises(NoAlertPresentException):
                browser.switch_to.alert.text  # noqa: B018 - the title's alert() never ran
            assert browser.execute_script("return document.scripts.length") == 0
            browser.save_screenshot(str(ARTIFACTS / "browser-escaped-title.png"))
            assert (ARTIFACTS / "browser-search.png").stat().st_size > 10_000

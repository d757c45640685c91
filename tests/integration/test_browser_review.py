"""The review queue and a finding's page in headless Chromium: refused without login, sign in
with the operator token, see the held finding with its evidence, explanation and documents,
approve it (the alert is sent once), then read the finding's public page and its history, and
the pages again in Spanish through the visible language switch (finding, search and its
filters, timelines, subscribe with its preview). Screenshots go to tests/artifacts/
(review-queue.png, finding-page.png, finding-page-es.png)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from monitor.alerts.flows import save_confirmed
from monitor.alerts.subscriptions import new_subscription
from monitor.services.smtp import messages
from monitor.settings import Settings
from monitor.web import create_app
from tests.integration import web_support
from tests.integration.test_browser import ARTIFACTS, browser  # noqa: F401 - the Chromium fixture
from tests.integration.test_finding_lifecycle import FINDING, NEWS, Sources, ingest, parsed

pytestmark = pytest.mark.integration


def settled(condition):
    """`condition`, read as not yet true while the browser is replacing the page: after a click
    that navigates, an element found in the old document can vanish under the read
    (StaleElementReference, or Chromium's "Node … does not belong to the document")."""
    def check(driver):
        try:
            return condition(driver)
        except StaleElementReferenceException:
            return False
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return False
            raise
    return check


def test_review_queue_approve_and_finding_page_in_headless_chromium(browser, es_url, prefix, repo, site, smtp,  # noqa: F811
                                                                     mail_dir, monitor_env, tmp_path):
    wait = WebDriverWait(browser, 30)
    save_confirmed(repo, new_subscription("advocate@example.org"))
    sources = Sources(site, tmp_path)
    sources.add("news", "mx-gt", NEWS)
    ingest({**monitor_env, "MONITOR_REVIEW_HOLD_REPORTED": "1"}, sources)
    assert messages(mail_dir) == []
    settings = Settings(es_url=es_url, index_prefix=prefix, smtp_port=smtp.port, state_dir=tmp_path / "state",
                        operator_token="op-s3cret", review_hold_reported=True)
    with web_support.live_server(create_app(settings)) as base:
        browser.get(f"{base}/operator/review")
        assert "operator login required" in browser.page_source and FINDING not in browser.page_source
        browser.get(f"{base}/findings/made_amenable%3AGT%3AMX")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Not found"  # held findings are not public

        browser.get(f"{base}/operator/login")
        browser.find_element(By.ID, "name").send_keys("Ana")
        browser.find_element(By.ID, "token").send_keys("wrong")
        browser.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
        wait.until(settled(ec.presence_of_element_located((By.CSS_SELECTOR, "p.error"))))
        browser.find_element(By.ID, "name").send_keys("Ana")
        browser.find_element(By.ID, "token").send_keys("op-s3cret")
        browser.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
        wait.until(settled(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Review queue")))
        review = browser.find_element(By.CSS_SELECTOR, "article.review")
        assert review.find_element(By.TAG_NAME, "h2").text == "Mexican nationals made amenable to transfer to Guatemala"
        assert review.find_element(By.CSS_SELECTOR, "code.finding-id").text == FINDING
        assert "only reported" in review.find_element(By.CSS_SELECTOR, "p.why-held").text
        assert "Mexican asylum seekers who reach the United States" in review.find_element(By.TAG_NAME,
                                                                                          "blockquote").text
        assert "MX → GT" in review.find_element(By.CSS_SELECTOR, "pre.explanation").text
        assert NEWS[0] in review.find_element(By.CSS_SELECTOR, "ul.documents").text
        assert review.find_element(By.CSS_SELECTOR, "form.approve input[name=by]").get_attribute("value") == "Ana"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(ARTIFACTS / "review-queue.png"))

        review.find_element(By.XPATH, ".//button[normalize-space()='Approve and send']").click()
        wait.until(settled(ec.presence_of_element_located((By.CSS_SELECTOR, "p.done"))))
        assert browser.find_element(By.CSS_SELECTOR, "p.done").text == (
            f"Approved {FINDING}: 1 alert(s) planned, 1 sent.")
        assert browser.find_element(By.CSS_SELECTOR, "p.empty").text == "The review queue is empty."
        [alert] = messages(mail_dir)
        assert parsed(alert)["X-Monitor-Status"] == "reported"

        browser.get(f"{base}/findings/made_amenable%3AGT%3AMX")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Mexican nationals made amenable to transfer to Guatemala"
        assert browser.find_element(By.CSS_SELECTOR, ".status-text").text == (
            "Reported by 1 outlet, not yet confirmed by a government source")
        history = browser.find_element(By.CSS_SELECTOR, "ol.history").text
        assert "new → held by monitor" in history and "held → reported by Ana" in history
        assert NEWS[0] in browser.find_element(By.CSS_SELECTOR, "section.story").text
        assert browser.save_screenshot(str(ARTIFACTS / "finding-page.png"))

        # The same pages in Spanish: the visible switch, remembered across pages.
        browser.find_element(By.LINK_TEXT, "Español").click()
        wait.until(settled(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Nacionales de México")))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
        assert browser.find_element(By.CSS_SELECTOR, ".status-text").text == (
            "Publicado por 1 medio, aún sin confirmación de una fuente gubernamental")
        assert "retenido → publicado por Ana" in browser.find_element(By.CSS_SELECTOR, "ol.history").text
        assert browser.save_screenshot(str(ARTIFACTS / "finding-page-es.png"))
        browser.find_element(By.LINK_TEXT, "Buscar").click()
        wait.until(settled(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Buscar documentos y hallazgos")))
        browser.find_element(By.ID, "q").send_keys("Guatemala")
        browser.find_element(By.XPATH, "//button[normalize-space()='Buscar']").click()
        wait.until(settled(ec.text_to_be_present_in_element((By.ID, "results-heading"), "documento")))
        assert "para «Guatemala»" in browser.find_element(By.ID, "results-heading").text
        assert browser.find_element(By.CSS_SELECTOR, "label[for=f-receiving]").text == "País receptor"
        browser.find_element(By.LINK_TEXT, "Cronologías").click()
        wait.until(settled(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Cronologías de hallazgos")))
        assert "Traslados a Guatemala (GT)" in browser.find_element(By.CSS_SELECTOR, "section.timeline").text
        browser.find_element(By.LINK_TEXT, "Recibir alertas").click()
        wait.until(settled(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Suscribirse a las alertas")))
        browser.find_element(By.ID, "receiving").send_keys("GT")
        browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Vista previa')]").click()
        wait.until(settled(ec.presence_of_element_located((By.ID, "preview-heading"))))
        assert browser.find_element(By.ID, "preview-heading").text.startswith("Se habr")
        browser.find_element(By.LINK_TEXT, "English").click()
        wait.until(settled(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Subscribe to alerts")))

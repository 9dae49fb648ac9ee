"""The pages used by keyboard alone and with scripts disabled, and a control showing that the
accessibility scan fails on a page with serious violations."""
import datetime
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

TODAY = datetime.date.today()


def by_id(identifier):
    return lambda element: element.get_attribute("id") == identifier


def by_text(text):
    return lambda element: element.text.strip() == text


def type_date(site, field_id, date):
    """Types a date into the focused date input digit by digit, in the order the browser's
    language shows its parts (month first for en-US, day first otherwise), and checks the value."""
    element = site.focused()
    assert element.get_attribute("id") == field_id
    language = site.driver.execute_script("return navigator.language")
    order = "%m %d %Y" if language == "en-US" else "%d %m %Y"
    for digits in date.strftime(order).split():
        site.press(digits)
    value = element.get_attribute("value")
    assert value == date.isoformat(), "the date typed (%s, %s) reads %r" % (language, order, value)


def test_a_provider_signs_in_starts_a_self_assessment_and_adds_evidence_by_keyboard_alone(site):
    site.sign_out()
    site.open("/sign-in")
    # The first Tab reaches the skip link; following it puts the next Tab inside main.
    skip = site.tab_to("the skip link", lambda element: "skip" in (element.get_attribute("class") or ""), limit=1)
    assert skip.text == "Skip to content"
    site.press(Keys.ENTER)
    email = site.tab_to("the email field", by_id("email"), limit=1)
    assert site.driver.execute_script("return arguments[0].closest('main') !== null", email)
    site.press("lead@harbour.example", Keys.TAB, site.password)
    site.navigating(lambda: site.press(Keys.ENTER))
    assert site.path == "/home"

    site.tab_to("Start a self-assessment", by_text("Start a self-assessment"))
    site.navigating(lambda: site.press(Keys.ENTER))
    site.tab_to("the name field", by_id("title"))
    site.press("Harbour by keyboard")
    site.tab_to("the group programme", by_id("service-group-behaviour-change-box"))
    site.press(Keys.SPACE)
    site.tab_to("its standard risk", by_id("risk-group-behaviour-change-standard"))
    site.press(Keys.SPACE)
    site.tab_to("the start button", by_text("Start the self-assessment"))
    site.navigating(lambda: site.press(Keys.ENTER))
    path = site.path
    assert path.startswith("/self-assessments/") and "Not yet" in site.title, (path, site.title)

    # The first thing the path asks for, through its link, filled in and saved by keyboard.
    first = site.driver.find_element(By.CSS_SELECTOR, "ol.path a[href*='/evidence/new']")
    href = first.get_attribute("href")
    site.tab_to("the path's first evidence link", lambda element: element.get_attribute("href") == href)
    site.navigating(lambda: site.press(Keys.ENTER))
    indicator = urllib.parse.parse_qs(urllib.parse.urlparse(href).query)["indicator"][0]
    site.tab_to("the title field", by_id("title"))
    site.press("Group programme manual")
    site.tab_to("the issue date", by_id("issued"))
    type_date(site, "issued", TODAY - datetime.timedelta(days=30))
    site.tab_to("the review-by date", by_id("reviewBy"))
    type_date(site, "reviewBy", TODAY + datetime.timedelta(days=400))
    site.tab_to("the save button", by_text("Save and re-check"))
    site.navigating(lambda: site.press(Keys.ENTER))
    assert site.path.endswith("/versions/2/changes"), (site.path, site.text()[:400])
    site.open(path + "/edit")
    assert "Group programme manual" in site.text()
    assert indicator in site.html()


@pytest.fixture
def no_scripts(site):
    """The same browser with script execution disabled in every page it opens."""
    site.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    site.scripts = False
    try:
        # The proof: a page whose script would change its title keeps it.
        site.driver.get("data:text/html,<title>before</title><script>document.title='ran'</script>")
        assert site.driver.title == "before"
        yield site
        site.driver.get("data:text/html,<title>after</title><script>document.title='ran'</script>")
        assert site.driver.title == "after", "scripts came back during the test"
    finally:
        site.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        site.scripts = True


def test_pages_work_with_scripts_disabled(no_scripts):
    site = no_scripts
    site.sign_in("lead@northgate.example")
    site.click_link("Start a self-assessment")
    site.type("title", "Northgate without scripts")
    site.tick("service-one-to-one-behaviour-change-box")
    site.tick("risk-one-to-one-behaviour-change-standard")
    site.submit("Start the self-assessment")
    path = site.path
    assert "Not yet" in site.title
    site.click_link("Edit this self-assessment")
    site.click_link("Add an evidence item")
    site.choose("type", value="policy")
    site.type("title", "Safeguarding policy")
    site.set_date("issued", (TODAY - datetime.timedelta(days=5)).isoformat())
    site.submit("Save and re-check")
    assert site.driver.find_element(By.ID, "supports-error").text.endswith("Tick at least one indicator this item supports.")
    assert site.driver.find_element(By.ID, "title").get_attribute("value") == "Safeguarding policy"
    section = site.driver.find_element(By.CSS_SELECTOR, "#supports details")
    if section.get_attribute("open") is None:
        section.find_element(By.TAG_NAME, "summary").click()
    box = section.find_element(By.CSS_SELECTOR, "input[name=supports]")
    site.tick(box.get_attribute("id"))
    site.submit("Save and re-check")
    assert site.path == path + "/versions/2/changes", site.path
    site.open(path + "/versions")
    site.choose("from", value="1")
    site.submit("Compare")
    assert "Safeguarding policy" in site.text()
    site.click_button("Sign out")
    assert site.path in ("/", "/sign-in"), site.path


def test_the_accessibility_scan_fails_on_a_page_with_serious_violations(site):
    site.driver.get("data:text/html,<!DOCTYPE html><html><head><title>broken</title></head><body><main>"
                    "<img src='x.png'><button></button><input type='text'></main></body></html>")
    results, serious = site.scan()
    found = {violation["id"] for violation in serious}
    assert {"image-alt", "button-name", "label"} <= found, found

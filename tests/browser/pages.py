"""Drives the service's pages as a person would: follows links, fills and submits forms. Every
kind of page is photographed once at 1200 px and at 390 px (under .build/screenshots/web/) and
scanned with axe-core (WCAG 2.x A and AA rules, WCAG 2.2 included); a serious or critical
violation fails the test that met the page."""
import base64
import json
import os
import re
import time

from axe_selenium_python import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCREENSHOTS = os.path.join(REPOSITORY, ".build", "screenshots", "web")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Page kinds already checked in this run, and what each scan found.
CHECKED = {}


class AccessibilityFailure(AssertionError):
    pass


class Site:
    def __init__(self, base, driver, password):
        self.base = base
        self.driver = driver
        self.password = password
        self.scripts = True

    # Navigation -----------------------------------------------------------------------------

    def open(self, path):
        self.driver.get(self.base + path)
        return self

    @property
    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    @property
    def title(self):
        return self.driver.title

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def html(self):
        return self.driver.page_source

    def navigating(self, action):
        """Runs `action` (a click that loads a page) and waits until the next page has loaded."""
        self.driver.execute_script("window.__leaving = true")
        action()
        WebDriverWait(self.driver, 60, ignored_exceptions=[WebDriverException]).until(
            lambda driver: driver.execute_script("return !window.__leaving && document.readyState === 'complete'"))

    def click_link(self, text):
        link = self.driver.find_element(By.PARTIAL_LINK_TEXT, text)
        self.navigating(link.click)

    def click_button(self, text, within=None):
        scope = within or self.driver
        for button in scope.find_elements(By.CSS_SELECTOR, "button"):
            if button.text.strip() == text:
                self.navigating(button.click)
                return
        raise AssertionError("no button '%s' on %s" % (text, self.path))

    # Forms ----------------------------------------------------------------------------------

    def type(self, field_id, value):
        field = self.driver.find_element(By.ID, field_id)
        field.clear()
        if value:
            field.send_keys(value)

    def set_date(self, field_id, value):
        """Date inputs take a typed date in the browser's locale; set the value as the form sends it."""
        field = self.driver.find_element(By.ID, field_id)
        self.driver.execute_script("arguments[0].value = arguments[1]", field, value)

    def choose(self, field_id, label=None, value=None):
        select = Select(self.driver.find_element(By.ID, field_id))
        if value is not None:
            select.select_by_value(value)
        else:
            select.select_by_visible_text(label)

    def tick(self, field_id, on=True):
        box = self.driver.find_element(By.ID, field_id)
        if box.is_selected() != on:
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()

    def attach(self, field_id, path):
        self.driver.find_element(By.ID, field_id).send_keys(path)

    def submit(self, text):
        self.click_button(text)

    def download(self, link_text, timeout=30):
        """Follows a link that downloads a file; returns the downloaded file's path."""
        folder = self.driver.download_folder
        before = set(os.listdir(folder))
        self.driver.find_element(By.PARTIAL_LINK_TEXT, link_text).click()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = [name for name in set(os.listdir(folder)) - before if not name.endswith(".crdownload")]
            if new:
                return os.path.join(folder, new[0])
            time.sleep(0.1)
        raise AssertionError("following '%s' on %s downloaded nothing" % (link_text, self.path))

    # The keyboard -----------------------------------------------------------------------------

    def focused(self):
        return self.driver.switch_to.active_element

    def press(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def tab_to(self, description, matches, limit=80):
        """Presses Tab until `matches(element)` holds for the focused element; every element
        reached must show a visible focus indicator (an outline of at least 2 px)."""
        for _ in range(limit):
            self.press(Keys.TAB)
            element = self.focused()
            outline = self.driver.execute_script(
                "const s = getComputedStyle(arguments[0]);"
                "return [s.outlineStyle, parseFloat(s.outlineWidth) || 0, s.boxShadow, arguments[0].matches(':focus')];", element)
            label = element.get_attribute("outerHTML")[:120]
            assert outline[0] != "none" and outline[1] >= 2, "no visible focus on %s: %s" % (label, outline)
            if matches(element):
                return element
        raise AssertionError("%d presses of Tab on %s never reached %s" % (limit, self.path, description))

    # Accounts -------------------------------------------------------------------------------

    def sign_in(self, email):
        self.driver.delete_all_cookies()
        self.open("/sign-in")
        self.check("sign-in")
        self.type("email", email)
        self.type("password", self.password)
        self.submit("Sign in")
        assert self.path == "/home", "signing in as %s ended at %s: %s" % (email, self.path, self.text()[:300])

    def sign_out(self):
        self.driver.delete_all_cookies()

    # Screenshots and accessibility ------------------------------------------------------------

    def check(self, kind):
        """Photographs the page at 1200 and 390 px and scans it with axe-core, once per page kind."""
        if kind in CHECKED or not self.scripts:
            # Once per page kind; and axe-core needs scripts, so pages met with scripts disabled
            # are photographed and scanned when met in another test.
            return
        os.makedirs(SCREENSHOTS, exist_ok=True)
        for width, height, mobile in [(1200, 900, False), (390, 844, True)]:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            full = min(int(size["height"]), 12000)
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": full, "scale": 1},
            })
            with open(os.path.join(SCREENSHOTS, "%s-%d.png" % (kind, width)), "wb") as file:
                file.write(base64.b64decode(shot["data"]))
            if width == 390:
                overflow = self.driver.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 1, "%s scrolls sideways by %d px at 390 px" % (kind, overflow)
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        results, serious = self.scan()
        CHECKED[kind] = {"path": self.path, "violations": [(v["id"], v["impact"], len(v["nodes"])) for v in results["violations"]],
                         "axe": results["testEngine"]["version"]}
        with open(os.path.join(SCREENSHOTS, "accessibility.json"), "w") as file:
            json.dump(CHECKED, file, indent=2, sort_keys=True)
        if serious:
            detail = "; ".join("%s (%s): %s at %s" % (v["id"], v["impact"], v["help"],
                                                      ", ".join(str(n["target"]) for n in v["nodes"][:3])) for v in serious)
            raise AccessibilityFailure("%s (%s): %s" % (kind, self.path, detail))

    def scan(self):
        """axe-core's WCAG A and AA rules on the page: (the results, the serious or critical violations)."""
        Axe(self.driver).inject()
        results = self.driver.execute_script("return axe.run(document, arguments[0])",
                                             {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        return results, [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def first_number(text):
    found = re.search(r"[≥≤=>]\s*(\d+(?:\.\d+)?)", text)
    return found.group(1) if found else None

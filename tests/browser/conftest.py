"""Fixtures for the browser tests: a real `respect serve` on a free loopback port over a fresh
SQLite data folder (seeded with `respect organisations add` and `respect users add`), and
Debian's headless chromium driven by Selenium through Debian's chromedriver.

The binary is built before the tests by scripts/browser-test.sh (RESPECT_BINARY names it)."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from pages import Site

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PASSWORD = "a long passphrase for tests"

# Organisations and users every flow starts from: (number, name, kind) and (email, role, organisation).
ORGANISATIONS = [
    ("1190001", "Northgate Change Partnership", "provider"),
    ("1190002", "Brookfield Safer Relationships", "provider"),
    ("1190003", "Eastfield Men's Programme", "provider"),
    ("1190006", "Calderbank Safer Families", "provider"),
    ("1190009", "Harbour Men's Project", "provider"),
    ("WBC0001", "Westmere Borough Council", "commissioner"),
]
USERS = [
    ("admin@respect.example", "admin", None),
    ("lead@harbour.example", "provider", "1190009"),
    ("quality@brookfield.example", "provider", "1190002"),
    ("lead@northgate.example", "provider", "1190001"),
    ("quality@eastfield.example", "provider", "1190003"),
    ("lead@calderbank.example", "provider", "1190006"),
    ("procurement@westmere.example", "commissioner", "WBC0001"),
    ("first@assessors.example", "assessor", None),
    ("second@assessors.example", "assessor", None),
]


def respect(binary, data, *arguments, stdin=None):
    subprocess.run([binary, *arguments, "--data", data], input=stdin, text=True, check=True, cwd=REPOSITORY,
                   stdout=subprocess.DEVNULL, timeout=120)


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("RESPECT_BINARY") or os.path.join(REPOSITORY, ".build", "debug", "respect")
    data = tempfile.mkdtemp(prefix="respect-browser-")
    for number, name, kind in ORGANISATIONS:
        respect(binary, data, "organisations", "add", number, "--name", name, "--kind", kind)
    for email, role, organisation in USERS:
        extra = ["--organisation", organisation] if organisation else []
        respect(binary, data, "users", "add", email, "--role", role, *extra, "--password-stdin", stdin=PASSWORD + "\n")
    log = open(os.path.join(data, "serve.log"), "w+")
    process = subprocess.Popen([binary, "serve", "--port", "0", "--data", data], cwd=REPOSITORY, stdout=log, stderr=log)
    try:
        base = None
        for _ in range(600):
            log.seek(0)
            found = re.search(r"serving (http://127\.0\.0\.1:\d+)", log.read())
            if found:
                base = found.group(1)
                break
            if process.poll() is not None:
                break
            time.sleep(0.1)
        assert base, "respect serve did not start: " + open(log.name).read()
        with urllib.request.urlopen(base + "/health", timeout=10) as answer:
            assert answer.status == 200
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900",
                     "--lang=en-GB", "--disable-extensions", "--no-first-run", "--password-store=basic"]:
        options.add_argument(argument)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(service=service, options=options)
    downloads = tempfile.mkdtemp(prefix="respect-downloads-")
    try:
        browser.set_page_load_timeout(60)
        browser.set_script_timeout(120)
        # Downloads (exports) land in a temporary folder the tests read.
        browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        browser.download_folder = downloads
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(downloads, ignore_errors=True)


@pytest.fixture
def site(server, driver):
    site = Site(server, driver, PASSWORD)
    yield site
    site.sign_out()

"""The flows of issue 14, each end to end through the pages only, in Debian's chromium."""
import datetime
import hashlib
import os
import time

import pytest
from selenium.webdriver.common.by import By

from pages import REPOSITORY, first_number

EXAMPLES = os.path.join(REPOSITORY, "examples")
TODAY = datetime.date.today()


def iso(days):
    return (TODAY + datetime.timedelta(days=days)).isoformat()


def follow_path_until(site, path, title_word, limit=80):
    """Acts on the first thing the dashboard's path asks for, again and again, until the page
    title (which carries the verdict) contains `title_word`. Returns the number of saves."""
    saves = 0
    while title_word not in site.title:
        assert saves < limit, "still '%s' after %d saves: %s" % (site.title, saves, site.text()[:600])
        entry = site.driver.find_element(By.CSS_SELECTOR, "ol.path > li.entry")
        first = entry.find_element(By.CSS_SELECTOR, "ul.entry-actions a")
        what = entry.find_element(By.CSS_SELECTOR, "ul.provide").text
        indicator = entry.get_attribute("id").replace("missing-", "")
        site.navigating(first.click)
        if "/facts" in site.path:
            site.check("facts-form")
            fact_id = site.driver.current_url.split("#")[1]
            field = site.driver.find_element(By.ID, fact_id)
            if field.tag_name == "select":
                site.choose(fact_id, value="true")
            else:
                site.type(fact_id, first_number(what) or "1")
            site.submit("Save and re-check")
        else:
            site.check("evidence-form")
            site.type("title", "Document for " + indicator)
            site.set_date("issued", iso(-20))
            site.set_date("reviewBy", iso(700))
            site.submit("Save and re-check")
        assert "/changes" in site.path, "saving ended at %s: %s" % (site.path, site.text()[:500])
        site.check("changes")
        saves += 1
        site.open(path)
    return saves


def test_provider_builds_a_self_assessment_from_blank_to_working_towards_then_achieved(site):
    site.sign_in("lead@harbour.example")
    site.check("home")
    site.click_link("Start a self-assessment")
    site.choose("edition-choice", value="home-office@2023")
    site.submit("Use this edition")
    site.check("new-self-assessment")
    # A mistake first: no name. The form comes back with the error beside the field, the services kept.
    site.tick("service-behaviour-change-box")
    site.tick("risk-behaviour-change-standard")
    site.submit("Start the self-assessment")
    assert "Give the self-assessment a name." in site.text()
    assert site.driver.find_element(By.ID, "risk-behaviour-change-standard").is_selected()
    site.check("new-self-assessment-error")
    site.type("title", "Harbour self-assessment 2026")
    site.submit("Start the self-assessment")
    path = site.path
    assert path.startswith("/self-assessments/")
    assert "Not yet" in site.title
    site.check("dashboard")
    # The first evidence the path asks for, with a mistake: the review-by date before the issue
    # date. The form comes back with the error beside that date, and the title, the dates, the
    # ticked indicator and the attached file (named, with its SHA-256) are kept.
    link = site.driver.find_element(By.CSS_SELECTOR, "ol.path a[href*='/evidence/new']")
    ticked = link.get_attribute("href").split("indicator=")[1].split("&")[0]
    site.navigating(link.click)
    site.type("title", "Safeguarding policy 2026")
    site.set_date("issued", iso(-10))
    site.set_date("reviewBy", iso(-20))
    attachment = os.path.join(site.driver.download_folder, "safeguarding-policy.txt")
    with open(attachment, "w") as file:
        file.write("Safeguarding policy, approved by the board.\n")
    site.attach("file", attachment)
    site.submit("Save and re-check")
    assert site.driver.find_element(By.ID, "reviewBy-error").text.endswith("The review-by date is before the issue date.")
    assert site.driver.find_element(By.ID, "reviewBy").get_attribute("aria-invalid") == "true"
    assert site.driver.find_element(By.ID, "title").get_attribute("value") == "Safeguarding policy 2026"
    assert site.driver.find_element(By.ID, "issued").get_attribute("value") == iso(-10)
    assert site.driver.find_element(By.CSS_SELECTOR, "input[name=supports][value='%s']" % ticked).is_selected()
    kept = site.driver.find_element(By.CSS_SELECTOR, "p.kept").text
    with open(attachment, "rb") as file:
        assert "safeguarding-policy.txt" in kept and hashlib.sha256(file.read()).hexdigest() in kept, kept
    site.check("evidence-form-error")
    site.set_date("reviewBy", iso(700))
    site.submit("Save and re-check")
    assert "/changes" in site.path, site.text()[:500]
    site.open(path)
    follow_path_until(site, path, "Working towards")
    site.check("dashboard-working-towards")
    follow_path_until(site, path, "Meets the standards")
    site.check("dashboard-achieved")
    # The editor, the versions and a comparison of the first and the last.
    site.open(path + "/edit")
    site.check("editor")
    site.open(path + "/actions/new")
    site.check("action-form")
    site.open(path + "/versions")
    site.check("versions")
    site.choose("from", value="1")
    site.submit("Compare")
    assert "Meets the standards" in site.text()
    site.check("compare")
    # Submit the achieved version: it is frozen.
    site.open(path)
    site.submit("Submit this version for assessment")
    assert "submitted for assessment, frozen" in site.text()
    site.open(path + "/versions/1/report.html")
    site.check("report")


def test_provider_imports_a_submission_file(site):
    site.sign_in("quality@brookfield.example")
    site.click_link("Import a file")
    site.check("import")
    # No file chosen: the error is beside the file field and the name typed is kept.
    site.type("title", "Brookfield 2026 (imported)")
    site.submit("Import and check")
    assert site.driver.find_element(By.ID, "file-error").text.endswith("Choose the file to import.")
    assert site.driver.find_element(By.ID, "title").get_attribute("value") == "Brookfield 2026 (imported)"
    site.check("import-error")
    site.attach("file", os.path.join(EXAMPLES, "submissions", "working-towards.xml"))
    site.submit("Import and check")
    assert "Working towards the Standard" in site.title
    imported = site.path
    figures = site.driver.find_element(By.CSS_SELECTOR, "dl.meta").text
    missing = [e.get_attribute("id") for e in site.driver.find_elements(By.CSS_SELECTOR, "ol.path > li.entry")]
    assert missing, "a working-towards submission has something missing"
    # Export the submission XML, import the export as a new self-assessment: it evaluates identically.
    exported = site.download("Export the submission XML")
    with open(exported, "rb") as file:
        assert b"<submission" in file.read()
    site.open("/self-assessments/import")
    site.type("title", "Brookfield 2026 (export imported)")
    site.attach("file", exported)
    site.submit("Import and check")
    assert site.path != imported and "Working towards the Standard" in site.title
    again = site.driver.find_element(By.CSS_SELECTOR, "dl.meta").text
    assert again.split("\n")[-1] == figures.split("\n")[-1], (figures, again)
    assert [e.get_attribute("id") for e in site.driver.find_elements(By.CSS_SELECTOR, "ol.path > li.entry")] == missing
    site.open(imported + "/facts")
    site.check("facts-form")


@pytest.mark.skip(reason="the CSV evidence register import arrives with issue 12's register library (branch providers), "
                         "which is not on main yet; the import page says so")
def test_provider_imports_the_csv_evidence_register_example(site):
    pass


def import_and_submit(site, email, file):
    site.sign_in(email)
    site.open("/self-assessments/import")
    site.type("title", file)
    site.attach("file", os.path.join(EXAMPLES, "tender", "bids", file))
    site.submit("Import and check")
    path = site.path
    site.submit("Submit this version for assessment")
    assert "submitted for assessment, frozen" in site.text()
    return path


def test_commissioner_creates_a_tender_and_compares_three_bids_one_unsafe(site):
    site.sign_in("procurement@westmere.example")
    site.click_link("Create a tender")
    site.check("tender-form")
    site.attach("file", os.path.join(EXAMPLES, "tender", "tender-lot1.xml"))
    site.submit("Create the tender")
    tender = site.path
    assert tender.startswith("/tenders/")
    for email, file in [("lead@northgate.example", "a-northgate-achieved.xml"),
                        ("quality@eastfield.example", "d-eastfield-unsafe.xml"),
                        ("lead@calderbank.example", "e-calderbank-late-action.xml")]:
        import_and_submit(site, email, file)
        site.open("/tenders")
        site.check("tenders")
        site.open(tender)
        site.check("bid")
        site.submit("Place the bid")
        assert "(current)" in site.text()
    site.sign_in("procurement@westmere.example")
    site.open(tender)
    site.check("comparison")
    assert "Unsafe bids (1)" in site.text()
    rows = site.driver.find_elements(By.CSS_SELECTOR, "table.comparison tbody tr")
    assert len(rows) == 3
    assert "Eastfield" in rows[0].text and "unsafe" in rows[0].text
    assert "clause 4.4" in site.text()
    assert site.driver.find_element(By.PARTIAL_LINK_TEXT, "Download the comparison (CSV)").get_attribute("href").endswith("/comparison.csv")


def test_an_agreed_rejection_of_an_evidence_item_changes_the_providers_verdict(site):
    site.sign_in("quality@brookfield.example")
    site.open("/self-assessments/import")
    site.type("title", "Brookfield for assessment")
    site.attach("file", os.path.join(EXAMPLES, "submissions", "working-towards.xml"))
    site.submit("Import and check")
    path = site.path
    site.submit("Submit this version for assessment")
    number = path.split("/")[-1]

    site.sign_in("first@assessors.example")
    site.click_link("Assessment queue")
    site.check("queue")
    site.open("/assessments/%s/versions/1" % number)
    site.check("review")
    item = site.driver.find_element(By.ID, "evidence-st-safer-recruitment-policy")
    item.find_element(By.TAG_NAME, "summary").click()
    site.tick("evidence-st-safer-recruitment-policy-rejected")
    site.type("evidence-st-safer-recruitment-policy-reason", "The policy predates the 2025 DBS guidance and omits sessional staff.")
    site.click_button("Record the finding", within=item)
    assert "awaiting a second assessor" in site.text()
    site.sign_in("quality@brookfield.example")
    site.open(path)
    assert "Working towards the Standard" in site.title, "a finding awaiting moderation changes nothing"

    site.sign_in("second@assessors.example")
    site.click_link("Moderation")
    site.check("moderation")
    row = site.driver.find_element(By.XPATH, "//tr[contains(., 'st-safer-recruitment-policy')]")
    site.click_button("Agree", within=row)
    assert "No finding awaits moderation." in site.text()
    site.open("/assessments/%s/versions/1" % number)
    assert "agreed, final" in site.text()
    site.sign_in("quality@brookfield.example")
    site.open(path)
    assert "Not yet ready" in site.title
    assert "staff-safe-recruitment-dbs" in site.html() or "2.1.1" in site.text()

    site.sign_in("first@assessors.example")
    site.click_link("Rounds")
    site.check("rounds")
    site.type("name", "Browser round")
    site.submit("Score the round")
    site.check("round")
    assert "Indicators most often not met" in site.text()


def test_provider_a_cannot_reach_provider_bs_pages_by_changing_the_address(site):
    site.sign_in("lead@northgate.example")
    site.open("/self-assessments/new")
    site.type("title", "Northgate private")
    site.tick("service-group-behaviour-change-box")
    site.tick("risk-group-behaviour-change-standard")
    site.submit("Start the self-assessment")
    private = site.path
    site.sign_in("lead@calderbank.example")
    for suffix in ["", "/edit", "/versions", "/versions/1/submission.xml", "/calendar.ics"]:
        site.open(private + suffix)
        assert "There is nothing here." in site.text(), "%s showed: %s" % (private + suffix, site.text()[:200])
    site.check("not-found")


def test_a_form_posted_without_its_csrf_token_is_refused(site):
    site.sign_in("lead@northgate.example")
    site.open("/self-assessments/new")
    site.type("title", "Without a token")
    site.tick("service-group-behaviour-change-box")
    site.tick("risk-group-behaviour-change-standard")
    form = site.driver.find_element(By.CSS_SELECTOR, "form[action='/self-assessments']")
    site.driver.execute_script("arguments[0].querySelector('input[name=csrf]').remove()", form)
    site.submit("Start the self-assessment")
    assert "CSRF" in site.text() and "nothing was changed" in site.text()
    site.check("csrf-refused")
    site.open("/home")
    assert "Without a token" not in site.text()


def test_admin_manages_organisations_users_and_reads_the_audit_log(site):
    site.sign_in("admin@respect.example")
    site.click_link("Organisations")
    site.check("organisations")
    site.type("number", "1190010")
    site.type("name", "Riverside Respect Project")
    site.choose("kind", value="provider")
    site.submit("Add the organisation")
    assert "Riverside Respect Project" in site.text()
    site.click_link("Users")
    site.check("users")
    site.type("email", "lead@riverside.example")
    site.choose("role", value="provider")
    site.choose("organisation", value="1190010")
    site.type("password", "a long passphrase for Riverside")
    site.submit("Add the user")
    assert "lead@riverside.example" in site.text()
    site.click_link("Audit log")
    site.type("organisation", "1190010")
    site.submit("Show")
    assert "user.added" in site.text() and "organisation.added" in site.text()
    site.check("audit")

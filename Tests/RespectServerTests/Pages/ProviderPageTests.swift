import Foundation
import RespectTestSupport
import Testing

/// The provider's pages against a real server: starting from blank, the dashboard, the editor's
/// forms, versions and changes, import and export, submitting, and the calendar feed.
@Suite("Provider pages")
struct ProviderPageTests {
    @Test("a self-assessment started from blank opens on a dashboard with the verdict in words and what to provide, safety-critical first")
    func blankStartShowsThePath() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(session)
            let dashboard = try await session.get(path)
            #expect(dashboard.status == 200)
            let html = dashboard.text
            #expect(html.contains("<title>Self-assessment 2026: Not yet ready"))
            #expect(html.contains("Safety-critical failures: fix these first"))
            // Membership is a precondition, checked first: a blank start is decided by it, says so,
            // and the missing list starts with it, then the safety-critical indicators.
            #expect(html.contains("The path to the next verdict") && html.contains("Before applying"))
            #expect(html.contains("Apply for Respect membership before applying for accreditation"))
            #expect(html.contains("id=\"missing-gov-respect-membership\""))
            #expect(html.contains("\(path)/evidence/new?indicator=gov-respect-membership"))
            let list = try #require(html.range(of: "<ol class=\"checklist path\">"))
            let firstEntry = html[list.upperBound...].prefix(600)
            #expect(firstEntry.contains("tag-safety"), "\(firstEntry)")
            #expect(html.contains("\(path)/evidence/new?indicator="))
        }
    }

    @Test("two self-assessments of one file each link to their own pages on the dashboard and in the editor, and a page read again is the same page")
    func pagesOfOneFile() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server, "quality@brookfield.example", organisation: PageFixtures.brookfield)
            let first = try await PageFixtures.importFile(session, PageFixtures.workingTowards, title: "First")
            let second = try await PageFixtures.importFile(session, PageFixtures.workingTowards, title: "Second")
            // The same page again, apart from the values made afresh for every answer.
            func masked(_ html: String) -> String {
                html.replacingOccurrences(of: #"(nonce|value)="[^"]*""#, with: "$1=\"\"", options: .regularExpression)
            }
            for (page, part) in [("", "What to provide, most urgent first"), ("/edit", "gov-board-minutes-2026-03")] {
                let firstPage = try await session.get(first + page).text
                let secondPage = try await session.get(second + page).text
                #expect(firstPage.contains("\(first)/evidence/new?indicator=") && !firstPage.contains("\(second)/"), "\(page)")
                #expect(secondPage.contains("\(second)/evidence/new?indicator=") && !secondPage.contains("\(first)/"),
                        "the second file's page \(page) links to its own pages, not the first's")
                #expect(secondPage.contains("Second") && firstPage.contains("First"), "each page has its own record's title \(page)")
                #expect(firstPage.contains(part), "the assessment's part is on the page \(page)")
                let again = try await session.get(first + page).text
                #expect(masked(again) == masked(firstPage), "\(page)")
            }
        }
    }

    @Test("an evidence form with mistakes comes back with everything typed, each error beside its field, and the file kept")
    func nothingTypedIsLost() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(session)
            let file = PageSession.FilePart(field: "file", fileName: "../../safeguarding policy.pdf", mediaType: "application/pdf",
                                            bytes: Array("%PDF-1.7 safeguarding".utf8))
            let answer = try await session.postMultipart(path + "/evidence", [
                ("basedOn", "1"), ("id", "ev-safeguarding"), ("type", "policy"), ("title", "Safeguarding <policy> & procedures"),
                ("issued", "2026-02-30"), ("reviewBy", ""), ("supports", "gov-confidentiality-policy"),
            ], files: [file])
            #expect(answer.status == 422)
            let html = answer.text
            #expect(html.contains("value=\"Safeguarding &lt;policy&gt; &amp; procedures\""))
            #expect(html.contains("value=\"ev-safeguarding\""))
            #expect(html.contains("<option value=\"policy\" selected>"))
            #expect(html.contains("id=\"issued-error\"") && html.contains("aria-invalid=\"true\""))
            #expect(html.contains("<a href=\"#issued\">"), "the summary links to the field")
            #expect(html.contains("File kept:") && html.contains("<strong>safeguarding policy.pdf</strong>"))
            let versions = try await session.get(path + "/versions")
            #expect(!versions.text.contains("Version 2"), "nothing was saved")
        }
    }

    @Test("saving evidence writes the next version and shows what changed in the verdict")
    func saveShowsWhatChanged() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(session)
            let answer = try await session.postMultipart(path + "/evidence", [
                ("basedOn", "1"), ("id", "ev-policy-1"), ("type", "policy"), ("title", "Safeguarding policy"),
                ("issued", "2026-01-10"), ("reviewBy", "2028-01-10"), ("supports", "gov-confidentiality-policy"),
            ], files: [])
            #expect(answer.status == 303 && answer.headers["location"] == path + "/versions/2/changes")
            let changes = try await session.get(path + "/versions/2/changes")
            #expect(changes.text.contains("Saved as version 2"))
            #expect(changes.text.contains("Safeguarding policy (ev-policy-1)"))
            let editor = try await session.get(path + "/edit")
            #expect(editor.text.contains("<code>ev-policy-1</code>"))
        }
    }

    @Test("the submission XML exported from an edited self-assessment imports back and evaluates identically")
    func exportImportsIdentically() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server, "quality@brookfield.example", organisation: PageFixtures.brookfield)
            let original = try await PageFixtures.importFile(session, PageFixtures.workingTowards, title: "Imported")
            // An edit through the pages, so the export is the service's own writing of the model.
            let action = try await session.post(original + "/actions", [("basedOn", "1"), ("indicator", "gov-equality-diversity-policy"),
                                                                        ("action", "Review the equality policy & take it to the board"),
                                                                        ("owner", "Head of Service"), ("due", "2026-12-31")])
            #expect(action.status == 303)
            let exported = try await session.get(original + "/versions/2/submission.xml")
            #expect(exported.status == 200 && exported.headers["content-disposition"]?.contains("attachment") == true)
            let folder = try TestSupport.temporaryFolder()
            let file = folder + "/export.xml"
            try Data(exported.body).write(to: URL(fileURLWithPath: file))
            let again = try await PageFixtures.importFile(session, file, title: "Re-imported")
            let token = try await server.token("quality@brookfield.example")
            func result(_ path: String, _ version: Int) async throws -> [String: Any] {
                let answer = try await server.client.send("GET", "/api/v1/submissions/\(PageFixtures.id(path))/versions/\(version)/result",
                                                          headers: [("Authorization", "Bearer \(token)")])
                return answer.object
            }
            let before = try await result(original, 2), after = try await result(again, 1)
            for key in ["outcome", "totals", "indicators", "missingEvidence", "safetyCriticalFailures", "sections", "warnings"] {
                let left = try JSONSerialization.data(withJSONObject: before[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
                let right = try JSONSerialization.data(withJSONObject: after[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
                #expect(left == right, "\(key) differs")
            }
            #expect((before["outcome"] as? [String: Any])?["id"] as? String == "working-towards")
        }
    }

    @Test("an evidence register (CSV) imports through the same page as the command line builds it; a wrong cell is listed with its row and column and nothing is kept")
    func registerImports() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server, "quality@brookfield.example", organisation: PageFixtures.brookfield)
            let register = TestSupport.examplesDirectory + "/register/register.csv"
            let text = try String(contentsOfFile: register, encoding: .utf8)
            let typo = text.replacingOccurrences(of: ",Insurance certificate,", with: ",Insurence certificate,")
            #expect(typo != text)
            let refused = try await session.postMultipart("/self-assessments/import", [("title", "From <the> register")], files: [
                .init(field: "file", fileName: "register.csv", mediaType: "text/csv", bytes: Array(typo.utf8)),
            ])
            #expect(refused.status == 422)
            #expect(refused.text.contains("The evidence register cannot become a self-assessment: 1 problem. Nothing was kept."))
            #expect(refused.text.contains("register.csv row ") && refused.text.contains("column B"))
            #expect(refused.text.contains("did you mean `insurance-certificate`?"), "\(refused.text)")
            #expect(refused.text.contains("value=\"From &lt;the&gt; register\""))
            let list = try await session.get("/home")
            #expect(!list.text.contains("From &lt;the&gt; register"), "nothing was kept")
            // A NUL in a text field of a multipart form is refused as in any form; nothing is kept.
            let nul = try await session.postMultipart("/self-assessments/import", [("title", "From the\u{0}register")], files: [
                .init(field: "file", fileName: "register.csv", mediaType: "text/csv", bytes: Array(text.utf8)),
            ])
            #expect(nul.status == 400 && nul.text.contains("NUL"))
            #expect(!(try await session.get("/home")).text.contains("From the"), "nothing was kept")

            // The shipped register, sent as a spreadsheet program would (no .csv type on some
            // systems): read as a register by its content, and checked as the CLI checks it.
            let answer = try await session.postMultipart("/self-assessments/import", [("title", "From the register")], files: [
                .init(field: "file", fileName: "register.csv", mediaType: "application/octet-stream", bytes: Array(text.utf8)),
            ])
            #expect(answer.status == 303, "\(answer.status) \(answer.text.prefix(600))")
            let path = try #require(answer.headers["location"])
            let dashboard = try await session.get(path)
            #expect(dashboard.text.contains("Working towards the Standard"))
            let exported = try await session.get(path + "/versions/1/submission.xml")
            #expect(exported.status == 200 && exported.text.contains("<submission") && exported.text.contains("gov-articles"))
        }
    }

    @Test("another organisation's self-assessment answers 404 on every page, and its forms change nothing")
    func otherOrganisationsAreNotThere() async throws {
        try await TestServer.run { server in
            let owner = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(owner)
            let other = try await PageFixtures.provider(server, "lead@northgate.example", organisation: "1190001")
            for suffix in ["", "/edit", "/versions", "/versions/1", "/versions/1/changes", "/versions/1/submission.xml",
                           "/versions/1/report.html", "/calendar.ics", "/facts", "/evidence/new", "/actions/new", "/import",
                           "/compare?from=1&to=1"] {
                let answer = try await other.get(path + suffix)
                #expect(answer.status == 404, "\(path + suffix) answered \(answer.status)")
            }
            let post = try await other.post(path + "/actions", [("basedOn", "1"), ("indicator", "gov-confidentiality-policy"),
                                                                ("action", "x"), ("owner", "y"), ("due", "2026-12-31")])
            #expect(post.status == 404)
            let submit = try await other.post(path + "/versions/1/submit", [])
            #expect(submit.status == 404)
            #expect(!(try await owner.get(path + "/versions")).text.contains("Version 2"))
        }
    }

    @Test("a form posted without the session's CSRF token is refused and nothing changes")
    func formsNeedTheCSRFToken() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(session)
            let refused = try await session.post(path + "/versions/1/submit", [], withToken: false)
            #expect(refused.status == 403 && refused.text.contains("CSRF"))
            // A token one character off the real one: the first character is always changed.
            let first = session.csrf.first == "0" ? "1" : "0"
            let forged = try await session.post(path + "/versions/1/submit", [("csrf", first + session.csrf.dropFirst())], withToken: false)
            #expect(forged.status == 403)
            #expect((try await session.get(path)).text.contains("Submit this version for assessment"), "still a draft")
        }
    }

    @Test("submitting freezes the version; editing afterwards starts the next version")
    func submittedVersionsAreFrozen() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(session)
            let submitted = try await session.post(path + "/versions/1/submit", [])
            #expect(submitted.status == 303)
            #expect((try await session.get(path + "/versions/1")).text.contains("submitted for assessment, frozen"))
            let again = try await session.post(path + "/versions/1/submit", [])
            #expect(again.status == 409)
            let edit = try await session.post(path + "/services", [("basedOn", "1"), ("service", "group-behaviour-change"),
                                                                    ("risk-group-behaviour-change", "standard")])
            #expect(edit.headers["location"] == path + "/versions/2/changes")
            #expect((try await session.get(path + "/versions/1")).text.contains("submitted for assessment, frozen"))
        }
    }

    @Test("evidence whose review date falls in the next 90 days is on the dashboard and in the calendar feed")
    func expiringEvidenceAndCalendar() async throws {
        try await TestServer.run(configure: { $0.today = { ISO8601DateFormatter().date(from: "2026-10-01T12:00:00Z") ?? Date() } }) { server in
            let session = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(session)
            let saved = try await session.postMultipart(path + "/evidence", [
                ("basedOn", "1"), ("id", "ev-policy"), ("type", "policy"), ("title", "Safeguarding policy, v3"),
                ("issued", "2025-11-01"), ("reviewBy", "2026-11-15"), ("supports", "gov-confidentiality-policy"),
            ], files: [])
            #expect(saved.status == 303)
            let dashboard = try await session.get(path)
            #expect(dashboard.text.contains("2026-11-15") && dashboard.text.contains("Its review-by date passes"))
            let feed = try await session.get(path + "/calendar.ics")
            #expect(feed.status == 200 && feed.headers["content-type"]?.hasPrefix("text/calendar") == true)
            #expect(feed.text.contains("DTSTART;VALUE=DATE:20261115") && feed.text.contains("SUMMARY:Review due: Safeguarding policy\\, v3 (ev-policy)"))
        }
    }

    @Test("text a provider types is shown escaped on every page it appears on")
    func typedTextIsInert() async throws {
        try await TestServer.run { server in
            let session = try await PageFixtures.provider(server)
            let hostile = "<script>alert(1)</script>\"onmouseover=\"x"
            let path = try await PageFixtures.startBlank(session, title: hostile)
            _ = try await session.postMultipart(path + "/evidence", [
                ("basedOn", "1"), ("id", "ev-1"), ("type", "policy"), ("title", hostile), ("issued", "2026-01-10"),
                ("supports", "gov-confidentiality-policy"),
            ], files: [])
            for page in ["/home", path, path + "/edit", path + "/versions", path + "/versions/2/changes", path + "/evidence/ev-1/edit"] {
                let html = try await session.get(page).text
                #expect(!html.contains("<script>alert"), "\(page) shows the script")
                #expect(!html.contains("\"onmouseover=\"x"), "\(page) breaks out of an attribute")
            }
        }
    }
}

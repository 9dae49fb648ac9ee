import Foundation
import RespectTestSupport
import Testing

/// The assessor's pages: the queue, a review with findings, moderation by a second assessor,
/// and rounds. Only agreed findings change the provider's verdict.
@Suite("Assessor pages")
struct AssessorPageTests {
    /// Brookfield's working-towards.xml imported and submitted through the provider's pages.
    static func submitted(_ server: TestServer) async throws -> (PageSession, String) {
        let provider = try await PageFixtures.provider(server, "quality@brookfield.example", organisation: PageFixtures.brookfield)
        let path = try await PageFixtures.importFile(provider, PageFixtures.workingTowards, title: "Brookfield 2026")
        #expect(try await provider.post(path + "/versions/1/submit", []).status == 303)
        return (provider, path)
    }

    @Test("a finding changes the provider's verdict only once a second assessor agrees with it")
    func onlyAgreedFindingsCount() async throws {
        try await TestServer.run { server in
            let (provider, path) = try await Self.submitted(server)
            let id = PageFixtures.id(path)
            try await server.user("first@assessors.example", .assessor)
            try await server.user("second@assessors.example", .assessor)
            let first = try await PageSession.signIn(server, "first@assessors.example")
            let second = try await PageSession.signIn(server, "second@assessors.example")
            #expect((try await first.get("/assessments")).text.contains("/assessments/\(id)/versions/1"))
            let review = try await first.get("/assessments/\(id)/versions/1")
            #expect(review.status == 200 && review.text.contains("The engine alone"))
            let recorded = try await first.post("/assessments/\(id)/versions/1/findings", [
                ("kind", "indicator"), ("target", "staff-safe-recruitment-dbs"), ("decision", "rejected"),
                ("reason", "The DBS log does not cover the sessional facilitators."), ("expires", ""),
            ])
            #expect(recorded.status == 303)
            #expect((try await provider.get(path)).text.contains("<title>Brookfield 2026: Working towards the Standard"),
                    "a finding awaiting moderation changes nothing")
            let moderation = try await second.get("/moderation")
            let findingID = try #require(moderation.text.range(of: "action=\"/findings/").map { range in
                String(moderation.text[range.upperBound...].prefix { $0.isNumber })
            })
            // The assessor who recorded it cannot moderate it.
            #expect(!(try await first.get("/moderation")).text.contains("action=\"/findings/\(findingID)/moderation\""))
            let agreed = try await second.post("/findings/\(findingID)/moderation", [("agrees", "true"), ("note", "Checked the log."),
                                                                                     ("back", "/moderation")])
            #expect(agreed.status == 303 && agreed.headers["location"] == "/moderation")
            #expect((try await provider.get(path)).text.contains("<title>Brookfield 2026: Not yet ready"))
            let after = try await first.get("/assessments/\(id)/versions/1").text
            #expect(after.contains("agreed, final"))
        }
    }

    @Test("a disputed finding is listed as a disagreement and changes no verdict")
    func disputedFindingsAreListed() async throws {
        try await TestServer.run { server in
            let (provider, path) = try await Self.submitted(server)
            let id = PageFixtures.id(path)
            try await server.user("first@assessors.example", .assessor)
            try await server.user("second@assessors.example", .assessor)
            let first = try await PageSession.signIn(server, "first@assessors.example")
            let second = try await PageSession.signIn(server, "second@assessors.example")
            _ = try await first.post("/assessments/\(id)/versions/1/findings", [
                ("kind", "indicator"), ("target", "staff-safe-recruitment-dbs"), ("decision", "rejected"), ("reason", "Doubtful."),
            ])
            let page = try await second.get("/moderation").text
            let findingID = try #require(page.range(of: "action=\"/findings/").map { String(page[$0.upperBound...].prefix { $0.isNumber }) })
            _ = try await second.post("/findings/\(findingID)/moderation", [("agrees", "false"), ("note", "The log is complete.")])
            let listed = try await first.get("/moderation").text
            #expect(listed.contains("The log is complete.") && listed.contains("disputed"))
            #expect((try await provider.get(path)).text.contains("<title>Brookfield 2026: Working towards the Standard"))
        }
    }

    @Test("a finding form with no reason comes back filled with the error beside it, and nothing is recorded")
    func findingFormErrors() async throws {
        try await TestServer.run { server in
            let (_, path) = try await Self.submitted(server)
            try await server.user("first@assessors.example", .assessor)
            let first = try await PageSession.signIn(server, "first@assessors.example")
            let answer = try await first.post("/assessments/\(PageFixtures.id(path))/versions/1/findings", [
                ("kind", "evidence"), ("target", "gov-articles"), ("decision", "rejected"), ("reason", " "), ("expires", "2027-02-31"),
            ])
            #expect(answer.status == 422)
            #expect(answer.text.contains("Give the reason for the finding.") && answer.text.contains("value=\"2027-02-31\""))
            #expect(answer.text.contains("<details class=\"finding-form\" open>"))
            #expect(!(try await first.get("/moderation")).text.contains("action=\"/findings/"))
        }
    }

    @Test("a round shows the outcomes, the indicators most often missing, and a per-section chart with its table")
    func roundView() async throws {
        try await TestServer.run { server in
            _ = try await Self.submitted(server)
            try await server.user("first@assessors.example", .assessor)
            let assessor = try await PageSession.signIn(server, "first@assessors.example")
            let scored = try await assessor.post("/rounds", [("name", "Autumn 2026")])
            #expect(scored.status == 303)
            let round = try await assessor.get(try #require(scored.headers["location"]))
            #expect(round.status == 200)
            #expect(round.text.contains("Working towards the Standard") && round.text.contains("<strong>1</strong>"))
            #expect(round.text.contains("<svg role=\"img\"") && round.text.contains("<rect x=\"44\""))
            #expect(round.text.contains("Indicators met by section, across the round"))
            #expect(round.text.contains("Indicators most often not met"))
        }
    }

    @Test("a provider, commissioner or admin reaches no assessor page; a draft is not in the queue")
    func assessorPagesAreForAssessors() async throws {
        try await TestServer.run { server in
            let provider = try await PageFixtures.provider(server)
            let path = try await PageFixtures.startBlank(provider)
            for page in ["/assessments", "/moderation", "/rounds", "/assessments/\(PageFixtures.id(path))/versions/1"] {
                #expect(try await provider.get(page).status == 404, "\(page)")
            }
            try await server.user("first@assessors.example", .assessor)
            let assessor = try await PageSession.signIn(server, "first@assessors.example")
            #expect(try await assessor.get("/assessments/\(PageFixtures.id(path))/versions/1").status == 404)
            #expect(try await assessor.get(path).status == 404)
        }
    }
}

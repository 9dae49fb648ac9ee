import Foundation
import RespectTestSupport
import Testing

/// Who sees what, each rule through the running server: anything a user may not reach is 404.
@Suite("Access rules")
struct AccessRuleTests {
    @Test("a provider sees and changes its own organisation's submissions, and another organisation's are not there")
    func providersSeeTheirOwn() async throws {
        try await TestServer.run { server in
            let (eastfield, id) = try await ServerFixtures.eastfieldSubmission(server, submit: false)
            let client = server.client
            #expect(try await client.send("GET", "/api/v1/submissions/\(id)", headers: ServerFixtures.bearer(eastfield)).status == 200)
            #expect(try await client.send("GET", "/api/v1/submissions", headers: ServerFixtures.bearer(eastfield)).array.count == 1)
            try await server.user("lead@northgate.example", .provider, organisation: "1100001")
            let northgate = try await server.token("lead@northgate.example")
            let other = ServerFixtures.bearer(northgate)
            for path in ["/api/v1/submissions/\(id)", "/api/v1/submissions/\(id)/versions", "/api/v1/submissions/\(id)/versions/1",
                         "/api/v1/submissions/\(id)/versions/1/result", "/api/v1/submissions/\(id)/files"] {
                #expect(try await client.send("GET", path, headers: other).status == 404, "\(path)")
            }
            #expect(try await client.send("POST", "/api/v1/submissions/\(id)/versions/1/submit", headers: other).status == 404)
            #expect(try await client.send("POST", "/api/v1/submissions/\(id)/versions", headers: other,
                                          body: ServerFixtures.notYetBytes).status == 404)
            #expect(try await client.send("GET", "/api/v1/submissions", headers: other).array.isEmpty)
            #expect(try await client.send("GET", "/api/v1/submissions/\(id + 1)", headers: other).status == 404,
                    "a record that does not exist answers the same")
            let upload = try await client.send("POST", "/api/v1/submissions", headers: other, body: ServerFixtures.notYetBytes)
            #expect(upload.status == 422 && (upload.object["detail"] as? String ?? "").contains("1100001"),
                    "a provider cannot upload another organisation's file")
        }
    }

    @Test("an assessor sees submitted versions only, never a draft or a submission not submitted")
    func assessorsSeeSubmitted() async throws {
        try await TestServer.run { server in
            let (provider, id) = try await ServerFixtures.eastfieldSubmission(server, submit: false)
            try await server.user("assessor@respect.example", .assessor)
            let assessor = ServerFixtures.bearer(try await server.token("assessor@respect.example"))
            let client = server.client
            #expect(try await client.send("GET", "/api/v1/submissions/\(id)", headers: assessor).status == 404)
            #expect(try await client.send("GET", "/api/v1/submissions", headers: assessor).array.isEmpty)
            _ = try await client.send("POST", "/api/v1/submissions/\(id)/versions/1/submit", headers: ServerFixtures.bearer(provider))
            _ = try await client.send("POST", "/api/v1/submissions/\(id)/versions?name=v2.xml", headers: ServerFixtures.bearer(provider),
                                      body: ServerFixtures.notYetBytes)
            #expect(try await client.send("GET", "/api/v1/submissions/\(id)", headers: assessor).status == 200)
            #expect(try await client.send("GET", "/api/v1/submissions/\(id)/versions/1/result", headers: assessor).status == 200)
            #expect(try await client.send("GET", "/api/v1/submissions/\(id)/versions/2", headers: assessor).status == 404, "a draft")
            #expect(try await client.send("GET", "/api/v1/submissions/\(id)/versions", headers: assessor).array.count == 1)
            let finding = try await client.send("POST", "/api/v1/submissions/\(id)/findings", headers: assessor + [("Content-Type", "application/json")],
                                                body: Array(#"{"version":1,"kind":"indicator","targetID":"gov-respect-membership","decision":"accepted","reason":"Confirmed by email."}"#.utf8))
            #expect(finding.status == 201)
            let onDraft = try await client.send("POST", "/api/v1/submissions/\(id)/findings", headers: assessor + [("Content-Type", "application/json")],
                                                body: Array(#"{"version":2,"kind":"indicator","targetID":"x","decision":"accepted","reason":"r"}"#.utf8))
            #expect(onDraft.status == 409, "findings need a submitted version")
            #expect(try await client.send("POST", "/api/v1/submissions/\(id)/versions/1/submit", headers: assessor).status == 404,
                    "an assessor does not change a provider's submission")
        }
    }

    @Test("a commissioner sees its own tenders and the bids made to them, and nothing of another commissioner")
    func commissionersSeeTheirTenders() async throws {
        try await TestServer.run { server in
            let (provider, id) = try await ServerFixtures.eastfieldSubmission(server, submit: true)
            try await server.user("officer@calderbank.example", .commissioner, organisation: "09876543")
            try await server.user("officer@harrowby.example", .commissioner, organisation: "08765432")
            let officer = ServerFixtures.bearer(try await server.token("officer@calderbank.example"))
            let rival = ServerFixtures.bearer(try await server.token("officer@harrowby.example"))
            let client = server.client
            let tenderBytes = Array(try Data(contentsOf: URL(fileURLWithPath: ServerFixtures.tender)))
            let tender = try await client.send("POST", "/api/v1/tenders?name=tender-lot1.xml", headers: officer, body: tenderBytes)
            #expect(tender.status == 201)
            let tenderID = tender.object["id"] as? Int ?? -1
            let bid = try await client.send("POST", "/api/v1/tenders/\(tenderID)/bids",
                                            headers: ServerFixtures.bearer(provider) + [("Content-Type", "application/json")],
                                            body: Array(#"{"submission":\#(id),"version":1}"#.utf8))
            #expect(bid.status == 201)
            #expect(try await client.send("GET", "/api/v1/tenders/\(tenderID)/bids", headers: officer).array.count == 1)
            let comparison = try await client.send("GET", "/api/v1/tenders/\(tenderID)/comparison", headers: officer)
            #expect(comparison.status == 200 && comparison.object["bids"] != nil)
            let csv = try await client.send("GET", "/api/v1/tenders/\(tenderID)/comparison?format=csv", headers: officer)
            #expect(csv.status == 200 && csv.headers["content-type"]?.hasPrefix("text/csv") == true)
            let html = try await client.send("GET", "/api/v1/tenders/\(tenderID)/comparison?format=html", headers: officer)
            #expect(html.status == 200 && html.text.contains("<html"))
            for path in ["/api/v1/tenders/\(tenderID)", "/api/v1/tenders/\(tenderID)/bids", "/api/v1/tenders/\(tenderID)/comparison"] {
                #expect(try await client.send("GET", path, headers: rival).status == 404, "\(path)")
            }
            #expect(try await client.send("GET", "/api/v1/tenders", headers: rival).array.isEmpty)
            #expect(try await client.send("GET", "/api/v1/tenders/\(tenderID)/comparison", headers: ServerFixtures.bearer(provider)).status == 404)
            #expect(try await client.send("GET", "/api/v1/submissions/\(id)", headers: officer).status == 404)
        }
    }

    @Test("only an admin manages users and organisations")
    func adminsManageAccounts() async throws {
        try await TestServer.run { server in
            try await server.user("admin@respect.example", .admin)
            try await server.user("assessor@respect.example", .assessor)
            let admin = ServerFixtures.bearer(try await server.token("admin@respect.example"))
            let assessor = ServerFixtures.bearer(try await server.token("assessor@respect.example"))
            let json = [("Content-Type", "application/json")]
            let client = server.client
            let organisation = Array(#"{"registeredNumber":"1190003","name":"Eastfield Men's Programme","kind":"provider"}"#.utf8)
            #expect(try await client.send("POST", "/api/v1/organisations", headers: assessor + json, body: organisation).status == 404)
            #expect(try await client.send("POST", "/api/v1/organisations", headers: admin + json, body: organisation).status == 201)
            let user = Array(#"{"email":"quality@eastfield.example","role":"provider","organisation":"1190003","password":"a long passphrase"}"#.utf8)
            #expect(try await client.send("POST", "/api/v1/users", headers: assessor + json, body: user).status == 404)
            let added = try await client.send("POST", "/api/v1/users", headers: admin + json, body: user)
            #expect(added.status == 201 && added.object["password"] == nil && added.object["passwordHash"] == nil)
            #expect(try await client.send("GET", "/api/v1/users", headers: assessor).status == 404)
            #expect(try await client.send("GET", "/api/v1/users", headers: admin).array.count == 3)
            let id = added.object["id"] as? Int ?? -1
            let provider = ServerFixtures.bearer(try await server.token("quality@eastfield.example"))
            #expect(try await client.send("GET", "/api/v1/me", headers: provider).status == 200)
            let disabled = try await client.send("PATCH", "/api/v1/users/\(id)", headers: admin + json, body: Array(#"{"disabled":true}"#.utf8))
            #expect(disabled.object["disabled"] as? Bool == true)
            #expect(try await client.send("GET", "/api/v1/me", headers: provider).status == 401, "a disabled user's token stops at once")
        }
    }

    @Test("a check's report is read by the user who made the check alone")
    func checkReportsArePrivate() async throws {
        try await TestServer.run { server in
            try await server.user("assessor@respect.example", .assessor)
            try await server.user("second@respect.example", .assessor)
            let first = ServerFixtures.bearer(try await server.token("assessor@respect.example"))
            let second = ServerFixtures.bearer(try await server.token("second@respect.example"))
            let check = try await server.client.send("POST", "/api/v1/check", headers: first, body: ServerFixtures.notYetBytes)
            let link = try #require(check.headers["link"]?.split(separator: ">").first?.dropFirst()).description
            #expect(try await server.client.send("GET", link, headers: first).status == 200)
            #expect(try await server.client.send("GET", link, headers: second).status == 404)
            #expect(try await server.client.send("GET", link).status == 401)
        }
    }
}

import Foundation
import RespectTestSupport
import Testing

@Suite("Uploads and the audit log")
struct UploadAndAuditTests {
    @Test("an evidence file over the limit is refused with 413 before its body is read, and nothing is kept")
    func uploadsOverTheLimit() async throws {
        try await TestServer.run(configure: { $0.maxEvidenceFileBytes = 100_000 }) { server in
            let (token, id) = try await ServerFixtures.eastfieldSubmission(server, submit: false)
            let small = try await server.client.send("POST", "/api/v1/submissions/\(id)/files?name=policy.pdf",
                                                     headers: ServerFixtures.bearer(token) + [("Content-Type", "application/pdf")],
                                                     body: Array(repeating: 7, count: 100_000))
            #expect(small.status == 201 && small.object["size"] as? Int == 100_000)
            let large = try await server.client.send("POST", "/api/v1/submissions/\(id)/files?name=big.pdf",
                                                     headers: ServerFixtures.bearer(token), body: Array(repeating: 8, count: 8_000_000))
            #expect(large.status == 413 && large.object["code"] as? String == "too-large")
            // Declared small, sent large: refused as soon as the body passes the limit.
            let lying = try await server.client.send("POST", "/api/v1/submissions/\(id)/files?name=lying.pdf",
                                                     headers: ServerFixtures.bearer(token) + [("Transfer-Encoding", "chunked")],
                                                     body: Array(repeating: 9, count: 300_000))
            #expect(lying.status == 413)
            #expect(try await server.store.evidenceFiles(submissionID: Int64(id)).count == 1)
            let files = try await server.client.send("GET", "/api/v1/submissions/\(id)/files", headers: ServerFixtures.bearer(token))
            let digest = try #require(files.array.first?["sha256"] as? String)
            let download = try await server.client.send("GET", "/api/v1/submissions/\(id)/files/\(digest)", headers: ServerFixtures.bearer(token))
            #expect(download.body == Array(repeating: 7, count: 100_000))
        }
    }

    @Test("every change through the API is in the audit log, which admins and assessors read and providers do not")
    func changesAreAudited() async throws {
        try await TestServer.run { server in
            let (token, id) = try await ServerFixtures.eastfieldSubmission(server, submit: true)
            try await server.user("admin@respect.example", .admin)
            let admin = ServerFixtures.bearer(try await server.token("admin@respect.example"))
            let entries = try await server.client.send("GET", "/api/v1/audit?organisation=1190003", headers: admin).array
            let actions = entries.compactMap { $0["action"] as? String }
            #expect(actions == ["version.submitted", "version.added", "submission.created", "user.added", "organisation.added"])
            #expect(entries.first?["after"] as? String != nil && entries.first?["before"] as? String != nil)
            #expect((entries.first?["author"] as? [String: Any])?["name"] as? String == "quality@eastfield.example")
            #expect(try await server.client.send("GET", "/api/v1/audit", headers: ServerFixtures.bearer(token)).status == 404)
            #expect(id > 0)
        }
    }
}

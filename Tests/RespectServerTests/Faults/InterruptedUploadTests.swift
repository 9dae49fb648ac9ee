import Foundation
import RespectTestSupport
import Testing

/// An upload that never finishes — the client goes away, or the server is killed while the
/// body is arriving — leaves nothing behind: no content, no file record, no submission.
@Suite("Interrupted uploads", .usesTheDatabase, .timeLimit(.minutes(5)))
struct InterruptedUploadTests {
    static let stored = ["file_content", "evidence_file", "submission", "submission_version", "quick_check"]

    static func counts(_ storage: StorageUnderTest) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in stored { counts[table] = try await storage.count(table) }
        return counts
    }

    @Test("uploads cut off by the client leave no orphan, and the server keeps serving")
    func cutOffByTheClient() async throws {
        let storage = try await StorageUnderTest.fresh()
        try await storage.addAccounts()
        let server = try await storage.start()
        let bearer = ServerFixtures.bearer(try await Workload.token(server.client, Workload.provider))
        let created = try await server.client.send("POST", "/api/v1/submissions?name=whole.xml", headers: bearer,
                                                   body: Workload.submission("whole"))
        let id = try #require((created.object["submission"] as? [String: Any])?["id"] as? Int)
        let before = try await Self.counts(storage)

        let evidence = Workload.evidence("cut off", size: 1_000_000)
        try await server.client.sendCutOff("POST", "/api/v1/submissions/\(id)/files?name=big.pdf", headers: bearer,
                                           declaredLength: evidence.count, body: Array(evidence.prefix(300_000)))
        let submission = Workload.submission("cut off")
        try await server.client.sendCutOff("POST", "/api/v1/submissions?name=cut.xml", headers: bearer,
                                           declaredLength: submission.count, body: Array(submission.prefix(submission.count / 2)))
        try await server.client.sendCutOff("POST", "/api/v1/submissions/\(id)/versions?name=cut.xml", headers: bearer,
                                           declaredLength: submission.count, body: Array(submission.prefix(100)))
        try await server.client.sendCutOff("POST", "/api/v1/check?name=cut.xml", headers: bearer,
                                           declaredLength: submission.count, body: Array(submission.prefix(1000)))

        #expect(try await server.client.send("GET", "/health").status == 200)
        #expect(try await Self.counts(storage) == before)
        #expect(try await storage.partialRecords().filter { $0.value != 0 } == [:])
        let whole = try await server.client.send("POST", "/api/v1/submissions/\(id)/files?name=small.pdf", headers: bearer,
                                                 body: Workload.evidence("whole"))
        #expect(whole.status == 201, "a whole upload after them is kept")
        #expect(await server.stop() == 0, "\(server.output)")
    }

    @Test("an upload cut off by killing the server leaves no orphan after the restart")
    func cutOffByACrash() async throws {
        let storage = try await StorageUnderTest.fresh()
        try await storage.addAccounts()
        let first = try await storage.start()
        let bearer = ServerFixtures.bearer(try await Workload.token(first.client, Workload.provider))
        let created = try await first.client.send("POST", "/api/v1/submissions?name=whole.xml", headers: bearer,
                                                  body: Workload.submission("whole"))
        let id = try #require((created.object["submission"] as? [String: Any])?["id"] as? Int)
        let before = try await Self.counts(storage)

        let evidence = Workload.evidence("crash", size: 4_000_000)
        let upload = Task {
            try? await first.client.sendCutOff("POST", "/api/v1/submissions/\(id)/files?name=big.pdf", headers: bearer,
                                               declaredLength: evidence.count + 1_000_000, body: evidence)
        }
        try await Task.sleep(for: .milliseconds(100))
        await first.crash()
        _ = await upload.value

        let second = try await storage.start()
        #expect(try await Self.counts(storage) == before)
        #expect(try await storage.partialRecords().filter { $0.value != 0 } == [:])
        let files = try await second.client.send("GET", "/api/v1/submissions/\(id)/files", headers: bearer)
        #expect(files.status == 200 && files.array.isEmpty)
        #expect(await second.stop() == 0, "\(second.output)")
    }
}

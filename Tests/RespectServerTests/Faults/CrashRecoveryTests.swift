import Foundation
import RespectTestSupport
import Testing

/// `respect serve` killed with SIGKILL (a crash, `kill -9`, the machine's OOM killer) in the
/// middle of writes, then started again on the same data: every write the server acknowledged
/// is there, byte for byte, and nothing is half-written. On SQLite by default; on PostgreSQL in
/// the PostgreSQL leg.
@Suite("Crash recovery", .usesTheDatabase, .timeLimit(.minutes(10)))
struct CrashRecoveryTests {
    @Test("killed with SIGKILL during uploads and restarted: every acknowledged upload is there and nothing is partial")
    func killedDuringUploads() async throws {
        let storage = try await StorageUnderTest.fresh()
        try await storage.addAccounts()
        let first = try await storage.start()
        let token = try await Workload.token(first.client, Workload.provider)
        let ledger = Workload.Ledger()
        let uploads = Task { await Workload.upload(to: first.port, token: token, uploaders: 4, ledger: ledger, tag: "crash") }
        try await Workload.waitFor(40, in: ledger)
        await first.crash()
        await ledger.stop()
        await uploads.value
        let acknowledged = await ledger.writes
        #expect(acknowledged.count >= 40, "uploads were acknowledged before the crash")
        #expect(await ledger.failures > 0, "requests in flight failed when the server died")

        let second = try await storage.start()
        let missing = try await Workload.missing(acknowledged, port: second.port, token: token)
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.map { "submission \($0.submission) \($0.kind)" })")
        #expect(try await storage.partialRecords().filter { $0.value != 0 } == [:])
        let versions = acknowledged.filter { $0.kind == .version }.count
        #expect(try await storage.count("submission") >= versions)

        // The restarted server takes writes again.
        let again = try await second.client.send("POST", "/api/v1/submissions?name=after.xml", headers: ServerFixtures.bearer(token),
                                                 body: Workload.submission("after the crash"))
        #expect(again.status == 201)
        #expect(await second.stop() == 0, "\(second.output)")
    }

    @Test("killed with SIGKILL while a round is scored and restarted: each recorded entry is whole, and the round can be scored again")
    func killedDuringARound() async throws {
        let storage = try await StorageUnderTest.fresh()
        try await storage.addAccounts()
        let first = try await storage.start()
        let provider = ServerFixtures.bearer(try await Workload.token(first.client, Workload.provider))
        let assessor = ServerFixtures.bearer(try await Workload.token(first.client, Workload.assessor))
        var submitted: [Int] = []
        for index in 0..<40 {
            let created = try await first.client.send("POST", "/api/v1/submissions?name=round.xml", headers: provider,
                                                      body: Workload.submission("round \(index)"))
            let id = try #require((created.object["submission"] as? [String: Any])?["id"] as? Int, "\(created.status) \(created.text)")
            let submit = try await first.client.send("POST", "/api/v1/submissions/\(id)/versions/1/submit", headers: provider)
            #expect(submit.status == 200, "\(submit.text)")
            submitted.append(id)
        }
        let round = Array("""
            {"name": "assessment week", "versions": [\(submitted.map { "{\"submission\": \($0), \"version\": 1}" }.joined(separator: ", "))]}
            """.utf8)
        // Kill it once some entries are recorded, before the last. This task sends the kill, and
        // on CI it can wait minutes for a thread after it sees the fifth entry while the server
        // scores on. A round that ended before the kill tests nothing, so the round is scored
        // again on a restarted server, at most three times in all.
        var server = first
        var earlier = 0
        var recorded = 0
        for attempt in 1...3 {
            earlier = try await storage.count("round_entry")
            let scoring = Task { [server] in
                try? await server.client.send("POST", "/api/v1/rounds", headers: assessor + [("Content-Type", "application/json")], body: round)
            }
            let deadline = ContinuousClock.now + .seconds(120)
            while try await storage.count("round_entry") < earlier + 5 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            await server.crash()
            let answer = await scoring.value
            recorded = try await storage.count("round_entry") - earlier
            guard recorded == submitted.count, attempt < 3 else {
                #expect(answer == nil || answer?.status == 0, "the round was never acknowledged")
                break
            }
            server = try await storage.start()
        }
        #expect(recorded >= 5 && recorded < submitted.count, "killed part-way: \(recorded) of \(submitted.count) entries")

        let second = try await storage.start()
        #expect(try await storage.partialRecords().filter { $0.value != 0 } == [:])
        #expect(try await storage.count("run") == earlier + recorded, "one run per recorded entry, none without its entry")
        // Every submitted version is still there, and a new round scores them all.
        let list = try await second.client.send("GET", "/api/v1/submissions", headers: assessor)
        #expect(Set(list.array.compactMap { $0["id"] as? Int }) == Set(submitted))
        let rescored = try await second.client.send("POST", "/api/v1/rounds", headers: assessor + [("Content-Type", "application/json")],
                                                    body: round)
        #expect(rescored.status == 201)
        let entries = rescored.object["entries"] as? [[String: Any]] ?? []
        #expect(entries.count == submitted.count && entries.allSatisfy { $0["run"] as? Int != nil })
        #expect(await second.stop() == 0, "\(second.output)")
    }
}

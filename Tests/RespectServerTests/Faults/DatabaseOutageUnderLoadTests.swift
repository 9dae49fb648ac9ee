import Foundation
import RespectTestSupport
import Testing

/// PostgreSQL stopped and started again while `respect serve` is under load: requests that
/// need the database answer 503 while it is away, the server recovers by itself once it is
/// back (no restart), never crashes, and every write it acknowledged is kept. The PostgreSQL
/// leg only; it stops the database, so it runs while no other test uses it.
@Suite("PostgreSQL outage under load", .enabled(if: TestDatabase.isIncluded), .stopsTheDatabase, .timeLimit(.minutes(10)))
struct DatabaseOutageUnderLoadTests {
    /// The statuses clients saw, in order, from several clients reading and writing at once.
    actor Statuses {
        private(set) var seen: [Int] = []
        private(set) var acknowledgedChecks = 0
        private var stopped = false
        func add(_ status: Int, check: Bool) {
            seen.append(status)
            if check && status == 200 { acknowledgedChecks += 1 }
        }
        func stop() { stopped = true }
        var isStopped: Bool { stopped }
    }

    @Test("while PostgreSQL is stopped the server answers 503; after it starts again the server answers 200 by itself and has lost nothing")
    func stopAndStartUnderLoad() async throws {
        let storage = try await StorageUnderTest.fresh()
        try await storage.addAccounts()
        let server = try await storage.start()
        let token = try await Workload.token(server.client, Workload.provider)
        let ledger = Workload.Ledger()
        let statuses = Statuses()
        let port = server.port

        // Readers: GET /api/v1/me and POST /api/v1/check (both need the database), four at once.
        // A request the server holds for 45 s (its database calls give up after 10 s) counts as
        // dropped (status 0), so a hung request fails the test rather than hanging it.
        let readers = Task {
            await withTaskGroup(of: Void.self) { group in
                for reader in 0..<4 {
                    group.addTask {
                        let client = TestHTTPClient(port: port)
                        while !(await statuses.isStopped) {
                            let answer = reader.isMultiple(of: 2)
                                ? try? await client.send("GET", "/api/v1/me", headers: ServerFixtures.bearer(token), timeout: .seconds(45))
                                : try? await client.send("POST", "/api/v1/check?name=not-yet.xml", headers: ServerFixtures.bearer(token),
                                                         body: ServerFixtures.notYetBytes, timeout: .seconds(45))
                            await statuses.add(answer?.status ?? 0, check: !reader.isMultiple(of: 2))
                            if answer?.status != 200 { try? await Task.sleep(for: .milliseconds(100)) }
                        }
                    }
                }
            }
        }
        try await Task.sleep(for: .seconds(2))
        try await TestDatabase.control("stop")
        let stoppedAt = await statuses.seen.count
        try await Task.sleep(for: .seconds(15))
        let during = Array(await statuses.seen[stoppedAt...])
        try await TestDatabase.control("start")
        let startedAt = await statuses.seen.count

        // Recovered: the next 200 arrives within a minute of the start, without a restart.
        let deadline = ContinuousClock.now + .seconds(60)
        while !(await statuses.seen[startedAt...].contains(200)) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .seconds(1))
        await statuses.stop()
        await readers.value
        let after = Array(await statuses.seen[startedAt...])

        #expect(during.contains(503), "503 while the database is away: \(Set(during))")
        #expect(during.allSatisfy { $0 == 503 || $0 == 200 }, "nothing but 503 (or 200 before the stop was noticed): \(Set(during))")
        #expect(after.contains(200), "answers 200 again after the start")
        let counts = Dictionary(grouping: await statuses.seen, by: \.self).mapValues(\.count)
        #expect(Set(await statuses.seen).isSubset(of: [200, 503]),
                "never another status, never a dropped connection (0): \(counts.sorted { $0.key < $1.key }); server log: \(server.output.suffix(3000))")
        #expect(server.isRunning, "the server never crashed: \(server.output)")

        // Writes after the outage are kept, and so is every check acknowledged before, during and after it.
        let uploads = Task { await Workload.upload(to: port, token: token, uploaders: 2, ledger: ledger, tag: "after the outage") }
        try await Workload.waitFor(6, in: ledger)
        await ledger.stop()
        await uploads.value
        #expect(try await Workload.missing(await ledger.writes, port: port, token: token).isEmpty)
        let checks = await statuses.acknowledgedChecks
        let recordedChecks = try await storage.count("quick_check")
        #expect(checks > 0 && recordedChecks >= checks, "every acknowledged check is recorded: \(recordedChecks) of \(checks)")
        #expect(await server.stop() == 0, "\(server.output)")
    }
}

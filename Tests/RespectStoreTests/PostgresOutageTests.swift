import Foundation
import RespectEvaluation
import RespectStore
@testable import RespectStorePostgres
import RespectTestSupport
import Testing

/// The database going away under a running store (the run store, the service store): calls fail
/// as unavailable (a server answers 503) within the request timeout, and once PostgreSQL is back
/// the same store works again, without being reopened. Stops the server (`RESPECT_POSTGRES_CONTROL`), so it runs while no
/// other test uses the database.
@Suite("PostgreSQL outage", .enabled(if: TestDatabase.isIncluded), .stopsTheDatabase)
struct PostgresOutageTests {
    @Test("while PostgreSQL is stopped calls fail as unavailable; after it restarts the same store records and reads again")
    func restartUnderARunningStore() async throws {
        var settings = try PostgresSettings(url: try TestDatabase.freshURL())
        settings.requestTimeout = .seconds(3)
        let store = try await PostgresRunStore.open(settings)
        let assessment = try StoreFixtures.assessment("engine/mini-achieved.xml")
        let before = try await store.record(assessment, assessor: "before", at: StoreFixtures.time())

        try await TestDatabase.control("stop")
        await Self.expectUnavailable(store, assessment)
        try await TestDatabase.control("start")
        let after = try await Self.firstSuccess(within: .seconds(60)) {
            try await store.record(assessment, assessor: "after", at: StoreFixtures.time(2))
        }
        #expect(after > before)
        #expect(try await store.counts().runs == 2, "nothing recorded during the outage, both runs around it kept")
        #expect(try await store.runs(matching: OrganisationQuery("1000001")).map(\.assessor) == ["before", "after"])
    }

    /// Records and reads on `store` while the server is stopped, three times over.
    static func expectUnavailable(_ store: PostgresRunStore, _ assessment: Assessment) async {
        for attempt in 0..<3 {
            let started = ContinuousClock.now
            let recording = await #expect(throws: StoreError.self, "record during the outage, attempt \(attempt)") {
                try await store.record(assessment, assessor: "during", at: StoreFixtures.time(1))
            }
            #expect(recording?.kind == .unavailable, "\(String(describing: recording))")
            let reading = await #expect(throws: StoreError.self) { try await store.counts() }
            #expect(reading?.kind == .unavailable && reading?.description.contains("try again later") == true)
            #expect(ContinuousClock.now - started < .seconds(8), "each call gives up within the request timeout")
        }
    }

    @Test("while PostgreSQL is stopped the service store answers unavailable (503); after it restarts the same store works again")
    func restartUnderARunningServiceStore() async throws {
        var settings = try PostgresSettings(url: try TestDatabase.freshURL())
        settings.requestTimeout = .seconds(3)
        let store = try await PostgresServiceStore.open(settings)
        try await store.ping()
        try await TestDatabase.control("stop")
        let ping = await #expect(throws: ServiceStoreError.self) { try await store.ping() }
        #expect(ping.map(Self.isUnavailable) == true, "\(String(describing: ping))")
        let read = await #expect(throws: ServiceStoreError.self) { try await store.organisations() }
        #expect(read.map(Self.isUnavailable) == true, "\(String(describing: read))")
        let runs = await #expect(throws: StoreError.self) { try await store.counts() }
        #expect(runs?.kind == .unavailable, "the runs it keeps answer unavailable too")
        try await TestDatabase.control("start")
        try await Self.firstSuccess(within: .seconds(60)) { try await store.ping() }
        #expect(try await store.organisations().isEmpty)
        #expect(try await store.counts().runs == 0)
    }

    /// Retries `call` while it fails as unavailable, for up to `limit`; returns its first result.
    static func firstSuccess<Value>(within limit: Duration, _ call: () async throws -> Value) async throws -> Value {
        let deadline = ContinuousClock.now + limit
        while true {
            do {
                return try await call()
            } catch where isUnavailable(error) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    /// A run store's or a service store's "the database is away".
    static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case let error as StoreError: error.kind == .unavailable
        case ServiceStoreError.unavailable: true
        default: false
        }
    }
}

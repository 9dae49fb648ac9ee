import Foundation
import RespectStore
import RespectStorePostgres
import RespectStoreSQL
import RespectTestSupport
import Testing

/// The service store's reads on PostgreSQL are prepared once per connection, answer as the same
/// reads sent whole do, and survive a table changed under them by another process.
@Suite("PostgreSQL prepared reads", .enabled(if: TestDatabase.isIncluded), .usesTheDatabase)
struct PostgresPreparedReadTests {
    /// A store on one connection (so what that connection has prepared can be read back), on a
    /// fresh schema, with the three fixture organisations.
    static func store(_ url: String, prepared: Bool) async throws -> (SQLServiceStore, PostgresDriver) {
        var settings = try PostgresSettings(url: url)
        settings.maximumConnections = 1
        settings.preparesStatements = prepared
        let driver = try await PostgresServiceStore.driver(settings)
        return (try await SQLServiceStore.open(driver), driver)
    }

    /// The statements the driver's one connection has prepared, by the text PostgreSQL holds.
    static func prepared(on driver: PostgresDriver) async throws -> [String] {
        try await driver.query("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'respect%' ORDER BY name", [])
            .map { try $0.text("statement") }
    }

    @Test("a read is prepared on its connection once and answers as the same read sent whole")
    func readsArePreparedOnce() async throws {
        let url = try TestDatabase.freshURL()
        let (store, driver) = try await Self.store(url, prepared: true)
        try await ServiceFixtures.organisations(in: store)
        let first = try await store.organisations()
        let again = try await store.organisations()
        #expect(first.count == 3 && again == first)
        let statements = try await Self.prepared(on: driver)
        let reads = statements.filter { $0.contains("FROM organisation ORDER BY registered_number") }
        #expect(reads.count == 1, "prepared once, however often it runs: \(statements)")

        let (unprepared, plainDriver) = try await Self.store(url, prepared: false)
        #expect(try await unprepared.organisations() == first)
        #expect(try await Self.prepared(on: plainDriver).isEmpty, "prepared_statements=off prepares nothing")
    }

    @Test("a table another process changes after a read was prepared is read again as it now is")
    func changedTableIsPreparedAgain() async throws {
        let url = try TestDatabase.freshURL()
        let (store, _) = try await Self.store(url, prepared: true)
        try await ServiceFixtures.organisations(in: store)
        let before = try await store.organisations()
        // Another process (a newer engine, say) adds a column to the table the prepared read reads.
        let (_, other) = try await Self.store(url, prepared: false)
        _ = try await other.query("ALTER TABLE organisation ADD COLUMN note TEXT", [])
        #expect(try await store.organisations() == before)
        #expect(try await store.organisations() == before)
    }
}

import RespectStore
import RespectStoreSQL
import RespectStoreSQLite
import RespectTestSupport
import Testing

@Suite("The audit log's guard")
struct AppendOnlyAuditTests {
    @Test("the database itself refuses to update or delete an audit entry")
    func auditEntriesCannotBeChanged() async throws {
        let driver = try GRDBDriver(path: TestSupport.temporaryStorePath())
        let store = try await SQLServiceStore.open(driver)
        try await ServiceFixtures.organisations(in: store)
        #expect(try await store.auditEntries(AuditQuery()).count == 3)
        await #expect(throws: SQLDriverError.self) {
            try await driver.transaction { try await $0.execute("UPDATE audit_entry SET author_name = 'someone else'", []) }
        }
        await #expect(throws: SQLDriverError.self) {
            try await driver.transaction { try await $0.execute("DELETE FROM audit_entry", []) }
        }
        #expect(try await store.auditEntries(AuditQuery()).map(\.author.name) == Array(repeating: "command line (contract)", count: 3))
    }

    @Test("migrations are applied once each, in order, and recorded by name")
    func migrationsRecorded() async throws {
        let path = TestSupport.temporaryStorePath()
        let older = try await SQLServiceStore.open(try GRDBDriver(path: path), upTo: "v2-audit")
        #expect(try await older.appliedMigrations() == ["v1-accounts", "v2-audit"])
        let current = try await SQLServiceStore.open(try GRDBDriver(path: path))
        #expect(try await current.appliedMigrations() == ServiceSchema.migrator.migrations.map(\.name))
    }
}

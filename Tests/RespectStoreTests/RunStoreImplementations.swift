import Foundation
import RespectStore
@testable import RespectStorePostgres
@testable import RespectStoreSQLite
import RespectTestSupport

/// The run store implementations the contract runs against. A new implementation is one more
/// element here (and a `RunStoreImplementation` describing how to make a fresh store of it).
/// PostgreSQL is listed when a database is set (`RESPECT_DATABASE_URL`) and always in the
/// PostgreSQL leg, where a missing database makes its cases fail.
enum RunStoreImplementations {
    static let all: [RunStoreImplementation] = [.sqlite, .sqliteService]
        + (TestDatabase.isIncluded ? [.postgres, .postgresService] : [])
}

extension RunStoreImplementation {
    /// `SQLiteRunStore` in a file in a fresh temporary folder.
    static let sqlite = RunStoreImplementation(name: "SQLite") {
        let path = TestSupport.temporaryStorePath()
        return FreshRunStore(
            store: try SQLiteRunStore(path: path),
            reopen: { try SQLiteRunStore(path: path) },
            interruptingWrites: { try SQLiteRunStore(path: path, upTo: nil, beforeCommit: { _ in throw InterruptedWrite() }) })
    }

    /// `PostgresRunStore` in a fresh schema of the test database.
    static let postgres = RunStoreImplementation(name: "PostgreSQL") {
        let settings = try PostgresSettings(url: try TestDatabase.freshURL())
        return FreshRunStore(
            store: try await PostgresRunStore.open(settings),
            reopen: { try await PostgresRunStore.open(settings) },
            interruptingWrites: {
                try await PostgresRunStore.open(settings, upTo: nil, beforeCommit: { _ in throw InterruptedWrite() })
            })
    }
}

/// Thrown inside a write's transaction to interrupt it.
struct InterruptedWrite: Error {}

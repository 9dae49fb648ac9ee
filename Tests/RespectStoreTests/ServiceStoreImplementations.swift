import Foundation
import RespectStore
import RespectStorePostgres
import RespectStoreSQL
import RespectStoreSQLite
import RespectTestSupport

/// The service store implementations the contract runs against. A new implementation is one
/// more element here. PostgreSQL is listed when a database is set (`RESPECT_DATABASE_URL`) and
/// always in the PostgreSQL leg, where a missing database makes its cases fail.
enum ServiceStoreImplementations {
    static let all: [ServiceStoreImplementation] = [.sqlite] + (TestDatabase.isIncluded ? [.postgres] : [])
}

extension ServiceStoreImplementation {
    /// `SQLServiceStore` over `GRDBDriver`, in a file in a fresh temporary folder.
    static let sqlite = ServiceStoreImplementation(name: "SQLite") {
        let path = TestSupport.temporaryStorePath()
        return FreshServiceStore(
            store: try await SQLiteServiceStore.open(path: path),
            reopen: { try await SQLiteServiceStore.open(path: path) },
            interruptingWrites: {
                try await SQLServiceStore.open(try GRDBDriver(path: path), upTo: nil, beforeCommit: { throw InterruptedWrite() })
            })
    }
}

extension RunStoreImplementation {
    /// The service store's runs (`SQLServiceStore` over `GRDBDriver`), which a round records.
    static let sqliteService = RunStoreImplementation(name: "SQLite service store") {
        let path = TestSupport.temporaryStorePath()
        return FreshRunStore(
            store: try await SQLiteServiceStore.open(path: path),
            reopen: { try await SQLiteServiceStore.open(path: path) },
            interruptingWrites: {
                try await SQLServiceStore.open(try GRDBDriver(path: path), upTo: nil, beforeCommit: { throw InterruptedWrite() })
            })
    }
}

extension ServiceStoreImplementation {
    /// `SQLServiceStore` over `PostgresDriver`, in a fresh schema of the test database.
    static let postgres = ServiceStoreImplementation(name: "PostgreSQL") {
        let settings = try PostgresSettings(url: try TestDatabase.freshURL())
        return FreshServiceStore(
            store: try await PostgresServiceStore.open(settings),
            reopen: { try await PostgresServiceStore.open(settings) },
            interruptingWrites: {
                try await SQLServiceStore.open(try await PostgresServiceStore.driver(settings), upTo: nil,
                                               beforeCommit: { throw InterruptedWrite() })
            })
    }
}

extension RunStoreImplementation {
    /// The service store's runs over `PostgresDriver`, in a fresh schema of the test database.
    static let postgresService = RunStoreImplementation(name: "PostgreSQL service store") {
        let settings = try PostgresSettings(url: try TestDatabase.freshURL())
        return FreshRunStore(
            store: try await PostgresServiceStore.open(settings),
            reopen: { try await PostgresServiceStore.open(settings) },
            interruptingWrites: {
                try await SQLServiceStore.open(try await PostgresServiceStore.driver(settings), upTo: nil,
                                               beforeCommit: { throw InterruptedWrite() })
            })
    }
}

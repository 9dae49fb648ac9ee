import Foundation
import RespectStore
import RespectStoreSQL
import RespectStoreSQLite
import RespectTestSupport

/// The service store implementations the contract runs against. A new implementation is one
/// more element here (PostgreSQL: `SQLServiceStore` over its driver).
enum ServiceStoreImplementations {
    static let all: [ServiceStoreImplementation] = [.sqlite]
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

import Foundation
import RespectStore
@testable import RespectStoreSQLite
import RespectTestSupport

/// The run store implementations the contract runs against. A new implementation is one more
/// element here (and a `RunStoreImplementation` describing how to make a fresh store of it).
enum RunStoreImplementations {
    static let all: [RunStoreImplementation] = [.sqlite, .sqliteService]
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
}

/// Thrown inside a write's transaction to interrupt it.
struct InterruptedWrite: Error {}

import Foundation
public import RespectStore

/// The service store written once in SQL over an `SQLDriver`: the same statements, migrations
/// and rules on every database the driver speaks to (SQLite through GRDB, PostgreSQL through
/// postgres-nio). It is also a `RunStore`, so a round's runs are recorded in the same
/// transaction as the round's entries and their audit entries.
///
/// Safe to share between tasks; it holds no state beyond its driver, so any number of
/// processes can use one database.
public struct SQLServiceStore: ServiceStore {
    public let driver: any SQLDriver
    public var location: String { driver.location }
    /// Run inside every write transaction before its commit (tests interrupt writes with it).
    let beforeCommit: (@Sendable () throws -> Void)?

    /// Opens the store over `driver`, bringing the schema up to date.
    public static func open(_ driver: any SQLDriver) async throws(ServiceStoreError) -> SQLServiceStore {
        try await open(driver, upTo: nil)
    }

    /// Opens the store with the migrations up to `lastMigration` applied (tests make an older
    /// store with it), and `beforeCommit` run inside every write before it commits.
    package static func open(_ driver: any SQLDriver, upTo lastMigration: String?,
                             beforeCommit: (@Sendable () throws -> Void)? = nil) async throws(ServiceStoreError) -> SQLServiceStore {
        let store = SQLServiceStore(driver: driver, beforeCommit: beforeCommit)
        do {
            try await ServiceSchema.migrator.migrate(driver, upTo: lastMigration)
        } catch {
            throw store.storeError(error)
        }
        return store
    }

    public func ping() async throws(ServiceStoreError) {
        _ = try await read("SELECT 1 AS one", [])
    }

    public func appliedMigrations() async throws(StoreError) -> [String] {
        do {
            return try await SQLMigrator.applied(driver)
        } catch {
            let failure = storeError(error)
            throw StoreError(location: location, action: .read, kind: failure.runStoreKind, message: failure.description)
        }
    }

    // MARK: - Running statements

    /// Runs `body` in one transaction; every error becomes a `ServiceStoreError`.
    func write<Value: Sendable>(_ body: @Sendable @escaping (any SQLTransaction) async throws -> Value) async throws(ServiceStoreError) -> Value {
        let beforeCommit = self.beforeCommit
        do {
            return try await driver.transaction { transaction in
                let value = try await body(transaction)
                try beforeCommit?()
                return value
            }
        } catch {
            throw storeError(error)
        }
    }

    /// One statement outside any transaction.
    func read(_ sql: String, _ arguments: [SQLValue]) async throws(ServiceStoreError) -> [SQLRow] {
        do {
            return try await driver.query(sql, arguments)
        } catch {
            throw storeError(error)
        }
    }

    /// Decodes rows read outside a transaction; a row that does not hold what was expected is a failure.
    func decode<Value>(_ rows: [SQLRow], _ transform: (SQLRow) throws -> Value) throws(ServiceStoreError) -> [Value] {
        do {
            return try rows.map(transform)
        } catch {
            throw storeError(error)
        }
    }

    func storeError(_ error: any Error) -> ServiceStoreError {
        switch error {
        case let error as ServiceStoreError: error
        case let error as SQLDriverError where error.kind == .unavailable: .unavailable(location: location, message: error.message)
        case let error as SQLDriverError: .failed(location: location, message: error.message)
        case let error as SQLRowError: .failed(location: location, message: "a stored row cannot be read: \(error)")
        default: .failed(location: location, message: "\(error)")
        }
    }
}

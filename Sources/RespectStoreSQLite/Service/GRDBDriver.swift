public import Foundation
import GRDB
public import RespectStoreSQL

/// The SQLite driver of the service store, through GRDB: a WAL database with one writer
/// connection and a pool of readers, so reads never wait for a write and see only committed
/// data.
///
/// A transaction is opened with `BEGIN IMMEDIATE` on the writer and its statements run there one
/// await at a time; `TransactionGate` keeps every other transaction of this process out until it
/// commits or rolls back, and SQLite's lock (waited for up to `busyTimeout`) keeps other
/// processes' out. Commits are durable against a crash of the process (`synchronous = NORMAL`
/// in WAL mode); the last transactions before a power cut may be lost.
public final class GRDBDriver: SQLDriver {
    public let path: String
    public var location: String { path }
    public var dialect: SQLDialect { .sqlite }
    private let pool: DatabasePool
    private let gate = TransactionGate()

    /// How long a write waits for another process's write to the same file.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (or creates) the database file at `path`.
    public init(path: String) throws(SQLDriverError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.driverError(error)
        }
    }

    public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        let bound = Self.arguments(arguments)
        do {
            return try await pool.read { db in try Self.rows(db, sql, bound) }
        } catch {
            throw Self.driverError(error)
        }
    }

    public func transaction<Value: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> Value) async throws -> Value {
        await gate.enter()
        do {
            try await finish("BEGIN IMMEDIATE")
        } catch {
            await gate.leave()
            throw error
        }
        do {
            let value = try await body(GRDBTransaction(pool: pool))
            try await finish("COMMIT")
            await gate.leave()
            return value
        } catch {
            try? await finish("ROLLBACK")
            await gate.leave()
            throw error
        }
    }

    /// Runs a statement that opens or closes a transaction even when the task is cancelled: a
    /// transaction left open would stop every later write.
    private func finish(_ sql: String) async throws {
        let pool = self.pool
        try await Task.detached {
            do {
                try await pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
            } catch {
                throw Self.driverError(error)
            }
        }.value
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: nil
            case .integer(let number): number
            case .text(let text): text
            case .blob(let bytes): Data(bytes)
            }
        })
    }

    static func rows(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [SQLRow] {
        // A statement compiled once per connection and kept (GRDB's statement cache): the same
        // few queries run on every page view.
        try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments).map { row in
            var columns: [String: SQLValue] = [:]
            for (name, value) in row {
                switch value.storage {
                case .null: columns[name] = .null
                case .int64(let number): columns[name] = .integer(number)
                case .double(let number): columns[name] = .integer(Int64(number))
                case .string(let text): columns[name] = .text(text)
                case .blob(let data): columns[name] = .blob(Array(data))
                }
            }
            return SQLRow(columns: columns)
        }
    }

    /// SQLite's own words; busy, locked, unopenable and I/O failures mean the database does not answer.
    static func driverError(_ error: any Error) -> SQLDriverError {
        if let error = error as? SQLDriverError { return error }
        guard let database = error as? DatabaseError else { return SQLDriverError(kind: .refused, message: "\(error)") }
        let message = database.message ?? "\(database)"
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_PERM,
             .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return SQLDriverError(kind: .unavailable, message: message)
        default:
            return SQLDriverError(kind: .refused, message: message)
        }
    }
}

/// The statements of one transaction, run on the writer connection.
struct GRDBTransaction: SQLTransaction {
    let pool: DatabasePool

    func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
        let bound = GRDBDriver.arguments(arguments)
        do {
            try await pool.writeWithoutTransaction { db in try db.execute(sql: sql, arguments: bound) }
        } catch {
            throw GRDBDriver.driverError(error)
        }
    }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        let bound = GRDBDriver.arguments(arguments)
        do {
            return try await pool.writeWithoutTransaction { db in try GRDBDriver.rows(db, sql, bound) }
        } catch {
            throw GRDBDriver.driverError(error)
        }
    }
}

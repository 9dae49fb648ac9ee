/// A connection to an SQL database, as small as the service store needs: one-statement reads,
/// and transactions. The service store's SQL is written once against it (`SQLServiceStore`);
/// each database supplies a driver (GRDB for SQLite, postgres-nio for PostgreSQL).
///
/// What a driver guarantees:
/// - `query` runs one statement outside any transaction and sees everything committed before it.
/// - `transaction` runs `body` in one transaction that commits when `body` returns and rolls back
///   when it throws (or the task is cancelled); no other transaction's statements interleave
///   with it, and nothing it wrote is seen by others before it commits. Statements inside it
///   see its own writes.
/// - Statements are given with `?` placeholders (the driver rewrites them for its dialect);
///   arguments bind in order.
/// - Failures are thrown as `SQLDriverError`, telling a database that does not answer from one
///   that refused a statement; an error thrown by `body` is rethrown as it is.
public protocol SQLDriver: Sendable {
    var dialect: SQLDialect { get }
    /// Where the database is, for messages: a file path, or a server named without credentials.
    var location: String { get }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow]

    func transaction<Value: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> Value) async throws -> Value
}

/// The statements of one open transaction.
public protocol SQLTransaction: Sendable {
    func execute(_ sql: String, _ arguments: [SQLValue]) async throws
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow]
}

extension SQLTransaction {
    /// The first row, if any.
    public func queryOne(_ sql: String, _ arguments: [SQLValue]) async throws -> SQLRow? {
        try await query(sql, arguments).first
    }
}

extension SQLDriver {
    public func queryOne(_ sql: String, _ arguments: [SQLValue]) async throws -> SQLRow? {
        try await query(sql, arguments).first
    }
}

/// Why a driver could not run a statement.
public struct SQLDriverError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The database cannot be opened or reached, or stayed locked past the wait.
        case unavailable
        /// The database refused the statement (a constraint, a syntax error, …).
        case refused
    }

    public var kind: Kind
    /// In the database's own words.
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

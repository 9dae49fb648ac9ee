import PostgresNIO
public import RespectStoreSQL

/// The PostgreSQL driver of the service store, over a `PostgresDatabase` (postgres-nio's pool):
/// `SQLServiceStore` runs its statements, written once, through it.
///
/// `query` runs on any pooled connection and sees everything committed; `transaction` holds one
/// connection inside `BEGIN … COMMIT` for `body` (rolled back when it throws), so transactions
/// of any number of tasks and processes run at once, each isolated by PostgreSQL (read
/// committed; the statements that must not interleave take row locks or use `ON CONFLICT`).
/// Every call is bounded by the settings' request timeout; a database that is away fails with
/// `SQLDriverError` of kind `.unavailable`, and once it is back the next calls succeed.
public struct PostgresDriver: SQLDriver {
    public let database: PostgresDatabase
    /// PostgreSQL's dialect, its migration lock keyed to the schema, so stores in different
    /// schemas of one database migrate at once and processes on one schema one after the other.
    public let dialect: SQLDialect
    public var location: String { database.location }
    /// The names reads are prepared under; `nil` when the settings turn prepared statements off.
    let preparedNames: PreparedStatementNames?

    public init(_ database: PostgresDatabase) {
        self.database = database
        var dialect = SQLDialect.postgres
        // The schema is a plain name (`PostgresSettings.isPlainName`), safe inside the literal.
        dialect.migrationLock = "SELECT pg_advisory_xact_lock(hashtext('respect-service-migrations/\(database.settings.schema ?? "")'))"
        self.dialect = dialect
        preparedNames = database.settings.preparesStatements ? PreparedStatementNames(dialect: dialect) : nil
    }

    /// Runs one read outside any transaction; prepared on each connection the first time it
    /// runs there (unless the settings say `prepared_statements=off`), so PostgreSQL parses and
    /// plans it once per connection rather than on every page view.
    public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        let statement = PostgresStatement(sql, arguments)
        do {
            if let preparedNames {
                return try await database.lease { connection in try await statement.preparedRows(on: connection, names: preparedNames) }
            }
            return try await database.lease { [dialect] connection in try await statement.rows(on: connection, dialect: dialect) }
        } catch {
            throw Self.driverError(error)
        }
    }

    public func transaction<Value: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> Value) async throws -> Value {
        // `body` escapes: the database's time limit answers the caller when it passes and leaves
        // a stuck call to end by itself (`Deadline`).
        do {
            return try await database.lease { [dialect] connection in
                try await connection.withTransaction(logger: PostgresDatabase.silent) { connection in
                    try await body(PostgresDriverTransaction(connection: connection, dialect: dialect))
                }
            }
        } catch let error as PostgresTransactionError {
            // What the body threw comes out as it is; a failed BEGIN or COMMIT is the driver's.
            if let thrown = error.closureError { throw thrown }
            throw Self.driverError(error)
        } catch {
            throw Self.driverError(error)
        }
    }

    /// PostgreSQL's words, sorted: a database that is away or busy is unavailable, anything else
    /// refused the statement.
    static func driverError(_ error: any Error) -> any Error {
        if error is SQLDriverError { return error }
        let failure = (error as? PostgresFailure) ?? PostgresFailure(classifying: error)
        return SQLDriverError(kind: failure.kind == .unavailable ? .unavailable : .refused, message: failure.message)
    }
}

/// The statements of one open transaction, on its connection.
struct PostgresDriverTransaction: SQLTransaction {
    let connection: PostgresConnection
    let dialect: SQLDialect

    func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
        _ = try await query(sql, arguments)
    }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        do {
            return try await PostgresStatement(sql, arguments).rows(on: connection, dialect: dialect)
        } catch {
            throw PostgresDriver.driverError(error)
        }
    }
}

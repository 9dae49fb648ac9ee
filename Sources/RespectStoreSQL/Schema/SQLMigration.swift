import Foundation

/// One step of a schema: a name that is never reused, and statements written with the
/// dialect's column types (`{id}`, `{integer}`, `{text}`, `{blob}`, see `SQLDialect.schema`).
/// Never edit a migration once released; add another.
public struct SQLMigration: Sendable {
    public var name: String
    public var statements: @Sendable (SQLDialect) -> [String]

    public init(_ name: String, statements: @escaping @Sendable (SQLDialect) -> [String]) {
        self.name = name
        self.statements = statements
    }
}

/// Applies migrations in order, each in its own transaction with the record that it ran, so a
/// database is never left half-migrated; the names applied are kept in `schema_migration`.
/// Two processes opening one database at once migrate one after the other (the dialect's
/// `migrationLock`, or the database's own writer lock).
public struct SQLMigrator: Sendable {
    public var migrations: [SQLMigration]

    public init(_ migrations: [SQLMigration]) {
        self.migrations = migrations
    }

    /// Applies the migrations `driver`'s database lacks, up to and including `last` (all when `nil`).
    public func migrate(_ driver: any SQLDriver, upTo last: String? = nil) async throws {
        let dialect = driver.dialect
        try await driver.transaction { transaction in
            // Two processes creating the table at once would collide (PostgreSQL's catalog).
            if let lock = dialect.migrationLock { _ = try await transaction.query(lock, []) }
            try await transaction.execute(dialect.schema("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    name {text} PRIMARY KEY, position {integer} NOT NULL, applied_at {integer} NOT NULL)
                """), [])
        }
        for (position, migration) in migrations.enumerated() {
            try await driver.transaction { transaction in
                if let lock = dialect.migrationLock { _ = try await transaction.query(lock, []) }
                let applied = try await transaction.queryOne("SELECT name FROM schema_migration WHERE name = ?",
                                                             [.text(migration.name)])
                guard applied == nil else { return }
                for statement in migration.statements(dialect) {
                    try await transaction.execute(dialect.schema(statement), [])
                }
                try await transaction.execute("INSERT INTO schema_migration (name, position, applied_at) VALUES (?, ?, ?)",
                                              [.text(migration.name), .integer(Int64(position)), .init(Date.now)])
            }
            if migration.name == last { break }
        }
    }

    /// The names of the migrations applied to `driver`'s database, in the order they were applied.
    public static func applied(_ driver: any SQLDriver) async throws -> [String] {
        try await driver.query("SELECT name FROM schema_migration ORDER BY position", []).map { try $0.text("name") }
    }
}

public import PostgresNIO

/// One named step of a schema: statements run in order, in the migration's transaction.
/// Never edit a released migration; add another.
public struct PostgresMigration: Sendable {
    public let name: String
    public let statements: [String]

    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}

/// Brings a schema up to date by ordered, named migrations, and records each one applied (its
/// name, position and time) in its own table, so opening a database applies only what it lacks.
///
/// Migrating takes a transaction-scoped advisory lock on the schema first, so processes starting
/// together on one database apply each migration exactly once; the migrations and their records
/// commit together or not at all.
public struct PostgresMigrator: Sendable {
    /// The table the applied migrations are recorded in (a plain name).
    public let table: String
    public let migrations: [PostgresMigration]

    public init(table: String, migrations: [PostgresMigration]) {
        self.table = table
        self.migrations = migrations
    }

    /// Applies, in one transaction on `connection`, the migrations not yet applied, up to and
    /// including `last` (all when `nil`). `schema` is created when missing.
    public func migrate(on connection: PostgresConnection, schema: String?, upTo last: String? = nil) async throws {
        try await PostgresSchemaCreation.ensure(schema, on: connection)
        let lockKey = "respect-migrations/\(schema ?? "")/\(table)"
        try await connection.withTransaction(logger: PostgresDatabase.silent) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))", logger: PostgresDatabase.silent)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS \(unescaped: table) (
                    name text PRIMARY KEY,
                    position integer NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: PostgresDatabase.silent)
            let applied = Set(try await appliedNames(on: connection))
            for (position, migration) in migrations.enumerated() {
                if !applied.contains(migration.name) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: PostgresDatabase.silent)
                    }
                    try await connection.query("""
                        INSERT INTO \(unescaped: table) (name, position) VALUES (\(migration.name), \(position))
                        """, logger: PostgresDatabase.silent)
                }
                if migration.name == last { break }
            }
        }
    }

    /// The names of the migrations applied, in the order they were applied.
    public func appliedNames(on connection: PostgresConnection) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT name FROM \(unescaped: table) ORDER BY applied_at, position
            """, logger: PostgresDatabase.silent)
        var names: [String] = []
        for try await name in rows.decode(String.self) {
            names.append(name)
        }
        return names
    }
}

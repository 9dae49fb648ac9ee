import PostgresNIO

/// Creates a schema when it is missing, under an advisory lock on its name, so processes
/// starting together on a new database do not race to create it.
enum PostgresSchemaCreation {
    static func ensure(_ schema: String?, on connection: PostgresConnection) async throws {
        guard let schema else { return }
        try await connection.withTransaction(logger: PostgresDatabase.silent) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("respect-schema/\(schema)")))",
                                       logger: PostgresDatabase.silent)
            // A plain name (`PostgresSettings.isPlainName`), so it needs no quoting.
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: PostgresDatabase.silent)
        }
    }
}

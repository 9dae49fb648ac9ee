public import RespectStore
public import RespectStoreSQL

/// The service store in PostgreSQL: `SQLServiceStore` over `PostgresDriver`, for shared
/// deployments where several server processes behave as one service.
public enum PostgresServiceStore {
    /// Opens the store at `url` (see `PostgresSettings`): connects once, so a wrong password or
    /// a missing database is reported at once; creates the URL's schema when missing; brings the
    /// schema up to date (`ServiceSchema`, under an advisory lock, so processes starting together
    /// migrate one after the other).
    public static func open(url: String) async throws(ServiceStoreError) -> SQLServiceStore {
        let settings: PostgresSettings
        do {
            settings = try PostgresSettings(url: url)
        } catch {
            throw .failed(location: "the database URL", message: error.problem)
        }
        return try await open(settings)
    }

    /// Opens the store in the database `settings` describe.
    public static func open(_ settings: PostgresSettings) async throws(ServiceStoreError) -> SQLServiceStore {
        try await SQLServiceStore.open(try await driver(settings))
    }

    /// A driver on the database `settings` describe, its schema created when missing.
    public static func driver(_ settings: PostgresSettings) async throws(ServiceStoreError) -> PostgresDriver {
        let database = PostgresDatabase(settings)
        do {
            try await database.withDirectConnection { connection in
                try await PostgresSchemaCreation.ensure(settings.schema, on: connection)
            }
        } catch {
            await database.close()
            throw error.kind == .unavailable ? .unavailable(location: settings.location, message: error.message)
                : .failed(location: settings.location, message: error.message)
        }
        return PostgresDriver(database)
    }
}

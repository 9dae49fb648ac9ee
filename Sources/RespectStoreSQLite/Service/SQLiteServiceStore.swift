public import RespectStore
public import RespectStoreSQL

/// The service store in an SQLite file: `SQLServiceStore` over `GRDBDriver`.
public enum SQLiteServiceStore {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public static func open(path: String) async throws(ServiceStoreError) -> SQLServiceStore {
        let driver: GRDBDriver
        do {
            driver = try GRDBDriver(path: path)
        } catch {
            throw .unavailable(location: path, message: error.message)
        }
        return try await SQLServiceStore.open(driver)
    }
}

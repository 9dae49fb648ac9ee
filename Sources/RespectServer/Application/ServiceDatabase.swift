public import Foundation
public import RespectStore
import RespectStorePostgres
import RespectStoreSQL
import RespectStoreSQLite

/// Where the service keeps its data: an SQLite file in the data folder (the default), or a
/// PostgreSQL database named by a `postgres://` URL (`--database`, `RESPECT_DATABASE_URL`) for a
/// shared deployment where several server processes behave as one service.
public enum ServiceDatabase {
    /// The SQLite file's name in the data folder.
    public static let fileName = "respect.sqlite"

    /// Opens the store `url` names, or the SQLite store in `dataDirectory` (created when missing)
    /// when `url` is `nil`.
    public static func open(url: String?, dataDirectory: String) async throws(ServiceDatabaseError) -> any ServiceStore {
        if let url, !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw .unsupported("expected a postgres:// URL, found '\(redacted(url))'")
            }
            let settings: PostgresSettings
            do {
                settings = try PostgresSettings(url: url)
            } catch {
                throw .unsupported(error.description)
            }
            do {
                return try await PostgresServiceStore.open(settings)
            } catch {
                throw .cannotWrite("cannot open the database: \(error)")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("\(dataDirectory): cannot create the data folder: \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: dataDirectory) else {
            throw .cannotWrite("\(dataDirectory): the data folder is not writable")
        }
        let path = (dataDirectory as NSString).appendingPathComponent(fileName)
        do {
            return try await SQLiteServiceStore.open(path: path)
        } catch {
            throw .cannotWrite("\(path): cannot open the database: \(error)")
        }
    }

    /// A URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "…" }
        if components.password != nil { components.password = "…" }
        return components.string ?? "…"
    }
}

/// Why the service's database could not be opened; `description` is what an operator reads.
public enum ServiceDatabaseError: Error, CustomStringConvertible {
    /// The data folder or database cannot be created or written (exit 73).
    case cannotWrite(String)
    /// The database URL names something this build cannot use (exit 64).
    case unsupported(String)

    public var description: String {
        switch self {
        case .cannotWrite(let message), .unsupported(let message): message
        }
    }
}

import Foundation
import GRDB

/// Backups of the service's SQLite database through SQLite's online backup (GRDB's
/// `backup(to:)`): a consistent copy of the last committed state, taken in one read
/// transaction, so servers may keep writing while it runs (in WAL mode readers never block the
/// writer). The copy is one self-contained file (rollback journal, no `-wal` beside it), written
/// to a temporary name in the destination's folder and renamed into place only when complete.
public enum SQLiteBackup {
    /// A table every service database has, which a restore checks for.
    static let serviceTable = "schema_migration"

    /// Copies the database at `source` to `destination` (replaced if it exists). Returns the
    /// number of database pages copied.
    @discardableResult
    public static func backup(databaseAt source: String, to destination: String) throws(SQLiteBackupError) -> Int {
        guard FileManager.default.fileExists(atPath: source) else {
            throw .noDatabase("\(source): no database there")
        }
        let reader: DatabasePool
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(GRDBDriver.busyTimeout)
            reader = try DatabasePool(path: source, configuration: configuration)
        } catch {
            throw .unreadable("\(source): cannot open the database: \(message(error))")
        }
        return try copy(from: reader, sourceName: source, to: destination, journalMode: "DELETE")
    }

    /// Restores the backup `file` as the database at `destination`, which must not exist yet
    /// (a fresh data folder). The backup is checked first (SQLite's integrity check, and that it
    /// is a service database); the restored database is in WAL mode, as the server keeps it, and
    /// is brought up to date by the server's migrations when it next opens it.
    @discardableResult
    public static func restore(from file: String, toDatabaseAt destination: String) throws(SQLiteBackupError) -> Int {
        guard FileManager.default.fileExists(atPath: file) else { throw .noDatabase("\(file): no such file") }
        for path in [destination, destination + "-wal"] where FileManager.default.fileExists(atPath: path) {
            throw .destinationExists("\(path) already exists: restore into a fresh data folder, or move its database away first")
        }
        let reader: DatabaseQueue
        do {
            var configuration = Configuration()
            configuration.readonly = true
            reader = try DatabaseQueue(path: file, configuration: configuration)
            let (integrity, tables) = try reader.read { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                 try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            }
            guard integrity == ["ok"] else {
                throw SQLiteBackupError.notABackup("\(file): the database is damaged (\(integrity.prefix(3).joined(separator: "; ")))")
            }
            guard tables.contains(serviceTable) else {
                throw SQLiteBackupError.notABackup("\(file): not a backup of the service's database (no \(serviceTable) table)")
            }
        } catch let error as SQLiteBackupError {
            throw error
        } catch {
            throw .notABackup("\(file): not an SQLite database the service can read: \(message(error))")
        }
        return try copy(from: reader, sourceName: file, to: destination, journalMode: "WAL")
    }

    /// Copies `reader`'s database into a temporary file beside `destination`, sets its journal
    /// mode, makes it durable and renames it over `destination`.
    private static func copy(from reader: some DatabaseReader, sourceName: String, to destination: String,
                             journalMode: String) throws(SQLiteBackupError) -> Int {
        let folder = (destination as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/." + (destination as NSString).lastPathComponent
            + ".partial-" + UUID().uuidString
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        var pages = 0
        do {
            let writer = try DatabaseQueue(path: temporary)
            try reader.backup(to: writer) { progress in
                if progress.isCompleted { pages = progress.totalPageCount }
            }
            try writer.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = \(journalMode)")
                if journalMode == "WAL" { try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            }
            try writer.close()
        } catch {
            throw .cannotWrite("\(destination): cannot write the copy of \(sourceName): \(message(error))")
        }
        try synchronise(temporary)
        guard rename(temporary, destination) == 0 else {
            throw .cannotWrite("\(destination): \(String(cString: strerror(errno)))")
        }
        try synchronise(folder.isEmpty ? "." : folder)
        return pages
    }

    /// `fsync` of a file or folder, so a rename survives a crash of the machine.
    private static func synchronise(_ path: String) throws(SQLiteBackupError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotWrite("\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .cannotWrite("\(path): \(String(cString: strerror(errno)))") }
    }

    private static func message(_ error: any Error) -> String {
        (error as? DatabaseError).map { $0.message ?? "\($0)" } ?? "\(error)"
    }
}

/// Why a backup or restore failed; `description` is what an operator reads.
public enum SQLiteBackupError: Error, CustomStringConvertible, Equatable {
    /// There is no database (or backup file) to copy.
    case noDatabase(String)
    /// The database exists but cannot be opened.
    case unreadable(String)
    /// The file to restore is not a sound backup of the service's database.
    case notABackup(String)
    /// A restore would overwrite an existing database.
    case destinationExists(String)
    /// The copy could not be written.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .noDatabase(let message), .unreadable(let message), .notABackup(let message),
             .destinationExists(let message), .cannotWrite(let message): message
        }
    }
}

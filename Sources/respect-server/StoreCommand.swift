import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectServer
import RespectStoreSQLite

/// `respect store backup FILE`, `respect store restore FILE`: the SQLite store's backups.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ServiceCommands.store.name,
        abstract: ServiceCommands.store.abstract,
        discussion: """
            For PostgreSQL use pg_dump and pg_restore (see the README).
            """,
        subcommands: [StoreBackupCommand.self, StoreRestoreCommand.self]
    )
}

/// `respect store backup FILE [--data DIR]`.
struct StoreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the data folder's database to FILE, consistently, while servers keep running.",
        discussion: """
            Uses SQLite's online backup: FILE holds every write committed when the backup \
            started, as one self-contained SQLite file. FILE is replaced only when the copy is \
            complete. Example: respect store backup respect-$(date +%F).sqlite --data respect-data

            Exit codes: 0 done, 66 no database in the data folder, 73 the copy could not be written.
            """
    )

    @Argument(help: "The backup file to write.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("The data folder whose database is copied.", valueName: "dir"))
    var data = "./respect-data"

    func run() throws {
        let source = (data as NSString).appendingPathComponent(ServiceDatabase.fileName)
        do {
            let pages = try SQLiteBackup.backup(databaseAt: source, to: file)
            print("backed up \(source) to \(file) (\(pages) pages)")
        } catch {
            throw RespectExit.report(CommandFailure(description: error.description, exitCode: Self.exitCode(error)))
        }
    }

    static func exitCode(_ error: SQLiteBackupError) -> ExitCode {
        switch error {
        case .noDatabase, .unreadable: RespectExit.noInput
        case .notABackup: RespectExit.dataError
        case .destinationExists, .cannotWrite: RespectExit.cannotCreate
        }
    }
}

/// `respect store restore FILE [--data DIR]`.
struct StoreRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup made by `respect store backup` into a fresh data folder.",
        discussion: """
            The data folder is created when missing and must not hold a database yet. The backup \
            is checked (SQLite's integrity check, and that it is the service's database) before \
            anything is written. Start `respect serve --data DIR` afterwards; a backup from an \
            older release is brought up to date when the server opens it. Example:
              respect store restore respect-2026-11-27.sqlite --data respect-data

            Exit codes: 0 done, 65 FILE is not a sound backup, 66 no such FILE, 73 the data \
            folder already holds a database or cannot be written.
            """
    )

    @Argument(help: "The backup file to restore.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("The data folder to restore into (created when missing).", valueName: "dir"))
    var data = "./respect-data"

    func run() throws {
        do {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        } catch {
            throw RespectExit.report(CommandFailure(description: "\(data): cannot create the data folder: \(error.localizedDescription)",
                                                    exitCode: RespectExit.cannotCreate))
        }
        let destination = (data as NSString).appendingPathComponent(ServiceDatabase.fileName)
        do {
            let pages = try SQLiteBackup.restore(from: file, toDatabaseAt: destination)
            print("restored \(file) to \(destination) (\(pages) pages)")
        } catch {
            throw RespectExit.report(CommandFailure(description: error.description, exitCode: StoreBackupCommand.exitCode(error)))
        }
    }
}

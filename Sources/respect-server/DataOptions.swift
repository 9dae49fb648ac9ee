import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectServer
import RespectStore

/// Where the service's data is: the data folder (SQLite), or a PostgreSQL URL.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder, created on first use; holds the SQLite database.", valueName: "dir"))
    var data = "./respect-data"

    @Option(name: .long, help: ArgumentHelp("A postgres:// URL (default: $RESPECT_DATABASE_URL, else SQLite in --data).", valueName: "url"))
    var database: String?

    /// The URL given, else the environment's.
    var databaseURL: String? {
        database ?? ProcessInfo.processInfo.environment["RESPECT_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the store; a folder that cannot be created or written exits 73, a URL this build
    /// cannot use 64.
    func open() async throws -> any ServiceStore {
        do {
            return try await ServiceDatabase.open(url: databaseURL, dataDirectory: data)
        } catch {
            switch error {
            case .cannotWrite: throw CommandFailure(description: error.description, exitCode: RespectExit.cannotCreate)
            case .unsupported: throw CommandFailure(description: error.description, exitCode: RespectExit.usage)
            }
        }
    }

    /// Who is at the command line, for the audit log.
    static var author: ChangeAuthor {
        .commandLine(ProcessInfo.processInfo.environment["USER"] ?? NSUserName())
    }
}

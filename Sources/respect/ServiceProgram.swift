import ArgumentParser
import Foundation
import RespectCommandSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands the web application's commands to `respect-server` (see `ServiceCommands`): the
/// program next to this one replaces this process, with the same arguments, environment and
/// open files, so signals, exit codes and the process id are what they would have been.
enum ServiceProgram {
    /// The exit code when `respect-server` is missing or cannot be started (EX_UNAVAILABLE).
    static let unavailable: Int32 = 69

    /// Where `respect-server` should be: beside this program, links followed.
    static var path: String {
        let me = FileManager.default.fileExists(atPath: "/proc/self/exe")
            ? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            : URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent(ServiceCommands.programName).path
    }

    /// Runs `respect-server ARGUMENTS…` in this process; returns only by exiting.
    static func run(_ arguments: [String]) -> Never {
        let program = path
        guard access(program, X_OK) == 0 else {
            printError("""
                respect: `respect \(arguments.first ?? "serve")` is run by the program \(ServiceCommands.programName), \
                which is not installed next to respect (looked for \(program)). Build it with \
                `swift build --product \(ServiceCommands.programName)` (scripts/build-release builds both) and keep \
                the two programs in one folder.
                """)
            exit(unavailable)
        }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        let reason = String(cString: strerror(errno))
        printError("respect: could not start \(program): \(reason)")
        exit(unavailable)
    }
}

/// `respect serve` and the other service commands as `respect --help` lists them; running one
/// starts `respect-server` (`RespectProgram.main` does so before any parsing).
struct ServeForward: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: ServiceCommands.serve.name, abstract: ServiceCommands.serve.abstract)
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
    func run() { ServiceProgram.run([Self._commandName] + arguments) }
}

struct UsersForward: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: ServiceCommands.users.name, abstract: ServiceCommands.users.abstract)
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
    func run() { ServiceProgram.run([Self._commandName] + arguments) }
}

struct TokensForward: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: ServiceCommands.tokens.name, abstract: ServiceCommands.tokens.abstract)
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
    func run() { ServiceProgram.run([Self._commandName] + arguments) }
}

struct OrganisationsForward: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: ServiceCommands.organisations.name,
                                                    abstract: ServiceCommands.organisations.abstract)
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
    func run() { ServiceProgram.run([Self._commandName] + arguments) }
}

struct StoreForward: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: ServiceCommands.store.name, abstract: ServiceCommands.store.abstract)
    @Argument(parsing: .allUnrecognized) var arguments: [String] = []
    func run() { ServiceProgram.run([Self._commandName] + arguments) }
}

import ArgumentParser
import Dispatch
import Foundation
import RespectCommandSupport

/// The program's entry point: runs a `respect` command on the main thread, and starts Swift's
/// concurrency runtime only for a command that needs it.
///
/// `check`, `plan`, `tender`, `template`, `import` and `export` are synchronous commands. Run
/// on the main thread, a short `check` neither creates the runtime's worker threads nor hands
/// its work from one thread to another; an asynchronous main would do both before the first
/// argument is read. The asynchronous commands (`batch`, `validate`, `generate`, `history`,
/// `diff`), the command groups and `help` start the runtime (`runConcurrently`).
@main
enum RespectProgram {
    /// Runs `respect COMMAND …` by parsing COMMAND as the root of its own parse when it is one
    /// of the commands declared with `_superCommandName: "respect"` (their help and errors
    /// still say "respect COMMAND"); everything else (`respect --help`, `respect help …`, the
    /// command groups) goes through the whole tree. Parsing the whole tree reflects every
    /// command's options and looks each of their types' conformances up among the binary's
    /// eight thousand, which cost a third of a short `respect check`.
    ///
    /// The web application's commands (`ServiceCommands`) are handed to `respect-server` before
    /// any parsing, `respect help serve` as `serve --help`. `respect check` in the forms people
    /// type is read by `CheckArguments`, which gives way to argument-parser for anything else.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let name = arguments.first, ServiceCommands.names.contains(name) { ServiceProgram.run(arguments) }
        if arguments.count >= 2, arguments[0] == "help", ServiceCommands.names.contains(arguments[1]) {
            ServiceProgram.run(Array(arguments.dropFirst()) + ["--help"])
        }
        // `check`'s usual forms are read without argument-parser's reflection (`CheckArguments`).
        if arguments.first == "check", let check = CheckArguments.parse(Array(arguments.dropFirst())) {
            finish(CheckCommand.self) { try check.run() }
        }
        if let name = arguments.first,
           let command = RespectCommand.configuration.subcommands.first(where: { $0.configuration._superCommandName != nil && $0._commandName == name }) {
            run(command, Array(arguments.dropFirst()))
        }
        runConcurrently {
            await RespectCommand.main(nil)
            exit(0)
        }
    }

    /// Parses and runs one command as `main` does, except that the exit code a command ends
    /// with (`check`'s verdict, for one) exits at once: argument-parser's own exit path first
    /// builds the command's help, reflecting all of its options, only to print nothing.
    private static func run(_ type: any ParsableCommand.Type, _ arguments: [String]) -> Never {
        let command: any ParsableCommand
        do {
            command = try type.parseAsRoot(arguments)
        } catch {
            type.exit(withError: error)
        }
        guard let asynchronous = command as? any AsyncParsableCommand else {
            var synchronous = command
            finish(type) { try synchronous.run() }
        }
        let parsed = ParsedCommand(command: asynchronous)
        runConcurrently {
            var command = parsed.command
            do {
                try await command.run()
                exit(0)
            } catch {
                finish(type, error)
            }
        }
    }

    /// Runs `body` and exits: 0 when it returns, else as its error says.
    private static func finish(_ type: any ParsableCommand.Type, _ body: () throws -> Void) -> Never {
        do {
            try body()
            exit(0)
        } catch {
            finish(type, error)
        }
    }

    /// Exits as `error` says: a command's `ExitCode` at once, anything else through
    /// argument-parser (a message, and its exit code).
    private static func finish(_ type: any ParsableCommand.Type, _ error: any Error) -> Never {
        if let code = error as? ExitCode { exit(code.rawValue) }
        type.exit(withError: error)
    }

    /// Starts `body` on Swift's concurrency runtime and serves the main queue until it exits.
    private static func runConcurrently(_ body: @escaping @Sendable () async -> Never) -> Never {
        Task.detached { await body() }
        dispatchMain()
    }
}

/// A parsed asynchronous command, handed to the task that runs it. The main thread parses it
/// and then only serves the main queue, so the value is never used by two threads at once.
private struct ParsedCommand: @unchecked Sendable {
    let command: any AsyncParsableCommand
}

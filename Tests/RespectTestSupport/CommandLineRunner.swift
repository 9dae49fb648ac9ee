public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `respect` executable as a user would, capturing its output and exit code.
public enum CommandLineRunner {
    public struct Result {
        public var exitCode: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The `respect` binary next to the test bundle (same build folder).
    public static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("respect")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return TestSupport.repositoryRoot.appendingPathComponent(".build/debug/respect")
    }

    public static func run(_ arguments: [String], in directory: URL = TestSupport.repositoryRoot) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["RESPECT_STANDARDS"] = nil
        // Commands under test get their database from their arguments (`--data`, `--database`),
        // never from the PostgreSQL leg's environment.
        environment["RESPECT_DATABASE_URL"] = nil
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting so a large report cannot fill a pipe and block.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus,
                      standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }

    /// As `run`, but waits by polling the child, holding no thread of the concurrency pool, so
    /// a server or clients in the test keep going while it runs. A child still running after
    /// `timeout` is killed (exit code -1).
    public static func runPolling(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> Result {
        let folder = try TestSupport.temporaryFolder()
        let (out, err) = (folder + "/stdout", folder + "/stderr")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment
            .filter { $0.key != "RESPECT_DATABASE_URL" && $0.key != "RESPECT_STANDARDS" }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environment)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var code: Int32 = -1
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        if code == -1 && (status & 0x7F) == 0 && kill(pid, 0) == 0 {
            kill(pid, SIGKILL)
            _ = waitpid(pid, nil, 0)
        }
        return Result(exitCode: code,
                      standardOutput: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      standardError: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}

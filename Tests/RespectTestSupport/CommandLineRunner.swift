public import Foundation

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
}

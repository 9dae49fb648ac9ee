public import Foundation

/// A fresh SQLite data folder for a `respect serve` process, with accounts added the way an
/// operator adds them: `respect organisations add` and `respect users add --password-stdin`.
public struct ServeDataFolder: Sendable {
    public let path: String

    public init() throws {
        path = try TestSupport.temporaryFolder() + "/data"
    }

    /// Adds `organisation` (when given and new) and a user of `role` with `password`.
    public func addUser(_ email: String, role: String, organisation: String? = nil,
                        password: String = "a long passphrase") throws {
        if let organisation {
            _ = try run(["organisations", "add", organisation, "--name", "Test organisation",
                         "--kind", role == "commissioner" ? "commissioner" : "provider", "--data", path])
        }
        var arguments = ["users", "add", email, "--role", role, "--password-stdin", "--data", path]
        if let organisation { arguments += ["--organisation", organisation] }
        let status = try run(arguments, input: password + "\n")
        guard status == 0 else { throw ServeProcessError.notStarted("respect users add exited \(status)") }
    }

    private func run(_ arguments: [String], input: String = "") throws -> Int32 {
        let process = Process()
        process.executableURL = CommandLineRunner.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["RESPECT_DATABASE_URL"] = nil
        process.environment = environment
        let standardInput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

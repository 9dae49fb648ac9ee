import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `respect serve` process started as an operator would start it — the built binary, on a
/// free loopback port, with `--database URL` — and stopped with SIGTERM. Its standard error
/// goes to a file, which is read for the line that names its port.
public final class ServeProcess: Sendable {
    let pid: pid_t
    public let port: Int
    private let log: String

    public var client: TestHTTPClient { TestHTTPClient(port: port) }

    /// Starts `respect serve --port 0 --database url` and waits (up to `timeout`) until it serves.
    public static func start(database url: String, timeout: Duration = .seconds(90)) async throws -> ServeProcess {
        let log = try TestSupport.temporaryFolder() + "/serve.log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let executable = CommandLineRunner.executable.path
        let arguments = [executable, "serve", "--host", "127.0.0.1", "--port", "0", "--database", url,
                         "--standards", TestSupport.standardsDirectory]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ServeProcessError.notStarted("posix_spawn: \(String(cString: strerror(spawned)))") }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let port = Self.port(in: text) { return ServeProcess(pid: pid, port: port, log: log) }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { throw ServeProcessError.notStarted(text) }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, nil, 0)
        throw ServeProcessError.notStarted("no 'serving' line within \(timeout)")
    }

    private init(pid: pid_t, port: Int, log: String) {
        self.pid = pid
        self.port = port
        self.log = log
    }

    /// The port in `respect: serving http://127.0.0.1:PORT …`.
    static func port(in text: String) -> Int? {
        guard let range = text.range(of: "serving http://127.0.0.1:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// Everything the process printed.
    public var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and waits (polling) for the process to end; returns its exit status.
    @discardableResult
    public func stop() async -> Int32 {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<300 {
            if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xFF }
            try? await Task.sleep(for: .milliseconds(100))
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return -1
    }
}

public enum ServeProcessError: Error, CustomStringConvertible {
    case notStarted(String)

    public var description: String {
        switch self {
        case .notStarted(let output): "respect serve did not start: \(output)"
        }
    }
}

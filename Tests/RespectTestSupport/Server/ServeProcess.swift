import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `respect serve` process started as an operator would start it — the built binary, on a
/// free loopback port, with `--database URL` or `--data FOLDER` — and stopped with SIGTERM. Its standard error
/// goes to a file, which is read for the line that names its port.
public final class ServeProcess: Sendable {
    let pid: pid_t
    public let port: Int
    private let log: String

    public var client: TestHTTPClient { TestHTTPClient(port: port) }

    /// Starts `respect serve --port 0 --database url` and waits (up to `timeout`) until it serves.
    public static func start(database url: String, timeout: Duration = .seconds(90)) async throws -> ServeProcess {
        try await start(["--database", url], timeout: timeout)
    }

    /// Starts `respect serve --port 0 --data folder` (SQLite) and waits until it serves.
    public static func start(data folder: String, timeout: Duration = .seconds(90)) async throws -> ServeProcess {
        try await start(["--data", folder], timeout: timeout)
    }

    /// Starts `respect serve --port 0 --data folder` (SQLite) with `options` added.
    public static func start(dataFolder: String, options: [String] = [], timeout: Duration = .seconds(90)) async throws -> ServeProcess {
        try await start(["--data", dataFolder] + options, timeout: timeout)
    }

    /// Starts `respect serve --host 127.0.0.1 --port 0 OPTIONS` and waits until it serves.
    public static func start(options: [String], timeout: Duration = .seconds(90)) async throws -> ServeProcess {
        try await start(options, timeout: timeout)
    }

    /// Starts `respect serve --port 0` with `storeArguments` (`--data DIR` or `--database URL`)
    /// and waits (up to `timeout`) until it serves.
    public static func start(_ storeArguments: [String], timeout: Duration = .seconds(90)) async throws -> ServeProcess {
        let log = try TestSupport.temporaryFolder() + "/serve.log"
        let pid = try spawn(serveArguments(storeArguments), log: log)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let port = Self.port(in: text) { return ServeProcess(pid: pid, port: port, log: log) }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { throw ServeProcessError.notStarted(text) }
            try await Task.sleep(for: .milliseconds(100))
        }
        // Read once more after the deadline: when the test's task was not resumed in time (other
        // tests holding every thread of the pool), the server may have been serving for long.
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        if let port = Self.port(in: text) { return ServeProcess(pid: pid, port: port, log: log) }
        kill(pid, SIGKILL)
        _ = waitpid(pid, nil, 0)
        throw ServeProcessError.notStarted("no 'serving' line within \(timeout); it printed: \(text.isEmpty ? "nothing" : text)")
    }

    /// Runs `respect serve --port 0` with `storeArguments` where it is expected to refuse to start,
    /// with `wrapper` before it (such as `setpriv …` to run it as another user); returns its exit
    /// status and everything it printed. A process still running after `timeout` is killed and
    /// reported as status -1.
    public static func refusal(_ storeArguments: [String], wrapper: [String] = [],
                               timeout: Duration = .seconds(60)) async throws -> (status: Int32, output: String) {
        let log = try TestSupport.temporaryFolder() + "/serve.log"
        let pid = try spawn(wrapper + serveArguments(storeArguments), log: log)
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                return ((status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, nil, 0)
        return (-1, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    static func serveArguments(_ storeArguments: [String]) -> [String] {
        [CommandLineRunner.executable.path, "serve", "--host", "127.0.0.1", "--port", "0"] + storeArguments
            + ["--standards", TestSupport.standardsDirectory]
    }

    /// Starts `arguments` (the first is the executable's path) with standard output and error
    /// in `log`, and without `RESPECT_DATABASE_URL`: the arguments say where the data is.
    private static func spawn(_ arguments: [String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "RESPECT_DATABASE_URL" }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environment)
        guard spawned == 0 else { throw ServeProcessError.notStarted("posix_spawn: \(String(cString: strerror(spawned)))") }
        return pid
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

    /// The process's resident memory now and its peak so far, in bytes (Linux: `VmRSS` and
    /// `VmHWM` of /proc/PID/status; nil elsewhere or once it has ended).
    public var memory: (resident: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func kilobytes(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        }
        guard let resident = kilobytes("VmRSS"), let peak = kilobytes("VmHWM") else { return nil }
        return (resident * 1024, peak * 1024)
    }

    /// Whether the process is still running: there, and not a zombie that exited or crashed
    /// and waits to be reaped (read from /proc, so `stop` can still reap it and get its status).
    public var isRunning: Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != nil && state != "Z" && state != "X"
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

    /// Kills the process with SIGKILL, as a crash or `kill -9` would, and waits for it to end.
    public func crash() async {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        for _ in 0..<300 {
            if waitpid(pid, &status, WNOHANG) == pid { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
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

public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `respect` binary with bounds: killed after `timeLimit`, and its peak memory
/// (maximum resident set size, from `wait4`) reported, so a hostile input that makes it hang
/// or balloon fails the test instead of hanging the suite.
///
/// The bounds are generous ceilings for "something is badly wrong", never timings.
public enum HostileProcess {
    public struct Result {
        /// The exit status, or nil when the process was killed by a signal.
        public var exitCode: Int32?
        /// The signal that ended the process, if any.
        public var signal: Int32?
        /// True when it was still running at the time limit and was killed.
        public var timedOut: Bool
        /// Peak resident memory in bytes.
        public var peakMemoryBytes: Int
        public var standardOutput: String
        public var standardError: String

        /// Everything the run printed, for "never appears anywhere" checks.
        public var allOutput: String { standardOutput + standardError }
    }

    public static let timeLimit: Duration = .seconds(60)
    /// 500 MB, or `RESPECT_HOSTILE_MEMORY_MB` (sanitizer builds use several times the memory).
    public static let memoryLimitBytes = (ProcessInfo.processInfo.environment["RESPECT_HOSTILE_MEMORY_MB"].flatMap { Int($0) } ?? 500) << 20

    /// The user an unprivileged run runs as, when the tests run as root: `nobody`.
    public static let unprivilegedUser: uid_t = 65534

    /// True when `run(_:scratch:unprivileged:)` can run `respect` without root's powers: the
    /// tests do not run as root, or `setpriv` is there to drop them.
    public static var canRunUnprivileged: Bool {
        getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// Runs `respect` with `arguments` (use absolute paths); stdin is /dev/null, stdout and
    /// stderr go to files in `scratch` (so a large report cannot block on a full pipe). With
    /// `unprivileged`, a test run as root runs it as `unprivilegedUser` (through `setpriv`), so
    /// permissions apply to it as they do to any user.
    public static func run(_ arguments: [String], scratch: String, unprivileged: Bool = false) throws -> Result {
        let stamp = UUID().uuidString
        let outPath = scratch + "/stdout-\(stamp)", errPath = scratch + "/stderr-\(stamp)"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var executable = CommandLineRunner.executable.path
        var argumentList = [executable] + arguments
        if unprivileged && getuid() == 0 {
            let user = String(unprivilegedUser)
            argumentList = ["setpriv", "--reuid=\(user)", "--regid=\(user)", "--clear-groups"] + argumentList
            executable = "/usr/bin/setpriv"
        }
        var environment = ProcessInfo.processInfo.environment
        environment["RESPECT_STANDARDS"] = nil
        let argv = argumentList.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnError(code: spawned) }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var polledPeak: Int?
        let deadline = ContinuousClock.now + timeLimit
        while true {
            if let peak = residentHighWaterMark(of: pid) { polledPeak = max(polledPeak ?? 0, peak) }
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw SpawnError(code: errno) }
            if ContinuousClock.now > deadline {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(2_000)
        }
        let signal = status & 0x7F
        let read = { (path: String) in
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return Result(exitCode: signal == 0 ? (status >> 8) & 0xFF : nil,
                      signal: signal == 0 ? nil : signal,
                      timedOut: timedOut,
                      peakMemoryBytes: polledPeak ?? Int(usage.ru_maxrss) * 1024,
                      standardOutput: read(outPath),
                      standardError: read(errPath))
    }

    /// The process's own peak resident memory (`VmHWM` in `/proc/PID/status`), in bytes.
    ///
    /// Preferred to `wait4`'s `ru_maxrss`, which on Linux also counts the memory of the test
    /// process the child was spawned from. Read while the child runs, so the last
    /// milliseconds before it exits may be missed; nil where `/proc` is not available.
    private static func residentHighWaterMark(of pid: pid_t) -> Int? {
        guard let status = FileManager.default.contents(atPath: "/proc/\(pid)/status") else { return nil }
        let text = String(decoding: status, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
        return kilobytes.map { $0 * 1024 }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var code: Int32
        public var description: String { "could not run respect: \(String(cString: strerror(code)))" }
    }
}

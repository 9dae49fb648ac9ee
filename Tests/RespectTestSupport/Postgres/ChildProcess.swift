#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to its end (standard input from /dev/null, output inherited) and gives its
/// exit status. Its exit is polled with `waitpid(WNOHANG)` between sleeps, so waiting holds no
/// thread of the concurrency pool, and a daemon the program leaves behind (`pg_ctl start`
/// leaves the server) does not keep the wait going.
enum ChildProcess {
    struct SpawnFailed: Error, CustomStringConvertible {
        var program: String
        var code: Int32
        var description: String { "could not run \(program): \(String(cString: strerror(code)))" }
    }

    /// The exit status, or 128 + the signal that ended it.
    static func run(_ program: String, _ arguments: [String]) async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw SpawnFailed(program: program, code: spawned) }
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw SpawnFailed(program: program, code: errno) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

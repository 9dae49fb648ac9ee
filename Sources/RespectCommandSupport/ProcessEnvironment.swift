#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the process's environment.
public enum ProcessEnvironment {
    /// The value of the environment variable `name`, or `nil` when it is not set.
    ///
    /// One `getenv`: `ProcessInfo.processInfo.environment` copies the whole environment into a
    /// dictionary first, half a millisecond of a short `respect check`.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

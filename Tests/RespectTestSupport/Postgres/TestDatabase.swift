import Foundation

/// The PostgreSQL server tests run against, as `scripts/with-postgres` describes it in the
/// environment, and fresh storage in it for each test.
///
/// - `RESPECT_DATABASE_URL`: the database; each test gets a schema of its own in it
///   (`freshURL()`), so tests never see each other's data.
/// - `RESPECT_POSTGRES_CONTROL`: a script that stops and starts that server (`stop`, `start`).
/// - `RESPECT_POSTGRES_LEG=1`: this run is the PostgreSQL leg of the tests. The PostgreSQL
///   cases are then always listed, so they fail (never skip) when the database is missing.
public enum TestDatabase {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The database URL, when one is set.
    public static var url: String? { environment["RESPECT_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The control script, when one is set.
    public static var control: String? { environment["RESPECT_POSTGRES_CONTROL"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Whether this run is the PostgreSQL leg.
    public static var isLeg: Bool { environment["RESPECT_POSTGRES_LEG"] == "1" }

    /// Whether the PostgreSQL cases are listed: a database is set, or this is the leg (where a
    /// missing database makes them fail).
    public static var isIncluded: Bool { url != nil || isLeg }

    /// The database URL with a schema no other test uses (`schema=test_…`, created by the store
    /// that opens it).
    public static func freshURL() throws -> String {
        guard let url else { throw NotConfigured(variable: "RESPECT_DATABASE_URL") }
        let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// Runs the control script with `command` (`stop` or `start`) and waits for it without
    /// holding a thread (its exit is polled), so a test can stop the server and start it again.
    public static func control(_ command: String) async throws {
        guard let control else { throw NotConfigured(variable: "RESPECT_POSTGRES_CONTROL") }
        let status = try await ChildProcess.run(control, [command])
        guard status == 0 else { throw ControlFailed(command: command, status: status) }
    }

    /// A variable the PostgreSQL tests need is not set.
    public struct NotConfigured: Error, CustomStringConvertible {
        public var variable: String
        public var description: String {
            "\(variable) is not set: run the PostgreSQL tests through scripts/with-postgres "
                + "(RESPECT_POSTGRES_LEG=1 scripts/with-postgres swift test --filter …)"
        }
    }

    /// The control script failed.
    public struct ControlFailed: Error, CustomStringConvertible {
        public var command: String
        public var status: Int32
        public var description: String { "the PostgreSQL control script failed to \(command) the server (exit \(status))" }
    }
}

import Foundation

/// Where a PostgreSQL database is and how to reach it, read from a URL:
///
///     postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE&schema=NAME&connect_timeout=SECONDS&prepared_statements=on
///
/// `postgresql://` works too. The user name and password may be percent-encoded; the port
/// defaults to 5432 and the database to the user's name. Query parameters, all optional:
/// `sslmode` as libpq reads it (`disable`, `prefer` — the default —, `require`, `verify-full`),
/// `connect_timeout` in seconds (default 5), and `schema`, the schema the engine's tables live
/// in (created when missing; without it they go where the server's `search_path` puts them,
/// normally `public`), and `prepared_statements` (`on`, the default, or `off`, for a connection
/// pooler that shares server connections between clients per transaction and cannot keep a
/// client's prepared statements). Anything else is refused, so a mistyped parameter is never
/// ignored.
///
/// The password is never part of `location` or of any message.
public struct PostgresSettings: Sendable, Hashable {
    /// How much of the connection is encrypted, as libpq's `sslmode` says.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never encrypt.
        case disable
        /// Encrypt when the server offers it, without checking its certificate.
        case prefer
        /// Always encrypt; the certificate is not checked.
        case require
        /// Always encrypt, and check the certificate and host name against the system's roots.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// The schema the tables live in; `nil` for the server's `search_path`.
    public var schema: String?
    public var tls: TLSMode
    /// How long opening one connection may take.
    public var connectTimeout: Duration
    /// How long one call of a store may wait for the database, connection included, before it
    /// fails as unavailable (a server then answers 503 rather than keep the client waiting).
    public var requestTimeout: Duration = .seconds(10)
    /// The most connections one process opens to the database at once.
    public var maximumConnections: Int = 20
    /// Whether the service store's reads are prepared on each connection (parsed and planned once
    /// there) rather than sent whole every time.
    public var preparesStatements = true

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, schema: String? = nil,
                tls: TLSMode = .prefer, connectTimeout: Duration = .seconds(5)) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.connectTimeout = connectTimeout
    }

    /// Reads a `postgres://` URL; the error says what was expected, without the password.
    public init(url text: String) throws(PostgresSettingsError) {
        guard let components = URLComponents(string: text) else {
            throw PostgresSettingsError(problem: "it is not a URL; expected \(Self.form)")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresSettingsError(problem: "it does not start with postgres://; expected \(Self.form)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresSettingsError(problem: "it names no host; expected \(Self.form)")
        }
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw PostgresSettingsError(problem: "it names no user; expected \(Self.form)")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else {
            throw PostgresSettingsError(problem: "the port \(port) is not between 1 and 65535")
        }
        let encodedPath = components.percentEncodedPath
        let path = encodedPath.hasPrefix("/") ? String(encodedPath.dropFirst()) : encodedPath
        let database = path.removingPercentEncoding ?? path
        guard !database.contains("/") else {
            throw PostgresSettingsError(problem: "the database name '\(database)' holds a '/'; expected one name after the port")
        }
        self.init(host: host, port: port, user: user, password: components.percentEncodedPassword?.removingPercentEncoding,
                  database: database.isEmpty ? user : database)
        for item in components.queryItems ?? [] {
            try apply(item.name, item.value ?? "")
        }
    }

    /// The URL's form, for messages.
    static let form = "postgres://USER:PASSWORD@HOST:PORT/DATABASE"

    private mutating func apply(_ name: String, _ value: String) throws(PostgresSettingsError) {
        switch name {
        case "sslmode":
            guard let mode = TLSMode(rawValue: value) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw PostgresSettingsError(problem: "sslmode '\(value)' is not one of \(modes)")
            }
            tls = mode
        case "schema":
            guard Self.isPlainName(value) else {
                throw PostgresSettingsError(problem: "the schema '\(value)' is not a plain name: expected 1 to 63 lower-case "
                                                   + "letters, digits and '_', starting with a letter or '_'")
            }
            schema = value
        case "connect_timeout":
            guard let seconds = Int(value), (1...3600).contains(seconds) else {
                throw PostgresSettingsError(problem: "connect_timeout '\(value)' is not a number of seconds from 1 to 3600")
            }
            connectTimeout = .seconds(seconds)
        case "prepared_statements":
            guard value == "on" || value == "off" else {
                throw PostgresSettingsError(problem: "prepared_statements '\(value)' is not on or off")
            }
            preparesStatements = value == "on"
        default:
            throw PostgresSettingsError(problem: "the parameter '\(name)' is not one this engine reads; expected sslmode, "
                                               + "schema, connect_timeout or prepared_statements")
        }
    }

    /// A name that needs no quoting in SQL: `[a-z_][a-z0-9_]*`, at most 63 bytes.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63 else { return false }
        let lower = UInt8(ascii: "a")...UInt8(ascii: "z")
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        let underscore = UInt8(ascii: "_")
        return (lower.contains(first) || first == underscore)
            && name.utf8.allSatisfy { lower.contains($0) || digit.contains($0) || $0 == underscore }
    }

    /// The database for messages, without the password: `postgres://respect@127.0.0.1:5432/respect`
    /// (and `?schema=NAME` when one is set).
    public var location: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let base = "postgres://\(user)@\(hostPart):\(port)/\(database)"
        return schema.map { "\(base)?schema=\($0)" } ?? base
    }

    /// The same settings with another schema.
    public func with(schema: String?) -> PostgresSettings {
        var copy = self
        copy.schema = schema
        return copy
    }
}

/// A database URL that cannot be used; `description` says what was expected and never holds the
/// password (nor the rest of the URL, which may hold it).
public struct PostgresSettingsError: Error, Sendable, CustomStringConvertible {
    public var problem: String
    public var description: String { "the database URL cannot be used: \(problem)" }
}

import Logging
public import PostgresNIO

/// One PostgreSQL database, reached through a pool of connections (postgres-nio's
/// `PostgresClient`) that this object runs for as long as it lives.
///
/// The pool survives the database going away: a connection the server closed is dropped and a
/// new one made on demand, so after PostgreSQL restarts the next calls succeed again without
/// anything being reopened. While the database is away, each call fails within
/// `PostgresSettings.requestTimeout` with a `PostgresFailure` of kind `.unavailable`.
///
/// Every connection uses the settings' schema (`search_path`). `close()` ends the pool; so does
/// the last reference going away.
public final class PostgresDatabase: Sendable {
    public let settings: PostgresSettings
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    /// Starts the pool; makes no connection until the first call.
    public init(_ settings: PostgresSettings) {
        self.settings = settings
        let client = PostgresClient(configuration: settings.clientConfiguration(), backgroundLogger: Self.silent)
        self.client = client
        runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Ends the pool and waits for its connections to close; later calls fail.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// The database for messages, without the password.
    public var location: String { settings.location }

    /// Runs `body` on one connection from the pool, within `settings.requestTimeout`; every
    /// failure is a `PostgresFailure`.
    public func withConnection<Value: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws(PostgresFailure) -> Value {
        do {
            return try await lease(body)
        } catch let error as PostgresFailure {
            throw error
        } catch {
            throw PostgresFailure(classifying: error)
        }
    }

    /// Runs `body` on one connection from the pool, within `settings.requestTimeout`. A
    /// connection that cannot be had in time is a `PostgresFailure` (unavailable, unless the pool
    /// was closed); an error thrown by `body` is rethrown as it is.
    public func lease<Value: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        do {
            return try await Deadline.run(within: settings.requestTimeout) { [client] in
                try await client.withConnection { connection in
                    do {
                        return try await body(connection)
                    } catch {
                        throw OnConnection(underlying: error)
                    }
                }
            }
        } catch let error as OnConnection {
            throw error.underlying
        } catch let error as Deadline.Passed {
            throw PostgresFailure(kind: .unavailable, message: "the database did not answer within \(error.limit)")
        } catch {
            throw PostgresFailure(leasing: error)
        }
    }

    /// Runs `body` in one transaction (committed when it returns, rolled back when it throws),
    /// within `settings.requestTimeout`.
    public func withTransaction<Value: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws(PostgresFailure) -> Value {
        try await withConnection { connection in
            try await connection.withTransaction(logger: Self.silent) { connection in try await body(connection) }
        }
    }

    /// Makes one connection outside the pool (within `settings.requestTimeout`) and runs `body`
    /// on it, however long it takes (migrations wait for another process's): opening a store uses
    /// it so that a wrong password or a missing database is reported as such, at once, rather
    /// than as a pool that keeps retrying.
    func withDirectConnection<Value: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws(PostgresFailure) -> Value {
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try settings.connectionConfiguration()
        } catch {
            throw PostgresFailure(kind: .failed, message: "the TLS settings cannot be used: \(error)")
        }
        do {
            let connection = try await Deadline.run(within: settings.requestTimeout) {
                try await PostgresConnection.connect(configuration: configuration, id: 0, logger: Self.silent)
            }
            do {
                let value = try await body(connection)
                try? await connection.close()
                return value
            } catch {
                try? await connection.close()
                throw error
            }
        } catch let error as Deadline.Passed {
            throw PostgresFailure(kind: .unavailable, message: "the database did not answer within \(error.limit)")
        } catch {
            throw PostgresFailure(classifying: error)
        }
    }

    /// postgres-nio logs nothing: failures reach the caller as errors.
    static let silent = Logger(label: "respect.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// An error thrown by the caller's code on a leased connection, told apart from errors of the
/// lease itself.
private struct OnConnection: Error {
    var underlying: any Error
}

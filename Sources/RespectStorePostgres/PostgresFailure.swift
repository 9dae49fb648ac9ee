import PostgresNIO

/// Why a call to PostgreSQL failed, sorted into what a caller acts on: the database is away or
/// busy (try again later; a server answers 503), or anything else. Each store turns it into its
/// own error type. The message is PostgreSQL's own (its SQLSTATE and text) or the connection's;
/// it never holds a query's values or the password.
public struct PostgresFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The server could not be reached, was shutting down or starting, refused more
        /// connections, or did not answer in time.
        case unavailable
        case failed
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// SQLSTATE classes and codes that mean "the server is away or busy, try later": connection
    /// exceptions (08), insufficient resources (53), operator intervention (57P01 admin
    /// shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
    static func isUnavailable(sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || sqlState.hasPrefix("53") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// Sorts an error thrown by postgres-nio (or by code run inside a transaction).
    init(classifying error: any Error) {
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError {
                self.init(classifying: inner)
                return
            }
        }
        if let failure = error as? PostgresFailure {
            self = failure
            return
        }
        guard let error = error as? PSQLError else {
            self.init(kind: .failed, message: "\(error)")
            return
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? "?????"
            let text = [info[.message], info[.detail]].compactMap(\.self).joined(separator: "; ")
            self.init(kind: Self.isUnavailable(sqlState: state) ? .unavailable : .failed, message: "\(text) (SQLSTATE \(state))")
            return
        }
        let cause = error.underlying.map { ": \($0)" } ?? ""
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            self.init(kind: .unavailable, message: "the connection to the database failed (\(error.code))\(cause)")
        case .clientClosedConnection:
            // The pool closes a connection the server broke off (PostgreSQL stopping, say), and
            // the calls queued on it fail so: the database is away, not the store closed.
            self.init(kind: .unavailable, message: "the connection to the database was closed (\(error.code))\(cause)")
        case .poolClosed:
            self.init(kind: .failed, message: "the store was closed (\(error.code))")
        case .queryCancelled:
            self.init(kind: .unavailable, message: "the query was cancelled")
        default:
            self.init(kind: .failed, message: "PostgreSQL client error \(error.code)\(cause)")
        }
    }

    /// An error met while waiting for a connection from the pool: the database is away, unless
    /// the pool itself was closed.
    init(leasing error: any Error) {
        if let error = error as? PSQLError, error.code == .poolClosed {
            self.init(kind: .failed, message: "the store was closed")
            return
        }
        if error is CancellationError {
            self.init(kind: .failed, message: "the call was cancelled")
            return
        }
        self.init(kind: .unavailable, message: "no connection to the database could be made (\(error))")
    }
}

/// Why a run store could not be opened, read or written; `description` is what a user sees.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What was being done.
    public enum Action: Sendable, Hashable {
        case open
        case read
        case record
        case encode
        /// Reading back the result of a run.
        case decode(run: Int64)
    }

    /// Whether the same call can succeed later without anything being changed.
    public enum Kind: Sendable, Hashable {
        /// The storage could not be reached or is busy (a database server that is stopped,
        /// restarting or refusing connections; another process holding the file): the same call
        /// may succeed later, and a server answers 503 Service Unavailable.
        case unavailable
        /// Anything else: the storage, its schema or the request is at fault.
        case failed
    }

    /// The store's `location` (never with a password).
    public var location: String
    public var action: Action
    public var kind: Kind
    /// What went wrong, in the words of the layer that failed.
    public var message: String

    public init(location: String, action: Action, kind: Kind = .failed, message: String) {
        self.location = location
        self.action = action
        self.kind = kind
        self.message = message
    }

    public var description: String {
        let doing = switch action {
        case .open: "open"
        case .read: "read"
        case .record: "record a run in"
        case .encode: "encode the result for"
        case .decode(let run): "decode run \(run) from"
        }
        let later = kind == .unavailable ? " (the store is unavailable; try again later)" : ""
        return "\(location): cannot \(doing) the run store: \(message)\(later)"
    }
}

extension StoreError {
    /// The error for a run whose stored result cannot be decoded. A result recorded before
    /// results became typed data (engine 0.1.0, worded reasons) is named as such: its summary
    /// still lists in a history, and its stored bytes are kept as they were.
    public static func undecodable(run id: Int64, location: String, resultJSON: String, engineVersion: String,
                                   underlying: any Error) -> StoreError {
        if !resultJSON.contains("\"code\"") && resultJSON.contains("\"message\"") {
            return StoreError(location: location, action: .decode(run: id),
                              message: "the run was recorded by engine \(engineVersion) before results were kept as typed data; its summary is listed in the history and its result is kept as recorded, but this engine cannot read it back")
        }
        return StoreError(location: location, action: .decode(run: id), message: "\(underlying)")
    }
}

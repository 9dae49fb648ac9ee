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

    /// The store's `location`.
    public var location: String
    public var action: Action
    /// What went wrong, in the words of the layer that failed.
    public var message: String

    public init(location: String, action: Action, message: String) {
        self.location = location
        self.action = action
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
        return "\(location): cannot \(doing) the run store: \(message)"
    }
}

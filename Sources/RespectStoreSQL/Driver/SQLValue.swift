public import Foundation

/// A value bound to a statement or read from a row. The service store uses only these four
/// kinds, which every SQL database has: 64-bit integers (also booleans as 0/1 and times as
/// milliseconds since 1970), text, bytes, and NULL.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])

    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Bool) { self = .integer(value ? 1 : 0) }
    /// Milliseconds since 1970.
    public init(_ value: Date?) {
        self = value.map { .integer(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? .null
    }
}

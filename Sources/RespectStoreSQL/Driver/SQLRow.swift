public import Foundation

/// One row a query returned, its values by column name. Reading a column that is missing or
/// holds another kind of value throws `SQLRowError`, naming the column and what was expected.
public struct SQLRow: Sendable {
    public let columns: [String: SQLValue]

    public init(columns: [String: SQLValue]) {
        self.columns = columns
    }

    public func value(_ column: String) throws(SQLRowError) -> SQLValue {
        guard let value = columns[column] else { throw SQLRowError(column: column, expected: "a column of that name") }
        return value
    }

    public func int64(_ column: String) throws(SQLRowError) -> Int64 {
        guard case .integer(let value) = try value(column) else { throw SQLRowError(column: column, expected: "an integer") }
        return value
    }

    public func int(_ column: String) throws(SQLRowError) -> Int { Int(try int64(column)) }

    public func optionalInt64(_ column: String) throws(SQLRowError) -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .integer(let value): return value
        default: throw SQLRowError(column: column, expected: "an integer or NULL")
        }
    }

    public func bool(_ column: String) throws(SQLRowError) -> Bool { try int64(column) != 0 }

    public func text(_ column: String) throws(SQLRowError) -> String {
        guard case .text(let value) = try value(column) else { throw SQLRowError(column: column, expected: "text") }
        return value
    }

    public func optionalText(_ column: String) throws(SQLRowError) -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let value): return value
        default: throw SQLRowError(column: column, expected: "text or NULL")
        }
    }

    public func blob(_ column: String) throws(SQLRowError) -> [UInt8] {
        switch try value(column) {
        case .blob(let bytes): return bytes
        // SQLite hands back an empty blob as NULL.
        case .null: return []
        default: throw SQLRowError(column: column, expected: "bytes")
        }
    }

    /// A time stored as milliseconds since 1970.
    public func date(_ column: String) throws(SQLRowError) -> Date {
        Date(timeIntervalSince1970: Double(try int64(column)) / 1000)
    }

    public func optionalDate(_ column: String) throws(SQLRowError) -> Date? {
        try optionalInt64(column).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}

/// A column that is missing or does not hold what the store expects.
public struct SQLRowError: Error, Sendable, CustomStringConvertible {
    public var column: String
    public var expected: String

    public var description: String { "column '\(column)': expected \(expected)" }
}

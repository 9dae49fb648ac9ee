import Foundation
import PostgresNIO
import RespectStoreSQL

/// One statement with its arguments bound as PostgreSQL types (`SQLValue.integer` as `int8`,
/// `.text` as `text`, `.blob` as `bytea`, `.null` untyped), and its rows read back as
/// `SQLValue`s by column name.
struct PostgresStatement: Sendable {
    let query: PostgresQuery

    init(_ sql: String, _ arguments: [SQLValue]) {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        query = PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    func rows(on connection: PostgresConnection) async throws -> [SQLRow] {
        var rows: [SQLRow] = []
        for try await row in try await connection.query(query, logger: PostgresDatabase.silent) {
            var columns: [String: SQLValue] = [:]
            for cell in row {
                columns[cell.columnName] = try Self.value(cell)
            }
            rows.append(SQLRow(columns: columns))
        }
        return rows
    }

    /// A cell as the four kinds the service store reads: integers (booleans as 0 or 1, whole
    /// numerics), bytes, text (any other type, in PostgreSQL's text form), or NULL.
    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid:
            return .integer(try cell.decode(Int64.self))
        case .bool:
            return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea:
            return .blob(Array(try cell.decode(ByteBuffer.self).readableBytesView))
        case .numeric:
            let text = try cell.decode(Decimal.self).description
            return Int64(text).map(SQLValue.integer) ?? .text(text)
        default:
            return .text(try cell.decode(String.self))
        }
    }
}

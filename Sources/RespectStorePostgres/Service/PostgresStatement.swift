import Foundation
import PostgresNIO
import RespectStoreSQL

/// One statement with its arguments bound as PostgreSQL types (`SQLValue.integer` as `int8`,
/// `.text` as `text`, `.blob` as `bytea`, `.null` untyped), and its rows read back as
/// `SQLValue`s by column name. The statement is written as the store writes it, with `?`
/// placeholders.
struct PostgresStatement: Sendable {
    let sql: String
    let bindings: PostgresBindings
    /// The parameters' types, as a prepared statement declares them.
    let types: [PostgresDataType]

    init(_ sql: String, _ arguments: [SQLValue]) {
        self.sql = sql
        var bindings = PostgresBindings(capacity: arguments.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(arguments.count)
        for argument in arguments {
            switch argument {
            case .null:
                bindings.appendNull()
                types.append(.null)
            case .integer(let number):
                bindings.append(number)
                types.append(.int8)
            case .text(let text):
                bindings.append(text)
                types.append(.text)
            case .blob(let bytes):
                bindings.append(ByteBuffer(bytes: bytes))
                types.append(.bytea)
            }
        }
        self.bindings = bindings
        self.types = types
    }

    /// Runs the statement unprepared (parsed and planned on every run).
    func rows(on connection: PostgresConnection, dialect: SQLDialect) async throws -> [SQLRow] {
        var rows: [SQLRow] = []
        let query = PostgresQuery(unsafeSQL: dialect.statement(sql), binds: bindings)
        for try await row in try await connection.query(query, logger: PostgresDatabase.silent) {
            rows.append(try Self.row(row))
        }
        return rows
    }

    /// Runs the statement prepared under its name in `names`, preparing it on `connection` the
    /// first time that connection runs it. A statement PostgreSQL refuses because a table it
    /// reads has changed since it was prepared (SQLSTATE 0A000) is prepared again, once.
    func preparedRows(on connection: PostgresConnection, names: PreparedStatementNames) async throws -> [SQLRow] {
        let entry = names.entry(for: sql, types: types)
        let rows: [PostgresRow]
        do {
            rows = try await PreparedRead.run(entry, bindings: bindings, on: connection)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "0A000" {
            names.renew(after: entry)
            rows = try await PreparedRead.run(names.entry(for: sql, types: types), bindings: bindings, on: connection)
        }
        return try rows.map(Self.row)
    }

    /// A row as `SQLValue`s by column name.
    static func row(_ row: PostgresRow) throws -> SQLRow {
        var columns: [String: SQLValue] = [:]
        for cell in row {
            columns[cell.columnName] = try value(cell)
        }
        return SQLRow(columns: columns)
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

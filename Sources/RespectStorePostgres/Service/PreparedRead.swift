import PostgresNIO

/// A statement of the store run through postgres-nio's prepared-statement API.
///
/// That API reads a statement's name, text and parameter types from static properties of its
/// type, as for SQL fixed at compile time; the store's statements are values, so these static
/// properties read a task-local that `run` sets around the call. postgres-nio reads them within
/// the call, on the calling task, and hands them on as values.
struct PreparedRead: PostgresPreparedStatement {
    typealias Row = PostgresRow

    @TaskLocal static var current = PreparedStatementNames.Entry(name: "", sql: "", types: [], generation: 0)

    static var name: String { current.name }
    static var sql: String { current.sql }
    static var bindingDataTypes: [PostgresDataType] { current.types }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }

    /// Runs `entry` with `bindings` on `connection`, preparing it there first if it is new to it.
    static func run(_ entry: PreparedStatementNames.Entry, bindings: PostgresBindings,
                    on connection: PostgresConnection) async throws -> [PostgresRow] {
        try await $current.withValue(entry) {
            var rows: [PostgresRow] = []
            for try await row in try await connection.execute(PreparedRead(bindings: bindings), logger: PostgresDatabase.silent) {
                rows.append(row)
            }
            return rows
        }
    }
}

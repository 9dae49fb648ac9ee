import PostgresNIO
import RespectStoreSQL
import Synchronization

/// The names under which one driver's reads are prepared on its connections: one name per
/// statement text and parameter types, the same on every connection of the pool, each
/// connection preparing a name the first time it runs it (postgres-nio keeps what each
/// connection has prepared). The store's statements are a fixed set written in its code, so the
/// names are too.
///
/// A prepared statement remembers the columns it returns. When another process changes a table
/// (a newer engine migrating the schema), PostgreSQL refuses such a statement with SQLSTATE
/// 0A000 ("cached plan must not change result type"); `renew` then moves every statement to
/// new names, so each connection prepares it again as the table now is.
final class PreparedStatementNames: Sendable {
    /// A statement as prepared: its name, and its text as PostgreSQL reads it.
    struct Entry: Sendable {
        var name: String
        var sql: String
        var types: [PostgresDataType]
        var generation: Int
    }

    private struct State {
        var generation = 0
        var entries: [Key: Entry] = [:]
    }

    private struct Key: Hashable {
        var sql: String
        var types: [UInt32]
    }

    private let state = Mutex(State())
    private let dialect: SQLDialect

    /// Names for statements written in `dialect`'s words (its placeholders filled in once per
    /// statement).
    init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    /// The entry for `sql` (with `?` placeholders) run with parameters of `types`.
    func entry(for sql: String, types: [PostgresDataType]) -> Entry {
        let key = Key(sql: sql, types: types.map(\.rawValue))
        if let entry = state.withLock({ $0.entries[key] }) { return entry }
        let translated = dialect.statement(sql)
        return state.withLock { state in
            if let entry = state.entries[key] { return entry }
            let entry = Entry(name: "respect_\(state.generation)_\(state.entries.count)", sql: translated, types: types,
                              generation: state.generation)
            state.entries[key] = entry
            return entry
        }
    }

    /// Moves every statement to a new name, unless that was done since `entry` was handed out.
    func renew(after entry: Entry) {
        state.withLock { state in
            guard state.generation == entry.generation else { return }
            state.generation += 1
            state.entries = [:]
        }
    }
}

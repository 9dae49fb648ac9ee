import RespectStoreSQL
import Testing

@Suite("SQL dialects")
struct SQLDialectTests {
    @Test("PostgreSQL numbers the placeholders in order; SQLite keeps question marks")
    func placeholders() {
        let sql = "SELECT * FROM account WHERE email = ? AND id > ?"
        #expect(SQLDialect.postgres.statement(sql) == "SELECT * FROM account WHERE email = $1 AND id > $2")
        #expect(SQLDialect.sqlite.statement(sql) == sql)
    }
}

import RespectStorePostgres
import Testing

/// Reading a database URL: what is taken from it, what is refused, and that the password
/// never shows.
@Suite("PostgreSQL settings")
struct PostgresSettingsTests {
    @Test("a URL gives the host, port, user, password, database, schema, TLS mode and whether reads are prepared")
    func readsEveryPart() throws {
        let settings = try PostgresSettings(url: "postgres://respect:s%40cret@db.example.org:6543/accreditation?sslmode=require&schema=respect_app&connect_timeout=3&prepared_statements=off")
        #expect(settings.host == "db.example.org" && settings.port == 6543)
        #expect(settings.user == "respect" && settings.password == "s@cret")
        #expect(settings.database == "accreditation" && settings.schema == "respect_app")
        #expect(settings.tls == .require && settings.connectTimeout == .seconds(3))
        #expect(settings.preparesStatements == false)
    }

    @Test("without a port, database or sslmode: 5432, the user's name, and prefer as libpq does")
    func defaults() throws {
        let settings = try PostgresSettings(url: "postgresql://respect@localhost")
        #expect(settings.port == 5432 && settings.database == "respect" && settings.tls == .prefer)
        #expect(settings.password == nil && settings.schema == nil)
        #expect(settings.preparesStatements)
    }

    @Test("the location names the database without the password")
    func locationHidesThePassword() throws {
        let settings = try PostgresSettings(url: "postgres://respect:hunter2@127.0.0.1:5433/respect?schema=s1")
        #expect(settings.location == "postgres://respect@127.0.0.1:5433/respect?schema=s1")
        #expect(!settings.location.contains("hunter2"))
    }

    @Test("a URL that cannot be used is refused saying what was expected, and never echoes the password",
          arguments: [
              ("mysql://respect:hunter2@localhost/respect", "does not start with postgres://"),
              ("postgres://respect:hunter2@/respect", "names no host"),
              ("postgres://:hunter2@localhost/respect", "names no user"),
              ("postgres://respect:hunter2@localhost/respect?sslmode=maybe", "sslmode 'maybe' is not one of disable, prefer, require, verify-full"),
              ("postgres://respect:hunter2@localhost/respect?schema=Robert%27);DROP", "is not a plain name"),
              ("postgres://respect:hunter2@localhost/respect?sslmod=disable", "the parameter 'sslmod' is not one this engine reads"),
              ("postgres://respect:hunter2@localhost/respect?connect_timeout=0", "connect_timeout '0' is not a number of seconds"),
              ("postgres://respect:hunter2@localhost/respect?prepared_statements=yes", "prepared_statements 'yes' is not on or off"),
          ])
    func refusals(url: String, expected: String) {
        let error = #expect(throws: PostgresSettingsError.self) { try PostgresSettings(url: url) }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("hunter2"))
    }
}

import Foundation
import RespectStore
import RespectStorePostgres
import RespectTestSupport
import Testing

/// The PostgreSQL leg of the tests (`RESPECT_POSTGRES_LEG=1 scripts/with-postgres swift test
/// --filter …`) cannot pass having tested nothing: it fails when the database is not set, when
/// the server cannot be stopped and started, or when the run store contract does not list
/// PostgreSQL — and it runs a PostgreSQL case itself.
@Suite("PostgreSQL leg", .enabled(if: TestDatabase.isLeg), .usesTheDatabase)
struct PostgresLegTests {
    @Test("the leg has a database and a server it can restart, and runs the store contracts on PostgreSQL")
    func legIsComplete() async throws {
        #expect(TestDatabase.url != nil, "RESPECT_DATABASE_URL is set")
        #expect(TestDatabase.control != nil, "RESPECT_POSTGRES_CONTROL is set")
        #expect(RunStoreImplementations.all.map(\.name).filter { $0.hasPrefix("PostgreSQL") }
                == ["PostgreSQL", "PostgreSQL service store"])
        #expect(ServiceStoreImplementations.all.map(\.name).contains("PostgreSQL"))
        let store = try await PostgresRunStore.open(url: try TestDatabase.freshURL())
        let id = try await store.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "leg", at: StoreFixtures.time())
        #expect(try await store.run(id: id)?.summary.assessor == "leg")
    }
}

import Foundation
import RespectModel
import RespectStore
import Testing

extension RunStoreContract {
    /// Records, in this order, charity 1100001, charity 1100002, charity SC045678, the provider
    /// without a number (all called "Northgate Family Safety"), then charity 1100001 again, and
    /// the mini provider (another name, charity 1000001). Returns the ids in that order.
    static func recordNorthgate(in store: any RunStore) async throws -> [Int64] {
        let fixtures = [StoreFixtures.northgate1100001, StoreFixtures.northgate1100002, StoreFixtures.northgateSC045678,
                        StoreFixtures.northgateUnregistered, StoreFixtures.northgate1100001, "engine/mini-achieved.xml"]
        var ids: [Int64] = []
        for (index, fixture) in fixtures.enumerated() {
            ids.append(try await store.record(try StoreFixtures.assessment(fixture), assessor: "a", at: StoreFixtures.time(index)))
        }
        return ids
    }

    /// Given a charity or company number (spaces and case ignored), the history lists that
    /// organisation's runs alone, oldest first, whatever other organisations share its name.
    public static func historyByRegisteredNumber(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let ids = try await recordNorthgate(in: store)
        for query in ["1100001", " 1100 001 ", "07000001"] {
            let history = try await store.history(matching: OrganisationQuery(query))
            #expect(history.count == 1, "'\(query)' names one organisation")
            #expect(history.first?.registeredNumber == "1100001")
            #expect(history.first?.runs.map(\.run) == [ids[0], ids[4]], "'\(query)': charity 1100001's runs, oldest first")
        }
        for query in ["SC045678", "sc 045678"] {
            let history = try await store.history(matching: OrganisationQuery(query))
            #expect(history.map(\.registeredNumber) == ["SC045678"])
            #expect(history.first?.runs.map(\.run) == [ids[2]])
            #expect(history.first?.name == "NORTHGATE family safety", "the name as the submission gave it")
        }
        #expect(try await store.history(matching: OrganisationQuery("1100003")).isEmpty)
        #expect(try await store.history(matching: OrganisationQuery("   ")).isEmpty)
    }

    /// Given a name several organisations share, the history lists each separately: one group
    /// per registered number, and the runs without a number grouped by name, in the order of
    /// their first run.
    public static func historyByNameSeparatesOrganisations(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let ids = try await recordNorthgate(in: store)
        for query in ["Northgate Family Safety", "northgate   FAMILY safety"] {
            let history = try await store.history(matching: OrganisationQuery(query))
            #expect(history.map(\.registeredNumber) == ["1100001", "1100002", "SC045678", nil])
            #expect(history.map { $0.runs.map(\.run) } == [[ids[0], ids[4]], [ids[1]], [ids[2]], [ids[3]]])
            let runs = try await store.runs(matching: OrganisationQuery(query))
            #expect(runs.map(\.run) == Array(ids.prefix(5)), "every matching run, oldest first")
        }
        let mini = try await store.history(matching: OrganisationQuery("MINI test  Services"))
        #expect(mini.map(\.registeredNumber) == ["1000001"])
        #expect(mini.first?.runs.map(\.run) == [ids[5]])
        #expect(try await store.history(matching: OrganisationQuery("Another Provider")).isEmpty)
    }

    /// Runs that give no number are matched by name only, whatever its case and spacing, and
    /// grouped under that name.
    public static func historyWithoutNumberGroupsByName(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let unregistered = try StoreFixtures.assessment(StoreFixtures.northgateUnregistered)
        var renamed = unregistered
        renamed.submission.provider.name = "NORTHGATE  Family Safety"
        let first = try await store.record(unregistered, assessor: "a", at: StoreFixtures.time())
        let second = try await store.record(renamed, assessor: "b", at: StoreFixtures.time(60))
        let history = try await store.history(matching: OrganisationQuery("northgate family safety"))
        #expect(history.count == 1)
        #expect(history.first?.registeredNumber == nil)
        #expect(history.first?.runs.map(\.run) == [first, second])
        #expect(history.first?.runs.map(\.registeredNumber) == [nil, nil])
        #expect(history.first?.name == "NORTHGATE  Family Safety", "the latest run's name")
    }
}

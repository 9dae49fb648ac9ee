import Foundation
import RespectTestSupport
import Testing

/// Organisations are identified by their registered number, not their name: `history` and
/// `diff` on three charities called "Northgate Family Safety" and a provider of that name that
/// gives no number (`Tests/Fixtures/store/northgate-*.xml`), as a user runs them.
@Suite("Organisation identity on the command line")
struct OrganisationIdentityTests {
    let miniFramework = TestSupport.fixture("engine/mini-framework.xml")
    let charity1100001 = TestSupport.fixture(StoreFixtures.northgate1100001)
    let charity1100002 = TestSupport.fixture(StoreFixtures.northgate1100002)
    let charitySC045678 = TestSupport.fixture(StoreFixtures.northgateSC045678)
    let unregistered = TestSupport.fixture(StoreFixtures.northgateUnregistered)

    /// A store holding, as runs 1 to 5: charity 1100001, 1100002, SC045678, the provider without
    /// a number, and charity 1100001 again.
    private func northgateStore() throws -> String {
        let store = TestSupport.temporaryStorePath()
        for file in [charity1100001, charity1100002, charitySC045678, unregistered, charity1100001] {
            let result = try CommandLineRunner.run(["check", file, "--framework", miniFramework, "--store", store])
            #expect(result.standardError.contains("recorded as run"), "\(file): \(result.standardError)")
        }
        return store
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("history of a name three charities share lists each separately, with its number and how to ask for one")
    func historyOfASharedName() throws {
        let store = try northgateStore()
        let result = try CommandLineRunner.run(["history", "northgate family safety", "--store", store])
        #expect(result.exitCode == 0)
        let text = result.standardOutput
        #expect(text.contains("'northgate family safety' matches 4 organisations in \(store); their runs are listed separately."))
        #expect(text.contains("give its registered number: respect history 1100001 --store \(store)"))
        #expect(text.contains("Northgate Family Safety, registered number 1100001 (2 runs):"))
        #expect(text.contains("Northgate Family Safety, registered number 1100002 (1 run):"))
        #expect(text.contains("NORTHGATE family safety, registered number SC045678 (1 run):"))
        #expect(text.contains("Northgate Family Safety, no registered number (1 run):"))
        #expect(text.contains("give no charity or company number"))

        let listing = try json(try CommandLineRunner.run(["history", "Northgate Family Safety", "--store", store, "--format", "json"]).standardOutput)
        let organisations = try #require(listing["organisations"] as? [[String: Any]])
        #expect(organisations.map { $0["registeredNumber"] as? String } == ["1100001", "1100002", "SC045678", nil])
        #expect(organisations.map { ($0["runs"] as? [[String: Any]])?.map { $0["run"] as? Int } } == [[1, 5], [2], [3], [4]])
    }

    @Test("history by a charity number lists that charity's runs alone")
    func historyByNumber() throws {
        let store = try northgateStore()
        let result = try CommandLineRunner.run(["history", "1100002", "--store", store])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("Runs for Northgate Family Safety, registered number 1100002, in \(store) (1):\n"))
        #expect(result.standardOutput.contains(charity1100002))
        #expect(!result.standardOutput.contains(charity1100001) && !result.standardOutput.contains(unregistered))
        let scottish = try CommandLineRunner.run(["history", "sc 045678", "--store", store])
        #expect(scottish.standardOutput.contains("registered number SC045678"))
        #expect(scottish.standardOutput.contains(charitySC045678))
    }

    @Test("history of a provider that gives no number lists its runs by name and says it has no registered number")
    func historyWithoutNumber() throws {
        let store = TestSupport.temporaryStorePath()
        _ = try CommandLineRunner.run(["check", unregistered, "--framework", miniFramework, "--store", store])
        let result = try CommandLineRunner.run(["history", "Northgate Family Safety", "--store", store])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("Runs for Northgate Family Safety in \(store) (1):\n"))
        #expect(result.standardOutput.contains("Note: these submissions give no charity or company number"))
        let listing = try json(try CommandLineRunner.run(["history", "Northgate Family Safety", "--store", store, "--format", "json"]).standardOutput)
        let organisations = try #require(listing["organisations"] as? [[String: Any]])
        #expect(organisations.count == 1 && organisations.first?["registeredNumber"] == nil)
    }

    @Test("diff between runs of two charities sharing a name warns on standard error and says so in the JSON")
    func diffRunsOfDifferentCharities() throws {
        let store = try northgateStore()
        let result = try CommandLineRunner.run(["diff", "1", "2", "--store", store, "--format", "json"])
        #expect(result.exitCode == 0)
        #expect(result.standardError.contains("""
            respect: warning: different organisations: Northgate Family Safety (registered number 1100001) \
            and Northgate Family Safety (registered number 1100002)
            """))
        let organisation = try #require(try json(result.standardOutput)["organisation"] as? [String: Any])
        #expect(organisation["same"] as? Bool == false)
        #expect(organisation["comparedBy"] as? String == "registered-number")

        let sameCharity = try CommandLineRunner.run(["diff", "1", "5", "--store", store, "--format", "json"])
        #expect(sameCharity.standardError.isEmpty)
        #expect((try json(sameCharity.standardOutput)["organisation"] as? [String: Any])?["same"] as? Bool == true)
    }

    @Test("diff between files of two charities sharing a name warns, in the text too; the same charity does not")
    func diffFilesOfDifferentCharities() throws {
        let result = try CommandLineRunner.run(["diff", charity1100001, charitySC045678, "--framework", miniFramework])
        #expect(result.exitCode == 0)
        #expect(result.standardError.contains("warning: different organisations: Northgate Family Safety (registered number 1100001) and NORTHGATE family safety (registered number SC045678)"))
        #expect(result.standardOutput.contains("  Note: different organisations: "))
        let same = try CommandLineRunner.run(["diff", charity1100001, charity1100001, "--framework", miniFramework])
        #expect(same.exitCode == 0)
        #expect(same.standardError.isEmpty)
        #expect(!same.standardOutput.contains("Note:"))
    }

    @Test("diff where a side gives no number compares the names, and warns when they differ")
    func diffWithoutNumberComparesNames() throws {
        let other = try CommandLineRunner.run(["diff", unregistered, TestSupport.fixture("engine/mini-achieved.xml"),
                                               "--framework", miniFramework, "--format", "json"])
        #expect(other.standardError.contains("""
            warning: different organisations: Northgate Family Safety (no registered number) and Mini Test Services \
            (registered number 1000001); compared by name, as a registered number is missing
            """))
        let organisation = try #require(try json(other.standardOutput)["organisation"] as? [String: Any])
        #expect(organisation["comparedBy"] as? String == "name")
        let sameName = try CommandLineRunner.run(["diff", unregistered, charity1100001, "--framework", miniFramework])
        #expect(sameName.standardError.isEmpty, "the same name, and no number to tell them apart")
    }
}

import Foundation
import Testing
import RespectEvaluation
import RespectModel
import RespectStore
import RespectStoreSQLite
import RespectTestSupport

/// What changed between two results, computed the same way for stored runs and fresh files.
@Suite("Assessment diff")
struct AssessmentDiffTests {
    @Test("two submissions: the outcome change, indicators that moved, evidence added, removed and expired")
    func betweenFiles() throws {
        let old = try StoreFixtures.assessment("engine/mini-achieved.xml")
        let new = try StoreFixtures.assessment("store/mini-later.xml")
        let diff = AssessmentDiff(old: old, new: new)
        #expect(diff.outcomeChange?.from.verdict == .achieved)
        #expect(diff.outcomeChange?.to.verdict == .notYet)
        let moves = Dictionary(uniqueKeysWithValues: diff.indicatorChanges.map { ($0.id, $0) })
        #expect(moves["iss-in-place"]?.from == .met && moves["iss-in-place"]?.to == .partlyMet)
        #expect(moves["training-recent"]?.from == .met && moves["training-recent"]?.to == .partlyMet)
        #expect(moves.count == 2)
        #expect(diff.evidenceAdded.map(\.id) == ["E8"])
        #expect(diff.evidenceRemoved.map(\.id) == ["E7"])
        #expect(diff.evidenceExpired.map(\.id) == ["E2"])
        #expect(diff.evidenceExpired.first?.why == [IndicatorReason(indicator: "training-recent", reason: .tooOld(
            evidenceID: "E2", evidenceType: TermReference(id: "training-record", label: "Training record"), issued: CalendarDate("2025-09-01")!,
            oldestAccepted: CalendarDate("2025-12-31")!, maximumAgeMonths: 12, asOf: CalendarDate("2026-12-31")!))])
        #expect(diff.evidenceReplaced.isEmpty)
    }

    @Test("two stored runs give the same diff as the results they recorded")
    func betweenRuns() async throws {
        let store = try SQLiteRunStore(path: TestSupport.temporaryStorePath())
        let old = try StoreFixtures.assessment("engine/mini-achieved.xml")
        let new = try StoreFixtures.assessment("store/mini-later.xml")
        let first = try await store.record(old, assessor: "a", at: Date(timeIntervalSince1970: 0))
        let second = try await store.record(new, assessor: "a", at: Date(timeIntervalSince1970: 60))
        let stored = AssessmentDiff(old: try #require(try await store.run(id: first)).assessment,
                                    new: try #require(try await store.run(id: second)).assessment, oldRun: first, newRun: second)
        let fresh = AssessmentDiff(old: old, new: new)
        #expect(stored.indicatorChanges == fresh.indicatorChanges)
        #expect(stored.outcomeChange == fresh.outcomeChange)
        #expect(stored.evidenceAdded == fresh.evidenceAdded)
        #expect(stored.evidenceExpired == fresh.evidenceExpired)
        #expect(stored.old.run == first && stored.new.run == second)
        #expect(stored.organisation == OrganisationMatch(same: true, comparedBy: .registeredNumber))
    }

    @Test("two charities sharing a name are different organisations, told apart by registered number")
    func charitiesSharingAName() throws {
        let first = try StoreFixtures.assessment(StoreFixtures.northgate1100001)
        let second = try StoreFixtures.assessment(StoreFixtures.northgate1100002)
        let diff = AssessmentDiff(old: first, new: second)
        #expect(diff.organisation == OrganisationMatch(same: false, comparedBy: .registeredNumber))
        #expect(diff.old.registeredNumber == "1100001" && diff.new.registeredNumber == "1100002")
        #expect(diff.old.provider == diff.new.provider)
        #expect(AssessmentDiff(old: first, new: first).organisation.same)
    }

    @Test("one charity under another name, its number written with spaces, is the same organisation")
    func renamedCharity() throws {
        let renamed = try TestSupport.assessMini([("name=\"Mini Test Services\" charityNumber=\"1000001\"",
                                                   "name=\"Mini Safer Families\" charityNumber=\"1000 001\"")])
        let diff = AssessmentDiff(old: try StoreFixtures.assessment("engine/mini-achieved.xml"), new: renamed)
        #expect(diff.organisation == OrganisationMatch(same: true, comparedBy: .registeredNumber))
    }

    @Test("when a side gives no registered number, the names decide")
    func withoutANumberNamesDecide() throws {
        let unregistered = try StoreFixtures.assessment(StoreFixtures.northgateUnregistered)
        let sameName = AssessmentDiff(old: unregistered, new: try StoreFixtures.assessment(StoreFixtures.northgate1100001))
        #expect(sameName.organisation == OrganisationMatch(same: true, comparedBy: .name))
        let otherName = AssessmentDiff(old: unregistered, new: try StoreFixtures.assessment("engine/mini-achieved.xml"))
        #expect(otherName.organisation == OrganisationMatch(same: false, comparedBy: .name))
    }

    @Test("two stored runs of different charities with one name compare as different organisations")
    func storedRunsOfDifferentCharities() async throws {
        let store = try SQLiteRunStore(path: TestSupport.temporaryStorePath())
        let first = try await store.record(try StoreFixtures.assessment(StoreFixtures.northgate1100001), assessor: "a", at: StoreFixtures.time())
        let second = try await store.record(try StoreFixtures.assessment(StoreFixtures.northgateSC045678), assessor: "a", at: StoreFixtures.time(60))
        let diff = AssessmentDiff(old: try #require(try await store.run(id: first)).assessment,
                                  new: try #require(try await store.run(id: second)).assessment, oldRun: first, newRun: second)
        #expect(diff.organisation == OrganisationMatch(same: false, comparedBy: .registeredNumber))
        #expect(diff.new.registeredNumber == "SC045678")
    }

    @Test("a result compared with itself shows no change")
    func identical() throws {
        let assessment = try StoreFixtures.assessment("engine/mini-achieved.xml")
        #expect(AssessmentDiff(old: assessment, new: assessment).isEmpty)
    }

    @Test("findings that changed statuses show in a diff between runs without and with them")
    func findingsMoveStatuses() throws {
        let without = try StoreFixtures.assessment("engine/mini-achieved.xml")
        let with = try StoreFixtures.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        let diff = AssessmentDiff(old: without, new: with)
        #expect(Set(diff.indicatorChanges.map(\.id)) == ["training-recent", "facilitation", "contact-rate"])
        #expect(diff.evidenceAdded.isEmpty && diff.evidenceRemoved.isEmpty)
        #expect(diff.findingsAdded.map(\.targetID) == ["training-recent", "facilitation", "contact-rate"])
        #expect(diff.findingsRemoved.isEmpty)
    }
}

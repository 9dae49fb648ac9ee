import Foundation
import Testing
import RespectEvaluation
import RespectModel
import RespectStore

/// What changed between two results, computed the same way for stored runs and fresh files.
@Suite("Assessment diff")
struct AssessmentDiffTests {
    @Test("two submissions: the outcome change, indicators that moved, evidence added, removed and expired")
    func betweenFiles() throws {
        let old = try RunStoreTests.assessment("engine/mini-achieved.xml")
        let new = try RunStoreTests.assessment("store/mini-later.xml")
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
    func betweenRuns() throws {
        let store = try RunStore(path: RunStoreTests.temporaryStorePath())
        let old = try RunStoreTests.assessment("engine/mini-achieved.xml")
        let new = try RunStoreTests.assessment("store/mini-later.xml")
        let first = try store.record(old, assessor: "a", at: Date(timeIntervalSince1970: 0))
        let second = try store.record(new, assessor: "a", at: Date(timeIntervalSince1970: 60))
        let stored = AssessmentDiff(old: try #require(try store.run(id: first)).assessment,
                                    new: try #require(try store.run(id: second)).assessment, oldRun: first, newRun: second)
        let fresh = AssessmentDiff(old: old, new: new)
        #expect(stored.indicatorChanges == fresh.indicatorChanges)
        #expect(stored.outcomeChange == fresh.outcomeChange)
        #expect(stored.evidenceAdded == fresh.evidenceAdded)
        #expect(stored.evidenceExpired == fresh.evidenceExpired)
        #expect(stored.old.run == first && stored.new.run == second)
    }

    @Test("a result compared with itself shows no change")
    func identical() throws {
        let assessment = try RunStoreTests.assessment("engine/mini-achieved.xml")
        #expect(AssessmentDiff(old: assessment, new: assessment).isEmpty)
    }

    @Test("findings that changed statuses show in a diff between runs without and with them")
    func findingsMoveStatuses() throws {
        let without = try RunStoreTests.assessment("engine/mini-achieved.xml")
        let with = try RunStoreTests.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        let diff = AssessmentDiff(old: without, new: with)
        #expect(Set(diff.indicatorChanges.map(\.id)) == ["training-recent", "facilitation", "contact-rate"])
        #expect(diff.evidenceAdded.isEmpty && diff.evidenceRemoved.isEmpty)
        #expect(diff.findingsAdded.map(\.targetID) == ["training-recent", "facilitation", "contact-rate"])
        #expect(diff.findingsRemoved.isEmpty)
    }
}

import Foundation
import RespectEvaluation
import RespectModel
import RespectStore
import Testing

/// The behaviour every `RunStore` implementation must have, written against the protocol
/// alone. Each case takes an implementation, makes a fresh store of it and records its issues
/// with `#expect`; `RespectStoreTests` runs every case for every implementation it lists.
public enum RunStoreContract {
    /// A recorded run reads back equal: the same result (byte for byte in `ResultCoding`), the
    /// same inputs with their SHA-256, the same findings and the summary its record describes.
    public static func recordedRunReadsBack(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let assessment = try StoreFixtures.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        let record = RunRecord(assessment, assessor: "R. Okafor", recordedAt: StoreFixtures.time())
        let id = try await store.record(record)
        let run = try #require(try await store.run(id: id))
        #expect(run.summary == record.summary(run: id))
        #expect(run.summary.recordedAt == "2026-09-21T14:13:20Z")
        #expect(run.summary.registeredNumber == "1000001")
        #expect(run.summary.framework == "mini@1" && run.summary.asOf == "2026-06-30")
        #expect(run.summary.verdict == "not-yet", "the outcome with the findings applied")
        #expect(run.summary.engineVersion == EngineVersion.current)
        #expect(run.summary.submissionSHA256 == assessment.inputs[0].sha256)
        #expect(run.summary.frameworkSHA256 == assessment.inputs[1].sha256)
        #expect(try ResultCoding.encode(run.assessment) == ResultCoding.encode(assessment), "the result reads back byte for byte")
        #expect(run.inputs == assessment.inputs)
        #expect(run.inputs.map(\.role) == ["submission", "framework", "findings"])
        #expect(run.inputs.allSatisfy { $0.sha256.count == 64 })
        #expect(run.findings == record.findings)
        #expect(run.findings.map(\.targetID) == ["training-recent", "facilitation", "contact-rate"])
    }

    /// Ids are assigned by the store and increase with each run; each id reads back its own run.
    public static func idsIncrease(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let assessment = try StoreFixtures.assessment("engine/mini-achieved.xml")
        var ids: [Int64] = []
        for index in 0..<4 {
            ids.append(try await store.record(assessment, assessor: "assessor \(index)", at: StoreFixtures.time(index)))
        }
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }, "ids increase: \(ids)")
        for (index, id) in ids.enumerated() {
            #expect(try await store.run(id: id)?.summary.assessor == "assessor \(index)")
        }
    }

    /// Asking for a run that was never recorded gives `nil`, not an error.
    public static func unknownRunIsNil(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        #expect(try await store.run(id: 1) == nil, "an empty store has no run 1")
        let id = try await store.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "a", at: StoreFixtures.time())
        #expect(try await store.run(id: id + 1) == nil)
        #expect(try await store.run(id: 0) == nil)
        #expect(try await store.run(id: -1) == nil)
        #expect(try await store.run(id: id) != nil)
    }

    /// Counts are the runs, their input files and their findings.
    public static func countsRunsInputsAndFindings(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        #expect(try await store.counts() == StoreCounts(runs: 0, inputs: 0, findings: 0))
        let reviewed = try StoreFixtures.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        try await store.record(reviewed, assessor: "a", at: StoreFixtures.time())
        #expect(try await store.counts() == StoreCounts(runs: 1, inputs: 3, findings: 3))
        try await store.record(try StoreFixtures.assessment("store/mini-later.xml"), assessor: "a", at: StoreFixtures.time(60))
        #expect(try await store.counts() == StoreCounts(runs: 2, inputs: 5, findings: 3))
    }

    /// A write that fails inside its transaction, after every row was written, leaves no part
    /// of the run: the runs before it stay whole, the ones after it are recorded as usual.
    public static func interruptedRecordLeavesNothing(_ implementation: RunStoreImplementation) async throws {
        let fresh = try await implementation.makeStore()
        let assessment = try StoreFixtures.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        let whole = try await fresh.store.record(assessment, assessor: "whole", at: StoreFixtures.time())
        let interrupting = try await fresh.interruptingWrites()
        await #expect(throws: StoreError.self) {
            try await interrupting.record(assessment, assessor: "partial", at: StoreFixtures.time(1))
        }
        #expect(try await fresh.store.counts() == StoreCounts(runs: 1, inputs: 3, findings: 3))
        #expect(try await fresh.store.runs(matching: OrganisationQuery("Mini Test Services")).map(\.assessor) == ["whole"])
        let after = try await fresh.store.record(assessment, assessor: "after", at: StoreFixtures.time(2))
        #expect(after > whole)
        #expect(try await fresh.store.counts() == StoreCounts(runs: 2, inputs: 6, findings: 6))
    }

    /// Runs recorded from many tasks at once all land, each whole and with its own id.
    public static func concurrentRecordsAllLand(_ implementation: RunStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let assessment = try StoreFixtures.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        let tasks = 40
        let ids = try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
            for index in 0..<tasks {
                group.addTask { (index, try await store.record(assessment, assessor: "task \(index)", at: StoreFixtures.time(index))) }
            }
            var ids: [Int: Int64] = [:]
            for try await (index, id) in group { ids[index] = id }
            return ids
        }
        #expect(ids.count == tasks)
        #expect(Set(ids.values).count == tasks, "every run has its own id")
        #expect(try await store.counts() == StoreCounts(runs: tasks, inputs: 3 * tasks, findings: 3 * tasks))
        for (index, id) in ids {
            let run = try #require(try await store.run(id: id))
            #expect(run.summary.assessor == "task \(index)")
            #expect(run.inputs.count == 3 && run.findings.count == 3)
        }
    }

    /// Reopening the storage keeps every run and applies no migration again.
    public static func reopeningKeepsRuns(_ implementation: RunStoreImplementation) async throws {
        let fresh = try await implementation.makeStore()
        let migrations = try await fresh.store.appliedMigrations()
        #expect(!migrations.isEmpty, "the schema is made by named migrations")
        let id = try await fresh.store.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "a", at: StoreFixtures.time())
        let reopened = try await fresh.reopen()
        #expect(try await reopened.appliedMigrations() == migrations)
        #expect(try await reopened.run(id: id)?.summary.assessor == "a")
        #expect(try await reopened.counts().runs == 1)
    }
}

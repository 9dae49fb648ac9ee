import RespectTestSupport
import Testing

/// The run store contract (`RunStoreContract`), for every implementation in
/// `RunStoreImplementations.all`.
@Suite("Run store contract", .usesTheDatabase)
struct RunStoreContractTests {
    @Test("a recorded run reads back equal: the result, its inputs with SHA-256, its findings and summary",
          arguments: RunStoreImplementations.all)
    func recordedRunReadsBack(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.recordedRunReadsBack(implementation)
    }

    @Test("run ids increase with each run recorded", arguments: RunStoreImplementations.all)
    func idsIncrease(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.idsIncrease(implementation)
    }

    @Test("a run id that was never recorded gives no run", arguments: RunStoreImplementations.all)
    func unknownRunIsNil(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.unknownRunIsNil(implementation)
    }

    @Test("counts are the runs, their input files and their findings", arguments: RunStoreImplementations.all)
    func counts(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.countsRunsInputsAndFindings(implementation)
    }

    @Test("a write interrupted inside its transaction leaves no part of the run", arguments: RunStoreImplementations.all)
    func interruptedRecord(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.interruptedRecordLeavesNothing(implementation)
    }

    @Test("runs recorded from forty tasks at once all land whole", arguments: RunStoreImplementations.all)
    func concurrentRecords(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.concurrentRecordsAllLand(implementation)
    }

    @Test("reopening a store keeps its runs and applies no migration again", arguments: RunStoreImplementations.all)
    func reopening(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.reopeningKeepsRuns(implementation)
    }

    @Test("history by charity or company number lists that organisation alone, oldest first",
          arguments: RunStoreImplementations.all)
    func historyByNumber(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.historyByRegisteredNumber(implementation)
    }

    @Test("history by a name three charities share lists each charity separately, and the runs without a number by name",
          arguments: RunStoreImplementations.all)
    func historyByName(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.historyByNameSeparatesOrganisations(implementation)
    }

    @Test("runs without a registered number are matched and grouped by name in any case and spacing",
          arguments: RunStoreImplementations.all)
    func historyWithoutNumber(_ implementation: RunStoreImplementation) async throws {
        try await RunStoreContract.historyWithoutNumberGroupsByName(implementation)
    }
}

import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectStore
import RespectStoreSQLite

/// Options for assessors, shared by the commands that score submissions: the findings to
/// apply, the run store to record into, and who is running it.
///
/// A command loads the findings and opens the store once (`loadFindings`, `openStore`) and
/// hands the findings to the use cases (`AssessmentRequest.findings`), which apply those that
/// concern each submission; it records each result with `record`.
struct AssessorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        An assessor's findings file, or a folder: every findings file in it that concerns the \
        submission is applied (repeatable). Findings override the engine's status and are shown \
        beside it.
        """, valueName: "file|dir"))
    var findings: [String] = []

    @Option(name: .long, help: ArgumentHelp("Record the run in this SQLite run store (created if missing).", valueName: "file"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Who ran it, recorded with the run (default: the login user name).", valueName: "name"))
    var assessor: String?

    /// The options as plain values.
    var settings: AssessorSettings {
        AssessorSettings(findings: findings, store: store, assessor: assessor)
    }

    /// Reads every findings file named, and every findings file in the folders named.
    func loadFindings(loader: DocumentLoader) throws -> FindingsSet {
        try settings.loadFindings(loader: loader)
    }

    /// The name recorded with a run.
    var assessorName: String { settings.assessorName }

    /// The SQLite run store named by `--store`, opened (and migrated), or `nil` without `--store`.
    func openStore() throws -> SQLiteRunStore? {
        try settings.openStore()
    }

    /// Records one run in `store`, waiting from the main thread of a synchronous command
    /// (`check`); returns its id.
    func record(_ assessment: Assessment, in store: any RunStore) throws -> Int64 {
        try settings.record(assessment, in: store)
    }
}

/// The assessor's options as plain values: what `AssessorOptions` parses to, and what a command
/// read without argument-parser (`respect check`'s usual forms) is given directly.
struct AssessorSettings: Equatable {
    var findings: [String] = []
    var store: String?
    var assessor: String?

    /// Reads every findings file named, and every findings file in the folders named.
    func loadFindings(loader: DocumentLoader) throws -> FindingsSet {
        try FindingsSet(paths: findings, loader: loader)
    }

    /// The name recorded with a run.
    var assessorName: String {
        if let assessor, !assessor.isEmpty { return assessor }
        return ProcessEnvironment.value("LOGNAME") ?? ProcessEnvironment.value("USER") ?? NSUserName()
    }

    /// The SQLite run store named by `--store`, opened (and migrated), or `nil` without `--store`.
    func openStore() throws -> SQLiteRunStore? {
        guard let store else { return nil }
        do {
            return try SQLiteRunStore(path: store)
        } catch {
            throw CommandFailure(description: "\(error)", exitCode: RespectExit.cannotCreate)
        }
    }

    /// Records one run in `store`, waiting from the main thread of a synchronous command
    /// (`check`); returns its id.
    func record(_ assessment: Assessment, in store: any RunStore) throws -> Int64 {
        let assessor = assessorName
        do {
            return try AsyncWork.wait { try await store.record(assessment, assessor: assessor, at: Date()) }
        } catch {
            throw CommandFailure(description: "\(error)", exitCode: RespectExit.cannotCreate)
        }
    }
}

import ArgumentParser
import Foundation
import RespectEvaluation
import RespectModel
import RespectStore
import RespectStoreSQLite

/// Options for assessors, shared by the commands that score submissions: the findings to
/// apply, the run store to record into, and who is running it.
///
/// A command that scores many submissions loads the findings and opens the store once
/// (`loadFindings`, `openStore`), then per submission calls `LoadedFindings.concerning` and
/// `Evaluator.evaluate(_:asOf:findings:submissionSHA256:)`, and `RunStore.record`.
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

    /// Reads every findings file named, and every findings file in the folders named.
    func loadFindings(loader: DocumentLoader) throws -> LoadedFindings {
        var loaded = LoadedFindings()
        for path in findings {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure(description: "\(path): no such findings file or folder", exitCode: RespectExit.noInput)
            }
            guard isDirectory.boolValue else {
                loaded.named.append(try loader.loadFindings(contentsOf: path))
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where name.hasSuffix(".xml") {
                let file = (path as NSString).appendingPathComponent(name)
                if case .findings(let found) = try loader.load(contentsOf: file) { loaded.inFolders.append(found) }
            }
        }
        return loaded
    }

    /// The name recorded with a run.
    var assessorName: String {
        if let assessor, !assessor.isEmpty { return assessor }
        let environment = ProcessInfo.processInfo.environment
        return environment["LOGNAME"] ?? environment["USER"] ?? NSUserName()
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

    /// Records one run in `store`; returns its id.
    func record(_ assessment: Assessment, in store: any RunStore) async throws -> Int64 {
        do {
            return try await store.record(assessment, assessor: assessorName, at: Date())
        } catch {
            throw CommandFailure(description: "\(error)", exitCode: RespectExit.cannotCreate)
        }
    }
}

/// Findings files read for a run of a command: those named, and those found in folders.
struct LoadedFindings: Sendable {
    var named: [Findings] = []
    var inFolders: [Findings] = []

    /// The findings to apply to a submission: every file named (one about another submission is
    /// ignored with a warning when applied), and the files in folders that concern it.
    func concerning(_ submission: Submission, submissionSHA256: String?) -> [Findings] {
        named + inFolders.filter { $0.subject.matches(submission.provider, submissionSHA256: submissionSHA256) }
    }
}

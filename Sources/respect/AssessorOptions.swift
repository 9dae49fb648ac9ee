import ArgumentParser
import Foundation
import RespectEvaluation
import RespectModel
import RespectStore

/// Options for assessors, shared by the commands that score submissions: the findings to
/// apply, the run store to record into, and who is running it.
struct AssessorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        An assessor's findings file, or a folder: every findings file in it that concerns this \
        submission is applied (repeatable). Findings override the engine's status and are shown \
        beside it.
        """, valueName: "file|dir"))
    var findings: [String] = []

    @Option(name: .long, help: ArgumentHelp("Record the run in this SQLite run store (created if missing).", valueName: "file"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Who ran it, recorded with the run (default: the login user name).", valueName: "name"))
    var assessor: String?

    /// The findings for `submission`: each file named, and each findings file in a folder
    /// named that concerns it (files in a folder about other submissions are skipped).
    func loadFindings(for submission: Submission, submissionSHA256: String?, loader: DocumentLoader) throws -> [Findings] {
        var loaded: [Findings] = []
        for path in findings {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure(description: "\(path): no such findings file or folder", exitCode: RespectExit.noInput)
            }
            guard isDirectory.boolValue else {
                loaded.append(try loader.loadFindings(contentsOf: path))
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where name.hasSuffix(".xml") {
                let file = (path as NSString).appendingPathComponent(name)
                guard case .findings(let found) = try loader.load(contentsOf: file) else { continue }
                if found.subject.matches(submission.provider, submissionSHA256: submissionSHA256) { loaded.append(found) }
            }
        }
        return loaded
    }

    /// The input-file records of the findings that concern the submission.
    func inputFiles(_ loaded: [Findings], submission: Submission, submissionSHA256: String?) -> [InputFile] {
        loaded.filter { $0.subject.matches(submission.provider, submissionSHA256: submissionSHA256) }
            .compactMap { InputFile(role: "findings", path: $0.source) }
    }

    /// The name recorded with a run.
    var assessorName: String {
        if let assessor, !assessor.isEmpty { return assessor }
        let environment = ProcessInfo.processInfo.environment
        return environment["LOGNAME"] ?? environment["USER"] ?? NSUserName()
    }

    /// Records the run when `--store` is given; returns its id.
    @discardableResult
    func record(_ assessment: Assessment) throws -> Int64? {
        guard let store else { return nil }
        do {
            return try RunStore(path: store).record(assessment, assessor: assessorName, at: Date())
        } catch {
            throw CommandFailure(description: "\(error)", exitCode: RespectExit.cannotCreate)
        }
    }
}

import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectStore
import RespectStoreSQLite

/// `respect diff`: what changed between two runs, or between two submission files.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        _superCommandName: "respect",
        abstract: "Show what changed between two recorded runs, or two submission files.",
        discussion: """
            With --store, OLD and NEW are run ids from `respect history`: their recorded results \
            are compared as they were. Without it, OLD and NEW are submission files, each \
            evaluated now (as of --as-of, else its own asOf date, else today). Shown: the outcome \
            change, indicators whose status moved (old → new), and evidence added, removed, \
            replaced (same id, another document) or no longer counted because it became too old \
            or passed its review date.

            Organisations are identified by their registered number (charity number, else \
            company number). When the two sides are different organisations (different \
            registered numbers, or, where a number is missing, different names) the diff says \
            so: a warning on standard error, a note in the text and `organisation` in the JSON.

            Example:
              respect diff 3 7 --store runs.sqlite
              respect diff old-submission.xml new-submission.xml --format json
            """
    )

    @Argument(help: ArgumentHelp("The earlier run id (with --store) or submission file.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later run id (with --store) or submission file.", valueName: "new"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("Compare runs recorded in this run store.", valueName: "file"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Files: framework file, or ID@EDITION (default: each submission's target).", valueName: "file|id"))
    var framework: String?

    @Option(name: .long, help: ArgumentHelp("Files: judge evidence as of this date (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; expected YYYY-MM-DD, e.g. 2026-10-01")
        }
        if store != nil, Int64(old) == nil || Int64(new) == nil {
            throw ValidationError("with --store, OLD and NEW are run ids (whole numbers, see `respect history`)")
        }
        if store != nil, framework != nil || asOf != nil {
            throw ValidationError("--framework and --as-of apply to submission files, not to stored runs")
        }
    }

    func run() async throws {
        let diff: AssessmentDiff
        do {
            if let store {
                diff = try await runs(in: store)
            } else {
                diff = try files()
            }
        } catch {
            throw RespectExit.report(error)
        }
        if let warning = DiffTextReport.organisationWarning(diff) { printError("respect: warning: " + warning) }
        switch format {
        case .text: print(DiffTextReport().render(diff), terminator: "")
        case .json: print(try JSONReport.encode(diff), terminator: "")
        }
    }

    private func runs(in path: String) async throws -> AssessmentDiff {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(description: "\(path): no such run store", exitCode: RespectExit.noInput)
        }
        do {
            let store = try SQLiteRunStore(path: path)
            func load(_ text: String) async throws -> StoredRun {
                let id = Int64(text) ?? 0
                guard let run = try await store.run(id: id) else {
                    throw CommandFailure(description: "\(path): no run \(id); `respect history PROVIDER --store \(path)` lists the runs",
                                         exitCode: RespectExit.noInput)
                }
                return run
            }
            let (earlier, later) = (try await load(old), try await load(new))
            return AssessmentDiff(old: earlier.assessment, new: later.assessment,
                                  oldRun: earlier.summary.run, newRun: later.summary.run)
        } catch let error as StoreError {
            throw CommandFailure(description: error.description, exitCode: RespectExit.dataError)
        }
    }

    private func files() throws -> AssessmentDiff {
        let engine = try engine.engine()
        let date = asOf.flatMap { CalendarDate($0) }
        return try engine.diff(old: AssessmentRequest(submission: .file(old), framework: framework, asOf: date, today: .today()),
                               new: AssessmentRequest(submission: .file(new), framework: framework, asOf: date, today: .today()))
    }
}

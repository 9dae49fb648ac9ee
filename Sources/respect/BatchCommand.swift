import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectStore
import RespectStoreSQLite
import RespectXML

/// `respect batch`: score a whole round of submissions in parallel.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        _superCommandName: "respect",
        abstract: "Score many submissions in parallel: a summary, and one CSV row or JSON line per submission.",
        discussion: """
            Each PATH is a submission file, or a folder searched recursively for *.xml files \
            (hidden ones skipped). Every submission is validated and evaluated against the \
            framework edition it targets (loaded once per run from the standards folder), or the \
            one --framework names, as of --as-of, else its own asOf date, else today. Files are \
            scored on all cores; results come out in path order. Each file goes through the \
            same steps as `respect check`: a submission written for an older installed edition \
            of the framework --framework names is carried over through the editions' links.

            A file that cannot be scored (not well-formed, invalid against the XSD, unreadable \
            or empty, inconsistent, targeting an edition that is not installed, or not a \
            submission) is reported with its located errors on standard error and in the \
            summary, and the batch goes on. Verdicts on the XSD are libxml2's: the engine never \
            accepts a file libxml2's full validation rejects; for the shipped schemas (recognised \
            by their SHA-256) it gets them faster through a screen of native checks.

            Outputs: a summary on standard output (counts per outcome, the files that failed, \
            files per second). --csv FILE writes one row per submission, with the header: \
            provider, file, outcome, mandatory met, mandatory applicable, missing count, \
            safety-critical failures, first reasons (or the first errors), framework, as of, \
            sha256, registered number (the charity number, else the company number). --jsonl FILE \
            writes one JSON object per line with the same fields (camelCase keys), every \
            missing-evidence entry (its first reason and what to provide, each with a stable \
            code, its figures and a message) and every error. Output files are written as \
            `respect --help` describes; `-` writes to standard output (the summary then goes to \
            standard error). A progress bar is shown on standard error when it is a terminal.

            Assessors: --findings FILE|DIR applies the findings that concern each submission \
            (as `check` does); --store FILE records every scored submission as a run, each in \
            one transaction (an interrupted batch leaves only whole runs), with --assessor NAME.

            Findings and tender files found among the submissions (an assessor often keeps \
            them in the round's folder) are skipped with a note on standard error and in the \
            summary; they are not counted as failed. With --findings, the summary says how many \
            findings applied to how many submissions, and a warning names each findings file \
            that concerned no submission in the round.

            A --csv file starts with a UTF-8 byte-order mark, so spreadsheet programs read it \
            right (--no-bom leaves it out); several reasons or errors in one cell are one per \
            line.

            Exit code: 0 when every file was scored (whatever the verdicts), 65 when any file \
            could not be scored, 66 when a PATH does not exist or no submission was found, 73 \
            when a run could not be recorded in the store.

            Example:
              respect batch examples/submissions
              respect generate --count 200 --seed 1 /tmp/corpus
              respect batch /tmp/corpus --csv /tmp/round.csv --jsonl /tmp/round.jsonl
              respect batch examples/submissions --findings examples/findings \\
                  --store runs.sqlite --assessor "R. Okafor"
            """
    )

    @Argument(help: ArgumentHelp("Submission files, or folders searched recursively for *.xml files.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("Framework file, or ID@EDITION, for every submission (default: each one's target).", valueName: "file|id"))
    var framework: String?

    @Option(name: .long, help: ArgumentHelp("Judge every submission as of this date (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Write one CSV row per submission to this file (atomically), or - for standard output.", valueName: "file"))
    var csv: String?

    @Option(name: .long, help: ArgumentHelp("Write one JSON object per submission, one per line, to this file (atomically), or - for standard output.", valueName: "file"))
    var jsonl: String?

    @Option(name: .long, help: ArgumentHelp("How many submissions to score at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var spreadsheet: SpreadsheetOptions

    @OptionGroup var engine: EngineOptions

    @OptionGroup var assessorOptions: AssessorOptions

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one submission file or folder") }
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; expected YYYY-MM-DD, e.g. 2026-10-01")
        }
        if csv == "-" && jsonl == "-" { throw ValidationError("only one of --csv and --jsonl can write to standard output (-)") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let scorer: BatchScorer
        let files: [String]
        var csvOutput: StreamingOutput?
        var jsonOutput: StreamingOutput?
        var store: SQLiteRunStore?
        do {
            let engine = try engine.engine(screening: BatchScorer.screening)
            _ = try engine.loader.schemas.schema(for: .submission)  // a broken XSD stops the batch before it starts
            if let framework { _ = try engine.library.edition(framework) }
            do {
                files = try SubmissionFiles.collect(paths)
            } catch {
                throw AssessmentError.noInput(error.description)
            }
            guard !files.isEmpty else {
                throw AssessmentError.noInput("no *.xml files found in \(paths.joined(separator: ", "))")
            }
            var configured = BatchScorer(engine: engine, fixedFramework: framework,
                                         asOf: asOf.flatMap { CalendarDate($0) }, today: .today())
            configured.review = try review(loader: engine.loader, store: &store)
            scorer = configured
            csvOutput = try csv.map { try StreamingOutput(path: $0) }
            jsonOutput = try jsonl.map { try StreamingOutput(path: $0) }
        } catch let error as XMLInputError {
            printError(error.description)
            throw RespectExit.dataError
        } catch {
            throw RespectExit.report(error)
        }
        let outputs = [csvOutput, jsonOutput].compactMap { $0 }
        var recorded = 0
        var storeFailures = 0

        var tally = BatchTally()
        var writeFailure: CommandFailure?
        let progress = ProgressBar(total: files.count, label: "batch")
        try csvOutput?.write(spreadsheet.csv(BatchRowFormat.csvHeaderRecord, to: csv))
        let findings = scorer.review.findings.named + scorer.review.findings.inFolders
        let noteMaker = BatchSummary(tally: BatchTally(), seconds: 0, jobs: jobs, findingsFiles: findings.map(\.source))
        await BatchRunner.run(files: files, parallelism: jobs, window: jobs * 4, score: { await scorer.score(file: $0) }) { row in
            tally.add(row)
            if let kind = row.skipped {
                progress.clear()
                printError("respect: note: \(row.file) skipped: " + noteMaker.skippedNote(kind, file: row.file))
                progress.update(done: tally.files, failed: tally.failed)
                return
            }
            if !row.outcome.isScored {
                progress.clear()
                printError("\(row.file): could not be scored (\(row.outcome.label)):\n  " + row.errors.joined(separator: "\n  "))
            }
            if row.run != nil { recorded += 1 }
            if let storeError = row.storeError {
                progress.clear()
                storeFailures += 1
                printError("respect: " + storeError)
            }
            do {
                try csvOutput?.write(BatchRowFormat.csvRecord(row))
                try jsonOutput?.write(BatchRowFormat.jsonLine(row))
            } catch let failure as CommandFailure {
                writeFailure = writeFailure ?? failure
            } catch {
                writeFailure = writeFailure ?? CommandFailure(description: "cannot encode a JSON line: \(error)", exitCode: RespectExit.software)
            }
            progress.update(done: tally.files, failed: tally.failed)
        }
        progress.clear()
        if let writeFailure {
            outputs.forEach { $0.abort() }
            printError("respect: " + writeFailure.description)
            throw writeFailure.exitCode
        }
        do {
            for output in outputs { try output.commit() }
        } catch let failure as CommandFailure {
            printError("respect: " + failure.description)
            throw failure.exitCode
        }
        for unmatched in findings where !tally.findingsFilesMatched.contains(unmatched.source) {
            printError("respect: warning: \(unmatched.source): its findings concern no submission in this round "
                       + "(they are for \(EnglishWording().findingsSubject(unmatched.subject))); none of them applied")
        }
        let summary = BatchSummary(tally: tally, seconds: (ContinuousClock.now - started).seconds, jobs: jobs,
                                   findingsFiles: findings.map(\.source)).text
        if csv == "-" || jsonl == "-" { printError(summary) } else { print(summary, terminator: "") }
        if let store {
            printError("respect: recorded \(recorded) run\(recorded == 1 ? "" : "s") in \(store.location)"
                       + (storeFailures > 0 ? "; \(storeFailures) could not be recorded" : ""))
        }
        if storeFailures > 0 { throw RespectExit.cannotCreate }
        if tally.files == 0 {
            printError("respect: no submission found in \(paths.joined(separator: ", ")): only findings or tender files")
            throw RespectExit.noInput
        }
        if tally.failed > 0 { throw RespectExit.dataError }
    }

    /// The findings and run store of `--findings` and `--store`, loaded and opened once.
    private func review(loader: DocumentLoader, store: inout SQLiteRunStore?) throws -> BatchReview {
        var review = BatchReview(findings: try assessorOptions.loadFindings(loader: loader))
        if let opened = try assessorOptions.openStore() {
            store = opened
            let assessor = assessorOptions.assessorName
            review.record = { assessment in try await opened.record(assessment, assessor: assessor, at: Date()) }
        }
        return review
    }
}

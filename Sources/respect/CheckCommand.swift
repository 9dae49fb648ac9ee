import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports

/// `respect check`: evaluate one submission and report the verdict and what is missing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        _superCommandName: "respect",
        abstract: "Evaluate a submission and report the outcome, what to do next, section figures and the missing-evidence list.",
        discussion: """
            The framework edition is the one the submission targets, found in the standards \
            folder, unless --framework names another. Evidence is judged as of --as-of, else the \
            submission's asOf date, else today. The exit code gives the outcome: 0 achieved, \
            10 working towards, 20 not yet (see `respect --help` for the others).

            Example:
              respect check examples/submissions/achieved.xml
              respect check examples/submissions/working-towards.xml \\
                  --format json --as-of 2026-10-01
              respect check examples/submissions/working-towards.xml \\
                  --findings examples/findings --store runs.sqlite
              respect check examples/submissions/2012-era.xml \\
                  --framework respect-standard@2017
              respect check examples/submissions/achieved.xml \\
                  --crosswalk standards/crosswalk-respect2017-ho2023.xml
              respect check examples/submissions/not-yet.xml \\
                  --format csv --output not-yet.csv

            --format csv writes one row per indicator: number, indicator, section, standard, \
            level, safety-critical, verification, status, engine status, reasons, to provide, \
            evidence used, remediation; several reasons in a cell are on separate lines. A file \
            written with --output starts with a UTF-8 byte-order mark, so spreadsheet programs \
            read accents and dashes right (--no-bom leaves it out).

            A submission written for an older installed edition of the same framework, checked \
            with --framework naming a newer one, is carried over through the links the older \
            edition declares, and the report adds a migration checklist.

            --evidence-root DIR reads each evidence file the submission declares, from DIR (its \
            path is relative to DIR; a path that leaves DIR, through .. or a link, is refused), \
            and compares its SHA-256 with the declared one. An item whose file is missing or \
            different does not count: the report lists it first, under evidence that will not \
            count, with why.
            """
    )

    @Argument(help: ArgumentHelp("The submission XML file.", valueName: "submission"))
    var submission: String

    @Option(name: .long, help: ArgumentHelp("Framework file, or ID@EDITION from the standards folder (default: the submission's target).", valueName: "file|id"))
    var framework: String?

    @Option(name: .long, help: ArgumentHelp("Judge evidence as of this date (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: "Output format: text, json, html (one self-contained page to print or share) or csv (one row per indicator, for a spreadsheet).")
    var format: CheckOutputFormat = .text

    @OptionGroup var spreadsheet: SpreadsheetOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Text format: list every indicator's status, not only what is missing.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Confirm each evidence file the submission declares under this folder: present, and with the declared SHA-256; an item whose file is missing or different does not count.", valueName: "dir"))
    var evidenceRoot: String?

    @Option(name: .long, help: ArgumentHelp("Also show, through this crosswalk file, the status on another framework's standards (e.g. standards/crosswalk-respect2017-ho2023.xml).", valueName: "file"))
    var crosswalk: String?

    @OptionGroup var engine: EngineOptions

    @OptionGroup var assessorOptions: AssessorOptions

    func validate() throws {
        try CheckRun.validate(asOf: asOf)
    }

    /// The options as plain values.
    var checkRun: CheckRun {
        CheckRun(submission: submission, framework: framework, asOf: asOf, format: format, noBom: spreadsheet.noBom,
                 output: output, all: all, evidenceRoot: evidenceRoot, crosswalk: crosswalk,
                 engine: engine.settings, assessor: assessorOptions.settings)
    }

    func run() throws {
        try checkRun.run()
    }
}

/// One `respect check`, its options as plain values: what `CheckCommand` parses to, and what
/// `CheckArguments` reads directly from the usual forms without building argument-parser's
/// property wrappers.
struct CheckRun: Equatable {
    var submission: String
    var framework: String?
    var asOf: String?
    var format: CheckOutputFormat = .text
    var noBom = false
    var output: String?
    var all = false
    var evidenceRoot: String?
    var crosswalk: String?
    var engine = EngineSettings()
    var assessor = AssessorSettings()

    /// What argument-parser checks through `CheckCommand.validate()` and `EngineOptions.validate()`.
    func validate() throws {
        try engine.validate()
        try Self.validate(asOf: asOf)
    }

    /// `--as-of`, when given, must be a date.
    static func validate(asOf: String?) throws {
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; expected YYYY-MM-DD, e.g. 2026-10-01")
        }
    }

    /// Evaluates the submission, writes the report, records the run when asked, and exits with
    /// the verdict's code (`RespectExit.forVerdict`); throws the error's otherwise.
    func run() throws -> Never {
        do {
            try OutputDestination.checkWritable(output, inputs: [submission] + [framework].compactMap { $0 })
            let engine = try engine.engine()
            let store = try assessor.openStore()
            let request = AssessmentRequest(submission: .file(submission), framework: framework,
                                            asOf: asOf.flatMap { CalendarDate($0) }, today: .today(),
                                            findings: try assessor.loadFindings(loader: engine.loader),
                                            crosswalk: crosswalk.map { .file($0) }, evidenceRoot: evidenceRoot)
            // The report opens with the path to the next verdict.
            let assessment = try engine.plan(request).assessment
            let report: String
            switch format {
            case .text:
                let colour = output == nil && OutputDestination.standardOutputIsTerminal
                report = TextReport(style: TextStyle(colour: colour), includeAllIndicators: all).render(assessment)
            case .json:
                report = try JSONReport.render(assessment)
            case .html:
                report = HTMLCheckReport().render(assessment)
            case .csv:
                report = SpreadsheetOptions.csv(CheckCSVReport.render(assessment), to: output, noBom: noBom)
            }
            try OutputDestination.write(report, to: output)
            if let store {
                let run = try assessor.record(assessment, in: store)
                printError("respect: recorded as run \(run) in \(store.location)")
            }
            // Exits here, the assessment and the engine's editions still alive: freeing them only
            // to exit cost a short check a few tenths of a millisecond. (The report is written
            // with write(2), nothing is buffered.)
            let verdict = RespectExit.forVerdict(assessment.outcome.verdict)
            withExtendedLifetime((engine, assessment)) { exit(verdict.rawValue) }
        } catch {
            throw RespectExit.report(error)
        }
    }
}

/// `check`'s formats: the shared text and JSON, and HTML, which only `check` produces (so
/// `validate` and `frameworks` keep offering text and JSON alone).
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

/// `check`'s own formats: those of `CheckFormat`, and CSV, one row per indicator.
enum CheckOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, csv
}

import ArgumentParser
import Foundation
import RespectEvaluation
import RespectModel
import RespectReports
import RespectXML

/// `respect validate`: check files against their XSD and the engine's consistency rules.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate framework, submission, tender, findings and crosswalk files (the kind is detected from the root element).",
        discussion: """
            Each file is parsed safely (no DTDs, no entities, no network), validated against its \
            XSD, and checked for consistency: a framework's references to its own vocabulary; a \
            submission's services and risk levels against the framework edition it targets, when \
            that edition is installed. Problems are printed on standard error with file, line and \
            what was expected. Verdicts on the XSD are libxml2's: a file is never called valid \
            when libxml2's full validation rejects it (given several files, the shipped schemas, \
            recognised by their SHA-256, are checked faster through a screen with the same \
            verdicts). Exit code 0 when every file is valid, 65 when any is invalid, 66 when any \
            is missing.
            """
    )

    @Argument(help: ArgumentHelp("Files to validate.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var engine: EngineOptions

    /// One file's validation result, for JSON output.
    struct FileResult: Codable {
        var file: String
        var valid: Bool
        var kind: String?
        var summary: String?
        var problems: [String]
    }

    func run() throws {
        let loader: DocumentLoader
        let standards: String
        do {
            loader = try engine.loader(screening: files.count > 1 ? .whenRecognised : .never)
            standards = try engine.standardsDirectory()
        } catch let failure as CommandFailure {
            printError("respect: " + failure.description)
            throw failure.exitCode
        }
        var results: [FileResult] = []
        var exit = RespectExit.success
        for file in files {
            var result = FileResult(file: file, valid: true, problems: [])
            do {
                switch try loader.load(contentsOf: file) {
                case .framework(let framework):
                    result.kind = "framework"
                    result.summary = "\(framework.identity.reference), \(framework.indicators.count) indicators in \(framework.sections.count) sections"
                case .submission(let submission):
                    result.kind = "submission"
                    result.summary = "\(submission.provider.name), targets \(submission.target.reference), \(submission.evidence.count) evidence items"
                    if let entry = try? FrameworkCatalog.locate(submission.target.reference, directory: standards, loader: loader) {
                        _ = try Evaluator(framework: entry.framework).evaluate(submission, asOf: submission.asOf ?? .today())
                    } else {
                        result.summary! += " (edition not installed: vocabulary not checked)"
                    }
                case .crosswalk(let crosswalk):
                    result.kind = "crosswalk"
                    result.summary = "\(crosswalk.id), \(crosswalk.source.reference) → \(crosswalk.target.reference), \(crosswalk.standards.count) standards mapped"
                case .findings(let findings):
                    result.kind = "findings"
                    result.summary = "\(findings.findings.count) finding(s) on \(findings.subject.description); `respect check --findings` applies them"
                case .tender(let tender):
                    result.kind = "tender"
                    result.summary = "\(tender.reference), accepts \(tender.frameworks.editions.map(\.reference).joined(separator: ", ")); `respect tender` checks it against those editions"
                }
            } catch let error as DocumentLoadError {
                result.valid = false
                result.problems = error.diagnostics.map(\.description)
                if exit != RespectExit.noInput { exit = RespectExit.forLoadError(error) }
            } catch let error as SubmissionMismatch {
                result.valid = false
                result.problems = error.problems.map(\.description)
                if exit == RespectExit.success { exit = RespectExit.dataError }
            }
            results.append(result)
        }
        switch format {
        case .text:
            for result in results {
                if result.valid {
                    print("\(result.file): valid \(result.kind ?? "") (\(result.summary ?? ""))")
                } else {
                    printError("\(result.file): invalid")
                    result.problems.forEach { printError("  " + $0) }
                }
            }
        case .json:
            print(try JSONReport.encode(results), terminator: "")
        }
        if exit != RespectExit.success { throw exit }
    }
}

import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectModel
import RespectReports
import RespectXML

/// `respect validate`: check files against their XSD and the engine's consistency rules.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        _superCommandName: "respect",
        abstract: "Validate framework, submission, tender, findings and crosswalk files (the kind is detected from the root element).",
        discussion: """
            Each file is parsed safely (no DTDs, no entities, no network), validated against its \
            XSD, and checked for consistency: a framework's references to its own vocabulary; a \
            submission's services and risk levels against the framework edition it targets, when \
            that edition is installed. Files are checked in parallel and reported in the order \
            given. Problems are printed on standard error with file, line and what was \
            expected. Verdicts on the XSD are libxml2's: a file is never called valid when \
            libxml2's full validation rejects it (given several files, the shipped schemas, \
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

    func run() async throws {
        let engine: AssessmentEngine
        do {
            engine = try self.engine.engine(screening: files.count > 1 ? .whenRecognised : .never)
        } catch {
            throw RespectExit.report(error)
        }
        var results: [DocumentValidation] = []
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        await BatchRunner.run(files: files, parallelism: jobs, window: jobs * 4,
                              score: { engine.validate(.file($0)) }) { results.append($0) }
        switch format {
        case .text:
            for result in results {
                if result.isValid {
                    print(ValidationReport.validLine(result))
                } else {
                    ValidationReport.problemLines(result).forEach(printError)
                }
            }
        case .json:
            print(try ValidationReport.json(results), terminator: "")
        }
        // Missing input wins over bad data: a missing file is the first thing to fix.
        let failures = results.compactMap(\.failure)
        if failures.contains(.missingInput) { throw RespectExit.forKind(.missingInput) }
        if let first = failures.first { throw RespectExit.forKind(first) }
    }
}

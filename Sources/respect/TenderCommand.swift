import ArgumentParser
import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports

/// `respect tender`: check many bids against a commissioner's tender, compare and rank them.
struct TenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender",
        abstract: "Check bids against a tender requirement, flag unsafe ones and rank the compliant ones.",
        discussion: """
            TENDER is a tender requirement file (standards/schema/tender-v1.xsd). Each BID is a \
            submission file, or a folder searched recursively for *.xml files (hidden ones \
            skipped), in path order. Every \
            bid is judged as of the tender's deadline, against a copy of the framework edition it \
            targets with the tender's stricter thresholds and local indicators applied. A bid that \
            cannot be read is reported with its located error and counts as not compliant; the \
            other bids are still checked.

            Formats: text (unsafe bids first, the comparison table, then each bid's reasons), \
            json (the full result, sorted keys, byte-identical for identical inputs), csv (one \
            row per bid; header: rank, provider, file, compliant, unsafe, outcome, mandatory \
            met, mandatory applicable, score, reasons), html (one self-contained page: the \
            comparison table first, then each bid's reasons; write it with --output).

            Exit code: 0 when at least one bid is compliant, 30 when none is, 65 when the tender \
            is invalid or does not fit an accepted edition, 66 when the tender, a bid path or \
            an accepted edition is missing.

            Example:
              respect tender examples/tender/tender-lot1.xml examples/tender/bids
              respect tender examples/tender/tender-lot1.xml examples/tender/bids --format csv --output bids.csv
              respect tender examples/tender/tender-lot1.xml examples/tender/bids --format html --output bids.html
            """
    )

    @Argument(help: ArgumentHelp("The tender requirement XML file.", valueName: "tender"))
    var tender: String

    @Argument(help: ArgumentHelp("Bid submission files, or folders of them.", valueName: "bid"))
    var bids: [String]

    @Option(name: .customLong("framework"), help: ArgumentHelp("A framework file for an accepted edition (repeatable); default: the standards folder.", valueName: "file"))
    var frameworkFiles: [String] = []

    @Option(name: .long, help: "Output format: text, json, csv or html (one self-contained page to print or share).")
    var format: TenderFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard !bids.isEmpty else { throw ValidationError("give at least one bid file or folder after the tender") }
    }

    func run() throws {
        do {
            try OutputDestination.checkWritable(output, inputs: [tender] + bids + frameworkFiles)
            let loader = try engine.loader()
            let standards = try engine.standardsDirectory()
            let tender = try loader.loadTender(contentsOf: self.tender)
            let explicit = try frameworkFiles.map { path throws(DocumentLoadError) in (try loader.loadFramework(contentsOf: path), path) }
            var editions: [(framework: Framework, path: String)] = []
            for target in tender.frameworks.editions {
                if let found = explicit.first(where: { $0.0.identity.id == target.framework && $0.0.identity.edition == target.edition }) {
                    editions.append(found)
                } else {
                    let entry = try FrameworkCatalog.locate(target.reference, directory: standards, loader: loader)
                    editions.append((entry.framework, entry.path))
                }
            }
            let evaluator = try TenderEvaluator(tender: tender, frameworks: editions.map(\.framework))
            var results: [TenderBidResult] = []
            for file in try bidFiles() {
                results.append(assess(file, evaluator: evaluator, loader: loader, standards: standards, editions: editions))
            }
            var result = evaluator.compare(results)
            result.inputs = ([InputFile(role: "tender", path: self.tender)] + editions.map { InputFile(role: "framework", path: $0.path) }).compactMap { $0 }
            let report: String
            switch format {
            case .text:
                let colour = output == nil && OutputDestination.standardOutputIsTerminal
                report = TenderTextReport(style: TextStyle(colour: colour)).render(result)
            case .json: report = try JSONReport.encode(result)
            case .csv: report = TenderCSVReport.render(result)
            case .html: report = HTMLTenderReport().render(result)
            }
            try OutputDestination.write(report, to: output)
            if result.compliantCount == 0 { throw RespectExit.noCompliantBid }
        } catch let error as DocumentLoadError {
            printError(error.description)
            throw RespectExit.forLoadError(error)
        } catch let error as TenderMismatch {
            printError("\(error.file): the tender does not fit an accepted framework edition:\n" + error.description)
            throw RespectExit.dataError
        } catch let failure as CommandFailure {
            printError("respect: " + failure.description)
            throw failure.exitCode
        }
    }

    /// Loads and checks one bid; a bid that cannot be read becomes a not-compliant result.
    private func assess(_ file: String, evaluator: TenderEvaluator, loader: DocumentLoader, standards: String,
                        editions: [(framework: Framework, path: String)]) -> TenderBidResult {
        let bid: Submission
        do {
            bid = try loader.loadSubmission(contentsOf: file)
        } catch {
            printError("respect: bid \(file) could not be read:\n  " + error.diagnostics.map(\.description).joined(separator: "\n  "))
            var result = TenderEvaluator.unreadable(file: file, problems: error.diagnostics.map(\.description))
            result.input = InputFile(role: "bid", path: file)
            return result
        }
        var frameworkPath = editions.first { $0.framework.identity.reference == bid.target.reference }?.path
        var other: Framework?
        if evaluator.framework(for: bid.target) == nil,
           let entry = try? FrameworkCatalog.locate(bid.target.reference, directory: standards, loader: loader) {
            other = entry.framework
            frameworkPath = entry.path
        }
        var result = evaluator.assess(bid, otherEdition: other)
        if !result.problems.isEmpty {
            printError("respect: bid \(file) could not be evaluated:\n  " + result.problems.joined(separator: "\n  "))
        }
        result.input = InputFile(role: "bid", path: file)
        result.assessment?.inputs = [result.input, frameworkPath.flatMap { InputFile(role: "framework", path: $0) }].compactMap { $0 }
        return result
    }

    /// The bid files: files as given, folders searched recursively for *.xml files (the same
    /// rules as `respect batch`), without the tender itself.
    private func bidFiles() throws -> [String] {
        let tenderPath = URL(fileURLWithPath: tender).standardizedFileURL.path
        let files: [String]
        do {
            files = try SubmissionFiles.collect(bids).filter { URL(fileURLWithPath: $0).standardizedFileURL.path != tenderPath }
        } catch {
            throw CommandFailure(description: error.description, exitCode: RespectExit.noInput)
        }
        guard !files.isEmpty else {
            throw CommandFailure(description: "no bid files to check; give bid files or folders with *.xml files", exitCode: RespectExit.usage)
        }
        return files
    }
}

/// The formats `respect tender` writes.
enum TenderFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, html
}

import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports

/// `respect tender`: check many bids against a commissioner's tender, compare and rank them.
struct TenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender",
        _superCommandName: "respect",
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

            A bid written for an older installed edition of an accepted framework (say a 2012-era \
            submission, when the tender accepts respect-standard@2017) is carried over to the \
            accepted edition through its links, exactly as `respect check --framework` does.

            Exit code: 0 when at least one bid is compliant, 30 when none is, 65 when the tender \
            is invalid or does not fit an accepted edition, 66 when the tender, a bid path or \
            an accepted edition is missing, or no bid file is found.

            Example:
              respect tender examples/tender/tender-lot1.xml examples/tender/bids
              respect tender examples/tender/tender-lot1.xml examples/tender/bids \\
                  --format csv --output bids.csv
              respect tender examples/tender/tender-lot1.xml examples/tender/bids \\
                  --format html --output bids.html
            """
    )

    @Argument(help: ArgumentHelp("The tender requirement XML file.", valueName: "tender"))
    var tender: String

    @Argument(help: ArgumentHelp("Bid submission files, or folders of them.", valueName: "bid"))
    var bids: [String]

    @Option(name: .customLong("framework"), help: ArgumentHelp("A framework file, or ID@EDITION, for an accepted edition (repeatable); default: the standards folder.", valueName: "file|id"))
    var frameworkFiles: [String] = []

    @Option(name: .long, help: "Output format: text, json, csv or html (one self-contained page to print or share).")
    var format: TenderFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var spreadsheet: SpreadsheetOptions

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard !bids.isEmpty else { throw ValidationError("give at least one bid file or folder after the tender") }
    }

    func run() throws {
        do {
            try OutputDestination.checkWritable(output, inputs: [tender] + bids + frameworkFiles)
            let engine = try engine.engine()
            let request = TenderRequest(tender: .file(tender), bids: try bidFiles().map { .file($0) }, frameworks: frameworkFiles)
            let result = try engine.compareBids(request)
            for bid in result.bids where !bid.problems.isEmpty {
                let what = bid.reasons.contains { $0.kind == .unreadable } ? "read" : "evaluated"
                printError("respect: bid \(bid.file) could not be \(what):\n  " + bid.problems.joined(separator: "\n  "))
            }
            let report: String
            switch format {
            case .text:
                let colour = output == nil && OutputDestination.standardOutputIsTerminal
                report = TenderTextReport(style: TextStyle(colour: colour)).render(result)
            case .json: report = try JSONReport.encode(result)
            case .csv: report = spreadsheet.csv(TenderCSVReport.render(result), to: output)
            case .html: report = HTMLTenderReport().render(result)
            }
            try OutputDestination.write(report, to: output)
            if result.compliantCount == 0 { throw RespectExit.noCompliantBid }
        } catch {
            throw RespectExit.report(error)
        }
    }

    /// The bid files: files as given, folders searched recursively for *.xml files (the same
    /// rules as `respect batch`), without the tender itself.
    private func bidFiles() throws(AssessmentError) -> [String] {
        let tenderPath = URL(fileURLWithPath: tender).standardizedFileURL.path
        let files: [String]
        do {
            files = try SubmissionFiles.collect(bids).filter { URL(fileURLWithPath: $0).standardizedFileURL.path != tenderPath }
        } catch {
            throw .noInput(error.description)
        }
        guard !files.isEmpty else {
            throw .noInput("no bid files found in \(bids.joined(separator: ", ")); give bid files or folders with *.xml files")
        }
        return files
    }
}

/// The formats `respect tender` writes.
enum TenderFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, html
}

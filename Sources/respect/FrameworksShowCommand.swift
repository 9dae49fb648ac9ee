import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectModel
import RespectReports

/// `respect frameworks show ID@EDITION`: the reference of one edition, to read or print.
struct FrameworksShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List every section, indicator, evidence type, fact and service type of an edition: the reference to prepare a submission with.",
        discussion: """
            For each indicator: its id and number, level, whether it is safety-critical, how it \
            is confirmed, the services it applies to, and what to provide (evidence type ids, \
            how many items, how recent, facts with their values and units). With --services, \
            only the indicators that apply to those services.

            Formats: text; csv (one table, a row per service type, risk level, evidence type, \
            fact, section, standard and indicator, to filter in a spreadsheet); html (one \
            self-contained page to print).

            Examples:
              respect frameworks show respect-standard@2017
              respect frameworks show respect-standard@2017 --format html \\
                  --output reference.html
              respect frameworks show respect-standard@2017 --format csv \\
                  --output reference.csv
              respect frameworks show respect-standard@2017 \\
                  --services group-behaviour-change,integrated-support-service
            """
    )

    @Argument(help: ArgumentHelp("The edition: ID@EDITION, or a framework file.", valueName: "edition"))
    var edition: String

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Only the indicators that apply to these service types (ids or labels, comma-separated or repeated).", valueName: "type,..."))
    var services: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("With --services: the risk levels served (default: all).", valueName: "level,..."))
    var risks: [String] = []

    @Option(name: .long, help: "Output format: text, csv or html (one self-contained page to print).")
    var format: ReferenceFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the reference to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var spreadsheet: SpreadsheetOptions

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if !risks.isEmpty && services.isEmpty { throw ValidationError("--risks needs --services") }
    }

    func run() throws {
        do {
            try OutputDestination.checkWritable(output)
            let reference = try engine.engine().reference(edition: edition, services: services.isEmpty ? nil : ListOption.values(services),
                                                          riskLevels: risks.isEmpty ? nil : ListOption.values(risks))
            let report: String
            switch format {
            case .text: report = FrameworkReferenceTextReport().render(reference)
            case .csv: report = spreadsheet.csv(FrameworkReferenceCSVReport().render(reference), to: output)
            case .html: report = HTMLFrameworkReference().render(reference)
            }
            try OutputDestination.write(report, to: output)
        } catch {
            throw RespectExit.report(error)
        }
    }
}

/// The reference's formats.
enum ReferenceFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, html
}

/// Options that take a list: comma-separated, repeated, or both.
enum ListOption {
    /// Every value, split at commas, trimmed, without empty ones.
    static func values(_ given: [String]) -> [String] {
        given.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

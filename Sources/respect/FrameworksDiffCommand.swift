import ArgumentParser
import RespectCommandSupport
import RespectAssessment
import Foundation
import RespectEvaluation
import RespectModel
import RespectReports

/// `respect frameworks diff OLD NEW`: what a newer edition asks that an older one did not.
struct FrameworksDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two framework editions: indicators added, removed, renamed, split and merged, and requirement changes old → new.",
        discussion: """
            OLD and NEW are framework files or ID@EDITION references to the standards folder. \
            Indicators are matched through the successor links the older file declares \
            (same-as, replaced-by, split-into, merged-into) and, for two editions of one \
            framework id, by equal ids. Requirement changes cover evidence types, minimum \
            counts, age limits, review dates, thresholds, required services, applicability \
            (services and risk levels), level, safety-critical flag and verification.

            Exit code 0, or 65 when a declared link names an indicator the new edition lacks \
            (the report lists these as broken links).

            Examples:
              respect frameworks diff respect-standard@2012 respect-standard@2017
              respect frameworks diff respect-standard@2012 respect-standard@2017 \\
                  --format html -o diff.html
            """
    )

    @Argument(help: ArgumentHelp("The older edition: a framework file or ID@EDITION.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer edition: a framework file or ID@EDITION.", valueName: "new"))
    var new: String

    @Option(name: .long, help: "Output format: text, json or html (one self-contained page).")
    var format: CheckFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var engine: EngineOptions

    func run() throws {
        do {
            try OutputDestination.checkWritable(output)
            let library = try engine.engine().library
            let diff = EditionDiff(old: try library.edition(old).framework, new: try library.edition(new).framework)
            let report: String
            switch format {
            case .text:
                let colour = output == nil && OutputDestination.standardOutputIsTerminal
                report = EditionDiffTextReport(style: TextStyle(colour: colour)).render(diff)
            case .json:
                report = try JSONReport.encode(diff)
            case .html:
                report = HTMLEditionDiffReport().render(diff)
            }
            try OutputDestination.write(report, to: output)
            if !diff.brokenLinks.isEmpty {
                printError("respect: \(diff.brokenLinks.count) declared link(s) name indicators that \(diff.new.reference) does not have (listed in the report)")
                throw RespectExit.dataError
            }
        } catch {
            throw RespectExit.report(error)
        }
    }
}

import ArgumentParser
import Foundation
import RespectReports
import RespectStore

/// `respect history`: a provider's recorded runs.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a provider's runs recorded in a run store.",
        discussion: """
            PROVIDER matches the provider's name, ignoring case and spacing, or its charity or \
            company number. Runs are listed oldest first, with the run id to pass to `respect diff`.

            Example:
              respect history "Brookfield Safer Relationships" --store runs.sqlite
              respect history 1190002 --store runs.sqlite --format json
            """
    )

    @Argument(help: ArgumentHelp("Provider name, charity number or company number.", valueName: "provider"))
    var provider: String

    @Option(name: .long, help: ArgumentHelp("The run store (SQLite file written by check --store).", valueName: "file"))
    var store: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        guard FileManager.default.fileExists(atPath: store) else {
            printError("respect: \(store): no such run store")
            throw RespectExit.noInput
        }
        let runs: [RunSummary]
        do {
            runs = try RunStore(path: store).history(provider: provider)
        } catch {
            printError("respect: \(error)")
            throw RespectExit.dataError
        }
        switch format {
        case .json:
            print(try JSONReport.encode(runs), terminator: "")
        case .text:
            guard !runs.isEmpty else {
                print("No runs recorded for '\(provider)' in \(store).")
                return
            }
            print("Runs for \(runs[0].provider) in \(store) (\(runs.count)):")
            print(TextTable.render(header: ["Run", "Recorded (UTC)", "As of", "Submission", "Framework", "Outcome", "Assessor"],
                                   rows: runs.map { [String($0.run), $0.recordedAt, $0.asOf, $0.submissionFile, $0.framework, $0.outcome, $0.assessor] }),
                  terminator: "")
        }
    }
}

import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectReports
import RespectStore
import RespectStoreSQLite

/// `respect history`: an organisation's recorded runs.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        _superCommandName: "respect",
        abstract: "List an organisation's runs recorded in a run store.",
        discussion: """
            Organisations are identified by their registered number: the charity number, else \
            the company number (spaces and case ignored). PROVIDER is a charity or company \
            number, or a name (ignoring case and spacing). Runs are listed oldest first, with \
            the run id to pass to `respect diff`.

            A name can belong to several organisations: their runs are then listed separately, \
            one list per registered number, with the command that lists one of them. Runs whose \
            submission gave no charity or company number are grouped by name, and say so: they \
            cannot be told apart from another organisation's runs under the same name.

            Example:
              respect history 1190002 --store runs.sqlite
              respect history "Brookfield Safer Relationships" --store runs.sqlite
              respect history 1190002 --store runs.sqlite --format json
            """
    )

    @Argument(help: ArgumentHelp("Charity number, company number or provider name.", valueName: "provider"))
    var provider: String

    @Option(name: .long, help: ArgumentHelp("The run store (SQLite file written by check --store).", valueName: "file"))
    var store: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        guard FileManager.default.fileExists(atPath: store) else {
            printError("respect: \(store): no such run store")
            throw RespectExit.noInput
        }
        let organisations: [OrganisationHistory]
        do {
            organisations = try await SQLiteRunStore(path: store).history(matching: OrganisationQuery(provider))
        } catch {
            printError("respect: \(error)")
            throw RespectExit.dataError
        }
        switch format {
        case .json:
            print(try JSONReport.encode(HistoryListing(query: provider, organisations: organisations)), terminator: "")
        case .text:
            print(HistoryListing(query: provider, organisations: organisations).text(store: store), terminator: "")
        }
    }
}

/// What `history` prints: the organisations a query matched, each with its runs.
struct HistoryListing: Encodable {
    var query: String
    var organisations: [OrganisationHistory]

    func text(store: String) -> String {
        guard let first = organisations.first else { return "No runs recorded for '\(query)' in \(store).\n" }
        guard organisations.count > 1 else {
            let number = first.registeredNumber.map { ", registered number \($0)," } ?? ""
            var text = "Runs for \(first.name)\(number) in \(store) (\(first.runs.count)):\n" + table(first.runs)
            if first.registeredNumber == nil { text += Self.unregisteredNote + "\n" }
            return text
        }
        let example = organisations.compactMap(\.registeredNumber).first ?? "NUMBER"
        var text = """
            '\(query)' matches \(organisations.count) organisations in \(store); their runs are listed separately.
            To list one organisation's runs, give its registered number: respect history \(example) --store \(store)

            """
        for organisation in organisations {
            let runs = "\(organisation.runs.count) run\(organisation.runs.count == 1 ? "" : "s")"
            if let number = organisation.registeredNumber {
                text += "\n\(organisation.name), registered number \(number) (\(runs)):\n"
            } else {
                text += "\n\(organisation.name), no registered number (\(runs)):\n"
            }
            text += table(organisation.runs)
            if organisation.registeredNumber == nil { text += Self.unregisteredNote + "\n" }
        }
        return text
    }

    static let unregisteredNote = """
        Note: these submissions give no charity or company number, so their runs are matched by \
        name and cannot be told apart from another organisation's of the same name.
        """

    private func table(_ runs: [RunSummary]) -> String {
        TextTable.render(header: ["Run", "Recorded (UTC)", "As of", "Submission", "Framework", "Outcome", "Assessor"],
                         rows: runs.map { [String($0.run), $0.recordedAt, $0.asOf, $0.submissionFile, $0.framework, $0.outcome, $0.assessor] })
    }
}

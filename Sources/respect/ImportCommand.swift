import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectModel

/// `respect import`: build a submission from an evidence register kept in a spreadsheet.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        _superCommandName: "respect",
        abstract: "Build a submission from an evidence register (CSV from a spreadsheet), checking every cell.",
        discussion: """
            REGISTER is a CSV file as a spreadsheet program saves it ("CSV UTF-8"; commas or \
            semicolons; cells in quotes may hold line breaks). One row per evidence item, with \
            the columns id, type, title, issued, review by, supports, and optionally file and \
            sha256. The services, facts and action plan go in sections of their own in the same \
            file (a row with the title Services, Facts or Actions, then a header row) or in \
            files of their own; a Submission section names the provider, the framework edition \
            and the as-of date. Types, facts and service types may be named by id or label, \
            indicators by id or number; dates YYYY-MM-DD or DD/MM/YYYY. \
            See examples/register/README.md for the layout.

            Every bad cell is reported with its file, row, column and the nearest valid value, \
            and nothing is written unless the whole register is valid. The options give what the \
            register does not, or override it. `respect export` writes a submission back in the \
            same layout.

            Exit code 0, 64 for a bad option (an unknown service type), 65 when the register \
            has problems, 66 when a file or the edition is missing, 73 when the output cannot \
            be written.

            Examples:
              respect import examples/register/register.csv --output my-submission.xml
              respect import evidence.csv --framework respect-standard@2017 \\
                  --services group-behaviour-change,integrated-support-service \\
                  --provider "Northgate Family Safety" --output my-submission.xml
            """
    )

    @Argument(help: ArgumentHelp("The register's CSV files (one with every section, or one per section).", valueName: "register"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The edition (ID@EDITION or a framework file), when the register does not name it.", valueName: "id@edition"))
    var framework: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("The service types offered (ids or labels, comma-separated or repeated), instead of a Services section.", valueName: "type,..."))
    var services: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("With --services: the risk levels served (default: all).", valueName: "level,..."))
    var risks: [String] = []

    @Option(name: .long, help: ArgumentHelp("Judge the evidence as of this date (YYYY-MM-DD), written into the submission.", valueName: "date"))
    var asOf: String?

    @OptionGroup var providerOptions: ProviderOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the submission to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the register's CSV file") }
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; expected YYYY-MM-DD, e.g. 2026-10-01")
        }
        if !risks.isEmpty && services.isEmpty { throw ValidationError("--risks needs --services") }
    }

    func run() throws {
        do {
            try OutputDestination.checkWritable(output, inputs: files)
            let options = providerOptions
            let overrides = RegisterOverrides(providerName: options.provider, charityNumber: options.charityNumber,
                                              companyNumber: options.companyNumber, region: options.region,
                                              asOf: asOf.flatMap { CalendarDate($0) })
            let request = RegisterImportRequest(files: files.map { .file($0) }, framework: framework,
                                                services: services.isEmpty ? nil : ListOption.values(services),
                                                riskLevels: risks.isEmpty ? nil : ListOption.values(risks), overrides: overrides)
            let imported = try engine.engine().importRegister(request)
            for note in imported.notes { printError("respect: note: \(note)") }
            try OutputDestination.write(imported.xml, to: output)
            let submission = imported.submission
            printError("respect: \(output ?? "the submission"): \(submission.evidence.count) evidence items, \(submission.facts.count) facts, "
                       + "\(submission.actionPlan.count) actions for \(imported.edition); check it with: respect check \(output ?? "FILE")")
        } catch {
            throw RespectExit.report(error)
        }
    }
}

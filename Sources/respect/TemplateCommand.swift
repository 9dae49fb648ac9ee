import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectModel
import RespectReports

/// `respect template`: a skeleton submission to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        _superCommandName: "respect",
        abstract: "Write a skeleton submission for the services you offer, with what to provide for every indicator that applies.",
        discussion: """
            The file is valid as it stands: `respect validate` accepts it and `respect check` \
            lists everything as missing. Comments in it say, for every indicator that applies \
            to the services, which evidence type ids to provide, how many items, how recent, \
            and which facts with which units; fill it in rather than inventing anything. \
            Service types and risk levels are named by id or label (see `respect frameworks \
            show`). Exit code 0, 64 for an unknown service type or risk level (with the \
            nearest valid one), 66 when the edition is not installed.

            Examples:
              respect template --framework respect-standard@2017 \\
                  --services group-behaviour-change,integrated-support-service \\
                  --provider "Northgate Family Safety" --output my-submission.xml
              respect template --framework respect-standard@2017 \\
                  --services one-to-one-behaviour-change --risks standard,medium
            """
    )

    @Option(name: .long, help: ArgumentHelp("The edition to prepare for: ID@EDITION, or a framework file.", valueName: "id@edition"))
    var framework: String

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("The service types offered (ids or labels, comma-separated or repeated).", valueName: "type,..."))
    var services: [String]

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("The risk levels served in each service (default: every risk level of the edition).", valueName: "level,..."))
    var risks: [String] = []

    @OptionGroup var providerOptions: ProviderOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the skeleton to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if ListOption.values(services).isEmpty { throw ValidationError("--services needs at least one service type") }
    }

    func run() throws {
        do {
            try OutputDestination.checkWritable(output)
            let engine = try engine.engine()
            let template = try engine.template(edition: framework, services: ListOption.values(services),
                                               riskLevels: risks.isEmpty ? nil : ListOption.values(risks),
                                               provider: providerOptions.provider(defaultName: "Your organisation's name"))
            let text = SubmissionTemplateWriter().render(template)
            let check = engine.validate(.bytes(Array(text.utf8), name: output ?? "template"))
            guard check.isValid else {
                throw CommandFailure(description: "the template does not validate (a bug; please report it):\n"
                                     + (check.problems.map(\.description) + check.notCounted.map { "\($0.kind.rawValue)" }).joined(separator: "\n"),
                                     exitCode: RespectExit.software)
            }
            try OutputDestination.write(text, to: output)
        } catch {
            throw RespectExit.report(error)
        }
    }
}

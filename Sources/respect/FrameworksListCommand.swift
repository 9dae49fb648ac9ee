import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectModel
import RespectReports

/// `respect frameworks list` (the default of `respect frameworks`): list the framework
/// editions installed in the standards folder.
struct FrameworksListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the framework editions installed in the standards folder (the default)."
    )

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var engine: EngineOptions

    /// One installed edition, for JSON output.
    struct Listing: Codable {
        var reference: String
        var id: String
        var edition: String
        var revision: Int
        var title: String
        var published: CalendarDate
        var effective: CalendarDate
        var supersedes: String?
        var supersededBy: String?
        var sections: Int
        var indicators: Int
        var mandatory: Int
        var safetyCritical: Int
        /// Indicators a public source states; the rest are modelled.
        var sourcedIndicators: Int
        var gates: Int
        var file: String
        var notice: String
    }

    func run() throws {
        let catalog: FrameworkCatalog
        do {
            catalog = try FrameworkCatalog(directory: try engine.standardsDirectory(), loader: try engine.loader())
        } catch {
            throw RespectExit.report(error)
        }
        let listings = catalog.entries.map { entry in
            let framework = entry.framework
            let indicators = framework.indicators
            return Listing(reference: framework.identity.reference, id: framework.identity.id, edition: framework.identity.edition,
                           revision: framework.identity.revision, title: framework.title, published: framework.identity.published,
                           effective: framework.identity.effective, supersedes: framework.identity.supersedes,
                           supersededBy: framework.identity.supersededBy, sections: framework.sections.count,
                           indicators: indicators.count, mandatory: indicators.filter { $0.level == .mandatory }.count,
                           safetyCritical: indicators.filter(\.isSafetyCritical).count,
                           sourcedIndicators: indicators.filter(\.provenance.isSourced).count, gates: framework.gates.count,
                           file: entry.path, notice: framework.notice)
        }.sorted { $0.reference < $1.reference }
        switch format {
        case .text:
            if listings.isEmpty { print("No frameworks installed in \(catalog.directory).") }
            for listing in listings {
                print("\(listing.reference)  \(listing.title)")
                print("    revision \(listing.revision), published \(listing.published), effective \(listing.effective)"
                      + (listing.supersedes.map { ", supersedes \($0)" } ?? "") + (listing.supersededBy.map { ", SUPERSEDED by \($0)" } ?? ""))
                print("    \(listing.sections) sections, \(listing.indicators) indicators (\(listing.mandatory) mandatory, \(listing.safetyCritical) safety-critical)"
                      + (listing.gates > 0 ? ", \(listing.gates) gate\(listing.gates == 1 ? "" : "s") checked first" : ""))
                print("    \(listing.sourcedIndicators) of \(listing.indicators) indicators sourced, \(listing.indicators - listing.sourcedIndicators) modelled")
                print("    \(listing.file)")
            }
        case .json:
            print(try JSONReport.encode(listings), terminator: "")
        }
        for problem in catalog.problems {
            printError("\(problem.path): not loaded:\n  " + problem.error.description.replacingOccurrences(of: "\n", with: "\n  "))
        }
        if !catalog.problems.isEmpty { throw RespectExit.dataError }
    }
}

import Foundation
import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// Several editions installed side by side: which one a submission is evaluated against, what
/// happens when the one asked for is missing or ambiguous, and superseded editions.
@Suite("Edition loading rules")
struct EditionLoadingTests {
    @Test("several editions of one framework are installed side by side")
    func sideBySide() throws {
        let catalog = try FrameworkCatalog(directory: TestSupport.standardsDirectory, loader: TestSupport.loader)
        #expect(catalog.installedReferences == ["home-office@2023", "respect-standard@2012", "respect-standard@2017"])
        #expect(catalog.problems.isEmpty)
        #expect(catalog.entry(id: "respect-standard", edition: "2012")?.framework.indicators.count == 62, "63 before membership became a gate")
    }

    @Test("respect frameworks still lists what is installed, as text and JSON, and so does frameworks list")
    func listingKept() throws {
        let text = try CommandLineRunner.run(["frameworks"])
        #expect(text.exitCode == 0)
        #expect(text.standardOutput.contains("respect-standard@2012"))
        #expect(text.standardOutput.contains("SUPERSEDED by 2017"))
        let json = try CommandLineRunner.run(["frameworks", "--format", "json"])
        #expect(json.exitCode == 0)
        let listed = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]]
        #expect(listed?.compactMap { $0["reference"] as? String } == ["home-office@2023", "respect-standard@2012", "respect-standard@2017"])
        let list = try CommandLineRunner.run(["frameworks", "list"])
        #expect(list.standardOutput == text.standardOutput)
    }

    @Test("a submission is evaluated against the edition it names unless told otherwise")
    func namedEdition() throws {
        let own = try CommandLineRunner.run(["check", "examples/submissions/2012-era.xml", "--format", "json"])
        #expect(try JSONDecoder().decode(Assessment.self, from: Data(own.standardOutput.utf8)).framework.edition == "2012")
        let told = try CommandLineRunner.run(["check", "examples/submissions/achieved.xml", "--format", "json"])
        #expect(try JSONDecoder().decode(Assessment.self, from: Data(told.standardOutput.utf8)).framework.edition == "2017")
    }

    @Test("asking for an edition that is not installed is an error listing what is installed")
    func notInstalled() throws {
        let result = try CommandLineRunner.run(["check", "examples/submissions/2012-era.xml", "--framework", "respect-standard@2008"])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("respect-standard@2008 is not installed"))
        #expect(result.standardError.contains("respect-standard@2012, respect-standard@2017"))
    }
}

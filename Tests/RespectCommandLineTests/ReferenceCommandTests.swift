import Foundation
import RespectTestSupport
import Testing

/// `respect template` and `respect frameworks show` as a provider runs them.
@Suite("Template and framework reference commands")
struct ReferenceCommandTests {
    @Test("template writes a file that respect validate and xmllint accept, and check reads as not yet")
    func templateFile() throws {
        let folder = try TestSupport.temporaryFolder()
        let path = folder + "/my-submission.xml"
        let result = try CommandLineRunner.run(["template", "--framework", "respect-standard@2017",
                                                "--services", "group-behaviour-change,integrated-support-service",
                                                "--provider", "Northgate Family Safety", "--charity-number", "1100001", "--output", path])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let validate = try CommandLineRunner.run(["validate", path])
        #expect(validate.exitCode == 0, "\(validate.standardError)")
        #expect(try XMLLint.validate(path, schema: "submission-v1.xsd"))
        #expect(try CommandLineRunner.run(["check", path]).exitCode == 20)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("charityNumber=\"1100001\""))
        #expect(!text.contains("- -"), "no command in the comments is broken by escaping")
    }

    @Test("template refuses an unknown service type with 64 and the nearest valid one")
    func templateUnknownService() throws {
        let result = try CommandLineRunner.run(["template", "--framework", "respect-standard@2017", "--services", "one-to-one"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("'one-to-one' is not a service type of respect-standard@2017"), "\(result.standardError)")
        #expect(result.standardError.contains("one-to-one-behaviour-change"))
        let missing = try CommandLineRunner.run(["template", "--framework", "respect-standard@2099", "--services", "disruption"])
        #expect(missing.exitCode == 66)
    }

    @Test("frameworks show lists every indicator, evidence type, fact with its unit, and service type, in text")
    func showText() throws {
        let result = try CommandLineRunner.run(["frameworks", "show", "respect-standard@2017"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let framework = TestSupport.standard2017
        for indicator in framework.indicators {
            #expect(result.standardOutput.contains("\(indicator.number) \(indicator.id)  [\(indicator.level.rawValue)"), "\(indicator.id)")
        }
        for term in framework.vocabulary.evidenceTypes + framework.vocabulary.serviceTypes + framework.vocabulary.riskLevels {
            #expect(result.standardOutput.contains("  \(term.id)"))
        }
        for fact in framework.vocabulary.facts {
            #expect(result.standardOutput.range(of: "\(fact.id) +\(fact.unit ?? "—") ", options: .regularExpression) != nil, "\(fact.id)")
        }
        #expect(result.standardOutput.contains("SAFETY-CRITICAL"))
    }

    @Test("frameworks show --format csv is one table with a row per term, section, standard and indicator, with a BOM in a file")
    func showCSV() throws {
        let framework = TestSupport.standard2017
        let result = try CommandLineRunner.run(["frameworks", "show", "respect-standard@2017", "--format", "csv"])
        #expect(result.exitCode == 0)
        #expect(!result.standardOutput.hasPrefix("\u{FEFF}"), "no byte-order mark on standard output")
        let records = CSVRecords.parse(result.standardOutput)
        #expect(records.first?.first == "list")
        #expect(records.allSatisfy { $0.count == records[0].count })
        let vocabulary = framework.vocabulary
        let standards = framework.sections.reduce(0) { $0 + $1.standards.count }
        // The gates come first as a section "0 Before applying" with one standard.
        let gates = framework.gates.isEmpty ? 0 : 2 + framework.gates.count
        #expect(records.count == 1 + vocabulary.serviceTypes.count + vocabulary.riskLevels.count + vocabulary.evidenceTypes.count
                + vocabulary.facts.count + framework.sections.count + standards + framework.indicators.count + gates)
        #expect(records.contains { $0[0] == "indicator" && $0[1] == "gov-respect-membership" })
        // Every indicator says whether a public source states it or the project modelled it.
        let basis = try #require(records.first?.firstIndex(of: "basis"))
        let indicators = records.filter { $0[0] == "indicator" }
        #expect(indicators.allSatisfy { $0[basis] == "modelled" || $0[basis].hasPrefix("modelled (") || $0[basis].hasPrefix("sourced") })
        #expect(indicators.first { $0[1] == "gov-respect-membership" }?[basis].hasPrefix("sourced, medium confidence (source: ") == true)
        let indicator = try #require(records.first { $0[0] == "indicator" && $0[1] == "iss-in-place-for-every-intervention" })
        #expect(indicator[5] == "yes", "safety-critical")
        let path = try TestSupport.temporaryFolder() + "/reference.csv"
        #expect(try CommandLineRunner.run(["frameworks", "show", "respect-standard@2017", "--format", "csv", "--output", path]).exitCode == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try CommandLineRunner.run(["frameworks", "show", "respect-standard@2017", "--format", "csv", "--output", path, "--no-bom"]).exitCode == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Array("list,".utf8)))
    }

    @Test("frameworks show --format html is one sound, self-contained page with a table per standard and every indicator")
    func showHTML() throws {
        let result = try CommandLineRunner.run(["frameworks", "show", "respect-standard@2017", "--format", "html"])
        #expect(result.exitCode == 0)
        let html = result.standardOutput
        let structure = HTMLStructure(html)
        #expect(HTMLStructure.soundnessProblems(html).isEmpty, "\(HTMLStructure.soundnessProblems(html))")
        let framework = TestSupport.standard2017
        let standards = framework.sections.reduce(0) { $0 + $1.standards.count }
        // The gates come first as a section "0 Before applying" with one standard.
        #expect(structure.all("table").count == 4 + standards + 1)
        #expect(structure.headings(2).count == 6 + framework.sections.count + 1, "contents, how to, 4 vocabulary sections, the gates, one per section")
        for indicator in framework.indicators + framework.gates.map(\.indicator) { #expect(html.contains("<code>\(indicator.id)</code>")) }
        #expect(html.contains("<nav class=\"contents\""))
    }

    @Test("frameworks show --services lists only the indicators that apply")
    func showForServices() throws {
        let result = try CommandLineRunner.run(["frameworks", "show", "respect-standard@2017", "--services", "disruption", "--format", "csv"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let indicators = CSVRecords.parse(result.standardOutput).filter { $0[0] == "indicator" }
        #expect(!indicators.isEmpty && indicators.count < 99)
        #expect(try CommandLineRunner.run(["frameworks", "show", "respect-standard@2017", "--risks", "high"]).exitCode == 64)
    }
}

/// `check --evidence-root` as a provider runs it on their own folder of documents.
@Suite("Evidence root on the command line")
struct EvidenceRootCommandTests {
    @Test("check --evidence-root lists an item whose file is missing first, and its verdict and exit code follow")
    func missingFile() throws {
        let root = try TestSupport.temporaryFolder()
        let framework = TestSupport.fixture("engine/mini-framework.xml")
        let submission = TestSupport.fixture("engine/mini-achieved.xml")
        let without = try CommandLineRunner.run(["check", submission, "--framework", framework])
        #expect(without.exitCode == 0)
        let with = try CommandLineRunner.run(["check", submission, "--framework", framework, "--evidence-root", root])
        #expect(with.exitCode == 20, "E1 was the policy behind safety-critical and mandatory indicators")
        let listed = try #require(with.standardOutput.range(of: "EVIDENCE THAT WILL NOT COUNT (1)"))
        let outcome = try #require(with.standardOutput.range(of: "OUTCOME:"))
        #expect(listed.lowerBound < outcome.lowerBound)
        #expect(with.standardOutput.contains("evidence E1 does not count: its file policies/safeguarding.pdf is not in the evidence root"))
        let missingRoot = try CommandLineRunner.run(["check", submission, "--framework", framework, "--evidence-root", root + "/nope"])
        #expect(missingRoot.exitCode == 66)
    }
}

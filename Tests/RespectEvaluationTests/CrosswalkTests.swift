import Foundation
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// The Home Office 2023 model, the crosswalk format and `check --crosswalk`.
@Suite("Crosswalk")
struct CrosswalkTests {
    static let crosswalkPath = TestSupport.standardsDirectory + "/crosswalk-respect2017-ho2023.xml"

    static func frameworks() throws -> (respect: Framework, homeOffice: Framework) {
        (try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml"),
         try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/home-office-2023.xml"))
    }

    @Test("the Home Office model has 7 standards and the typology's behaviour-change entry; 4 to 7 say how they are attested")
    func homeOfficeModel() throws {
        let homeOffice = try Self.frameworks().homeOffice
        #expect(homeOffice.identity.reference == "home-office@2023")
        let standards = homeOffice.sections.flatMap(\.standards)
        #expect(standards.map(\.id) == ["ho1", "ho2", "ho3", "ho4", "ho5", "ho6", "ho7", "ho-typology-behaviour-change"])
        for section in homeOffice.sections where ["ho-standard-4", "ho-standard-5", "ho-standard-6", "ho-standard-7"].contains(section.id) {
            #expect(section.summary?.contains("GAP") == true, "\(section.id)")
            #expect(section.summary?.contains("order of standards 4 to 7 is not known") == true, "\(section.id)")
        }
        #expect(homeOffice.indicator(id: "ho-typology-behaviour-change-length")?.requirement.contains(
            FactThreshold(factID: "programme-duration-weeks", comparison: .ge, value: .number(ExactDecimal("22")!), unit: "weeks")) == true)
    }

    @Test("the shipped crosswalk fits both frameworks and maps every Home Office standard")
    func shippedCrosswalkResolves() throws {
        let (respect, homeOffice) = try Self.frameworks()
        let crosswalk = try TestSupport.loader.loadCrosswalk(contentsOf: Self.crosswalkPath)
        #expect(crosswalk.problems(source: respect, target: homeOffice).isEmpty)
        #expect(crosswalk.standards.map(\.standardID) == ["ho1", "ho2", "ho3", "ho4", "ho5", "ho6", "ho7", "ho-typology-behaviour-change"])
        #expect(crosswalk.standards.allSatisfy { !$0.indicators.isEmpty })
    }

    @Test("coverage counts the provider's status on the mapped indicators, per Home Office standard")
    func coverageCounts() throws {
        let (respect, homeOffice) = try Self.frameworks()
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/not-yet.xml")
        let assessment = try Evaluator(framework: respect).evaluate(submission, asOf: CalendarDate("2026-10-01")!)
        let crosswalk = try TestSupport.loader.loadCrosswalk(contentsOf: Self.crosswalkPath)
        let coverage = try CrosswalkCoverage(crosswalk: crosswalk, assessment: assessment, source: respect, target: homeOffice)
        #expect(coverage.standards.count == 8, "the seven standards and the typology's behaviour-change entry")
        for (standard, mapped) in zip(coverage.standards, crosswalk.standards) {
            #expect(standard.indicators.count == mapped.indicators.count)
            #expect(standard.met + standard.partlyMet + standard.notMet + standard.notApplicable == mapped.indicators.count)
            for line in standard.indicators {
                #expect(line.status == assessment.status(line.indicator.id))
            }
        }
        // not-yet.xml has no integrated support service: standard 1 has a safety-critical gap.
        let safety = try #require(coverage.standards.first)
        #expect(safety.indicators.first { $0.indicator.id == "iss-in-place-for-every-intervention" }?.status == .notMet)
        #expect(safety.notMet >= 1)
    }

    @Test("a crosswalk naming standards or indicators that do not exist is rejected with their lines")
    func brokenCrosswalk() throws {
        let (respect, homeOffice) = try Self.frameworks()
        let crosswalk = try TestSupport.loader.loadCrosswalk(contentsOf: TestSupport.fixture("editions/crosswalk-broken.xml"))
        let problems = crosswalk.problems(source: respect, target: homeOffice)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.message.contains("no-such-indicator") && $0.location.line == 11 })
        #expect(problems.contains { $0.message.contains("'ho9'") && $0.location.line == 13 })
        let result = try CommandLineRunner.run(["check", "examples/submissions/achieved.xml", "--crosswalk", TestSupport.fixture("editions/crosswalk-broken.xml")])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("no-such-indicator"))
    }

    @Test("check --crosswalk adds the Home Office section to text and JSON reports")
    func commandLine() throws {
        let text = try CommandLineRunner.run(["check", "examples/submissions/achieved.xml", "--crosswalk", "standards/crosswalk-respect2017-ho2023.xml"])
        #expect(text.exitCode == 0)
        #expect(text.standardOutput.contains("CROSSWALK: home-office@2023"))
        #expect(text.standardOutput.contains("1 Safety and freedom first"))
        let json = try CommandLineRunner.run(["check", "examples/submissions/achieved.xml", "--crosswalk", "standards/crosswalk-respect2017-ho2023.xml", "--format", "json"])
        let assessment = try JSONDecoder().decode(Assessment.self, from: Data(json.standardOutput.utf8))
        #expect(assessment.crosswalk?.standards.count == 8)
        #expect(assessment.inputs.map(\.role).contains("crosswalk"))
        let validate = try CommandLineRunner.run(["validate", "standards/crosswalk-respect2017-ho2023.xml"])
        #expect(validate.exitCode == 0)
        #expect(validate.standardOutput.contains("valid crosswalk"))
    }
}

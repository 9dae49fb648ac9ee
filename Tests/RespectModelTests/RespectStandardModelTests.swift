import Foundation
import RespectTestSupport
import Testing
import RespectModel

/// The shipped model of the Respect Standard, 3rd edition (2017).
@Suite("Respect Standard 2017 model")
struct RespectStandardModelTests {
    static let path = TestSupport.standardsDirectory + "/respect-standard-2017.xml"

    func load() throws -> Framework {
        try TestSupport.loader.loadFramework(contentsOf: RespectStandardModelTests.path)
    }

    @Test("it loads, has 10 principles and at least 80 indicators over the required sections")
    func structure() throws {
        let framework = try load()
        #expect(framework.identity.reference == "respect-standard@2017")
        #expect(framework.principles.count == 10)
        #expect(framework.principles.allSatisfy { !$0.isConfirmed }, "principle names are unverified and must say so")
        #expect(framework.indicators.count >= 80)
        let sections = Set(framework.sections.map(\.id))
        #expect(sections.isSuperset(of: ["governance", "staff", "assessment", "risk", "intervention", "exit", "iss", "children", "multi-agency", "outcomes"]))
        #expect(framework.notice.contains("not Respect's official text"))
    }

    @Test("behaviour-change programmes must run at least 22 weeks")
    func twentyTwoWeeks() throws {
        let framework = try load()
        let threshold = FactThreshold(factID: "programme-duration-weeks", comparison: .ge, value: .number(ExactDecimal(22)), unit: "weeks")
        let indicators = framework.indicators.filter { $0.requirement.contains(threshold) }
        #expect(!indicators.isEmpty)
        #expect(indicators.allSatisfy { $0.applicability.serviceTypes?.contains("group-behaviour-change") == true })
    }

    @Test("no perpetrator intervention runs without an integrated support service: safety-critical for every intervention type")
    func integratedSupportRule() throws {
        let framework = try load()
        let indicator = try #require(framework.indicator(id: "iss-in-place-for-every-intervention"))
        #expect(indicator.isSafetyCritical)
        #expect(indicator.level == .mandatory)
        #expect(indicator.requirement.contains(.service("integrated-support-service")))
        let interventions = framework.vocabulary.serviceTypes.filter(\.isPerpetratorIntervention).map(\.id)
        #expect(interventions.count == 5, "the young people's programme is outside the published scope")
        #expect(Set(indicator.applicability.serviceTypes ?? []) == Set(interventions))
    }

    @Test("every indicator has a requirement, a remediation hint and a level; outcomes end with a fallback")
    func completeness() throws {
        let framework = try load()
        for indicator in framework.indicators {
            #expect(!indicator.remediation.isEmpty, "\(indicator.id)")
            #expect(indicator.requirement != .allOf([]), "\(indicator.id)")
        }
        #expect(framework.outcomes.map(\.verdict) == [.achieved, .workingTowards, .notYet])
        #expect(framework.outcomes.last?.conditions.isEmpty == true)
    }

    @Test("xmllint agrees that the framework and the example submissions are valid and the invalid one is not")
    func xmllintCrossCheck() throws {
        let xmllint = "/usr/bin/xmllint"
        try #require(FileManager.default.isExecutableFile(atPath: xmllint), "xmllint (libxml2-utils) is needed; scripts/install-deps installs it")
        func run(_ schema: String, _ file: String) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--noout", "--nonet", "--schema", TestSupport.standardsDirectory + "/schema/" + schema, file]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try run("framework-v1.xsd", RespectStandardModelTests.path) == 0)
        // Every shipped standards file validates against the XSD of its kind.
        let shipped = try FileManager.default.contentsOfDirectory(atPath: TestSupport.standardsDirectory).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(shipped == ["crosswalk-respect2017-ho2023.xml", "home-office-2023.xml", "respect-standard-2012.xml", "respect-standard-2017.xml"])
        for file in shipped {
            let schema = file.hasPrefix("crosswalk-") ? "crosswalk-v1.xsd" : "framework-v1.xsd"
            #expect(try run(schema, TestSupport.standardsDirectory + "/" + file) == 0, "\(file)")
        }
        let submissions = TestSupport.examplesDirectory + "/submissions"
        let files = try FileManager.default.contentsOfDirectory(atPath: submissions).filter { $0.hasSuffix(".xml") }
        #expect(files.count >= 3)
        for file in files {
            #expect(try run("submission-v1.xsd", submissions + "/" + file) == 0, "\(file)")
        }
        #expect(try run("submission-v1.xsd", TestSupport.examplesDirectory + "/invalid/invalid-submission.xml") != 0)
    }
}

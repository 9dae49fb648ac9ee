import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// The examples in `examples/` give the outcomes the README documents.
@Suite("Examples")
struct ExampleTests {
    static let framework: Framework = {
        do {
            return try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        } catch { fatalError("\(error)") }
    }()

    private func assess(_ name: String) throws -> Assessment {
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/" + name)
        return try Evaluator(framework: ExampleTests.framework).evaluate(submission, asOf: try #require(submission.asOf))
    }

    @Test("the achieved example is achieved, with indicators left for the assessor and review dates warned about")
    func achieved() throws {
        let assessment = try assess("achieved.xml")
        #expect(assessment.outcome.verdict == .achieved)
        #expect(assessment.safetyCriticalFailures.isEmpty)
        #expect(assessment.totals.mandatoryMet == assessment.totals.mandatoryApplicable)
        #expect(!assessment.forAssessor.isEmpty)
        #expect(assessment.warnings.contains { $0.kind == .reviewDueSoon })
    }

    @Test("the working-towards example is working towards, every unmet mandatory indicator covered by an action")
    func workingTowards() throws {
        let assessment = try assess("working-towards.xml")
        #expect(assessment.outcome.verdict == .workingTowards)
        #expect(assessment.safetyCriticalFailures.isEmpty)
        let unmetMandatory = assessment.missingEvidence.flatMap(\.items).filter { $0.level == .mandatory }
        #expect(!unmetMandatory.isEmpty)
        #expect(unmetMandatory.allSatisfy { $0.plannedAction != nil })
    }

    @Test("the not-yet example fails on the integrated support service, and its missing list names it")
    func notYet() throws {
        let assessment = try assess("not-yet.xml")
        #expect(assessment.outcome.verdict == .notYet)
        #expect(assessment.safetyCriticalFailures.map(\.id).contains("iss-in-place-for-every-intervention"))
        let iss = try #require(assessment.missingEvidence.flatMap(\.items).first { $0.indicator.id == "iss-in-place-for-every-intervention" })
        #expect(iss.safetyCritical)
        #expect(iss.status == .notMet)
        let service = TermReference(id: "integrated-support-service", label: "Integrated support service for survivors (partners and ex-partners)")
        #expect(iss.toProvide.contains(.service(serviceType: service)))
        #expect(iss.why.contains(.serviceNotOffered(serviceType: service)))
        #expect(iss.remediation.lowercased().contains("integrated support service"))
        let duration = try #require(assessment.indicator("int-behaviour-change-duration"))
        #expect(duration.reasons.contains { reason in
            guard case .thresholdFailed(let fact, let stated, let threshold) = reason else { return false }
            return fact.id == "programme-duration-weeks" && stated == StatedValue(value: .number(ExactDecimal(16)), unit: "weeks")
                && threshold == FactThreshold(factID: "programme-duration-weeks", comparison: .ge, value: .number(ExactDecimal(22)), unit: "weeks")
        })
    }

    @Test("the invalid example is refused with located errors and the check exits 65")
    func invalid() throws {
        let result = try CommandLineRunner.run(["check", "examples/invalid/invalid-submission.xml"])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("invalid-submission.xml:44"))
        #expect(result.standardError.contains("2026-02-30"))
    }

    @Test("the README's commands give the documented exit codes")
    func exitCodes() throws {
        #expect(try CommandLineRunner.run(["check", "examples/submissions/achieved.xml"]).exitCode == 0)
        #expect(try CommandLineRunner.run(["check", "examples/submissions/working-towards.xml"]).exitCode == 10)
        let notYet = try CommandLineRunner.run(["check", "examples/submissions/not-yet.xml"])
        #expect(notYet.exitCode == 20)
        let lines = notYet.standardOutput.split(separator: "\n")
        let outcome = try #require(lines.firstIndex { $0.hasPrefix("OUTCOME:") })
        let safety = try #require(lines.firstIndex { $0.hasPrefix("SAFETY-CRITICAL FAILURES") })
        let next = try #require(lines.firstIndex { $0.hasPrefix("WHAT TO DO NEXT") })
        #expect(lines[outcome] == "OUTCOME: NOT YET READY", "the verdict in plain words, no engine ids")
        #expect(lines[outcome + 1] == "  ✗ 2 safety-critical indicators fail: 6.2.3, 7.1.1", "the headline names the safety-critical failures")
        #expect(outcome < safety && safety < next, "the verdict, then the safety-critical failures, then what to do next")
    }
}

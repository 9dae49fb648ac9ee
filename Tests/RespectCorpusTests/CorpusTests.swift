import Foundation
import RespectCorpus
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// `respect generate`: deterministic, valid, realistic submissions that get the verdict they
/// were built for.
@Suite("Generated corpus")
struct CorpusTests {
    static let framework = TestSupport.standard2017

    @Test("the same count and seed give byte-identical files; another seed gives other files")
    func deterministic() throws {
        let first = try TestSupport.temporaryFolder(), second = try TestSupport.temporaryFolder(), other = try TestSupport.temporaryFolder()
        for (folder, seed) in [(first, "7"), (second, "7"), (other, "8")] {
            let result = try CommandLineRunner.run(["generate", "--count", "30", "--seed", seed, folder])
            #expect(result.exitCode == 0)
            #expect(result.standardOutput.contains("Wrote 30 submissions"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(names.count == 30)
        #expect(names.first == "submission-00001.xml" && names.last == "submission-00030.xml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: second).sorted() == names)
        var differing = 0
        for name in names {
            let bytes = FileManager.default.contents(atPath: first + "/" + name)
            #expect(bytes != nil)
            #expect(bytes == FileManager.default.contents(atPath: second + "/" + name), "\(name) differs between runs")
            if bytes != FileManager.default.contents(atPath: other + "/" + name) { differing += 1 }
        }
        #expect(differing == names.count, "seed 8 must give different files")
    }

    @Test("30 generated submissions validate and each gets the verdict it was built for, covering all outcomes")
    func validAndIntendedVerdicts() throws {
        let generator = CorpusGenerator(framework: Self.framework, seed: 42)
        let evaluator = Evaluator(framework: Self.framework)
        var verdicts: [Verdict: Int] = [:]
        var unsafe = 0, withPlans = 0, withoutPlans = 0
        for number in 1...30 {
            let generated = generator.submission(number: number)
            let path = TestSupport.temporaryFile(generated.document, name: "submission-\(number).xml")
            // Through the real loader: hardened parse, the submission XSD, the model.
            let submission = try TestSupport.loader.loadSubmission(contentsOf: path)
            #expect((100...400).contains(submission.evidence.count), "submission \(number) has \(submission.evidence.count) items")
            #expect(submission.evidence.allSatisfy { $0.file.map { $0.sha256.count == 64 } ?? true })
            let assessment = try evaluator.evaluate(submission, asOf: try #require(submission.asOf))
            #expect(assessment.outcome.verdict == generated.profile.intendedVerdict,
                    "submission \(number) (\(generated.profile.rawValue)) got \(assessment.outcome.verdict.rawValue)")
            #expect(assessment.warnings.allSatisfy { ![.unknownIndicator, .unknownEvidenceType, .unknownFact, .factUnitMismatch, .issuedAfterAsOf].contains($0.kind) },
                    "submission \(number) uses only the framework's vocabulary")
            verdicts[assessment.outcome.verdict, default: 0] += 1
            if !assessment.safetyCriticalFailures.isEmpty { unsafe += 1 }
            if submission.actionPlan.isEmpty { withoutPlans += 1 } else { withPlans += 1 }
        }
        #expect(verdicts[.achieved, default: 0] >= 5)
        #expect(verdicts[.workingTowards, default: 0] >= 5)
        #expect(verdicts[.notYet, default: 0] >= 5)
        #expect(unsafe >= 2, "some not-yet packs fail a safety-critical indicator")
        #expect(withPlans > 0 && withoutPlans > 0)
    }

    @Test("unsafe packs include ones with no integrated support service for their perpetrator work")
    func noSupportService() throws {
        let generator = CorpusGenerator(framework: Self.framework, seed: 3)
        let unsafe = (1...80).map { generator.submission(number: $0) }.filter { $0.profile == .notYetUnsafe }
        #expect(unsafe.count == 10)
        #expect(unsafe.contains { !$0.submission.offers("integrated-support-service") })
    }

    @Test("generated text is escaped: names and titles round-trip through the loader")
    func escaping() throws {
        let generator = CorpusGenerator(framework: Self.framework, seed: 11)
        for number in 1...8 {
            let generated = generator.submission(number: number)
            let loaded = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.temporaryFile(generated.document))
            #expect(loaded.provider == generated.submission.provider)
            #expect(loaded.evidence.map(\.title) == generated.submission.evidence.map(\.title))
            #expect(loaded.actionPlan.map(\.action) == generated.submission.actionPlan.map(\.action))
        }
    }
}

import Foundation
import RespectAssessment
import RespectCorpus
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// A submission and its evidence register: exporting, then importing what was exported with no
/// other argument, gives a submission that evaluates exactly as the original; the example
/// registers evaluate exactly as the example they were kept for.
@Suite("Evidence register import and export")
struct RegisterImportTests {
    static let engine = AssessmentEngine(standards: TestSupport.standardsDirectory, loader: TestSupport.loader)

    /// Every example submission: the four in examples/submissions and the tender bids.
    static let examples: [String] = {
        let folders = ["/submissions", "/tender/bids"].map { TestSupport.examplesDirectory + $0 }
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
        }
    }()

    /// The result of evaluating `submission` as of its own date, with lines and file names left
    /// out (a register has rows, not lines), as JSON.
    static func evaluation(_ submission: Submission) throws -> String {
        var copy = submission
        copy.source = "submission"
        for index in copy.evidence.indices { copy.evidence[index].line = 0 }
        for index in copy.facts.indices { copy.facts[index].line = 0 }
        for index in copy.actionPlan.indices { copy.actionPlan[index].line = 0 }
        let resolved = try engine.resolve(copy, requested: nil)
        let assessment = try engine.evaluate(copy, against: resolved, asOf: try #require(copy.asOf))
        return String(decoding: try ResultCoding.encode(assessment), as: UTF8.self)
    }

    @Test("export then import, with no other argument, gives the same submission and the same evaluation", arguments: examples)
    func roundTrip(example: String) throws {
        #expect(Self.examples.count == 9)
        let original = try TestSupport.loader.loadSubmission(contentsOf: example)
        let csv = try Self.engine.exportRegister(.file(example))
        let imported = try Self.engine.importRegister(RegisterImportRequest(files: [.bytes(Array(csv.utf8), name: "register.csv")]))
        #expect(SubmissionXMLWriter.document(imported.submission) == SubmissionXMLWriter.document(original))
        #expect(try Self.evaluation(imported.submission) == Self.evaluation(original))
        // A bid's links to the tender's local indicator are declared in the register, and noted.
        let local = original.linkedIDs(notIn: try Self.engine.library.edition(original.target.reference).framework)
        #expect(csv.contains("local indicators,") == !local.isEmpty)
        #expect(imported.notes.count == local.count && imported.notes.allSatisfy { $0.message.contains("declared under local indicators") })
        // The text written is the submission, valid.
        let reloaded = try TestSupport.loader.loadSubmission(bytes: Array(imported.xml.utf8), path: "imported.xml")
        #expect(SubmissionXMLWriter.document(reloaded) == SubmissionXMLWriter.document(original))
    }

    @Test("export then import gives the same submission for 40 generated submissions (titles with quotes, commas and ampersands)")
    func generatedRoundTrip() throws {
        let generator = CorpusGenerator(framework: TestSupport.standard2017, seed: 11)
        for number in 1...40 {
            let generated = generator.submission(number: number)
            let path = TestSupport.temporaryFile(generated.document)
            let csv = try Self.engine.exportRegister(.file(path))
            let imported = try Self.engine.importRegister(RegisterImportRequest(files: [.bytes(Array(csv.utf8), name: "register.csv")]))
            #expect(SubmissionXMLWriter.document(imported.submission) == SubmissionXMLWriter.document(generated.submission), "submission \(number)")
        }
    }

    @Test("the example register, and the same register in separate files, evaluate exactly as the working-towards example")
    func exampleRegisters() throws {
        let original = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/working-towards.xml")
        let register = TestSupport.examplesDirectory + "/register"
        let single = try Self.engine.importRegister(RegisterImportRequest(files: [.file(register + "/register.csv")]))
        #expect(try Self.evaluation(single.submission) == Self.evaluation(original))
        #expect(single.notes.count == 1, "the Notes column is not read: \(single.notes)")
        let separate = try ["services", "evidence", "facts", "actions"].map { register + "/separate/\($0).csv" }
        let request = RegisterImportRequest(files: separate.map { .file($0) }, framework: "respect-standard@2017",
                                            overrides: RegisterOverrides(providerName: "Brookfield Safer Relationships", charityNumber: "1190002",
                                                                         region: "Yorkshire and the Humber", asOf: CalendarDate("2026-10-01")))
        let fromFiles = try Self.engine.importRegister(request)
        #expect(try Self.evaluation(fromFiles.submission) == Self.evaluation(original))
        #expect(SubmissionXMLWriter.document(fromFiles.submission) == SubmissionXMLWriter.document(single.submission))
    }

    @Test("a register with a bad cell gives no submission: the error lists every problem")
    func badRegister() throws {
        #expect {
            _ = try Self.engine.importRegister(RegisterImportRequest(files: [.file(TestSupport.fixture("register/bad-cells.csv"))]))
        } throws: { error in
            guard let error = error as? AssessmentError, case .register(let register) = error else { return false }
            return error.kind == .badData && register.problems.count == 21 && error.diagnostics.count == 21
        }
    }

    @Test("a register that names no framework edition, or one not installed, says which are installed")
    func frameworkChoice() throws {
        let evidence = "id,type,title,issued,supports\na,policy,A,2026-01-01,gov-accountable-lead\n"
        #expect {
            _ = try Self.engine.importRegister(RegisterImportRequest(files: [.bytes(Array(evidence.utf8), name: "e.csv")]))
        } throws: { error in
            "\(error)".contains("which framework edition is the register for?") && "\(error)".contains("respect-standard@2017")
        }
        let named = "Submission\nprovider,X\nframework,respect-standard@2019\n"
        #expect {
            _ = try Self.engine.importRegister(RegisterImportRequest(files: [.bytes(Array(named.utf8), name: "s.csv")]))
        } throws: { error in
            "\(error)".contains("s.csv row 3, column B (framework): framework respect-standard@2019 is not installed")
        }
    }
}

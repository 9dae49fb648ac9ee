import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// `check --evidence-root`: a declared evidence file must be there, under the root, with the
/// declared SHA-256; otherwise its item does not count, and the report says which and why.
@Suite("Evidence files under an evidence root")
struct EvidenceRootTests {
    static let engine = AssessmentEngine(standards: TestSupport.standardsDirectory, loader: TestSupport.loader)
    static let framework = TestSupport.fixture("engine/mini-framework.xml")
    static let policy = "Safeguarding policy v1\n"

    /// A root holding the policy the mini submission declares (E1), and the mini submission
    /// naming it with its real SHA-256; `edit` changes the root or the submission text first.
    static func setUp(_ edit: (String, inout String) throws -> Void = { _, _ in }) throws -> (root: String, submission: String) {
        let root = try TestSupport.temporaryFolder() + "/evidence"
        try FileManager.default.createDirectory(atPath: root + "/policies", withIntermediateDirectories: true)
        try Data(policy.utf8).write(to: URL(fileURLWithPath: root + "/policies/safeguarding.pdf"))
        var text = TestSupport.miniAchievedText.replacingOccurrences(
            of: "0000000000000000000000000000000000000000000000000000000000000001", with: InputFile.sha256(of: Array(policy.utf8)))
        try edit(root, &text)
        return (root, TestSupport.temporaryFile(text))
    }

    static func assess(_ submission: String, root: String?) throws -> Assessment {
        try engine.assess(AssessmentRequest(submission: .file(submission), framework: framework, today: CalendarDate("2026-06-30")!,
                                            evidenceRoot: root)).assessment
    }

    @Test("every declared file there with its SHA-256: confirmed, and the verdict is the one without the root")
    func allConfirmed() throws {
        let (root, submission) = try Self.setUp()
        let checked = try Self.assess(submission, root: root)
        #expect(checked.outcome.verdict == .achieved)
        #expect(checked.evidenceFiles == EvidenceFileSummary(root: root, declared: 1, confirmed: 1))
        #expect(!checked.warnings.contains { $0.kind == .evidenceFileNotConfirmed })
        let unchecked = try Self.assess(submission, root: nil)
        #expect(unchecked.evidenceFiles == nil)
        #expect(checked.indicators.map(\.status) == unchecked.indicators.map(\.status))
    }

    @Test("a missing file, or another document at the path, means the item does not count, and the report says which and why",
          arguments: [("missing", "is not in the evidence root"), ("different", "is another document: its SHA-256 is")])
    func notConfirmed(problem: String, words: String) throws {
        let (root, submission) = try Self.setUp { root, _ in
            let path = root + "/policies/safeguarding.pdf"
            if problem == "missing" { try FileManager.default.removeItem(atPath: path) } else { try Data("Draft\n".utf8).write(to: URL(fileURLWithPath: path)) }
        }
        let assessment = try Self.assess(submission, root: root)
        #expect(assessment.evidenceFiles?.confirmed == 0)
        // E1 was the policy behind policy-current: it no longer counts, and says why first.
        let indicator = try #require(assessment.indicator("policy-current"))
        #expect(indicator.status.isUnmet)
        guard case .evidenceFileNotConfirmed(let id, _, let path, let found) = indicator.reasons.first else {
            Issue.record("first reason: \(indicator.reasons)")
            return
        }
        #expect(id == "E1" && path == "policies/safeguarding.pdf" && found.code == problem)
        if case .different(let actual) = found { #expect(actual == InputFile.sha256(of: Array("Draft\n".utf8))) }
        let warning = try #require(assessment.warnings.first { $0.kind == .evidenceFileNotConfirmed })
        #expect(warning.meansEvidenceWillNotCount && warning.evidenceID == "E1")
        let text = TextReport().render(assessment)
        let listed = try #require(text.range(of: "EVIDENCE THAT WILL NOT COUNT (1)"))
        #expect(text[listed.upperBound...].contains("evidence E1 does not count: its file policies/safeguarding.pdf " + words))
        #expect(text.contains("0 of 1 declared evidence file confirmed in \(root)"))
        let json = String(decoding: try ResultCoding.encode(assessment), as: UTF8.self)
        #expect(json.contains("\"code\":\"evidence-file-not-confirmed\"") && json.contains("\"problem\":\"\(problem)\""))
    }

    @Test("a path through .., an absolute path or a link leading out of the root is refused; a link inside the root is followed")
    func staysInsideTheRoot() throws {
        let outside = try TestSupport.temporaryFolder()
        try Data(Self.policy.utf8).write(to: URL(fileURLWithPath: outside + "/safeguarding.pdf"))
        let cases: [(String, (String) throws -> Void, EvidenceFileProblem?)] = [
            ("policies/../policies/safeguarding.pdf", { _ in }, .outsideRoot),
            (outside + "/safeguarding.pdf", { _ in }, .outsideRoot),
            ("linked/safeguarding.pdf", { root in try FileManager.default.createSymbolicLink(atPath: root + "/linked", withDestinationPath: outside) },
             .outsideRoot),
            ("inside.pdf", { root in try FileManager.default.createSymbolicLink(atPath: root + "/inside.pdf", withDestinationPath: "policies/safeguarding.pdf") },
             nil),
            ("policies", { _ in }, .notARegularFile),
        ]
        for (path, prepare, expected) in cases {
            let (root, submission) = try Self.setUp { root, text in
                try prepare(root)
                text = text.replacingOccurrences(of: "path=\"policies/safeguarding.pdf\"", with: "path=\"\(path)\"")
            }
            let checks = try EvidenceFileChecker(root: root).check(try TestSupport.loader.loadSubmission(contentsOf: submission))
            #expect(checks.checks.map(\.problem) == [expected], "\(path)")
        }
    }

    @Test("an evidence root that is not a folder is missing input")
    func rootNotAFolder() throws {
        let (_, submission) = try Self.setUp()
        #expect {
            _ = try Self.assess(submission, root: "/no/such/evidence")
        } throws: { error in
            (error as? AssessmentFailure)?.kind == .missingInput && "\(error)".contains("the evidence root is not a folder")
        }
    }
}

public import Foundation
public import RespectEvaluation
public import RespectModel

/// Results to record, evaluated from real fixtures against the mini framework, with their
/// inputs (and SHA-256) filled in as `check` fills them.
public enum StoreFixtures {
    /// The three charities called "Northgate Family Safety", and a provider of that name that
    /// gives no number (`Tests/Fixtures/store/northgate-*.xml`).
    public static let northgate1100001 = "store/northgate-charity-1100001.xml"
    public static let northgate1100002 = "store/northgate-charity-1100002.xml"
    public static let northgateSC045678 = "store/northgate-charity-sc045678.xml"
    public static let northgateUnregistered = "store/northgate-unregistered.xml"

    /// `fixture` (a path under `Tests/Fixtures`) evaluated as of its own date, with the findings
    /// files named applied.
    public static func assessment(_ fixture: String, findings: [String] = []) throws -> Assessment {
        let path = TestSupport.fixture(fixture)
        let submission = try TestSupport.loader.loadSubmission(contentsOf: path)
        guard let file = InputFile(role: "submission", path: path),
              let framework = InputFile(role: "framework", path: TestSupport.fixture("engine/mini-framework.xml")),
              let asOf = submission.asOf else {
            throw TestSupport.VariantError(missing: "a readable \(fixture) with an asOf date")
        }
        let loaded = try findings.map { try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture($0)) }
        var assessment = try Evaluator(framework: TestSupport.miniFramework)
            .evaluate(submission, asOf: asOf, findings: loaded, submissionSHA256: file.sha256)
        assessment.inputs = [file, framework] + loaded.compactMap { InputFile(role: "findings", path: $0.source) }
        return assessment
    }

    /// A time `seconds` after a fixed instant (2026-09-21T14:13:20Z), so summaries are predictable.
    public static func time(_ seconds: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_790_000_000 + TimeInterval(seconds))
    }
}

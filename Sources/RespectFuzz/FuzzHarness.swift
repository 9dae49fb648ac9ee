import Foundation
import RespectEvaluation
import RespectModel
import RespectReports
import RespectXML

/// Runs one input through the whole engine: hardened parse, XSD validation, the model
/// builders, evaluation and every report. Any crash, trap or hang here is a bug.
///
/// - A submission is evaluated against the mini test framework and the shipped standard, as of
///   its own date and the first and last representable dates.
/// - A framework is evaluated against the fixed submissions.
/// - A tender is checked against the frameworks it accepts and the fixed bids.
/// Load errors are expected; their descriptions are rendered, since users see them.
enum FuzzHarness {
    /// The checkout this file was built from (fixtures and standards are read from it).
    static let root: String = {
        if let standards = ProcessInfo.processInfo.environment["RESPECT_STANDARDS"], !standards.isEmpty {
            return (standards as NSString).deletingLastPathComponent
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// Screened as a batch validates, so the fuzzer runs the same path.
    static let loader = DocumentLoader(schemas: SchemaSet(directory: root + "/standards/schema", screening: .whenRecognised))

    static let frameworks: [Framework] = [
        "Tests/Fixtures/engine/mini-framework.xml",
        "standards/respect-standard-2017.xml",
    ].compactMap { try? loader.loadFramework(contentsOf: root + "/" + $0) }

    static let submissions: [Submission] = [
        "Tests/Fixtures/engine/mini-achieved.xml",
        "examples/submissions/working-towards.xml",
    ].compactMap { try? loader.loadSubmission(contentsOf: root + "/" + $0) }

    /// Fails loudly when the fixed inputs did not load or a shipped schema has no screen, so a
    /// fuzz run never silently tests less.
    static func checkSetUp() {
        guard frameworks.count == 2, submissions.count == 2 else {
            fatalError("RespectFuzz: cannot load the fixed frameworks and submissions from \(root)")
        }
        guard screenedSchemas.count == 2, screenedSchemas.allSatisfy({ !$0.nativeIdentityConstraints.isEmpty }) else {
            fatalError("RespectFuzz: the submission and crosswalk schemas in \(root) are not screened (changed XSDs?)")
        }
    }

    /// The schemas the engine validates through a screen of native checks (`XMLSchema`).
    static let screenedSchemas: [XMLSchema] = [DocumentKind.submission, .crosswalk].compactMap {
        try? loader.schemas.schema(for: $0)
    }

    static func run(_ bytes: [UInt8]) {
        // The screen may only pass documents the full schema finds valid.
        for schema in screenedSchemas {
            guard let verdicts = try? schema.verdicts(bytes: bytes, sourceName: "fuzz.xml") else { break }
            if verdicts.screen == true && !verdicts.full {
                fatalError("RespectFuzz: the validation screen of \(schema.path) passed a document the full schema rejects")
            }
        }
        let document: LoadedDocument
        do {
            document = try loader.load(bytes: bytes, sourceName: "fuzz.xml")
        } catch {
            _ = error.description
            _ = error.diagnostics.map(\.description)
            return
        }
        switch document {
        case .submission(let submission):
            for framework in frameworks { evaluate(submission, against: framework) }
        case .framework(let framework):
            for submission in submissions { evaluate(submission, against: framework) }
        case .tender(let tender):
            check(tender)
        case .findings(let findings):
            for submission in submissions {
                for framework in frameworks {
                    guard let assessment = try? Evaluator(framework: framework).evaluate(
                        submission, asOf: submission.asOf ?? .maximum, findings: [findings], submissionSHA256: nil) else { continue }
                    _ = TextReport().render(assessment)
                    _ = HTMLCheckReport().render(assessment)
                }
            }
        case .crosswalk(let crosswalk):
            for submission in submissions {
                for framework in frameworks {
                    guard let assessment = try? Evaluator(framework: framework).evaluate(submission, asOf: submission.asOf ?? .maximum) else { continue }
                    for target in frameworks {
                        _ = try? CrosswalkCoverage(crosswalk: crosswalk, assessment: assessment, source: framework, target: target)
                    }
                }
            }
        }
    }

    /// Every report as of the submission's own date; JSON only at the ends of the calendar.
    private static func evaluate(_ submission: Submission, against framework: Framework) {
        let dates = [submission.asOf ?? CalendarDate(year: 2026, month: 10, day: 1)!, .minimum, .maximum]
        for (index, date) in dates.enumerated() {
            let assessment: Assessment
            do {
                assessment = try Evaluator(framework: framework).evaluate(submission, asOf: date)
            } catch {
                _ = error.description
                return
            }
            _ = try? JSONReport.render(assessment)
            guard index == 0 else { continue }
            _ = TextReport(includeAllIndicators: true).render(assessment)
            _ = TextReport().render(assessment)
            _ = HTMLCheckReport().render(assessment)
        }
    }

    private static func check(_ tender: Tender) {
        let evaluator: TenderEvaluator
        do {
            evaluator = try TenderEvaluator(tender: tender, frameworks: frameworks)
        } catch {
            _ = error.description
            return
        }
        let results = submissions.map { bid in
            let accepted = evaluator.framework(for: bid.target)
            let evaluation = (accepted ?? frameworks.first).map { framework in
                Result { () throws(SubmissionMismatch) in
                    try Evaluator(framework: framework).evaluate(bid, asOf: tender.timetable.deadline)
                }
            }
            return evaluator.judge(bid, evaluation: evaluation, accepted: accepted != nil)
        }
        let result = evaluator.compare(results)
        _ = TenderTextReport().render(result)
        _ = TenderCSVReport.render(result)
        _ = HTMLTenderReport().render(result)
        _ = try? JSONReport.encode(result)
    }
}

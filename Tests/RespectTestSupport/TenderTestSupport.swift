public import Foundation
public import RespectEvaluation
public import RespectModel

/// Fixtures for the tender tests: the mini tender (`Fixtures/tender/mini-tender.xml`) over the
/// mini framework, and a compliant mini bid (`Fixtures/tender/mini-bid.xml`). Variants are
/// written to temporary files and go through the same loaders as users' files.
public enum TenderTestSupport {
    public static let tenderPath = TestSupport.fixture("tender/mini-tender.xml")
    public static let bidPath = TestSupport.fixture("tender/mini-bid.xml")
    public static let tenderText = (try? String(contentsOfFile: tenderPath, encoding: .utf8)) ?? ""
    public static let bidText = (try? String(contentsOfFile: bidPath, encoding: .utf8)) ?? ""

    /// The example tender and its folder of bids.
    public static let exampleTender = TestSupport.examplesDirectory + "/tender/tender-lot1.xml"
    public static let exampleBids = TestSupport.examplesDirectory + "/tender/bids"

    /// `text` with each `(old, new)` replacement applied; each must match.
    public static func replacing(_ text: String, _ replacements: [(String, String)]) throws -> String {
        var text = text
        for (old, new) in replacements {
            guard text.contains(old) else { throw TestSupport.VariantError(missing: old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// The mini tender with replacements applied, loaded from a temporary file.
    public static func tender(_ replacements: [(String, String)] = []) throws -> Tender {
        try TestSupport.loader.loadTender(contentsOf: TestSupport.temporaryFile(try replacing(tenderText, replacements), name: "tender.xml"))
    }

    /// The mini bid with replacements applied, loaded from a temporary file named `name`.
    public static func bid(_ replacements: [(String, String)] = [], name: String = "bid.xml") throws -> Submission {
        try TestSupport.loader.loadSubmission(contentsOf: TestSupport.temporaryFile(try replacing(bidText, replacements), name: name))
    }

    public static func evaluator(_ tender: Tender) throws -> TenderEvaluator {
        try TenderEvaluator(tender: tender, frameworks: [TestSupport.miniFramework])
    }

    /// Checks a mini bid variant against a mini tender variant.
    public static func assess(_ bidReplacements: [(String, String)] = [], tender tenderReplacements: [(String, String)] = []) throws -> TenderBidResult {
        try evaluator(try tender(tenderReplacements)).assess(try bid(bidReplacements))
    }

    /// Replacements that make the mini bid "working towards": one training record is removed
    /// (training-recent not met) and an action for it is due on `due`.
    public static func workingTowards(due: String = "2026-09-01") -> [(String, String)] {
        [("<supports>training-recent</supports>\n    </item>\n    <item id=\"E4\"", "<supports>policy-current</supports>\n    </item>\n    <item id=\"E4\""),
         ("</facts>", "</facts>\n  <actionPlan><action indicator=\"training-recent\" due=\"\(due)\" owner=\"Lead\">Train the second cohort.</action></actionPlan>")]
    }
}

extension TenderBidResult {
    /// The kinds of the reasons given, in order.
    public var reasonKinds: [TenderReason.Kind] { reasons.map(\.kind) }

    public func reason(_ kind: TenderReason.Kind) -> TenderReason? {
        reasons.first { $0.kind == kind }
    }
}

extension TenderEvaluator {
    /// Evaluates a bid against the tender's copy of the edition it targets (or `otherEdition`
    /// when the tender does not accept it) as of the deadline, and judges it: what the use case
    /// does for a bid read from a file, without reading one.
    public func assess(_ bid: Submission, otherEdition: Framework? = nil) -> TenderBidResult {
        let accepted = framework(for: bid.target)
        let evaluation = (accepted ?? otherEdition).map { framework in
            Result { () throws(SubmissionMismatch) in
                try Evaluator(framework: framework).evaluate(bid, asOf: tender.timetable.deadline)
            }
        }
        return judge(bid, evaluation: evaluation, accepted: accepted != nil)
    }
}

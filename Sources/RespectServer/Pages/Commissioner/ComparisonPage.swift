import Hummingbird
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectStore

/// A tender's bids compared (`AssessmentEngine.compareBids`): unsafe bids first and flagged,
/// then compliant bids by rank, then the rest; each bid's engine outcome, mandatory figures and
/// score, and every reason with the clause it comes from. CSV and HTML downloads beside it.
enum ComparisonPage {
    struct View: Sendable, Encodable {
        var id: Int64
        var reference: String
        var title: String
        var deadline: String
        var clauses: [Clause]
        var bids: [BidRow]
        var hasBids: Bool
        var unsafeCount: Int
        var hasUnsafe: Bool
        var compliantCount: Int
    }

    struct Clause: Sendable, Encodable {
        var id: String
        var heading: String?
        var text: String
    }

    struct BidRow: Sendable, Encodable {
        var anchor: String
        var provider: String
        var verdict: BadgeView
        var unsafe: Bool
        var rank: String
        var outcome: String
        var mandatory: String
        var score: String
        var reasons: [String]
        var safetyCritical: [String]
    }

    static func render(_ tender: TenderRecord, result: TenderResult, context: RespectRequestContext, service: WebService) -> Response {
        let catalogue = service.catalogue
        func order(_ bid: TenderBidResult) -> (Int, Int) {
            bid.unsafe ? (0, 0) : bid.compliant ? (1, bid.rank ?? Int.max) : (2, 0)
        }
        let bids = result.bids.enumerated().sorted { lhs, rhs in
            let (left, right) = (order(lhs.element), order(rhs.element))
            return (left.0, left.1, lhs.offset) < (right.0, right.1, rhs.offset)
        }.map { index, bid in
            BidRow(anchor: "bid-\(index + 1)", provider: bid.provider,
                   verdict: bid.unsafe ? BadgeView(cssClass: "badge status-not-met", glyph: "⚠", words: catalogue["tender_unsafe"])
                       : bid.compliant ? BadgeView(cssClass: "badge status-met", glyph: "✓", words: catalogue["tender_compliant"])
                       : BadgeView(cssClass: "badge status-not-met", glyph: "✗", words: catalogue["tender_notCompliant"]),
                   unsafe: bid.unsafe, rank: bid.rank.map(String.init) ?? "—", outcome: bid.outcomeLabel ?? "—",
                   mandatory: bid.mandatoryMet.map { met in "\(met) / \(bid.mandatoryApplicable ?? 0)" } ?? "—",
                   score: bid.score.map { String(format: "%.1f", $0.total) } ?? "—",
                   reasons: bid.reasons.map(catalogue.wording.message),
                   safetyCritical: bid.safetyCriticalFailures.map { "\($0.number) \($0.text)" })
        }
        let view = View(id: tender.id, reference: result.tender.reference, title: result.tender.title,
                        deadline: result.tender.deadline.description,
                        clauses: result.tender.clauses.map { Clause(id: $0.id, heading: $0.heading, text: $0.text) },
                        bids: bids, hasBids: !bids.isEmpty, unsafeCount: result.unsafeBids.count, hasUnsafe: !result.unsafeBids.isEmpty,
                        compliantCount: result.compliantCount)
        let title = catalogue.format("comparison_title", ["reference": result.tender.reference])
        return service.page("comparison", PageFrame(title: title, context: context, catalogue: catalogue, section: "/tenders"), view)
    }
}

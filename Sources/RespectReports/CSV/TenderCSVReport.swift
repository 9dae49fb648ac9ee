public import RespectEvaluation
import RespectModel

/// Renders a tender comparison as CSV (RFC 4180): a header record, then one record per bid in
/// the comparison's order (compliant bids by rank, then the others).
///
/// Columns: rank (empty when not compliant), provider, file, compliant and unsafe (`yes` /
/// `no`), outcome (the engine's verdict, e.g. `working-towards`; empty when the bid was not
/// evaluated), mandatory met, mandatory applicable, score (2 decimals; empty when not scored),
/// and every reason, one per line within the cell (`CSVWriter.list`).
public enum TenderCSVReport {
    public static let header = ["rank", "provider", "file", "compliant", "unsafe", "outcome",
                                "mandatory met", "mandatory applicable", "score", "reasons"]

    public static func render(_ result: TenderResult, wording: any Wording = EnglishWording()) -> String {
        CSVWriter.document(header: header, rows: result.bids.map { row($0, wording: wording) })
    }

    static func row(_ bid: TenderBidResult, wording: any Wording) -> [String] {
        [bid.rank.map(String.init) ?? "", bid.provider, bid.file, bid.compliant ? "yes" : "no", bid.unsafe ? "yes" : "no",
         bid.outcome?.rawValue ?? "", bid.mandatoryMet.map(String.init) ?? "", bid.mandatoryApplicable.map(String.init) ?? "",
         bid.score.map { TenderCSVReport.decimal($0.total) } ?? "", CSVWriter.list(bid.reasons.map(wording.message))]
    }

    /// A score with exactly 2 decimals, e.g. `87.50`.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

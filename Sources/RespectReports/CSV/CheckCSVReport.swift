public import RespectEvaluation
import RespectModel

/// Renders a check as CSV (RFC 4180, through `CSVWriter`): a header record, then one record per
/// indicator of the edition, in the framework's order, to sort and filter in a spreadsheet.
///
/// Columns: number, indicator id, section, standard, level, safety-critical (`yes` / `no`),
/// verification, status (its stable code, e.g. `partly-met`), engine status (the engine's own
/// status when an assessor's finding changed it; else empty), reasons, what to provide, evidence
/// used, and the framework's remediation hint. Several reasons, provisions or items in one cell
/// are joined by `CSVWriter.list` (one per line within the cell).
public enum CheckCSVReport {
    public static let header = ["number", "indicator", "section", "standard", "level", "safety-critical", "verification",
                                "status", "engine status", "reasons", "to provide", "evidence used", "remediation"]

    public static func render(_ assessment: Assessment, wording: any Wording = EnglishWording()) -> String {
        CSVWriter.document(header: header, rows: assessment.indicators.map { row($0, wording: wording) })
    }

    static func row(_ result: IndicatorResult, wording: any Wording) -> [String] {
        [result.number, result.id, result.section, result.standard, result.level.rawValue, result.safetyCritical ? "yes" : "no",
         result.verification.rawValue, result.status.rawValue, result.automatedStatus?.rawValue ?? "",
         CSVWriter.list(result.reasons.map(wording.message)), CSVWriter.list(result.toProvide.map(wording.message)),
         CSVWriter.list(result.evidenceUsed), result.status == .met || result.status == .notApplicable ? "" : result.remediation]
    }
}

import Foundation
public import RespectAssessment
import RespectEvaluation
import RespectModel

/// How a batch row is written: a CSV record (RFC 4180, through `CSVWriter`) or one JSON line.
public enum BatchRowFormat {
    /// The CSV header. Columns are only ever added at the end, so a reader that takes them
    /// by position keeps working.
    public static let csvHeader = ["provider", "file", "outcome", "mandatory met", "mandatory applicable", "missing count",
                                   "safety-critical failures", "first reasons", "framework", "as of", "sha256",
                                   "registered number"]

    /// The CSV header record, ending with CRLF.
    public static var csvHeaderRecord: String { CSVWriter.record(csvHeader) }

    /// How many reasons (or errors) the CSV's "first reasons" column holds.
    public static let reasonsInCSV = 3

    /// One CSV record, ending with CRLF. Numbers are empty for a file that was not scored; the
    /// "first reasons" column then holds its first errors. Several failures or reasons in one
    /// cell are one per line (`CSVWriter.list`), a separator no reason can contain.
    public static func csvRecord(_ row: BatchRow, wording: any Wording = EnglishWording()) -> String {
        let reasons = row.outcome.isScored ? row.missing.prefix(reasonsInCSV).map(wording.batchEntry) : row.errors
        return CSVWriter.record([
            row.provider ?? "", row.file, row.outcome.rawValue,
            row.mandatoryMet.map(String.init) ?? "", row.mandatoryApplicable.map(String.init) ?? "",
            row.missingCount.map(String.init) ?? "", CSVWriter.list(row.safetyCriticalFailures),
            CSVWriter.list(Array(reasons.prefix(reasonsInCSV))), row.framework ?? "",
            row.asOf?.description ?? "", row.sha256 ?? "", row.registeredNumber ?? "",
        ])
    }

    /// One JSON object on one line, keys sorted, ending with LF: identical rows give identical
    /// bytes. Each reason and provision carries its `code`, figures and `message`.
    public static func jsonLine(_ row: BatchRow, wording: any Wording = EnglishWording()) throws -> String {
        String(decoding: try ResultCoding.encode(row, userInfo: [.resultWording: wording]), as: UTF8.self) + "\n"
    }
}

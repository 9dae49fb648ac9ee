public import RespectAssessment
import RespectEvaluation
import RespectModel

/// `respect validate`'s output: a line per valid file on standard output, the problems of each
/// invalid file for standard error, or one JSON array.
public enum ValidationReport {
    /// What a valid file holds, in words.
    public static func summary(_ summary: DocumentSummary) -> String {
        switch summary {
        case .framework(let reference, let indicators, let sections):
            return "\(reference), \(indicators) indicators in \(sections) sections"
        case .submission(let provider, let target, let items, let installed):
            return "\(provider), targets \(target.reference), \(items) evidence items"
                + (installed ? "" : " (edition not installed: vocabulary not checked)")
        case .crosswalk(let id, let source, let target, let standards):
            return "\(id), \(source) → \(target), \(standards) standards mapped"
        case .findings(let count, let subject):
            return "\(count) finding(s) on \(subject.description); `respect check --findings` applies them"
        case .tender(let reference, let accepts):
            return "\(reference), accepts \(accepts.map(\.reference).joined(separator: ", ")); `respect tender` checks it against those editions"
        }
    }

    /// "FILE: valid KIND (SUMMARY)" for a valid file.
    public static func validLine(_ result: DocumentValidation) -> String {
        "\(result.file): valid \(result.kind?.rawValue ?? "") (\(result.summary.map(summary) ?? ""))"
    }

    /// "FILE: invalid" and each problem, indented, for an invalid file.
    public static func problemLines(_ result: DocumentValidation) -> [String] {
        ["\(result.file): invalid"] + result.problems.map { "  " + $0.description }
    }

    /// One file's result in the JSON array.
    struct Entry: Encodable {
        var file: String
        var valid: Bool
        var kind: String?
        var summary: String?
        var problems: [String]
    }

    /// Every result as one JSON array (sorted keys).
    public static func json(_ results: [DocumentValidation]) throws -> String {
        try JSONReport.encode(results.map {
            Entry(file: $0.file, valid: $0.isValid, kind: $0.kind?.rawValue, summary: $0.summary.map(summary),
                  problems: $0.problems.map(\.description))
        })
    }
}

public import RespectAssessment
public import RespectEvaluation
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

    /// "FILE: invalid" and each problem, indented, for an invalid file: located errors, then
    /// each piece of evidence that will not count, with its line and the nearest valid value.
    public static func problemLines(_ result: DocumentValidation, wording: any Wording = EnglishWording()) -> [String] {
        ["\(result.file): invalid"] + problems(of: result, wording: wording).map { "  " + $0 }
    }

    /// Every problem of a file, located: errors, then what will not count.
    static func problems(of result: DocumentValidation, wording: any Wording) -> [String] {
        result.problems.map(\.description) + result.notCounted.map { notCountedLine($0, file: result.file, wording: wording) }
    }

    /// "FILE:LINE: will not count: MESSAGE".
    static func notCountedLine(_ warning: Warning, file: String, wording: any Wording) -> String {
        let place = warning.line.map { "\(warning.file ?? file):\($0)" } ?? (warning.file ?? file)
        return "\(place): will not count: " + wording.message(warning)
    }

    /// One file's result in the JSON array.
    struct Entry: Encodable {
        var file: String
        var valid: Bool
        var kind: String?
        var summary: String?
        var problems: [String]
        /// Typed, with `code`, figures, `line` and `message`.
        var notCounted: [Warning]
    }

    /// Every result as one JSON array (sorted keys).
    public static func json(_ results: [DocumentValidation], wording: any Wording = EnglishWording()) throws -> String {
        try JSONReport.encode(results.map {
            Entry(file: $0.file, valid: $0.isValid, kind: $0.kind?.rawValue, summary: $0.summary.map(summary),
                  problems: problems(of: $0, wording: wording), notCounted: $0.notCounted)
        }, wording: wording)
    }
}

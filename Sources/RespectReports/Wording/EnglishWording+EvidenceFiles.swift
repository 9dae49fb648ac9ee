public import RespectEvaluation

extension EnglishWording {
    /// What is wrong with a declared evidence file: "its file evidence/a.pdf is not in the
    /// evidence root". `declared`, when given, is the SHA-256 the submission declares.
    func evidenceFile(path: String, problem: EvidenceFileProblem, declared: String?) -> String {
        switch problem {
        case .missing:
            "its file \(path) is not in the evidence root"
        case .outsideRoot:
            "its file \(path) is outside the evidence root (an absolute path, a '..' or a link leading out); paths are relative to the evidence root"
        case .notARegularFile:
            "\(path) in the evidence root is not a regular file"
        case .unreadable:
            "its file \(path) cannot be read"
        case .different(let actual):
            "its file \(path) is another document: its SHA-256 is \(actual.prefix(12))…"
                + (declared.map { ", the submission declares \($0.prefix(12))…" } ?? ", not the one the submission declares")
        }
    }

    /// "88 of 91 declared evidence files confirmed in evidence/ (3 do not count)".
    public func evidenceFiles(_ summary: EvidenceFileSummary) -> String {
        let missing = summary.declared - summary.confirmed
        return "\(summary.confirmed) of \(summary.declared) declared evidence file\(summary.declared == 1 ? "" : "s") confirmed in \(summary.root)"
            + (missing > 0 ? " (\(missing) do\(missing == 1 ? "es" : "") not count; listed under evidence that will not count)" : "")
    }
}

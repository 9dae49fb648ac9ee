public import RespectEvaluation
import RespectModel

/// Renders what changed between two results: the outcome, indicators that moved, evidence
/// added, removed, replaced or expired.
public struct DiffTextReport {
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(wording: any Wording = EnglishWording()) {
        self.wording = wording
    }

    public func render(_ diff: AssessmentDiff) -> String {
        var out = TextBuffer()
        out.line("Changes from \(side(diff.old)) to \(side(diff.new))")
        if let warning = Self.organisationWarning(diff) {
            out.line("  Note: " + warning)
        } else if diff.old.provider != diff.new.provider {
            out.line("  Note: the same organisation under different names (\(diff.old.provider) / \(diff.new.provider))")
        }
        if diff.old.framework != diff.new.framework {
            out.line("  Note: different framework editions (\(diff.old.framework) / \(diff.new.framework))")
        }
        out.blank()
        if let change = diff.outcomeChange {
            out.line("OUTCOME: \(change.from.label) → \(change.to.label)  (\(change.from.verdict.rawValue) → \(change.to.verdict.rawValue))")
        } else {
            out.line("OUTCOME: unchanged, \(diff.new.outcome.label)")
        }
        out.blank()
        if diff.indicatorChanges.isEmpty {
            out.line("INDICATORS: no status changed")
        } else {
            out.line("INDICATORS THAT MOVED (\(diff.indicatorChanges.count))")
            let table = TextTable.render(header: ["Indicator", "Before", "Now"], rows: diff.indicatorChanges.map {
                ["\($0.number) \($0.id)", $0.from.map(wording.status) ?? "(not in framework)", $0.to.map(wording.status) ?? "(not in framework)"]
            })
            table.split(separator: "\n").forEach { out.line(String($0)) }
        }
        if !diff.findingsAdded.isEmpty || !diff.findingsRemoved.isEmpty {
            out.blank()
            out.line("ASSESSOR FINDINGS APPLIED")
            for entry in diff.findingsAdded { out.line("  + \(entry.kind.rawValue) \(entry.targetID): \(entry.decision.label) — \(entry.assessor), \(entry.date)") }
            for entry in diff.findingsRemoved { out.line("  - \(entry.kind.rawValue) \(entry.targetID): \(entry.decision.label) — \(entry.assessor), \(entry.date)") }
        }
        out.blank()
        guard diff.evidenceCompared else {
            out.line("EVIDENCE: not compared (a result has no evidence list)")
            return out.text
        }
        let none = diff.evidenceAdded.isEmpty && diff.evidenceRemoved.isEmpty && diff.evidenceReplaced.isEmpty && diff.evidenceExpired.isEmpty
        if none { out.line("EVIDENCE: no item added, removed, replaced or expired") }
        list("EVIDENCE ADDED", diff.evidenceAdded, sign: "+", &out)
        list("EVIDENCE REMOVED", diff.evidenceRemoved, sign: "-", &out)
        list("EVIDENCE REPLACED (same id, another document or date)", diff.evidenceReplaced, sign: "~", &out)
        if !diff.evidenceExpired.isEmpty {
            out.line("EVIDENCE THAT STOPPED COUNTING (too old or past review) (\(diff.evidenceExpired.count))")
            for item in diff.evidenceExpired { out.line("  ! \(item.id) '\(item.title)': \(item.why.map(wording.reasonCode).joined(separator: "; "))") }
        }
        return out.text
    }

    /// The warning a diff between two organisations carries, `nil` for one organisation:
    /// "different organisations: A (registered number 1) and B (registered number 2)".
    public static func organisationWarning(_ diff: AssessmentDiff) -> String? {
        guard !diff.organisation.same else { return nil }
        func name(_ side: AssessmentDiff.Side) -> String {
            "\(side.provider) (\(side.registeredNumber.map { "registered number \($0)" } ?? "no registered number"))"
        }
        let basis = diff.organisation.comparedBy == .name ? "; compared by name, as a registered number is missing" : ""
        return "different organisations: \(name(diff.old)) and \(name(diff.new))\(basis)"
    }

    private func side(_ side: AssessmentDiff.Side) -> String {
        let run = side.run.map { "run \($0): " } ?? ""
        return "\(run)\(side.file) (as of \(side.asOf), \(side.framework))"
    }

    private func list(_ title: String, _ items: [EvidenceItemSummary], sign: String, _ out: inout TextBuffer) {
        guard !items.isEmpty else { return }
        out.line("\(title) (\(items.count))")
        for item in items { out.line("  \(sign) \(item.id) [\(item.type), issued \(item.issued)] \(item.title)") }
    }
}

/// A plain table for command output: a title line, then padded columns.
public enum TextTable {
    /// Every column left-aligned and padded to its widest cell.
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.map { "  " + $0 + "\n" }.joined()
    }
}

public import RespectEvaluation
import RespectModel

/// Renders a tender comparison for a commissioner: unsafe bids first, then the comparison
/// table, then each bid's reasons with the engine's outcome underneath, then the wording of
/// every clause cited.
public struct TenderTextReport {
    public var style: TextStyle
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(style: TextStyle = .plain, wording: any Wording = EnglishWording()) {
        self.style = style
        self.wording = wording
    }

    public func render(_ result: TenderResult) -> String {
        var out = TextBuffer()
        header(result, &out)
        unsafe(result, &out)
        comparison(result, &out)
        out.blank()
        out.line(style.bold("BIDS"))
        for bid in result.bids { detail(bid, &out) }
        clauses(result, &out)
        out.blank()
        out.line(style.dim(wording.message(result.advisory)))
        return out.text
    }

    private func header(_ result: TenderResult, _ out: inout TextBuffer) {
        let tender = result.tender
        out.line(style.bold("Tender check (advisory): \(tender.reference)"))
        out.line("Tender:         \(tender.title)")
        out.line("Commissioner:   \(tender.commissioner)")
        out.line("File:           \(tender.file)")
        if let notice = tender.notice { out.line("Notice:         \(notice)") }
        out.line("Deadline:       \(tender.deadline): every bid's evidence is judged as of this date")
        if let start = tender.contractStart {
            out.line("Contract start: \(start)" + (tender.actionsDueByContractStart ? ": actions for unmet mandatory indicators must be due by then" : ""))
        }
        var accepts = [tender.frameworks.map(\.reference).joined(separator: ", "),
                       "outcome " + tender.acceptedOutcomes.map { $0.label.lowercased() }.joined(separator: " or ")]
        accepts += tender.sectionOutcomes.map { "section \($0.section) " + $0.accept.map { $0.label.lowercased() }.joined(separator: " or ") }
        out.line("Accepts:        " + accepts.joined(separator: "; "))
        for change in result.thresholdChanges {
            out.line("Threshold:      \(change.number) \(change.indicator): \(wording.thresholdChange(change))\(cite(change.clause))")
        }
        if !tender.ranking.isEmpty {
            out.line("Ranking:        " + tender.ranking.map { "\($0.label.isEmpty ? $0.id : $0.label) × \(number($0.weight))" }.joined(separator: "; "))
        }
    }

    private func unsafe(_ result: TenderResult, _ out: inout TextBuffer) {
        let unsafe = result.bids.filter(\.unsafe)
        guard !unsafe.isEmpty else { return }
        out.blank()
        out.line(style.red("UNSAFE BIDS (\(unsafe.count))") + ": a safety-critical indicator fails. Survivor safety comes first: these bids are never compliant, whatever their score.")
        for bid in unsafe {
            out.line("  ✗ \(name(bid)) (\(bid.file))")
            for failure in bid.safetyCriticalFailures { out.line("      \(failure.number) \(failure.id): \(failure.text)") }
        }
    }

    private func comparison(_ result: TenderResult, _ out: inout TextBuffer) {
        out.blank()
        out.line(style.bold("COMPARISON") + " (\(result.compliantCount) of \(result.bids.count) bid\(result.bids.count == 1 ? "" : "s") compliant)")
        let header = ["rank", "provider", "verdict", "outcome", "mandatory met", "score", "file"]
        let rows = result.bids.map { bid in
            [bid.rank.map(String.init) ?? "-", name(bid), verdict(bid), bid.outcome.map { $0.label.lowercased() } ?? "-",
             bid.mandatoryMet.map { "\($0) of \(bid.mandatoryApplicable ?? 0)" } ?? "-",
             bid.score.map { TenderCSVReport.decimal($0.total) } ?? "-", bid.file]
        }
        let rightAligned: Set<Int> = [0, 4, 5]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for (index, row) in ([header] + rows).enumerated() {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }
            var line = "  " + cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out.line(index == 0 ? style.dim(line) : line)
        }
    }

    private func detail(_ bid: TenderBidResult, _ out: inout TextBuffer) {
        out.blank()
        let rank = bid.rank.map { ", rank \($0)" } ?? ""
        let score = bid.score.map { ", score \(TenderCSVReport.decimal($0.total))" } ?? ""
        out.line("\(name(bid)): \(styledVerdict(bid))\(rank)\(score)")
        out.line("  File:    \(bid.file)" + (bid.target.map { " (targets \($0.reference))" } ?? ""))
        for reason in bid.reasons { out.line("  ✗ \(wording.message(reason))") }
        for problem in bid.problems where bid.assessment == nil { out.line("      \(problem)") }
        if let assessment = bid.assessment { engineOutcome(assessment, &out) }
        for section in bid.sections {
            out.line("  Section \(section.number) \(section.title): \(wording.sectionOutcome(section.outcome)) (\(wording.sectionDetail(section))); required: \(section.accept.map { $0.label.lowercased() }.joined(separator: " or "))\(cite(section.clause))")
        }
        if let score = bid.score, !score.criteria.isEmpty {
            let parts = score.criteria.map { "\($0.id) \($0.met)/\($0.applicable) (\(number($0.percent))%) × \(number($0.weight)) = \(TenderCSVReport.decimal($0.points))" }
            out.line("  Score:   " + parts.joined(separator: "; "))
        }
    }

    private func engineOutcome(_ a: Assessment, _ out: inout TextBuffer) {
        let t = a.totals
        out.line("  Engine outcome: \(a.outcome.label) (rule '\(a.outcome.id)'); mandatory met \(t.mandatoryMet) of \(t.mandatoryApplicable) applicable; desirable met \(t.desirableMet) of \(t.desirableApplicable); \(t.needsAssessor) await an assessor")
        for trial in a.outcome.rulesTried where !trial.matched {
            out.line("    Not '\(trial.label)', because:")
            for condition in trial.conditions where !condition.holds {
                out.line("      ✗ \(wording.message(condition))")
            }
        }
    }

    private func clauses(_ result: TenderResult, _ out: inout TextBuffer) {
        var cited: [String] = result.thresholdChanges.compactMap(\.clause)
        for bid in result.bids {
            cited += bid.reasons.compactMap(\.clause) + bid.sections.compactMap(\.clause)
        }
        let clauses = result.tender.clauses.filter { cited.contains($0.id) }
        guard !clauses.isEmpty else { return }
        out.blank()
        out.line(style.bold("CLAUSES CITED") + " (the tender's own wording)")
        for clause in clauses {
            out.line("  \(clause.id)\(clause.heading.map { " \($0)" } ?? ""): “\(clause.text)”")
        }
    }

    private func name(_ bid: TenderBidResult) -> String {
        bid.provider.isEmpty ? "(unreadable bid)" : bid.provider
    }

    private func verdict(_ bid: TenderBidResult) -> String {
        bid.unsafe ? "UNSAFE" : (bid.compliant ? "compliant" : "NOT COMPLIANT")
    }

    private func styledVerdict(_ bid: TenderBidResult) -> String {
        if bid.unsafe { return style.red("UNSAFE, NOT COMPLIANT") }
        return bid.compliant ? style.green("COMPLIANT") : style.red("NOT COMPLIANT")
    }

    private func cite(_ clause: String?) -> String {
        clause.map { " (clause \($0))" } ?? ""
    }

    /// A figure without a needless ".0": 40, 12.5.
    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

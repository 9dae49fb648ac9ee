import RespectEvaluation
import RespectModel

extension TextReport {
    /// The migration checklist of a submission re-assessed under a newer edition.
    func migration(_ a: Assessment, _ out: inout TextBuffer) {
        guard let checklist = a.migration else { return }
        out.blank()
        out.line(style.bold("MIGRATION CHECKLIST: \(checklist.from) → \(checklist.to)"))
        out.line("  Carried: \(checklist.count(.carried)); partly: \(checklist.count(.partly)); not covered: \(checklist.count(.notCovered)) (of \(checklist.items.count) applicable \(checklist.to) indicators)")
        for item in checklist.items {
            let mark: String
            switch item.carryOver {
            case .carried: mark = style.green("✓ " + wording.carryOver(item.carryOver))
            case .partly: mark = style.yellow("~ " + wording.carryOver(item.carryOver))
            case .notCovered: mark = style.red("✗ " + wording.carryOver(item.carryOver))
            }
            let origin = item.origin.isEmpty ? "new" : "from \(item.origin.joined(separator: " + ")) (\(wording.relation(item.relation)))"
            out.line("  \(mark)  \(item.indicator.number) \(item.indicator.id) — \(origin)")
            for required in item.newlyRequired { out.line("      \(wording.message(required))") }
        }
        if !checklist.dropped.isEmpty {
            out.line("  Dropped in \(checklist.to) (evidence linked only to these no longer counts): " + checklist.dropped.map(\.id).joined(separator: ", "))
        }
    }

    /// The provider's status on another framework's standards, through a crosswalk.
    func crosswalk(_ a: Assessment, _ out: inout TextBuffer) {
        guard let coverage = a.crosswalk else { return }
        out.blank()
        out.line(style.bold("CROSSWALK: \(coverage.target) (\(coverage.targetTitle))"))
        out.line(style.dim("  \(coverage.notice)"))
        let rows = coverage.standards.map { standard in
            ["\(standard.number) \(standard.title)", String(standard.met), String(standard.partlyMet),
             String(standard.notMet), String(standard.notApplicable), Self.basis(standard.provenance)]
        }
        out.table(header: ["Standard", "Met", "Partly", "Not met", "N/A", "Standard's basis"], rows: rows)
        out.line(style.dim("  Met includes indicators whose paper evidence is complete and which await an assessor."))
        for standard in coverage.standards where !standard.indicators.isEmpty {
            out.line("  \(standard.number) \(standard.title) [\(wording.provenance(standard.provenance))]:")
            for line in standard.indicators {
                out.line("      \(wording.status(line.status)): \(line.indicator.number) \(line.indicator.id)\(line.fit == .partial ? " (partial fit)" : "")")
            }
        }
    }

    /// "sourced, medium", "modelled": a target standard's basis and confidence, for a table cell.
    static func basis(_ provenance: Provenance?) -> String {
        guard let provenance else { return "modelled" }
        return provenance.basis.rawValue + (provenance.confidence.map { ", \($0.rawValue)" } ?? "")
    }
}

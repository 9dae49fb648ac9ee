import RespectEvaluation
import RespectModel

extension TextReport {
    /// The assessor's findings: the outcome by the engine alone beside the outcome with them,
    /// each applied finding with the engine's view and what changed, then expired and unused ones.
    func findings(_ a: Assessment, _ out: inout TextBuffer) {
        guard let findings = a.findings else { return }
        out.blank()
        out.line(style.bold("ASSESSOR FINDINGS") + " (\(findings.applied.count) applied, \(findings.expired.count) expired, \(findings.notApplied.count) not applied)")
        let automated = findings.automatedOutcome
        let safetyCritical = Set(a.indicators.filter(\.safetyCritical).map(\.id))
        let moved = automated.id == a.outcome.id ? "unchanged" : "changed"
        out.line("  Outcome by the engine alone: \(automated.label); with the findings: \(a.outcome.label) (\(moved))")
        for file in findings.files where !file.matched {
            out.line("  Ignored \(file.file): about \(wording.findingsSubject(file.subject)), not this submission")
        }
        for entry in findings.applied {
            out.line("  \(mark(entry.decision)) \(entry.kind.rawValue) \(entry.targetID): engine: \(wording.message(entry.automated)) → assessor: \(entry.decision.label)")
            details(entry, &out)
            for change in entry.changes {
                out.line("      now \(change.number) \(change.id): \(change.from.map(wording.status) ?? "—") → \(change.to.map(wording.status) ?? "—")")
                if safetyCritical.contains(change.id), change.from?.isUnmet == true, change.to?.isUnmet == false {
                    out.line("      " + style.red("⚠ safety-critical:") + " the engine found this indicator \(change.from.map(wording.status) ?? ""); only the assessor's decision makes it \(change.to.map(wording.status) ?? "")")
                }
            }
        }
        if !findings.expired.isEmpty {
            out.line("  Expired (no longer applied):")
            for entry in findings.expired {
                out.line("    - \(entry.kind.rawValue) \(entry.targetID): \(entry.decision.label), expired \(entry.expires.map(\.description) ?? "") [\(entry.location)]")
            }
        }
        if !findings.notApplied.isEmpty {
            out.line("  Not applied:")
            for entry in findings.notApplied {
                out.line("    - \(entry.kind.rawValue) \(entry.targetID): \(entry.decision.label) — \(wording.findingState(entry.state)) [\(entry.location)]")
            }
        }
    }

    private func details(_ entry: FindingEntry, _ out: inout TextBuffer) {
        let expiry = entry.expires.map { ", until \($0)" } ?? ""
        out.line("      “\(entry.reason)” — \(entry.assessor), \(entry.date)\(expiry) [\(entry.location)]")
    }

    private func mark(_ decision: FindingDecision) -> String {
        switch decision {
        case .accepted: "✓"
        case .rejected: "✗"
        case .needsSiteVisit: "?"
        }
    }

    /// "; assessor: rejected; engine: met" when findings changed or decided an indicator.
    func assessorNote(_ result: IndicatorResult?) -> String {
        guard let result, let automated = result.automatedStatus else { return "" }
        let decision = result.assessorDecision.map { "assessor: \($0.decision.label)" } ?? "after assessor findings"
        return "; \(decision); engine: \(wording.status(automated))"
    }
}

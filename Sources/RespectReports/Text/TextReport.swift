public import RespectEvaluation
import RespectModel

/// Renders an assessment for a service manager: the outcome first, then what is missing,
/// section by section, then detail.
public struct TextReport {
    public var style: TextStyle
    /// Include every indicator's status, not only the unmet ones.
    public var includeAllIndicators: Bool
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(style: TextStyle = .plain, includeAllIndicators: Bool = false, wording: any Wording = EnglishWording()) {
        self.style = style
        self.includeAllIndicators = includeAllIndicators
        self.wording = wording
    }

    public func render(_ assessment: Assessment) -> String {
        var out = TextBuffer()
        header(assessment, &out)
        notCounted(assessment, &out)
        gates(assessment, &out)
        safety(assessment, &out)
        outcome(assessment, &out)
        findings(assessment, &out)
        sections(assessment, &out)
        missing(assessment, &out)
        assessorList(assessment, &out)
        if includeAllIndicators { indicators(assessment, &out) }
        migration(assessment, &out)
        crosswalk(assessment, &out)
        warnings(assessment, &out)
        out.blank()
        out.line(style.dim(wording.message(assessment.advisory)))
        return out.text
    }

    private func header(_ a: Assessment, _ out: inout TextBuffer) {
        let provider = a.submission.provider
        var identity = [provider.name]
        if let charity = provider.charityNumber { identity.append("charity \(charity)") }
        if let company = provider.companyNumber { identity.append("company \(company)") }
        if let region = provider.region { identity.append(region) }
        out.line(style.bold("Respect Standard self-assessment (advisory)"))
        out.line("Provider:   " + identity.joined(separator: ", "))
        out.line("Submission: \(a.submission.file) (\(a.submission.evidenceItems) evidence items, \(a.submission.actionPlanEntries) actions)")
        out.line("Framework:  \(a.framework.title) [\(a.framework.id)@\(a.framework.edition), encoding revision \(a.framework.revision)]")
        if let successor = a.framework.supersededBy {
            out.line("            " + style.yellow("SUPERSEDED") + " by edition \(successor)")
        }
        out.line("As of:      \(a.asOf)")
        out.line("Services:   " + a.submission.services.map { "\($0.serviceType) (\($0.riskLevels.joined(separator: ", ")))" }.joined(separator: "; "))
        out.line("Criteria:   " + wording.criteriaBasis(a))
    }

    /// The framework's preconditions (e.g. membership), checked before any indicator counts.
    private func gates(_ a: Assessment, _ out: inout TextBuffer) {
        guard let gates = a.gates, !gates.isEmpty else { return }
        out.blank()
        out.line(style.bold("BEFORE APPLYING") + ": preconditions checked before any indicator is scored")
        for gate in gates {
            guard !gate.passed else {
                out.line("  ✓ \(gate.number) \(gate.id): \(gate.result.text)")
                continue
            }
            out.line("  " + style.red("✗") + " \(gate.number) \(gate.id): \(gate.result.text)")
            out.line("      " + style.red(gate.message))
            for provide in gate.result.toProvide { out.line("      Provide: \(wording.message(provide))") }
            for why in gate.result.reasons { out.line("      Why:     \(wording.message(why))") }
            out.line("      Hint:    \(gate.result.remediation)")
        }
    }

    private func safety(_ a: Assessment, _ out: inout TextBuffer) {
        guard !a.safetyCriticalFailures.isEmpty else { return }
        out.blank()
        out.line(style.red("SAFETY-CRITICAL FAILURES (\(a.safetyCriticalFailures.count))") + ": survivor safety comes first; no positive verdict is possible until these are met.")
        let byID = Dictionary(uniqueKeysWithValues: a.indicators.map { ($0.id, $0) })
        for failure in a.safetyCriticalFailures {
            out.line("  ✗ \(failure.number) \(failure.id): \(failure.text)")
            for reason in byID[failure.id]?.reasons ?? [] { out.line("      - \(wording.message(reason))") }
        }
    }

    private func outcome(_ a: Assessment, _ out: inout TextBuffer) {
        out.blank()
        let verdict: String
        switch a.outcome.verdict {
        case .achieved: verdict = style.green(a.outcome.label.uppercased())
        case .workingTowards: verdict = style.yellow(a.outcome.label.uppercased())
        case .notYet: verdict = style.red(a.outcome.label.uppercased())
        }
        out.line("OUTCOME: \(verdict)  (rule '\(a.outcome.id)', verdict \(a.outcome.verdict.rawValue))")
        let t = a.totals
        out.line("  Mandatory met: \(t.mandatoryMet) of \(t.mandatoryApplicable) applicable; desirable met: \(t.desirableMet) of \(t.desirableApplicable); needs assessor: \(t.needsAssessor); not applicable: \(t.notApplicable)")
        if let gate = a.outcome.failedGate {
            out.line("  Decided by a precondition: " + wording.gateFailure(gate))
        }
        for trial in a.outcome.rulesTried {
            out.line(trial.matched ? "  Decided by '\(trial.label)':" : "  Not '\(trial.label)', because:")
            let shown = trial.matched ? trial.conditions : trial.conditions.filter { !$0.holds }
            if trial.matched && shown.isEmpty { out.line("    (no conditions: the fallback outcome)") }
            for condition in shown {
                out.line("    \(condition.holds ? "✓" : "✗") \(wording.message(condition))")
            }
        }
    }

    private func sections(_ a: Assessment, _ out: inout TextBuffer) {
        out.blank()
        out.line(style.bold("SECTIONS"))
        let rows = a.sections.map { section -> [String] in
            let c = section.counts
            return ["\(section.number) \(section.title)", "\(c.mandatoryMet)/\(c.mandatoryApplicable)",
                    "\(c.desirableMet)/\(c.desirableApplicable)", String(c.met), String(c.partlyMet),
                    String(c.notMet), String(c.needsAssessor), String(c.notApplicable)]
        }
        out.table(header: ["Section", "Mandatory", "Desirable", "Met", "Partly", "Not met", "Assessor", "N/A"], rows: rows)
    }

    private func missing(_ a: Assessment, _ out: inout TextBuffer) {
        out.blank()
        let count = a.missingEvidence.reduce(0) { $0 + $1.items.count }
        guard count > 0 else {
            out.line(style.bold("WHAT IS MISSING: nothing") + " — every applicable indicator is met or awaits an assessor.")
            return
        }
        out.line(style.bold("WHAT IS MISSING (\(count) indicator\(count == 1 ? "" : "s"))"))
        let byID = Dictionary(a.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for group in a.missingEvidence {
            out.blank()
            out.line(style.bold("\(group.sectionNumber) \(group.sectionTitle)"))
            for item in group.items {
                let tag = item.safetyCritical ? style.red("[SAFETY-CRITICAL]") : (item.level == .mandatory ? "[mandatory]" : "[desirable]")
                out.line("  \(tag) \(item.indicator.number) \(item.indicator.id) (\(wording.status(item.status))\(assessorNote(byID[item.indicator.id]))): \(item.indicator.text)")
                for provide in item.toProvide { out.line("      Provide: \(wording.message(provide))") }
                for why in item.why { out.line("      Why:     \(wording.message(why))") }
                if !item.unlinkedCandidates.isEmpty {
                    out.line("      Note:    " + wording.unlinkedNote(item.unlinkedCandidates))
                }
                out.line("      Hint:    \(item.remediation)")
                out.line("      Basis:   " + wording.provenance(item.provenance))
                if let action = item.plannedAction {
                    out.line("      Planned: \(action.action) — \(action.owner), due \(action.due)")
                }
            }
        }
    }

    private func assessorList(_ a: Assessment, _ out: inout TextBuffer) {
        guard !a.forAssessor.isEmpty else { return }
        out.blank()
        out.line(style.bold("FOR THE ASSESSOR (\(a.forAssessor.count))") + ": paper evidence in place; a site visit, case-file sample or interviews must confirm")
        for item in a.forAssessor { out.line("  ? \(item.number) \(item.id): \(item.text)") }
    }

    private func indicators(_ a: Assessment, _ out: inout TextBuffer) {
        out.blank()
        out.line(style.bold("ALL INDICATORS"))
        for result in a.indicators {
            let used = result.evidenceUsed.isEmpty ? "" : " [evidence: \(result.evidenceUsed.joined(separator: ", "))]"
            let note = assessorNote(result)
            let basis = result.provenance?.basis.rawValue ?? Provenance.Basis.modelled.rawValue
            out.line("  \(result.number) \(result.id): \(wording.status(result.status))\(note.isEmpty ? "" : " (" + note.dropFirst(2) + ")") [\(basis)]\(used)")
            if result.status != .met {
                for reason in result.reasons { out.line("      - \(wording.message(reason))") }
            }
        }
    }

    /// What counts for nothing (a misspelt evidence type, a link to an id that is not an
    /// indicator, a fact without its unit…): first, before the outcome, because the outcome is
    /// worked out without it.
    private func notCounted(_ a: Assessment, _ out: inout TextBuffer) {
        let notCounted = a.warnings.filter(\.meansEvidenceWillNotCount)
        guard !notCounted.isEmpty else { return }
        out.blank()
        out.line(style.yellow("EVIDENCE THAT WILL NOT COUNT (\(notCounted.count))") + ": the outcome below is worked out without it; correct the file and check again.")
        for warning in notCounted {
            out.line("  ! " + wording.location(warning) + wording.message(warning))
        }
    }

    private func warnings(_ a: Assessment, _ out: inout TextBuffer) {
        guard !a.warnings.isEmpty else { return }
        out.blank()
        out.line(style.yellow("WARNINGS (\(a.warnings.count))"))
        for warning in a.warnings {
            out.line("  ! " + wording.location(warning) + wording.message(warning))
        }
    }
}

public import RespectEvaluation
import RespectModel

/// Renders an assessment for a service manager: the outcome in plain words first (after any
/// evidence that will not count), the safety-critical failures, what to do next, how the
/// outcome was decided, then what is missing in the order that lifts the verdict, then detail.
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
        headline(assessment, &out)
        gates(assessment, &out)
        safety(assessment, &out)
        planSummary(assessment, &out)
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
        out.wrapped(wording.message(assessment.advisory), first: "", rest: "")
        return out.text
    }

    func header(_ a: Assessment, _ out: inout TextBuffer) {
        let provider = a.submission.provider
        var identity = [provider.name]
        if let charity = provider.charityNumber { identity.append("charity \(charity)") }
        if let company = provider.companyNumber { identity.append("company \(company)") }
        if let region = provider.region { identity.append(region) }
        out.line(style.bold("Respect Standard self-assessment (advisory)"))
        out.line("Provider:   " + identity.joined(separator: ", "))
        out.line("Submission: \(a.submission.file) (\(a.submission.evidenceItems) evidence items, \(a.submission.actionPlanEntries) actions)")
        out.wrapped("\(a.framework.title) [\(a.framework.id)@\(a.framework.edition), encoding revision \(a.framework.revision)]",
                    first: "Framework:  ", rest: "            ")
        if let successor = a.framework.supersededBy {
            out.line("            " + style.yellow("SUPERSEDED") + " by edition \(successor)")
        }
        out.line("As of:      \(a.asOf)")
        if let files = a.evidenceFiles { out.line("Files:      " + wording.evidenceFiles(files)) }
        out.wrapped(wording.services(a.submission.offered ?? []), first: "Services:   ", rest: "            ")
        out.wrapped(wording.criteriaBasis(a), first: "Criteria:   ", rest: "            ")
    }

    /// The verdict in plain words, what stands between it and the next one (or what decided
    /// it), and the figures; the engine's ids last.
    func headline(_ a: Assessment, _ out: inout TextBuffer) {
        out.blank()
        out.line("OUTCOME: " + verdictWords(a.outcome))
        if let gate = a.outcome.failedGate {
            out.wrapped(wording.gateFailure(gate), first: "  Decided by a precondition: ", rest: "    ")
        }
        for condition in a.headlineConditions {
            out.wrapped(wording.conditionState(condition, limit: 12), first: "  " + (condition.holds ? "✓ " : "✗ "), rest: "    ")
        }
        let t = a.totals
        out.wrapped("\(t.mandatoryMet) of \(t.mandatoryApplicable) mandatory met · \(t.desirableMet) of \(t.desirableApplicable) desirable met · \(t.needsAssessor) awaiting an assessor · \(t.notApplicable) not applicable",
                    first: "  ", rest: "    ")
        out.line(style.dim("  (" + wording.verdictIDs(a.outcome) + ")"))
    }

    /// The verdict label, upper case and coloured on a terminal.
    func verdictWords(_ outcome: OutcomeDecision) -> String {
        let words = wording.verdictHeadline(outcome).uppercased()
        switch outcome.verdict {
        case .achieved: return style.green(words)
        case .workingTowards: return style.yellow(words)
        case .notYet: return style.red(words)
        }
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
            out.wrapped(gate.message, first: "      ", rest: "      ")
            for provide in gate.result.toProvide { out.wrapped(wording.message(provide), first: "      Provide: ", rest: "               ") }
            for why in gate.result.reasons { out.wrapped(wording.message(why), first: "      Why:     ", rest: "               ") }
            out.wrapped(gate.result.remediation, first: "      Hint:    ", rest: "               ")
        }
    }

    private func safety(_ a: Assessment, _ out: inout TextBuffer) {
        guard !a.safetyCriticalFailures.isEmpty else { return }
        out.blank()
        out.wrapped("survivor safety comes first; no positive verdict is possible until these are met.",
                    first: style.red("SAFETY-CRITICAL FAILURES (\(a.safetyCriticalFailures.count))") + ": ", rest: "  ")
        let byID = positions(a)
        for failure in a.safetyCriticalFailures {
            out.wrapped("\(failure.number) \(failure.id): \(failure.text)", first: "  ✗ ", rest: "      ")
            for reason in byID[failure.id].map({ a.indicators[$0].reasons }) ?? [] {
                out.wrapped(wording.message(reason), first: "      - ", rest: "        ")
            }
        }
    }

    /// Each outcome rule tried, in the framework's order: what the submission lacks for those
    /// it did not reach, what decided the one it did.
    private func outcome(_ a: Assessment, _ out: inout TextBuffer) {
        out.blank()
        out.line(style.bold("HOW THE OUTCOME WAS DECIDED") + " (the first rule whose conditions all hold)")
        for trial in a.outcome.rulesTried {
            out.line(trial.matched ? "  “\(trial.label)”: reached" + (trial.conditions.isEmpty ? ", as no rule above it holds" : ":")
                                   : "  “\(trial.label)”: not reached:")
            let shown = trial.matched ? trial.conditions : trial.conditions.filter { !$0.holds }
            for condition in shown {
                out.wrapped(wording.conditionState(condition, limit: 12), first: "    \(condition.holds ? "✓" : "✗") ", rest: "      ")
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

    /// The missing-evidence list in the order that lifts the verdict: what each plan step needs,
    /// then the rest by section.
    private func missing(_ a: Assessment, _ out: inout TextBuffer) {
        out.blank()
        let count = a.missingEvidence.reduce(0) { $0 + $1.items.count }
        guard count > 0 else {
            out.line(style.bold("WHAT IS MISSING: nothing") + " — every applicable indicator is met or awaits an assessor.")
            return
        }
        out.line(style.bold("WHAT IS MISSING (\(count) indicator\(count == 1 ? "" : "s"))") + ", in the order that lifts the verdict")
        let byID = positions(a)
        for group in a.missingInPlanOrder {
            out.blank()
            switch group.kind {
            case .step(let number, let step): out.line(style.bold(wording.missingHeading(step: step, number: number)))
            case .section(let number, let title, let afterPlan):
                out.line(style.bold(wording.missingHeading(sectionNumber: number, title: title, afterPlan: afterPlan)))
            }
            for item in group.items {
                let tag = item.safetyCritical ? style.red("[SAFETY-CRITICAL]") : (item.level == .mandatory ? "[mandatory]" : "[desirable]")
                out.wrapped("\(item.indicator.number) \(item.indicator.id) (\(wording.status(item.status))\(assessorNote(byID[item.indicator.id].map { a.indicators[$0] }))): \(item.indicator.text)",
                            first: "  \(tag) ", rest: "      ")
                for provide in item.toProvide { out.wrapped(wording.message(provide), first: "      Provide: ", rest: "               ") }
                for why in item.why { out.wrapped(wording.message(why), first: "      Why:     ", rest: "               ") }
                if !item.unlinkedCandidates.isEmpty {
                    out.wrapped(wording.unlinkedNote(item.unlinkedCandidates, mustShow: item.indicator.text), first: "      Note:    ", rest: "               ")
                }
                out.wrapped(item.remediation, first: "      Hint:    ", rest: "               ")
                out.line("      Basis:   " + wording.provenance(item.provenance))
                if let action = item.plannedAction {
                    out.wrapped("\(action.action) — \(action.owner), due \(action.due)", first: "      Planned: ", rest: "               ")
                }
            }
        }
    }

    private func assessorList(_ a: Assessment, _ out: inout TextBuffer) {
        guard !a.forAssessor.isEmpty else { return }
        out.blank()
        out.wrapped("paper evidence in place; an assessor must confirm (site visit, case-file sample, interviews, or the document behind a stated fact)",
                    first: style.bold("FOR THE ASSESSOR (\(a.forAssessor.count))") + ": ", rest: "  ")
        let byID = positions(a)
        for item in a.forAssessor {
            out.wrapped("\(item.number) \(item.id): \(item.text)", first: "  ? ", rest: "      ")
            // Why it waits, when it is not only the verification mode: a fact without a source.
            for reason in byID[item.id].map({ a.indicators[$0].reasons }) ?? [] where reason.kind == .factNotBacked {
                out.wrapped(wording.message(reason), first: "      - ", rest: "        ")
            }
        }
    }

    /// Where each indicator's result is in `a.indicators` (the first, should an id repeat):
    /// copying every result into a dictionary, three times a report, was a tenth of its time.
    private func positions(_ a: Assessment) -> [String: Int] {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(a.indicators.count)
        for index in a.indicators.indices where byID[a.indicators[index].id] == nil {
            byID[a.indicators[index].id] = index
        }
        return byID
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
        out.wrapped("the outcome below is worked out without it; correct the file and check again.",
                    first: style.yellow("EVIDENCE THAT WILL NOT COUNT (\(notCounted.count))") + ": ", rest: "  ")
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

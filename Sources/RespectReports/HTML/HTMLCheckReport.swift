public import RespectEvaluation
import RespectModel

/// Renders an assessment as one self-contained HTML5 page for a service manager to read, print
/// or send to their board: the notices, any safety-critical failures, the outcome and the rule
/// that decided it, section figures, a printable missing-evidence checklist, the assessor's
/// list, every indicator's status, warnings and the inputs with their SHA-256.
///
/// Inline CSS only, no scripts, no external assets; every input string is escaped; the same
/// assessment always gives the same bytes.
public struct HTMLCheckReport: Sendable {
    /// Include the per-indicator table (every indicator, grouped by section).
    public var includeIndicatorDetail: Bool
    /// How many unlinked candidate items a checklist entry names before "and N more".
    public var maxCandidatesShown: Int
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(includeIndicatorDetail: Bool = true, maxCandidatesShown: Int = 5, wording: any Wording = EnglishWording()) {
        self.includeIndicatorDetail = includeIndicatorDetail
        self.maxCandidatesShown = max(1, maxCandidatesShown)
        self.wording = wording
    }

    /// The whole HTML document.
    public func render(_ assessment: Assessment) -> String {
        let a = assessment
        var page = HTMLPage(title: "Respect Standard self-assessment (advisory): \(a.submission.provider.name)")
        page.header = header(a)
        if a.warnings.contains(where: \.meansEvidenceWillNotCount) { page.append(notCounted(a)) }
        if let gates = a.gates, !gates.isEmpty { page.append(gateSection(gates)) }
        if !a.safetyCriticalFailures.isEmpty { page.append(safetyBanner(a)) }
        page.append(outcome(a))
        if a.findings != nil { page.append(findingsSection(a)) }
        page.append(sectionSummary(a))
        page.append(checklist(a))
        page.append(assessorList(a))
        if includeIndicatorDetail { page.append(indicatorDetail(a)) }
        page.append(migration(a))
        page.append(crosswalk(a))
        page.append(warnings(a))
        page.append(inputs(a))
        page.footer = [
            .element("p", text: wording.message(a.advisory)),
            .element("p", class: "muted", text: "Respect Standard self-assessment engine \(a.engineVersion); framework \(a.framework.id)@\(a.framework.edition), encoding revision \(a.framework.revision); as of \(a.asOf)."),
        ]
        return page.render()
    }

    // MARK: - 1. Title and notices

    private func header(_ a: Assessment) -> [HTMLNode] {
        let provider = a.submission.provider
        var identity: [String] = []
        if let charity = provider.charityNumber { identity.append("Charity \(charity)") }
        if let company = provider.companyNumber { identity.append("Company \(company)") }
        if let region = provider.region { identity.append(region) }
        identity.append("as of \(a.asOf)")
        var nodes: [HTMLNode] = [
            .element("p", class: "kicker", text: "Respect Standard self-assessment · advisory report"),
            .element("h1", text: "Self-assessment: \(provider.name)"),
            .element("p", class: "subtitle", text: identity.joined(separator: " · ")),
            .element("p", class: "subtitle", [.element("strong", text: "Services: "), .text(services(a))]),
            .element("p", class: "advisory", [.element("strong", text: "Advisory only. "), .text(wording.message(a.advisory))]),
            .element("p", class: "notice", [.element("strong", text: "About the framework (\(a.framework.title)): "), .text(wording.frameworkNotice(a.framework))]),
            .element("p", class: "notice", [.element("strong", text: "Sourced and modelled: "), .text(wording.criteriaBasis(a))]),
        ]
        if let successor = a.framework.supersededBy {
            nodes.append(.element("p", class: "notice", [.element("strong", text: "Superseded: "),
                                                         .text("this framework edition is superseded by edition \(successor).")]))
        }
        return nodes
    }

    func services(_ a: Assessment) -> String {
        let services = a.submission.services.map { "\($0.serviceType) (\($0.riskLevels.joined(separator: ", ")))" }
        return services.isEmpty ? "none declared" : services.joined(separator: "; ")
    }

    // MARK: - 2. Preconditions and safety-critical failures

    /// The framework's gates (e.g. membership), checked before any indicator is scored.
    private func gateSection(_ gates: [GateResult]) -> HTMLNode {
        let items = gates.map { gate -> HTMLNode in
            var parts: [HTMLNode] = [
                .element("strong", text: (gate.passed ? "✓ " : "✗ ") + "\(gate.number) "), .element("code", text: gate.id), ": ",
                .text(gate.result.text), " ", HTMLBadge.status(gate.result.status, wording: wording),
            ]
            if !gate.passed {
                parts.append(.element("p", [.element("strong", text: gate.message)]))
                parts.append(.element("ul", gate.result.reasons.map { .element("li", text: wording.message($0)) }
                    + [.element("li", text: gate.result.remediation)]))
            }
            return .element("li", parts)
        }
        return HTMLPage.section(id: "gates", heading: "Before applying", [
            .element("p", text: "Preconditions checked before any indicator is scored; they count in no figure."),
            .element("ul", items),
        ])
    }

    private func safetyBanner(_ a: Assessment) -> HTMLNode {
        let byID = indicatorsByID(a)
        let items = a.safetyCriticalFailures.map { failure -> HTMLNode in
            let reasons = byID[failure.id]?.reasons ?? []
            return .element("li", [
                .element("strong", text: "✗ \(failure.number) "), .element("code", text: failure.id), ": ", .text(failure.text),
                " ", byID[failure.id].map { HTMLBadge.status($0.status, wording: wording) } ?? .empty,
                reasons.isEmpty ? .empty : .element("ul", reasons.map { .element("li", text: wording.message($0)) }),
            ])
        }
        let count = a.safetyCriticalFailures.count
        return HTMLPage.section(id: "safety", heading: "⚠ Safety-critical \(count == 1 ? "failure" : "failures") (\(count))", class: "safety", [
            .element("p", [.element("strong", text: "Survivor safety comes first."),
                           .text(" No positive verdict is possible until \(count == 1 ? "this indicator is" : "these indicators are") met, whatever the other figures show.")]),
            .element("ul", items),
        ])
    }

    // MARK: - 3. Outcome

    private func outcome(_ a: Assessment) -> HTMLNode {
        let decision = a.outcome
        var box: [HTMLNode] = [
            .element("p", class: "verdict-label", [.element("span", attributes: [HTMLAttribute("aria-hidden", "true")], text: HTMLBadge.glyph(decision.verdict) + " "),
                                                   .text(decision.label)]),
            .element("p", ["Verdict: ", .element("strong", text: decision.verdict.label.lowercased()), " (decided by the rule ", .element("code", text: decision.id), ")."]),
        ]
        if let description = decision.description { box.append(.element("p", text: description)) }
        if let gate = decision.failedGate {
            box.append(.element("p", [.element("strong", text: "Decided by a precondition: "), .text(wording.gateFailure(gate))]))
        }
        if !a.safetyCriticalFailures.isEmpty {
            box.append(.element("p", [.element("strong", text: "Blocked by safety: "),
                                      "\(plural(a.safetyCriticalFailures.count, "safety-critical indicator")) not met (listed above)."]))
        } else {
            box.append(.element("p", text: "No safety-critical indicator fails."))
        }
        let t = a.totals
        let figures: [HTMLNode] = [
            figure("\(t.mandatoryMet) of \(t.mandatoryApplicable)", "mandatory indicators met"),
            figure("\(t.desirableMet) of \(t.desirableApplicable)", "desirable indicators met"),
            figure(String(t.needsAssessor), "need an assessor"),
            figure(String(t.notApplicable), "not applicable"),
        ]
        var content: [HTMLNode] = [
            .element("div", class: HTMLBadge.verdictClass(decision.verdict), box),
            .element("ul", class: "figures", figures),
            .element("p", class: "muted", text: "Indicators that need an assessor count as provisionally met in these figures and in the rules below; only an assessor can confirm them."),
            .element("p", text: "The outcome is the first rule, in the framework's order, whose conditions all hold. The rules tried:"),
        ]
        for (index, trial) in decision.rulesTried.enumerated() {
            content.append(ruleTrial(trial, index: index + 1))
        }
        return HTMLPage.section(id: "outcome", heading: "Outcome", content)
    }

    private func ruleTrial(_ trial: OutcomeTrial, index: Int) -> HTMLNode {
        let result = trial.matched ? "matched: this rule decided the outcome" : "not matched"
        let heading = HTMLNode.element("h3", text: "Rule \(index): \(trial.label) — \(result)")
        guard !trial.conditions.isEmpty else {
            return .fragment([heading, .element("p", text: "No conditions: the fallback outcome, used when no rule before it matches.")])
        }
        let items = trial.conditions.map { condition in
            HTMLNode.element("li", class: condition.holds ? "holds" : "fails", [
                HTMLBadge.condition(holds: condition.holds), " ", .text(wording.conditionRule(condition)),
                .element("span", class: "condition-detail", text: wording.conditionDetail(condition)),
            ])
        }
        return .fragment([heading, .element("ul", class: "conditions", items)])
    }

    private func figure(_ value: String, _ words: String) -> HTMLNode {
        .element("li", [.element("strong", text: value), .text(" " + words)])
    }

    // MARK: - 4. Section summary

    private func sectionSummary(_ a: Assessment) -> HTMLNode {
        var table = HTMLTable(caption: "Indicator statuses by section", columns: [
            .init("Section"), .init("Mandatory met / applicable", numeric: true), .init("Desirable met / applicable", numeric: true),
            .init("Met", numeric: true), .init("Partly met", numeric: true), .init("Not met", numeric: true),
            .init("Needs assessor", numeric: true), .init("Not applicable", numeric: true),
        ], className: "summary")
        for section in a.sections {
            table.addRow(.text("\(section.number) \(section.title)"), counts(section.counts))
        }
        table.addFooterRow("All sections", counts(a.totals))
        return HTMLPage.section(id: "sections", heading: "Sections", [
            table.node,
            .element("p", class: "muted", text: "Met / applicable figures count indicators that need an assessor as provisionally met."),
        ])
    }

    private func counts(_ c: StatusCounts) -> [HTMLNode] {
        ["\(c.mandatoryMet) / \(c.mandatoryApplicable)", "\(c.desirableMet) / \(c.desirableApplicable)",
         "\(c.met)", "\(c.partlyMet)", "\(c.notMet)", "\(c.needsAssessor)", "\(c.notApplicable)"].map { .text($0) }
    }

    // MARK: - Helpers

    func indicatorsByID(_ a: Assessment) -> [String: IndicatorResult] {
        Dictionary(a.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : (pluralForm ?? singular + "s"))
    }

    static func definitionList(_ pairs: [(String, HTMLNode)], class className: String) -> HTMLNode {
        .element("dl", class: className, pairs.flatMap { [HTMLNode.element("dt", text: $0.0), .element("dd", [$0.1])] })
    }
}

public import RespectEvaluation
import RespectModel

/// Renders an assessment as one self-contained HTML5 page for a service manager to read, print
/// or send to their board: the verdict in plain words and why (on the first screen), any
/// safety-critical failures, what to do next, how the outcome was decided, section figures, a
/// printable missing-evidence checklist in the order that lifts the verdict, the assessor's
/// list, every indicator's status, warnings and the inputs with their SHA-256.
///
/// Inline CSS only, no scripts, no external assets; every input string is escaped; the same
/// assessment always gives the same bytes.
public struct HTMLCheckReport: Sendable {
    /// Include the per-indicator table (every indicator, grouped by section).
    public var includeIndicatorDetail: Bool
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(includeIndicatorDetail: Bool = true, wording: any Wording = EnglishWording()) {
        self.includeIndicatorDetail = includeIndicatorDetail
        self.wording = wording
    }

    /// The whole HTML document.
    public func render(_ assessment: Assessment) -> String {
        let a = assessment
        let header = HTMLVerdictHeader(wording: wording)
        var page = HTMLPage(title: header.title(a, page: "Respect Standard self-assessment"))
        page.header = header.nodes(a, heading: "Self-assessment")
        if a.warnings.contains(where: \.meansEvidenceWillNotCount) { page.append(notCounted(a)) }
        if let gates = a.gates, !gates.isEmpty { page.append(gateSection(gates)) }
        if !a.safetyCriticalFailures.isEmpty { page.append(safetyBanner(a)) }
        if let plan = a.plan { page.append(HTMLPlanSection(wording: wording, detailed: false).node(plan)) }
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
        page.footer = Self.footer(a, wording: wording)
        return page.render()
    }

    // MARK: - 1. Footer

    /// The advisory notice again, where the framework comes from, and the engine's version.
    static func footer(_ a: Assessment, wording: any Wording) -> [HTMLNode] {
        [
            .element("p", text: wording.message(a.advisory)),
            .element("p", class: "notice", [.element("strong", text: "About the framework (\(a.framework.title)): "), .text(wording.frameworkNotice(a.framework))]),
            .element("p", class: "notice", [.element("strong", text: "Sourced and modelled: "), .text(wording.criteriaBasis(a))]),
            .element("p", class: "muted", text: "Respect Standard self-assessment engine \(a.engineVersion); framework \(a.framework.id)@\(a.framework.edition), encoding revision \(a.framework.revision); as of \(a.asOf)."),
        ]
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

    /// How the outcome was decided: each rule tried, in the framework's order, with its
    /// conditions stated as what is true of the submission.
    private func outcome(_ a: Assessment) -> HTMLNode {
        let t = a.totals
        var content: [HTMLNode] = [
            .element("ul", class: "figures", [
                figure("\(t.mandatoryMet) of \(t.mandatoryApplicable)", "mandatory indicators met"),
                figure("\(t.desirableMet) of \(t.desirableApplicable)", "desirable indicators met"),
                figure(String(t.needsAssessor), "need an assessor"),
                figure(String(t.notApplicable), "not applicable"),
            ]),
            .element("p", class: "muted", text: "Indicators that need an assessor count as provisionally met in these figures and in the rules below; only an assessor can confirm them."),
            .element("p", text: "The outcome is the first rule, in the framework's order, whose conditions all hold. The rules tried:"),
        ]
        if let description = a.outcome.description { content.insert(.element("p", text: description), at: 0) }
        for (index, trial) in a.outcome.rulesTried.enumerated() {
            content.append(ruleTrial(trial, index: index + 1))
        }
        return HTMLPage.section(id: "outcome", heading: "How the outcome was decided", content)
    }

    private func ruleTrial(_ trial: OutcomeTrial, index: Int) -> HTMLNode {
        let result = trial.matched ? "reached" : "not reached"
        let heading = HTMLNode.element("h3", text: "Rule \(index): \(trial.label) — \(result)")
        guard !trial.conditions.isEmpty else {
            return .fragment([heading, .element("p", text: "No conditions: the outcome when no rule before it holds.")])
        }
        let items = trial.conditions.map { condition in
            HTMLNode.element("li", class: condition.holds ? "holds" : "fails", [
                HTMLBadge.condition(holds: condition.holds), " ", .text(wording.conditionState(condition, limit: 12)),
                .element("span", class: "condition-detail", text: "The rule: " + wording.conditionRule(condition) + "."),
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

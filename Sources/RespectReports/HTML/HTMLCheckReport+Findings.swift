import RespectEvaluation
import RespectModel

/// The assessor's findings: the engine's view beside each decision, what it changed, and the
/// findings that expired or did not apply.
extension HTMLCheckReport {
    func findingsSection(_ a: Assessment) -> HTMLNode {
        guard let findings = a.findings else { return .empty }
        let automated = findings.automatedOutcome
        var content: [HTMLNode] = [
            .element("p", [
                "Outcome by the engine alone: ", HTMLBadge.verdict(automated.verdict, label: automated.label),
                "; with the assessor's findings: ", HTMLBadge.verdict(a.outcome.verdict, label: a.outcome.label), ".",
            ]),
        ]
        for file in findings.files where !file.matched {
            content.append(.element("p", class: "muted", [.element("code", text: file.file),
                                                          .text(": about \(wording.findingsSubject(file.subject)), not this submission; ignored.")]))
        }
        if !findings.entries.isEmpty {
            var table = HTMLTable(caption: "Assessor findings", columns: [
                .init("Finding on"), .init("Engine"), .init("Assessor"), .init("Reason"), .init("By, date"), .init("Status"),
            ], layout: .stack, className: "findings")
            for entry in findings.entries {
                table.addRow(.fragment([.text(entry.kind.rawValue + " "), .element("code", text: entry.targetID)]), [
                    .text(wording.message(entry.automated)),
                    .element("strong", text: entry.decision.label),
                    .text(entry.reason),
                    .text("\(entry.assessor), \(entry.date)" + (entry.expires.map { "; expires \($0)" } ?? "")),
                    .fragment([.text(wording.findingState(entry.state)), .element("br"),
                               .element("span", class: "muted", text: entry.location), changes(entry)]),
                ])
            }
            content.append(table.node)
        }
        content.append(.element("p", class: "muted", text: "An assessor's finding overrides the engine's status; an expired finding (expiry before the as-of date) no longer applies."))
        return HTMLPage.section(id: "findings", heading: "Assessor findings (\(findings.applied.count) applied, \(findings.expired.count) expired)", content)
    }

    private func changes(_ entry: FindingEntry) -> HTMLNode {
        guard !entry.changes.isEmpty else { return .empty }
        let words = entry.changes.map { "\($0.number) \($0.id): \($0.from.map(wording.status) ?? "—") → \($0.to.map(wording.status) ?? "—")" }
        return .element("ul", class: "plain", words.map { .element("li", text: $0) })
    }

    /// The status cell: the status, and beside it the engine's own when findings changed it.
    func statusCell(_ result: IndicatorResult) -> HTMLNode {
        guard let automated = result.automatedStatus else { return HTMLBadge.status(result.status, wording: wording) }
        var nodes: [HTMLNode] = [HTMLBadge.status(result.status, wording: wording), .element("br"),
                                 .element("span", class: "muted", text: "engine: \(wording.status(automated))")]
        if let decision = result.assessorDecision {
            nodes += [.element("br"), .element("span", class: "muted", text: "assessor: \(decision.decision.label) (\(decision.assessor), \(decision.date))")]
        }
        return .fragment(nodes)
    }
}

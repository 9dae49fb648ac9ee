public import RespectEvaluation
import RespectModel

/// The top of a self-assessment page (`check` and `plan`): who and when, then the verdict in
/// plain words with what stands between it and the next one, the figures, the first step of
/// the plan, and the advisory notice — all within the first screen on a desktop and a phone.
///
/// The verdict box carries `id="verdict"` and `data-verdict` (the verdict's code), which
/// `scripts/render-html.sh` uses to check that it is on the first screen.
struct HTMLVerdictHeader {
    var wording: any Wording

    /// The page title: the verdict first, so a browser tab or a printed page says it.
    func title(_ a: Assessment, page: String) -> String {
        "\(wording.verdictHeadline(a.outcome)) — \(page): \(a.submission.provider.name) (advisory)"
    }

    func nodes(_ a: Assessment, heading: String) -> [HTMLNode] {
        let provider = a.submission.provider
        var identity: [String] = []
        if let charity = provider.charityNumber { identity.append("Charity \(charity)") }
        if let company = provider.companyNumber { identity.append("Company \(company)") }
        if let region = provider.region { identity.append(region) }
        identity.append("as of \(a.asOf)")
        var nodes: [HTMLNode] = [
            .element("p", class: "kicker", text: "Respect Standard self-assessment · advisory report"),
            .element("h1", text: "\(heading): \(provider.name)"),
            .element("p", class: "subtitle", text: identity.joined(separator: " · ")),
            verdictBox(a),
            .element("p", class: "subtitle", [.element("strong", text: "Services: "), .text(wording.services(a.submission.offered ?? []))]),
            a.evidenceFiles.map { .element("p", class: "subtitle", [.element("strong", text: "Evidence files: "), .text(wording.evidenceFiles($0))]) } ?? .empty,
            .element("p", class: "advisory", [.element("strong", text: "Advisory only. "), .text(wording.message(a.advisory))]),
        ]
        if let successor = a.framework.supersededBy {
            nodes.append(.element("p", class: "notice", [.element("strong", text: "Superseded: "),
                                                         .text("this framework edition is superseded by edition \(successor).")]))
        }
        return nodes
    }

    /// The verdict, why (the conditions that fail for the next verdict, or that decided the
    /// highest), the figures, and the plan's first step in one line.
    private func verdictBox(_ a: Assessment) -> HTMLNode {
        let decision = a.outcome
        var box: [HTMLNode] = [
            .element("p", class: "verdict-label", [
                .element("span", attributes: [HTMLAttribute("aria-hidden", "true")], text: HTMLBadge.glyph(decision.verdict) + " "),
                .text(wording.verdictHeadline(decision)),
            ]),
        ]
        if let gate = decision.failedGate {
            box.append(.element("p", class: "verdict-gate", [.element("strong", text: "Decided by a precondition: "), .text(wording.gateFailure(gate))]))
        }
        let conditions = a.headlineConditions
        if !conditions.isEmpty {
            box.append(.element("ul", class: "verdict-why", conditions.map { condition in
                .element("li", class: condition.holds ? "holds" : "fails", [
                    .element("span", attributes: [HTMLAttribute("aria-hidden", "true")], text: condition.holds ? "✓ " : "✗ "),
                    .text(wording.conditionState(condition, limit: 8)),
                ])
            }))
        }
        let t = a.totals
        box.append(.element("p", class: "verdict-figures", text: [
            "\(t.mandatoryMet) of \(t.mandatoryApplicable) mandatory met",
            "\(t.desirableMet) of \(t.desirableApplicable) desirable met",
            "\(t.needsAssessor) awaiting an assessor",
        ].joined(separator: " · ")))
        if let plan = a.plan, let step = plan.steps.first {
            box.append(.element("p", class: "verdict-next", [
                .element("strong", text: "Next: "), .text(wording.stepHeading(step, number: 1) + " — " + wording.stepSummary(step) + ". "),
                .element("a", attributes: [HTMLAttribute("href", "#plan")], text: "What to do next"),
            ]))
        } else if let plan = a.plan {
            box.append(.element("p", class: "verdict-next", text: wording.planAtHighest(plan)))
        }
        box.append(.element("p", class: "verdict-ids muted", text: wording.verdictIDs(decision)))
        return .element("div", class: HTMLBadge.verdictClass(decision.verdict),
                        attributes: [HTMLAttribute("id", "verdict"), HTMLAttribute("data-verdict", decision.verdict.rawValue)], box)
    }
}

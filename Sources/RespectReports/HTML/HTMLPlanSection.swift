import RespectEvaluation
import RespectModel

/// "What to do next": the plan's steps as HTML. In a `check` report each indicator is one line
/// (the checklist says what to provide); in a `plan` report each is a card with every addition.
struct HTMLPlanSection {
    var wording: any Wording
    /// Every addition of every entry, as `respect plan` shows them.
    var detailed: Bool

    func node(_ plan: VerdictPlan) -> HTMLNode {
        guard !plan.steps.isEmpty else {
            return HTMLPage.section(id: "plan", heading: "What to do next", [.element("p", text: wording.planAtHighest(plan))])
        }
        var content: [HTMLNode] = [
            .element("p", text: "The fewest indicators whose being met lifts the verdict, step by step: safety-critical first, then mandatory, then desirable. Each step assumes the steps before it are done; each was checked by evaluating the submission again with it added."),
        ]
        for (index, step) in plan.steps.enumerated() {
            content.append(.element("h3", text: wording.stepHeading(step, number: index + 1)))
            content.append(.element("p", [.element("strong", text: "What it takes: "), .text(wording.stepSummary(step) + ".")]))
            content.append(.element("p", class: step.reached == nil ? "step-result fails" : "step-result holds", [
                step.reached == nil ? HTMLBadge.condition(holds: false) : HTMLBadge.condition(holds: true), " ",
                .text(wording.stepResult(step)),
            ]))
            for offer in step.services {
                content.append(.element("p", [.element("strong", text: "Service: "), .text(wording.serviceNote(offer, newlyApplicable: step.newlyApplicable))]))
            }
            content.append(detailed ? .element("ol", class: "checklist plan-steps", step.entries.map(card))
                                     : .element("ol", class: "plan-list", step.entries.map(line)))
        }
        if !detailed {
            content.append(.element("p", class: "muted", text: "The checklist below says what to provide for each; `respect plan` lists every addition and, with --draft-actions, the action-plan entries to paste."))
        }
        return HTMLPage.section(id: "plan", heading: "What to do next", content)
    }

    /// One line: tag, number, id and what changes.
    private func line(_ entry: PlanEntry) -> HTMLNode {
        .element("li", [
            HTMLBadge.level(entry.level, safetyCritical: entry.safetyCritical), " ",
            .element("strong", text: entry.indicator.number), " ", .element("code", text: entry.indicator.id), ": ",
            .text(wording.entryChange(entry)),
        ])
    }

    /// A card: the indicator, what changes, why the rule needs it, and every addition.
    private func card(_ entry: PlanEntry) -> HTMLNode {
        var fields: [(String, HTMLNode)] = [
            ("Change:", .text(wording.entryChange(entry))),
            ("Needed:", .text("because " + wording.message(entry.cause))),
        ]
        let additions = entry.change.additions.map(wording.message)
        if !additions.isEmpty {
            fields.append(("Add:", additions.count == 1 ? .text(additions[0]) : .element("ul", additions.map { .element("li", text: $0) })))
        }
        if entry.change.kind == .addAction || entry.change.kind == .assessorOnly || entry.change.kind == .answerFinding {
            fields.append(("Do:", .text(wording.message(entry.change))))
        }
        fields.append(("Hint:", .text(entry.remediation)))
        return .element("li", class: entry.safetyCritical ? "entry safety-critical" : "entry", [
            .element("span", class: "box", attributes: [HTMLAttribute("aria-hidden", "true")]),
            .element("p", class: "entry-head", [
                HTMLBadge.level(entry.level, safetyCritical: entry.safetyCritical), " ",
                .element("strong", text: entry.indicator.number), " ", .element("code", text: entry.indicator.id),
            ]),
            .element("p", class: "entry-text", text: entry.text),
            HTMLCheckReport.definitionList(fields, class: "fields"),
        ])
    }
}

import RespectEvaluation
import RespectModel

/// Parts 5 and 6: the missing-evidence checklist and the assessor's list.
extension HTMLCheckReport {
    func checklist(_ a: Assessment) -> HTMLNode {
        let count = a.missingEvidence.reduce(0) { $0 + $1.items.count }
        guard count > 0 else {
            return HTMLPage.section(id: "missing", heading: "What is missing", [
                .element("p", text: "Nothing: every applicable indicator is met or awaits an assessor."),
            ])
        }
        var content: [HTMLNode] = [
            .element("p", text: "A checklist to work through in the order that lifts the verdict: first what each step of the plan needs, then the rest section by section. Tick each box when the evidence is in the pack and linked to the indicator. Within each group, safety-critical items come first, then mandatory, then desirable."),
        ]
        for group in a.missingInPlanOrder {
            switch group.kind {
            case .step(let number, let step): content.append(.element("h3", text: wording.missingHeading(step: step, number: number)))
            case .section(let number, let title, let afterPlan):
                content.append(.element("h3", text: wording.missingHeading(sectionNumber: number, title: title, afterPlan: afterPlan)))
            }
            content.append(.element("ul", class: "checklist", group.items.map(entry)))
        }
        return HTMLPage.section(id: "missing", heading: "What is missing (\(plural(count, "indicator")))", content)
    }

    private func entry(_ item: MissingEvidence) -> HTMLNode {
        var fields: [(String, HTMLNode)] = []
        if !item.toProvide.isEmpty { fields.append(("Provide:", list(item.toProvide.map(wording.message)))) }
        if !item.why.isEmpty { fields.append(("Why:", list(item.why.map(wording.message)))) }
        fields.append(("Hint:", .text(item.remediation)))
        fields.append(("Basis:", .text(wording.provenance(item.provenance))))
        if !item.unlinkedCandidates.isEmpty {
            fields.append(("Not linked:", .text(wording.unlinkedNote(item.unlinkedCandidates, mustShow: item.indicator.text))))
        }
        if let action = item.plannedAction {
            fields.append(("Planned:", .fragment([.text(action.action), " — ", .element("strong", text: action.owner), .text(", due \(action.due)")])))
        } else if item.level == .mandatory || item.safetyCritical {
            fields.append(("Planned:", .text("no action in the action plan")))
        }
        let classes = item.safetyCritical ? "entry safety-critical" : "entry"
        return .element("li", class: classes, [
            .element("span", class: "box", attributes: [HTMLAttribute("aria-hidden", "true")]),
            .element("p", class: "entry-head", [
                HTMLBadge.level(item.level, safetyCritical: item.safetyCritical), " ",
                .element("strong", text: item.indicator.number), " ", .element("code", text: item.indicator.id), " ",
                HTMLBadge.status(item.status, wording: wording),
            ]),
            .element("p", class: "entry-text", text: item.indicator.text),
            Self.definitionList(fields, class: "fields"),
        ])
    }

    /// One line as text, several as a bulleted list.
    private func list(_ lines: [String]) -> HTMLNode {
        lines.count == 1 ? .text(lines[0]) : .element("ul", lines.map { .element("li", text: $0) })
    }

    func assessorList(_ a: Assessment) -> HTMLNode {
        guard !a.forAssessor.isEmpty else {
            return HTMLPage.section(id: "assessor", heading: "For the assessor", [
                .element("p", text: "No indicator is waiting for an assessor."),
            ])
        }
        let byID = indicatorsByID(a)
        let items = a.forAssessor.map { reference -> HTMLNode in
            let how = byID[reference.id].map { wording.verification($0.verification) }
            let unbacked = (byID[reference.id]?.reasons ?? []).filter { $0.kind == .factNotBacked }
            return .element("li", [
                .element("strong", text: reference.number), " ", .element("code", text: reference.id), ": ", .text(reference.text),
                how.map { .element("span", class: "muted", text: " (\($0))") } ?? .empty,
                unbacked.isEmpty ? .empty : .element("ul", unbacked.map { .element("li", text: wording.message($0)) }),
            ])
        }
        return HTMLPage.section(id: "assessor", heading: "For the assessor (\(a.forAssessor.count))", [
            .element("p", text: "The paper evidence for these indicators is in place, but only an assessor can confirm them: at the site visit, by sampling case files, or by reading the document behind a stated fact that cites none that can show it. Until then they count as provisionally met."),
            .element("ul", class: "plain-list", items),
        ])
    }
}

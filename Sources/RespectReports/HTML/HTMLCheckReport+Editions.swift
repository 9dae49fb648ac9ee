import RespectEvaluation

extension HTMLCheckReport {
    /// The migration checklist, when the submission was re-assessed under a newer edition.
    func migration(_ a: Assessment) -> HTMLNode {
        guard let checklist = a.migration else { return .empty }
        var table = HTMLTable(caption: "Migration checklist: \(checklist.from) → \(checklist.to)", columns: [
            .init("Indicator"), .init("Carries over"), .init("From"), .init("Newly required"),
        ], layout: .stack)
        for item in checklist.items {
            table.addRow(.fragment([.element("code", text: item.indicator.id), .text(" \(item.indicator.number): \(item.indicator.text)")]), [
                .fragment([HTMLBadge.status(item.status, wording: wording), .text(" " + wording.carryOver(item.carryOver))]),
                .text(item.origin.isEmpty ? "new" : "\(item.origin.joined(separator: " + ")) (\(wording.relation(item.relation)))"),
                item.newlyRequired.isEmpty ? "—" : .element("ul", item.newlyRequired.map { .element("li", text: wording.message($0)) }),
            ])
        }
        return HTMLPage.section(id: "migration", heading: "Migration checklist: \(checklist.from) → \(checklist.to)", [
            .element("p", text: "Carried: \(checklist.count(.carried)); partly: \(checklist.count(.partly)); not covered: \(checklist.count(.notCovered)) of \(checklist.items.count) applicable indicators."),
            table.node,
        ])
    }

    /// The provider's status on another framework's standards, through a crosswalk.
    func crosswalk(_ a: Assessment) -> HTMLNode {
        guard let coverage = a.crosswalk else { return .empty }
        var table = HTMLTable(caption: "\(coverage.target): status of the mapped \(coverage.source) indicators", columns: [
            .init("Standard"), .init("Met", numeric: true), .init("Partly met", numeric: true), .init("Not met", numeric: true),
            .init("Not applicable", numeric: true), .init("Standard's basis"), .init("Indicators"),
        ], layout: .stack)
        for standard in coverage.standards {
            table.addRow(.text("\(standard.number) \(standard.title)"), [
                .text(String(standard.met)), .text(String(standard.partlyMet)), .text(String(standard.notMet)), .text(String(standard.notApplicable)),
                .text(wording.provenance(standard.provenance)),
                standard.indicators.isEmpty ? "—" : .element("ul", standard.indicators.map {
                    .element("li", [HTMLBadge.status($0.status, wording: wording), " ", .element("code", text: $0.indicator.id), .text($0.fit == .partial ? " (partial fit)" : "")])
                }),
            ])
        }
        return HTMLPage.section(id: "crosswalk", heading: "Crosswalk: \(coverage.targetTitle)", [
            .element("p", class: "notice", text: coverage.notice),
            table.node,
            .element("p", class: "muted", text: "Met includes indicators whose paper evidence is complete and which await an assessor."),
        ])
    }
}

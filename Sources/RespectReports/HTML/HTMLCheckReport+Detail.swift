import RespectEvaluation
import RespectModel

/// Parts 7 to 9: every indicator, warnings, and the inputs.
extension HTMLCheckReport {
    func indicatorDetail(_ a: Assessment) -> HTMLNode {
        var content: [HTMLNode] = [
            .element("p", text: "Every indicator of the framework, with its status, the evidence that counted and the reasons for its status."),
        ]
        let known = Set(a.sections.map(\.id))
        var groups = a.sections.map { section in
            (title: "\(section.number) \(section.title)", indicators: a.indicators.filter { $0.section == section.id })
        }
        let others = a.indicators.filter { !known.contains($0.section) }
        if !others.isEmpty { groups.append((title: "Other indicators", indicators: others)) }
        for group in groups where !group.indicators.isEmpty {
            var table = HTMLTable(caption: "Indicators in \(group.title)", columns: [
                .init("No."), .init("Indicator"), .init("Level"), .init("Status"), .init("Evidence used"), .init("Reasons"),
            ], layout: .stack, className: "indicators")
            for result in group.indicators {
                table.addRow(.text(result.number), [
                    .fragment([.text(result.text), " ", .element("code", text: result.id)]),
                    level(result),
                    statusCell(result),
                    result.evidenceUsed.isEmpty ? .element("span", class: "muted", text: "none")
                        : .element("ul", class: "plain", result.evidenceUsed.map { .element("li", [.element("code", text: $0)]) }),
                    reasons(result),
                ])
            }
            content.append(.element("h3", text: group.title))
            content.append(table.node)
        }
        return HTMLPage.section(id: "indicators", heading: "All indicators", content)
    }

    private func level(_ result: IndicatorResult) -> HTMLNode {
        var nodes: [HTMLNode] = [.text(result.level.rawValue)]
        if result.safetyCritical { nodes += [.element("br"), HTMLBadge.level(result.level, safetyCritical: true)] }
        nodes += [.element("br"), .element("span", class: "muted", text: wording.verification(result.verification))]
        nodes += [.element("br"), .element("span", class: "muted", text: result.provenance?.basis.rawValue ?? Provenance.Basis.modelled.rawValue)]
        return .fragment(nodes)
    }

    private func reasons(_ result: IndicatorResult) -> HTMLNode {
        if result.reasons.isEmpty {
            return .element("span", class: "muted", text: result.status == .met ? "all requirements satisfied" : "—")
        }
        if result.reasons.count == 1 { return .text(wording.message(result.reasons[0])) }
        return .element("ul", result.reasons.map { .element("li", text: wording.message($0)) })
    }

    /// What counts for nothing, shown before the outcome, which is worked out without it.
    func notCounted(_ a: Assessment) -> HTMLNode {
        let notCounted = a.warnings.filter(\.meansEvidenceWillNotCount)
        let items = notCounted.map { warning -> HTMLNode in
            .element("li", [
                .element("span", class: "tag", text: wording.warningTag(warning.kind)), " ",
                wording.location(warning).isEmpty ? .empty : .element("strong", text: wording.location(warning)),
                .text(wording.message(warning)),
            ])
        }
        return HTMLPage.section(id: "not-counted", heading: "Evidence that will not count (\(notCounted.count))", [
            .element("p", text: "The outcome below is worked out without these: correct the submission and check again."),
            .element("ul", class: "plain-list", items),
        ])
    }

    func warnings(_ a: Assessment) -> HTMLNode {
        guard !a.warnings.isEmpty else {
            return HTMLPage.section(id: "warnings", heading: "Warnings", [.element("p", text: "None.")])
        }
        let items = a.warnings.map { warning -> HTMLNode in
            .element("li", [
                .element("span", class: "tag", text: wording.warningTag(warning.kind)), " ",
                wording.location(warning).isEmpty ? .empty : .element("strong", text: wording.location(warning)),
                .text(wording.message(warning)),
            ])
        }
        return HTMLPage.section(id: "warnings", heading: "Warnings (\(a.warnings.count))", [
            .element("p", text: "Not shortfalls today, but worth acting on: for example evidence that will stop counting soon."),
            .element("ul", class: "plain-list", items),
        ])
    }

    func inputs(_ a: Assessment) -> HTMLNode {
        var table = HTMLTable(caption: "Input files", columns: [.init("Role"), .init("File"), .init("SHA-256")])
        if a.inputs.isEmpty {
            table.addRow("submission", [.element("code", text: a.submission.file), .element("span", class: "muted", text: "not recorded")])
        }
        for input in a.inputs {
            table.addRow(.text(input.role), [.element("code", text: input.path), .element("code", text: input.sha256)])
        }
        let f = a.framework
        let provider = a.submission.provider
        var meta: [(String, HTMLNode)] = [("Provider", .text(provider.name))]
        if let charity = provider.charityNumber { meta.append(("Charity number", .text(charity))) }
        if let company = provider.companyNumber { meta.append(("Company number", .text(company))) }
        if let region = provider.region { meta.append(("Region", .text(region))) }
        meta += [
            ("Services", .text(wording.services(a.submission.offered ?? []))),
            ("Submission", .fragment([.element("code", text: a.submission.file),
                                      .text(": \(plural(a.submission.evidenceItems, "evidence item")), \(plural(a.submission.actionPlanEntries, "action-plan entry", "action-plan entries"))")])),
            ("Framework", .text(f.title)),
            ("Identifier", .fragment([.element("code", text: "\(f.id)@\(f.edition)"), .text(", encoding revision \(f.revision)")])),
        ]
        if let successor = f.supersededBy { meta.append(("Superseded by", .text("edition \(successor)"))) }
        meta += [
            ("As of", .text(a.asOf.description)),
            ("Engine", .text("Respect Standard self-assessment engine \(a.engineVersion)")),
        ]
        return HTMLPage.section(id: "inputs", heading: "Inputs", [
            table.node,
            Self.definitionList(meta, class: "meta"),
            .element("p", class: "muted", text: "The same inputs, as-of date and engine version always give the same report."),
        ])
    }
}

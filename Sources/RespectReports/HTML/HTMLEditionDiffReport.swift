public import RespectEvaluation

/// Renders an edition diff as one self-contained HTML page (same shell, stylesheet and
/// accessibility rules as the check report): a summary table, then one table per kind of
/// change, then the requirement changes old → new.
public struct HTMLEditionDiffReport: Sendable {
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(wording: any Wording = EnglishWording()) {
        self.wording = wording
    }

    public func render(_ diff: EditionDiff) -> String {
        var page = HTMLPage(title: "Framework edition diff: \(diff.old.reference) → \(diff.new.reference)")
        page.header = [
            .element("p", class: "kicker", text: "Respect Standard self-assessment engine · edition diff"),
            .element("h1", text: "What changed: \(diff.old.reference) → \(diff.new.reference)"),
            .element("p", class: "subtitle", [.element("strong", text: "Old: "), .text(diff.old.title)]),
            .element("p", class: "subtitle", [.element("strong", text: "New: "), .text(diff.new.title)]),
            .element("p", class: "notice", [.element("strong", text: "About \(diff.old.reference): "), .text(diff.old.notice)]),
            .element("p", class: "notice", [.element("strong", text: "About \(diff.new.reference): "), .text(diff.new.notice)]),
        ]
        var summary = HTMLTable(caption: "Indicators by kind of change", columns: [.init("Change"), .init("Indicator groups", numeric: true)], className: "summary")
        for kind in EditionDiff.Kind.allCases { summary.addRow(.text(kind.rawValue), [.text(String(diff.entries(kind).count))]) }
        summary.addFooterRow("With requirement changes", [.text(String(diff.changed.count))])
        page.append(HTMLPage.section(id: "summary", heading: "Summary", [summary.node]))
        if !diff.termRenames.isEmpty {
            page.append(HTMLPage.section(id: "vocabulary", heading: "Renamed vocabulary", [
                .element("ul", diff.termRenames.map { .element("li", [.text("\(wording.termKind($0.vocabulary)) "), .element("code", text: $0.old), " → ", .element("code", text: $0.new)]) }),
            ]))
        }
        for kind in [EditionDiff.Kind.added, .removed] {
            let references = diff.entries(kind).flatMap { kind == .added ? $0.new : $0.old }
            guard !references.isEmpty else { continue }
            let edition = kind == .added ? diff.new.reference : diff.old.reference
            var table = HTMLTable(caption: "\(kind.rawValue.capitalized) (\(references.count)): indicators only in \(edition)",
                                  columns: [.init("Number"), .init("Id"), .init("Indicator")], layout: .stack)
            for reference in references {
                table.addRow(.text(reference.number), [.element("code", text: reference.id), .text(reference.text)])
            }
            page.append(HTMLPage.section(id: "kind-\(kind.rawValue)", heading: "\(kind.rawValue.capitalized) (\(references.count))", [table.node]))
        }
        for kind in [EditionDiff.Kind.renamed, .split, .merged, .regrouped] {
            let entries = diff.entries(kind)
            guard !entries.isEmpty else { continue }
            var table = HTMLTable(caption: "\(kind.rawValue.capitalized) (\(entries.count))",
                                  columns: [.init(diff.old.reference), .init(diff.new.reference), .init("Relation")], layout: .stack)
            for entry in entries {
                table.addRow(indicators(entry.old), [indicators(entry.new), .text(entry.relation ?? "—")])
            }
            page.append(HTMLPage.section(id: "kind-\(kind.rawValue)", heading: "\(kind.rawValue.capitalized) (\(entries.count))", [table.node]))
        }
        let changed = diff.changed
        if !changed.isEmpty {
            var table = HTMLTable(caption: "Requirement changes, old → new", columns: [
                .init("Indicators"), .init("Change"), .init("Subject"), .init("Old"), .init("New"), .init("Basis"),
            ], layout: .stack)
            for entry in changed {
                for change in entry.changes {
                    let parts = wording.requirementChange(change)
                    table.addRow(.text("\(EditionDiffTextReport.ids(entry.old)) → \(EditionDiffTextReport.ids(entry.new))"),
                                 [.text(change.kind.rawValue), parts.subject.map { .element("code", text: $0) } ?? "—",
                                  .text(parts.old ?? "none"), .text(parts.new ?? "none"),
                                  .text(entry.basis == .modelled ? "modelled (no public source)" : "sourced")])
                }
            }
            page.append(HTMLPage.section(id: "changes", heading: "Requirement changes (\(changed.count))", [table.node]))
        }
        if !diff.brokenLinks.isEmpty {
            page.append(HTMLPage.section(id: "broken", heading: "Broken links (\(diff.brokenLinks.count))", class: "safety", [
                .element("ul", diff.brokenLinks.map { .element("li", text: "\($0.oldID) \($0.relation.rawValue) \($0.newID): not an indicator of \(diff.new.reference)") }),
            ]))
        }
        page.footer = [.element("p", class: "muted", text: "Links between editions are declared in the framework files; for the shipped Respect models they are the engine authors' modelling (GAP), not Respect's.")]
        return page.render()
    }

    private func indicators(_ references: [IndicatorReference]) -> HTMLNode {
        guard !references.isEmpty else { return "—" }
        return .element("ul", references.map { .element("li", [.element("code", text: $0.id), .text(" \($0.number): \($0.text)")]) })
    }
}

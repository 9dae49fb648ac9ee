public import RespectEvaluation

/// Renders an edition diff for a provider or assessor: a summary of counts, then each kind of
/// change with the requirement changes shown old → new.
public struct EditionDiffTextReport {
    public var style: TextStyle
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(style: TextStyle = .plain, wording: any Wording = EnglishWording()) {
        self.style = style
        self.wording = wording
    }

    public func render(_ diff: EditionDiff) -> String {
        var out = TextBuffer()
        out.line(style.bold("Framework edition diff: \(diff.old.reference) → \(diff.new.reference)"))
        out.line("Old: \(diff.old.title)")
        out.line("New: \(diff.new.title)")
        out.blank()
        out.line(style.bold("SUMMARY"))
        let rows = EditionDiff.Kind.allCases.map { kind in [kind.rawValue, String(diff.entries(kind).count)] }
            + [["with requirement changes", String(diff.changed.count)]]
        out.table(header: ["Change", "Indicators"], rows: rows)
        if !diff.termRenames.isEmpty {
            out.blank()
            out.line(style.bold("RENAMED VOCABULARY"))
            for rename in diff.termRenames { out.line("  \(wording.termKind(rename.vocabulary)) \(rename.old) → \(rename.new)") }
        }
        section("ADDED in \(diff.new.reference)", diff.entries(.added), &out) { entry in
            entry.new.map { "  + \($0.number) \($0.id): \($0.text)" }
        }
        section("REMOVED from \(diff.old.reference)", diff.entries(.removed), &out) { entry in
            entry.old.map { "  - \($0.number) \($0.id): \($0.text)" }
        }
        for kind in [EditionDiff.Kind.renamed, .split, .merged, .regrouped] {
            section(kind.rawValue.uppercased(), diff.entries(kind), &out) { entry in
                ["  \(Self.ids(entry.old)) → \(Self.ids(entry.new))" + (entry.relation.map { " (\($0))" } ?? "")]
            }
        }
        let changed = diff.changed
        if !changed.isEmpty {
            out.blank()
            out.line(style.bold("REQUIREMENT CHANGES (\(changed.count) indicator groups)"))
            for entry in changed {
                out.line("  \(Self.ids(entry.old)) → \(Self.ids(entry.new)) [\(entry.kind.rawValue)]" + (entry.basis == .modelled ? " (modelled: no public source gives this difference)" : " (sourced)"))
                for change in entry.changes {
                    out.line("      " + wording.message(change))
                }
            }
        }
        if !diff.brokenLinks.isEmpty {
            out.blank()
            out.line(style.red("BROKEN LINKS (\(diff.brokenLinks.count))") + ": declared successors that are not indicators of \(diff.new.reference)")
            for link in diff.brokenLinks { out.line("  ! \(link.oldID) \(link.relation.rawValue) \(link.newID)") }
        }
        out.blank()
        out.line(style.dim("Links between editions are declared in the framework files; for the shipped Respect models they are the engine authors' modelling (GAP), not Respect's."))
        return out.text
    }

    private func section(_ title: String, _ entries: [EditionDiff.Entry], _ out: inout TextBuffer,
                         lines: (EditionDiff.Entry) -> [String]) {
        guard !entries.isEmpty else { return }
        out.blank()
        out.line(style.bold("\(title) (\(entries.count))"))
        for entry in entries { lines(entry).forEach { out.line($0) } }
    }

    static func ids(_ references: [IndicatorReference]) -> String {
        references.map(\.id).joined(separator: " + ")
    }
}

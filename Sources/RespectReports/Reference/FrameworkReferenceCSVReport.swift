public import RespectModel

/// The framework reference as one CSV table (RFC 4180) a spreadsheet can filter: a row per
/// service type, risk level, evidence type, fact, section, standard and indicator, the
/// `list` column saying which. Lists inside a cell are one per line.
public struct FrameworkReferenceCSVReport: Sendable {
    public var wording: any ReferenceWording

    public static let header = ["list", "id", "number", "name", "level", "safety-critical", "verification",
                                "applies to", "unit", "provide", "section", "standard", "basis"]

    public init(wording: any ReferenceWording = EnglishWording()) {
        self.wording = wording
    }

    public func render(_ reference: FrameworkReference) -> String {
        let vocabulary = reference.framework.vocabulary
        var rows: [[String]] = []
        func row(_ list: String, _ id: String, number: String = "", name: String, level: String = "", safety: String = "",
                 verification: String = "", applies: String = "", unit: String = "", provide: String = "",
                 section: String = "", standard: String = "", basis: String = "") {
            rows.append([list, id, number, name, level, safety, verification, applies, unit, provide, section, standard, basis])
        }
        for term in vocabulary.serviceTypes { row("service type", term.id, name: term.label) }
        for term in vocabulary.riskLevels { row("risk level", term.id, name: term.label) }
        for term in vocabulary.evidenceTypes { row("evidence type", term.id, name: term.label) }
        for fact in vocabulary.facts {
            row("fact", fact.id, name: fact.label, unit: fact.unit ?? "", provide: wording.factValue(fact))
        }
        for entry in reference.sections {
            row("section", entry.section.id, number: entry.section.number, name: entry.section.title)
            for standard in entry.standards {
                row("standard", standard.standard.id, number: standard.standard.number, name: standard.standard.title,
                    section: entry.section.number)
                for indicator in standard.indicators {
                    let provide = wording.requirement(indicator.requirement, vocabulary: vocabulary)
                        .map { String(repeating: "  ", count: $0.depth) + $0.text.plain }
                    row("indicator", indicator.id, number: indicator.number, name: indicator.text, level: wording.level(indicator.level),
                        safety: indicator.isSafetyCritical ? "yes" : "no", verification: wording.verificationMode(indicator.verification),
                        applies: wording.applicability(indicator.applicability), provide: CSVWriter.list(provide),
                        section: entry.section.number, standard: standard.standard.number,
                        basis: wording.provenance(indicator.provenance))
                }
            }
        }
        return CSVWriter.document(header: Self.header, rows: rows)
    }
}

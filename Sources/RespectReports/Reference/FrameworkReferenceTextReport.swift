public import RespectModel

/// The framework reference as plain text (`respect frameworks show`): the edition, its service
/// types, risk levels, evidence types and facts, then every section, standard and indicator
/// with its level, where it applies and what to provide.
public struct FrameworkReferenceTextReport: Sendable {
    public var wording: any ReferenceWording

    public init(wording: any ReferenceWording = EnglishWording()) {
        self.wording = wording
    }

    public func render(_ reference: FrameworkReference) -> String {
        let framework = reference.framework
        let vocabulary = framework.vocabulary
        let identity = framework.identity
        var out = TextBuffer()
        out.line("\(framework.title) (\(identity.reference), encoding revision \(identity.revision), published \(identity.published), effective \(identity.effective))")
        out.line(framework.notice)
        if let services = reference.services {
            out.line("Indicators that apply to: " + services.map { "\($0.serviceType) (\($0.riskLevels.joined(separator: ", ")))" }.joined(separator: "; "))
        }
        list(&out, "SERVICE TYPES", vocabulary.serviceTypes.map { [$0.id, $0.label] })
        list(&out, "RISK LEVELS", vocabulary.riskLevels.map { [$0.id, $0.label] })
        list(&out, "EVIDENCE TYPES", note: "the type=\"…\" of an evidence item", vocabulary.evidenceTypes.map { [$0.id, $0.label] })
        list(&out, "FACTS", note: "id, unit, value", vocabulary.facts.map { [$0.id, $0.unit ?? "—", "\(wording.factValue($0)): \($0.label)"] })
        out.blank()
        out.line("INDICATORS (\(reference.indicators.count))")
        for entry in reference.sections {
            out.blank()
            out.line("\(entry.section.number) \(entry.section.title)")
            for standard in entry.standards {
                out.line("  \(standard.standard.number) \(standard.standard.title)")
                for indicator in standard.indicators {
                    var tags = [wording.level(indicator.level)]
                    if indicator.isSafetyCritical { tags.append("SAFETY-CRITICAL") }
                    tags.append(wording.verificationMode(indicator.verification))
                    out.line("    \(indicator.number) \(indicator.id)  [\(tags.joined(separator: ", "))]")
                    out.line("        \(indicator.text)")
                    out.line("        Applies to: \(wording.applicability(indicator.applicability))")
                    out.line("        Basis: \(wording.provenance(indicator.provenance))")
                    out.line("        Provide:")
                    for line in wording.requirement(indicator.requirement, vocabulary: vocabulary) {
                        out.line(String(repeating: "  ", count: line.depth + 5) + "- " + line.text.plain)
                    }
                }
            }
        }
        return out.text
    }

    private func list(_ out: inout TextBuffer, _ heading: String, note: String? = nil, _ rows: [[String]]) {
        out.blank()
        out.line("\(heading) (\(rows.count))" + (note.map { ": " + $0 } ?? ""))
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            out.line("  " + cells.joined(separator: "  "))
        }
    }
}

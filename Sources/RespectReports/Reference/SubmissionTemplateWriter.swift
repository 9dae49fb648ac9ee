public import RespectAssessment
public import RespectModel

/// Writes a skeleton submission (`respect template`): the submission file `SubmissionXMLWriter`
/// writes for the template's provider, target and services, with the guidance as XML comments —
/// how to add evidence, facts and actions, and for every indicator that applies what to
/// provide (evidence type ids, counts, ages, facts with units). The comments change nothing:
/// the file validates, and evaluates, as the same submission without them.
public struct SubmissionTemplateWriter: Sendable {
    public var wording: any ReferenceWording

    public init(wording: any ReferenceWording = EnglishWording()) {
        self.wording = wording
    }

    public func render(_ template: SubmissionTemplate) -> String {
        let reference = template.reference
        var notes = [wording.templateEvidenceHelp(reference)]
        for entry in reference.sections {
            notes.append(section(entry, reference: reference))
        }
        notes.append(wording.templateFactsHelp(reference))
        notes.append(wording.templateActionsHelp(reference))
        return SubmissionXMLWriter.document(template.submission, comment: wording.templateIntroduction(reference).joined(separator: "\n"),
                                            notes: notes.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") })
    }

    /// The longest line of guidance before it is wrapped (the comment's indentation aside).
    static let width = 100

    /// `text` wrapped at spaces to `width` characters, keeping its leading spaces; lines after
    /// the first start with `hanging`.
    static func wrapped(_ text: String, hanging: String) -> [String] {
        let lead = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var current = lead
        var isFresh = true
        for word in text.split(separator: " ") {
            if !isFresh, current.count + 1 + word.count > width {
                lines.append(current)
                current = hanging + word
            } else {
                current += (isFresh ? "" : " ") + word
            }
            isFresh = false
        }
        lines.append(current)
        return lines
    }

    /// One section's indicators and what each needs.
    private func section(_ entry: FrameworkReference.SectionEntry, reference: FrameworkReference) -> [String] {
        var lines = ["\(entry.section.number) \(entry.section.title.uppercased())"]
        for standard in entry.standards {
            for indicator in standard.indicators {
                var tags = [wording.level(indicator.level)]
                if indicator.isSafetyCritical { tags.append("SAFETY-CRITICAL") }
                if indicator.verification != .desk { tags.append("confirmed on a " + wording.verificationMode(indicator.verification)) }
                lines.append("")
                lines += Self.wrapped("\(indicator.number) \(indicator.id) (\(tags.joined(separator: ", "))): \(indicator.text)",
                                      hanging: "  ")
                for line in wording.requirement(indicator.requirement, vocabulary: reference.framework.vocabulary) {
                    let indent = String(repeating: "  ", count: line.depth + 1)
                    lines += Self.wrapped(indent + "- " + line.text.plain, hanging: indent + "  ")
                }
            }
        }
        return lines
    }
}

public import RespectEvaluation
import RespectModel

/// The action-plan entries a plan asks for, as submission XML to paste inside `<actionPlan>`:
/// one `<action>` per indicator (the first step that asks for it), its text from the
/// framework's remediation hint, its owner a placeholder to fill in and its due date the last
/// day of the rule's window, each under a comment that names the indicator and the window.
public struct ActionPlanDraft: Sendable {
    public var wording: any Wording

    public init(wording: any Wording = EnglishWording()) {
        self.wording = wording
    }

    /// The entries, indented for the submission's `<actionPlan>`; a comment alone when the
    /// plan asks for no action.
    public func xml(_ plan: VerdictPlan) -> String {
        var lines = ["    " + comment(wording.draftActionsIntro(plan))]
        var seen = Set<String>()
        for (index, step) in plan.steps.enumerated() {
            for entry in step.actions where seen.insert(entry.indicator.id).inserted {
                guard case .addAction(let from, let to) = entry.change else { continue }
                lines.append("    " + comment(wording.draftActionNote(entry, step: step, number: index + 1, from: from, to: to)))
                lines.append("    <action indicator=\"\(attribute(entry.indicator.id))\" due=\"\(to)\" owner=\"\(attribute(wording.draftActionOwner))\">"
                             + text(entry.remediation) + "</action>")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// An XML comment, its words wrapped at about 96 columns under the indentation of the
    /// entries; a double hyphen, which a comment cannot hold, is split.
    private func comment(_ words: String) -> String {
        var safe = words
        while safe.contains("--") { safe = safe.replacingOccurrences(of: "--", with: "- -") }
        if safe.hasSuffix("-") { safe += " " }
        var lines: [String] = []
        var line = "<!--"
        for word in safe.split(separator: " ") {
            if line.count + 1 + word.count > 92 {
                lines.append(line)
                line = "    "
            }
            line += " " + word
        }
        lines.append(line + " -->")
        return lines.joined(separator: "\n    ")
    }

    private func text(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    private func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\"", with: "&quot;")
    }
}

import RespectEvaluation
import RespectModel

extension TextReport {
    /// "WHAT TO DO NEXT": each plan step with its figures, what evaluating it gave, and one line
    /// per indicator (the missing list below says what to provide for each).
    func planSummary(_ a: Assessment, _ out: inout TextBuffer) {
        guard let plan = a.plan else { return }
        out.blank()
        out.line(style.bold("WHAT TO DO NEXT"))
        PlanText(style: style, wording: wording).steps(plan, detailed: false, &out)
        if !plan.steps.isEmpty {
            out.wrapped("`respect plan \(a.submission.file)` lists every addition; `--draft-actions` writes the action-plan entries to paste.",
                        first: "  ", rest: "  ")
        }
    }
}

/// The steps of a plan as text, shared by `check` (one line per indicator) and `plan` (every
/// addition).
struct PlanText {
    var style: TextStyle
    var wording: any Wording

    func steps(_ plan: VerdictPlan, detailed: Bool, _ out: inout TextBuffer) {
        guard !plan.steps.isEmpty else {
            out.wrapped(wording.planAtHighest(plan), first: "  ", rest: "  ")
            return
        }
        for (index, step) in plan.steps.enumerated() {
            out.blank()
            out.wrapped(wording.stepHeading(step, number: index + 1) + ": " + wording.stepSummary(step),
                        first: "  ", rest: "    ")
            out.wrapped(wording.stepResult(step), first: "    ", rest: "    ")
            for offer in step.services {
                out.wrapped(wording.serviceNote(offer, newlyApplicable: step.newlyApplicable), first: "    ", rest: "    ")
            }
            for (number, entry) in step.entries.enumerated() {
                self.entry(entry, number: number + 1, detailed: detailed, &out)
            }
        }
    }

    private func entry(_ entry: PlanEntry, number: Int, detailed: Bool, _ out: inout TextBuffer) {
        let tag = entry.safetyCritical ? style.red("[SAFETY-CRITICAL]") : "[\(entry.level.rawValue)]"
        let label = detailed ? "\(entry.indicator.number) \(entry.indicator.id): \(entry.text)"
                             : "\(entry.indicator.number) \(entry.indicator.id): \(wording.entryChange(entry))"
        out.wrapped(label, first: "    \(number). \(tag) ", rest: "         ")
        guard detailed else { return }
        out.wrapped(wording.entryChange(entry), first: "         ", rest: "           ")
        out.wrapped("needed because " + wording.message(entry.cause), first: "         ", rest: "           ")
        for addition in entry.change.additions {
            out.wrapped(wording.message(addition), first: "         + ", rest: "           ")
        }
        if entry.change.kind == .addAction {
            out.wrapped(wording.message(entry.change), first: "         + ", rest: "           ")
        }
    }
}

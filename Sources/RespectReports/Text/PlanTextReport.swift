public import RespectEvaluation
import RespectModel

/// Renders the path to the next verdict (`respect plan`): the verdict now and why, then each
/// step with every addition, and, when asked, the action-plan entries to paste.
public struct PlanTextReport {
    public var style: TextStyle
    /// Also print the action-plan entries the plan asks for, as XML to paste.
    public var includesDraftActions: Bool
    public var wording: any Wording

    public init(style: TextStyle = .plain, includesDraftActions: Bool = false, wording: any Wording = EnglishWording()) {
        self.style = style
        self.includesDraftActions = includesDraftActions
        self.wording = wording
    }

    /// The report for an assessment that carries a plan (`AssessmentEngine.plan`).
    public func render(_ assessment: Assessment) -> String {
        let report = TextReport(style: style, wording: wording)
        var out = TextBuffer()
        report.header(assessment, &out)
        report.headline(assessment, &out)
        out.blank()
        out.line(style.bold("WHAT TO DO NEXT"))
        if let plan = assessment.plan {
            PlanText(style: style, wording: wording).steps(plan, detailed: true, &out)
            if includesDraftActions {
                out.blank()
                out.wrapped("into the submission's <actionPlan> (fill in each owner and due date):",
                            first: style.bold("ACTION-PLAN ENTRIES TO PASTE") + " ", rest: "  ")
                out.line(ActionPlanDraft(wording: wording).xml(plan))
            }
        }
        out.blank()
        out.wrapped(wording.message(assessment.advisory), first: "", rest: "")
        return out.text
    }
}

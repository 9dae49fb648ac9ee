public import RespectEvaluation
import RespectModel

/// Renders the path to the next verdict (`respect plan --format html`) as one self-contained
/// HTML page: the verdict and why on the first screen, then each step with every addition and,
/// when asked, the action-plan entries to paste. Inline CSS only, no scripts, escaped input,
/// the same bytes for the same assessment.
public struct HTMLPlanReport: Sendable {
    /// Also show the action-plan entries the plan asks for, as XML to paste.
    public var includesDraftActions: Bool
    public var wording: any Wording

    public init(includesDraftActions: Bool = false, wording: any Wording = EnglishWording()) {
        self.includesDraftActions = includesDraftActions
        self.wording = wording
    }

    /// The whole HTML document for an assessment that carries a plan (`AssessmentEngine.plan`).
    public func render(_ assessment: Assessment) -> String {
        let a = assessment
        let header = HTMLVerdictHeader(wording: wording)
        var page = HTMLPage(title: header.title(a, page: "Path to the next verdict"))
        page.header = header.nodes(a, heading: "Path to the next verdict")
        if let plan = a.plan {
            page.append(HTMLPlanSection(wording: wording, detailed: true).node(plan))
            if includesDraftActions {
                page.append(HTMLPage.section(id: "draft-actions", heading: "Action-plan entries to paste", [
                    .element("p", text: "Paste these inside the submission's <actionPlan> element, then fill in each owner and choose each due date within the window given above it."),
                    .element("pre", class: "draft", [.element("code", text: ActionPlanDraft(wording: wording).xml(plan))]),
                ]))
            }
        }
        page.footer = HTMLCheckReport.footer(a, wording: wording)
        return page.render()
    }
}

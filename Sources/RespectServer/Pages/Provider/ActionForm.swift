import Hummingbird
import RespectModel
import RespectStore

/// Adding and editing an action-plan entry: the indicator it is for (the applicable ones, by
/// number), what will be done, who owns it and when it is due. Saving writes the next version.
enum ActionForm {
    struct View: Sendable, Encodable {
        var path: String
        var action: String
        var heading: String
        var form: FormState
        var indicators: [Option]
    }

    struct Option: Sendable, Encodable {
        var value: String
        var label: String
        var chosen: Bool
    }

    static func blank(_ state: SelfAssessment, indicator: String?, context: RespectRequestContext, service: WebService) -> Response {
        var form = FormState()
        if let indicator, let found = state.framework.indicator(id: indicator) {
            form.set("indicator", found.id)
            form.set("action", found.remediation)
        }
        form.set("basedOn", String(state.version.number))
        return render(state, form: form, index: nil, context: context, service: service)
    }

    static func filled(_ state: SelfAssessment, index: Int, context: RespectRequestContext, service: WebService) throws -> Response {
        guard state.submission.actionPlan.indices.contains(index - 1) else { throw ServiceError.notFound }
        let entry = state.submission.actionPlan[index - 1]
        var form = FormState()
        form.set("indicator", entry.indicatorID)
        form.set("action", entry.action)
        form.set("owner", entry.owner)
        form.set("due", entry.due.description)
        form.set("basedOn", String(state.version.number))
        return render(state, form: form, index: index, context: context, service: service)
    }

    static func render(_ state: SelfAssessment, form: FormState, index: Int?, context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) -> Response {
        let catalogue = service.catalogue
        let chosen = form.values["indicator"] ?? ""
        let applicable = state.assessment.indicators.filter { $0.status != .notApplicable || $0.id == chosen }
        let options = applicable.map { result in
            Option(value: result.id, label: "\(result.number) \(result.text)", chosen: result.id == chosen)
        }
        let heading = index == nil ? catalogue["action_newHeading"] : catalogue.format("action_editHeading", ["number": String(index ?? 0)])
        let view = View(path: state.path, action: index.map { "\(state.path)/actions/\($0)" } ?? state.path + "/actions",
                        heading: heading, form: form, indicators: options)
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + heading
        return service.page("action-form", PageFrame(title: title, context: context, catalogue: catalogue, section: "/home"), view,
                            status: status)
    }

    static func save(_ state: SelfAssessment, index: Int?, user: UserAccount, context: RespectRequestContext,
                     service: WebService) async throws -> Response {
        let posted = context.form
        let catalogue = service.catalogue
        var form = FormState(posted)
        if let index, !state.submission.actionPlan.indices.contains(index - 1) { throw ServiceError.notFound }
        let indicator = posted.text("indicator")
        if state.framework.indicator(id: indicator) == nil { form.fail("indicator", catalogue["action_indicatorMissing"]) }
        let action = posted.text("action")
        if action.isEmpty { form.fail("action", catalogue["action_actionMissing"]) }
        if action.count > EditorInput.maximumText { form.fail("action", catalogue["form_tooLong"]) }
        let owner = posted.text("owner")
        if owner.isEmpty { form.fail("owner", catalogue["action_ownerMissing"]) }
        if owner.count > EditorInput.maximumText { form.fail("owner", catalogue["form_tooLong"]) }
        let due = EditorInput.date(posted.text("due"))
        if due == nil { form.fail("due", catalogue["action_dueInvalid"]) }
        if let based = Int(posted.text("basedOn")), based != state.record.latestVersion {
            form.fail("basedOn", catalogue.format("form_stale", ["version": String(state.record.latestVersion)]))
        }
        if !form.hasProblems, let due {
            var submission = state.submission
            let entry = PlannedAction(indicatorID: indicator, due: due, owner: owner, action: action)
            if let index { submission.actionPlan[index - 1] = entry } else { submission.actionPlan.append(entry) }
            let saved = try await service.saveVersion(submission, of: state.record, user: user, context: context)
            return PageResponse.redirect(to: "\(state.path)/versions/\(saved.number)/changes")
        }
        return render(state, form: form, index: index, context: context, service: service, status: .unprocessableContent)
    }
}

import Hummingbird
import RespectModel
import RespectStore

/// The services a self-assessment declares and the risk levels served in each: they decide
/// which indicators apply. Shown at the top of the editor; saving writes the next version.
enum ServicesForm {
    struct View: Sendable, Encodable {
        var form: FormState
        var basedOn: Int
        var services: [ServiceOption]
    }

    struct ServiceOption: Sendable, Encodable {
        var id: String
        var label: String
        var chosen: Bool
        var fieldID: String
        var risks: [RiskOption]
        var error: String?
    }

    struct RiskOption: Sendable, Encodable {
        var id: String
        var label: String
        var chosen: Bool
        var name: String
        var fieldID: String
    }

    /// The form with the submission's services ticked, or with `form` as posted.
    static func view(_ state: SelfAssessment, form posted: FormState?, catalogue: Catalogue) -> View {
        var form = posted ?? FormState()
        if posted == nil {
            for offered in state.submission.services {
                form.choose("service", offered.serviceType)
                for risk in offered.riskLevels { form.choose("risk-" + offered.serviceType, risk) }
            }
        }
        return options(state.framework, form: form, basedOn: state.version.number)
    }

    static func options(_ framework: Framework, form: FormState, basedOn: Int) -> View {
        let vocabulary = framework.vocabulary
        let services = vocabulary.serviceTypes.map { type in
            ServiceOption(id: type.id, label: type.label, chosen: form.isChosen("service", type.id), fieldID: "service-" + type.id,
                          risks: vocabulary.riskLevels.map { risk in
                              RiskOption(id: risk.id, label: risk.label, chosen: form.isChosen("risk-" + type.id, risk.id),
                                         name: "risk-" + type.id, fieldID: "risk-\(type.id)-\(risk.id)")
                          }, error: form.errors["service-" + type.id])
        }
        return View(form: form, basedOn: basedOn, services: services)
    }

    /// The services a posted form chose, or the problems with it (recorded in `form`).
    static func read(_ posted: PageForm, framework: Framework, form: inout FormState, catalogue: Catalogue) -> [OfferedService] {
        let vocabulary = framework.vocabulary
        let chosen = posted.all("service").filter { vocabulary.serviceType($0) != nil }
        if chosen.isEmpty { form.fail("services", catalogue["services_none"]) }
        var services: [OfferedService] = []
        for type in vocabulary.serviceTypes where chosen.contains(type.id) {
            let risks = vocabulary.riskLevels.map(\.id).filter(posted.all("risk-" + type.id).contains)
            if risks.isEmpty {
                form.fail("service-" + type.id, catalogue.format("services_noRisk", ["service": type.label]))
            }
            services.append(OfferedService(serviceType: type.id, riskLevels: risks))
        }
        return services
    }

    /// Saves the posted services as the next version, or shows the editor with the form as posted.
    static func save(_ state: SelfAssessment, user: UserAccount, context: RespectRequestContext, service: WebService) async throws -> Response {
        var form = FormState(context.form)
        let services = read(context.form, framework: state.framework, form: &form, catalogue: service.catalogue)
        if let based = Int(context.form.text("basedOn")), based != state.record.latestVersion {
            form.fail("services", service.catalogue.format("form_stale", ["version": String(state.record.latestVersion)]))
        }
        if !form.hasProblems {
            var submission = state.submission
            submission.services = services
            let saved = try await service.saveVersion(submission, of: state.record, user: user, context: context)
            return PageResponse.redirect(to: "\(state.path)/versions/\(saved.number)/changes")
        }
        return EditorPage.render(state, services: options(state.framework, form: form, basedOn: state.version.number),
                                 context: context, service: service, status: .unprocessableContent)
    }
}

import Hummingbird
import RespectAssessment
import RespectModel
import RespectStore

/// Starting a self-assessment from blank: a title, the framework edition (the services offered
/// depend on it, so choosing another edition reloads the form without losing the title), and
/// the services with their risk levels. The first version is a valid submission with no
/// evidence yet, so the dashboard shows at once what to provide.
enum NewSelfAssessmentPage {
    struct View: Sendable, Encodable {
        var form: FormState
        var editions: [EditionOption]
        var edition: String
        var services: ServicesForm.View
    }

    struct EditionOption: Sendable, Encodable {
        var reference: String
        var label: String
        var chosen: Bool
    }

    /// The edition offered first: the newest edition of the Respect Standard installed, else the first.
    static func defaultEdition(_ editions: [LoadedEdition]) -> LoadedEdition? {
        editions.filter { $0.framework.identity.id == "respect-standard" && $0.framework.identity.supersededBy == nil }
            .max { $0.framework.identity.published < $1.framework.identity.published } ?? editions.first
    }

    static func show(framework reference: String?, title: String?, context: RespectRequestContext, service: WebService) throws -> Response {
        var form = FormState()
        form.set("title", title)
        return try render(form: form, reference: reference, context: context, service: service)
    }

    static func render(form: FormState, reference: String?, context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) throws -> Response {
        let catalogue = service.catalogue
        let editions = service.installedEditions()
        guard let chosen = reference.flatMap(service.installedEdition) ?? defaultEdition(editions) else {
            throw ServiceError(.missingInput)
        }
        let view = View(form: form,
                        editions: editions.map { EditionOption(reference: $0.reference, label: "\($0.framework.title) (\($0.reference))",
                                                               chosen: $0.reference == chosen.reference) },
                        edition: chosen.reference,
                        services: ServicesForm.options(chosen.framework, form: form, basedOn: 0))
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + catalogue["new_title"]
        return service.page("new-self-assessment", PageFrame(title: title, context: context, catalogue: catalogue,
                                                            section: "/self-assessments/new"), view, status: status)
    }

    static func create(user: UserAccount, context: RespectRequestContext, service: WebService) async throws -> Response {
        let posted = context.form
        let catalogue = service.catalogue
        var form = FormState(posted)
        let reference = posted.text("framework")
        guard let edition = service.installedEdition(reference) else {
            form.fail("framework", catalogue["new_frameworkMissing"])
            return try render(form: form, reference: nil, context: context, service: service, status: .unprocessableContent)
        }
        let title = posted.text("title")
        if title.isEmpty { form.fail("title", catalogue["new_titleMissing"]) }
        if title.count > EditorInput.maximumText { form.fail("title", catalogue["form_tooLong"]) }
        let services = ServicesForm.read(posted, framework: edition.framework, form: &form, catalogue: catalogue)
        guard !form.hasProblems, let number = user.organisation else {
            return try render(form: form, reference: reference, context: context, service: service, status: .unprocessableContent)
        }
        let organisation = try await service.run { () async throws(ServiceStoreError) in try await service.store.organisation(number) }
        let identity = edition.framework.identity
        let blank = Submission(provider: Provider(name: organisation?.name ?? number.value, charityNumber: number.value),
                               target: FrameworkTarget(framework: identity.id, edition: identity.edition), asOf: nil,
                               services: services, evidence: [], facts: [], actionPlan: [], source: SelfAssessmentFiles.editedName)
        let record = try await service.createSelfAssessment(blank, title: title, user: user, context: context)
        return PageResponse.redirect(to: "/self-assessments/\(record.id)")
    }
}

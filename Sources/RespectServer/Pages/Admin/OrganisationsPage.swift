import Hummingbird
import RespectStore

/// Organisations, identified by their registered (charity or company) number, never by name:
/// the list and a form to add a provider or a commissioning organisation.
enum OrganisationsPage {
    struct View: Sendable, Encodable {
        var organisations: [Row]
        var form: FormState
        var kinds: [UsersPage.Option]
    }

    struct Row: Sendable, Encodable {
        var number: String
        var name: String
        var kind: String
        var added: String
    }

    static func render(form: FormState = FormState(), context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let catalogue = service.catalogue
        let organisations = try await service.run { () async throws(ServiceStoreError) in try await service.store.organisations() }
        let view = View(organisations: organisations.map {
                            Row(number: $0.registeredNumber.value, name: $0.name, kind: catalogue["organisationKind_" + $0.kind.rawValue],
                                added: PageDates.dateTime($0.createdAt))
                        },
                        form: form,
                        kinds: OrganisationKind.allCases.map { UsersPage.Option(value: $0.rawValue, label: catalogue["organisationKind_" + $0.rawValue],
                                                                                chosen: form.values["kind"] == $0.rawValue) })
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + catalogue["organisations_title"]
        return service.page("organisations", PageFrame(title: title, context: context, catalogue: catalogue, section: "/admin/organisations"),
                            view, status: status)
    }

    static func add(context: RespectRequestContext, service: WebService) async throws -> Response {
        let posted = context.form
        var form = FormState(posted)
        guard let kind = OrganisationKind(rawValue: posted.text("kind")) else {
            form.fail("kind", service.catalogue["organisations_kindMissing"])
            return try await render(form: form, context: context, service: service, status: .unprocessableContent)
        }
        let refusal: ServiceError?
        do {
            _ = try await service.accounts.addOrganisation(number: posted.text("number"), name: posted.text("name"), kind: kind,
                                                           by: context.author)
            refusal = nil
        } catch {
            guard let shown = AccountForms.refusal(error) else { throw AccountForms.failure(error) }
            refusal = shown
        }
        if let refusal {
            form.fail("number", refusal.detail ?? service.catalogue.message(for: refusal.code))
            return try await render(form: form, context: context, service: service, status: .unprocessableContent)
        }
        return PageResponse.redirect(to: "/admin/organisations")
    }
}

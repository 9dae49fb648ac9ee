import Hummingbird
import RespectStore

/// Users and their roles: the list, a form to add one (a provider or commissioner belongs to an
/// organisation of its kind, by registered number), and disabling or re-enabling an account
/// (disabling ends its sessions and revokes its tokens at once). Nothing is deleted.
enum UsersPage {
    struct View: Sendable, Encodable {
        var users: [Row]
        var form: FormState
        var roles: [Option]
        var organisations: [Option]
    }

    struct Row: Sendable, Encodable {
        var id: Int64
        var email: String
        var role: String
        var organisation: String
        var disabled: Bool
        var status: BadgeView
    }

    struct Option: Sendable, Encodable {
        var value: String
        var label: String
        var chosen: Bool
    }

    static func render(form: FormState = FormState(), context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let catalogue = service.catalogue
        let (users, organisations) = try await service.run { () async throws(ServiceStoreError) in
            (try await service.store.users(), try await service.store.organisations())
        }
        let names = Dictionary(organisations.map { ($0.registeredNumber, $0.name) }, uniquingKeysWith: { first, _ in first })
        let view = View(users: users.map { user in
                            Row(id: user.id, email: user.email.value, role: catalogue["home_role_" + user.role.rawValue],
                                organisation: user.organisation.map { "\(names[$0] ?? "") (\($0.value))" } ?? "—", disabled: user.disabled,
                                status: user.disabled ? BadgeView(cssClass: "badge status-not-applicable", glyph: "–", words: catalogue["users_disabled"])
                                                      : BadgeView(cssClass: "badge status-met", glyph: "✓", words: catalogue["users_active"]))
                        },
                        form: form,
                        roles: Role.allCases.map { Option(value: $0.rawValue, label: catalogue["home_role_" + $0.rawValue],
                                                          chosen: form.values["role"] == $0.rawValue) },
                        organisations: organisations.map { organisation in
                            Option(value: organisation.registeredNumber.value,
                                   label: "\(organisation.name) (\(organisation.registeredNumber.value), \(catalogue["organisationKind_" + organisation.kind.rawValue]))",
                                   chosen: form.values["organisation"] == organisation.registeredNumber.value)
                        })
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + catalogue["users_title"]
        return service.page("users", PageFrame(title: title, context: context, catalogue: catalogue, section: "/admin/users"), view,
                            status: status)
    }

    static func add(context: RespectRequestContext, service: WebService) async throws -> Response {
        let posted = context.form
        var form = FormState(posted)
        guard let role = Role(rawValue: posted.text("role")) else {
            form.fail("role", service.catalogue["users_roleMissing"])
            return try await render(form: form, context: context, service: service, status: .unprocessableContent)
        }
        let organisation = posted.text("organisation")
        let refusal: ServiceError?
        do {
            _ = try await service.accounts.addUser(email: posted.text("email"), role: role,
                                                   organisation: role.organisationKind == nil || organisation.isEmpty ? nil : organisation,
                                                   password: posted["password"] ?? "", by: context.author)
            refusal = nil
        } catch {
            guard let shown = AccountForms.refusal(error) else { throw AccountForms.failure(error) }
            refusal = shown
        }
        if let refusal {
            form.fail("email", refusal.detail ?? service.catalogue.message(for: refusal.code))
            form.values["password"] = nil
            return try await render(form: form, context: context, service: service, status: .unprocessableContent)
        }
        return PageResponse.redirect(to: "/admin/users")
    }

    static func change(_ id: Int64, context: RespectRequestContext, service: WebService) async throws -> Response {
        guard let disabled = Bool(context.form.text("disabled")) else { throw ServiceError(.badRequest) }
        _ = try await AccountRoutes.account { () async throws(AccountError) in
            try await service.accounts.changeUser(id: id, disabled: disabled, password: nil, by: context.author)
        }
        return PageResponse.redirect(to: "/admin/users")
    }
}

/// Account use-case errors as the admin forms show them.
enum AccountForms {
    /// The refusal to show beside the form (a bad value, a duplicate, an unknown organisation);
    /// anything else (the database away) is thrown on as the service's error.
    static func refusal(_ error: AccountError) -> ServiceError? {
        switch error {
        case .invalid(let message): ServiceError(.badRequest, detail: message)
        case .store(let error):
            switch error {
            case .duplicate, .missing, .refused: ServiceError(ErrorCode(error), detail: error.description)
            case .unavailable, .failed: nil
            }
        }
    }

    /// Any other account error, as the service answers it.
    static func failure(_ error: AccountError) -> ServiceError {
        switch error {
        case .invalid(let message): ServiceError(.badRequest, detail: message)
        case .store(let error): ServiceError(error)
        }
    }
}

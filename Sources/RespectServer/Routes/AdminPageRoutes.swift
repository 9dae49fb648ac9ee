import Hummingbird

/// The administrator's pages (users, organisations) and the audit log, which assessors read too.
enum AdminPageRoutes {
    static let admin = Route.Access.roles([.admin])

    static let routes: [Route] = [
        Route(.get, "/admin/users", "usersPage", admin, kind: .page) { _, context, service in
            try await UsersPage.render(context: context, service: service)
        },
        Route(.post, "/admin/users", "addUserPage", admin, kind: .page) { _, context, service in
            try await UsersPage.add(context: context, service: service)
        },
        Route(.post, "/admin/users/{id}", "changeUserPage", admin, kind: .page) { _, context, service in
            try await UsersPage.change(try context.id("id"), context: context, service: service)
        },
        Route(.get, "/admin/organisations", "organisationsPage", admin, kind: .page) { _, context, service in
            try await OrganisationsPage.render(context: context, service: service)
        },
        Route(.post, "/admin/organisations", "addOrganisationPage", admin, kind: .page) { _, context, service in
            try await OrganisationsPage.add(context: context, service: service)
        },
        Route(.get, "/audit", "auditPage", .roles([.admin, .assessor]), kind: .page) { request, context, service in
            try await AuditPage.render(request, context: context, service: service)
        },
    ]
}

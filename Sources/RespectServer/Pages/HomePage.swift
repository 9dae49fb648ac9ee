import Foundation
import Hummingbird
import RespectStore

/// The signed-in landing page: who you are, what your role does, and the first list of your
/// work (a provider's submissions, the assessor's queue, a commissioner's tenders, the admin's
/// users).
enum HomePage {
    static func render(context: RespectRequestContext, service: WebService) async throws -> Response {
        let user = try context.user
        let catalogue = service.catalogue
        let store = service.store
        let (title, empty, items): (String, String, [String]) = try await service.run { () async throws(ServiceStoreError) in
            switch user.role {
            case .provider:
                let submissions = try await user.organisation.map { number async throws(ServiceStoreError) in
                    try await store.submissions(of: number)
                } ?? []
                return (catalogue["home_submissions"], catalogue["home_noSubmissions"],
                        submissions.map { "\($0.id): \($0.title) (version \($0.latestVersion))" })
            case .assessor:
                return (catalogue["home_awaiting"], catalogue["home_noneAwaiting"],
                        try await store.submittedSubmissions().map { "\($0.id): \($0.title) (\($0.organisation))" })
            case .commissioner:
                return (catalogue["home_tenders"], catalogue["home_noTenders"],
                        try await store.tenders(of: user.organisation).map { "\($0.id): \($0.reference) \($0.title)" })
            case .admin:
                return (catalogue["home_users"], "", try await store.users().map { "\($0.email) (\($0.role.rawValue))" })
            }
        }
        var csrf = ""
        if case .session(_, let token)? = context.signedIn?.credential { csrf = token }
        let html = service.pages.render("home", [
            "title": catalogue["home_title"], "email": user.email.value, "roleName": catalogue["home_role_\(user.role.rawValue)"],
            "roleIntro": catalogue["home_role_\(user.role.rawValue)_intro"], "organisation": user.organisation?.value as Any,
            "listTitle": title, "emptyText": empty, "items": items, "csrf": csrf,
        ], catalogue: catalogue)
        return PageResponse.html(html)
    }
}

private extension Optional {
    func map<Mapped>(_ transform: (Wrapped) async throws(ServiceStoreError) -> Mapped) async throws(ServiceStoreError) -> Mapped? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

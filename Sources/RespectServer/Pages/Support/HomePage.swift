import Foundation
import Hummingbird
import RespectStore

/// The signed-in landing page: who you are, what your role does, and the first list of your
/// work with links into it (a provider's self-assessments with their verdicts, the assessor's
/// queue, a commissioner's tenders, the admin's users), and the first thing to do next.
enum HomePage {
    struct View: Sendable, Encodable {
        var email: String
        var roleName: String
        var roleIntro: String
        var organisation: String?
        var listTitle: String
        var emptyText: String
        var items: [Item]
        var hasItems: Bool
        var firstSteps: [FirstStep]
    }

    struct Item: Sendable, Encodable {
        var href: String
        var label: String
        var detail: String
        var badge: BadgeView?
    }

    struct FirstStep: Sendable, Encodable {
        var href: String
        var label: String
    }

    static func render(context: RespectRequestContext, service: WebService) async throws -> Response {
        let user = try context.user
        let catalogue = service.catalogue
        let store = service.store
        var items: [Item] = []
        let title: String, empty: String
        var steps: [FirstStep] = []
        switch user.role {
        case .provider:
            title = catalogue["home_submissions"]
            empty = catalogue["home_noSubmissions"]
            let records = try await service.run { () async throws(ServiceStoreError) in
                guard let number = user.organisation else { return [SubmissionRecord]() }
                return try await store.submissions(of: number)
            }
            for record in records.reversed() {
                let (_, version) = try await service.version(record.id, record.latestVersion, for: user)
                let outcome = try await service.checked(version, of: record).assessment.outcome
                items.append(Item(href: "/self-assessments/\(record.id)", label: record.title,
                                  detail: catalogue.format("home_versionDetail", ["version": String(record.latestVersion),
                                                                                 "state": catalogue["versionState_" + version.state.rawValue]]),
                                  badge: BadgeView(verdict: outcome.verdict, label: outcome.label)))
            }
            steps = [FirstStep(href: "/self-assessments/new", label: catalogue["nav_newSelfAssessment"]),
                     FirstStep(href: "/self-assessments/import", label: catalogue["nav_import"])]
        case .assessor:
            title = catalogue["home_awaiting"]
            empty = catalogue["home_noneAwaiting"]
            items = try await service.run { () async throws(ServiceStoreError) in try await store.submittedSubmissions() }.map { record in
                Item(href: "/assessments/\(record.id)/versions/\(record.submittedVersions.last ?? record.latestVersion)", label: record.title,
                     detail: record.organisation.value, badge: nil)
            }
            steps = [FirstStep(href: "/assessments", label: catalogue["nav_queue"]), FirstStep(href: "/moderation", label: catalogue["nav_moderation"])]
        case .commissioner:
            title = catalogue["home_tenders"]
            empty = catalogue["home_noTenders"]
            items = try await service.run { () async throws(ServiceStoreError) in try await store.tenders(of: user.organisation) }.map {
                Item(href: "/tenders/\($0.id)", label: $0.reference, detail: $0.title, badge: nil)
            }
            steps = [FirstStep(href: "/tenders/new", label: catalogue["nav_newTender"])]
        case .admin:
            title = catalogue["home_users"]
            empty = ""
            items = try await service.run { () async throws(ServiceStoreError) in try await store.users() }.map {
                Item(href: "/admin/users", label: $0.email.value, detail: catalogue["home_role_" + $0.role.rawValue], badge: nil)
            }
            steps = [FirstStep(href: "/admin/organisations", label: catalogue["nav_organisations"]),
                     FirstStep(href: "/admin/users", label: catalogue["nav_users"])]
        }
        let view = View(email: user.email.value, roleName: catalogue["home_role_\(user.role.rawValue)"],
                        roleIntro: catalogue["home_role_\(user.role.rawValue)_intro"], organisation: user.organisation?.value,
                        listTitle: title, emptyText: empty, items: items, hasItems: !items.isEmpty, firstSteps: steps)
        return service.page("home", PageFrame(title: catalogue["home_title"], context: context, catalogue: catalogue, section: "/home"), view)
    }
}

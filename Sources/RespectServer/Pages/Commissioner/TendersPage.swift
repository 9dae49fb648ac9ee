import Hummingbird
import RespectStore

/// The tenders a user sees: a commissioner's own, to compare their bids; every tender for a
/// provider, to offer a submitted version as a bid.
enum TendersPage {
    struct View: Sendable, Encodable {
        var rows: [Row]
        var hasRows: Bool
        var isCommissioner: Bool
    }

    struct Row: Sendable, Encodable {
        var href: String
        var reference: String
        var title: String
        var deadline: String
        var organisation: String
    }

    static func render(context: RespectRequestContext, service: WebService) async throws -> Response {
        let user = try context.user
        let catalogue = service.catalogue
        let tenders = try await service.run { () async throws(ServiceStoreError) in
            try await service.store.tenders(of: user.role == .commissioner ? user.organisation : nil)
        }.filter(AccessPolicy(user: user).canSee)
        let rows = tenders.reversed().map { tender in
            Row(href: "/tenders/\(tender.id)", reference: tender.reference, title: tender.title, deadline: tender.deadline,
                organisation: tender.organisation.value)
        }
        let view = View(rows: rows, hasRows: !rows.isEmpty, isCommissioner: user.role == .commissioner)
        return service.page("tenders", PageFrame(title: catalogue["tenders_title"], context: context, catalogue: catalogue,
                                                 section: "/tenders"), view)
    }
}

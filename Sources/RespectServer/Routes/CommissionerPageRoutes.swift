import Hummingbird
import RespectReports
import RespectStore

/// The tender pages: the list (a commissioner's own tenders, or every tender for a provider),
/// creating a tender, a tender's comparison matrix and downloads for its commissioner, and the
/// bid form for providers. Another commissioner's tender answers 404.
enum CommissionerPageRoutes {
    static let commissioner = Route.Access.roles([.commissioner])

    static let routes: [Route] = [
        Route(.get, "/tenders", "tendersPage", .roles([.commissioner, .provider]), kind: .page) { _, context, service in
            try await TendersPage.render(context: context, service: service)
        },
        Route(.get, "/tenders/new", "newTenderPage", commissioner, kind: .page) { request, context, service in
            try TenderForm.show(framework: request.query("framework"), context: context, service: service)
        },
        Route(.post, "/tenders", "createTenderPage", commissioner, kind: .page) { _, context, service in
            try await TenderForm.create(user: try context.user, context: context, service: service)
        }.withFiles(),
        Route(.get, "/tenders/{id}", "tenderPage", .roles([.commissioner, .provider]), kind: .page) { _, context, service in
            let user = try context.user
            let tender = try await TenderRoutes.tender(try context.id("id"), for: user, service: service)
            if AccessPolicy(user: user).manages(tender) {
                return ComparisonPage.render(tender, result: try await service.compareBids(tender), context: context, service: service)
            }
            return try await BidPage.render(tender, context: context, service: service)
        },
        Route(.post, "/tenders/{id}/bids", "placeBidPage", .roles([.provider]), kind: .page) { _, context, service in
            let tender = try await TenderRoutes.tender(try context.id("id"), for: try context.user, service: service)
            return try await BidPage.place(tender, context: context, service: service)
        },
        Route(.get, "/tenders/{id}/comparison.csv", "comparisonCSV", commissioner, kind: .page) { _, context, service in
            let tender = try await managed(context, service)
            return TenderRoutes.csv(try await service.compareBids(tender), tender: tender)
        },
        Route(.get, "/tenders/{id}/comparison.html", "comparisonHTML", commissioner, kind: .page) { _, context, service in
            PageResponse.html(HTMLTenderReport().render(try await service.compareBids(try await managed(context, service))))
        },
    ]

    /// The commissioner's own tender the path names; 404 otherwise.
    static func managed(_ context: RespectRequestContext, _ service: WebService) async throws -> TenderRecord {
        let user = try context.user
        let tender = try await TenderRoutes.tender(try context.id("id"), for: user, service: service)
        guard AccessPolicy(user: user).manages(tender) else { throw ServiceError.notFound }
        return tender
    }
}

import Hummingbird
import RespectModel
import RespectStore

/// A tender as a provider sees it: its terms, the bids the provider's organisation placed, and
/// a form to offer one of its submitted versions (a later bid supersedes an earlier one).
enum BidPage {
    struct View: Sendable, Encodable {
        var path: String
        var reference: String
        var title: String
        var deadline: String
        var clauses: [ComparisonPage.Clause]
        var versions: [Option]
        var hasVersions: Bool
        var bids: [String]
        var hasBids: Bool
        var form: FormState
    }

    struct Option: Sendable, Encodable {
        var value: String
        var label: String
    }

    static func render(_ tender: TenderRecord, form: FormState = FormState(), context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.user
        let catalogue = service.catalogue
        let loaded = try? service.engine.loader.loadTender(bytes: try await service.bytes(of: tender.sha256), path: tender.fileName)
        let submissions = try await service.run { () async throws(ServiceStoreError) in
            guard let organisation = user.organisation else { return [SubmissionRecord]() }
            return try await service.store.submissions(of: organisation)
        }
        let versions = submissions.flatMap { record in
            record.submittedVersions.reversed().map { number in
                Option(value: "\(record.id):\(number)", label: catalogue.format("bid_versionOption", ["title": record.title,
                                                                                                     "version": String(number)]))
            }
        }
        let bids = try await service.run { () async throws(ServiceStoreError) in try await service.store.bids(tenderID: tender.id, current: false) }
            .filter { AccessPolicy(user: user).canSee($0, to: tender) }
        let titles = Dictionary(submissions.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let view = View(path: "/tenders/\(tender.id)", reference: tender.reference, title: tender.title, deadline: tender.deadline,
                        clauses: (loaded?.clauses ?? []).map { ComparisonPage.Clause(id: $0.id, heading: $0.heading, text: $0.text) },
                        versions: versions, hasVersions: !versions.isEmpty,
                        bids: bids.map { bid in
                            catalogue.format(bid.supersededBy == nil ? "bid_current" : "bid_superseded",
                                             ["title": titles[bid.submissionID] ?? String(bid.submissionID), "version": String(bid.version),
                                              "placed": PageDates.dateTime(bid.placedAt)])
                        },
                        hasBids: !bids.isEmpty, form: form)
        return service.page("bid", PageFrame(title: catalogue.format("bid_title", ["reference": tender.reference]), context: context,
                                             catalogue: catalogue, section: "/tenders"), view, status: status)
    }

    static func place(_ tender: TenderRecord, context: RespectRequestContext, service: WebService) async throws -> Response {
        let user = try context.user
        var form = FormState(context.form)
        let parts = context.form.text("version").split(separator: ":").compactMap { Int64($0) }
        guard parts.count == 2 else {
            form.fail("version", service.catalogue["bid_versionMissing"])
            return try await render(tender, form: form, context: context, service: service, status: .unprocessableContent)
        }
        // The bid offers one of the provider's own submitted versions; anything else is not there for it.
        let submission = try await service.submission(parts[0], for: user, changing: true)
        _ = try await service.run { () async throws(ServiceStoreError) in
            try await service.store.placeBid(tenderID: tender.id, organisation: submission.organisation, submissionID: submission.id,
                                             version: Int(parts[1]), at: service.now, placedBy: user.id, by: context.author)
        }
        return PageResponse.redirect(to: "/tenders/\(tender.id)")
    }
}

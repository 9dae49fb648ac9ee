import Foundation
import Hummingbird
import NIOCore
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectStore

/// Tenders (a commissioner's requirement files), bids (a provider's submitted versions), and
/// the comparison of a tender's bids as JSON, CSV or HTML, through `AssessmentEngine.compareBids`.
enum TenderRoutes {
    static let routes: [Route] = [
        Route(.get, "/api/v1/tenders", "listTenders", .roles([.commissioner, .provider])) { _, context, service in
            let user = try context.user
            let tenders = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.tenders(of: user.role == .commissioner ? user.organisation : nil)
            }
            return try JSONBody.response(tenders.filter(AccessPolicy(user: user).canSee))
        },
        Route(.post, "/api/v1/tenders", "addTender", .roles([.commissioner])) { request, context, service in
            let user = try context.user
            guard let organisation = user.organisation else { throw ServiceError.notFound }
            let bytes = try await BodyReader.read(request, limit: service.configuration.maxXMLBytes)
            let name = try request.uploadName(default: "tender.xml")
            let tender: Tender
            do {
                let document = try service.engine.read(.bytes(bytes, name: name))
                tender = try service.engine.loader.loadTender(bytes: document.bytes, path: document.name)
            } catch let error as AssessmentError {
                throw ServiceError(error)
            } catch let error as DocumentLoadError {
                throw ServiceError(AssessmentError.load(error))
            }
            let new = NewTender(organisation: organisation, content: FileContent(bytes), fileName: name, reference: tender.reference,
                                title: tender.title, deadline: tender.timetable.deadline.description, createdBy: user.id,
                                createdAt: service.now)
            let added = try await service.run { () async throws(ServiceStoreError) in try await service.store.addTender(new, by: context.author) }
            return try JSONBody.response(added, status: .created)
        },
        Route(.get, "/api/v1/tenders/{id}", "getTender", .roles([.commissioner, .provider])) { _, context, service in
            try JSONBody.response(try await tender(try context.id("id"), for: try context.user, service: service))
        },
        Route(.get, "/api/v1/tenders/{id}/bids", "listBids", .roles([.commissioner, .provider])) { _, context, service in
            let user = try context.user
            let tender = try await tender(try context.id("id"), for: user, service: service)
            let bids = try await service.run { () async throws(ServiceStoreError) in try await service.store.bids(tenderID: tender.id, current: false) }
            return try JSONBody.response(bids.filter { AccessPolicy(user: user).canSee($0, to: tender) })
        },
        Route(.post, "/api/v1/tenders/{id}/bids", "placeBid", .roles([.provider])) { request, context, service in
            let user = try context.user
            let tender = try await tender(try context.id("id"), for: user, service: service)
            let body = try await JSONBody.decode(BidRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            // The bid offers one of the provider's own submissions: anything else is not there for it.
            let submission = try await service.submission(body.submission, for: user, changing: true)
            let bid = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.placeBid(tenderID: tender.id, organisation: submission.organisation, submissionID: submission.id,
                                                 version: body.version, at: service.now, placedBy: user.id, by: context.author)
            }
            return try JSONBody.response(bid, status: .created)
        },
        Route(.get, "/api/v1/tenders/{id}/comparison", "compareBids", .roles([.commissioner])) { request, context, service in
            let user = try context.user
            let tender = try await tender(try context.id("id"), for: user, service: service)
            guard AccessPolicy(user: user).manages(tender) else { throw ServiceError.notFound }
            let result = try await service.compareBids(tender)
            switch request.query("format") ?? "json" {
            case "json": return JSONBody.raw(Array(try JSONReport.encode(result).utf8))
            case "csv": return TenderRoutes.csv(result, tender: tender)
            case "html": return PageResponse.html(HTMLTenderReport().render(result))
            default: throw ServiceError(.badRequest, detail: "format: expected json, csv or html")
            }
        },
    ]

    /// A tender the user may see; 404 otherwise.
    static func tender(_ id: Int64, for user: UserAccount, service: WebService) async throws -> TenderRecord {
        let found = try await service.run { () async throws(ServiceStoreError) in try await service.store.tender(id: id) }
        guard let found, AccessPolicy(user: user).canSee(found) else { throw ServiceError.notFound }
        return found
    }
}

extension TenderRoutes {
    /// The comparison as a CSV download (`respect tender --format csv`).
    static func csv(_ result: TenderResult, tender: TenderRecord) -> Response {
        PageResponse.download(Array(TenderCSVReport.render(result).utf8), mediaType: "text/csv; charset=utf-8",
                              fileName: "tender-\(tender.id)-bids.csv")
    }
}

extension WebService {
    /// A tender's current bids (each organisation's latest) compared through
    /// `AssessmentEngine.compareBids`, as `respect tender` compares files.
    func compareBids(_ tender: TenderRecord) async throws -> TenderResult {
        let bids = try await run { () async throws(ServiceStoreError) in try await store.bids(tenderID: tender.id, current: true) }
        var sources: [InputSource] = []
        for bid in bids {
            let version = try await run { () async throws(ServiceStoreError) in
                try await store.version(submissionID: bid.submissionID, number: bid.version)
            }
            guard let version else { continue }
            sources.append(.bytes(try await bytes(of: version.sha256), name: "bid \(bid.id) (\(bid.organisation))"))
        }
        let request = TenderRequest(tender: .bytes(try await bytes(of: tender.sha256), name: tender.fileName), bids: sources)
        do {
            return try engine.compareBids(request)
        } catch {
            throw ServiceError(error)
        }
    }
}

struct BidRequest: Decodable {
    var submission: Int64
    var version: Int
}

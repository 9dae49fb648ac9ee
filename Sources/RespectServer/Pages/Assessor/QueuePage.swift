import Hummingbird
import RespectStore

/// The assessor's queue: every version submitted for assessment, oldest submission first, with
/// its organisation, how many findings it has and how many of them await a second assessor.
enum QueuePage {
    struct View: Sendable, Encodable {
        var rows: [Row]
        var hasRows: Bool
    }

    struct Row: Sendable, Encodable {
        var href: String
        var title: String
        var organisation: String
        var version: Int
        var submitted: String
        var findings: Int
        var awaiting: Int
    }

    static func render(context: RespectRequestContext, service: WebService) async throws -> Response {
        let catalogue = service.catalogue
        let submissions = try await service.run { () async throws(ServiceStoreError) in try await service.store.submittedSubmissions() }
        var rows: [Row] = []
        for submission in submissions {
            let (versions, findings, organisation) = try await service.run { () async throws(ServiceStoreError) in
                (try await service.store.versions(submissionID: submission.id), try await service.store.findings(submissionID: submission.id),
                 try await service.store.organisation(submission.organisation))
            }
            for version in versions where version.state == .submitted {
                let own = findings.filter { $0.version == version.number }
                rows.append(Row(href: "/assessments/\(submission.id)/versions/\(version.number)", title: submission.title,
                                organisation: "\(organisation?.name ?? "") (\(submission.organisation.value))", version: version.number,
                                submitted: version.submittedAt.map(PageDates.dateTime) ?? "", findings: own.count,
                                awaiting: own.filter { $0.moderation == nil }.count))
            }
        }
        let view = View(rows: rows, hasRows: !rows.isEmpty)
        return service.page("queue", PageFrame(title: catalogue["queue_title"], context: context, catalogue: catalogue,
                                               section: "/assessments"), view)
    }
}

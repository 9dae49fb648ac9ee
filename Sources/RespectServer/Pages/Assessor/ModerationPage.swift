import Hummingbird
import RespectAssessment
import RespectStore

/// Moderation across every submitted self-assessment: the findings awaiting a second assessor
/// (other assessors' findings can be agreed or disputed here; one's own wait for a colleague),
/// and the disagreements, which change no verdict until an assessor records a new finding.
enum ModerationPage {
    struct View: Sendable, Encodable {
        var awaiting: FindingsTable
        var hasAwaiting: Bool
        var disputed: FindingsTable
        var hasDisputed: Bool
    }

    static func render(context: RespectRequestContext, service: WebService) async throws -> Response {
        let user = try context.user
        let catalogue = service.catalogue
        let submissions = try await service.run { () async throws(ServiceStoreError) in try await service.store.submittedSubmissions() }
        var all: [AssessorFinding] = []
        for submission in submissions {
            all += try await service.run { () async throws(ServiceStoreError) in try await service.store.findings(submissionID: submission.id) }
        }
        let awaiting = all.filter { $0.moderated.state == .awaitingModeration }.map { FindingRow($0, viewer: user, catalogue: catalogue, showLink: true) }
        let disputed = all.filter { $0.moderated.state == .disputed }.map { FindingRow($0, viewer: user, catalogue: catalogue, showLink: true) }
        let view = View(awaiting: FindingsTable(captionID: "awaiting-caption", caption: catalogue["moderation_awaitingCaption"],
                                                rows: awaiting, back: "/moderation"),
                        hasAwaiting: !awaiting.isEmpty,
                        disputed: FindingsTable(captionID: "disputed-caption", caption: catalogue["moderation_disputedCaption"],
                                                rows: disputed, back: "/moderation"),
                        hasDisputed: !disputed.isEmpty)
        return service.page("moderation", PageFrame(title: catalogue["moderation_title"], context: context, catalogue: catalogue,
                                                    section: "/moderation"), view)
    }

    /// Records the second assessor's view, then returns to the page the form was on.
    static func moderate(_ id: Int64, context: RespectRequestContext, service: WebService) async throws -> Response {
        let user = try context.user
        let posted = context.form
        guard let agrees = Bool(posted.text("agrees")) else { throw ServiceError(.badRequest) }
        let finding = try await service.run { () async throws(ServiceStoreError) in try await service.store.finding(id: id) }
        // Only findings on submitted versions the assessor sees exist for them.
        guard let finding else { throw ServiceError.notFound }
        _ = try await service.version(finding.submissionID, finding.version, for: user)
        _ = try await service.run { () async throws(ServiceStoreError) in
            try await service.store.moderateFinding(id: id, FindingModeration(moderatorID: user.id, agrees: agrees,
                                                                              note: String(posted.text("note").prefix(2000)), at: service.now),
                                                    by: context.author)
        }
        let back = posted.text("back")
        let safe = back.hasPrefix("/assessments/") || back == "/moderation" ? back : "/moderation"
        return PageResponse.redirect(to: safe.filter { !$0.isNewline })
    }
}

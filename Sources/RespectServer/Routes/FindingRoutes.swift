import Foundation
import Hummingbird
import RespectModel
import RespectStore

/// Assessor findings on submitted versions, and their moderation by a second assessor.
enum FindingRoutes {
    static let routes: [Route] = [
        Route(.get, "/api/v1/submissions/{id}/findings", "listFindings", SubmissionRoutes.providersAndAssessors) { _, context, service in
            let submission = try await service.submission(try context.id("id"), for: try context.user)
            return try JSONBody.response(try await service.run { () async throws(ServiceStoreError) in
                try await service.store.findings(submissionID: submission.id)
            })
        },
        Route(.post, "/api/v1/submissions/{id}/findings", "recordFinding", .roles([.assessor])) { request, context, service in
            let user = try context.user
            let submission = try await service.submission(try context.id("id"), for: user)
            let body = try await JSONBody.decode(FindingRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            guard let date = CalendarDate(body.date ?? service.today.description) else {
                throw ServiceError(.badRequest, detail: "date: expected YYYY-MM-DD")
            }
            var expires: CalendarDate?
            if let text = body.expires {
                guard let parsed = CalendarDate(text) else { throw ServiceError(.badRequest, detail: "expires: expected YYYY-MM-DD") }
                expires = parsed
            }
            guard !body.targetID.isEmpty, !body.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ServiceError(.badRequest, detail: "expected a targetID and a reason")
            }
            let finding = NewFinding(submissionID: submission.id, version: body.version, kind: body.kind, targetID: body.targetID,
                                     decision: body.decision, reason: body.reason, assessorID: user.id, date: date,
                                     expires: expires, fileSHA256: body.fileSHA256, recordedAt: service.now)
            let recorded = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.recordFinding(finding, by: context.author)
            }
            return try JSONBody.response(recorded, status: .created)
        },
        Route(.post, "/api/v1/findings/{id}/moderation", "moderateFinding", .roles([.assessor])) { request, context, service in
            let user = try context.user
            let id = try context.id("id")
            let body = try await JSONBody.decode(ModerationRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            let moderated = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.moderateFinding(id: id, FindingModeration(moderatorID: user.id, agrees: body.agrees,
                                                                                  note: body.note ?? "", at: service.now),
                                                        by: context.author)
            }
            return try JSONBody.response(moderated)
        },
    ]
}

struct FindingRequest: Decodable {
    var version: Int
    var kind: FindingTargetKind
    var targetID: String
    var decision: FindingDecision
    var reason: String
    var date: String?
    var expires: String?
    var fileSHA256: String?
}

struct ModerationRequest: Decodable {
    var agrees: Bool
    var note: String?
}

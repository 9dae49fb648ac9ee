import Hummingbird
import RespectStore

/// The assessor's pages: the queue, one submitted version under review with its finding forms,
/// moderation, and rounds. Versions are reached through `WebService.version`, so a draft or
/// an unknown id answers 404.
enum AssessorPageRoutes {
    static let assessor = Route.Access.roles([.assessor])

    static let routes: [Route] = [
        Route(.get, "/assessments", "queuePage", assessor, kind: .page) { _, context, service in
            try await QueuePage.render(context: context, service: service)
        },
        Route(.get, "/assessments/{id}/versions/{number}", "reviewPage", assessor, kind: .page) { _, context, service in
            let (submission, version) = try await service.version(try context.id("id"), try context.number("number"), for: try context.user)
            return try await ReviewPage.render(submission: submission, version: version, posted: nil, context: context, service: service)
        },
        Route(.post, "/assessments/{id}/versions/{number}/findings", "recordFindingPage", assessor, kind: .page) { _, context, service in
            let (submission, version) = try await service.version(try context.id("id"), try context.number("number"), for: try context.user)
            return try await ReviewPage.record(submission: submission, version: version, context: context, service: service)
        },
        Route(.get, "/moderation", "moderationPage", assessor, kind: .page) { _, context, service in
            try await ModerationPage.render(context: context, service: service)
        },
        Route(.post, "/findings/{id}/moderation", "moderateFindingPage", assessor, kind: .page) { _, context, service in
            try await ModerationPage.moderate(try context.id("id"), context: context, service: service)
        },
        Route(.get, "/rounds", "roundsPage", assessor, kind: .page) { _, context, service in
            try await RoundsPage.render(context: context, service: service)
        },
        Route(.post, "/rounds", "scoreRoundPage", assessor, kind: .page) { _, context, service in
            try await RoundsPage.create(context: context, service: service)
        },
        Route(.get, "/rounds/{id}", "roundPage", assessor, kind: .page) { _, context, service in
            let id = try context.id("id")
            let round = try await service.run { () async throws(ServiceStoreError) in try await service.store.round(id: id) }
            guard let round else { throw ServiceError.notFound }
            return try await RoundPage.render(round, context: context, service: service)
        },
    ]
}

import Foundation
import Hummingbird
import RespectEvaluation
import RespectReports
import RespectStore

/// Run history by organisation, one run in full, and the diff between two runs (`respect
/// history` and `respect diff` over the service's store).
enum RunRoutes {
    static let routes: [Route] = [
        Route(.get, "/api/v1/runs", "listRuns", .roles([.assessor])) { request, _, service in
            guard let organisation = request.query("organisation") else {
                throw ServiceError(.badRequest, detail: "organisation: expected a registered number or a name")
            }
            let history = try await runStore { () async throws(StoreError) in
                try await service.store.history(matching: OrganisationQuery(organisation))
            }
            return try JSONBody.response(history)
        },
        Route(.get, "/api/v1/runs/{id}", "getRun", .roles([.assessor])) { _, context, service in
            let run = try await stored(try context.id("id"), service: service)
            return JSONBody.raw(Array(try JSONReport.encode(RunAnswer(summary: run.summary, result: run.assessment)).utf8))
        },
        Route(.get, "/api/v1/runs/{id}/diff/{other}", "diffRuns", .roles([.assessor])) { _, context, service in
            let old = try await stored(try context.id("id"), service: service)
            let new = try await stored(try context.id("other"), service: service)
            let diff = AssessmentDiff(old: old.assessment, new: new.assessment, oldRun: old.summary.run, newRun: new.summary.run)
            return JSONBody.raw(Array(try JSONReport.encode(diff).utf8))
        },
    ]

    static func stored(_ id: Int64, service: WebService) async throws -> StoredRun {
        let run = try await runStore { () async throws(StoreError) in try await service.store.run(id: id) }
        guard let run else { throw ServiceError.notFound }
        return run
    }

    static func runStore<Value>(_ body: () async throws(StoreError) -> Value) async throws(ServiceError) -> Value {
        do {
            return try await body()
        } catch {
            throw ServiceError(.unavailable)
        }
    }
}

/// A run: its summary and its full result.
struct RunAnswer: Encodable {
    var summary: RunSummary
    var result: Assessment
}

import Foundation
import Hummingbird
import RespectAssessment
import RespectReports
import RespectStore

/// Rounds: a set of submitted versions scored together as `respect batch` scores files, each
/// scored version recorded as a run in the same transaction as its round entry.
enum RoundRoutes {
    static let routes: [Route] = [
        Route(.get, "/api/v1/rounds", "listRounds", .roles([.assessor])) { _, _, service in
            try JSONBody.response(try await service.run { () async throws(ServiceStoreError) in try await service.store.rounds() })
        },
        Route(.post, "/api/v1/rounds", "scoreRound", .roles([.assessor])) { request, context, service in
            let user = try context.user
            let body = try await JSONBody.decode(RoundRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            guard !body.versions.isEmpty, body.versions.count <= 10_000 else {
                throw ServiceError(.badRequest, detail: "versions: expected from 1 to 10,000 submitted versions")
            }
            // Every version must be one the assessor may see, before anything is recorded.
            var targets: [(SubmissionRecord, SubmissionVersion)] = []
            for entry in body.versions {
                targets.append(try await service.version(entry.submission, entry.version, for: user))
            }
            let (round, entries) = try await service.scoreRound(name: body.name, targets, user: user, context: context)
            return try JSONBody.response(RoundAnswer(round, entries: entries), status: .created)
        },
        Route(.get, "/api/v1/rounds/{id}", "getRound", .roles([.assessor])) { _, context, service in
            let id = try context.id("id")
            let round = try await service.run { () async throws(ServiceStoreError) in try await service.store.round(id: id) }
            guard let round else { throw ServiceError.notFound }
            return try JSONBody.response(RoundAnswer(round, entries: round.entries))
        },
    ]
}

extension WebService {
    /// Scores `targets` as a round, as `respect batch` scores files: each version with its
    /// submission's agreed findings, its run recorded in the same transaction as its entry.
    /// The caller has checked the user may see every target.
    func scoreRound(name: String, _ targets: [(SubmissionRecord, SubmissionVersion)], user: UserAccount,
                    context: RespectRequestContext) async throws -> (RoundRecord, [RoundEntry]) {
        let round = try await run { () async throws(ServiceStoreError) in
            try await store.createRound(name: name, at: now, by: context.author, createdBy: user.id)
        }
        var entries: [RoundEntry] = []
        for (submission, version) in targets {
            var scorer = BatchScorer(engine: engine, today: today)
            scorer.review = BatchReview(findings: try await findingsSet(for: submission))
            let scored = scorer.scoreInFull(.bytes(try await bytes(of: version.sha256),
                                                   name: "submission \(submission.id) version \(version.number)"))
            let record = scored.assessment.map { RunRecord($0, assessor: user.email.value, recordedAt: now) }
            let row = try BatchRowFormat.jsonLine(scored.row).trimmingCharacters(in: .newlines)
            entries.append(try await run { () async throws(ServiceStoreError) in
                try await store.addRoundEntry(roundID: round.id, submissionID: submission.id, version: version.number,
                                              run: record, rowJSON: row, by: context.author)
            })
        }
        return (round, entries)
    }
}

struct RoundRequest: Decodable {
    struct Entry: Decodable {
        var submission: Int64
        var version: Int
    }

    var name: String
    var versions: [Entry]
}

/// A round with each entry's batch row as JSON (the fields of `respect batch --jsonl`).
struct RoundAnswer: Encodable {
    struct Entry: Encodable {
        var submission: Int64
        var version: Int
        var run: Int64?
        var row: JSONValue
    }

    var id: Int64
    var name: String
    var createdBy: Int64
    var createdAt: Date
    var entries: [Entry]

    init(_ round: RoundRecord, entries: [RoundEntry]) {
        id = round.id
        name = round.name
        createdBy = round.createdBy
        createdAt = round.createdAt
        self.entries = entries.map { entry in
            Entry(submission: entry.submissionID, version: entry.version, run: entry.run,
                  row: (try? JSONDecoder().decode(JSONValue.self, from: Data(entry.rowJSON.utf8))) ?? .null)
        }
    }
}

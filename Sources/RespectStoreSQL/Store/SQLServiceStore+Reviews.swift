public import Foundation
public import RespectStore

extension SQLServiceStore {
    private static let findingSelect = """
        SELECT finding.*, account.email AS assessor_email FROM finding JOIN account ON account.id = finding.assessor_id
        """

    public func recordFinding(_ new: NewFinding, by author: ChangeAuthor) async throws(ServiceStoreError) -> AssessorFinding {
        try await write { transaction in
            let organisation = try await Self.requireSubmitted(submissionID: new.submissionID, version: new.version, in: transaction)
            let row = try await transaction.queryOne("""
                INSERT INTO finding (submission_id, version, kind, target_id, decision, reason, assessor_id, date, expires,
                                     file_sha256, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [.integer(new.submissionID), .init(new.version), .text(new.kind.rawValue), .text(new.targetID),
                      .text(new.decision.rawValue), .text(new.reason), .integer(new.assessorID), .text(new.date.description),
                      .init(new.expires?.description), .init(new.fileSHA256?.lowercased()), .init(new.recordedAt)])
            guard let id = try row?.int64("id"),
                  let stored = try await transaction.queryOne("\(Self.findingSelect) WHERE finding.id = ?", [.integer(id)]) else {
                throw ServiceStoreError.missing(.user, key: String(new.assessorID))
            }
            let finding = try RowDecoding.finding(stored)
            try await AuditWriter.append(transaction, at: new.recordedAt, author: author, action: .findingRecorded,
                                         subject: AuditSubject(kind: "finding", id: String(id)), organisation: organisation,
                                         after: finding)
            return finding
        }
    }

    /// The organisation of a submitted version; `.missing` or `.refused(.versionNotSubmitted)` otherwise.
    static func requireSubmitted(submissionID: Int64, version: Int, in transaction: any SQLTransaction) async throws -> RegisteredNumber {
        guard let row = try await transaction.queryOne("""
            SELECT submission_version.state, submission.organisation FROM submission_version
            JOIN submission ON submission.id = submission_version.submission_id
            WHERE submission_version.submission_id = ? AND submission_version.number = ?
            """, [.integer(submissionID), .init(version)]) else {
            throw ServiceStoreError.missing(.version, key: "\(submissionID)/\(version)")
        }
        guard try row.text("state") == SubmissionVersion.State.submitted.rawValue else {
            throw ServiceStoreError.refused(.versionNotSubmitted(submission: submissionID, version: version))
        }
        return try RowDecoding.number(row, "organisation")
    }

    public func findings(submissionID: Int64) async throws(ServiceStoreError) -> [AssessorFinding] {
        try decode(try await read("\(Self.findingSelect) WHERE finding.submission_id = ? ORDER BY finding.id", [.integer(submissionID)]),
                   RowDecoding.finding)
    }

    public func finding(id: Int64) async throws(ServiceStoreError) -> AssessorFinding? {
        try decode(try await read("\(Self.findingSelect) WHERE finding.id = ?", [.integer(id)]), RowDecoding.finding).first
    }

    public func moderateFinding(id: Int64, _ moderation: FindingModeration, by author: ChangeAuthor) async throws(ServiceStoreError) -> AssessorFinding {
        try await write { transaction in
            guard let row = try await transaction.queryOne("""
                SELECT finding.*, account.email AS assessor_email, submission.organisation FROM finding
                JOIN account ON account.id = finding.assessor_id JOIN submission ON submission.id = finding.submission_id
                WHERE finding.id = ?
                """, [.integer(id)]) else {
                throw ServiceStoreError.missing(.finding, key: String(id))
            }
            let before = try RowDecoding.finding(row)
            guard before.assessorID != moderation.moderatorID else { throw ServiceStoreError.refused(.moderatorIsAssessor(finding: id)) }
            let updated = try await transaction.query("""
                UPDATE finding SET moderator_id = ?, moderation_agrees = ?, moderation_note = ?, moderated_at = ?
                WHERE id = ? AND moderator_id IS NULL RETURNING id
                """, [.integer(moderation.moderatorID), .init(moderation.agrees), .text(moderation.note), .init(moderation.at),
                      .integer(id)])
            guard !updated.isEmpty else { throw ServiceStoreError.refused(.findingAlreadyModerated(finding: id)) }
            var after = before
            after.moderation = FindingModeration(moderatorID: moderation.moderatorID, agrees: moderation.agrees,
                                                 note: moderation.note, at: Self.stored(moderation.at))
            try await AuditWriter.append(transaction, at: moderation.at, author: author, action: .findingModerated,
                                         subject: AuditSubject(kind: "finding", id: String(id)),
                                         organisation: try RowDecoding.number(row, "organisation"), before: before, after: after)
            return after
        }
    }

    // MARK: Rounds

    public func createRound(name: String, at time: Date, by author: ChangeAuthor, createdBy userID: Int64) async throws(ServiceStoreError) -> RoundRecord {
        try await write { transaction in
            let row = try await transaction.queryOne("""
                INSERT INTO scoring_round (name, created_by, created_at) VALUES (?, ?, ?) RETURNING id
                """, [.text(name), .integer(userID), .init(time)])
            guard let id = try row?.int64("id") else { throw SQLDriverError(kind: .refused, message: "no round id after insert") }
            let round = RoundRecord(id: id, name: name, createdBy: userID, createdAt: Self.stored(time), entries: [])
            try await AuditWriter.append(transaction, at: time, author: author, action: .roundCreated,
                                         subject: AuditSubject(kind: "round", id: String(id)), organisation: nil, after: round)
            return round
        }
    }

    public func addRoundEntry(roundID: Int64, submissionID: Int64, version: Int, run: RunRecord?, rowJSON: String,
                              by author: ChangeAuthor) async throws(ServiceStoreError) -> RoundEntry {
        var encoded: String?
        if let run {
            do {
                encoded = try run.encodedResult()
            } catch {
                throw .failed(location: location, message: "cannot encode the run's result: \(error)")
            }
        }
        return try await write { [encoded] transaction in
            guard try await transaction.queryOne("SELECT id FROM scoring_round WHERE id = ?", [.integer(roundID)]) != nil else {
                throw ServiceStoreError.missing(.round, key: String(roundID))
            }
            let organisation = try await Self.requireSubmitted(submissionID: submissionID, version: version, in: transaction)
            var runID: Int64?
            if let run, let encoded {
                runID = try await Self.insertRun(run, resultJSON: encoded, author: author, in: transaction)
            }
            try await transaction.execute("""
                INSERT INTO round_entry (round_id, submission_id, version, run_id, row_json) VALUES (?, ?, ?, ?, ?)
                """, [.integer(roundID), .integer(submissionID), .init(version), .init(runID), .text(rowJSON)])
            let entry = RoundEntry(submissionID: submissionID, version: version, run: runID, rowJSON: rowJSON)
            try await AuditWriter.append(transaction, at: run?.recordedAt ?? Date.now, author: author, action: .runRecorded,
                                         subject: AuditSubject(kind: "round", id: String(roundID)), organisation: organisation,
                                         after: entry)
            return entry
        }
    }

    public func round(id: Int64) async throws(ServiceStoreError) -> RoundRecord? {
        guard var round = try await rounds(where: "WHERE id = ?", [.integer(id)]).first else { return nil }
        round.entries = try decode(try await read("SELECT * FROM round_entry WHERE round_id = ? ORDER BY id", [.integer(id)]),
                                   RowDecoding.roundEntry)
        return round
    }

    public func rounds() async throws(ServiceStoreError) -> [RoundRecord] {
        try await rounds(where: "", [])
    }

    /// Rounds without their entries, newest first.
    private func rounds(where condition: String, _ arguments: [SQLValue]) async throws(ServiceStoreError) -> [RoundRecord] {
        try decode(try await read("SELECT * FROM scoring_round \(condition) ORDER BY id DESC", arguments)) { row in
            RoundRecord(id: try row.int64("id"), name: try row.text("name"), createdBy: try row.int64("created_by"),
                        createdAt: try row.date("created_at"), entries: [])
        }
    }
}

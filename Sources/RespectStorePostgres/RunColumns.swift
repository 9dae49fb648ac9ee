import PostgresNIO
import RespectEvaluation
import RespectModel
import RespectStore

/// A row of `run`: the values `RunRecord` derives, written as they are, so both stores keep
/// and match the same values.
struct RunColumns: Sendable {
    var record: RunRecord
    var resultJSON: String

    /// Fails when the result cannot be encoded.
    init(_ record: RunRecord) throws {
        self.record = record
        resultJSON = try record.encodedResult()
    }

    /// Inserts the row; returns its id.
    func insert(on connection: PostgresConnection) async throws -> Int64 {
        let assessment = record.assessment
        let rows = try await connection.query("""
            INSERT INTO run (recorded_at, assessor, provider_name, provider_key, charity_number, company_number,
                             registered_number, submission_file, submission_sha256, framework_id, framework_edition,
                             framework_sha256, engine_version, as_of, verdict, outcome_id, outcome_label, result_json)
            VALUES (\(record.timestamp), \(record.assessor), \(record.provider.name), \(record.providerKey),
                    \(record.charityNumber), \(record.companyNumber), \(record.registeredNumber),
                    \(assessment.submission.file), \(record.submissionSHA256), \(assessment.framework.id),
                    \(assessment.framework.edition), \(record.frameworkSHA256), \(assessment.engineVersion),
                    \(assessment.asOf.description), \(assessment.outcome.verdict.rawValue), \(assessment.outcome.id),
                    \(assessment.outcome.label), \(resultJSON))
            RETURNING id
            """, logger: PostgresDatabase.silent)
        for try await id in rows.decode(Int64.self) {
            return id
        }
        throw MissingRunID()
    }

    /// The columns a `RunSummary` is read from, in `summaries`' order.
    static let summarySelect = """
        SELECT id, recorded_at, assessor, provider_name, registered_number, submission_file, submission_sha256,
               framework_id, framework_edition, framework_sha256, engine_version, as_of, verdict, outcome_label
        FROM run
        """

    /// The summaries in rows selected with `summarySelect`.
    static func summaries(_ rows: PostgresRowSequence) async throws -> [RunSummary] {
        var summaries: [RunSummary] = []
        for try await (id, recordedAt, assessor, provider, number, file, fileSHA256, frameworkID, edition, frameworkSHA256,
                       engine, asOf, verdict, outcome)
            in rows.decode((Int64, String, String, String, String?, String, String?, String, String, String?,
                            String, String, String, String).self) {
            summaries.append(RunSummary(run: id, recordedAt: recordedAt, assessor: assessor, provider: provider,
                                        registeredNumber: number, submissionFile: file, submissionSHA256: fileSHA256,
                                        framework: "\(frameworkID)@\(edition)", frameworkSHA256: frameworkSHA256,
                                        engineVersion: engine, asOf: asOf, verdict: verdict, outcome: outcome))
        }
        return summaries
    }
}

/// `INSERT … RETURNING id` gave no row.
struct MissingRunID: Error, CustomStringConvertible {
    var description: String { "the database gave no id for the new run" }
}

/// A row of `run_finding`: one assessor finding a run considered, and what became of it.
struct FindingColumns: Sendable {
    var id: Int64
    var kind: String
    var targetID: String
    var decision: String
    var state: String
    var reason: String
    var assessor: String
    var date: String
    var expires: String?
    /// `RecordedView.stored()`: the typed view's JSON.
    var automated: String
    var file: String
    var line: Int

    static func insert(_ finding: StoredFinding, run id: Int64, on connection: PostgresConnection) async throws {
        let automated = try finding.automated.stored()
        try await connection.query("""
            INSERT INTO run_finding (run_id, kind, target_id, decision, state, reason, assessor, date, expires,
                                     automated, file, line)
            VALUES (\(id), \(finding.kind.rawValue), \(finding.targetID), \(finding.decision.rawValue),
                    \(finding.state.rawValue), \(finding.reason), \(finding.assessor), \(finding.date.description),
                    \(finding.expires?.description), \(automated), \(finding.file), \(finding.line))
            """, logger: PostgresDatabase.silent)
    }

    /// The findings of run `id`, in the order they were recorded.
    static func all(run id: Int64, on connection: PostgresConnection) async throws -> [FindingColumns] {
        let rows = try await connection.query("""
            SELECT id, kind, target_id, decision, state, reason, assessor, date, expires, automated, file, line
            FROM run_finding WHERE run_id = \(id) ORDER BY id
            """, logger: PostgresDatabase.silent)
        var findings: [FindingColumns] = []
        for try await (id, kind, target, decision, state, reason, assessor, date, expires, automated, file, line)
            in rows.decode((Int64, String, String, String, String, String, String, String, String?, String, String, Int).self) {
            findings.append(FindingColumns(id: id, kind: kind, targetID: target, decision: decision, state: state, reason: reason,
                                           assessor: assessor, date: date, expires: expires, automated: automated,
                                           file: file, line: line))
        }
        return findings
    }

    /// The finding this row holds; fails on a value this engine does not know.
    func finding() throws(UnreadableFinding) -> StoredFinding {
        guard let kind = FindingTargetKind(rawValue: kind), let decision = FindingDecision(rawValue: decision),
              let state = FindingState(rawValue: state), let date = CalendarDate(date) else {
            throw UnreadableFinding(row: id)
        }
        var expiry: CalendarDate?
        if let expires {
            guard let parsed = CalendarDate(expires) else { throw UnreadableFinding(row: id) }
            expiry = parsed
        }
        return StoredFinding(kind: kind, targetID: targetID, decision: decision, state: state, reason: reason,
                             assessor: assessor, date: date, expires: expiry, automated: RecordedView(stored: automated),
                             file: file, line: line)
    }
}

/// A `run_finding` row holding a kind, decision, state or date this engine cannot read.
struct UnreadableFinding: Error, CustomStringConvertible {
    var row: Int64
    var description: String { "finding row \(row) holds a value this engine does not know" }
}

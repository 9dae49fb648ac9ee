import Foundation
import RespectEvaluation
import RespectModel
public import RespectStore

/// The run store's contract over the same database: runs recorded by rounds, read back for an
/// organisation's history and for diffs.
extension SQLServiceStore {
    public func record(_ run: RunRecord) async throws(StoreError) -> Int64 {
        let encoded: String
        do {
            encoded = try run.encodedResult()
        } catch {
            throw StoreError(location: location, action: .encode, message: "\(error)")
        }
        do {
            return try await write { transaction in
                try await Self.insertRun(run, resultJSON: encoded, author: ChangeAuthor(userID: nil, name: run.assessor, address: nil),
                                         in: transaction)
            }
        } catch {
            throw StoreError(location: location, action: .record, kind: error.runStoreKind, message: error.description)
        }
    }

    /// Writes a run, its inputs and findings, and its audit entry; returns its id.
    static func insertRun(_ run: RunRecord, resultJSON: String, author: ChangeAuthor, in transaction: any SQLTransaction) async throws -> Int64 {
        let assessment = run.assessment
        let row = try await transaction.queryOne("""
            INSERT INTO run (recorded_at, assessor, provider_name, provider_key, charity_number, company_number,
                             registered_number, submission_file, submission_sha256, framework_id, framework_edition,
                             framework_sha256, engine_version, as_of, verdict, outcome_id, outcome_label, result_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [.text(run.timestamp), .text(run.assessor), .text(run.provider.name), .text(run.providerKey),
                  .init(run.charityNumber), .init(run.companyNumber), .init(run.registeredNumber),
                  .text(assessment.submission.file), .init(run.submissionSHA256), .text(assessment.framework.id),
                  .text(assessment.framework.edition), .init(run.frameworkSHA256), .text(assessment.engineVersion),
                  .text(assessment.asOf.description), .text(assessment.outcome.verdict.rawValue), .text(assessment.outcome.id),
                  .text(assessment.outcome.label), .text(resultJSON)])
        guard let id = try row?.int64("id") else { throw SQLDriverError(kind: .refused, message: "no run id after insert") }
        for input in assessment.inputs {
            try await transaction.execute("INSERT INTO run_input (run_id, role, path, sha256) VALUES (?, ?, ?, ?)",
                                          [.integer(id), .text(input.role), .text(input.path), .text(input.sha256)])
        }
        for finding in run.findings {
            try await transaction.execute("""
                INSERT INTO run_finding (run_id, kind, target_id, decision, state, reason, assessor, date, expires, automated,
                                         file, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(id), .text(finding.kind.rawValue), .text(finding.targetID), .text(finding.decision.rawValue),
                      .text(finding.state.rawValue), .text(finding.reason), .text(finding.assessor),
                      .text(finding.date.description), .init(finding.expires?.description), .text(try finding.automated.stored()),
                      .text(finding.file), .init(finding.line)])
        }
        try await AuditWriter.append(transaction, at: run.recordedAt, author: author, action: .runRecorded,
                                     subject: AuditSubject(kind: "run", id: String(id)),
                                     organisation: run.registeredNumber.flatMap(RegisteredNumber.init),
                                     after: ["result": InputFile.sha256(of: Array(resultJSON.utf8))])
        return id
    }

    public func runs(matching query: OrganisationQuery) async throws(StoreError) -> [RunSummary] {
        let sql: String
        let arguments: [SQLValue]
        if let number = query.numberKey {
            sql = "SELECT * FROM run WHERE provider_key = ? OR charity_number = ? OR company_number = ? ORDER BY id"
            arguments = [.text(query.nameKey), .text(number), .text(number)]
        } else {
            sql = "SELECT * FROM run WHERE provider_key = ? ORDER BY id"
            arguments = [.text(query.nameKey)]
        }
        do {
            return try decode(try await read(sql, arguments), Self.summary)
        } catch {
            throw StoreError(location: location, action: .read, kind: error.runStoreKind, message: error.description)
        }
    }

    public func run(id: Int64) async throws(StoreError) -> StoredRun? {
        let rows: [SQLRow]
        let inputs: [SQLRow]
        let findings: [SQLRow]
        do {
            rows = try await read("SELECT * FROM run WHERE id = ?", [.integer(id)])
            inputs = try await read("SELECT * FROM run_input WHERE run_id = ? ORDER BY id", [.integer(id)])
            findings = try await read("SELECT * FROM run_finding WHERE run_id = ? ORDER BY id", [.integer(id)])
        } catch {
            throw StoreError(location: location, action: .read, kind: error.runStoreKind, message: error.description)
        }
        guard let row = rows.first else { return nil }
        do {
            let assessment = try ResultCoding.decode(Assessment.self, from: Data(try row.text("result_json").utf8))
            return StoredRun(summary: try Self.summary(row), assessment: assessment,
                             inputs: try inputs.map { InputFile(role: try $0.text("role"), path: try $0.text("path"),
                                                                sha256: try $0.text("sha256")) },
                             findings: try findings.map(Self.storedFinding))
        } catch {
            throw StoreError(location: location, action: .decode(run: id), message: "\(error)")
        }
    }

    public func counts() async throws(StoreError) -> StoreCounts {
        do {
            let row = try await read("""
                SELECT (SELECT COUNT(*) FROM run) AS runs, (SELECT COUNT(*) FROM run_input) AS inputs,
                       (SELECT COUNT(*) FROM run_finding) AS findings
                """, [])
            return try decode(row) { row in
                StoreCounts(runs: try row.int("runs"), inputs: try row.int("inputs"), findings: try row.int("findings"))
            }[0]
        } catch {
            throw StoreError(location: location, action: .read, kind: error.runStoreKind, message: error.description)
        }
    }

    static func summary(_ row: SQLRow) throws -> RunSummary {
        RunSummary(run: try row.int64("id"), recordedAt: try row.text("recorded_at"), assessor: try row.text("assessor"),
                   provider: try row.text("provider_name"), registeredNumber: try row.optionalText("registered_number"),
                   submissionFile: try row.text("submission_file"), submissionSHA256: try row.optionalText("submission_sha256"),
                   framework: "\(try row.text("framework_id"))@\(try row.text("framework_edition"))",
                   frameworkSHA256: try row.optionalText("framework_sha256"), engineVersion: try row.text("engine_version"),
                   asOf: try row.text("as_of"), verdict: try row.text("verdict"), outcome: try row.text("outcome_label"))
    }

    static func storedFinding(_ row: SQLRow) throws -> StoredFinding {
        StoredFinding(kind: try RowDecoding.known(FindingTargetKind.self, row, "kind"), targetID: try row.text("target_id"),
                      decision: try RowDecoding.known(FindingDecision.self, row, "decision"),
                      state: try RowDecoding.known(FindingState.self, row, "state"), reason: try row.text("reason"),
                      assessor: try row.text("assessor"), date: try RowDecoding.date(row, "date"),
                      expires: try row.optionalText("expires").map { text in
                          guard let date = CalendarDate(text) else { throw SQLRowError(column: "expires", expected: "a date") }
                          return date
                      },
                      automated: RecordedView(stored: try row.text("automated")), file: try row.text("file"), line: try row.int("line"))
    }
}

extension ServiceStoreError {
    /// The run store's kind of this failure: a database that does not answer stays unavailable,
    /// so a server answers 503 for it.
    var runStoreKind: StoreError.Kind {
        if case .unavailable = self { .unavailable } else { .failed }
    }
}

public import Foundation
public import RespectStore

extension SQLServiceStore {
    public func createSubmission(organisation: RegisteredNumber, title: String, firstVersion: NewVersion,
                                 by author: ChangeAuthor) async throws(ServiceStoreError) -> (SubmissionRecord, SubmissionVersion) {
        try await write { transaction in
            let kind = try await Self.organisationKind(organisation, in: transaction)
            guard kind == .provider else { throw ServiceStoreError.refused(.organisationKind(expected: .provider, found: kind)) }
            try await Self.storeContent(firstVersion.content, in: transaction)
            let row = try await transaction.queryOne("""
                INSERT INTO submission (organisation, title, created_at, created_by, latest_version) VALUES (?, ?, ?, ?, 1)
                RETURNING id
                """, [.text(organisation.value), .text(title), .init(firstVersion.uploadedAt), .integer(firstVersion.uploadedBy)])
            guard let id = try row?.int64("id") else { throw SQLDriverError(kind: .refused, message: "no submission id after insert") }
            let submission = SubmissionRecord(id: id, organisation: organisation, title: title,
                                              createdAt: Self.stored(firstVersion.uploadedAt), createdBy: firstVersion.uploadedBy,
                                              latestVersion: 1, submittedVersions: [])
            try await AuditWriter.append(transaction, at: firstVersion.uploadedAt, author: author, action: .submissionCreated,
                                         subject: AuditSubject(kind: "submission", id: String(id)), organisation: organisation,
                                         after: submission)
            let version = try await Self.insertVersion(firstVersion, submissionID: id, number: 1, organisation: organisation,
                                                       author: author, in: transaction)
            return (submission, version)
        }
    }

    public func addVersion(submissionID: Int64, _ version: NewVersion, by author: ChangeAuthor) async throws(ServiceStoreError) -> SubmissionVersion {
        try await write { transaction in
            // The counter's row lock orders concurrent uploads to one submission.
            guard let row = try await transaction.queryOne("""
                UPDATE submission SET latest_version = latest_version + 1 WHERE id = ? RETURNING latest_version, organisation
                """, [.integer(submissionID)]) else {
                throw ServiceStoreError.missing(.submission, key: String(submissionID))
            }
            try await Self.storeContent(version.content, in: transaction)
            return try await Self.insertVersion(version, submissionID: submissionID, number: try row.int("latest_version"),
                                                organisation: try RowDecoding.number(row, "organisation"), author: author,
                                                in: transaction)
        }
    }

    static func insertVersion(_ new: NewVersion, submissionID: Int64, number: Int, organisation: RegisteredNumber,
                              author: ChangeAuthor, in transaction: any SQLTransaction) async throws -> SubmissionVersion {
        let version = SubmissionVersion(submissionID: submissionID, number: number, sha256: new.content.sha256,
                                        size: new.content.size, fileName: new.fileName, providerName: new.providerName,
                                        framework: new.framework, asOf: new.asOf, uploadedBy: new.uploadedBy,
                                        uploadedAt: stored(new.uploadedAt), state: .draft, submittedAt: nil, submittedBy: nil)
        try await transaction.execute("""
            INSERT INTO submission_version (submission_id, number, sha256, size, file_name, provider_name, framework, as_of,
                                            uploaded_by, uploaded_at, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft')
            """, [.integer(submissionID), .init(number), .text(version.sha256), .init(version.size), .text(version.fileName),
                  .text(version.providerName), .text(version.framework), .init(version.asOf), .integer(version.uploadedBy),
                  .init(version.uploadedAt)])
        try await AuditWriter.append(transaction, at: new.uploadedAt, author: author, action: .versionAdded,
                                     subject: AuditSubject(kind: "version", id: "\(submissionID)/\(number)"),
                                     organisation: organisation, after: version)
        return version
    }

    /// Stores a file's bytes once per digest.
    static func storeContent(_ content: FileContent, in transaction: any SQLTransaction) async throws {
        try await transaction.execute("""
            INSERT INTO file_content (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING
            """, [.text(content.sha256), .init(content.size), .blob(content.bytes)])
    }

    public func submitVersion(submissionID: Int64, number: Int, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> SubmissionVersion {
        try await write { transaction in
            guard let row = try await transaction.queryOne("""
                SELECT submission_version.*, submission.organisation FROM submission_version
                JOIN submission ON submission.id = submission_version.submission_id
                WHERE submission_version.submission_id = ? AND submission_version.number = ?
                """, [.integer(submissionID), .init(number)]) else {
                throw ServiceStoreError.missing(.version, key: "\(submissionID)/\(number)")
            }
            let before = try RowDecoding.version(row)
            // Only a draft changes, so a submitted version is never touched again.
            let updated = try await transaction.query("""
                UPDATE submission_version SET state = 'submitted', submitted_at = ?, submitted_by = ?
                WHERE submission_id = ? AND number = ? AND state = 'draft' RETURNING number
                """, [.init(time), .init(author.userID), .integer(submissionID), .init(number)])
            guard !updated.isEmpty else {
                throw ServiceStoreError.refused(.versionAlreadySubmitted(submission: submissionID, version: number))
            }
            var after = before
            after.state = .submitted
            after.submittedAt = Self.stored(time)
            after.submittedBy = author.userID
            try await AuditWriter.append(transaction, at: time, author: author, action: .versionSubmitted,
                                         subject: AuditSubject(kind: "version", id: "\(submissionID)/\(number)"),
                                         organisation: try RowDecoding.number(row, "organisation"), before: before, after: after)
            return after
        }
    }

    public func submission(id: Int64) async throws(ServiceStoreError) -> SubmissionRecord? {
        try await submissions(where: "submission.id = ?", [.integer(id)]).first
    }

    public func submissions(of organisation: RegisteredNumber) async throws(ServiceStoreError) -> [SubmissionRecord] {
        try await submissions(where: "submission.organisation = ?", [.text(organisation.value)])
    }

    public func submittedSubmissions() async throws(ServiceStoreError) -> [SubmissionRecord] {
        try await submissions(where: "submission.id IN (SELECT submission_id FROM submission_version WHERE state = 'submitted')", [])
    }

    /// Submissions matching `condition`, oldest first, each with its submitted versions.
    private func submissions(where condition: String, _ arguments: [SQLValue]) async throws(ServiceStoreError) -> [SubmissionRecord] {
        let rows = try await read("""
            SELECT submission.*, submission_version.number AS submitted_number FROM submission
            LEFT JOIN submission_version ON submission_version.submission_id = submission.id
                                        AND submission_version.state = 'submitted'
            WHERE \(condition) ORDER BY submission.id, submission_version.number
            """, arguments)
        var records: [SubmissionRecord] = []
        for row in rows {
            let (record, submitted) = try decode([row]) { row in
                (SubmissionRecord(id: try row.int64("id"), organisation: try RowDecoding.number(row, "organisation"),
                                  title: try row.text("title"), createdAt: try row.date("created_at"),
                                  createdBy: try row.int64("created_by"), latestVersion: try row.int("latest_version"),
                                  submittedVersions: []),
                 try row.optionalInt64("submitted_number"))
            }[0]
            if records.last?.id != record.id { records.append(record) }
            if let submitted { records[records.count - 1].submittedVersions.append(Int(submitted)) }
        }
        return records
    }

    public func versions(submissionID: Int64) async throws(ServiceStoreError) -> [SubmissionVersion] {
        try decode(try await read("SELECT * FROM submission_version WHERE submission_id = ? ORDER BY number", [.integer(submissionID)]),
                   RowDecoding.version)
    }

    public func version(submissionID: Int64, number: Int) async throws(ServiceStoreError) -> SubmissionVersion? {
        try decode(try await read("SELECT * FROM submission_version WHERE submission_id = ? AND number = ?",
                                  [.integer(submissionID), .init(number)]), RowDecoding.version).first
    }

    public func versionWithFindings(submissionID: Int64, number: Int?) async throws(ServiceStoreError) -> VersionWithFindings? {
        // One row per submitted version (one row when none is), each with the version asked
        // for and the number of findings; the submission's own columns are renamed where the
        // version's have the same name.
        let rows = try await read("""
            SELECT submission_version.*, submission.organisation, submission.title,
                   submission.created_at AS submission_created_at, submission.created_by AS submission_created_by,
                   submission.latest_version, submitted.number AS submitted_number,
                   (SELECT COUNT(*) FROM finding WHERE finding.submission_id = submission.id) AS finding_count
            FROM submission
            JOIN submission_version ON submission_version.submission_id = submission.id
                                   AND submission_version.number = \(number == nil ? "submission.latest_version" : "?")
            LEFT JOIN submission_version AS submitted ON submitted.submission_id = submission.id AND submitted.state = 'submitted'
            WHERE submission.id = ? ORDER BY submitted.number
            """, (number.map { [SQLValue($0)] } ?? []) + [.integer(submissionID)])
        guard let first = rows.first else { return nil }
        let (submission, version, findingCount) = try decode([first]) { row in
            (SubmissionRecord(id: try row.int64("submission_id"), organisation: try RowDecoding.number(row, "organisation"),
                              title: try row.text("title"), createdAt: try row.date("submission_created_at"),
                              createdBy: try row.int64("submission_created_by"), latestVersion: try row.int("latest_version"),
                              submittedVersions: try rows.compactMap { try $0.optionalInt64("submitted_number").map(Int.init) }),
             try RowDecoding.version(row), try row.int64("finding_count"))
        }[0]
        return VersionWithFindings(submission: submission, version: version,
                                   findings: findingCount == 0 ? [] : try await findings(submissionID: submissionID))
    }

    // MARK: Evidence files and contents

    public func addEvidenceFile(submissionID: Int64, content: FileContent, fileName: String, mediaType: String,
                                at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> EvidenceFile {
        try await write { transaction in
            guard let submission = try await transaction.queryOne("SELECT organisation FROM submission WHERE id = ?",
                                                                  [.integer(submissionID)]) else {
                throw ServiceStoreError.missing(.submission, key: String(submissionID))
            }
            try await Self.storeContent(content, in: transaction)
            let inserted = try await transaction.query("""
                INSERT INTO evidence_file (submission_id, sha256, size, file_name, media_type, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id, sha256) DO NOTHING RETURNING sha256
                """, [.integer(submissionID), .text(content.sha256), .init(content.size), .text(fileName), .text(mediaType),
                      .init(author.userID ?? 0), .init(time)])
            guard let existing = try await transaction.queryOne(
                "SELECT * FROM evidence_file WHERE submission_id = ? AND sha256 = ?", [.integer(submissionID), .text(content.sha256)])
            else { throw SQLDriverError(kind: .refused, message: "no evidence file after insert") }
            let file = try RowDecoding.evidenceFile(existing)
            if !inserted.isEmpty {
                try await AuditWriter.append(transaction, at: time, author: author, action: .evidenceFileAdded,
                                             subject: AuditSubject(kind: "evidence-file", id: "\(submissionID)/\(content.sha256)"),
                                             organisation: try RowDecoding.number(submission, "organisation"), after: file)
            }
            return file
        }
    }

    public func evidenceFiles(submissionID: Int64) async throws(ServiceStoreError) -> [EvidenceFile] {
        try decode(try await read("SELECT * FROM evidence_file WHERE submission_id = ? ORDER BY uploaded_at, sha256",
                                  [.integer(submissionID)]), RowDecoding.evidenceFile)
    }

    public func evidenceFile(submissionID: Int64, sha256: String) async throws(ServiceStoreError) -> EvidenceFile? {
        try decode(try await read("SELECT * FROM evidence_file WHERE submission_id = ? AND sha256 = ?",
                                  [.integer(submissionID), .text(sha256.lowercased())]), RowDecoding.evidenceFile).first
    }

    public func content(sha256: String) async throws(ServiceStoreError) -> FileContent? {
        try decode(try await read("SELECT bytes FROM file_content WHERE sha256 = ?", [.text(sha256.lowercased())])) { row in
            FileContent(try row.blob("bytes"))
        }.first
    }

    // MARK: Checks

    public func recordCheck(userID: Int64, content: FileContent, fileName: String, asOf: String, at time: Date,
                            by author: ChangeAuthor) async throws(ServiceStoreError) -> CheckRecord {
        try await write { transaction in
            try await Self.storeContent(content, in: transaction)
            let row = try await transaction.queryOne("""
                INSERT INTO quick_check (account_id, sha256, file_name, as_of, checked_at) VALUES (?, ?, ?, ?, ?) RETURNING id
                """, [.integer(userID), .text(content.sha256), .text(fileName), .text(asOf), .init(time)])
            guard let id = try row?.int64("id") else { throw SQLDriverError(kind: .refused, message: "no check id after insert") }
            let check = CheckRecord(id: id, userID: userID, sha256: content.sha256, fileName: fileName, asOf: asOf,
                                    checkedAt: Self.stored(time))
            try await AuditWriter.append(transaction, at: time, author: author, action: .checkRecorded,
                                         subject: AuditSubject(kind: "check", id: String(id)), organisation: nil, after: check)
            return check
        }
    }

    public func check(id: Int64) async throws(ServiceStoreError) -> CheckRecord? {
        try decode(try await read("SELECT * FROM quick_check WHERE id = ?", [.integer(id)]), RowDecoding.check).first
    }
}

import Foundation
import RespectModel
import RespectStore

/// Values read back from rows; a value this engine does not know throws `SQLRowError`.
enum RowDecoding {
    static let accountColumns = "account.id, account.email, account.role, account.organisation, account.disabled, account.created_at"

    static func organisation(_ row: SQLRow) throws -> Organisation {
        Organisation(registeredNumber: try number(row, "registered_number"), name: try row.text("name"),
                     kind: try known(OrganisationKind.self, row, "kind"), createdAt: try row.date("created_at"))
    }

    /// A user from `accountColumns`.
    static func user(_ row: SQLRow) throws -> UserAccount {
        guard let email = EmailAddress(try row.text("email")) else { throw SQLRowError(column: "email", expected: "an email address") }
        return UserAccount(id: try row.int64("id"), email: email, role: try known(Role.self, row, "role"),
                           organisation: try row.optionalText("organisation").flatMap(RegisteredNumber.init),
                           disabled: try row.bool("disabled"), createdAt: try row.date("created_at"))
    }

    static func token(_ row: SQLRow) throws -> APITokenRecord {
        APITokenRecord(id: try row.int64("id"), userID: try row.int64("account_id"), label: try row.text("label"),
                       createdAt: try row.date("created_at"), expiresAt: try row.optionalDate("expires_at"),
                       revokedAt: try row.optionalDate("revoked_at"))
    }

    static func version(_ row: SQLRow) throws -> SubmissionVersion {
        SubmissionVersion(submissionID: try row.int64("submission_id"), number: try row.int("number"),
                          sha256: try row.text("sha256"), size: try row.int("size"), fileName: try row.text("file_name"),
                          providerName: try row.text("provider_name"), framework: try row.text("framework"),
                          asOf: try row.optionalText("as_of"), uploadedBy: try row.int64("uploaded_by"),
                          uploadedAt: try row.date("uploaded_at"),
                          state: try known(SubmissionVersion.State.self, row, "state"),
                          submittedAt: try row.optionalDate("submitted_at"), submittedBy: try row.optionalInt64("submitted_by"))
    }

    static func evidenceFile(_ row: SQLRow) throws -> EvidenceFile {
        EvidenceFile(submissionID: try row.int64("submission_id"), sha256: try row.text("sha256"), size: try row.int("size"),
                     fileName: try row.text("file_name"), mediaType: try row.text("media_type"),
                     uploadedBy: try row.int64("uploaded_by"), uploadedAt: try row.date("uploaded_at"))
    }

    static func check(_ row: SQLRow) throws -> CheckRecord {
        CheckRecord(id: try row.int64("id"), userID: try row.int64("account_id"), sha256: try row.text("sha256"),
                    fileName: try row.text("file_name"), asOf: try row.text("as_of"), checkedAt: try row.date("checked_at"))
    }

    /// A finding, with `assessor_email` joined from its assessor's account.
    static func finding(_ row: SQLRow) throws -> AssessorFinding {
        guard let email = EmailAddress(try row.text("assessor_email")) else {
            throw SQLRowError(column: "assessor_email", expected: "an email address")
        }
        var moderation: FindingModeration?
        if let moderator = try row.optionalInt64("moderator_id") {
            moderation = FindingModeration(moderatorID: moderator, agrees: try row.bool("moderation_agrees"),
                                           note: try row.optionalText("moderation_note") ?? "",
                                           at: try row.date("moderated_at"))
        }
        return AssessorFinding(id: try row.int64("id"), submissionID: try row.int64("submission_id"),
                               version: try row.int("version"), kind: try known(FindingTargetKind.self, row, "kind"),
                               targetID: try row.text("target_id"), decision: try known(FindingDecision.self, row, "decision"),
                               reason: try row.text("reason"), assessorID: try row.int64("assessor_id"), assessorEmail: email,
                               date: try date(row, "date"), expires: try row.optionalText("expires").map { text in
                                   guard let date = CalendarDate(text) else { throw SQLRowError(column: "expires", expected: "a date") }
                                   return date
                               },
                               fileSHA256: try row.optionalText("file_sha256"), recordedAt: try row.date("recorded_at"),
                               moderation: moderation)
    }

    static func tender(_ row: SQLRow) throws -> TenderRecord {
        TenderRecord(id: try row.int64("id"), organisation: try number(row, "organisation"),
                     reference: try row.text("reference"), title: try row.text("title"), deadline: try row.text("deadline"),
                     sha256: try row.text("sha256"), fileName: try row.text("file_name"),
                     createdBy: try row.int64("created_by"), createdAt: try row.date("created_at"))
    }

    static func bid(_ row: SQLRow) throws -> BidRecord {
        BidRecord(id: try row.int64("id"), tenderID: try row.int64("tender_id"), organisation: try number(row, "organisation"),
                  submissionID: try row.int64("submission_id"), version: try row.int("version"),
                  placedBy: try row.int64("placed_by"), placedAt: try row.date("placed_at"),
                  supersededBy: try row.optionalInt64("superseded_by"))
    }

    static func roundEntry(_ row: SQLRow) throws -> RoundEntry {
        RoundEntry(submissionID: try row.int64("submission_id"), version: try row.int("version"),
                   run: try row.optionalInt64("run_id"), rowJSON: try row.text("row_json"))
    }

    // MARK: - Columns

    static func number(_ row: SQLRow, _ column: String) throws -> RegisteredNumber {
        guard let number = RegisteredNumber(try row.text(column)) else {
            throw SQLRowError(column: column, expected: "a registered number")
        }
        return number
    }

    static func date(_ row: SQLRow, _ column: String) throws -> CalendarDate {
        guard let date = CalendarDate(try row.text(column)) else { throw SQLRowError(column: column, expected: "a date YYYY-MM-DD") }
        return date
    }

    static func known<Value: RawRepresentable>(_ type: Value.Type, _ row: SQLRow, _ column: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try row.text(column)) else {
            throw SQLRowError(column: column, expected: "a \(type) this engine knows")
        }
        return value
    }
}

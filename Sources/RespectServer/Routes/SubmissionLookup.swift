import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectStore

/// Finding the submissions and versions a user may reach, and assessing a stored version
/// through the same use case as `respect check`.
extension WebService {
    /// The submission `id` when the user may see it (or change it, with `changing`); 404 otherwise.
    func submission(_ id: Int64, for user: UserAccount, changing: Bool = false) async throws -> SubmissionRecord {
        let policy = AccessPolicy(user: user)
        let found = try await run { () async throws(ServiceStoreError) in try await store.submission(id: id) }
        guard let found, changing ? policy.canChange(found) : policy.canSee(found) else { throw ServiceError.notFound }
        return found
    }

    /// A version the user may see, with its submission; 404 otherwise.
    func version(_ submissionID: Int64, _ number: Int, for user: UserAccount) async throws -> (SubmissionRecord, SubmissionVersion) {
        let submission = try await submission(submissionID, for: user)
        return (submission, try await version(of: submission, number, for: user))
    }

    /// A version of `submission` (a record the user may see, already read) that the user may see; 404 otherwise.
    func version(of submission: SubmissionRecord, _ number: Int, for user: UserAccount) async throws -> SubmissionVersion {
        let found = try await run { () async throws(ServiceStoreError) in try await store.version(submissionID: submission.id, number: number) }
        guard let found, AccessPolicy(user: user).canSee(found, of: submission) else { throw ServiceError.notFound }
        return found
    }

    /// The bytes of a stored file.
    func bytes(of sha256: String) async throws -> [UInt8] {
        let content = try await run { () async throws(ServiceStoreError) in try await store.content(sha256: sha256) }
        guard let content else { throw ServiceError(.internalError) }
        return content.bytes
    }

    /// A submission's findings as the engine applies them: those a second assessor agreed with
    /// (`FindingsSet(moderated:)`); a finding awaiting moderation or disputed changes nothing.
    func findingsSet(for submission: SubmissionRecord) async throws -> FindingsSet {
        findingsSet(try await recordedFindings(of: submission), of: submission)
    }

    /// The findings recorded on a submission, moderated or not.
    func recordedFindings(of submission: SubmissionRecord) async throws -> [AssessorFinding] {
        try await run { () async throws(ServiceStoreError) in try await store.findings(submissionID: submission.id) }
    }

    /// Recorded findings as the engine applies them.
    func findingsSet(_ recorded: [AssessorFinding], of submission: SubmissionRecord) -> FindingsSet {
        FindingsSet(moderated: recorded.map(\.moderated), source: "submission \(submission.id) findings")
    }

    /// A stored version assessed as `respect check` assesses a file, with the submission's
    /// findings and the path to the next verdict. An assessment already made for the same
    /// version, dates and findings is reused (`AssessmentCache`).
    func assess(_ version: SubmissionVersion, of submission: SubmissionRecord, asOf: CalendarDate?) async throws -> Assessment {
        let recorded = try await recordedFindings(of: submission)
        let key = AssessmentCache.Key(sha256: version.sha256, fileName: version.fileName, asOf: asOf, today: today,
                                      findings: recorded, planned: true)
        if case .planned(let kept)? = assessments.entry(key) { return kept }
        let bytes = try await bytes(of: version.sha256)
        let request = AssessmentRequest(submission: .bytes(bytes, name: version.fileName), asOf: asOf, today: key.today,
                                        findings: findingsSet(recorded, of: submission))
        return try await withinBudget(bytes: bytes.count) {
            do {
                let assessment = try engine.plan(request).assessment
                assessments.keep(.planned(assessment), for: key, bytes: bytes.count)
                return assessment
            } catch let error as AssessmentFailure {
                throw ServiceError(error)
            }
        }
    }

    /// Reads an uploaded submission (validated, as `check` reads a file) and checks it names the
    /// uploader's organisation.
    func readSubmission(_ bytes: [UInt8], name: String, organisation: RegisteredNumber) throws -> NewVersionFacts {
        let submission: Submission
        do {
            submission = try engine.loadSubmission(try engine.read(.bytes(bytes, name: name)))
        } catch {
            throw ServiceError(error)
        }
        guard submission.provider.registeredNumber == organisation.value else {
            throw ServiceError(.badData, detail: "the file's provider gives the registered number \(submission.provider.registeredNumber ?? "none"); "
                               + "expected \(organisation.value), your organisation's")
        }
        return NewVersionFacts(providerName: submission.provider.name, framework: submission.target.reference,
                               asOf: submission.asOf?.description)
    }
}

/// What a version records from its file.
struct NewVersionFacts {
    var providerName: String
    var framework: String
    var asOf: String?
}

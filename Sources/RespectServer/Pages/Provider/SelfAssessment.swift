import Foundation
import Hummingbird
import RespectAssessment
import RespectCorpus
import RespectEvaluation
import RespectModel
import RespectStore

/// A provider's self-assessment as the pages show and change it: the submission record, one of
/// its versions, that version read back into the model and assessed through the one use case
/// (`AssessmentEngine.assess`, with the findings a second assessor agreed), and the edition used.
struct SelfAssessment: Sendable {
    var record: SubmissionRecord
    var version: SubmissionVersion
    var checked: SubmissionAssessment
    /// Where `checked` is kept (`AssessmentCache`), and beside it what pages derive from it alone.
    var cacheKey: AssessmentCache.Key

    var submission: Submission { checked.submission }
    var framework: Framework { checked.resolved.edition.framework }
    var assessment: Assessment { checked.assessment }
    /// A submitted version never changes; an edit starts the next version from it.
    var isSubmitted: Bool { version.state == .submitted }
    var path: String { "/self-assessments/\(record.id)" }
}

extension WebService {
    /// The self-assessment `id` at `version` (its latest when `nil`) when `user` may see it; 404 otherwise.
    /// The submission, the version and the findings come from one read of the store
    /// (`versionWithFindings`), since every provider page starts here.
    func selfAssessment(_ id: Int64, version number: Int? = nil, for user: UserAccount) async throws -> SelfAssessment {
        let read = try await run { () async throws(ServiceStoreError) in try await store.versionWithFindings(submissionID: id, number: number) }
        let policy = AccessPolicy(user: user)
        guard let read, policy.canSee(read.submission), policy.canSee(read.version, of: read.submission) else {
            throw ServiceError.notFound
        }
        let key = assessmentKey(read.version, findings: read.findings)
        return SelfAssessment(record: read.submission, version: read.version,
                              checked: try await checked(read.version, of: read.submission, recorded: read.findings, key: key),
                              cacheKey: key)
    }

    /// A stored version assessed as `respect check` assesses its file, with the agreed findings.
    /// An assessment already made for the same version, day and findings is reused
    /// (`AssessmentCache`).
    func checked(_ version: SubmissionVersion, of record: SubmissionRecord, findings: Bool = true) async throws -> SubmissionAssessment {
        try await checked(version, of: record, recorded: findings ? try await recordedFindings(of: record) : [])
    }

    /// As `checked(_:of:findings:)`, with the submission's findings already read.
    func checked(_ version: SubmissionVersion, of record: SubmissionRecord, recorded: [AssessorFinding]) async throws -> SubmissionAssessment {
        try await checked(version, of: record, recorded: recorded, key: assessmentKey(version, findings: recorded))
    }

    /// As `checked(_:of:recorded:)`, kept under `key` (`assessmentKey` of the same version and findings).
    private func checked(_ version: SubmissionVersion, of record: SubmissionRecord, recorded: [AssessorFinding],
                         key: AssessmentCache.Key) async throws -> SubmissionAssessment {
        if case .checked(let kept)? = assessments.entry(key) { return kept }
        let bytes = try await bytes(of: version.sha256)
        let request = AssessmentRequest(submission: .bytes(bytes, name: version.fileName),
                                        today: key.today, findings: findingsSet(recorded, of: record))
        return try await withinBudget(bytes: bytes.count) {
            do {
                let checked = try engine.assess(request)
                assessments.keep(.checked(checked), for: key, bytes: bytes.count)
                return checked
            } catch let error as AssessmentFailure {
                throw ServiceError(error)
            }
        }
    }

    /// Renders a self-assessment's page from `view`, made for every answer, and the part `derive`
    /// makes from `state`'s assessment alone, kept beside that assessment under `name`
    /// (`AssessmentCache.derived`) and made again only for a new assessment. The template sees
    /// the two as one object.
    func page(_ template: String, _ frame: PageFrame, _ view: some Encodable, keeping name: String, of state: SelfAssessment,
              status: HTTPResponse.Status = .ok, derive: () -> some Encodable) -> Response {
        let kept = assessments.derived(state.cacheKey, name) { try? TemplateValueEncoder.value(of: derive()) }
        let page = (try? TemplateValueEncoder.value(of: view))?.adding(kept) ?? .object([:])
        return self.page(template, frame, encoded: page, status: status)
    }

    /// The key of a stored version's plain assessment, today, with `findings` applied.
    func assessmentKey(_ version: SubmissionVersion, findings: [AssessorFinding]) -> AssessmentCache.Key {
        AssessmentCache.Key(sha256: version.sha256, fileName: version.fileName, asOf: nil, today: today, findings: findings, planned: false)
    }

    /// Writes `submission` as a submission file (`SubmissionXMLWriter`), reads it back as an
    /// upload is read (valid, and of the record's organisation), and adds it as the record's
    /// next version. An edit that makes the file invalid is refused with the engine's message.
    func saveVersion(_ submission: Submission, of record: SubmissionRecord, user: UserAccount,
                     context: RespectRequestContext) async throws -> SubmissionVersion {
        let version = try newVersion(of: submission, organisation: record.organisation, user: user)
        return try await run { () async throws(ServiceStoreError) in
            try await store.addVersion(submissionID: record.id, version, by: context.author)
        }
    }

    /// A new self-assessment whose first version is `submission`.
    func createSelfAssessment(_ submission: Submission, title: String, user: UserAccount,
                              context: RespectRequestContext) async throws -> SubmissionRecord {
        guard let organisation = user.organisation else { throw ServiceError.notFound }
        let version = try newVersion(of: submission, organisation: organisation, user: user)
        return try await run { () async throws(ServiceStoreError) in
            try await store.createSubmission(organisation: organisation, title: title, firstVersion: version, by: context.author)
        }.0
    }

    /// A version from uploaded bytes (an imported submission XML).
    func importedVersion(_ bytes: [UInt8], fileName: String, organisation: RegisteredNumber, user: UserAccount) throws -> NewVersion {
        let facts = try readSubmission(bytes, name: fileName, organisation: organisation)
        return NewVersion(content: FileContent(bytes), fileName: fileName, providerName: facts.providerName,
                          framework: facts.framework, asOf: facts.asOf, uploadedBy: user.id, uploadedAt: now)
    }

    /// A version from an uploaded evidence register (CSV): built into a submission by the
    /// register library exactly as `respect import` builds it, then read as an imported
    /// submission XML is. A register that cannot become a submission is refused with every
    /// problem (file, row, column and the nearest valid value), and nothing is kept.
    func importedRegister(_ bytes: [UInt8], fileName: String, organisation: RegisteredNumber, user: UserAccount) throws -> NewVersion {
        let imported: RegisterImport
        do {
            imported = try engine.importRegister(RegisterImportRequest(files: [.bytes(bytes, name: fileName)], frameworkOption: nil))
        } catch {
            guard case .register(let register) = error else { throw ServiceError(error) }
            throw RegisterRefusal(problems: register.problems.map(\.description), omitted: register.omitted)
        }
        return try importedVersion(Array(imported.xml.utf8), fileName: SelfAssessmentFiles.importedName(fromRegister: fileName),
                                   organisation: organisation, user: user)
    }

    private func newVersion(of submission: Submission, organisation: RegisteredNumber, user: UserAccount) throws -> NewVersion {
        let bytes = Array(SubmissionXMLWriter.document(submission).utf8)
        return try importedVersion(bytes, fileName: SelfAssessmentFiles.editedName, organisation: organisation, user: user)
    }

    /// The framework editions installed, as `id@edition`, newest publication first within a framework.
    func installedEditions() -> [LoadedEdition] {
        guard let index = try? engine.library.index() else { return [] }
        return index.references.compactMap { try? engine.library.edition($0) }
    }

    /// An installed edition named by `reference` (`id@edition` exactly as listed; never a path).
    func installedEdition(_ reference: String) -> LoadedEdition? {
        installedEditions().first { $0.reference == reference }
    }
}

/// An evidence register that cannot become a submission: each problem as the register library
/// states it (file, row, column, nearest valid value), and how many more were not kept.
struct RegisterRefusal: Error {
    var problems: [String]
    var omitted: Int
}

/// Names the service gives files it writes.
enum SelfAssessmentFiles {
    /// The file name of a version saved from the editor.
    static let editedName = "self-assessment.xml"

    /// The name of the submission file built from an uploaded register: "register.csv" →
    /// "register.xml".
    static func importedName(fromRegister name: String) -> String {
        let stem = name.lowercased().hasSuffix(".csv") ? String(name.dropLast(4)) : name
        return (stem.isEmpty ? "register" : stem) + ".xml"
    }

    /// The download name of a version's submission XML.
    static func exportName(_ record: SubmissionRecord, _ version: Int) -> String {
        "self-assessment-\(record.id)-version-\(version).xml"
    }
}

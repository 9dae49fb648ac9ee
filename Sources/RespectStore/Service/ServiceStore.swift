public import Foundation

/// Everything the web application keeps: accounts, submissions and their files, reviews,
/// tenders, runs and the audit log. Every state the service shares — sessions, sign-in
/// throttling counters, CSRF tokens — is here, so several server processes on one database
/// behave as one service.
///
/// The contract every implementation keeps (`ServiceStoreContract`, in the tests' support
/// target, checks it for each):
/// - Every change is written in one transaction together with its `AuditEntry`: both land or
///   neither. The audit log is append-only; nothing else is ever deleted either — records are
///   superseded (a newer version, a later bid, a later finding), disabled, revoked or ended.
/// - A version's file never changes; a submitted version's state never changes.
/// - File contents are stored once per SHA-256 and read back byte for byte.
/// - Look-ups that find nothing return `nil` or an empty list; a change that needs a record
///   that is not there throws `.missing`, a duplicate key `.duplicate`, a state that forbids the
///   change `.refused`, and a database that does not answer `.unavailable`.
/// - Opening a store brings its schema up to date by named, ordered migrations
///   (`appliedMigrations()` lists them).
public protocol ServiceStore: AccountStore, SubmissionStore, ReviewStore, TenderStore, AuditLog, RunStore {
    /// Whether the database answers (`GET /health`).
    func ping() async throws(ServiceStoreError)
}

/// Organisations, users, sessions, bearer tokens and sign-in throttling.
public protocol AccountStore: Sendable {
    /// Adds an organisation; `.duplicate` when its number is known.
    func addOrganisation(_ organisation: Organisation, by author: ChangeAuthor) async throws(ServiceStoreError) -> Organisation
    func organisation(_ number: RegisteredNumber) async throws(ServiceStoreError) -> Organisation?
    /// By registered number.
    func organisations() async throws(ServiceStoreError) -> [Organisation]

    /// Adds a user; `.duplicate` when the email is taken, `.missing` when the organisation is
    /// not known, `.refused(.organisationKind)` when it is not of the kind the role needs.
    func addUser(_ user: NewUser, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> UserAccount
    func user(id: Int64) async throws(ServiceStoreError) -> UserAccount?
    func credentials(email: EmailAddress) async throws(ServiceStoreError) -> UserCredentials?
    /// By email.
    func users() async throws(ServiceStoreError) -> [UserAccount]
    /// Changes a user (`.missing` when unknown); disabling also ends its sessions and revokes
    /// its tokens.
    func changeUser(id: Int64, _ change: UserChange, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> UserAccount

    func startSession(_ session: NewSession, by author: ChangeAuthor) async throws(ServiceStoreError)
    /// The user a session signs in at `time`: `nil` when the session is unknown, ended, expired,
    /// or its user disabled.
    func signedIn(sessionHash: String, at time: Date) async throws(ServiceStoreError) -> SignedInUser?
    /// Ends a session; `false` when it was not live.
    func endSession(sessionHash: String, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> Bool

    func createToken(_ token: NewAPIToken, by author: ChangeAuthor) async throws(ServiceStoreError) -> APITokenRecord
    /// The user a bearer token signs in at `time`: `nil` when unknown, revoked, expired, or its
    /// user disabled.
    func signedIn(tokenHash: String, at time: Date) async throws(ServiceStoreError) -> SignedInUser?
    func tokens(userID: Int64) async throws(ServiceStoreError) -> [APITokenRecord]
    /// Revokes one of a user's tokens; `false` when it is not that user's live token.
    func revokeToken(id: Int64, userID: Int64, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> Bool

    /// Counts a failed sign-in against each key (a window of `window` seconds starts with the
    /// first failure after the last window ended) and returns the counts; appends a
    /// `sign-in.refused` audit entry.
    func recordFailedSignIn(_ keys: [ThrottleKey], at time: Date, window: TimeInterval,
                            by author: ChangeAuthor) async throws(ServiceStoreError) -> [LoginFailures]
    /// The failures counted against each key in its current window (0 when it has passed).
    func failedSignIns(_ keys: [ThrottleKey], at time: Date, window: TimeInterval) async throws(ServiceStoreError) -> [LoginFailures]
    /// Forgets the failures counted against a key (after a successful sign-in).
    func clearFailedSignIns(_ key: ThrottleKey) async throws(ServiceStoreError)
}

/// Submissions, their versions, evidence files, file contents and checks.
public protocol SubmissionStore: Sendable {
    /// Creates a submission of `organisation` with `firstVersion` as version 1.
    func createSubmission(organisation: RegisteredNumber, title: String, firstVersion: NewVersion,
                          by author: ChangeAuthor) async throws(ServiceStoreError) -> (SubmissionRecord, SubmissionVersion)
    /// Adds the next version.
    func addVersion(submissionID: Int64, _ version: NewVersion, by author: ChangeAuthor) async throws(ServiceStoreError) -> SubmissionVersion
    /// Submits a version for assessment; `.refused(.versionAlreadySubmitted)` when it was.
    func submitVersion(submissionID: Int64, number: Int, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> SubmissionVersion
    func submission(id: Int64) async throws(ServiceStoreError) -> SubmissionRecord?
    /// An organisation's submissions, oldest first.
    func submissions(of organisation: RegisteredNumber) async throws(ServiceStoreError) -> [SubmissionRecord]
    /// Every submission with at least one version submitted for assessment, oldest first.
    func submittedSubmissions() async throws(ServiceStoreError) -> [SubmissionRecord]
    /// Oldest first.
    func versions(submissionID: Int64) async throws(ServiceStoreError) -> [SubmissionVersion]
    func version(submissionID: Int64, number: Int) async throws(ServiceStoreError) -> SubmissionVersion?
    /// A submission with one of its versions (`number`, else its latest) and its findings, as
    /// `submission(id:)`, `version(submissionID:number:)` and `findings(submissionID:)` give
    /// them, in one read when it has no findings (the commonest page view) and two when it has;
    /// `nil` when there is no such submission or version.
    func versionWithFindings(submissionID: Int64, number: Int?) async throws(ServiceStoreError) -> VersionWithFindings?

    /// Attaches a file to a submission, storing its content once per digest. Attaching the same
    /// content to the same submission again returns the first attachment.
    func addEvidenceFile(submissionID: Int64, content: FileContent, fileName: String, mediaType: String,
                         at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> EvidenceFile
    func evidenceFiles(submissionID: Int64) async throws(ServiceStoreError) -> [EvidenceFile]
    func evidenceFile(submissionID: Int64, sha256: String) async throws(ServiceStoreError) -> EvidenceFile?

    /// The bytes stored under a digest. Callers read only digests they reached through a record
    /// the user may see.
    func content(sha256: String) async throws(ServiceStoreError) -> FileContent?

    /// Keeps a checked file for its user's report link.
    func recordCheck(userID: Int64, content: FileContent, fileName: String, asOf: String, at time: Date,
                     by author: ChangeAuthor) async throws(ServiceStoreError) -> CheckRecord
    func check(id: Int64) async throws(ServiceStoreError) -> CheckRecord?
}

/// Assessor findings, their moderation, and rounds.
public protocol ReviewStore: Sendable {
    /// Records a finding on a submitted version (`.refused(.versionNotSubmitted)` otherwise).
    func recordFinding(_ finding: NewFinding, by author: ChangeAuthor) async throws(ServiceStoreError) -> AssessorFinding
    /// A submission's findings, oldest first.
    func findings(submissionID: Int64) async throws(ServiceStoreError) -> [AssessorFinding]
    func finding(id: Int64) async throws(ServiceStoreError) -> AssessorFinding?
    /// Records a second assessor's view of a finding; refused when the moderator recorded it or
    /// it was moderated already.
    func moderateFinding(id: Int64, _ moderation: FindingModeration, by author: ChangeAuthor) async throws(ServiceStoreError) -> AssessorFinding

    func createRound(name: String, at time: Date, by author: ChangeAuthor, createdBy userID: Int64) async throws(ServiceStoreError) -> RoundRecord
    /// Adds a scored version to a round, recording its run (when it could be scored) in the same
    /// transaction; the entry's `run` is the run's id.
    func addRoundEntry(roundID: Int64, submissionID: Int64, version: Int, run: RunRecord?, rowJSON: String,
                       by author: ChangeAuthor) async throws(ServiceStoreError) -> RoundEntry
    func round(id: Int64) async throws(ServiceStoreError) -> RoundRecord?
    /// Newest first.
    func rounds() async throws(ServiceStoreError) -> [RoundRecord]
}

/// Tenders and bids.
public protocol TenderStore: Sendable {
    func addTender(_ tender: NewTender, by author: ChangeAuthor) async throws(ServiceStoreError) -> TenderRecord
    func tender(id: Int64) async throws(ServiceStoreError) -> TenderRecord?
    /// Every tender, oldest first; `of` narrows to one commissioning organisation.
    func tenders(of organisation: RegisteredNumber?) async throws(ServiceStoreError) -> [TenderRecord]
    /// Places a bid with a submitted version of one of `organisation`'s submissions; supersedes
    /// that organisation's earlier bid to the tender.
    func placeBid(tenderID: Int64, organisation: RegisteredNumber, submissionID: Int64, version: Int, at time: Date,
                  placedBy userID: Int64, by author: ChangeAuthor) async throws(ServiceStoreError) -> BidRecord
    /// The bids to a tender, oldest first; `current` keeps only each organisation's latest.
    func bids(tenderID: Int64, current: Bool) async throws(ServiceStoreError) -> [BidRecord]
}

/// The append-only audit log.
public protocol AuditLog: Sendable {
    func auditEntries(_ query: AuditQuery) async throws(ServiceStoreError) -> [AuditEntry]
}

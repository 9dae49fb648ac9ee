import RespectStore

/// Who sees what, record by record, in one place (the routes say which roles may call them at
/// all; these rules say which records each user reaches). A record a user may not reach is
/// answered as if it did not exist (404), so nobody learns that it does.
///
/// - A provider sees and changes only its own organisation's submissions, versions, files,
///   findings and bids; it sees every tender, to bid.
/// - An assessor sees the submissions with a version submitted for assessment, and only their
///   submitted versions (never a draft); records findings; runs, rounds and the audit log.
/// - A commissioner sees its own organisation's tenders, the bids made to them and their
///   comparison; nothing of other commissioners.
/// - An admin manages users and organisations, and reads the audit log; sees no evidence.
/// - A check's report is seen by the user who made the check alone.
struct AccessPolicy: Sendable {
    let user: UserAccount

    func ownsOrganisation(_ number: RegisteredNumber) -> Bool {
        user.organisation == number
    }

    func canSee(_ submission: SubmissionRecord) -> Bool {
        switch user.role {
        case .provider: ownsOrganisation(submission.organisation)
        case .assessor: submission.isSubmitted
        case .commissioner, .admin: false
        }
    }

    func canChange(_ submission: SubmissionRecord) -> Bool {
        user.role == .provider && ownsOrganisation(submission.organisation)
    }

    func canSee(_ version: SubmissionVersion, of submission: SubmissionRecord) -> Bool {
        guard canSee(submission) else { return false }
        return user.role == .provider || version.state == .submitted
    }

    func canSee(_ tender: TenderRecord) -> Bool {
        switch user.role {
        case .commissioner: ownsOrganisation(tender.organisation)
        case .provider: true
        case .assessor, .admin: false
        }
    }

    /// The tender's own commissioner: every bid, and the comparison.
    func manages(_ tender: TenderRecord) -> Bool {
        user.role == .commissioner && ownsOrganisation(tender.organisation)
    }

    func canSee(_ bid: BidRecord, to tender: TenderRecord) -> Bool {
        manages(tender) || (user.role == .provider && ownsOrganisation(bid.organisation))
    }

    func canSee(_ check: CheckRecord) -> Bool {
        check.userID == user.id
    }

    func canSee(_ organisation: Organisation) -> Bool {
        user.role == .admin || ownsOrganisation(organisation.registeredNumber)
    }

    /// Throws 404 unless `allowed`.
    static func require(_ allowed: Bool) throws {
        guard allowed else { throw ServiceError.notFound }
    }
}

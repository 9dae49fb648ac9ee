/// Why the service store could not do what was asked; `description` is what an operator reads.
/// The server maps each case to one HTTP status (unavailable → 503, duplicate → 409,
/// missing → 404, refused → 409, failed → 500).
public enum ServiceStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database does not answer (cannot be opened or reached, or stays locked).
    case unavailable(location: String, message: String)
    /// The database answered with an error, in its own words.
    case failed(location: String, message: String)
    /// A record with that key exists already (an organisation number, an email address).
    case duplicate(StoredKind, key: String)
    /// A record the change needs is not there.
    case missing(StoredKind, key: String)
    /// The change is not allowed in the record's present state.
    case refused(Refusal)

    public var description: String {
        switch self {
        case .unavailable(let location, let message): "\(location): the database does not answer: \(message)"
        case .failed(let location, let message): "\(location): \(message)"
        case .duplicate(let kind, let key): "there is already \(kind.withArticle) \(key)"
        case .missing(let kind, let key): "there is no \(kind.rawValue) \(key)"
        case .refused(let refusal): refusal.description
        }
    }
}

/// The kinds of record the service store keeps, for messages and audit subjects.
public enum StoredKind: String, Sendable, Hashable, Codable, CaseIterable {
    case organisation, user, session, token, submission, version, evidenceFile = "evidence-file", finding, tender, bid,
         round, run, check

    var withArticle: String {
        switch self {
        case .organisation, .evidenceFile: "an \(rawValue)"
        default: "a \(rawValue)"
        }
    }
}

/// A change a record's state does not allow, with what was expected.
public enum Refusal: Sendable, Hashable, CustomStringConvertible {
    /// Submitting a version that was submitted already: a submitted version never changes.
    case versionAlreadySubmitted(submission: Int64, version: Int)
    /// Findings, bids and rounds need a version submitted for assessment.
    case versionNotSubmitted(submission: Int64, version: Int)
    /// A finding is moderated by a second assessor, not the one who recorded it.
    case moderatorIsAssessor(finding: Int64)
    /// A finding is moderated once.
    case findingAlreadyModerated(finding: Int64)
    /// A user's organisation must be of the kind its role needs (`nil`: none at all).
    case organisationKind(expected: OrganisationKind?, found: OrganisationKind?)
    /// A bid offers a version of the bidding organisation's own submissions.
    case bidNotOwnSubmission(submission: Int64)

    public var description: String {
        switch self {
        case .versionAlreadySubmitted(let submission, let version):
            "version \(version) of submission \(submission) was submitted already; a submitted version never changes"
        case .versionNotSubmitted(let submission, let version):
            "version \(version) of submission \(submission) has not been submitted for assessment; expected a submitted version"
        case .moderatorIsAssessor(let finding):
            "finding \(finding) must be moderated by a second assessor, not the one who recorded it"
        case .findingAlreadyModerated(let finding):
            "finding \(finding) has been moderated already"
        case .organisationKind(let expected, let found):
            "expected \(expected.map { "a \($0.rawValue) organisation" } ?? "no organisation"), found \(found.map { "a \($0.rawValue) organisation" } ?? "none")"
        case .bidNotOwnSubmission(let submission):
            "submission \(submission) is not one of the bidding organisation's own"
        }
    }
}

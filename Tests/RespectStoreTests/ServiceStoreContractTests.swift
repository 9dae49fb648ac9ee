import RespectTestSupport
import Testing

/// The service store contract (`ServiceStoreContract`), for every implementation in
/// `ServiceStoreImplementations.all`.
@Suite("Service store contract", .usesTheDatabase)
struct ServiceStoreContractTests {
    @Test("organisations are kept by registered number, and a known number is a duplicate",
          arguments: ServiceStoreImplementations.all)
    func organisations(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.organisationsByNumber(implementation)
    }

    @Test("users are unique by email in any case and belong to an organisation of the kind their role needs",
          arguments: ServiceStoreImplementations.all)
    func users(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.usersAndTheirOrganisations(implementation)
    }

    @Test("a session signs its user in, through any process, until it expires or ends or the user is disabled",
          arguments: ServiceStoreImplementations.all)
    func sessions(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.sessionsSignInUntilEnded(implementation)
    }

    @Test("a bearer token signs its user in until revoked by its owner or expired", arguments: ServiceStoreImplementations.all)
    func tokens(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.tokensSignInUntilRevoked(implementation)
    }

    @Test("failed sign-ins count per account and per address within a window, the same for every process",
          arguments: ServiceStoreImplementations.all)
    func throttling(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.failedSignInsCountPerKey(implementation)
    }

    @Test("versions are numbered from 1, kept byte for byte, and a submitted version is never submitted again",
          arguments: ServiceStoreImplementations.all)
    func versions(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.versionsAndSubmitting(implementation)
    }

    @Test("a version read with its submission and findings matches the separate reads", arguments: ServiceStoreImplementations.all)
    func versionWithFindings(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.versionsReadWithFindings(implementation)
    }

    @Test("versions added from twenty tasks at once are numbered without gaps or repeats", arguments: ServiceStoreImplementations.all)
    func concurrentVersions(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.concurrentVersionsAreNumberedOnce(implementation)
    }

    @Test("evidence files are stored once per digest and read back byte for byte", arguments: ServiceStoreImplementations.all)
    func evidenceFiles(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.evidenceFilesByDigest(implementation)
    }

    @Test("a check keeps its file for its user", arguments: ServiceStoreImplementations.all)
    func checks(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.checksKeepTheirFile(implementation)
    }

    @Test("findings need a submitted version, and a second assessor moderates each once", arguments: ServiceStoreImplementations.all)
    func findings(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.findingsAndModeration(implementation)
    }

    @Test("a round's entries record their runs in the same transaction", arguments: ServiceStoreImplementations.all)
    func rounds(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.roundsRecordRuns(implementation)
    }

    @Test("tenders belong to commissioners; a bid offers the bidder's own submitted version and supersedes its earlier bid",
          arguments: ServiceStoreImplementations.all)
    func tenders(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.tendersAndBids(implementation)
    }

    @Test("every change appends an audit entry with who, when, what and digests before and after",
          arguments: ServiceStoreImplementations.all)
    func audit(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.everyChangeIsAudited(implementation)
    }

    @Test("a change interrupted inside its transaction leaves neither the change nor its audit entry",
          arguments: ServiceStoreImplementations.all)
    func interrupted(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.interruptedChangeLeavesNothing(implementation)
    }

    @Test("reopening a store keeps its records and applies no migration again", arguments: ServiceStoreImplementations.all)
    func reopening(_ implementation: ServiceStoreImplementation) async throws {
        try await ServiceStoreContract.reopeningKeepsRecords(implementation)
    }
}

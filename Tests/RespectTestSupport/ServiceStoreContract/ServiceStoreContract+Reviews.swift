import Foundation
import RespectModel
import RespectStore
import Testing

extension ServiceStoreContract {
    /// A provider's submission with version 1 submitted and version 2 a draft.
    static func submittedSubmission(in store: any ServiceStore) async throws -> (SubmissionRecord, provider: UserAccount) {
        try await ServiceFixtures.organisations(in: store)
        let user = try await ServiceFixtures.user("quality@eastfield.example", .provider, ServiceFixtures.provider, in: store)
        let (submission, _) = try await store.createSubmission(organisation: ServiceFixtures.provider, title: "t",
                                                               firstVersion: ServiceFixtures.version("v1", by: user),
                                                               by: .user(user, address: nil))
        _ = try await store.submitVersion(submissionID: submission.id, number: 1, at: ServiceFixtures.time(20), by: .user(user, address: nil))
        _ = try await store.addVersion(submissionID: submission.id, ServiceFixtures.version("v2", by: user, at: 30),
                                       by: .user(user, address: nil))
        return (submission, user)
    }

    /// Findings are recorded on submitted versions only; a second assessor moderates each once.
    public static func findingsAndModeration(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let (submission, _) = try await submittedSubmission(in: store)
        let assessor = try await ServiceFixtures.user("assessor@respect.example", .assessor, in: store)
        let second = try await ServiceFixtures.user("moderator@respect.example", .assessor, in: store)
        func finding(version: Int) -> NewFinding {
            NewFinding(submissionID: submission.id, version: version, kind: .evidence, targetID: "st-safer-recruitment-policy",
                       decision: .rejected, reason: "A draft with tracked changes.", assessorID: assessor.id,
                       date: CalendarDate("2026-10-05")!, expires: CalendarDate("2027-06-30")!, fileSHA256: String(repeating: "AB", count: 32),
                       recordedAt: ServiceFixtures.time(100))
        }
        await #expect(throws: ServiceStoreError.refused(.versionNotSubmitted(submission: submission.id, version: 2))) {
            try await store.recordFinding(finding(version: 2), by: .user(assessor, address: nil))
        }
        let recorded = try await store.recordFinding(finding(version: 1), by: .user(assessor, address: nil))
        #expect(recorded.assessorEmail.value == "assessor@respect.example" && recorded.moderation == nil)
        #expect(recorded.fileSHA256 == String(repeating: "ab", count: 32) && recorded.expires == CalendarDate("2027-06-30"))
        #expect(try await store.findings(submissionID: submission.id) == [recorded])
        await #expect(throws: ServiceStoreError.refused(.moderatorIsAssessor(finding: recorded.id))) {
            try await store.moderateFinding(id: recorded.id, FindingModeration(moderatorID: assessor.id, agrees: true, note: "",
                                                                               at: ServiceFixtures.time(110)),
                                            by: .user(assessor, address: nil))
        }
        let moderated = try await store.moderateFinding(
            id: recorded.id, FindingModeration(moderatorID: second.id, agrees: false, note: "The policy was approved in May.",
                                               at: ServiceFixtures.time(120)), by: .user(second, address: nil))
        #expect(moderated.moderation == FindingModeration(moderatorID: second.id, agrees: false,
                                                          note: "The policy was approved in May.", at: ServiceFixtures.time(120)))
        #expect(try await store.finding(id: recorded.id) == moderated)
        await #expect(throws: ServiceStoreError.refused(.findingAlreadyModerated(finding: recorded.id))) {
            try await store.moderateFinding(id: recorded.id, FindingModeration(moderatorID: second.id, agrees: true, note: "",
                                                                               at: ServiceFixtures.time(130)),
                                            by: .user(second, address: nil))
        }
    }

    /// A version read with its submission and findings is what the separate reads give: the
    /// latest version when no number is given, `nil` for a version or submission that is not
    /// there, and the findings of that submission only.
    public static func versionsReadWithFindings(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let (submission, provider) = try await submittedSubmission(in: store)
        let (other, _) = try await store.createSubmission(organisation: ServiceFixtures.provider, title: "another",
                                                          firstVersion: ServiceFixtures.version("o1", by: provider),
                                                          by: .user(provider, address: nil))
        let assessor = try await ServiceFixtures.user("assessor@respect.example", .assessor, in: store)
        func separately(_ id: Int64, _ number: Int) async throws -> VersionWithFindings {
            VersionWithFindings(submission: try #require(try await store.submission(id: id)),
                                version: try #require(try await store.version(submissionID: id, number: number)),
                                findings: try await store.findings(submissionID: id))
        }

        let latest = try #require(try await store.versionWithFindings(submissionID: submission.id, number: nil))
        #expect(latest.version.number == 2 && latest.findings.isEmpty && latest.submission.submittedVersions == [1])
        #expect(latest == (try await separately(submission.id, 2)))
        #expect(try await store.versionWithFindings(submissionID: submission.id, number: 1) == (try await separately(submission.id, 1)))
        #expect(try await store.versionWithFindings(submissionID: submission.id, number: 3) == nil, "no version 3")
        #expect(try await store.versionWithFindings(submissionID: 999, number: nil) == nil, "no submission 999")

        let recorded = try await store.recordFinding(
            NewFinding(submissionID: submission.id, version: 1, kind: .evidence, targetID: "st-safer-recruitment-policy",
                       decision: .accepted, reason: "Approved and dated.", assessorID: assessor.id,
                       date: CalendarDate("2026-10-05")!, expires: nil, fileSHA256: nil, recordedAt: ServiceFixtures.time(100)),
            by: .user(assessor, address: nil))
        _ = try await store.submitVersion(submissionID: submission.id, number: 2, at: ServiceFixtures.time(110), by: .user(provider, address: nil))
        let after = try #require(try await store.versionWithFindings(submissionID: submission.id, number: nil))
        #expect(after.findings == [recorded] && after.submission.submittedVersions == [1, 2] && after.version.state == .submitted)
        #expect(after == (try await separately(submission.id, 2)))
        #expect(try await store.versionWithFindings(submissionID: other.id, number: nil) == (try await separately(other.id, 1)),
                "another submission's findings are not read with it")
    }

    /// A round's entries keep their rows and the runs recorded with them, readable as runs.
    public static func roundsRecordRuns(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let (submission, _) = try await submittedSubmission(in: store)
        let assessor = try await ServiceFixtures.user("assessor@respect.example", .assessor, in: store)
        let round = try await store.createRound(name: "Autumn 2026", at: ServiceFixtures.time(200), by: .user(assessor, address: nil),
                                                createdBy: assessor.id)
        let assessment = try StoreFixtures.assessment("engine/mini-achieved.xml")
        let run = RunRecord(assessment, assessor: assessor.email.value, recordedAt: ServiceFixtures.time(210))
        let entry = try await store.addRoundEntry(roundID: round.id, submissionID: submission.id, version: 1, run: run,
                                                  rowJSON: #"{"outcome":"achieved"}"#, by: .user(assessor, address: nil))
        let runID = try #require(entry.run)
        #expect(try await store.run(id: runID)?.summary == run.summary(run: runID))
        await #expect(throws: ServiceStoreError.refused(.versionNotSubmitted(submission: submission.id, version: 2))) {
            try await store.addRoundEntry(roundID: round.id, submissionID: submission.id, version: 2, run: run, rowJSON: "{}",
                                          by: .user(assessor, address: nil))
        }
        #expect(try await store.counts().runs == 1, "the refused entry recorded no run")
        let read = try #require(try await store.round(id: round.id))
        #expect(read.name == "Autumn 2026" && read.entries == [entry])
        #expect(try await store.rounds().map(\.id) == [round.id])
        #expect(try await store.round(id: round.id + 1) == nil)
    }

    /// Tenders belong to commissioners; a bid offers a submitted version of the bidder's own
    /// submission, and a later bid supersedes the earlier one.
    public static func tendersAndBids(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let (submission, provider) = try await submittedSubmission(in: store)
        let officer = try await ServiceFixtures.user("officer@council.example", .commissioner, ServiceFixtures.commissioner, in: store)
        let tenderFile = FileContent(Array("<tender/>".utf8))
        func tender(_ organisation: RegisteredNumber) -> NewTender {
            NewTender(organisation: organisation, content: tenderFile, fileName: "lot1.xml", reference: "CBC-2026-014",
                      title: "Lot 1", deadline: "2027-01-31", createdBy: officer.id, createdAt: ServiceFixtures.time(300))
        }
        await #expect(throws: ServiceStoreError.refused(.organisationKind(expected: .commissioner, found: .provider))) {
            try await store.addTender(tender(ServiceFixtures.provider), by: .user(officer, address: nil))
        }
        let added = try await store.addTender(tender(ServiceFixtures.commissioner), by: .user(officer, address: nil))
        #expect(try await store.tender(id: added.id) == added)
        #expect(try await store.tenders(of: ServiceFixtures.commissioner) == [added])
        #expect(try await store.tenders(of: ServiceFixtures.provider).isEmpty)
        #expect(try await store.content(sha256: added.sha256) == tenderFile)

        func bid(_ version: Int, _ organisation: RegisteredNumber = ServiceFixtures.provider, at seconds: TimeInterval) async throws -> BidRecord {
            try await store.placeBid(tenderID: added.id, organisation: organisation, submissionID: submission.id, version: version,
                                     at: ServiceFixtures.time(seconds), placedBy: provider.id, by: .user(provider, address: nil))
        }
        await #expect(throws: ServiceStoreError.refused(.versionNotSubmitted(submission: submission.id, version: 2))) {
            try await bid(2, at: 310)
        }
        await #expect(throws: ServiceStoreError.refused(.bidNotOwnSubmission(submission: submission.id))) {
            try await bid(1, ServiceFixtures.otherProvider, at: 310)
        }
        await #expect(throws: ServiceStoreError.missing(.tender, key: "999")) {
            try await store.placeBid(tenderID: 999, organisation: ServiceFixtures.provider, submissionID: submission.id, version: 1,
                                     at: ServiceFixtures.time(), placedBy: provider.id, by: .user(provider, address: nil))
        }
        let first = try await bid(1, at: 320)
        let second = try await bid(1, at: 330)
        #expect(try await store.bids(tenderID: added.id, current: true) == [second])
        let all = try await store.bids(tenderID: added.id, current: false)
        #expect(all.map(\.id) == [first.id, second.id] && all[0].supersededBy == second.id)
    }
}

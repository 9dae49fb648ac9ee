import Foundation
import RespectStore
import Testing

extension ServiceStoreContract {
    /// Every change appends one audit entry naming who, when, what and the digests of the record
    /// before and after; entries read newest first, page back, and filter by organisation.
    public static func everyChangeIsAudited(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let (submission, provider) = try await submittedSubmission(in: store)
        let entries = try await store.auditEntries(AuditQuery())
        #expect(entries.map(\.action) == [.versionAdded, .versionSubmitted, .versionAdded, .submissionCreated, .userAdded,
                                          .organisationAdded, .organisationAdded, .organisationAdded])
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.id > $1.id }, "newest first")
        let submitted = entries[1]
        #expect(submitted.author == .user(provider, address: nil))
        #expect(submitted.at == ServiceFixtures.time(20))
        #expect(submitted.subject == AuditSubject(kind: "version", id: "\(submission.id)/1"))
        #expect(submitted.organisation == ServiceFixtures.provider)
        let version = try #require(try await store.version(submissionID: submission.id, number: 1))
        #expect(submitted.after == AuditDigest.of(version), "the digest of the record as it is now")
        #expect(submitted.before != nil && submitted.before != submitted.after)
        #expect(entries.last?.before == nil, "an added record had no before")

        let page = try await store.auditEntries(AuditQuery(before: entries[2].id, limit: 2))
        #expect(page.map(\.id) == [entries[3].id, entries[4].id])
        let northgate = try await store.auditEntries(AuditQuery(organisation: ServiceFixtures.otherProvider))
        #expect(northgate.map(\.action) == [.organisationAdded])
        let users = try await store.auditEntries(AuditQuery(subjectKind: "user"))
        #expect(users.map(\.action) == [.userAdded])
    }

    /// A write interrupted inside its transaction, after the change and its audit entry were
    /// written, leaves neither; the writes before and after it land whole.
    public static func interruptedChangeLeavesNothing(_ implementation: ServiceStoreImplementation) async throws {
        let fresh = try await implementation.makeStore()
        try await ServiceFixtures.organisations(in: fresh.store)
        let before = try await fresh.store.auditEntries(AuditQuery()).count
        let interrupting = try await fresh.interruptingWrites()
        await #expect(throws: ServiceStoreError.self) {
            try await ServiceFixtures.user("lost@eastfield.example", .provider, ServiceFixtures.provider, in: interrupting)
        }
        #expect(try await fresh.store.credentials(email: EmailAddress("lost@eastfield.example")!) == nil)
        #expect(try await fresh.store.auditEntries(AuditQuery()).count == before, "no audit entry without its change")
        let user = try await ServiceFixtures.user("kept@eastfield.example", .provider, ServiceFixtures.provider, in: fresh.store)
        #expect(try await fresh.store.auditEntries(AuditQuery(limit: 1)).first?.subject.id == String(user.id))
    }

    /// Reopening a store keeps its records and applies no migration again.
    public static func reopeningKeepsRecords(_ implementation: ServiceStoreImplementation) async throws {
        let fresh = try await implementation.makeStore()
        try await ServiceFixtures.organisations(in: fresh.store)
        let migrations = try await fresh.store.appliedMigrations()
        #expect(migrations.first == "v1-accounts" && migrations.count >= 6)
        let reopened = try await fresh.reopen()
        #expect(try await reopened.appliedMigrations() == migrations)
        #expect(try await reopened.organisations().count == 3)
        try await reopened.ping()
    }
}

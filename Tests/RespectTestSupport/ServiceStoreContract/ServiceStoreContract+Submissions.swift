import Foundation
import RespectStore
import Testing

extension ServiceStoreContract {
    /// Versions are numbered from 1, their files read back byte for byte and stored once per
    /// digest; a submitted version cannot be submitted again; lists keep to one organisation.
    public static func versionsAndSubmitting(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        try await ServiceFixtures.organisations(in: store)
        let user = try await ServiceFixtures.user("quality@eastfield.example", .provider, ServiceFixtures.provider, in: store)
        let (submission, first) = try await store.createSubmission(
            organisation: ServiceFixtures.provider, title: "2026 accreditation",
            firstVersion: ServiceFixtures.version("<submission>one</submission>", by: user), by: .user(user, address: nil))
        #expect(first.number == 1 && first.state == .draft && submission.latestVersion == 1 && !submission.isSubmitted)
        let second = try await store.addVersion(submissionID: submission.id,
                                                ServiceFixtures.version("<submission>two</submission>", by: user, at: 20),
                                                by: .user(user, address: nil))
        let third = try await store.addVersion(submissionID: submission.id,
                                               ServiceFixtures.version("<submission>one</submission>", by: user, at: 30),
                                               by: .user(user, address: nil))
        #expect(second.number == 2 && third.number == 3)
        #expect(third.sha256 == first.sha256, "the same bytes have the same digest")
        #expect(try await store.content(sha256: second.sha256)?.bytes == Array("<submission>two</submission>".utf8))
        #expect(try await store.content(sha256: String(repeating: "0", count: 64)) == nil)
        #expect(try await store.versions(submissionID: submission.id) == [first, second, third])

        let submitted = try await store.submitVersion(submissionID: submission.id, number: 2, at: ServiceFixtures.time(40),
                                                      by: .user(user, address: nil))
        #expect(submitted.state == .submitted && submitted.submittedBy == user.id && submitted.submittedAt == ServiceFixtures.time(40))
        await #expect(throws: ServiceStoreError.refused(.versionAlreadySubmitted(submission: submission.id, version: 2))) {
            try await store.submitVersion(submissionID: submission.id, number: 2, at: ServiceFixtures.time(50),
                                          by: .user(user, address: nil))
        }
        #expect(try await store.version(submissionID: submission.id, number: 2) == submitted, "unchanged by the refusal")
        await #expect(throws: ServiceStoreError.missing(.version, key: "\(submission.id)/9")) {
            try await store.submitVersion(submissionID: submission.id, number: 9, at: ServiceFixtures.time(50), by: .user(user, address: nil))
        }
        let read = try #require(try await store.submission(id: submission.id))
        #expect(read.latestVersion == 3 && read.submittedVersions == [2] && read.isSubmitted)

        let northgate = try await ServiceFixtures.user("lead@northgate.example", .provider, ServiceFixtures.otherProvider, in: store)
        _ = try await store.createSubmission(organisation: ServiceFixtures.otherProvider, title: "draft",
                                             firstVersion: ServiceFixtures.version("<submission>n</submission>", by: northgate),
                                             by: .user(northgate, address: nil))
        #expect(try await store.submissions(of: ServiceFixtures.provider).map(\.id) == [submission.id])
        #expect(try await store.submissions(of: ServiceFixtures.otherProvider).count == 1)
        #expect(try await store.submittedSubmissions().map(\.id) == [submission.id], "only submissions with a submitted version")
        await #expect(throws: ServiceStoreError.refused(.organisationKind(expected: .provider, found: .commissioner))) {
            try await store.createSubmission(organisation: ServiceFixtures.commissioner, title: "",
                                             firstVersion: ServiceFixtures.version("x", by: user), by: .user(user, address: nil))
        }
        await #expect(throws: ServiceStoreError.missing(.submission, key: "999")) {
            try await store.addVersion(submissionID: 999, ServiceFixtures.version("x", by: user), by: .user(user, address: nil))
        }
    }

    /// Versions added to one submission from many tasks at once all land, numbered without gaps.
    public static func concurrentVersionsAreNumberedOnce(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        try await ServiceFixtures.organisations(in: store)
        let user = try await ServiceFixtures.user("quality@eastfield.example", .provider, ServiceFixtures.provider, in: store)
        let (submission, _) = try await store.createSubmission(organisation: ServiceFixtures.provider, title: "t",
                                                               firstVersion: ServiceFixtures.version("v1", by: user),
                                                               by: .user(user, address: nil))
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try await store.addVersion(submissionID: submission.id, ServiceFixtures.version("v\(index + 2)", by: user),
                                               by: .user(user, address: nil)).number
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(numbers.sorted() == Array(2...21))
        #expect(try await store.versions(submissionID: submission.id).count == 21)
    }

    /// Evidence files are attached once per digest and submission, their bytes stored once.
    public static func evidenceFilesByDigest(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        try await ServiceFixtures.organisations(in: store)
        let user = try await ServiceFixtures.user("quality@eastfield.example", .provider, ServiceFixtures.provider, in: store)
        let (submission, _) = try await store.createSubmission(organisation: ServiceFixtures.provider, title: "t",
                                                               firstVersion: ServiceFixtures.version("v1", by: user),
                                                               by: .user(user, address: nil))
        let pdf = FileContent(Array(repeating: 0x25, count: 70_000) + [0, 1, 2, 255])
        let first = try await store.addEvidenceFile(submissionID: submission.id, content: pdf, fileName: "policy.pdf",
                                                    mediaType: "application/pdf", at: ServiceFixtures.time(60), by: .user(user, address: nil))
        let again = try await store.addEvidenceFile(submissionID: submission.id, content: pdf, fileName: "copy.pdf",
                                                    mediaType: "application/pdf", at: ServiceFixtures.time(70), by: .user(user, address: nil))
        #expect(again == first, "the first attachment stands")
        #expect(first.sha256 == pdf.sha256 && first.size == 70_004 && first.fileName == "policy.pdf")
        #expect(try await store.evidenceFiles(submissionID: submission.id) == [first])
        #expect(try await store.evidenceFile(submissionID: submission.id, sha256: pdf.sha256.uppercased()) == first)
        #expect(try await store.evidenceFile(submissionID: submission.id + 1, sha256: pdf.sha256) == nil)
        #expect(try await store.content(sha256: pdf.sha256) == pdf, "read back byte for byte")
        let added = try await store.auditEntries(AuditQuery(subjectKind: "evidence-file"))
        #expect(added.count == 1, "attaching the same file again changes nothing, so it is not logged")
        await #expect(throws: ServiceStoreError.missing(.submission, key: "999")) {
            try await store.addEvidenceFile(submissionID: 999, content: pdf, fileName: "p.pdf", mediaType: "application/pdf",
                                            at: ServiceFixtures.time(), by: .user(user, address: nil))
        }
    }

    /// A check is kept with its file, for its user.
    public static func checksKeepTheirFile(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let user = try await ServiceFixtures.user("assessor@respect.example", .assessor, in: store)
        let content = FileContent(Array("<submission/>".utf8))
        let check = try await store.recordCheck(userID: user.id, content: content, fileName: "not-yet.xml", asOf: "2026-10-01",
                                                at: ServiceFixtures.time(5), by: .user(user, address: nil))
        #expect(try await store.check(id: check.id) == check)
        #expect(check.userID == user.id && check.sha256 == content.sha256 && check.asOf == "2026-10-01")
        #expect(try await store.content(sha256: check.sha256) == content)
        #expect(try await store.check(id: check.id + 1) == nil)
    }
}

import Foundation
import RespectStore
import Testing

/// The behaviour every `ServiceStore` must have, written against the protocol alone. Each case
/// makes a fresh store of an implementation and records its issues with `#expect`;
/// `RespectStoreTests` runs every case for every implementation it lists.
public enum ServiceStoreContract {}

extension ServiceStoreContract {
    /// Organisations read back as added, by number; a known number is refused as a duplicate.
    public static func organisationsByNumber(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        try await ServiceFixtures.organisations(in: store)
        #expect(try await store.organisations().map(\.registeredNumber.value) == ["09876543", "1190003", "SC045678"])
        let found = try #require(try await store.organisation(RegisteredNumber("sc045678")!))
        #expect(found.name == "Northgate Family Safety" && found.kind == .provider)
        #expect(found.createdAt == ServiceFixtures.time())
        #expect(try await store.organisation(RegisteredNumber("1190004")!) == nil)
        await #expect(throws: ServiceStoreError.duplicate(.organisation, key: "1190003")) {
            try await store.addOrganisation(Organisation(registeredNumber: RegisteredNumber("119 0003")!, name: "Another name",
                                                         kind: .provider, createdAt: ServiceFixtures.time()),
                                            by: ServiceFixtures.operatorAuthor)
        }
    }

    /// Users are unique by email (in any case), belong to an organisation of the kind their role
    /// needs, and give their hash only through `credentials`.
    public static func usersAndTheirOrganisations(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        try await ServiceFixtures.organisations(in: store)
        let provider = try await ServiceFixtures.user("Quality@Eastfield.example", .provider, ServiceFixtures.provider, in: store)
        #expect(provider.email.value == "quality@eastfield.example" && !provider.disabled)
        #expect(try await store.user(id: provider.id) == provider)
        let credentials = try #require(try await store.credentials(email: EmailAddress("QUALITY@eastfield.example")!))
        #expect(credentials.user == provider && credentials.passwordHash == ServiceFixtures.hash)
        await #expect(throws: ServiceStoreError.duplicate(.user, key: "quality@eastfield.example")) {
            try await ServiceFixtures.user("quality@EASTFIELD.example", .provider, ServiceFixtures.provider, in: store)
        }
        await #expect(throws: ServiceStoreError.refused(.organisationKind(expected: .provider, found: .commissioner))) {
            try await ServiceFixtures.user("x@council.example", .provider, ServiceFixtures.commissioner, in: store)
        }
        await #expect(throws: ServiceStoreError.refused(.organisationKind(expected: nil, found: .provider))) {
            try await ServiceFixtures.user("assessor@respect.example", .assessor, ServiceFixtures.provider, in: store)
        }
        await #expect(throws: ServiceStoreError.missing(.organisation, key: "1190009")) {
            try await ServiceFixtures.user("y@unknown.example", .provider, RegisteredNumber("1190009")!, in: store)
        }
        let assessor = try await ServiceFixtures.user("assessor@respect.example", .assessor, in: store)
        #expect(try await store.users().map(\.email.value) == ["assessor@respect.example", "quality@eastfield.example"])
        #expect(assessor.organisation == nil)
    }

    /// A session signs its user in until it expires or ends, or the user is disabled; the CSRF
    /// token comes back with it; a second store on the same database sees the same session.
    public static func sessionsSignInUntilEnded(_ implementation: ServiceStoreImplementation) async throws {
        let fresh = try await implementation.makeStore()
        let store = fresh.store
        try await ServiceFixtures.organisations(in: store)
        let user = try await ServiceFixtures.user("quality@eastfield.example", .provider, ServiceFixtures.provider, in: store)
        let start = ServiceFixtures.time(100)
        try await store.startSession(NewSession(idHash: "a1", userID: user.id, csrfToken: "csrf-1", createdAt: start,
                                                expiresAt: start.addingTimeInterval(3600)), by: .user(user, address: "127.0.0.1"))
        let signedIn = try #require(try await store.signedIn(sessionHash: "a1", at: start.addingTimeInterval(60)))
        #expect(signedIn.user == user && signedIn.credential == .session(idHash: "a1", csrfToken: "csrf-1"))
        let other = try await fresh.reopen()
        #expect(try await other.signedIn(sessionHash: "a1", at: start.addingTimeInterval(60))?.user == user,
                "another process on the same database sees the session")
        #expect(try await store.signedIn(sessionHash: "a1", at: start.addingTimeInterval(3600)) == nil, "expired")
        #expect(try await store.signedIn(sessionHash: "a2", at: start) == nil, "unknown")
        #expect(try await other.endSession(sessionHash: "a1", at: start.addingTimeInterval(120), by: .user(user, address: nil)))
        #expect(try await store.signedIn(sessionHash: "a1", at: start.addingTimeInterval(130)) == nil, "ended")
        #expect(try await store.endSession(sessionHash: "a1", at: start.addingTimeInterval(140), by: .user(user, address: nil)) == false)

        try await store.startSession(NewSession(idHash: "b1", userID: user.id, csrfToken: "csrf-2", createdAt: start,
                                                expiresAt: start.addingTimeInterval(3600)), by: .user(user, address: nil))
        let disabled = try await store.changeUser(id: user.id, UserChange(disabled: true), at: start.addingTimeInterval(10),
                                                  by: ServiceFixtures.operatorAuthor)
        #expect(disabled.disabled)
        #expect(try await store.signedIn(sessionHash: "b1", at: start.addingTimeInterval(20)) == nil, "its user was disabled")
        _ = try await store.changeUser(id: user.id, UserChange(disabled: false), at: start.addingTimeInterval(30),
                                       by: ServiceFixtures.operatorAuthor)
        #expect(try await store.signedIn(sessionHash: "b1", at: start.addingTimeInterval(40)) == nil,
                "disabling ended the session for good")
    }

    /// A bearer token signs its user in by its hash until revoked or expired; only its owner revokes it.
    public static func tokensSignInUntilRevoked(_ implementation: ServiceStoreImplementation) async throws {
        let store = try await implementation.makeStore().store
        let user = try await ServiceFixtures.user("assessor@respect.example", .assessor, in: store)
        let other = try await ServiceFixtures.user("second@respect.example", .assessor, in: store)
        let time = ServiceFixtures.time(200)
        let token = try await store.createToken(NewAPIToken(hash: "t1", userID: user.id, label: "round script", createdAt: time,
                                                            expiresAt: nil), by: .user(user, address: nil))
        _ = try await store.createToken(NewAPIToken(hash: "t2", userID: user.id, label: "short", createdAt: time,
                                                    expiresAt: time.addingTimeInterval(60)), by: .user(user, address: nil))
        #expect(try await store.signedIn(tokenHash: "t1", at: time)?.credential == .token(id: token.id))
        #expect(try await store.signedIn(tokenHash: "t2", at: time.addingTimeInterval(61)) == nil, "expired")
        #expect(try await store.tokens(userID: user.id).map(\.label) == ["round script", "short"])
        #expect(try await store.revokeToken(id: token.id, userID: other.id, at: time, by: .user(other, address: nil)) == false,
                "not the other user's token")
        #expect(try await store.revokeToken(id: token.id, userID: user.id, at: time, by: .user(user, address: nil)))
        #expect(try await store.signedIn(tokenHash: "t1", at: time.addingTimeInterval(1)) == nil, "revoked")
        #expect(try await store.tokens(userID: user.id).first?.revokedAt == time)
        await #expect(throws: ServiceStoreError.missing(.user, key: "999")) {
            try await store.createToken(NewAPIToken(hash: "t3", userID: 999, label: "", createdAt: time, expiresAt: nil),
                                        by: ServiceFixtures.operatorAuthor)
        }
    }

    /// Failed sign-ins count per key within a window, start again after it, are cleared on
    /// request, and are the same for every process on the database.
    public static func failedSignInsCountPerKey(_ implementation: ServiceStoreImplementation) async throws {
        let fresh = try await implementation.makeStore()
        let account = ThrottleKey.account("Quality@Eastfield.example")
        let address = ThrottleKey.address("192.0.2.7")
        let start = ServiceFixtures.time(300)
        let window: TimeInterval = 900
        for second in 0..<3 {
            _ = try await fresh.store.recordFailedSignIn([account, address], at: start.addingTimeInterval(TimeInterval(second)),
                                                         window: window, by: .anonymous(address: "192.0.2.7"))
        }
        let other = try await fresh.reopen()
        let counted = try await other.recordFailedSignIn([account], at: start.addingTimeInterval(10), window: window,
                                                         by: .anonymous(address: "192.0.2.8"))
        #expect(counted.map(\.failures) == [4], "a second process adds to the same count")
        let now = try await fresh.store.failedSignIns([account, address, .address("192.0.2.8")], at: start.addingTimeInterval(20),
                                                      window: window)
        #expect(now.map(\.failures) == [4, 3, 0])
        #expect(now[0].key == .account("quality@eastfield.example"), "accounts are counted by their normalised email")
        #expect(try await fresh.store.failedSignIns([account], at: start.addingTimeInterval(window + 1), window: window)
            .map(\.failures) == [0], "the window has passed")
        let restarted = try await fresh.store.recordFailedSignIn([account], at: start.addingTimeInterval(window + 1),
                                                                 window: window, by: .anonymous(address: nil))
        #expect(restarted.map(\.failures) == [1] && restarted[0].windowStart == start.addingTimeInterval(window + 1))
        try await fresh.store.clearFailedSignIns(address)
        #expect(try await fresh.store.failedSignIns([address], at: start.addingTimeInterval(30), window: window).map(\.failures) == [0])
    }
}

public import Foundation
public import RespectStore

/// Organisations, users and files the service store contract works with.
public enum ServiceFixtures {
    public static let provider = RegisteredNumber("1190003")!
    public static let otherProvider = RegisteredNumber("SC 045 678")!
    public static let commissioner = RegisteredNumber("09876543")!
    public static let operatorAuthor = ChangeAuthor.commandLine("contract")
    /// A stand-in for a bcrypt hash: the store keeps whatever hash it is given.
    public static let hash = "$2b$04$abcdefghijklmnopqrstuuO1Zc9z8yP2wX7vM3n6K5j4H2g1F0e9d"

    /// A time `seconds` after a fixed instant.
    public static func time(_ seconds: TimeInterval = 0) -> Date {
        Date(timeIntervalSince1970: 1_790_000_000 + seconds)
    }

    /// The three organisations: two providers and a commissioner.
    public static func organisations(in store: any ServiceStore) async throws {
        for (number, name, kind) in [(provider, "Eastfield Men's Programme", OrganisationKind.provider),
                                     (otherProvider, "Northgate Family Safety", .provider),
                                     (commissioner, "Calderbank Council", .commissioner)] {
            _ = try await store.addOrganisation(Organisation(registeredNumber: number, name: name, kind: kind, createdAt: time()),
                                                by: operatorAuthor)
        }
    }

    /// Adds a user of `role` (in `organisation`) and returns it.
    public static func user(_ email: String, _ role: Role, _ organisation: RegisteredNumber? = nil,
                            in store: any ServiceStore) async throws -> UserAccount {
        try await store.addUser(NewUser(email: EmailAddress(email)!, role: role, organisation: organisation, passwordHash: hash),
                                at: time(1), by: operatorAuthor)
    }

    /// A version of `bytes` uploaded by `user`.
    public static func version(_ text: String, by user: UserAccount, at seconds: TimeInterval = 10) -> NewVersion {
        NewVersion(content: FileContent(Array(text.utf8)), fileName: "submission.xml", providerName: "Eastfield Men's Programme",
                   framework: "respect-standard@2017", asOf: "2026-10-01", uploadedBy: user.id, uploadedAt: time(seconds))
    }
}

public import Foundation

/// What a user may do; who sees what follows from it (see the server's access policy).
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// A member of one provider organisation: its submissions, evidence files and bids.
    case provider
    /// Works at the accrediting body: submissions submitted for assessment, findings, rounds.
    case assessor
    /// A member of one commissioning organisation: its tenders and the bids made to them.
    case commissioner
    /// Manages users and organisations.
    case admin

    /// The kind of organisation a user of this role belongs to; `nil`: none.
    public var organisationKind: OrganisationKind? {
        switch self {
        case .provider: .provider
        case .commissioner: .commissioner
        case .assessor, .admin: nil
        }
    }
}

/// A user as the service shows it (never with the password hash).
public struct UserAccount: Sendable, Hashable, Codable {
    public var id: Int64
    public var email: EmailAddress
    public var role: Role
    /// The organisation a provider or commissioner belongs to; `nil` for assessors and admins.
    public var organisation: RegisteredNumber?
    /// A disabled user cannot sign in, and its sessions and tokens stop working.
    public var disabled: Bool
    public var createdAt: Date

    public init(id: Int64, email: EmailAddress, role: Role, organisation: RegisteredNumber?, disabled: Bool, createdAt: Date) {
        self.id = id
        self.email = email
        self.role = role
        self.organisation = organisation
        self.disabled = disabled
        self.createdAt = createdAt
    }
}

/// A user to add. The store checks that the organisation exists; the role rules (a provider
/// belongs to a provider organisation, …) are the service's, checked before.
public struct NewUser: Sendable, Hashable {
    public var email: EmailAddress
    public var role: Role
    public var organisation: RegisteredNumber?
    /// A bcrypt hash (`$2b$…`); the store never sees a password.
    public var passwordHash: String

    public init(email: EmailAddress, role: Role, organisation: RegisteredNumber?, passwordHash: String) {
        self.email = email
        self.role = role
        self.organisation = organisation
        self.passwordHash = passwordHash
    }
}

/// A user and the hash its password is checked against, for signing in.
public struct UserCredentials: Sendable, Hashable {
    public var user: UserAccount
    public var passwordHash: String

    public init(user: UserAccount, passwordHash: String) {
        self.user = user
        self.passwordHash = passwordHash
    }
}

/// A change to a user; `nil` fields stay as they are.
public struct UserChange: Sendable, Hashable {
    public var disabled: Bool?
    public var passwordHash: String?

    public init(disabled: Bool? = nil, passwordHash: String? = nil) {
        self.disabled = disabled
        self.passwordHash = passwordHash
    }
}

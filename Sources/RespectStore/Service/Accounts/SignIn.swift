public import Foundation

/// A browser session to start. The store keeps only the SHA-256 of the session id the cookie
/// carries, so a copy of the database signs nobody in.
public struct NewSession: Sendable, Hashable {
    /// Lowercase hexadecimal SHA-256 of the random session id.
    public var idHash: String
    public var userID: Int64
    /// The session's CSRF token, which every state-changing form and cookie-authenticated API
    /// call must carry; kept in the store so every server process checks it the same way.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(idHash: String, userID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.idHash = idHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A session as stored.
public struct SessionRecord: Sendable, Hashable, Codable {
    public var idHash: String
    public var userID: Int64
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
    /// When it was ended (signed out); an ended session signs nobody in.
    public var endedAt: Date?

    public init(idHash: String, userID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date, endedAt: Date?) {
        self.idHash = idHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.endedAt = endedAt
    }
}

/// A bearer token to create for scripts. The store keeps only the SHA-256 of the token.
public struct NewAPIToken: Sendable, Hashable {
    /// Lowercase hexadecimal SHA-256 of the token.
    public var hash: String
    public var userID: Int64
    /// What it is for, as its owner named it.
    public var label: String
    public var createdAt: Date
    /// `nil`: until revoked.
    public var expiresAt: Date?

    public init(hash: String, userID: Int64, label: String, createdAt: Date, expiresAt: Date?) {
        self.hash = hash
        self.userID = userID
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A bearer token as stored and listed (without its hash).
public struct APITokenRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var userID: Int64
    public var label: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(id: Int64, userID: Int64, label: String, createdAt: Date, expiresAt: Date?, revokedAt: Date?) {
        self.id = id
        self.userID = userID
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}

/// Who a request's credential (a session cookie or a bearer token) signs in.
public struct SignedInUser: Sendable, Hashable {
    public enum Credential: Sendable, Hashable {
        /// A browser session, with the CSRF token its state-changing requests must carry.
        case session(idHash: String, csrfToken: String)
        /// A bearer token: no CSRF token is needed, a browser never sends it by itself.
        case token(id: Int64)
    }

    public var user: UserAccount
    public var credential: Credential

    public init(user: UserAccount, credential: Credential) {
        self.user = user
        self.credential = credential
    }
}

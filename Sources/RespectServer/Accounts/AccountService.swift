import Foundation
public import RespectStore

/// The account use cases, the same for the command line (`respect users add`, `respect tokens
/// create`, `respect organisations add`) and the admin API: the role rules, password hashing,
/// signing in with throttling, sessions and tokens.
public struct AccountService: Sendable {
    let store: any ServiceStore
    let hasher: PasswordHasher
    let configuration: ServerConfiguration

    public init(store: any ServiceStore, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
        hasher = PasswordHasher(cost: configuration.bcryptCost)
    }

    /// Shortest password accepted; bcrypt reads at most 72 bytes, so longer ones are refused
    /// rather than silently cut.
    public static let minimumPasswordLength = 10
    public static let maximumPasswordBytes = 72

    public func addOrganisation(number: String, name: String, kind: OrganisationKind,
                                by author: ChangeAuthor) async throws(AccountError) -> Organisation {
        guard let registered = RegisteredNumber(number) else { throw .invalid("expected a charity or company number, found '\(number)'") }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid("expected the organisation's name") }
        do {
            return try await store.addOrganisation(Organisation(registeredNumber: registered, name: trimmed, kind: kind,
                                                                createdAt: configuration.today()), by: author)
        } catch {
            throw .store(error)
        }
    }

    public func addUser(email: String, role: Role, organisation: String?, password: String,
                        by author: ChangeAuthor) async throws(AccountError) -> UserAccount {
        guard let address = EmailAddress(email) else { throw .invalid("expected an email address, found '\(email)'") }
        var number: RegisteredNumber?
        if let organisation {
            guard let registered = RegisteredNumber(organisation) else {
                throw .invalid("expected a charity or company number, found '\(organisation)'")
            }
            number = registered
        }
        if role.organisationKind != nil, number == nil {
            throw .invalid("a \(role.rawValue) belongs to a \(role.organisationKind?.rawValue ?? "") organisation: give its registered number")
        }
        if role.organisationKind == nil, number != nil {
            throw .invalid("an \(role.rawValue) belongs to no organisation")
        }
        try Self.checkPassword(password)
        let hash = hasher.hash(password)
        do {
            return try await store.addUser(NewUser(email: address, role: role, organisation: number, passwordHash: hash),
                                           at: configuration.today(), by: author)
        } catch {
            throw .store(error)
        }
    }

    static func checkPassword(_ password: String) throws(AccountError) {
        guard password.count >= minimumPasswordLength else {
            throw .invalid("expected a password of at least \(minimumPasswordLength) characters")
        }
        guard password.utf8.count <= maximumPasswordBytes else {
            throw .invalid("expected a password of at most \(maximumPasswordBytes) bytes")
        }
    }

    public func changeUser(id: Int64, disabled: Bool?, password: String?, by author: ChangeAuthor) async throws(AccountError) -> UserAccount {
        var hash: String?
        if let password {
            try Self.checkPassword(password)
            hash = hasher.hash(password)
        }
        do {
            return try await store.changeUser(id: id, UserChange(disabled: disabled, passwordHash: hash), at: configuration.today(),
                                              by: author)
        } catch {
            throw .store(error)
        }
    }

    /// Creates a bearer token for `user`; returns the token itself (shown once; the store keeps
    /// its digest) and its record.
    public func createToken(for user: UserAccount, label: String, by author: ChangeAuthor) async throws(AccountError) -> (String, APITokenRecord) {
        let token = Secrets.token()
        do {
            let record = try await store.createToken(NewAPIToken(hash: Secrets.digest(token), userID: user.id, label: label,
                                                                 createdAt: configuration.today(), expiresAt: nil), by: author)
            return (token, record)
        } catch {
            throw .store(error)
        }
    }

    /// Checks an email and password, counting failures against the account and the address.
    /// Refused while either has reached its limit in the current window, even with the right
    /// password, so guessing gains nothing; a success clears the account's count.
    func verify(email: String, password: String, address: String?) async throws(ServiceError) -> UserAccount {
        let now = configuration.today()
        let keys = [ThrottleKey.account(email), ThrottleKey.address(address ?? "unknown")]
        let limits = [configuration.maxFailuresPerAccount, configuration.maxFailuresPerAddress]
        do {
            let counts = try await store.failedSignIns(keys, at: now, window: configuration.throttleWindow)
            if zip(counts, limits).contains(where: { $0.failures >= $1 }) {
                throw ServiceError(.throttled, detail: "too many failed sign-ins; try again in \(Int(configuration.throttleWindow / 60)) minutes")
            }
            let credentials = try await EmailAddress(email).asyncMap { try await store.credentials(email: $0) } ?? nil
            // An unknown account costs the same bcrypt check as a known one.
            let matches = hasher.verify(password, against: credentials?.passwordHash ?? PasswordHasher.decoy)
            guard let credentials, matches, !credentials.user.disabled else {
                _ = try await store.recordFailedSignIn(keys, at: now, window: configuration.throttleWindow,
                                                       by: .anonymous(address: address))
                throw ServiceError(.signInRefused)
            }
            try await store.clearFailedSignIns(keys[0])
            return credentials.user
        } catch let error as ServiceError {
            throw error
        } catch let error as ServiceStoreError {
            throw ServiceError(error)
        } catch {
            throw ServiceError(.internalError)
        }
    }

    /// Starts a browser session for `user`: a new random id (never one the browser brought, so
    /// a session cannot be fixed in advance) and a new CSRF token. Returns the id for the cookie.
    func startSession(for user: UserAccount, address: String?) async throws(ServiceError) -> (id: String, csrf: String) {
        let id = Secrets.random()
        let csrf = Secrets.random()
        let now = configuration.today()
        do {
            try await store.startSession(NewSession(idHash: Secrets.digest(id), userID: user.id, csrfToken: csrf, createdAt: now,
                                                    expiresAt: now.addingTimeInterval(configuration.sessionLifetime)),
                                         by: .user(user, address: address))
        } catch {
            throw ServiceError(error)
        }
        return (id, csrf)
    }
}

/// Why an account could not be added or changed; `description` is what a user reads.
public enum AccountError: Error, Sendable, CustomStringConvertible {
    /// A value that is not what was expected.
    case invalid(String)
    case store(ServiceStoreError)

    public var description: String {
        switch self {
        case .invalid(let message): message
        case .store(let error): error.description
        }
    }
}

private extension Optional {
    func asyncMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped) async rethrows -> Mapped? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

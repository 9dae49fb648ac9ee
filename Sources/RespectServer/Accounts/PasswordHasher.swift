import HummingbirdBcrypt

/// Passwords hashed with bcrypt (hummingbird-auth). Hashing is deliberately slow, so it runs off
/// the cooperative thread pool's critical path only when a password is set or checked.
struct PasswordHasher: Sendable {
    var cost: UInt8

    func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash of a password nobody has, checked when an email is unknown so that an unknown
    /// account takes as long to refuse as a wrong password.
    static let decoy = Bcrypt.hash("no account has this password", cost: 12)
}

/// Who made a change, for the audit log: a signed-in user, someone at the command line (the
/// operator's login name), or nobody signed in (a failed sign-in), with the client's address
/// when the change came over HTTP.
public struct ChangeAuthor: Sendable, Hashable, Codable {
    /// The user's id; `nil` for the command line and for nobody signed in.
    public var userID: Int64?
    /// The user's email, `command line (NAME)`, or `anonymous`.
    public var name: String
    /// The client's IP address, when the change came over HTTP.
    public var address: String?

    public init(userID: Int64?, name: String, address: String?) {
        self.userID = userID
        self.name = name
        self.address = address
    }

    public static func user(_ user: UserAccount, address: String?) -> ChangeAuthor {
        ChangeAuthor(userID: user.id, name: user.email.value, address: address)
    }

    /// Someone at the command line of the machine holding the data, as `login`.
    public static func commandLine(_ login: String) -> ChangeAuthor {
        ChangeAuthor(userID: nil, name: "command line (\(login))", address: nil)
    }

    public static func anonymous(address: String?) -> ChangeAuthor {
        ChangeAuthor(userID: nil, name: "anonymous", address: address)
    }
}

public import Foundation

/// What failed sign-ins are counted against: the account tried, and the address tried from.
/// The counters live in the store, so every server process sees the same count.
public struct ThrottleKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case account
        case address
    }

    public var kind: Kind
    /// The email address as typed (normalised when it is one), or the client's IP address.
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    public static func account(_ email: String) -> ThrottleKey {
        ThrottleKey(kind: .account, value: EmailAddress(email)?.value ?? email)
    }

    public static func address(_ address: String) -> ThrottleKey {
        ThrottleKey(kind: .address, value: address)
    }

    /// `account:someone@example.org`, `address:127.0.0.1`: the key as stored.
    public var description: String { "\(kind.rawValue):\(value)" }
}

/// Failed sign-ins counted against one key in the current window.
public struct LoginFailures: Sendable, Hashable {
    public var key: ThrottleKey
    /// Failures since `windowStart`; 0 when the window has passed.
    public var failures: Int
    public var windowStart: Date

    public init(key: ThrottleKey, failures: Int, windowStart: Date) {
        self.key = key
        self.failures = failures
        self.windowStart = windowStart
    }
}

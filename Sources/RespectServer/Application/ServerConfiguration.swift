public import Foundation

/// How a server runs: where it listens, what it accepts, and how long things last. The
/// defaults suit a service on one machine; every limit is an option of `respect serve`.
public struct ServerConfiguration: Sendable {
    /// Loopback by default: the service is reached through a reverse proxy (TLS) or locally.
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests).
    public var port = 8080
    /// Largest submission or tender XML accepted in a request body (the engine's own file
    /// limit still applies when it is read).
    public var maxXMLBytes = 32 * 1024 * 1024
    /// Largest evidence file accepted.
    public var maxEvidenceFileBytes = 20 * 1024 * 1024
    /// The most bytes of large request bodies (XML, evidence files, forms with files) held at
    /// once across all requests (`UploadMemory`); `nil`: four times the largest upload accepted,
    /// so four of the largest are received together and a fifth is answered 503 until one is done.
    public var maxHeldUploadBytes: Int?
    /// `maxHeldUploadBytes`, or its default.
    public var heldUploadBytes: Int {
        maxHeldUploadBytes ?? 4 * max(maxXMLBytes, maxEvidenceFileBytes)
    }
    /// The largest request body accepted: the largest XML or evidence file, with room for a
    /// form's other fields. `maxHeldUploadBytes` must hold at least one.
    public var largestBody: Int {
        max(maxXMLBytes, maxEvidenceFileBytes) + Self.smallBodyBytes
    }
    /// The largest form without files. Bodies read within this size are not counted in
    /// `maxHeldUploadBytes`: they are small, and signing in must work while large uploads crowd
    /// the server.
    public static let smallBodyBytes = 64 * 1024
    /// Largest JSON body accepted.
    public var maxJSONBytes = 64 * 1024
    /// How long a browser session lasts after signing in.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Failed sign-ins allowed per account, and per address, within `throttleWindow`.
    public var maxFailuresPerAccount = 5
    public var maxFailuresPerAddress = 20
    public var throttleWindow: TimeInterval = 15 * 60
    /// bcrypt's cost for new passwords.
    public var bcryptCost: UInt8 = 12
    /// Whether session cookies carry `Secure`. Browsers keep a Secure cookie set over
    /// http://127.0.0.1 and http://localhost (secure contexts), so it stays on by default; turn it
    /// off only to reach the service over plain HTTP by another name, which is not safe.
    public var secureCookies = true
    /// Closes a connection idle this long, and one whose request head has not arrived this long
    /// after the connection opened or the last answer was sent.
    public var idleTimeout: TimeInterval = 30
    /// The slowest a request body may arrive, in bytes a second, after `idleTimeout`'s grace:
    /// a body must be complete within `idleTimeout` plus one second per `minimumUploadRate`
    /// bytes, or the connection is closed (a client trickling its body cannot hold it open).
    public var minimumUploadRate = 16 * 1024
    /// The as-of date a check uses when the submission gives none; `nil`: today.
    public var today: (@Sendable () -> Date) = { Date() }

    public init() {}
}

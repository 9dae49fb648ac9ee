public import Hummingbird
public import Logging
public import NIOCore
import RespectStore

/// What the server knows about a request beyond the request itself: who sent it (set by
/// `AuthenticationMiddleware`) and from which address.
public struct RespectRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, when the request carried a live session cookie or bearer token.
    var signedIn: SignedInUser?
    /// The form a page posted, read and checked (CSRF) by `RouteGuard` before the handler.
    var form = PageForm()
    /// The client's IP address (the TCP peer: run behind a proxy that sets none of its own).
    let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read by `BodyReader` with the limit of each route, not by this default.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The author of a change made by this request.
    var author: ChangeAuthor {
        signedIn.map { .user($0.user, address: clientAddress) } ?? .anonymous(address: clientAddress)
    }
}

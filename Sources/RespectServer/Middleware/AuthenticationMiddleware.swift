import Foundation
import Hummingbird
import RespectStore

/// Finds who a request signs in as: a bearer token (`Authorization: Bearer rsp_…`) or a session
/// cookie, each looked up by its digest in the store (so every process agrees, and a disabled
/// user or an ended session stops at once). A credential that signs nobody in is ignored: the
/// route then answers as to anyone signed out.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = RespectRequestContext
    let service: WebService

    static let sessionCookie = "respect_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = service.now
        do {
            if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
                let token = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
                context.signedIn = try await service.store.signedIn(tokenHash: Secrets.digest(token), at: now)
            } else if let session = request.cookies[Self.sessionCookie]?.value, !session.isEmpty {
                context.signedIn = try await service.store.signedIn(sessionHash: Secrets.digest(session), at: now)
            }
        } catch {
            throw ServiceError(error)
        }
        return try await next(request, context)
    }
}

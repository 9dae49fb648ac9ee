import Foundation
import Hummingbird
import NIOCore

/// The checks every route passes before its handler, in one place: signed in when the route
/// needs it (401, or the sign-in page), of a role the route allows (404 otherwise, so nobody
/// learns a route or record is there), and, for a browser session changing state, the
/// session's CSRF token (403, nothing changed): in `X-CSRF-Token` for the API, in the form's
/// `csrf` field for pages. Bearer-token calls need no CSRF token: a browser never sends one by
/// itself. Requests another site started (`Sec-Fetch-Site: cross-site`) never change state.
/// Every request has its own `UploadAccount` while it is handled, settled when it is answered.
enum RouteGuard {
    static func respond(_ route: Route, _ request: Request, _ context: RespectRequestContext,
                        _ service: WebService) async throws -> Response {
        let account = UploadAccount(memory: service.uploads)
        defer { account.settle() }
        return try await UploadAccount.$current.withValue(account) {
            try await checked(route, request, context, service)
        }
    }

    private static func checked(_ route: Route, _ request: Request, _ context: RespectRequestContext,
                                _ service: WebService) async throws -> Response {
        // No field takes a NUL, and some databases refuse one in text: refused here, for every route.
        if request.uri.description.range(of: "%00", options: .caseInsensitive) != nil {
            throw ServiceError(.badRequest, detail: "the address holds a NUL character (%00), which no field accepts")
        }
        if case .roles(let roles) = route.access {
            guard let signedIn = context.signedIn else { throw ServiceError(.signInRequired) }
            guard roles.contains(signedIn.user.role) else { throw ServiceError.notFound }
        }
        var request = request
        var context = context
        if route.changesState {
            if request.headers[.secFetchSite] == "cross-site" { throw ServiceError(.csrfRefused) }
            if route.kind == .page {
                // The form is read once, within the route's limit, and handed to the handler.
                let limit = route.acceptsFiles ? FormBody.uploadLimit(service.configuration) : FormBody.limit
                let bytes = try await BodyReader.read(request, limit: limit)
                request.body = RequestBody(buffer: ByteBuffer(bytes: bytes))
                context.form = try FormBody.parse(bytes, contentType: request.headers[.contentType], acceptsFiles: route.acceptsFiles)
            }
            if !route.checksOwnCSRFToken, case .session(_, let expected)? = context.signedIn?.credential {
                switch route.kind {
                case .api:
                    guard let sent = request.headers[.csrfToken], Secrets.equal(sent, expected) else {
                        throw ServiceError(.csrfRefused)
                    }
                case .page:
                    guard let sent = context.form["csrf"], Secrets.equal(sent, expected) else { throw ServiceError(.csrfRefused) }
                }
            }
        }
        return try await route.handle(request, context, service)
    }
}

extension RouteTable {
    /// Whether a path is a page (HTML errors, sign-in redirects) rather than the API.
    static func isPagePath(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/health" || path == "/openapi.json")
    }
}

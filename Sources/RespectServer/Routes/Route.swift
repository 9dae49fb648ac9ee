import Hummingbird
import RespectStore

/// One route of the service: its method and path (written as the OpenAPI document writes it,
/// `{id}` for a parameter), who may call it, and its handler. `RouteTable.all` lists every route
/// in one place: the router is built from it, and the tests read it to try every route as every
/// role.
struct Route: Sendable {
    enum Access: Sendable, Hashable {
        /// No sign-in needed (health, the OpenAPI document, the sign-in page).
        case anyone
        /// Signed-in users of these roles; everyone else gets 404 (signed out: 401).
        case roles(Set<Role>)

        static let everyRole = Access.roles(Set(Role.allCases))
    }

    enum Kind: Sendable, Hashable {
        /// JSON in and out; errors as JSON; a cookie-authenticated call that changes state must
        /// carry the session's CSRF token in `X-CSRF-Token`.
        case api
        /// An HTML page; a form it posts must carry the CSRF token in its `csrf` field.
        case page
    }

    let method: HTTPRequest.Method
    let path: String
    /// The OpenAPI `operationId` (API routes).
    let operationID: String
    let access: Access
    let kind: Kind
    /// Pages only: whether the form may carry files (`multipart/form-data`), read up to the
    /// largest upload the service accepts; other forms are read up to `FormBody.limit`.
    var acceptsFiles = false
    /// The sign-in form checks its own CSRF token (from its cookie: there is no session yet, and
    /// a session the browser brings is replaced).
    var checksOwnCSRFToken: Bool { operationID == "signIn" }
    let handle: @Sendable (Request, RespectRequestContext, WebService) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, _ operationID: String, _ access: Access, kind: Kind = .api,
         _ handle: @escaping @Sendable (Request, RespectRequestContext, WebService) async throws -> Response) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.access = access
        self.kind = kind
        self.handle = handle
    }

    /// A page form that may carry files (see `acceptsFiles`).
    func withFiles() -> Route {
        var route = self
        route.acceptsFiles = true
        return route
    }

    /// GET and HEAD read; everything else changes state and needs the CSRF token from a browser.
    var changesState: Bool { method != .get && method != .head }

    /// The path as Hummingbird's router writes it (`:id` for `{id}`).
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    /// Whether `role` may call it at all (record-level rules come after, in `AccessPolicy`).
    func allows(_ role: Role) -> Bool {
        switch access {
        case .anyone: true
        case .roles(let roles): roles.contains(role)
        }
    }
}

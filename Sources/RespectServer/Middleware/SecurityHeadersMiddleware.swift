import Hummingbird

/// Adds the security headers to every response: a Content-Security-Policy that allows no
/// script at all (and no inline script ever), no framing, no sniffing, no referrer, and no
/// caching of what may be private.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = RespectRequestContext

    /// Styles from the service itself, and inline styles for the self-contained HTML reports.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers)
        return response
    }

    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
        headers[.crossOriginOpenerPolicy] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}

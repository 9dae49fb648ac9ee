import Foundation
import Hummingbird
import RespectStore

/// The sign-in page, the signed-in landing page of each role, and signing out. Issue 14 adds
/// the real pages on this base.
enum PageRoutes {
    /// The cookie holding the sign-in form's CSRF token (the form has no session yet).
    static let signInCookie = "respect_sign_in"

    static let routes: [Route] = [
        Route(.get, "/", "root", .anyone, kind: .page) { _, context, _ in
            PageResponse.redirect(to: context.signedIn == nil ? "/sign-in" : "/home")
        },
        Route(.get, "/sign-in", "signInPage", .anyone, kind: .page) { _, _, service in
            signInPage(service: service, problem: nil, email: "", status: .ok)
        },
        Route(.post, "/sign-in", "signIn", .anyone, kind: .page) { request, context, service in
            let form = try await FormBody.read(request)
            guard let cookie = request.cookies[signInCookie]?.value, let sent = form["csrf"], Secrets.equal(cookie, sent) else {
                return signInPage(service: service, problem: service.catalogue["signIn_expired"], email: form["email"] ?? "",
                                  status: .forbidden)
            }
            let email = form["email"] ?? ""
            let user: UserAccount
            do {
                user = try await service.accounts.verify(email: email, password: form["password"] ?? "",
                                                         address: context.clientAddress)
            } catch let error as ServiceError where error.code == .throttled {
                return signInPage(service: service, problem: service.catalogue["signIn_throttled"], email: email,
                                  status: .tooManyRequests)
            } catch let error as ServiceError where error.code == .signInRefused {
                return signInPage(service: service, problem: service.catalogue["signIn_refused"], email: email,
                                  status: .unauthorized)
            }
            // A new session id at every sign-in: whatever cookie the browser brought is replaced.
            let session = try await service.accounts.startSession(for: user, address: context.clientAddress)
            var response = PageResponse.redirect(to: "/home")
            response.setCookie(SessionCookies.session(session.id, service: service))
            response.setCookie(SessionCookies.expired(signInCookie, service: service))
            return response
        },
        Route(.get, "/home", "home", .everyRole, kind: .page) { _, context, service in
            try await HomePage.render(context: context, service: service)
        },
        Route(.post, "/sign-out", "signOut", .everyRole, kind: .page) { request, context, service in
            if case .session(let idHash, _)? = context.signedIn?.credential {
                _ = try await service.run { () async throws(ServiceStoreError) in
                    try await service.store.endSession(sessionHash: idHash, at: service.now, by: context.author)
                }
            }
            var response = PageResponse.redirect(to: "/sign-in")
            response.setCookie(SessionCookies.expired(AuthenticationMiddleware.sessionCookie, service: service))
            return response
        },
    ]

    /// The sign-in form, with a fresh CSRF token in its field and in the sign-in cookie.
    static func signInPage(service: WebService, problem: String?, email: String, status: HTTPResponse.Status) -> Response {
        let token = Secrets.random()
        let html = service.pages.render("sign-in", [
            "title": service.catalogue["signIn_title"], "csrf": token, "email": email, "problem": problem as Any,
        ], catalogue: service.catalogue)
        var response = PageResponse.html(html, status: status)
        response.setCookie(SessionCookies.make(signInCookie, token, maxAge: 3600, service: service))
        return response
    }
}

/// The cookies the service sets: HttpOnly, SameSite=Strict, Path=/, and Secure unless the
/// operator turned it off.
enum SessionCookies {
    static func make(_ name: String, _ value: String, maxAge: Int?, service: WebService) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: service.configuration.secureCookies,
               httpOnly: true, sameSite: .strict)
    }

    static func session(_ id: String, service: WebService) -> Cookie {
        make(AuthenticationMiddleware.sessionCookie, id, maxAge: Int(service.configuration.sessionLifetime), service: service)
    }

    static func expired(_ name: String, service: WebService) -> Cookie {
        make(name, "", maxAge: 0, service: service)
    }
}

/// A form posted as `application/x-www-form-urlencoded`.
enum FormBody {
    static let limit = 16 * 1024

    static func read(_ request: Request) async throws -> [String: String] {
        let bytes = try await BodyReader.read(request, limit: limit)
        var fields: [String: String] = [:]
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

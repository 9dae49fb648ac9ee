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
            // A new session id at every sign-in: whatever session the browser brought is ended and replaced.
            if case .session(let idHash, _)? = context.signedIn?.credential {
                _ = try await service.run { () async throws(ServiceStoreError) in
                    try await service.store.endSession(sessionHash: idHash, at: service.now, by: context.author)
                }
            }
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
            "title": service.catalogue["signIn_title"], "csrf": token, "email": email, "problem": problem,
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

/// Reading the forms pages post: URL-encoded, or multipart where a route accepts files.
enum FormBody {
    /// The largest form without files.
    static let limit = ServerConfiguration.smallBodyBytes

    /// The largest form with files: the largest XML or evidence file, and room for the fields.
    static func uploadLimit(_ configuration: ServerConfiguration) -> Int {
        configuration.largestBody
    }

    /// The form in `bytes`, read as its `Content-Type` says; multipart only where `acceptsFiles`.
    static func parse(_ bytes: [UInt8], contentType: String?, acceptsFiles: Bool) throws -> PageForm {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard acceptsFiles, let boundary = MultipartForm.boundary(contentType: contentType ?? "") else {
                throw ServiceError(.unsupportedMediaType)
            }
            let form: PageForm
            do {
                form = try MultipartForm.parse(bytes, boundary: boundary)
            } catch {
                throw ServiceError(.badRequest, detail: error.description)
            }
            // A file's bytes may hold anything; its text fields may not hold a NUL.
            return try withoutNUL(form)
        }
        return try withoutNUL(URLEncodedForm.parse(bytes))
    }

    /// The form of a request RouteGuard has not read (the sign-in form).
    static func read(_ request: Request) async throws -> PageForm {
        try withoutNUL(URLEncodedForm.parse(try await BodyReader.read(request, limit: limit)))
    }

    /// `form`, unless a field holds a NUL: no field takes one, and some databases refuse one in text.
    static func withoutNUL(_ form: PageForm) throws -> PageForm {
        if form.fields.contains(where: { $0.name.contains("\0") || $0.value.contains("\0") }) {
            throw ServiceError(.badRequest, detail: "the form holds a NUL character (%00), which no field accepts")
        }
        return form
    }
}

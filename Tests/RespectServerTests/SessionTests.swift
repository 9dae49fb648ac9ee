import Foundation
import RespectTestSupport
import Testing

/// Browser sessions: cookie flags, a new session id at sign-in, CSRF on every change, sign-out.
@Suite("Sessions and CSRF")
struct SessionTests {
    /// Signs in through the form, sending `existing` as a session cookie the browser already had.
    static func signIn(_ server: TestServer, existing: String? = nil, email: String = "quality@eastfield.example",
                       password: String = "a long passphrase") async throws -> TestHTTPClient.Answer {
        let page = try await server.client.send("GET", "/sign-in")
        let token = try #require(page.cookie("respect_sign_in"))
        #expect(page.text.contains("name=\"csrf\" value=\"\(token)\""))
        var cookie = "respect_sign_in=\(token)"
        if let existing { cookie += "; respect_session=\(existing)" }
        let form = "csrf=\(token)&email=\(Self.formEscaped(email))&password=\(Self.formEscaped(password))"
        return try await server.client.send("POST", "/sign-in", headers: [("Cookie", cookie),
                                                                          ("Content-Type", "application/x-www-form-urlencoded")],
                                            body: Array(form.utf8))
    }

    static func formEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The CSRF token a signed-in page carries in its forms.
    static func csrfToken(_ server: TestServer, session: String) async throws -> String {
        let home = try await server.client.send("GET", "/home", headers: [("Cookie", "respect_session=\(session)")])
        return String(try #require(home.text.range(of: #"name="csrf" value=""#).map { home.text[$0.upperBound...].prefix { $0 != "\"" } }))
    }

    @Test("signing in sets a Secure, HttpOnly, SameSite=Strict session cookie with a new id every time")
    func cookieFlagsAndNewID() async throws {
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            let first = try await Self.signIn(server)
            #expect(first.status == 303 && first.headers["location"] == "/home")
            let header = try #require(first.cookies.first { $0.hasPrefix("respect_session=") })
            for flag in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
                #expect(header.contains(flag), "\(header) lacks \(flag)")
            }
            let id = try #require(first.cookie("respect_session"))
            let second = try await Self.signIn(server, existing: id)
            let renewed = try #require(second.cookie("respect_session"))
            #expect(renewed != id, "a new session id at sign-in, whatever the browser brought")
            let planted = try await Self.signIn(server, existing: "attacker-chosen-id")
            #expect(planted.cookie("respect_session") != "attacker-chosen-id")
            let home = try await server.client.send("GET", "/home", headers: [("Cookie", "respect_session=\(renewed)")])
            #expect(home.status == 200 && home.text.contains("quality@eastfield.example"))
            #expect(home.headers["content-security-policy"]?.contains("script-src 'none'") == true)
        }
    }

    @Test("a sign-in form without its CSRF token is refused, and nobody is signed in")
    func signInNeedsItsToken() async throws {
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            let answer = try await server.client.send("POST", "/sign-in", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                      body: Array("email=quality%40eastfield.example&password=a+long+passphrase".utf8))
            #expect(answer.status == 403 && answer.cookie("respect_session") == nil)
        }
    }

    @Test("a cookie-authenticated change without the session's CSRF token is refused; a bearer token needs none")
    func changesNeedTheCSRFToken() async throws {
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            let id = try #require(try await Self.signIn(server).cookie("respect_session"))
            let cookie = ("Cookie", "respect_session=\(id)")
            let refused = try await server.client.send("POST", "/api/v1/submissions", headers: [cookie], body: ServerFixtures.notYetBytes)
            #expect(refused.status == 403 && refused.object["code"] as? String == "csrf-refused")
            #expect(try await server.store.submissions(of: .init("1190003")!).isEmpty, "nothing was changed")
            let home = try await server.client.send("GET", "/home", headers: [cookie])
            let csrf = try #require(home.text.range(of: #"name="csrf" value=""#).map { home.text[$0.upperBound...].prefix(64) })
            let wrong = try await server.client.send("POST", "/api/v1/submissions", headers: [cookie, ("X-CSRF-Token", String(repeating: "0", count: 64))],
                                                     body: ServerFixtures.notYetBytes)
            #expect(wrong.status == 403)
            let accepted = try await server.client.send("POST", "/api/v1/submissions", headers: [cookie, ("X-CSRF-Token", String(csrf))],
                                                        body: ServerFixtures.notYetBytes)
            #expect(accepted.status == 201)
            let token = try await server.token("quality@eastfield.example")
            #expect(try await server.client.send("POST", "/api/v1/submissions", headers: ServerFixtures.bearer(token),
                                                 body: ServerFixtures.notYetBytes).status == 201)
            let signOutWithout = try await server.client.send("POST", "/sign-out", headers: [cookie, ("Content-Type", "application/x-www-form-urlencoded")],
                                                              body: Array("csrf=wrong".utf8))
            #expect(signOutWithout.status == 403)
            let signOut = try await server.client.send("POST", "/sign-out", headers: [cookie, ("Content-Type", "application/x-www-form-urlencoded")],
                                                       body: Array("csrf=\(csrf)".utf8))
            #expect(signOut.status == 303)
            #expect(try await server.client.send("GET", "/api/v1/me", headers: [cookie]).status == 401, "the session ended")
        }
    }

    @Test("failed sign-ins are throttled per account, then even the right password is refused")
    func throttledPerAccount() async throws {
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            for _ in 0..<5 {
                let wrong = try await server.client.send("POST", "/api/v1/tokens",
                                                         headers: [("Authorization", "Basic " + Data("quality@eastfield.example:wrong password".utf8).base64EncodedString())])
                #expect(wrong.status == 401)
            }
            let right = try await server.client.send("POST", "/api/v1/tokens",
                                                     headers: [("Authorization", "Basic " + Data("quality@eastfield.example:a long passphrase".utf8).base64EncodedString())])
            #expect(right.status == 429 && right.object["code"] as? String == "throttled")
            let entries = try await server.store.auditEntries(.init(subjectKind: "sign-in"))
            #expect(entries.count == 5 && entries.allSatisfy { $0.action == .signInRefused })
        }
    }

    @Test("failed sign-ins are throttled per address, whatever accounts are tried")
    func throttledPerAddress() async throws {
        try await TestServer.run(configure: { $0.maxFailuresPerAddress = 3 }) { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            for index in 0..<3 {
                let basic = Data("nobody\(index)@example.org:guess".utf8).base64EncodedString()
                #expect(try await server.client.send("POST", "/api/v1/tokens", headers: [("Authorization", "Basic \(basic)")]).status == 401)
            }
            let basic = Data("quality@eastfield.example:a long passphrase".utf8).base64EncodedString()
            #expect(try await server.client.send("POST", "/api/v1/tokens", headers: [("Authorization", "Basic \(basic)")]).status == 429)
        }
    }

    @Test("signing in ends the session the browser brought: the old id signs nobody in any more")
    func oldSessionDiesAtSignIn() async throws {
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            let old = try #require(try await Self.signIn(server).cookie("respect_session"))
            #expect(try await server.client.send("GET", "/api/v1/me", headers: [("Cookie", "respect_session=\(old)")]).status == 200)
            let new = try #require(try await Self.signIn(server, existing: old).cookie("respect_session"))
            #expect(new != old)
            #expect(try await server.client.send("GET", "/api/v1/me", headers: [("Cookie", "respect_session=\(old)")]).status == 401,
                    "the session id from before sign-in is dead")
            #expect(try await server.client.send("GET", "/home", headers: [("Cookie", "respect_session=\(old)")]).status == 303)
            #expect(try await server.client.send("GET", "/api/v1/me", headers: [("Cookie", "respect_session=\(new)")]).status == 200)
        }
    }

    @Test("the sign-in form is throttled per account: after five failures even the right password gets 429 and no session")
    func signInFormThrottledPerAccount() async throws {
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            for _ in 0..<5 {
                let wrong = try await Self.signIn(server, password: "guess")
                #expect(wrong.status == 401 && wrong.cookie("respect_session") == nil)
            }
            let right = try await Self.signIn(server)
            #expect(right.status == 429 && right.cookie("respect_session") == nil)
            #expect(right.text.contains("role=\"alert\""))
            // Other accounts from the same address are not locked out by one account's failures.
            try await server.user("second@eastfield.example", .provider, organisation: "1190003")
            #expect(try await Self.signIn(server, email: "second@eastfield.example").status == 303)
        }
    }

    @Test("the sign-in form is throttled per address, whichever accounts are tried")
    func signInFormThrottledPerAddress() async throws {
        try await TestServer.run(configure: { $0.maxFailuresPerAddress = 4 }) { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            for index in 0..<4 {
                #expect(try await Self.signIn(server, email: "nobody\(index)@example.org", password: "guess").status == 401)
            }
            let right = try await Self.signIn(server)
            #expect(right.status == 429 && right.cookie("respect_session") == nil)
        }
    }
}

import Foundation
import RespectStore
import RespectTestSupport
import Testing

/// CSRF on every route that changes state, taken from the access matrix (so from the server's
/// route list): a browser session without the session's token, with a wrong one, or in a
/// request another site started is refused with 403, and nothing is changed.
@Suite("CSRF on every change")
struct CSRFMatrixTests {
    @Test("every state-changing route refuses a browser session without its CSRF token, with a wrong one, or from another site")
    func everyChangeNeedsTheToken() async throws {
        try await TestServer.run { server in
            let world = try await HostileWorld.build(server)
            var sessions: [Caller: (id: String, csrf: String)] = [:]
            for (actor, email) in HostileWorld.emails {
                let signedIn = try await SessionTests.signIn(server, email: email)
                let id = try #require(signedIn.cookie("respect_session"), "\(actor)")
                sessions[actor] = (id, try await SessionTests.csrfToken(server, session: id))
            }
            let before = try await server.store.auditEntries(AuditQuery(limit: 1000)).count
            var tried = 0
            for probe in AccessMatrix.probes(world) where probe.method != "GET" && probe.path != "/sign-in" {
                let actor = try #require(Caller.allCases.first { probe.reach[$0] != nil && $0 != .anonymous }, "\(probe.key)")
                let session = try #require(sessions[actor])
                let page = AccessMatrix.isPage(probe.path)
                var headers = [("Cookie", "respect_session=\(session.id)")]
                if probe.json { headers.append(("Content-Type", "application/json")) }
                if page { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
                let attempts: [(String, [(String, String)], [UInt8]?)] = page
                    ? [("no token", headers, []), ("a wrong token", headers, Array("csrf=\(String(repeating: "0", count: 64))".utf8)),
                       ("another site", headers + [("Sec-Fetch-Site", "cross-site")], Array("csrf=\(session.csrf)".utf8))]
                    : [("no token", headers, probe.body), ("a wrong token", headers + [("X-CSRF-Token", "0")], probe.body),
                       ("another site", headers + [("X-CSRF-Token", session.csrf), ("Sec-Fetch-Site", "cross-site")], probe.body)]
                for (label, headers, body) in attempts {
                    let answer = try await server.client.send(probe.method, probe.target, headers: headers, body: body)
                    tried += 1
                    #expect(answer.status == 403, "\(probe.key) as \(actor) with \(label): \(answer.status) \(answer.text.prefix(200))")
                    if !page { #expect(answer.object["code"] as? String == "csrf-refused", "\(probe.key) with \(label)") }
                }
            }
            #expect(tried >= 3 * 15)
            #expect(try await server.store.auditEntries(AuditQuery(limit: 1000)).count == before, "a refused request changed something")
            // With the right token the same browser session is served.
            let provider = try #require(sessions[.provider])
            let accepted = try await server.client.send("POST", "/api/v1/check", headers: [("Cookie", "respect_session=\(provider.id)"),
                                                                                            ("X-CSRF-Token", provider.csrf)],
                                                        body: ServerFixtures.notYetBytes)
            #expect(accepted.status == 200)
        }
    }

    @Test("every cookie the service sets is Secure, HttpOnly and SameSite=Strict")
    func cookieFlags() async throws {
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            let page = try await server.client.send("GET", "/sign-in")
            let signedIn = try await SessionTests.signIn(server)
            let session = try #require(signedIn.cookie("respect_session"))
            let csrf = try await SessionTests.csrfToken(server, session: session)
            let signedOut = try await server.client.send("POST", "/sign-out", headers: [("Cookie", "respect_session=\(session)"),
                                                                                       ("Content-Type", "application/x-www-form-urlencoded")],
                                                         body: Array("csrf=\(csrf)".utf8))
            let cookies = page.cookies + signedIn.cookies + signedOut.cookies
            #expect(cookies.count >= 4)
            for cookie in cookies {
                let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
                #expect(attributes.isSuperset(of: ["secure", "httponly", "samesite=strict", "path=/"]), "\(cookie)")
            }
        }
    }
}

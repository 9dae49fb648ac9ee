import Foundation
import RespectTestSupport
import Testing

/// The administrator's pages and the audit log.
@Suite("Admin pages")
struct AdminPageTests {
    @Test("an admin adds an organisation and a user through the pages, and the audit log filtered by organisation lists both")
    func organisationsUsersAndAudit() async throws {
        try await TestServer.run { server in
            try await server.user("admin@respect.example", .admin)
            let admin = try await PageSession.signIn(server, "admin@respect.example")
            let organisation = try await admin.post("/admin/organisations", [("number", "1190009"), ("name", "Harbour Men's Project"),
                                                                             ("kind", "provider")])
            #expect(organisation.status == 303)
            let badUser = try await admin.post("/admin/users", [("email", "lead@harbour.example"), ("role", "provider"),
                                                                ("organisation", "1190009"), ("password", "short")])
            #expect(badUser.status == 422 && badUser.text.contains("value=\"lead@harbour.example\""))
            #expect(!badUser.text.contains("value=\"short\""), "a password is never sent back")
            let user = try await admin.post("/admin/users", [("email", "lead@harbour.example"), ("role", "provider"),
                                                             ("organisation", "1190009"), ("password", "a long passphrase")])
            #expect(user.status == 303)
            #expect((try await admin.get("/admin/users")).text.contains("lead@harbour.example"))
            let audit = try await admin.get("/audit?organisation=1190009")
            #expect(audit.text.contains("organisation.added") && audit.text.contains("user.added"))
            let users = try await admin.get("/audit?kind=user")
            #expect(users.text.contains("user.added") && !users.text.contains("organisation.added"))
            // The new provider signs in.
            _ = try await PageSession.signIn(server, "lead@harbour.example")
        }
    }

    @Test("disabling a user through the users page ends their session at once")
    func disablingEndsSessions() async throws {
        try await TestServer.run { server in
            try await server.user("admin@respect.example", .admin)
            let target = try await server.user("quality@eastfield.example", .provider, organisation: "1190003")
            let admin = try await PageSession.signIn(server, "admin@respect.example")
            let provider = try await PageSession.signIn(server, "quality@eastfield.example")
            #expect(try await provider.get("/home").status == 200)
            #expect(try await admin.post("/admin/users/\(target.id)", [("disabled", "true")]).status == 303)
            #expect(try await provider.get("/home").status == 303, "signed out: sent to the sign-in page")
        }
    }

    @Test("no other role reaches the admin pages")
    func adminPagesAreForAdmins() async throws {
        try await TestServer.run { server in
            let provider = try await PageFixtures.provider(server)
            for page in ["/admin/users", "/admin/organisations", "/audit"] { #expect(try await provider.get(page).status == 404) }
        }
    }
}

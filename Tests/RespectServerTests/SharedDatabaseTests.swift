import Foundation
import RespectServer
import RespectStore
import RespectTestSupport
import Testing

/// Several `respect serve` processes on one PostgreSQL database behave as one service: what one
/// process learns (a sign-in, a failed sign-in) the others know, because it is in the database.
@Suite("Several servers on one PostgreSQL", .enabled(if: TestDatabase.isIncluded), .usesTheDatabase)
struct SharedDatabaseTests {
    static let quality = "quality@eastfield.example"
    static let passphrase = "a long passphrase"

    /// Two servers on one fresh schema, and a provider user added through the store, as
    /// `respect users add` would.
    static func twoServers(_ test: (ServeProcess, ServeProcess) async throws -> Void) async throws {
        let url = try TestDatabase.freshURL()
        let store = try await ServiceDatabase.open(url: url, dataDirectory: try TestSupport.temporaryFolder())
        var configuration = ServerConfiguration()
        configuration.bcryptCost = 4
        let accounts = AccountService(store: store, configuration: configuration)
        _ = try await accounts.addOrganisation(number: "1190003", name: "Eastfield", kind: .provider, by: .commandLine("test"))
        for email in [quality, "lead@eastfield.example"] {
            _ = try await accounts.addUser(email: email, role: .provider, organisation: "1190003", password: passphrase,
                                           by: .commandLine("test"))
        }
        let first = try await ServeProcess.start(database: url)
        do {
            let second = try await ServeProcess.start(database: url)
            do {
                try await test(first, second)
            } catch {
                await second.stop()
                throw error
            }
            #expect(await second.stop() == 0, "\(second.output)")
        } catch {
            await first.stop()
            throw error
        }
        #expect(await first.stop() == 0, "\(first.output)")
    }

    static func basic(_ email: String, _ password: String) -> (String, String) {
        ("Authorization", "Basic " + Data("\(email):\(password)".utf8).base64EncodedString())
    }

    @Test("a sign-in through one process works through the other: the browser session and a bearer token")
    func signInIsShared() async throws {
        try await Self.twoServers { first, second in
            let page = try await first.client.send("GET", "/sign-in")
            let token = try #require(page.cookie("respect_sign_in"))
            let form = "csrf=\(token)&email=quality%40eastfield.example&password=a+long+passphrase"
            let signedIn = try await first.client.send("POST", "/sign-in", headers: [
                ("Cookie", "respect_sign_in=\(token)"), ("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
            #expect(signedIn.status == 303)
            let session = try #require(signedIn.cookie("respect_session"))
            let home = try await second.client.send("GET", "/home", headers: [("Cookie", "respect_session=\(session)")])
            #expect(home.status == 200 && home.text.contains(Self.quality), "the other process knows the session")
            #expect(try await second.client.send("GET", "/home").status != 200, "and without it, nobody is signed in")

            let created = try await first.client.send("POST", "/api/v1/tokens", headers: [Self.basic(Self.quality, Self.passphrase)])
            let bearer = try #require(created.object["token"] as? String)
            let me = try await second.client.send("GET", "/api/v1/me", headers: [("Authorization", "Bearer \(bearer)")])
            #expect(me.status == 200 && me.text.contains(Self.quality))
        }
    }

    @Test("failed sign-ins counted by one process throttle the account in the other")
    func throttleIsShared() async throws {
        try await Self.twoServers { first, second in
            for _ in 0..<5 {
                let wrong = try await first.client.send("POST", "/api/v1/tokens", headers: [Self.basic("lead@eastfield.example", "wrong password")])
                #expect(wrong.status == 401)
            }
            let right = try await second.client.send("POST", "/api/v1/tokens", headers: [Self.basic("lead@eastfield.example", Self.passphrase)])
            #expect(right.status == 429 && right.object["code"] as? String == "throttled")
            let other = try await second.client.send("POST", "/api/v1/tokens", headers: [Self.basic(Self.quality, Self.passphrase)])
            #expect(other.status == 201, "another account is not throttled")
        }
    }
}

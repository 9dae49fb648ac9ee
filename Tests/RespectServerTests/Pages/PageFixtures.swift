import Foundation
import RespectTestSupport
import Testing

/// What the page tests share: users of each role, self-assessments started through the pages.
enum PageFixtures {
    static let provider = "quality@eastfield.example"
    static let eastfield = "1190003"
    static let workingTowards = TestSupport.examplesDirectory + "/submissions/working-towards.xml"
    /// working-towards.xml's provider: Brookfield Safer Relationships, charity 1190002.
    static let brookfield = "1190002"

    static func bytes(_ path: String) -> [UInt8] {
        Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
    }

    /// Signs in a new provider of `organisation`.
    static func provider(_ server: TestServer, _ email: String = provider, organisation: String = eastfield) async throws -> PageSession {
        try await server.user(email, .provider, organisation: organisation, name: "Organisation \(organisation)")
        return try await PageSession.signIn(server, email)
    }

    /// Starts a blank self-assessment through the form; returns its path (`/self-assessments/N`).
    static func startBlank(_ session: PageSession, title: String = "Self-assessment 2026", framework: String = "respect-standard@2017",
                           services: [(String, [String])] = [("group-behaviour-change", ["standard", "medium"])]) async throws -> String {
        var fields = [("framework", framework), ("title", title)]
        for (service, risks) in services {
            fields.append(("service", service))
            for risk in risks { fields.append(("risk-" + service, risk)) }
        }
        let answer = try await session.post("/self-assessments", fields)
        #expect(answer.status == 303, "\(answer.status) \(answer.text.prefix(400))")
        return try #require(answer.headers["location"])
    }

    /// Imports a submission XML through the import page; returns the new self-assessment's path.
    static func importFile(_ session: PageSession, _ path: String, title: String) async throws -> String {
        let answer = try await session.postMultipart("/self-assessments/import", [("title", title)],
                                                     files: [.init(field: "file", fileName: (path as NSString).lastPathComponent,
                                                                   mediaType: "application/xml", bytes: bytes(path))])
        #expect(answer.status == 303, "\(answer.status) \(answer.text.prefix(600))")
        return try #require(answer.headers["location"])
    }

    /// The id at the end of a path.
    static func id(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
}

import Foundation
import RespectTestSupport

/// Files and helpers the server tests share.
enum ServerFixtures {
    static let notYet = TestSupport.examplesDirectory + "/submissions/not-yet.xml"
    static var notYetBytes: [UInt8] { Array((try? Data(contentsOf: URL(fileURLWithPath: notYet))) ?? Data()) }
    /// not-yet.xml's provider: Eastfield Men's Programme, charity 1190003.
    static let eastfield = "1190003"
    static let tender = TestSupport.examplesDirectory + "/tender/tender-lot1.xml"

    static func bearer(_ token: String) -> [(String, String)] { [("Authorization", "Bearer \(token)")] }

    /// A provider of Eastfield with a submission of not-yet.xml, version 1 submitted when `submit`.
    static func eastfieldSubmission(_ server: TestServer, submit: Bool) async throws -> (token: String, submission: Int) {
        try await server.user("quality@eastfield.example", .provider, organisation: eastfield)
        let token = try await server.token("quality@eastfield.example")
        let created = try await server.client.send("POST", "/api/v1/submissions?name=not-yet.xml", headers: bearer(token), body: notYetBytes)
        let id = ((created.object["submission"] as? [String: Any])?["id"] as? Int) ?? -1
        if submit {
            _ = try await server.client.send("POST", "/api/v1/submissions/\(id)/versions/1/submit", headers: bearer(token))
        }
        return (token, id)
    }
}

import Foundation
import RespectStore
import RespectTestSupport
import Testing

/// Who tries the routes: signed out, each role, and a user of another organisation of the
/// provider's and the commissioner's kind.
enum Caller: String, CaseIterable, Sendable {
    case anonymous, provider, otherProvider, assessor, commissioner, otherCommissioner, admin

    var role: Role? {
        switch self {
        case .anonymous: nil
        case .provider, .otherProvider: .provider
        case .assessor: .assessor
        case .commissioner, .otherCommissioner: .commissioner
        case .admin: .admin
        }
    }
}

/// A server holding one of every record, written with hostile text wherever a user writes
/// text: Eastfield's (the provider's) submissions A (version 1 submitted, version 2 a draft)
/// and B (submitted), an evidence file and a finding on A, Calderbank's (the commissioner's)
/// tender with a bid of A, the provider's check, a round scoring A and B with their runs, a
/// spare token of the provider and a spare user.
struct HostileWorld: Sendable {
    let server: TestServer
    let tokens: [Caller: String]
    let submissionA: Int
    let submissionB: Int
    let fileSHA256: String
    let finding: Int
    let tender: Int
    let check: Int
    let round: Int
    let runs: (Int, Int)
    let spareToken: Int
    let spareUser: Int

    static let calderbank = "09876543"

    /// Each signed-in actor's email; every password is "a long passphrase".
    static let emails: [Caller: String] = [
        .provider: "quality@eastfield.example", .otherProvider: "lead@northgate.example", .assessor: "assessor@respect.example",
        .commissioner: "officer@calderbank.example", .otherCommissioner: "officer@harrowby.example", .admin: "admin@respect.example",
    ]

    func headers(_ actor: Caller) -> [(String, String)] {
        tokens[actor].map(ServerFixtures.bearer) ?? []
    }

    static func build(_ server: TestServer) async throws -> HostileWorld {
        let client = server.client
        let json = [("Content-Type", "application/json")]
        try await server.user("quality@eastfield.example", .provider, organisation: ServerFixtures.eastfield,
                              name: "Eastfield " + HostileText.payload("organisation"))
        try await server.user("lead@northgate.example", .provider, organisation: "1100001")
        try await server.user("assessor@respect.example", .assessor)
        try await server.user("recorder@respect.example", .assessor)
        try await server.user("officer@calderbank.example", .commissioner, organisation: calderbank)
        try await server.user("officer@harrowby.example", .commissioner, organisation: "08765432")
        try await server.user("admin@respect.example", .admin)
        var tokens: [Caller: String] = [:]
        for (actor, email) in emails { tokens[actor] = try await server.token(email) }
        let provider = ServerFixtures.bearer(tokens[.provider]!)
        let assessor = ServerFixtures.bearer(tokens[.assessor]!)

        func created(_ answer: TestHTTPClient.Answer, _ what: String) throws -> [String: Any] {
            try #require(answer.status == 201, "\(what): \(answer.status) \(answer.text)")
            return answer.object
        }
        func id(_ object: [String: Any]?, _ key: String = "id") throws -> Int { try #require(object?[key] as? Int) }

        let title = HostileText.queryEscaped("Eastfield " + HostileText.payload("submission title"))
        let fileName = HostileText.queryEscaped("../../" + HostileText.payload("file name") + ".xml")
        let submissionA = try id(try created(try await client.send("POST", "/api/v1/submissions?title=\(title)&name=\(fileName)",
                                                                  headers: provider, body: HostileText.submission), "A")["submission"]
                                    as? [String: Any])
        let submissionB = try id(try created(try await client.send("POST", "/api/v1/submissions?title=B", headers: provider,
                                                                  body: ServerFixtures.notYetBytes), "B")["submission"] as? [String: Any])
        for submission in [submissionA, submissionB] {
            let submitted = try await client.send("POST", "/api/v1/submissions/\(submission)/versions/1/submit", headers: provider)
            try #require(submitted.status == 200, "submit: \(submitted.text)")
        }
        _ = try created(try await client.send("POST", "/api/v1/submissions/\(submissionA)/versions?name=draft.xml", headers: provider,
                                              body: HostileText.submission), "draft")
        let evidenceName = HostileText.queryEscaped("../" + HostileText.payload("evidence name") + ".pdf")
        let file = try created(try await client.send("POST", "/api/v1/submissions/\(submissionA)/files?name=\(evidenceName)",
                                                     headers: provider + [("Content-Type", "application/pdf")],
                                                     body: Array("%PDF-1.4 evidence".utf8)), "file")
        let recorder = ServerFixtures.bearer(try await server.token("recorder@respect.example"))
        let reason = HostileText.payload("finding reason").replacingOccurrences(of: "\"", with: "\\\"")
        let finding = try created(try await client.send("POST", "/api/v1/submissions/\(submissionA)/findings", headers: recorder + json,
                                                        body: Array(#"{"version":1,"kind":"indicator","targetID":"gov-respect-membership","decision":"accepted","reason":"\#(reason)"}"#.utf8)),
                                  "finding")
        let tenderBytes = Array(try Data(contentsOf: URL(fileURLWithPath: ServerFixtures.tender)))
        let tender = try id(try created(try await client.send("POST", "/api/v1/tenders?name=calderbank.xml",
                                                               headers: ServerFixtures.bearer(tokens[.commissioner]!), body: tenderBytes),
                                        "tender"))
        _ = try created(try await client.send("POST", "/api/v1/tenders/\(tender)/bids", headers: provider + json,
                                              body: Array(#"{"submission":\#(submissionA),"version":1}"#.utf8)), "bid")
        let checked = try await client.send("POST", "/api/v1/check", headers: provider, body: HostileText.submission)
        let link = try #require(checked.headers["link"], "check: \(checked.status) \(checked.text)")
        let check = try #require(link.components(separatedBy: "/checks/").last.flatMap { Int($0.prefix { $0.isNumber }) })
        let round = try created(try await client.send("POST", "/api/v1/rounds", headers: assessor + json,
                                                      body: Array(#"{"name":"Round","versions":[{"submission":\#(submissionA),"version":1},{"submission":\#(submissionB),"version":1}]}"#.utf8)),
                                "round")
        let runs = (round["entries"] as? [[String: Any]] ?? []).compactMap { $0["run"] as? Int }
        try #require(runs.count == 2, "round: \(round)")
        let spareToken = try id(try created(try await client.send("POST", "/api/v1/tokens", headers: provider), "token"))
        let spareUser = try id(try created(try await client.send("POST", "/api/v1/users", headers: ServerFixtures.bearer(tokens[.admin]!) + json,
                                                                  body: Array(#"{"email":"spare@eastfield.example","role":"provider","organisation":"1190003","password":"a long passphrase"}"#.utf8)),
                                           "user"))
        return HostileWorld(server: server, tokens: tokens, submissionA: submissionA, submissionB: submissionB,
                            fileSHA256: try #require(file["sha256"] as? String), finding: try id(finding), tender: tender,
                            check: check, round: try id(round), runs: (runs[0], runs[1]), spareToken: spareToken, spareUser: spareUser)
    }
}

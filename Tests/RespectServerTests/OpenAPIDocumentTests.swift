import Foundation
import RespectServer
import RespectTestSupport
import Testing

/// The committed OpenAPI document and the running server agree.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static var document: [String: Any] {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Sources/RespectServer/Resources/openapi.json")
        return ((try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any]) ?? [:]
    }

    @Test("every documented route exists in the route table, and every API route is documented")
    func routesMatch() {
        let paths = Self.document["paths"] as? [String: [String: Any]] ?? [:]
        let documented = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
        let served = Set(RespectWebApplication.routes
            .filter { $0.path.hasPrefix("/api/v1/") || $0.path == "/health" || $0.path == "/openapi.json" }
            .map { "\($0.method) \($0.path)" })
        #expect(documented == served, "documented only: \(documented.subtracting(served)); served only: \(served.subtracting(documented))")
        #expect(Self.document["openapi"] as? String == "3.1.0")
    }

    @Test("the served document is the committed one")
    func servedDocument() async throws {
        try await TestServer.run { server in
            let served = try await server.client.send("GET", "/openapi.json")
            let committed = try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Sources/RespectServer/Resources/openapi.json"))
            #expect(served.status == 200 && served.body == Array(committed))
        }
    }

    @Test("answers along a provider's, an assessor's and a commissioner's work have the documented shapes")
    func answersMatchSchemas() async throws {
        try await TestServer.run { server in
            let validator = SchemaValidator(document: Self.document)
            let (provider, id) = try await ServerFixtures.eastfieldSubmission(server, submit: true)
            try await server.user("assessor@respect.example", .assessor)
            try await server.user("admin@respect.example", .admin)
            try await server.user("moderator@respect.example", .assessor)
            let assessor = ServerFixtures.bearer(try await server.token("assessor@respect.example"))
            let moderator = ServerFixtures.bearer(try await server.token("moderator@respect.example"))
            let admin = ServerFixtures.bearer(try await server.token("admin@respect.example"))
            let json = [("Content-Type", "application/json")]
            let calls: [(String, String, [(String, String)], [UInt8]?, String, String)] = [
                ("GET", "/health", [], nil, "/health", "get"),
                ("GET", "/api/v1/me", ServerFixtures.bearer(provider), nil, "/api/v1/me", "get"),
                ("GET", "/api/v1/frameworks", assessor, nil, "/api/v1/frameworks", "get"),
                ("GET", "/api/v1/frameworks/respect-standard@2017", assessor, nil, "/api/v1/frameworks/{reference}", "get"),
                ("GET", "/api/v1/organisations", admin, nil, "/api/v1/organisations", "get"),
                ("GET", "/api/v1/users", admin, nil, "/api/v1/users", "get"),
                ("GET", "/api/v1/submissions", ServerFixtures.bearer(provider), nil, "/api/v1/submissions", "get"),
                ("GET", "/api/v1/submissions/\(id)", assessor, nil, "/api/v1/submissions/{id}", "get"),
                ("GET", "/api/v1/submissions/\(id)/versions", assessor, nil, "/api/v1/submissions/{id}/versions", "get"),
                ("GET", "/api/v1/submissions/\(id)/versions/1/result", assessor, nil, "/api/v1/submissions/{id}/versions/{number}/result", "get"),
                ("POST", "/api/v1/submissions/\(id)/findings", assessor + json,
                 Array(#"{"version":1,"kind":"evidence","targetID":"st-safer-recruitment-policy","decision":"rejected","reason":"A draft."}"#.utf8),
                 "/api/v1/submissions/{id}/findings", "post"),
                ("GET", "/api/v1/submissions/\(id)/findings", ServerFixtures.bearer(provider), nil, "/api/v1/submissions/{id}/findings", "get"),
                // Only a finding a second assessor agreed with changes a verdict, in a round too.
                ("POST", "/api/v1/findings/1/moderation", moderator + json, Array(#"{"agrees":true,"note":"Agreed."}"#.utf8),
                 "/api/v1/findings/{id}/moderation", "post"),
                ("POST", "/api/v1/rounds", assessor + json, Array(#"{"name":"Autumn","versions":[{"submission":\#(id),"version":1}]}"#.utf8),
                 "/api/v1/rounds", "post"),
                ("GET", "/api/v1/rounds", assessor, nil, "/api/v1/rounds", "get"),
                ("GET", "/api/v1/runs?organisation=1190003", assessor, nil, "/api/v1/runs", "get"),
                ("GET", "/api/v1/runs/1", assessor, nil, "/api/v1/runs/{id}", "get"),
                ("GET", "/api/v1/audit", admin, nil, "/api/v1/audit", "get"),
                ("POST", "/api/v1/check", assessor, ServerFixtures.notYetBytes, "/api/v1/check", "post"),
                ("GET", "/api/v1/submissions/999", assessor, nil, "/api/v1/submissions/{id}", "get"),
                ("GET", "/api/v1/me", [], nil, "/api/v1/me", "get"),
            ]
            for (method, path, headers, body, documented, operation) in calls {
                let answer = try await server.client.send(method, path, headers: headers, body: body)
                let problems = validator.check(answer: answer, path: documented, method: operation)
                #expect(problems.isEmpty, "\(method) \(path) → \(answer.status): \(problems)")
            }
            let run = try await server.client.send("GET", "/api/v1/runs/1", headers: assessor)
            #expect(((run.object["result"] as? [String: Any])?["findings"]) != nil, "the round applied the assessor's finding")
        }
    }
}

/// Checks an answer against the document's schema for its path, method and status: the subset
/// of JSON Schema the document uses (`type` with null, `required`, `properties`, `items`,
/// `enum`, `$ref`).
struct SchemaValidator {
    let document: [String: Any]

    func check(answer: TestHTTPClient.Answer, path: String, method: String) -> [String] {
        guard let operation = ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method] as? [String: Any],
              let responses = operation["responses"] as? [String: Any] else { return ["not documented"] }
        guard let response = responses[String(answer.status)] as? [String: Any] else { return ["status \(answer.status) not documented"] }
        guard let content = response["content"] as? [String: Any] else { return answer.body.isEmpty ? [] : ["a body where none is documented"] }
        guard let json = content["application/json"] as? [String: Any], let schema = json["schema"] as? [String: Any] else { return [] }
        guard let value = answer.json else { return ["not JSON"] }
        return validate(value, schema, at: "$")
    }

    func validate(_ value: Any, _ schema: [String: Any], at location: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            let target = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] ?? [:]
            return validate(value, target, at: location)
        }
        var problems: [String] = []
        if let allowed = schema["enum"] as? [String], !allowed.contains(value as? String ?? "\u{0}") {
            problems.append("\(location): \(value) is not one of \(allowed)")
        }
        let types: [String] = (schema["type"] as? [String]) ?? ((schema["type"] as? String).map { [$0] } ?? [])
        if !types.isEmpty, !types.contains(where: { Self.matches(value, $0) }) {
            return problems + ["\(location): expected \(types.joined(separator: " or ")), found \(type(of: value))"]
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(location): missing \(key)")
            }
            for (key, property) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let member = object[key], !(member is NSNull) { problems += validate(member, property, at: "\(location).\(key)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += validate(item, items, at: "\(location)[\(index)]") }
        }
        return problems
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return value is Bool
        case "integer": return (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return value is NSNumber
        default: return true
        }
    }
}

import Foundation
import RespectServer
import RespectTestSupport
import Testing

/// Every route of the server, tried as every actor (signed out, each role, another
/// organisation's provider and commissioner) against a world of records written with hostile
/// text: who gets what is declared in `AccessMatrix`, which must name every route the server has.
@Suite("Access matrix")
struct AccessMatrixTests {
    @Test("the matrix declares every route of the server's route list, and only those")
    func matrixCoversEveryRoute() async throws {
        try await TestServer.run { server in
            let world = try await HostileWorld.build(server)
            let declared = AccessMatrix.probes(world).map(\.key)
            let routes = RespectWebApplication.routes.map { $0.method + " " + $0.path }
            #expect(Set(declared).count == declared.count, "a route declared twice")
            let undeclared = Set(routes).subtracting(declared).subtracting(AccessMatrix.pagesNotYetProbed).sorted()
            #expect(Set(declared).isDisjoint(with: AccessMatrix.pagesNotYetProbed), "a probed route is still listed as not yet probed")
            #expect(undeclared.isEmpty, "routes with no expected answers in AccessMatrix: \(undeclared)")
            let unknown = Set(declared + AccessMatrix.pagesNotYetProbed).subtracting(routes).sorted()
            #expect(unknown.isEmpty, "AccessMatrix declares routes the server does not have: \(unknown)")
        }
    }

    @Test("every route answers each actor as declared; anything refused is 404 signed in, 401 or the sign-in page signed out, and the same as for a record that does not exist")
    func everyRouteAsEveryActor() async throws {
        try await TestServer.run { server in
            let world = try await HostileWorld.build(server)
            let results = try await AccessMatrix.run(world)
            let probed = RespectWebApplication.routes.count - AccessMatrix.pagesNotYetProbed.count
            #expect(results.count >= probed * Caller.allCases.count)
        }
    }

    @Test("provider-written text with markup and script comes out as text in every page and report")
    func hostileTextIsInert() async throws {
        try await TestServer.run { server in
            let world = try await HostileWorld.build(server)
            let results = try await AccessMatrix.run(world, checking: false)
            var shown: Set<String> = []
            for result in results {
                let answer = result.answer
                let context = "\(result.probe.key) as \(result.actor.rawValue)"
                let policy = answer.headers["content-security-policy"] ?? ""
                let scripts = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.hasPrefix("script-src") } ?? ""
                #expect(scripts == "script-src 'none'", "\(context): Content-Security-Policy \(policy)")
                #expect(answer.headers["x-content-type-options"] == "nosniff", "\(context)")
                guard answer.headers["content-type"]?.hasPrefix("text/html") == true else { continue }
                let html = answer.text.lowercased()
                for markup in HostileText.forbiddenMarkup {
                    #expect(!html.contains(markup), "\(context): \(markup) in the page")
                }
                shown.formUnion(Self.escapedPayloadFields(in: answer.text))
            }
            // The payload was really rendered (escaped) from each of these fields, so the
            // checks above looked at them.
            let expected: Set<String> = ["submission title", "name", "region", "title", "action", "owner"]
            #expect(expected.isSubset(of: shown), "fields never seen escaped in a page: \(expected.subtracting(shown).sorted())")
        }
    }

    @Test("the hostile submission puts the payload in every free-text field the submission schema declares")
    func hostileSubmissionCoversTheSchema() throws {
        let fields = try HostileText.schemaTextFields()
        #expect(fields == Set(HostileText.submissionTextAttributes + HostileText.submissionTextElements))
        let text = String(decoding: HostileText.submission, as: UTF8.self)
        for field in fields {
            #expect(text.contains(HostileText.xmlEscaped(HostileText.payload(field))), "\(field)")
        }
    }

    /// The fields whose escaped payload (`&lt;script&gt;alert(…FIELD…`) an HTML text holds.
    static func escapedPayloadFields(in html: String) -> Set<String> {
        var fields: Set<String> = []
        var rest = html[...]
        while let range = rest.range(of: "&lt;script&gt;alert(") {
            let tail = rest[range.upperBound...].prefix(60)
            for field in ["submission title", "organisation", "file name", "evidence name", "finding reason"]
                + HostileText.submissionTextAttributes + HostileText.submissionTextElements {
                for quote in ["&quot;", "&#34;", "&#x22;", "\""] where tail.hasPrefix(quote + field + quote) {
                    fields.insert(field)
                }
            }
            rest = rest[range.upperBound...]
        }
        return fields
    }
}

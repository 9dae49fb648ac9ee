import Foundation
import RespectTestSupport
import Testing

/// Broken bodies sent to every route that takes one, as a user the route serves: each answer is
/// a 4xx with a JSON error that says what was wrong (or a 2xx where any bytes are welcome, as
/// an evidence file), never a 5xx.
@Suite("Malformed input")
struct MalformedInputTests {
    /// Bodies that are not what a JSON route expects, each with the content type it is sent as.
    static let jsonBodies: [(String, String, [UInt8])] = [
        ("truncated", "application/json", Array(#"{"version":1,"kind":"#.utf8)),
        ("empty", "application/json", []),
        ("not an object", "application/json", Array("[1,2,3]".utf8)),
        ("null", "application/json", Array("null".utf8)),
        ("wrong types", "application/json", Array(#"{"version":"one","agrees":"yes","submission":[],"name":{},"disabled":7}"#.utf8)),
        ("invalid UTF-8", "application/json", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]),
        ("NUL bytes", "application/json", Array("{\"name\":\"a\u{0}b\"}\u{0}".utf8)),
        ("escaped NUL", "application/json",
         Array(#"{"name":"a\u0000b","email":"a\u0000@x.org","reason":"a\u0000b","note":"\u0000","password":"a long\u0000passphrase"}"#.utf8)),
        ("a number past any type", "application/json", Array(#"{"version":1e999999,"submission":99999999999999999999999}"#.utf8)),
        ("deeply nested", "application/json", Array(String(repeating: "[", count: 50_000).utf8)),
        ("over the JSON limit", "application/json", Array("{\"name\":\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 70_000) + Array("\"}".utf8)),
        ("XML sent as JSON", "application/xml", Array("<a/>".utf8)),
        ("multipart", "multipart/form-data; boundary=xyz", Array("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xy".utf8)),
    ]

    /// Bodies that are not a submission or tender XML file.
    static let fileBodies: [(String, String, [UInt8])] = [
        ("empty", "application/xml", []),
        ("not XML", "application/xml", Array("{\"submission\": true}".utf8)),
        ("truncated", "application/xml", Array(String(decoding: ServerFixtures.notYetBytes.prefix(2000), as: UTF8.self).utf8)),
        ("invalid UTF-8", "application/xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><submission>".utf8) + [0xC3, 0x28, 0xFF]),
        ("NUL bytes", "application/xml", Array("<submission>\u{0}</submission>".utf8)),
        ("an external entity", "application/xml",
         Array(#"<?xml version="1.0"?><!DOCTYPE submission [<!ENTITY x SYSTEM "file:///etc/passwd">]><submission xmlns="urn:respect-engine:submission:v1">&x;</submission>"#.utf8)),
        ("entity expansion", "application/xml",
         Array(#"<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><s>&g;</s>"#.utf8)),
        ("multipart", "multipart/form-data; boundary=xyz",
         Array("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../a.xml\"\r\nContent-Type: application/xml\r\n\r\n<submission/>\r\n--xy".utf8)),
        ("multipart without a boundary", "multipart/form-data", Array("--\r\n\r\n".utf8)),
    ]

    @Test("every route that takes a body answers broken JSON, XML and multipart with a 4xx that says what is wrong, never a 5xx")
    func brokenBodiesAreRefusedClearly() async throws {
        try await TestServer.run { server in
            let world = try await HostileWorld.build(server)
            var tried = 0
            for probe in AccessMatrix.probes(world) where probe.body != nil && probe.path.hasPrefix("/api/") {
                // As an actor the route serves, so the body is really read.
                guard let actor = Caller.allCases.first(where: { probe.reach[$0] != nil && $0 != .anonymous }) else { continue }
                for (name, type, body) in probe.json ? Self.jsonBodies : Self.fileBodies {
                    let answer = try await server.client.send(probe.method, probe.target,
                                                              headers: world.headers(actor) + [("Content-Type", type)], body: body)
                    let context = "\(probe.key) with \(name): \(answer.status) \(answer.text.prefix(300))"
                    tried += 1
                    #expect(answer.status < 500, "\(context)")
                    #expect(!answer.text.contains("root:x:0:0"), "\(context): an external entity was read")
                    guard answer.status >= 400 else { continue }
                    let message = answer.object["message"] as? String ?? ""
                    let detail = (answer.object["detail"] as? String ?? "") + ((answer.object["problems"] as? [String])?.joined() ?? "")
                    #expect(answer.object["code"] is String && !message.isEmpty, "\(context)")
                    #expect(answer.status == 413 || answer.status == 415 || !detail.isEmpty, "\(context): no detail of what is wrong")
                }
            }
            #expect(tried >= 7 * 13 + 5 * 9, "only \(tried) broken bodies were sent")
        }
    }

    @Test("a broken sign-in form is answered with the sign-in page, never a 5xx")
    func brokenFormsAreRefused() async throws {
        try await TestServer.run { server in
            let page = try await server.client.send("GET", "/sign-in")
            let token = try #require(page.cookie("respect_sign_in"))
            for body in ["csrf=\(token)&email=%zz%&password=%", "csrf=\(token)&&&==&email", String(repeating: "a", count: 20_000),
                         "csrf=\(token)&email=a%00b%40example.org&password=x"] {
                let answer = try await server.client.send("POST", "/sign-in", headers: [("Cookie", "respect_sign_in=\(token)"),
                                                                                       ("Content-Type", "application/x-www-form-urlencoded")],
                                                          body: Array(body.utf8))
                #expect((400..<500).contains(answer.status), "\(body.prefix(40)): \(answer.status)")
                #expect(answer.headers["content-type"]?.hasPrefix("text/html") == true)
            }
        }
    }
}

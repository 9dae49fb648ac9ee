import Foundation
import RespectTestSupport
import Testing

/// The names uploads give (`?name=`) are labels kept in the store, never paths: a name that
/// climbs folders is kept as written and touches no file, and names with NUL, line breaks or
/// more than 255 bytes are refused with a clear message.
@Suite("Upload names")
struct UploadNameTests {
    /// The files in the data folder and below.
    static func files(in folder: String) -> Set<String> {
        Set(FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
    }

    @Test("a name that climbs folders is kept as a label, touches no file, and is never sent back as a file name")
    func climbingNamesAreLabels() async throws {
        try await TestServer.run { server in
            let (token, id) = try await ServerFixtures.eastfieldSubmission(server, submit: false)
            let before = Self.files(in: server.dataDirectory)
            for name in ["../../../../tmp/respect-climbed.pdf", "..\\..\\windows\\system.ini", "/etc/passwd", "evidence/../../x.pdf"] {
                let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let upload = try await server.client.send("POST", "/api/v1/submissions/\(id)/files?name=\(query)",
                                                          headers: ServerFixtures.bearer(token), body: Array("content of \(name)".utf8))
                #expect(upload.status == 201 && upload.object["fileName"] as? String == name, "\(name): \(upload.text)")
                let digest = try #require(upload.object["sha256"] as? String)
                let download = try await server.client.send("GET", "/api/v1/submissions/\(id)/files/\(digest)", headers: ServerFixtures.bearer(token))
                #expect(download.text == "content of \(name)")
                #expect(download.headers["content-disposition"] == "attachment; filename=\"\(digest)\"")
                let version = try await server.client.send("POST", "/api/v1/submissions/\(id)/versions?name=\(query)",
                                                           headers: ServerFixtures.bearer(token), body: ServerFixtures.notYetBytes)
                #expect(version.status == 201 && version.object["fileName"] as? String == name, "\(name): \(version.text)")
            }
            #expect(!FileManager.default.fileExists(atPath: "/tmp/respect-climbed.pdf"))
            let added = Self.files(in: server.dataDirectory).subtracting(before).filter { !$0.hasPrefix("respect.sqlite") }
            #expect(added.isEmpty, "files written beside the database: \(added)")
        }
    }

    @Test("names with NUL, line breaks or more than 255 bytes, and any NUL in the address, are refused with 400 and what is expected, and nothing is kept")
    func unsafeNamesAreRefused() async throws {
        try await TestServer.run { server in
            let (token, id) = try await ServerFixtures.eastfieldSubmission(server, submit: false)
            let longest = String(repeating: "é", count: 127) + "x"
            let accepted = try await server.client.send("POST", "/api/v1/submissions/\(id)/files?name=\(longest.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                                                        headers: ServerFixtures.bearer(token), body: Array("255 bytes".utf8))
            #expect(accepted.status == 201 && accepted.object["fileName"] as? String == longest, "255 bytes are accepted whole")
            for (label, query) in [("NUL", "evidence%00.pdf.exe"), ("a line break", "a%0D%0ASet-Cookie%3A%20x%3Dy"),
                                   ("256 bytes", String(repeating: "a", count: 256)), ("10,000 bytes", String(repeating: "%2E%2E%2F", count: 3334))] {
                for path in ["/api/v1/submissions/\(id)/files", "/api/v1/submissions/\(id)/versions", "/api/v1/check"] {
                    let answer = try await server.client.send("POST", path + "?name=" + query, headers: ServerFixtures.bearer(token),
                                                              body: ServerFixtures.notYetBytes)
                    #expect(answer.status == 400, "\(label) to \(path): \(answer.status)")
                    let detail = answer.object["detail"] as? String ?? ""
                    #expect(detail.contains("255 bytes without NUL or line breaks") || (label == "NUL" && detail.contains("NUL")),
                            "\(label): \(answer.text)")
                    #expect(answer.headers["set-cookie"] == nil)
                }
            }
            // Nor does any other text from the address: a title, a query.
            for path in ["/api/v1/submissions?title=a%00b", "/api/v1/submissions?title=a%00b&name=x.xml"] {
                let answer = try await server.client.send("POST", path, headers: ServerFixtures.bearer(token), body: ServerFixtures.notYetBytes)
                #expect(answer.status == 400 && (answer.object["detail"] as? String)?.contains("NUL") == true, "\(path): \(answer.text)")
            }
            #expect(try await server.store.submissions(of: .init(ServerFixtures.eastfield)!).count == 1)
            #expect(try await server.store.evidenceFiles(submissionID: Int64(id)).count == 1)
            #expect(try await server.store.versions(submissionID: Int64(id)).count == 1)
        }
    }
}

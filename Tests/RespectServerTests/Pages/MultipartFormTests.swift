@testable import RespectServer
import Testing

/// The multipart reader the pages' file forms use: fields and files as a browser sends them,
/// file names cleaned to a label, and broken or oversized bodies refused.
@Suite("Multipart forms")
struct MultipartFormTests {
    static func body(_ parts: [String], boundary: String = "XyZ") -> [UInt8] {
        Array((parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n").utf8)
    }

    @Test("fields and files are read as sent, a repeated name kept in order")
    func readsFieldsAndFiles() throws {
        let bytes = Self.body([
            "Content-Disposition: form-data; name=\"supports\"\r\n\r\ngov-one",
            "Content-Disposition: form-data; name=\"supports\"\r\n\r\ngov-two",
            "Content-Disposition: form-data; name=\"file\"; filename=\"policy; v2.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\nbinary\u{0}",
        ])
        let form = try MultipartForm.parse(bytes, boundary: "XyZ")
        #expect(form.all("supports") == ["gov-one", "gov-two"])
        let file = try #require(form.file("file"))
        #expect(file.fileName == "policy; v2.pdf" && file.mediaType == "application/pdf")
        #expect(file.bytes == Array("%PDF\r\nbinary\u{0}".utf8))
    }

    @Test("a file input left empty (filename=\"\", no content, as chromium sends it) is no file")
    func emptyFileInputIsNoFile() throws {
        let bytes = Self.body([
            "Content-Disposition: form-data; name=\"title\"\r\n\r\nKept",
            "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n",
        ])
        let form = try MultipartForm.parse(bytes, boundary: "XyZ")
        #expect(form.file("file") == nil)
        #expect(form.files.isEmpty)
        #expect(form.all("title") == ["Kept"])
    }

    @Test("a file name is cut to its last component without control characters")
    func fileNamesAreLabels() throws {
        #expect(MultipartForm.cleanFileName("../../etc/passwd") == "passwd")
        #expect(MultipartForm.cleanFileName("C:\\Users\\me\\report.pdf") == "report.pdf")
        #expect(MultipartForm.cleanFileName("a\u{0}b\nc.pdf") == "abc.pdf")
        #expect(MultipartForm.cleanFileName("..") == "upload")
        #expect(MultipartForm.cleanFileName(String(repeating: "é", count: 300)).utf8.count <= 255)
    }

    @Test("a body without its closing boundary, or a part without a name, is refused")
    func brokenBodiesAreRefused() {
        let unterminated = Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue".utf8)
        #expect(throws: MultipartFormError.self) { try MultipartForm.parse(unterminated, boundary: "XyZ") }
        let nameless = Self.body(["Content-Disposition: form-data\r\n\r\nvalue"])
        #expect(throws: MultipartFormError.self) { try MultipartForm.parse(nameless, boundary: "XyZ") }
        #expect(throws: MultipartFormError.self) { try MultipartForm.parse(Array("no boundary".utf8), boundary: "XyZ") }
    }

    @Test("more parts than the limit are refused")
    func tooManyParts() {
        let parts = (0...MultipartForm.maximumParts).map { "Content-Disposition: form-data; name=\"f\($0)\"\r\n\r\nx" }
        #expect(throws: MultipartFormError.self) { try MultipartForm.parse(Self.body(parts), boundary: "XyZ") }
    }

    @Test("the boundary is read from the content type, quoted or not, and nothing else is multipart")
    func boundaryFromContentType() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; charset=utf-8; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }
}

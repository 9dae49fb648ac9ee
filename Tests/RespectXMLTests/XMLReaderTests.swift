import Foundation
import Testing
import RespectXML

/// Tests for the RespectXML reader: safe file reading, hostile-input refusal, XSD validation
/// and conversion to `XMLElement`. Fixtures live in Tests/Fixtures/xml.
@Suite struct XMLReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/xml")
    static let namespace = "urn:respect-test:catalog"

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Loaded once and shared, as the engine does.
    static let catalogSchema: XMLSchema = {
        do { return try XMLSchema(contentsOf: fixture("catalog.xsd")) } catch { fatalError("\(error)") }
    }()

    /// The chooser used by most tests: the catalog schema for <catalog>, unknownDocument otherwise.
    static func chooseSchema(_ root: XMLRootName, path: String = "input") throws -> XMLSchema {
        guard root.localName == "catalog", root.namespace == namespace else {
            throw XMLInputError.unknownDocument(path: path, element: root.localName, namespace: root.namespace)
        }
        return catalogSchema
    }

    func read(_ name: String, limits: XMLLimits = .default) throws -> XMLElement {
        try XMLDocumentReader(limits: limits).read(contentsOf: Self.fixture(name)) { try Self.chooseSchema($0) }
    }

    func readError(_ name: String, limits: XMLLimits = .default) -> XMLInputError? {
        do {
            _ = try read(name, limits: limits)
            return nil
        } catch {
            return error as? XMLInputError
        }
    }

    func readBytesError(_ bytes: [UInt8], limits: XMLLimits = .default) -> XMLInputError? {
        do {
            _ = try XMLDocumentReader(limits: limits).read(bytes: bytes, sourceName: "memory.xml") {
                try Self.chooseSchema($0, path: "memory.xml")
            }
            return nil
        } catch {
            return error as? XMLInputError
        }
    }

    func checkValidCatalog(_ root: XMLElement, file: String) {
        #expect(root.name == "catalog")
        #expect(root.namespace == Self.namespace)
        #expect(root.attribute("version") == "1")
        #expect(root.location == SourceLocation(file: file, line: 3))
        let items = root.children(named: "item")
        #expect(items.count == 2)
        #expect(root.children.count == 2)
        guard items.count == 2 else { return }
        #expect(items[0].attributes == [XMLAttribute(name: "id", value: "first"), XMLAttribute(name: "level", value: "2")])
        #expect(items[0].location.line == 4)
        #expect(items[0].firstChild(named: "title")?.text == "Fish & <chips>")
        #expect(items[0].firstChild(named: "title")?.location.line == 5)
        #expect(items[0].children(named: "supports").map(\.text) == ["A.1", "A.2"])
        #expect(items[0].children(named: "supports").map(\.location.line) == [6, 7])
        #expect(items[0].children.allSatisfy { $0.namespace == Self.namespace })
        #expect(items[1].attribute("level") == nil)
        #expect(items[1].firstChild(named: "title")?.text == "Über café")
        #expect(items[1].firstChild(named: "missing") == nil)
        #expect(items[1].text == "\n    \n    \n  ")
    }

    @Test func validFileConvertsToElements() throws {
        let path = Self.fixture("valid.xml")
        checkValidCatalog(try read("valid.xml"), file: path)
    }

    @Test func schemaChooserGetsTheRootName() throws {
        var seen: [XMLRootName] = []
        _ = try XMLDocumentReader().read(contentsOf: Self.fixture("valid.xml")) { root in
            seen.append(root)
            return Self.catalogSchema
        }
        #expect(seen == [XMLRootName(localName: "catalog", namespace: Self.namespace)])
    }

    @Test func unknownRootElementIsReportedByTheChooser() {
        let bytes = Array("<other xmlns='urn:elsewhere'/>".utf8)
        #expect(readBytesError(bytes) == .unknownDocument(path: "memory.xml", element: "other", namespace: "urn:elsewhere"))
    }

    @Test func missingFileIsReported() {
        let error = readError("no-such-file.xml")
        #expect(error == .fileNotFound(path: Self.fixture("no-such-file.xml")))
        #expect(error?.description.contains("no-such-file.xml") == true)
        #expect(error?.description.contains("not found") == true)
    }

    @Test func directoryIsNotARegularFile() {
        let directory = Self.fixtures.path
        let error = readErrorAt(directory)
        #expect(error == .notARegularFile(path: directory, kind: "a directory"))
        #expect(error?.description.contains("this is a directory, not a regular file") == true)
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/pipe.xml"
        #expect(mkfifo(path, 0o600) == 0)
        do {
            _ = try XMLDocumentReader().read(contentsOf: path) { try Self.chooseSchema($0) }
            Issue.record("a FIFO was read")
        } catch {
            #expect(error as? XMLInputError == .notARegularFile(path: path, kind: "a FIFO (named pipe)"))
        }
    }

    @Test func unreadableFileGivesTheSystemReason() throws {
        guard getuid() != 0 else { return }  // root can read anything
        let directory = try TemporaryDirectory()
        let path = directory.path + "/secret.xml"
        try Data("<a/>".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0)
        #expect(readErrorAt(path) == .unreadable(path: path, reason: "Permission denied"))
    }

    func readErrorAt(_ path: String) -> XMLInputError? {
        do {
            _ = try XMLDocumentReader().read(contentsOf: path) { try Self.chooseSchema($0) }
            return nil
        } catch {
            return error as? XMLInputError
        }
    }

    @Test func emptyFileIsReported() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/empty.xml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(readErrorAt(path) == .empty(path: path))
        #expect(readBytesError([]) == .empty(path: "memory.xml"))
    }

    @Test func fileOverTheSizeLimitIsNotRead() {
        let error = readError("valid.xml", limits: XMLLimits(maxFileBytes: 100))
        #expect(error == .tooLarge(path: Self.fixture("valid.xml"), bytes: 370, limit: 100))
        #expect(error?.description.contains("--max-file-size") == true)
        let bytes = [UInt8](repeating: 0x20, count: 101)
        #expect(readBytesError(bytes, limits: XMLLimits(maxFileBytes: 100)) == .tooLarge(path: "memory.xml", bytes: 101, limit: 100))
    }

    @Test func truncatedFileIsNotWellFormedWithALine() throws {
        let error = try #require(readError("truncated.xml"))
        guard case .notWellFormed(let diagnostics) = error else {
            Issue.record("expected notWellFormed, got \(error)")
            return
        }
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.location.file == Self.fixture("truncated.xml") })
        #expect(diagnostics.first?.location.line == 4)
        #expect(diagnostics.contains { $0.message.contains("the file ends before") })
        #expect(error.description.hasPrefix(Self.fixture("truncated.xml") + ": the file is not well-formed XML"))
        #expect(!error.description.contains("\n\n"))
    }

    @Test func schemaViolationsAreLocatedAndReadable() throws {
        let error = try #require(readError("invalid.xml"))
        guard case .notValid(let diagnostics) = error else {
            Issue.record("expected notValid, got \(error)")
            return
        }
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.location) == [
            SourceLocation(file: Self.fixture("invalid.xml"), line: 3),
            SourceLocation(file: Self.fixture("invalid.xml"), line: 6),
        ])
        let missing = diagnostics.first?.message ?? ""
        #expect(missing == "<item> is missing <supports>; add it inside <item>")
        #expect(diagnostics.last?.message.contains("'high' is not a valid value") == true)
        #expect(!error.description.contains("{urn:"))
        #expect(error.diagnostics == diagnostics)
    }

    @Test func doctypeWithFileEntityIsRefusedUnread() throws {
        let error = try #require(readError("doctype-file-entity.xml"))
        #expect(error == .doctypeNotAllowed(location: SourceLocation(file: Self.fixture("doctype-file-entity.xml"), line: 2)))
        #expect(error.description.contains("DOCTYPE declarations (DTDs, entities) are not allowed"))
        #expect(!error.description.contains("root:"))
    }

    @Test func doctypeWithHTTPEntityIsRefusedWithoutNetwork() throws {
        let start = ContinuousClock.now
        let error = try #require(readError("doctype-http-entity.xml"))
        #expect(error == .doctypeNotAllowed(location: SourceLocation(file: Self.fixture("doctype-http-entity.xml"), line: 2)))
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        let start = ContinuousClock.now
        let error = try #require(readError("billion-laughs.xml"))
        #expect(error == .doctypeNotAllowed(location: SourceLocation(file: Self.fixture("billion-laughs.xml"), line: 2)))
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func undeclaredEntityIsNotWellFormed() throws {
        let error = try #require(readBytesError(Array("<catalog>\n&secret;</catalog>".utf8)))
        guard case .notWellFormed(let diagnostics) = error else {
            Issue.record("expected notWellFormed, got \(error)")
            return
        }
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.message.contains("&secret; is not a character XML knows") == true)
    }

    @Test func hundredThousandLevelsIsTooDeep() throws {
        let levels = 100_000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(levels * 7)
        for _ in 0..<levels { bytes += Array("<a>".utf8) }
        for _ in 0..<levels { bytes += Array("</a>".utf8) }
        let start = ContinuousClock.now
        let error = try #require(readBytesError(bytes))
        #expect(error == .tooDeep(location: SourceLocation(file: "memory.xml", line: 1), limit: 64))
        #expect(error.description.contains("--max-depth"))
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func nestingAtTheDepthLimitIsAccepted() {
        let bytes = Array((String(repeating: "<a>", count: 10) + String(repeating: "</a>", count: 10)).utf8)
        // The parse succeeds, so the chooser is reached and refuses the unknown root.
        #expect(readBytesError(bytes, limits: XMLLimits(maxDepth: 10)) == .unknownDocument(path: "memory.xml", element: "a", namespace: nil))
        #expect(readBytesError(bytes, limits: XMLLimits(maxDepth: 9)) == .tooDeep(location: SourceLocation(file: "memory.xml", line: 1), limit: 9))
    }

    @Test func startTagWithThousandsOfAttributesIsRefusedQuickly() throws {
        var text = "<catalog>\n<item"
        for index in 0..<100_000 { text += " a\(index)=\"\"" }
        text += "/></catalog>"
        let start = ContinuousClock.now
        let error = try #require(readBytesError(Array(text.utf8)))
        #expect(ContinuousClock.now - start < .seconds(1))
        guard case .notWellFormed(let diagnostics) = error else {
            Issue.record("expected notWellFormed, got \(error)")
            return
        }
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.message.contains("more than 256 attributes") == true)
    }

    @Test func aLongCrowdedTagAmongManySmallOnesIsRefusedAtItsLine() throws {
        // Thousands of `=` in small tags, then one tag of 257 attributes with long values,
        // spanning several kilobytes.
        var text = "<catalog>\n" + String(repeating: "<item a=\"1\" b=\"2\"/>\n", count: 2_000) + "<item"
        for index in 0..<257 { text += " a\(index)=\"\(String(repeating: "v", count: 40))\"" }
        text += "/></catalog>"
        let error = try #require(readBytesError(Array(text.utf8)))
        guard case .notWellFormed(let diagnostics) = error else {
            Issue.record("expected notWellFormed, got \(error)")
            return
        }
        #expect(diagnostics.first?.location.line == 2_002)
        #expect(diagnostics.first?.message.contains("more than 256 attributes") == true)
    }

    @Test func aLongTagWith256AttributesPassesThePrecheck() throws {
        var text = "<catalog>\n" + String(repeating: "<item a=\"1\" b=\"2\"/>\n", count: 2_000) + "<item"
        for index in 0..<256 { text += " a\(index)=\"\(String(repeating: "v", count: 40))\"" }
        text += "/></catalog>"
        // Past the precheck and the parse, the chooser refuses the unknown root.
        #expect(readBytesError(Array(text.utf8)) == .unknownDocument(path: "memory.xml", element: "catalog", namespace: nil))
    }

    @Test func utf16WithByteOrderMarkReadsFine() throws {
        checkValidCatalog(try read("utf16-bom.xml"), file: Self.fixture("utf16-bom.xml"))
    }

    @Test func utf8WithByteOrderMarkReadsFine() throws {
        checkValidCatalog(try read("utf8-bom.xml"), file: Self.fixture("utf8-bom.xml"))
    }

    @Test func invalidUTF8IsNotWellFormedAtItsLine() throws {
        let error = try #require(readError("invalid-utf8.xml"))
        guard case .notWellFormed(let diagnostics) = error else {
            Issue.record("expected notWellFormed, got \(error)")
            return
        }
        #expect(diagnostics.first?.location.line == 10)
        #expect(diagnostics.first?.message.hasPrefix("the text here is not UTF-8") == true)
    }

    @Test func ucs4IsRefusedAsUnsupportedEncoding() throws {
        let bytes: [UInt8] = [0x00, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x3E]
        let error = try #require(readBytesError(bytes))
        #expect(error.diagnostics.first?.message.contains("expected UTF-8 or UTF-16") == true)
    }

    @Test func encodingDeclarationIsIgnored() throws {
        // In UTF-7 "+ADw-" means "<"; the declaration is ignored, so the bytes stay plain text.
        let plain = try XMLSchema(contentsOf: Self.fixture("plain.xsd"))
        let text = "<?xml version='1.0' encoding='UTF-7'?><a>+ADw-b/+AD4-</a>"
        let root = try XMLDocumentReader().read(bytes: Array(text.utf8), sourceName: "memory.xml") { _ in plain }
        #expect(root.name == "a")
        #expect(root.namespace == nil)
        #expect(root.text == "+ADw-b/+AD4-")
    }

    @Test func concurrentReadsShareOneSchema() async throws {
        let valid = Self.fixture("valid.xml"), invalid = Self.fixture("invalid.xml")
        let results = await withTaskGroup(of: (Bool, Bool).self) { group in
            for index in 0..<400 {
                group.addTask {
                    let path = index.isMultiple(of: 2) ? valid : invalid
                    do {
                        let root = try XMLDocumentReader().read(contentsOf: path) { try Self.chooseSchema($0) }
                        return (path == valid, root.children.count == 2)
                    } catch let error as XMLInputError {
                        return (path == invalid, error.diagnostics.count == 2)
                    } catch {
                        return (false, false)
                    }
                }
            }
            var all: [(Bool, Bool)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 400)
        #expect(results.allSatisfy { $0.0 && $0.1 })
    }

    @Test func schemasLoadConcurrently() async {
        let loaded = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask { (try? XMLSchema(contentsOf: Self.fixture("catalog.xsd"))) != nil }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        #expect(loaded == 16)
    }

    @Test func schemaWithRemoteIncludeIsRefused() {
        let path = Self.fixture("remote-include.xsd")
        #expect(throws: XMLInputError.self) { try XMLSchema(contentsOf: path) }
        do {
            _ = try XMLSchema(contentsOf: path)
        } catch {
            guard case .schemaUnusable(let file, let diagnostics) = error else {
                Issue.record("expected schemaUnusable, got \(error)")
                return
            }
            #expect(file == path)
            #expect(diagnostics.first?.location.line == 3)
            #expect(diagnostics.first?.message.contains("http://example.invalid/other.xsd") == true)
        }
    }

    @Test func brokenSchemaIsUnusableWithItsErrors() {
        let path = Self.fixture("broken.xsd")
        do {
            _ = try XMLSchema(contentsOf: path)
            Issue.record("a broken schema compiled")
        } catch {
            guard case .schemaUnusable(let file, let diagnostics) = error else {
                Issue.record("expected schemaUnusable, got \(error)")
                return
            }
            #expect(file == path)
            #expect(diagnostics.first?.location.line == 3)
            #expect(diagnostics.first?.message.contains("noSuchType") == true)
        }
        #expect(throws: XMLInputError.schemaUnusable(path: "/no/such.xsd", [XMLDiagnostic(
            location: SourceLocation(file: "/no/such.xsd", line: 0),
            message: "file not found; expected an XML file at this path")])) {
            try XMLSchema(contentsOf: "/no/such.xsd")
        }
    }

    @Test func locationsDescribeThemselves() {
        #expect(SourceLocation(file: "a.xml", line: 3, column: 7).description == "a.xml:3:7")
        #expect(SourceLocation(file: "a.xml", line: 3).description == "a.xml:3")
        #expect(SourceLocation(file: "a.xml", line: 0).description == "a.xml")
        let diagnostic = XMLDiagnostic(location: SourceLocation(file: "a.xml", line: 3), message: "bad")
        #expect(diagnostic.description == "a.xml:3: bad")
    }
}

/// A directory under the system temporary directory, removed when the value is released.
private final class TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("respect-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

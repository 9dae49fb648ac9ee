import Foundation
@testable import RespectModel
@testable import RespectXML
import RespectTestSupport
import Testing

/// A submission file is read in pieces (`XMLDocumentReader.readInPieces`, hashed as it is read,
/// each evidence item handed over to the model as it ends): it must give exactly what reading
/// the whole file's bytes gives, the same submission and the same SHA-256, and leave to the
/// whole reading every file it cannot read that way, so every error stays the whole reading's.
/// Checked on every shipped and example document, the mutated submissions of the screen's
/// differential test, large generated files and each case the piecewise reading gives way on.
@Suite struct PiecewiseReadingTests {
    static let schemas = SchemaSet(directory: TestSupport.standardsDirectory + "/schema")

    /// A folder of its own for one test's files, removed afterwards by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("piecewise-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], in folder: URL, as name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The schema for a document's root, as the loader chooses it.
    static func choose(_ root: XMLRootName) throws -> XMLSchema {
        guard let kind = DocumentKind(root: root) else {
            throw XMLInputError.unknownDocument(path: "document.xml", element: root.localName, namespace: root.namespace)
        }
        return try schemas.schema(for: kind)
    }

    /// Everything a submission holds, field by field (line numbers included).
    static func dumped(_ submission: Submission) -> String {
        var text = ""
        dump(submission, to: &text)
        return text
    }

    /// What loading the whole bytes gives: the submission written out, or the error's text.
    static func whole(_ loader: DocumentLoader, _ bytes: [UInt8], path: String) -> Result<String, DocumentLoadError> {
        do {
            return .success(dumped(try loader.loadSubmission(bytes: bytes, path: path)))
        } catch {
            return .failure(error)
        }
    }

    /// Reads `bytes` from a file in pieces and expects what the whole reading gives. Returns
    /// whether the piecewise reading took the file (false: it gave way to the whole reading).
    @discardableResult
    static func expectSameAsWhole(_ bytes: [UInt8], name: String, in folder: URL,
                                  loader: DocumentLoader = DocumentLoader(schemas: schemas)) throws -> Bool {
        let path = try write(bytes, in: folder, as: "document.xml")
        let expected = whole(loader, bytes, path: path)
        guard let parsed = loader.parseSubmissionInPieces(path: path) else {
            return false
        }
        #expect(parsed.sha256 == InputFile.sha256(of: bytes), "\(name): the digest is not that of the file's bytes")
        switch (Result { () throws(DocumentLoadError) in dumped(try loader.build(parsed)) }, expected) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "\(name): the submissions differ")
        case (.failure(let a), .failure(let b)):
            #expect(a.description == b.description, "\(name):\nin pieces: \(a)\nwhole: \(b)")
        case (let a, let b):
            Issue.record("\(name): in pieces \(a), whole \(b)")
        }
        return true
    }

    /// A valid submission with `items` evidence items (each with a title of `titleWords` words),
    /// from the working-towards example, and more than one piece long from a few hundred items.
    static func generated(items: Int, titleWords: Int = 40) throws -> [UInt8] {
        let text = try String(contentsOfFile: TestSupport.examplesDirectory + "/submissions/working-towards.xml", encoding: .utf8)
        let title = Array(repeating: "board minutes", count: titleWords / 2).joined(separator: " ")
        let extra = (0..<items).map { number in
            "<item id=\"generated-\(number)\" type=\"policy\" issued=\"2026-01-10\"><title>\(title) \(number)</title>"
                + "<file path=\"evidence/\(number).pdf\" sha256=\"\(String(repeating: "ab", count: 32))\"/>"
                + "<supports>gov-business-plan</supports></item>\n"
        }.joined()
        guard let end = text.range(of: "</evidence>") else { throw XMLInputError.empty(path: "working-towards.xml") }
        return Array(text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: extra).utf8)
    }

    @Test("every example submission and every shipped or example document reads in pieces as it reads whole")
    func examplesAndShippedDocuments() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var documents = try OnePassReaderTests.files(in: TestSupport.standardsDirectory)
        for subfolder in ["submissions", "tender", "tender/bids", "findings", "invalid"] {
            documents += try OnePassReaderTests.files(in: TestSupport.examplesDirectory + "/" + subfolder)
        }
        let loader = DocumentLoader(schemas: Self.schemas)
        var taken = 0, submissions = 0
        for document in documents {
            if try Self.expectSameAsWhole(document.bytes, name: document.name, in: folder) { taken += 1 }
            if (try? loader.loadSubmission(bytes: document.bytes, path: document.name)) != nil { submissions += 1 }
        }
        #expect(submissions >= 8 && taken == submissions, "each submission (examples and bids), and nothing else, is read in pieces")
    }

    @Test("mutated example submissions, valid and not, read in pieces as they read whole")
    func mutatedSubmissions() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = TestSupport.examplesDirectory + "/submissions"
        let bases = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".xml") }.sorted()
            .map { try ScreenDifferentialTests.base(examples + "/" + $0, .submission) }
        var taken = 0, left = 0
        for document in ScreenDifferentialTests.mutatedDocuments(bases) {
            if try Self.expectSameAsWhole(document.bytes, name: document.name, in: folder) { taken += 1 } else { left += 1 }
        }
        #expect(taken > 10 && left > 30, "both kinds were tried: \(taken) read in pieces, \(left) left to the whole reading")
    }

    @Test("a file of many pieces: the same submission, digest and item problems; its items are not in the tree")
    func manyPieces() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try Self.generated(items: 1_500)
        #expect(bytes.count > 4 * FileInput.pieceSize)
        #expect(try Self.expectSameAsWhole(bytes, name: "1,500 items", in: folder))
        let loader = DocumentLoader(schemas: Self.schemas)
        let parsed = try #require(loader.parseSubmissionInPieces(path: try Self.write(bytes, in: folder, as: "many.xml")))
        #expect(parsed.root.firstChild(named: "evidence")?.children.isEmpty == true, "the items were handed over, not kept")
        #expect(try loader.build(parsed).evidence.count == 1_500 + 91)

        // A problem only the model finds, in an item far into the file: the same error, same line.
        var text = String(decoding: bytes, as: UTF8.self)
        let item = try #require(text.range(of: "<item id=\"generated-1200\" type=\"policy\" issued=\"2026-01-10\""))
        text.insert(contentsOf: " reviewBy=\"2020-01-01\"", at: item.upperBound)
        #expect(try Self.expectSameAsWhole(Array(text.utf8), name: "review-by before issue", in: folder))
    }

    @Test("files the piecewise reading gives way on are left to the whole reading, whose error stands")
    func leftToTheWholeReading() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loader = DocumentLoader(schemas: Self.schemas)
        let base = String(decoding: try Self.generated(items: 600), as: UTF8.self)
        let crowded = (0..<300).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let declaration = try #require(base.range(of: "?>"))
        let cases: [(String, String)] = [
            ("a crowded start tag early", base.replacingOccurrences(of: "<provider ", with: "<provider \(crowded) ")),
            ("a crowded start tag past the first piece", base.replacingOccurrences(of: "<supports>gov-business-plan</supports></item>\n<item id=\"generated-500\"",
                                                                             with: "<supports \(crowded)>gov-business-plan</supports></item>\n<item id=\"generated-500\"")),
            ("not valid in the last piece", base.replacingOccurrences(of: "</submission>", with: "<unexpected/></submission>")),
            ("cut short", String(base.prefix(base.utf8.count - 200))),
            ("a DOCTYPE", base.replacingCharacters(in: declaration.upperBound..<declaration.upperBound, with: "\n<!DOCTYPE submission>")),
            ("a framework, not a submission", try String(contentsOfFile: TestSupport.standardsDirectory + "/respect-standard-2017.xml", encoding: .utf8)),
        ]
        for (name, text) in cases {
            #expect(try !Self.expectSameAsWhole(Array(text.utf8), name: name, in: folder), "\(name): read in pieces")
            #expect((try? loader.loadSubmission(bytes: Array(text.utf8), path: "document.xml")) == nil,
                    "\(name): the whole reading refuses it")
        }
        // Valid, and read whole: the root after the first piece, and UTF-16.
        let late = base.replacingCharacters(in: declaration.upperBound..<declaration.upperBound,
                                            with: "\n<!-- " + String(repeating: "comment ", count: 9_000) + "-->")
        #expect(try !Self.expectSameAsWhole(Array(late.utf8), name: "the root after the first piece", in: folder))
        #expect((try? loader.loadSubmission(bytes: Array(late.utf8), path: "late.xml")) != nil)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in base.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(try !Self.expectSameAsWhole(utf16, name: "UTF-16", in: folder))
        #expect((try? loader.loadSubmission(bytes: utf16, path: "utf16.xml")) != nil)
        // Over the size limit, a missing file, an empty file, a folder.
        let small = DocumentLoader(schemas: Self.schemas, limits: XMLLimits(maxFileBytes: 100_000))
        #expect(try !Self.expectSameAsWhole(Array(base.utf8), name: "over the size limit", in: folder, loader: small))
        #expect(try !Self.expectSameAsWhole([], name: "empty", in: folder))
        #expect(loader.parseSubmissionInPieces(path: folder.appendingPathComponent("missing.xml").path) == nil)
        #expect(loader.parseSubmissionInPieces(path: folder.path) == nil)
    }

    @Test("the crowded-tag screen, fed a file in pieces cut anywhere, flags every file the whole pre-check refuses")
    func screenInPieces() throws {
        let base = String(decoding: try Self.generated(items: 40), as: UTF8.self)
        let attributes = { (count: Int) in (0..<count).map { "a\($0)=\"x\"" }.joined(separator: " ") }
        let crowded = base.replacingOccurrences(of: "<provider ", with: "<provider \(attributes(300)) ")
        let spread = base.replacingOccurrences(of: "<provider ", with: "<provider \(attributes(250)) ")
            .replacingOccurrences(of: "<services>", with: "<services \(attributes(10))>")
        var random = SystemRandomNumberGenerator()
        for (name, text, refused) in [("300 attributes", crowded, true), ("250 and 10", spread, false), ("none", base, false)] {
            let bytes = Array(text.utf8)
            let whole = bytes.withUnsafeBytes { InputPrecheck.problem(in: $0, sourceName: "document.xml") }
            #expect((whole != nil) == refused, "\(name): the whole pre-check")
            for _ in 0..<50 {
                var cuts = (0..<Int.random(in: 1...20, using: &random)).map { _ in Int.random(in: 0...bytes.count, using: &random) }.sorted()
                cuts = [0] + cuts + [bytes.count]
                var screen = InputPrecheck.CrowdedTagScreen()
                var flagged = false
                bytes.withUnsafeBytes { raw in
                    for (start, end) in zip(cuts, cuts.dropFirst()) where !flagged {
                        flagged = screen.mayBeCrowded(adding: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                    }
                }
                if refused { #expect(flagged, "\(name): a crowded tag passed the screen, cut at \(cuts)") }
                if name == "none" { #expect(!flagged, "\(name): flagged, cut at \(cuts)") }
            }
        }
    }
}

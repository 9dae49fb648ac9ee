import Foundation
import RespectModel
@testable import RespectXML
import RespectTestSupport
import Testing

/// The one-pass reader (`ValidatingParser`: validation plugged into the parse, each element
/// converted as it ends) must read every document exactly as the two-pass reader (libxml2's
/// whole tree, then validation, then conversion) does: the same element tree, or the same error
/// with the same messages and lines. Checked on every shipped and example document and on the
/// mutated documents of the screen's differential test (valid and invalid, well-formed or not).
@Suite struct OnePassReaderTests {
    static let schemas = SchemaSet(directory: TestSupport.standardsDirectory + "/schema")

    /// The result of reading `bytes` one way: the tree, or the error's full text.
    static func read(_ bytes: [UInt8], onePass: Bool, limits: XMLLimits = .default) -> Result<XMLElement, XMLInputError> {
        var reader = XMLDocumentReader(limits: limits)
        reader.onePass = onePass
        do {
            return .success(try reader.read(bytes: bytes, sourceName: "document.xml") { root in
                guard let kind = DocumentKind(root: root) else {
                    throw XMLInputError.unknownDocument(path: "document.xml", element: root.localName, namespace: root.namespace)
                }
                return try schemas.schema(for: kind)
            })
        } catch let error as XMLInputError {
            return .failure(error)
        } catch {
            Issue.record("unexpected error \(error)")
            return .failure(.empty(path: "unexpected"))
        }
    }

    /// Reads each document both ways and expects the same outcome; returns how many were valid.
    @discardableResult
    static func expectSameReading(_ documents: [(name: String, bytes: [UInt8])], limits: XMLLimits = .default) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        for document in documents {
            let one = read(document.bytes, onePass: true, limits: limits)
            let two = read(document.bytes, onePass: false, limits: limits)
            switch (one, two) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(document.name): the trees differ")
                valid += 1
            case (.failure(let a), .failure(let b)):
                #expect(a.description == b.description, "\(document.name):\none pass: \(a)\ntwo passes: \(b)")
                invalid += 1
            default:
                Issue.record("\(document.name): one pass \(one), two passes \(two)")
            }
        }
        return (valid, invalid)
    }

    static func files(in folder: String) throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted().map {
            ($0, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))))
        }
    }

    @Test("every shipped framework, crosswalk and example document reads the same in one pass")
    func shippedAndExampleDocuments() throws {
        var documents = try Self.files(in: TestSupport.standardsDirectory)
        for folder in ["submissions", "tender", "tender/bids", "findings"] {
            documents += try Self.files(in: TestSupport.examplesDirectory + "/" + folder)
        }
        let invalid = try Self.files(in: TestSupport.examplesDirectory + "/invalid")
        #expect(documents.count >= 15 && !invalid.isEmpty)
        let tally = Self.expectSameReading(documents + invalid)
        #expect(tally.valid == documents.count && tally.invalid == invalid.count,
                "every shipped and example document is valid, the invalid example is not")
    }

    @Test("mutated example submissions, valid and invalid, read the same in one pass: trees, messages and lines")
    func mutatedSubmissions() throws {
        let folder = TestSupport.examplesDirectory + "/submissions"
        let bases = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
            .map { try ScreenDifferentialTests.base(folder + "/" + $0, .submission) }
        let documents = ScreenDifferentialTests.mutatedDocuments(bases)
        let tally = Self.expectSameReading(documents)
        #expect(tally.valid > 30 && tally.invalid > 30)
    }

    @Test("a cap counted while parsing refuses both ways at the first element over it")
    func capRefusesWhileParsing() throws {
        let items = (1...5).map { "<item id=\"e\($0)\" type=\"policy\" issued=\"2026-01-01\"><title>T</title><supports>gov-business-plan</supports></item>" }
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <submission xmlns="urn:respect-engine:submission:v1" asOf="2026-10-01">
            <provider name="P" charityNumber="1"/><target framework="respect-standard" edition="2017"/>
            <services><service type="group-behaviour-change" risks="standard"/></services>
            <evidence>
            \(items.joined(separator: "\n"))
            </evidence>
            </submission>
            """
        let cap = ElementCap(namespace: DocumentKind.submission.namespace, localName: "item", limit: 3,
                             document: "the submission", what: "evidence items", option: "--max-evidence-items")
        let limits = XMLLimits(caps: [cap])
        for onePass in [true, false] {
            guard case .failure(let error) = Self.read(Array(text.utf8), onePass: onePass, limits: limits) else {
                Issue.record("four items over a cap of three were accepted (one pass: \(onePass))")
                continue
            }
            #expect(error == .overCap(location: SourceLocation(file: "document.xml", line: 9), cap: cap))
            #expect(error.description.contains("the submission has more than 3 evidence items; if the submission is genuine, raise the limit with --max-evidence-items"))
        }
        #expect((try? Self.read(Array(text.utf8), onePass: true, limits: XMLLimits(caps: [ElementCap(
            namespace: DocumentKind.submission.namespace, localName: "item", limit: 5, document: "the submission",
            what: "evidence items", option: "--max-evidence-items")])).get()) != nil, "five items within a cap of five")
    }
}

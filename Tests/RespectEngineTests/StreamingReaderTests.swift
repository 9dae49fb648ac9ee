import Foundation
import RespectModel
import RespectXML
import Testing

/// The fast path (`XMLDocumentReader.readValid`, validation while parsing) must give exactly
/// the tree the full reader gives, or give up (nil) so the full reader reports the problem:
/// it never accepts a document the full reader refuses.
@Suite struct StreamingReaderTests {
    let reader = XMLDocumentReader()

    /// Full read of `bytes` as `kind`, or nil when the full reader refuses them.
    func fullRead(_ bytes: [UInt8], kind: DocumentKind, reader: XMLDocumentReader = XMLDocumentReader()) -> XMLElement? {
        try? reader.read(bytes: bytes, sourceName: "input.xml") { root in
            guard DocumentKind(root: root) == kind else {
                throw XMLInputError.unknownDocument(path: "input.xml", element: root.localName, namespace: root.namespace)
            }
            return try TestSupport.schemas.schema(for: kind)
        }
    }

    func fastRead(_ bytes: [UInt8], kind: DocumentKind, reader: XMLDocumentReader = XMLDocumentReader()) throws -> XMLElement? {
        reader.readValid(bytes: bytes, sourceName: "input.xml",
                         root: XMLRootName(localName: kind.rootElement, namespace: kind.namespace),
                         schema: try TestSupport.schemas.schema(for: kind))
    }

    func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func exampleSubmissionsGiveTheSameTreeAsTheFullReader() throws {
        let folder = TestSupport.examplesDirectory + "/submissions"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let data = try bytes(folder + "/" + name)
            let fast = try #require(try fastRead(data, kind: .submission), "\(name) took the slow path")
            #expect(fast == fullRead(data, kind: .submission), "\(name)")
        }
    }

    @Test func shippedFrameworksGiveTheSameTreeOrTheFullReader() throws {
        for name in ["respect-standard-2012.xml", "respect-standard-2017.xml", "home-office-2023.xml"] {
            let data = try bytes(TestSupport.standardsDirectory + "/" + name)
            let full = try #require(fullRead(data, kind: .framework))
            if let fast = try fastRead(data, kind: .framework) { #expect(fast == full, "\(name)") }
        }
    }

    @Test func ampersandsInAttributesAndTextAreDecodedAsTheTreeHasThem() throws {
        var text = String(decoding: try bytes(TestSupport.examplesDirectory + "/submissions/achieved.xml"), as: UTF8.self)
        let provider = try #require(text.range(of: #"<provider name=""#))
        text.insert(contentsOf: "Smith &amp; Sons &#38; Co &#x26; &lt;partners&gt; ", at: provider.upperBound)
        let data = Array(text.utf8)
        let full = try #require(fullRead(data, kind: .submission))
        let fast = try #require(try fastRead(data, kind: .submission))
        #expect(fast == full)
        #expect(fast.firstChild(named: "provider")?.attribute("name")?.hasPrefix("Smith & Sons & Co & <partners> ") == true)
    }

    @Test func everyHostileFixtureTheFullReaderRefusesIsRefusedToo() throws {
        let folder = TestSupport.fixture("hostile")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(names.count > 10)
        for name in names {
            let data = try bytes(folder + "/" + name)
            for kind in [DocumentKind.submission, .framework] {
                let full = fullRead(data, kind: kind)
                let fast = try fastRead(data, kind: kind)
                if full == nil { #expect(fast == nil, "\(name) as \(kind)") } else if let fast { #expect(fast == full, "\(name) as \(kind)") }
            }
        }
    }

    @Test func aDoctypeMakesTheFastPathGiveUp() throws {
        let text = String(decoding: try bytes(TestSupport.examplesDirectory + "/submissions/achieved.xml"), as: UTF8.self)
        let withDoctype = text.replacingOccurrences(of: "<submission ", with: "<!DOCTYPE submission [<!ENTITY x \"y\">]>\n<submission ")
        #expect(withDoctype != text)
        #expect(try fastRead(Array(withDoctype.utf8), kind: .submission) == nil)
    }

    @Test func limitsMakeTheFastPathGiveUp() throws {
        let data = try bytes(TestSupport.examplesDirectory + "/submissions/achieved.xml")
        #expect(try fastRead(data, kind: .submission, reader: XMLDocumentReader(limits: XMLLimits(maxDepth: 2))) == nil)
        #expect(try fastRead(data, kind: .submission, reader: XMLDocumentReader(limits: XMLLimits(maxElements: 10))) == nil)
        #expect(try fastRead(data, kind: .submission, reader: XMLDocumentReader(limits: XMLLimits(maxFileBytes: 100))) == nil)
    }

    @Test func anotherRootOrAnInvalidDocumentMakesTheFastPathGiveUp() throws {
        let framework = try bytes(TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        #expect(try fastRead(framework, kind: .submission) == nil)
        let text = String(decoding: try bytes(TestSupport.examplesDirectory + "/submissions/achieved.xml"), as: UTF8.self)
        let invalid = text.replacingOccurrences(of: "<services>", with: "<services><unexpected/>")
        #expect(invalid != text)
        #expect(fullRead(Array(invalid.utf8), kind: .submission) == nil)
        #expect(try fastRead(Array(invalid.utf8), kind: .submission) == nil)
    }
}

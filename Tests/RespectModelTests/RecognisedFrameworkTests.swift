import Foundation
import RespectModel
import RespectTestSupport
import RespectXML
import Testing

/// A shipped framework, recognised by its digest beside the shipped framework XSD, is read
/// without validating it again; it must therefore be valid, and read exactly as validation
/// reads it. Anything else is validated in full.
@Suite("Recognised frameworks")
struct RecognisedFrameworkTests {
    static let standards = TestSupport.standardsDirectory

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func digest(_ bytes: [UInt8]) -> String {
        InputFile.sha256(of: bytes)
    }

    @Test("the listed digests are those of the shipped frameworks and their XSD, and every shipped framework is listed")
    func listedDigests() throws {
        let schema = Self.digest(try Self.bytes(Self.standards + "/schema/framework-v1.xsd"))
        #expect(schema == RecognisedFrameworks.schemaSHA256, """
            standards/schema/framework-v1.xsd has changed: its SHA-256 is now \(schema). Run the tests (every \
            listed framework must still be valid against it), then set RecognisedFrameworks.schemaSHA256 in \
            Sources/RespectModel/Loading/RecognisedFrameworks.swift to "\(schema)".
            """)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.standards).filter { name in
            guard name.hasSuffix(".xml") else { return false }
            guard let root = XMLRootScanner.root(of: try Self.bytes(Self.standards + "/" + name)) else { return false }
            return DocumentKind(root: root.name) == .framework
        }.sorted()
        #expect(shipped == RecognisedFrameworks.sha256.keys.sorted())
        for name in shipped {
            let actual = Self.digest(try Self.bytes(Self.standards + "/" + name))
            #expect(RecognisedFrameworks.sha256[name] == actual, """
                standards/\(name) has changed: its SHA-256 is now \(actual), so it is validated on every read \
                again. After the tests pass, set its line in RecognisedFrameworks.sha256 to "\(name)": "\(actual)",
                """)
        }
    }

    @Test("every listed framework is valid against the listed XSD, and reads to the same tree and model without validation")
    func listedFrameworksAreValid() throws {
        let reader = XMLDocumentReader()
        let schema = try XMLSchema(contentsOf: Self.standards + "/schema/framework-v1.xsd")
        for name in RecognisedFrameworks.sha256.keys.sorted() {
            let path = Self.standards + "/" + name
            let bytes = try Self.bytes(path)
            let validated = try reader.read(bytes: bytes, sourceName: path) { _ in schema }
            let unvalidated = try reader.readKnownValid(bytes: bytes, sourceName: path)
            #expect(validated == unvalidated, "\(name)")
            let fast = try TestSupport.loader.loadFramework(bytes: bytes, path: path, sha256: Self.digest(bytes))
            let full = try TestSupport.loader.loadFramework(bytes: bytes, path: path)
            // The builder is a function of the tree; the same tree gives the same framework.
            #expect(fast.identity == full.identity, "\(name)")
            #expect(fast.indicators.map(\.id) == full.indicators.map(\.id), "\(name)")
        }
    }

    @Test("a changed framework is validated: an invalid one is refused with the schema's error")
    func changedFrameworkIsValidated() throws {
        let path = Self.standards + "/respect-standard-2017.xml"
        var text = String(decoding: try Self.bytes(path), as: UTF8.self)
        let root = try #require(text.range(of: "<framework "))
        text.replaceSubrange(root, with: "<framework unexpected=\"yes\" ")
        let changed = Array(text.utf8)
        #expect(throws: DocumentLoadError.self) {
            try TestSupport.loader.loadFramework(bytes: changed, path: "changed.xml", sha256: Self.digest(changed))
        }
    }

    @Test("a listed framework beside another framework XSD is validated against that XSD")
    func otherSchemaValidates() throws {
        let listed = try #require(RecognisedFrameworks.sha256["respect-standard-2017.xml"])
        #expect(RecognisedFrameworks.knownValid(sha256: listed, schemaSHA256: RecognisedFrameworks.schemaSHA256))
        #expect(!RecognisedFrameworks.knownValid(sha256: listed, schemaSHA256: String(repeating: "0", count: 64)))
        #expect(!RecognisedFrameworks.knownValid(sha256: listed, schemaSHA256: nil))
        #expect(!RecognisedFrameworks.knownValid(sha256: String(repeating: "0", count: 64),
                                                 schemaSHA256: RecognisedFrameworks.schemaSHA256))

        // A standards folder whose framework XSD differs (here: refuses the shipped file's root
        // element by another namespace) sees the shipped file validated, and refused.
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/schema", withIntermediateDirectories: true)
        var xsd = String(decoding: try Self.bytes(Self.standards + "/schema/framework-v1.xsd"), as: UTF8.self)
        xsd = xsd.replacingOccurrences(of: "targetNamespace=\"", with: "targetNamespace=\"urn:changed:")
        try xsd.write(toFile: folder + "/schema/framework-v1.xsd", atomically: true, encoding: .utf8)
        let loader = DocumentLoader(schemas: SchemaSet(directory: folder + "/schema"))
        let bytes = try Self.bytes(Self.standards + "/respect-standard-2017.xml")
        #expect(throws: DocumentLoadError.self) {
            try loader.loadFramework(bytes: bytes, path: "respect-standard-2017.xml", sha256: Self.digest(bytes))
        }
    }
}

import Foundation
import RespectCorpus
import RespectModel
@testable import RespectXML
import RespectTestSupport
import Testing

/// The validation screen: a schema's identity constraints checked natively with hash sets in
/// front of the full libxml2 validation. A document the screen passes must be valid against the
/// full schema; everything else is decided (and explained) by the full schema. Values compare as
/// XSD compares them: UTF-8 bytes after the type's white-space rule.
@Suite struct IdentityScreenTests {
    /// The shipped schemas, screened as a batch screens them.
    static let screenedSchemas = SchemaSet(directory: TestSupport.standardsDirectory + "/schema", screening: .whenRecognised)

    static func schema(_ kind: DocumentKind) throws -> XMLSchema {
        try screenedSchemas.schema(for: kind)
    }

    static func identityFixture(_ name: String) -> String {
        TestSupport.fixture("xml/identity/" + name)
    }

    /// A fixture schema screened although it is not a shipped one, to test the screen itself.
    static func screenedFixture(_ name: String) throws -> XMLSchema {
        try XMLSchema(contentsOf: identityFixture(name), admitting: .anySchema)
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func fileBytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func theSubmissionSchemasConstraintsAreCheckedNatively() throws {
        #expect(try Self.schema(.submission).nativeIdentityConstraints == ["evidenceId", "factId", "serviceType", "factSource"])
        #expect(try Self.schema(.crosswalk).nativeIdentityConstraints == ["targetStandard"])
    }

    @Test func descendantSelectorsStayWithLibxml2() throws {
        // The framework schema's keyrefs select with `.//`: outside the native shape, so all
        // of its constraints stay with libxml2.
        #expect(try Self.schema(.framework).nativeIdentityConstraints.isEmpty)
    }

    @Test func aNumericKeyStaysWithLibxml2AndStillRejectsEqualNumbers() throws {
        let schema = try Self.screenedFixture("numeric-key.xsd")
        #expect(schema.nativeIdentityConstraints.isEmpty)
        let document = #"<list xmlns="urn:respect-test:numeric"><entry number="7"/><entry number="007"/></list>"#
        let verdicts = try schema.verdicts(bytes: Self.bytes(document), sourceName: "numbers.xml")
        #expect(verdicts.screen == nil)
        #expect(verdicts.full == false)
    }

    @Test(arguments: [
        // Token codes collapse white space: " a  b" and "a b" are the same key.
        (#"<entry code=" a  b"/><entry code="a b"/>"#, "", false),
        (#"<entry code="a"/><entry code="b"/>"#, #"<link to=" b "/>"#, true),
        // A link to a code no entry has.
        (#"<entry code="a"/><entry code="b"/>"#, #"<link to="c"/>"#, false),
        // String labels keep white space: "x" and "x " differ; "x" and "x" do not.
        (#"<entry code="a" label="x"/><entry code="b" label="x "/>"#, "", true),
        (#"<entry code="a" label="x"/><entry code="b" label="x"/>"#, "", false),
        // A unique field may be absent, any number of times.
        (#"<entry code="a"/><entry code="b"/><entry code="c"/>"#, "", true),
    ])
    func theScreenAgreesWithLibxml2OnEveryShape(entries: String, links: String, valid: Bool) throws {
        let schema = try Self.screenedFixture("token-key.xsd")
        #expect(schema.nativeIdentityConstraints == ["entryCode", "entryLabel", "linkTarget"])
        let document = #"<book xmlns="urn:respect-test:token"><entries>"# + entries + "</entries>" + links + "</book>"
        let verdicts = try schema.verdicts(bytes: Self.bytes(document), sourceName: "book.xml")
        #expect(verdicts.full == valid)
        #expect(verdicts.screen == valid)
    }

    /// Each case was checked with `xmllint --schema` on the same document. Before values were
    /// compared as bytes, the screen passed the first, third and fourth, which libxml2 rejects.
    @Test(arguments: [
        // A keyref in decomposed form ("e" + U+0301) does not match a precomposed key ("é").
        ("book", #"<entries><entry code="caf\#u{E9}"/></entries><link to="cafe\#u{301}"/>"#, false),
        // Canonically equivalent keys are different keys.
        ("book", #"<entries><entry code="caf\#u{E9}"/><entry code="cafe\#u{301}"/></entries>"#, true),
        // A space before a combining mark is white space: "a  ́" collapses to "a ́".
        ("book", #"<entries><entry code="a  \#u{301}"/><entry code="a \#u{301}"/></entries>"#, false),
        // Under "replace", carriage return and line feed are two spaces, not one.
        ("register", #"<person name="a&#13;&#10;b"/><mention of="a b"/>"#, false),
        ("register", #"<person name="a&#13;&#10;b"/><mention of="a  b"/>"#, true),
        // A lone carriage return is one space; a tab another.
        ("register", #"<person name="a&#13;b"/><person name="a&#9;b"/>"#, false),
        // No-break space and line separator are not XML white space.
        ("register", #"<person name="a\#u{A0}b"/><mention of="a b"/>"#, false),
        ("register", #"<person name="a\#u{2028}b"/><person name="a b"/>"#, true),
    ])
    func keysCompareAsBytesAfterTheWhiteSpaceRule(root: String, content: String, valid: Bool) throws {
        let (schemaName, namespace) = root == "book" ? ("token-key.xsd", "urn:respect-test:token") : ("replace-key.xsd", "urn:respect-test:replace")
        let schema = try Self.screenedFixture(schemaName)
        let document = "<\(root) xmlns=\"\(namespace)\">" + content + "</\(root)>"
        let verdicts = try schema.verdicts(bytes: Self.bytes(document), sourceName: root + ".xml")
        #expect(verdicts.full == valid)
        #expect(verdicts.screen == valid)
    }

    /// Every example and generated submission, valid or not, plus each identity rule broken in
    /// turn: the screen passes exactly the documents the full schema finds valid.
    @Test func theScreenAgreesWithTheFullSubmissionSchema() throws {
        let schema = try Self.schema(.submission)
        var documents: [(name: String, bytes: [UInt8])] = []
        let folders = ["examples/submissions", "examples/tender/bids", "examples/invalid"]
        for folder in folders {
            let path = TestSupport.repositoryRoot.appendingPathComponent(folder).path
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where name.hasSuffix(".xml") {
                documents.append((folder + "/" + name, try Self.fileBytes(path + "/" + name)))
            }
        }
        let hostile = TestSupport.fixture("hostile")
        for name in try FileManager.default.contentsOfDirectory(atPath: hostile).sorted() where name.hasPrefix("duplicate-") || name.hasPrefix("unknown-") {
            documents.append(("hostile/" + name, try Self.fileBytes(hostile + "/" + name)))
        }
        let generator = CorpusGenerator(framework: try TestSupport.loader.loadFramework(
            contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml"), seed: 11)
        for number in 1...8 {
            documents.append(("generated-\(number)", Self.bytes(generator.submission(number: number).document)))
        }
        let achieved = try String(contentsOfFile: TestSupport.examplesDirectory + "/submissions/achieved.xml", encoding: .utf8)
        for (name, old, new) in Self.brokenIdentities {
            #expect(achieved.contains(old), "stale mutation \(name)")
            documents.append((name, Self.bytes(achieved.replacingOccurrences(of: old, with: new))))
        }

        var valid = 0
        var broken: [String] = []
        for document in documents {
            let verdicts: (screen: Bool?, full: Bool)
            do { verdicts = try schema.verdicts(bytes: document.bytes, sourceName: document.name) } catch { continue }
            #expect(verdicts.screen == verdicts.full, "\(document.name): screen \(String(describing: verdicts.screen)), full \(verdicts.full)")
            if verdicts.full { valid += 1 } else { broken.append(document.name) }
        }
        #expect(valid >= 17)  // 4 example submissions, 5 bids, 8 generated, the hostile "unknown-" ones
        for (name, _, _) in Self.brokenIdentities { #expect(broken.contains(name)) }
        #expect(broken.contains("hostile/duplicate-evidence-id.xml"))
    }

    /// Each identity rule of the submission schema, broken in the achieved example.
    static let brokenIdentities: [(String, String, String)] = [
        ("duplicate evidence id", #"<item id="gov-board-minutes-2026-03""#, #"<item id="gov-articles""#),
        ("duplicate fact id", #"<fact id="programme-contact-hours""#, #"<fact id="programme-duration-weeks""#),
        ("duplicate service type", #"<service type="one-to-one-behaviour-change""#, #"<service type="group-behaviour-change""#),
        ("fact from an unknown item", #"source="in-sessions-c16""#, #"source="in-sessions-c99""#),
    ]

    @Test func aBrokenIdentityIsStillExplainedInPlainWords() throws {
        let achieved = try String(contentsOfFile: TestSupport.examplesDirectory + "/submissions/achieved.xml", encoding: .utf8)
        let path = TestSupport.temporaryFile(achieved.replacingOccurrences(of: #"source="in-sessions-c16""#, with: #"source="in-sessions-c99""#))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        do {
            _ = try TestSupport.loader.loadSubmission(contentsOf: path)
            Issue.record("a fact citing an unknown evidence item loaded")
        } catch {
            let messages = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(messages.contains("'in-sessions-c99' on <fact> names something this file does not define"))
            #expect(messages.contains(path + ":"))
        }
    }
}

import Foundation
import RespectModel
@testable import RespectXML
import RespectTestSupport
import Testing

/// Pattern facets checked natively in the validation screen: the screen must pass exactly the
/// documents libxml2 finds valid against the full schema (which decides all the others).
@Suite struct PatternScreenTests {
    /// A fixture schema screened although it is not a shipped one, to test the screen itself.
    static func schema(_ name: String) throws -> XMLSchema {
        try XMLSchema(contentsOf: TestSupport.fixture("xml/identity/" + name), admitting: .anySchema)
    }

    /// The shipped submission schema, screened as a batch screens it.
    static func submissionSchema() throws -> XMLSchema {
        try IdentityScreenTests.screenedSchemas.schema(for: .submission)
    }

    @Test func theSubmissionSchemasStringPatternsAreCheckedNatively() throws {
        let schema = try Self.submissionSchema()
        // Date derives from xs:date, not xs:string: its pattern stays with libxml2.
        #expect(schema.nativePatternTypes == ["Identifier", "SHA256"])
    }

    @Test func aPatternUsedInAUnionStaysWithLibxml2() throws {
        let schema = try Self.schema("union-pattern.xsd")
        #expect(schema.nativePatternTypes.isEmpty)
        let verdicts = try schema.verdicts(bytes: Array(#"<codes xmlns="urn:respect-test:union"><code value="abc"/></codes>"#.utf8),
                                           sourceName: "codes.xml")
        #expect(verdicts.screen == nil)
        #expect(verdicts.full == false)
    }

    /// Each verdict here was taken from `xmllint --schema` on the same document.
    @Test(arguments: [
        (#"<entry code="a"/>"#, true),
        (#"<entry code="a b"/>"#, false),
        (#"<entry code="abcdefgh"/>"#, true),
        (#"<entry code="abcdefghi"/>"#, false),
        (#"<entry code="-a"/>"#, false),
        (#"<entry code="a" short="ab"/>"#, true),
        (#"<entry code="a" short="aB"/>"#, false),
        (##"<entry code="a" tag=" #ab "/>"##, true),
        (##"<entry code="a" tag="#a b"/>"##, false),
        (#"<entry code="a" also=" a  b.c "/>"#, true),
        (#"<entry code="a" also="a b!"/>"#, false),
        (#"<entry code="a"><refs> x y </refs></entry>"#, true),
        (#"<entry code="a"><refs>x <!-- c -->y!</refs></entry>"#, false),
        (#"<entry code="a"><refs>x<!-- c -->y</refs></entry>"#, true),
        // Token: white space collapsed byte by byte. CR LF and a lone CR are white space, a
        // no-break space is not, and a space before a combining mark still is.
        (##"<entry code="a" tag="&#13;&#10;#ab&#13;"/>"##, true),
        (##"<entry code="a" tag="#a\##u{A0}b"/>"##, true),
        (##"<entry code="a" tag="#a \##u{301}"/>"##, false),
        // Patterns match code points: "é" is one, "e" and five combining marks are six.
        (##"<entry code="a" tag="#\##u{E9}t\##u{E9}"/>"##, true),
        (##"<entry code="a" tag="#e\##u{301}\##u{301}\##u{301}\##u{301}\##u{301}"/>"##, false),
        (#"<entry code="a" short="caf\#u{E9}"/>"#, false),
        (#"<entry code="caf\#u{E9}"/>"#, false),
    ])
    func theScreenAgreesWithLibxml2(entry: String, valid: Bool) throws {
        let schema = try Self.schema("patterns.xsd")
        #expect(schema.nativePatternTypes == ["Code", "ShortCode", "Tag"])
        let document = #"<book xmlns="urn:respect-test:patterns">"# + entry + "</book>"
        let verdicts = try schema.verdicts(bytes: Array(document.utf8), sourceName: "book.xml")
        #expect(verdicts.full == valid)
        #expect(verdicts.screen == valid)
    }

    @Test func xsiTypeSendsTheDocumentToTheFullSchema() throws {
        let schema = try Self.schema("patterns.xsd")
        let document = #"<book xmlns="urn:respect-test:patterns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:p="urn:respect-test:patterns"><entry xsi:type="p:Entry" code="a"/></book>"#
        let verdicts = try schema.verdicts(bytes: Array(document.utf8), sourceName: "book.xml")
        #expect(verdicts.full == true)
        #expect(verdicts.screen == false)
    }

    /// Identifier and digest rules broken in the achieved example, one at a time.
    @Test(arguments: [
        (#"<item id="gov-articles""#, #"<item id="gov articles""#),
        (#"<item id="gov-articles""#, #"<item id="-gov-articles""#),
        (#"<item id="gov-articles""#, #"<item id=""# + String(repeating: "a", count: 81) + #"""#),
        (#"<service type="group-behaviour-change" risks="standard medium"/>"#, #"<service type="group-behaviour-change" risks="standard med!um"/>"#),
        (#"<fact id="programme-duration-weeks" unit="weeks""#, #"<fact id="programme-duration-weeks" unit="wee/ks""#),
        (#"<target framework="respect-standard""#, #"<target framework="respect standard""#),
    ])
    func aBrokenIdentifierIsCaught(old: String, new: String) throws {
        let schema = try Self.submissionSchema()
        let achieved = try String(contentsOfFile: TestSupport.examplesDirectory + "/submissions/achieved.xml", encoding: .utf8)
        #expect(achieved.contains(old))
        let verdicts = try schema.verdicts(bytes: Array(achieved.replacingOccurrences(of: old, with: new).utf8), sourceName: "achieved.xml")
        #expect(verdicts.full == false)
        #expect(verdicts.screen == false)
    }

    @Test func anIdentifierOfEightyCharactersPasses() throws {
        let schema = try Self.submissionSchema()
        let achieved = try String(contentsOfFile: TestSupport.examplesDirectory + "/submissions/achieved.xml", encoding: .utf8)
        let long = #"<item id=""# + String(repeating: "a", count: 80) + #"""#
        let verdicts = try schema.verdicts(bytes: Array(achieved.replacingOccurrences(of: #"<item id="gov-articles""#, with: long).utf8),
                                           sourceName: "achieved.xml")
        #expect(verdicts.full == true)
        #expect(verdicts.screen == true)
    }

    @Test(arguments: [
        ("[A-Za-z0-9][A-Za-z0-9._\\-]{0,79}", ["a", "a.b-c_d", "9"], ["", "-a", "a b", "é"]),
        ("[0-9a-f]{64}", [String(repeating: "0f", count: 32)], [String(repeating: "0F", count: 32), "00"]),
        ("#[^ #]{1,5}", ["#a", "#abcde"], ["#", "#abcdef", "# a", "##"]),
        ("a?b*c+", ["c", "abbcc", "bc"], ["", "ab", "aabc"]),
        ("x{2,}", ["xx", "xxxxx"], ["x", ""]),
        (".", ["a", "é"], ["\n", "ab", ""]),
        ("[+-]\\.", ["+.", "-."], ["+", "a."]),
    ])
    func patternsMatchWholeValues(pattern: String, matching: [String], notMatching: [String]) throws {
        let parsed = try #require(XSDPattern(pattern))
        for value in matching { #expect(parsed.matches(value), "\(pattern) should match \(value)") }
        for value in notMatching { #expect(!parsed.matches(value), "\(pattern) should not match \(value)") }
    }

    @Test(arguments: ["a|b", "(ab)", "\\d", "\\p{L}", "[a-z-[aeiou]]", "[a-z", "a{2,1}", "a{", "\\s+", "[]"])
    func patternsOutsideTheSubsetAreLeftToLibxml2(pattern: String) {
        #expect(XSDPattern(pattern) == nil)
    }
}

import Foundation
import RespectXML
import Testing

/// The precheck that bounds the attributes of a start tag (libxml2 2.9 compares them pairwise)
/// reads only start tags: comments, processing instructions and CDATA sections may hold any
/// number of `=` and `<`, and quoted attribute values any number of `>` and `=`.
@Suite struct InputPrecheckTests {
    /// What reading `text` gives: nil when it parsed (the chooser then refuses the unknown
    /// root, which proves the precheck and the parse passed), else the error.
    static func refusal(_ text: String) -> XMLInputError? {
        refusal(Array(text.utf8))
    }

    static func refusal(_ bytes: [UInt8]) -> XMLInputError? {
        do {
            _ = try XMLDocumentReader().read(bytes: bytes, sourceName: "memory.xml") { root in
                throw XMLInputError.unknownDocument(path: "memory.xml", element: root.localName, namespace: root.namespace)
            }
            Issue.record("the chooser was not reached")
            return nil
        } catch let error as XMLInputError {
            if case .unknownDocument = error { return nil }
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// The line of a "more than 256 attributes" refusal, or nil for any other outcome.
    static func crowdedTagLine(_ text: String) -> Int? {
        guard case .notWellFormed(let diagnostics) = refusal(text),
              let first = diagnostics.first, first.message.contains("more than 256 attributes") else { return nil }
        return first.location.line
    }

    /// A start tag with `count` attributes, each value holding `>` and `=` (and the other
    /// kind of quote).
    static func tag(attributes count: Int) -> String {
        "<item" + (0..<count).map { index in
            index.isMultiple(of: 2) ? #" a\#(index)="x>=y==>""# : #" a\#(index)='q"=>"'"#
        }.joined() + "/>"
    }

    @Test func aCommentHoldingThreeHundredEqualsSignsIsNotATag() {
        let text = "<catalog><!-- " + String(repeating: "=", count: 300) + " --></catalog>"
        #expect(Self.refusal(text) == nil)
    }

    @Test func aCommentHoldingATagWithThreeHundredAttributesIsNotATag() {
        let text = "<catalog>\n<!-- <item " + String(repeating: "a=\"1\" ", count: 300) + "/> --></catalog>"
        #expect(Self.refusal(text) == nil)
    }

    @Test func aProcessingInstructionFullOfEqualsSignsIsNotATag() {
        let text = "<?xml version=\"1.0\"?>\n<?note " + String(repeating: "x=y ", count: 300) + "<z=w> ?>\n<catalog/>"
        #expect(Self.refusal(text) == nil)
    }

    @Test func aCDATASectionFullOfEqualsSignsIsNotATag() {
        let text = "<catalog><![CDATA[" + String(repeating: "a=b ", count: 300) + "<c d=e>]]></catalog>"
        #expect(Self.refusal(text) == nil)
    }

    @Test func aUTF16CommentFullOfEqualsSignsIsNotATag() {
        let text = "<catalog><!-- " + String(repeating: "=", count: 300) + " --></catalog>"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Self.refusal(bytes) == nil)
    }

    @Test func quotedValuesMayHoldAngleBracketsAndEqualsSigns() {
        #expect(Self.crowdedTagLine("<catalog>\n" + Self.tag(attributes: 256) + "</catalog>") == nil)
        #expect(Self.crowdedTagLine("<catalog>\n" + Self.tag(attributes: 257) + "</catalog>") == 2)
    }

    @Test func aCrowdedTagAfterACommentIsStillRefusedAtItsLine() {
        let comment = "<!-- " + String(repeating: "= <a b=c> ", count: 100) + "-->\n"
        #expect(Self.crowdedTagLine("<catalog>\n" + comment + Self.tag(attributes: 257) + "</catalog>") == 3)
    }

    /// libxml2 leaves a comment at a character that is not XML (here U+0001) and parses what
    /// follows as markup: the precheck then reads the comment's content as tags.
    @Test func aCrowdedTagInACommentLibxml2StopsReadingIsStillRefused() {
        let text = "<catalog>\n<!-- \u{1} " + Self.tag(attributes: 257) + " --></catalog>"
        #expect(Self.crowdedTagLine(text) == 2)
    }

    @Test func aCrowdedTagInAnUnterminatedCommentIsStillRefused() {
        #expect(Self.crowdedTagLine("<catalog>\n<!-- " + Self.tag(attributes: 257) + "</catalog>") == 2)
    }

    /// `<?` without a target is not a processing instruction for libxml2, which goes on
    /// reading what follows as markup.
    @Test func aCrowdedTagAfterAProcessingInstructionWithoutATargetIsStillRefused() {
        #expect(Self.crowdedTagLine("<catalog>\n<? " + Self.tag(attributes: 257) + " ?></catalog>") == 2)
    }
}

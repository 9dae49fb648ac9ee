#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RespectCorpus

/// An attribute of an element, found in documents by name (values in double quotes, as every
/// example, generated file and fixture writes them).
struct AttributePlace: Sendable, Equatable {
    let element: String
    let attribute: String
}

/// Where a kind of document keeps the values the validation screen checks: keys, references
/// to keys, other patterned or text attributes, and elements whose text is a value.
struct DocumentShape: Sendable {
    var keys: [AttributePlace]
    /// Each reference with the key it refers to.
    var references: [(reference: AttributePlace, key: AttributePlace)]
    var values: [AttributePlace]
    var texts: [String]

    static let submission = DocumentShape(
        keys: [AttributePlace(element: "item", attribute: "id"), AttributePlace(element: "fact", attribute: "id"),
               AttributePlace(element: "service", attribute: "type")],
        references: [(AttributePlace(element: "fact", attribute: "source"), AttributePlace(element: "item", attribute: "id"))],
        values: [AttributePlace(element: "item", attribute: "type"), AttributePlace(element: "file", attribute: "sha256"),
                 AttributePlace(element: "provider", attribute: "name"), AttributePlace(element: "service", attribute: "risks"),
                 AttributePlace(element: "target", attribute: "framework")],
        texts: ["title", "supports"])

    static let crosswalk = DocumentShape(
        keys: [AttributePlace(element: "standard", attribute: "ref")], references: [],
        values: [AttributePlace(element: "indicator", attribute: "ref"), AttributePlace(element: "crosswalk", attribute: "id")],
        texts: ["note", "title"])

    /// `Tests/Fixtures/xml/identity/book.xml` (token-key.xsd).
    static let tokenBook = DocumentShape(
        keys: [AttributePlace(element: "entry", attribute: "code"), AttributePlace(element: "entry", attribute: "label")],
        references: [(AttributePlace(element: "link", attribute: "to"), AttributePlace(element: "entry", attribute: "code"))],
        values: [], texts: [])

    /// `Tests/Fixtures/xml/identity/register.xml` (replace-key.xsd).
    static let register = DocumentShape(
        keys: [AttributePlace(element: "person", attribute: "name")],
        references: [(AttributePlace(element: "mention", attribute: "of"), AttributePlace(element: "person", attribute: "name"))],
        values: [], texts: [])

    /// `Tests/Fixtures/xml/identity/patterned-book.xml` (patterns.xsd).
    static let patternedBook = DocumentShape(
        keys: [], references: [],
        values: ["code", "short", "tag", "also"].map { AttributePlace(element: "entry", attribute: $0) },
        texts: ["refs"])
}

/// One way to change a document's bytes, with a name for failure messages. Every mutation works
/// on UTF-8 bytes: Swift's `String` would merge a quote and a following combining mark into one
/// `Character` and miss the attribute.
struct DocumentMutation: Sendable {
    let name: String
    /// Changes `bytes`; false when the document has nothing this mutation applies to.
    let apply: @Sendable (inout [UInt8], DocumentShape, inout SplitMix64) -> Bool
}

/// A document as bytes, with the places mutations change.
extension Array where Element == UInt8 {
    /// The offsets at which `pattern` starts, in order.
    func offsets(of pattern: [UInt8], from start: Int = 0, to end: Int? = nil) -> [Int] {
        let end = Swift.min(end ?? count, count)
        var found: [Int] = []
        withUnsafeBytes { haystack in
            pattern.withUnsafeBytes { needle in
                guard let base = haystack.baseAddress, let first = needle.first else { return }
                var offset = start
                while offset + needle.count <= end, let hit = memchr(base + offset, Int32(first), end - offset) {
                    let position = UnsafeRawPointer(hit) - base
                    if position + needle.count > end { break }
                    if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { found.append(position) }
                    offset = position + 1
                }
            }
        }
        return found
    }

    /// The ranges of the values of `place` (between the quotes), in document order.
    func valueRanges(of place: AttributePlace) -> [Range<Int>] {
        let name = Array(("<" + place.element).utf8)
        let attribute = Array((place.attribute + "=\"").utf8)
        var ranges: [Range<Int>] = []
        for start in offsets(of: name) where start + name.count < count && self[start + name.count].isSpace {
            guard let tagEnd = offsets(of: [UInt8(ascii: ">")], from: start).first else { continue }
            for hit in offsets(of: attribute, from: start, to: tagEnd) where self[hit - 1].isSpace {
                let valueStart = hit + attribute.count
                guard let valueEnd = offsets(of: [UInt8(ascii: "\"")], from: valueStart, to: tagEnd + 1).first else { continue }
                ranges.append(valueStart..<valueEnd)
            }
        }
        return ranges
    }

    /// The ranges of the text of each `element` (between its tags; nothing nested).
    func textRanges(of element: String) -> [Range<Int>] {
        let open = Array("<\(element)>".utf8), close = Array("</\(element)>".utf8)
        return offsets(of: open).compactMap { start in
            let textStart = start + open.count
            guard let end = offsets(of: close, from: textStart).first,
                  offsets(of: [UInt8(ascii: "<")], from: textStart, to: end).isEmpty else { return nil }
            return textStart..<end
        }
    }

    /// The offset just after the root element's start tag.
    var afterRootStartTag: Int? {
        for start in offsets(of: [UInt8(ascii: "<")]) where start + 1 < count && self[start + 1].isLetter {
            return offsets(of: [UInt8(ascii: ">")], from: start).first.map { $0 + 1 }
        }
        return nil
    }
}

extension UInt8 {
    fileprivate var isSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    fileprivate var isLetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}

/// UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

import CLibXML2

/// A document's root element: its name and its attributes, read without parsing the rest.
public struct XMLRootElement: Sendable, Hashable {
    public var name: XMLRootName
    /// Attributes without a namespace, by local name (namespace declarations left out).
    public var attributes: [String: String]

    public init(name: XMLRootName, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }
}

/// Reads a document only as far as the root element's start tag: enough to tell what a file is
/// (a framework edition, its id and edition, what it supersedes) without parsing or validating
/// it. Used to index a standards folder cheaply; a file is parsed and validated in full only
/// when it is used.
///
/// The same hardened options as every parse (no network, no entity substitution); a document
/// with a DOCTYPE, or one whose bytes are not well-formed before the root's start tag ends,
/// has no root here.
public enum XMLRootScanner {
    /// The root element of `bytes`, or `nil` when there is none to read safely.
    public static func root(of bytes: [UInt8]) -> XMLRootElement? {
        LibXML.ensureInitialised()
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> XMLRootElement? in
            buffer.withMemoryRebound(to: CChar.self) { chars -> XMLRootElement? in
                guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), nil, nil,
                                                      LibXML.parseOptions) else { return nil }
                defer { xmlFreeTextReader(reader) }
                xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
                while xmlTextReaderRead(reader) == 1 {
                    switch xmlTextReaderNodeType(reader) {
                    case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                        return nil
                    case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                        return element(reader)
                    default:
                        continue
                    }
                }
                return nil
            }
        }
    }

    private static func element(_ reader: xmlTextReaderPtr) -> XMLRootElement {
        let name = XMLRootName(localName: LibXML.string(xmlTextReaderConstLocalName(reader)) ?? "",
                               namespace: LibXML.string(xmlTextReaderConstNamespaceUri(reader)))
        var attributes: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            guard xmlTextReaderIsNamespaceDecl(reader) == 0, xmlTextReaderConstNamespaceUri(reader) == nil,
                  let local = LibXML.string(xmlTextReaderConstLocalName(reader)) else { continue }
            attributes[local] = LibXML.string(xmlTextReaderConstValue(reader)) ?? ""
        }
        return XMLRootElement(name: name, attributes: attributes)
    }
}

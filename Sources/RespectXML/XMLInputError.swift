/// Why an input could not be read. `description` is the plain-words message a user sees and
/// always names the file (and line/column where known) and what was expected.
public enum XMLInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case fileNotFound(path: String)
    /// The path is not a regular file; `kind` is e.g. "a directory" or "a FIFO (named pipe)".
    case notARegularFile(path: String, kind: String)
    /// The file exists but could not be read; `reason` is the system's explanation.
    case unreadable(path: String, reason: String)
    /// The file holds no bytes.
    case empty(path: String)
    /// The file is bigger than `limit` bytes.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// Elements are nested more than `limit` levels deep.
    case tooDeep(location: SourceLocation, limit: Int)
    /// The file has more than `limit` elements; `location` is the first one over the limit.
    case tooManyElements(location: SourceLocation, limit: Int)
    /// The file has more of one element than its cap allows; `location` is the first one over.
    case overCap(location: SourceLocation, cap: ElementCap)
    /// The file has a DOCTYPE declaration, which is refused.
    case doctypeNotAllowed(location: SourceLocation)
    /// The file is not well-formed XML; all parser errors for the document.
    case notWellFormed([XMLDiagnostic])
    /// The document breaks its XML schema; every violation, each located.
    case notValid([XMLDiagnostic])
    /// The root element is none of the known document kinds.
    case unknownDocument(path: String, element: String, namespace: String?)
    /// An XML schema (XSD) could not be loaded or compiled.
    case schemaUnusable(path: String, [XMLDiagnostic])

    /// Located problems; cases without a list give one diagnostic.
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case .notWellFormed(let list), .notValid(let list): return list
        case .schemaUnusable(let path, let list):
            return list.isEmpty ? [XMLDiagnostic(location: SourceLocation(file: path, line: 0), message: summary)] : list
        default: return [XMLDiagnostic(location: location, message: summary)]
        }
    }

    /// The message a user sees.
    public var description: String {
        switch self {
        case .notWellFormed(let list), .notValid(let list):
            return Self.listing(header: "\(location): \(summary)", list)
        case .schemaUnusable(_, let list):
            return Self.listing(header: "\(location): \(summary)", list)
        default:
            return "\(location): \(summary)"
        }
    }

    /// The file (and line) the error is about.
    var location: SourceLocation {
        switch self {
        case .fileNotFound(let path), .notARegularFile(let path, _), .unreadable(let path, _),
             .empty(let path), .tooLarge(let path, _, _), .unknownDocument(let path, _, _),
             .schemaUnusable(let path, _):
            return SourceLocation(file: path, line: 0)
        case .tooDeep(let location, _), .tooManyElements(let location, _), .overCap(let location, _),
             .doctypeNotAllowed(let location):
            return location
        case .notWellFormed(let list), .notValid(let list):
            return SourceLocation(file: list.first?.location.file ?? "input", line: 0)
        }
    }

    /// What went wrong and what was expected, without the location.
    private var summary: String {
        switch self {
        case .fileNotFound:
            return "file not found; expected an XML file at this path"
        case .notARegularFile(_, let kind):
            return "this is \(kind), not a regular file; expected an XML file"
        case .unreadable(_, let reason):
            return "the file cannot be read (\(reason)); expected a readable XML file"
        case .empty:
            return "the file is empty; expected an XML document"
        case .tooLarge(_, let bytes, let limit):
            return "the file is \(bytes) bytes, over the limit of \(limit) bytes; "
                + "if the file is genuine, raise the limit with --max-file-size"
        case .tooDeep(_, let limit):
            return "elements are nested more than \(limit) levels deep; "
                + "if the file is genuine, raise the limit with --max-depth"
        case .tooManyElements(_, let limit):
            return "the file has more than \(limit) elements; "
                + "if the file is genuine, raise the limit with --max-elements"
        case .overCap(_, let cap):
            return cap.summary
        case .doctypeNotAllowed:
            return "DOCTYPE declarations (DTDs, entities) are not allowed in these files; "
                + "remove the <!DOCTYPE …> declaration"
        case .notWellFormed:
            return "the file is not well-formed XML; expected a well-formed XML document"
        case .notValid:
            return "the document does not follow its XML schema"
        case .unknownDocument(_, let element, let namespace):
            let name = namespace.map { "<\(element)> in namespace \($0)" } ?? "<\(element)> with no namespace"
            return "the root element \(name) is not one of the known document kinds"
        case .schemaUnusable:
            return "the XML schema could not be loaded"
        }
    }

    private static func listing(header: String, _ list: [XMLDiagnostic]) -> String {
        var text = header
        for diagnostic in list { text += "\n  \(diagnostic)" }
        return text
    }
}

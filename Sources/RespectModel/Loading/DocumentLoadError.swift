public import RespectXML

/// Why a framework or submission could not be loaded. `description` is what a user sees: every
/// problem with its file, line and what was expected.
public enum DocumentLoadError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read, parsed or validated against its XSD.
    case input(XMLInputError)
    /// The file is valid XML of another kind than the command needs.
    case wrongKind(path: String, expected: DocumentKind, found: DocumentKind)
    /// The file passed its XSD but contradicts itself or its framework.
    case inconsistent([XMLDiagnostic])
    /// No installed framework matches a reference such as `respect-standard@2012`.
    case notInstalled(reference: String, directory: String, installed: [String])
    /// A bare framework id names several installed editions; the user must pick one.
    case ambiguousEdition(reference: String, directory: String, editions: [String])

    public var description: String {
        switch self {
        case .input(let error) where error.isUnknownDocument:
            return error.description + Self.expectedKinds
        case .input(let error):
            return error.description
        case .wrongKind(let path, let expected, let found):
            return "\(path): this is a \(found.rawValue) file; expected a \(expected.rawValue) file"
        case .inconsistent(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case .notInstalled(let reference, let directory, let installed):
            let list = installed.isEmpty ? "none" : installed.joined(separator: ", ")
            return "framework \(reference) is not installed in \(directory); installed: \(list). Add its file to that folder, or pass --framework FILE or --framework ID@EDITION"
        case .ambiguousEdition(let reference, let directory, let editions):
            return "framework \(reference) has several editions installed in \(directory): \(editions.joined(separator: ", ")); name one as ID@EDITION"
        }
    }

    /// The located problems behind the error.
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case .input(let error) where error.isUnknownDocument:
            error.diagnostics.map { XMLDiagnostic(location: $0.location, message: $0.message + Self.expectedKinds) }
        case .input(let error): error.diagnostics
        case .wrongKind(let path, let expected, let found):
            [XMLDiagnostic(location: SourceLocation(file: path, line: 0), message: "this is a \(found.rawValue) file; expected a \(expected.rawValue) file")]
        case .inconsistent(let problems): problems
        case .notInstalled(_, let directory, _), .ambiguousEdition(_, let directory, _):
            [XMLDiagnostic(location: SourceLocation(file: directory, line: 0), message: description)]
        }
    }

    /// True when the input does not exist (sysexits EX_NOINPUT rather than EX_DATAERR).
    public var isMissingInput: Bool {
        switch self {
        case .input(.fileNotFound), .notInstalled, .ambiguousEdition: return true
        default: return false
        }
    }
}

extension DocumentLoadError {
    /// "; expected <framework> in urn:…, …": the document kinds the engine reads.
    static var expectedKinds: String {
        "; expected one of: " + DocumentKind.allCases.map { "<\($0.rootElement)> in namespace \($0.namespace)" }.joined(separator: ", ")
    }
}

extension XMLInputError {
    var isUnknownDocument: Bool {
        if case .unknownDocument = self { return true }
        return false
    }
}

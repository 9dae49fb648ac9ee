import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `multipart/form-data` bodies (RFC 7578) that are already in memory, within limits: at
/// most `maximumParts` parts, each part's headers at most `maximumHeaderBytes`, and text fields
/// at most `maximumFieldBytes` each. A body that breaks the format or a limit is refused with
/// `MultipartFormError`, and nothing from it is used.
enum MultipartForm {
    static let maximumParts = 200
    static let maximumHeaderBytes = 4 * 1024
    static let maximumFieldBytes = 64 * 1024

    /// The boundary a `Content-Type: multipart/form-data; boundary=…` header names.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = parts.first, kind.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws(MultipartFormError) -> PageForm {
        let delimiter = Array(("--" + boundary).utf8)
        let separator = Array(("\r\n--" + boundary).utf8)
        guard body.starts(with: delimiter) else { throw .malformed("the body does not start with its boundary") }
        var form = PageForm()
        var position = delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: Array("--".utf8)) { return form }
            guard body[position...].starts(with: [13, 10]) else { throw .malformed("expected a line break after the boundary") }
            position += 2
            guard form.fields.count + form.files.count < maximumParts else { throw .tooManyParts }
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: position, within: maximumHeaderBytes) else {
                throw .malformed("a part's headers do not end within \(maximumHeaderBytes) bytes")
            }
            let headers = try Self.headers(Array(body[position..<headerEnd]))
            let contentStart = headerEnd + 4
            guard let contentEnd = find(separator, in: body, from: contentStart, within: body.count) else {
                throw .malformed("a part does not end with the boundary")
            }
            let content = Array(body[contentStart..<contentEnd])
            if let fileName = headers.fileName {
                // A file input left empty comes as filename="" with no content: no file.
                if fileName.isEmpty && content.isEmpty {
                    position = contentEnd + separator.count
                    guard position <= body.count else { throw .malformed("the body ends inside a boundary") }
                    continue
                }
                form.files.append(UploadedFile(fieldName: headers.name, fileName: cleanFileName(fileName),
                                               mediaType: headers.contentType ?? "application/octet-stream", bytes: content))
            } else {
                guard content.count <= maximumFieldBytes else { throw .fieldTooLarge(headers.name) }
                form.fields.append((headers.name, String(decoding: content, as: UTF8.self)))
            }
            position = contentEnd + separator.count
            guard position <= body.count else { throw .malformed("the body ends inside a boundary") }
        }
    }

    struct PartHeaders {
        var name: String
        var fileName: String?
        var contentType: String?
    }

    static func headers(_ bytes: [UInt8]) throws(MultipartFormError) -> PartHeaders {
        var name: String?
        var fileName: String?
        var contentType: String?
        for line in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("a part header has no colon") }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "content-disposition":
                let parameters = dispositionParameters(value)
                name = parameters["name"]
                fileName = parameters["filename"]
            case "content-type":
                contentType = value
            default:
                continue
            }
        }
        guard let name, !name.isEmpty else { throw .malformed("a part has no name") }
        return PartHeaders(name: name, fileName: fileName, contentType: contentType)
    }

    /// `form-data; name="a"; filename="b.pdf"` → ["name": "a", "filename": "b.pdf"]; quoted
    /// values may contain `;` and escaped quotes.
    static func dispositionParameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var characters = Substring(value)
        // Skip the disposition type.
        guard let first = characters.firstIndex(of: ";") else { return [:] }
        characters = characters[characters.index(after: first)...]
        while !characters.isEmpty {
            characters = characters.drop { $0 == " " || $0 == ";" }
            guard let equals = characters.firstIndex(of: "=") else { break }
            let key = characters[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            characters = characters[characters.index(after: equals)...]
            var parsed = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var escaped = false
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if escaped { parsed.append(character); escaped = false; continue }
                    if character == "\\" { escaped = true; continue }
                    if character == "\"" { break }
                    parsed.append(character)
                }
            } else {
                let end = characters.firstIndex(of: ";") ?? characters.endIndex
                parsed = characters[..<end].trimmingCharacters(in: .whitespaces)
                characters = characters[end...]
            }
            result[key] = parsed
        }
        return result
    }

    /// The last path component of a file name a browser sent, without control characters, at
    /// most 255 bytes; "upload" when nothing is left.
    static func cleanFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        if cleaned == "." || cleaned == ".." { cleaned = "" }
        while cleaned.utf8.count > 255 { cleaned.removeLast() }
        return cleaned.isEmpty ? "upload" : cleaned
    }

    /// The index where `needle` starts in `haystack` at or after `start`, looking no further
    /// than `within` bytes past `start` (memchr and memcmp: a 32 MiB upload is searched in
    /// milliseconds).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, within: Int) -> Int? {
        let end = min(haystack.count, start + within + needle.count)
        guard start >= 0, end - start >= needle.count, let first = needle.first else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            needle.withUnsafeBytes { pin -> Int? in
                guard let base = hay.baseAddress, let pattern = pin.baseAddress else { return nil }
                var position = start
                let last = end - needle.count
                while position <= last {
                    guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return nil }
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, pattern, needle.count) == 0 { return index }
                    position = index + 1
                }
                return nil
            }
        }
    }
}

/// Why a multipart body was refused.
enum MultipartFormError: Error, Sendable, CustomStringConvertible {
    case malformed(String)
    case tooManyParts
    case fieldTooLarge(String)

    var description: String {
        switch self {
        case .malformed(let why): "the multipart form cannot be read: \(why)"
        case .tooManyParts: "the multipart form has more than \(MultipartForm.maximumParts) parts"
        case .fieldTooLarge(let name): "the field '\(name)' is longer than \(MultipartForm.maximumFieldBytes) bytes"
        }
    }
}

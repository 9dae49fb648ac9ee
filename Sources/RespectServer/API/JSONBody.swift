import Foundation
import Hummingbird
import NIOCore

/// JSON in and out: sorted keys and ISO 8601 dates, the same encoding for every answer.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return raw(Array(try encoder.encode(value)), status: status)
    }

    /// Bytes that are JSON already (a report rendered by `JSONReport`).
    static func raw(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// JSON already encoded, sent from `data` in slices: a large result (a heavy submission's
    /// is tens of megabytes) is never copied whole into a second buffer to be sent.
    static func raw(_ data: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let slice = 256 * 1024
        guard data.count > slice else {
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        let body = ResponseBody(contentLength: data.count) { writer in
            var start = data.startIndex
            while start < data.endIndex {
                let end = data.index(start, offsetBy: slice, limitedBy: data.endIndex) ?? data.endIndex
                try await writer.write(ByteBuffer(bytes: data[start..<end]))
                start = end
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: fields, body: body)
    }

    /// Reads a JSON request body of at most `limit` bytes as `Value`.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int) async throws -> Value {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false else {
            throw ServiceError(.unsupportedMediaType, detail: "expected a body of type application/json")
        }
        let bytes = try await BodyReader.read(request, limit: limit)
        // No field takes a NUL, and some databases refuse one in text.
        if String(decoding: bytes, as: UTF8.self).range(of: "\\u0000", options: .caseInsensitive) != nil {
            throw ServiceError(.badRequest, detail: "the body holds a NUL character (\\u0000), which no field accepts")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw ServiceError(.badRequest, detail: Self.describe(error))
        }
    }

    /// What a decoding error expected, and where.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "the body" : "'" + keys.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): expected a field '\(key.stringValue)'"
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "the body is not the JSON expected"
        }
    }
}

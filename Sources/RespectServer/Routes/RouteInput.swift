import Foundation
import Hummingbird
import RespectModel
import RespectStore

/// Reading what a request gives: path parameters, query values, the signed-in user.
extension RespectRequestContext {
    /// The signed-in user; routes that need one are only reached signed in (`Route.Access`).
    var user: UserAccount {
        get throws {
            guard let user = signedIn?.user else { throw ServiceError(.signInRequired) }
            return user
        }
    }

    /// A numeric path parameter; anything else names nothing, so 404.
    func id(_ name: String) throws -> Int64 {
        guard let value = parameters.get(name, as: Int64.self) else { throw ServiceError.notFound }
        return value
    }

    func number(_ name: String) throws -> Int {
        guard let value = parameters.get(name, as: Int.self) else { throw ServiceError.notFound }
        return value
    }
}

extension Request {
    /// A query value, `nil` when absent or empty.
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// An as-of date given as `?asOf=YYYY-MM-DD`.
    func asOfDate() throws -> CalendarDate? {
        guard let text = query("asOf") else { return nil }
        guard let date = CalendarDate(text) else {
            throw ServiceError(.badRequest, detail: "asOf '\(text)' is not a date; expected YYYY-MM-DD")
        }
        return date
    }

    /// The file name an upload names (`?name=`), as given: kept as a label, never used as a path.
    func uploadName(default name: String) throws -> String {
        guard let given = query("name") else { return name }
        guard given.utf8.count <= 255, !given.contains("\0"), !given.contains(where: \.isNewline) else {
            throw ServiceError(.badRequest, detail: "name: expected at most 255 bytes without NUL or line breaks")
        }
        return given
    }
}

/// Store calls with their errors turned into the service's.
extension WebService {
    func run<Value>(_ body: () async throws(ServiceStoreError) -> Value) async throws(ServiceError) -> Value {
        do {
            return try await body()
        } catch {
            throw ServiceError(error)
        }
    }
}

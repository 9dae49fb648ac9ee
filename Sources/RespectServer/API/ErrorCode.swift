import Hummingbird
import RespectAssessment
import RespectStore

/// The stable codes of the API's errors, and the one place that says which HTTP status each
/// failure gets: the engine's `FailureKind`s and the store's errors are mapped here and
/// nowhere else. The words for each code are in the catalogue (`error.CODE`).
enum ErrorCode: String, Sendable, CaseIterable {
    case badRequest = "bad-request"
    case signInRequired = "sign-in-required"
    case signInRefused = "sign-in-refused"
    case throttled
    case csrfRefused = "csrf-refused"
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    case tooLarge = "too-large"
    case unsupportedMediaType = "unsupported-media-type"
    case badData = "bad-data"
    case missingInput = "missing-input"
    case conflict
    case refused
    case unavailable
    /// Too many large uploads at once (`UploadMemory`): answered with `Retry-After`.
    case busy
    case internalError = "internal-error"

    var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .signInRequired, .signInRefused: .unauthorized
        case .throttled: .tooManyRequests
        case .csrfRefused: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .badData, .missingInput: .unprocessableContent
        case .conflict, .refused: .conflict
        case .unavailable, .busy: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    /// The code of an engine failure.
    init(_ kind: FailureKind) {
        switch kind {
        case .badData: self = .badData
        // An edition that is not installed, or nothing to read: the request cannot be met.
        case .missingInput: self = .missingInput
        case .usage: self = .badRequest
        case .cannotWrite: self = .unavailable
        case .internalError: self = .internalError
        }
    }

    /// The code of a store failure.
    init(_ error: ServiceStoreError) {
        switch error {
        case .unavailable: self = .unavailable
        case .failed: self = .internalError
        case .duplicate: self = .conflict
        // A record the change needs is not there, as far as this user can tell.
        case .missing: self = .notFound
        case .refused: self = .refused
        }
    }
}

/// An error the server answers with: a code, and what went wrong in detail when it helps
/// (an engine's located problems, the store's refusal). Never names a record the user may not see.
struct ServiceError: Error, Sendable {
    var code: ErrorCode
    /// The specific problem, shown after the code's message.
    var detail: String?
    /// Located problems (file:line: message), for bad data.
    var problems: [String]
    /// What went wrong inside (a store failure's own words), for the server's log only: never
    /// sent to a client.
    var cause: String?

    init(_ code: ErrorCode, detail: String? = nil, problems: [String] = []) {
        self.code = code
        self.detail = detail
        self.problems = problems
    }

    static let notFound = ServiceError(.notFound)

    init(_ failure: AssessmentFailure) {
        self.init(failure.error)
    }

    init(_ error: AssessmentError) {
        self.init(ErrorCode(error.kind), detail: error.description, problems: error.diagnostics.map(\.description))
    }

    init(_ error: ServiceStoreError) {
        let code = ErrorCode(error)
        switch code {
        // Said in detail only where it tells the user nothing they may not know.
        case .conflict, .refused: self.init(code, detail: error.description)
        default:
            self.init(code)
            cause = error.description
        }
    }
}

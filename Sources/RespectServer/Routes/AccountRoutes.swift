import Foundation
import Hummingbird
import RespectStore

/// Tokens, the signed-in user, organisations and users (the admin API).
enum AccountRoutes {
    static let routes: [Route] = [
        Route(.post, "/api/v1/tokens", "createToken", .anyone) { request, context, service in
            let user = try await tokenOwner(request, context: context, service: service)
            let body = request.headers[.contentType] == nil
                ? TokenRequest(label: nil) : try await JSONBody.decode(TokenRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            let (token, record) = try await account { () async throws(AccountError) in
                try await service.accounts.createToken(for: user, label: body.label ?? "API token",
                                                       by: .user(user, address: context.clientAddress))
            }
            return try JSONBody.response(CreatedToken(token: token, record: record), status: .created)
        },
        Route(.delete, "/api/v1/tokens/{id}", "revokeToken", .everyRole) { _, context, service in
            let user = try context.user
            let id = try context.id("id")
            let revoked = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.revokeToken(id: id, userID: user.id, at: service.now, by: context.author)
            }
            try AccessPolicy.require(revoked)
            return Response(status: .noContent)
        },
        Route(.get, "/api/v1/me", "me", .everyRole) { _, context, _ in
            try JSONBody.response(try context.user)
        },
        Route(.get, "/api/v1/organisations", "listOrganisations", .everyRole) { _, context, service in
            let policy = AccessPolicy(user: try context.user)
            let all = try await service.run { () async throws(ServiceStoreError) in try await service.store.organisations() }
            return try JSONBody.response(all.filter(policy.canSee))
        },
        Route(.post, "/api/v1/organisations", "addOrganisation", .roles([.admin])) { request, context, service in
            let body = try await JSONBody.decode(NewOrganisationRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            let added = try await account { () async throws(AccountError) in
                try await service.accounts.addOrganisation(number: body.registeredNumber, name: body.name, kind: body.kind,
                                                           by: context.author)
            }
            return try JSONBody.response(added, status: .created)
        },
        Route(.get, "/api/v1/organisations/{number}", "getOrganisation", .everyRole) { _, context, service in
            let policy = AccessPolicy(user: try context.user)
            guard let number = context.parameters.get("number").flatMap(RegisteredNumber.init) else { throw ServiceError.notFound }
            let found = try await service.run { () async throws(ServiceStoreError) in try await service.store.organisation(number) }
            guard let found, policy.canSee(found) else { throw ServiceError.notFound }
            return try JSONBody.response(found)
        },
        Route(.get, "/api/v1/users", "listUsers", .roles([.admin])) { _, _, service in
            try JSONBody.response(try await service.run { () async throws(ServiceStoreError) in try await service.store.users() })
        },
        Route(.post, "/api/v1/users", "addUser", .roles([.admin])) { request, context, service in
            let body = try await JSONBody.decode(NewUserRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            let added = try await account { () async throws(AccountError) in
                try await service.accounts.addUser(email: body.email, role: body.role, organisation: body.organisation,
                                                   password: body.password, by: context.author)
            }
            return try JSONBody.response(added, status: .created)
        },
        Route(.get, "/api/v1/users/{id}", "getUser", .roles([.admin])) { _, context, service in
            let id = try context.id("id")
            let user = try await service.run { () async throws(ServiceStoreError) in try await service.store.user(id: id) }
            guard let user else { throw ServiceError.notFound }
            return try JSONBody.response(user)
        },
        Route(.patch, "/api/v1/users/{id}", "changeUser", .roles([.admin])) { request, context, service in
            let id = try context.id("id")
            let body = try await JSONBody.decode(UserChangeRequest.self, from: request, limit: service.configuration.maxJSONBytes)
            let changed = try await account { () async throws(AccountError) in
                try await service.accounts.changeUser(id: id, disabled: body.disabled, password: body.password, by: context.author)
            }
            return try JSONBody.response(changed)
        },
    ]

    /// Who a new token is for: the user of an HTTP Basic email and password (checked and
    /// throttled as a sign-in is), else the user already signed in.
    static func tokenOwner(_ request: Request, context: RespectRequestContext, service: WebService) async throws -> UserAccount {
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("basic ") {
            guard let decoded = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                  let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") else {
                throw ServiceError(.badRequest, detail: "Authorization: expected Basic with base64 of email:password")
            }
            return try await service.accounts.verify(email: String(text[..<colon]), password: String(text[text.index(after: colon)...]),
                                                     address: context.clientAddress)
        }
        return try context.user
    }

    /// Runs an account use case, its errors turned into the service's.
    static func account<Value>(_ body: () async throws(AccountError) -> Value) async throws(ServiceError) -> Value {
        do {
            return try await body()
        } catch {
            switch error {
            case .invalid(let message): throw ServiceError(.badRequest, detail: message)
            case .store(let error): throw ServiceError(error)
            }
        }
    }
}

struct TokenRequest: Decodable {
    var label: String?
}

/// A token as created: the token itself is shown this once.
struct CreatedToken: Encodable {
    var token: String
    var record: APITokenRecord

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(token, forKey: .token)
    }

    enum CodingKeys: String, CodingKey { case token }
}

struct NewOrganisationRequest: Decodable {
    var registeredNumber: String
    var name: String
    var kind: OrganisationKind
}

struct NewUserRequest: Decodable {
    var email: String
    var role: Role
    var organisation: String?
    var password: String
}

struct UserChangeRequest: Decodable {
    var disabled: Bool?
    var password: String?
}

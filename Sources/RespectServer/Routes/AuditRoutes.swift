import Foundation
import Hummingbird
import RespectStore

/// The audit log, newest first, for admins and assessors.
enum AuditRoutes {
    static let routes: [Route] = [
        Route(.get, "/api/v1/audit", "listAuditEntries", .roles([.admin, .assessor])) { request, _, service in
            var query = AuditQuery(limit: min(Int(request.query("limit") ?? "") ?? 100, 1000))
            query.before = request.query("before").flatMap { Int64($0) }
            query.organisation = request.query("organisation").flatMap(RegisteredNumber.init)
            query.subjectKind = request.query("kind")
            return try JSONBody.response(try await service.run { () async throws(ServiceStoreError) in
                try await service.store.auditEntries(query)
            })
        },
    ]
}

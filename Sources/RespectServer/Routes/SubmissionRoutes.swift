import Foundation
import Hummingbird
import NIOCore
import RespectModel
import RespectReports
import RespectStore

/// A provider's submissions and their versions: upload, list, read, assess, submit.
enum SubmissionRoutes {
    static let providersAndAssessors = Route.Access.roles([.provider, .assessor])

    static let routes: [Route] = [
        Route(.get, "/api/v1/submissions", "listSubmissions", providersAndAssessors) { _, context, service in
            let user = try context.user
            let list = try await service.run { () async throws(ServiceStoreError) in
                if user.role == .assessor { return try await service.store.submittedSubmissions() }
                guard let organisation = user.organisation else { return [] }
                return try await service.store.submissions(of: organisation)
            }
            return try JSONBody.response(list)
        },
        Route(.post, "/api/v1/submissions", "createSubmission", .roles([.provider])) { request, context, service in
            let user = try context.user
            guard let organisation = user.organisation else { throw ServiceError.notFound }
            let (version, _) = try await newVersion(request, user: user, organisation: organisation, service: service)
            let title = request.query("title") ?? version.fileName
            let (submission, first) = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.createSubmission(organisation: organisation, title: title, firstVersion: version,
                                                         by: context.author)
            }
            return try JSONBody.response(CreatedSubmission(submission: submission, version: first), status: .created)
        },
        Route(.get, "/api/v1/submissions/{id}", "getSubmission", providersAndAssessors) { _, context, service in
            try JSONBody.response(try await service.submission(try context.id("id"), for: try context.user))
        },
        Route(.get, "/api/v1/submissions/{id}/versions", "listVersions", providersAndAssessors) { _, context, service in
            let user = try context.user
            let submission = try await service.submission(try context.id("id"), for: user)
            let versions = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.versions(submissionID: submission.id)
            }
            return try JSONBody.response(versions.filter { AccessPolicy(user: user).canSee($0, of: submission) })
        },
        Route(.post, "/api/v1/submissions/{id}/versions", "addVersion", .roles([.provider])) { request, context, service in
            let user = try context.user
            let submission = try await service.submission(try context.id("id"), for: user, changing: true)
            let (version, _) = try await newVersion(request, user: user, organisation: submission.organisation, service: service)
            let added = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.addVersion(submissionID: submission.id, version, by: context.author)
            }
            return try JSONBody.response(added, status: .created)
        },
        Route(.get, "/api/v1/submissions/{id}/versions/{number}", "getVersion", providersAndAssessors) { _, context, service in
            try JSONBody.response(try await service.version(try context.id("id"), try context.number("number"), for: try context.user).1)
        },
        Route(.get, "/api/v1/submissions/{id}/versions/{number}/file", "getVersionFile", providersAndAssessors) { _, context, service in
            let (_, version) = try await service.version(try context.id("id"), try context.number("number"), for: try context.user)
            return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await service.bytes(of: version.sha256))))
        },
        Route(.get, "/api/v1/submissions/{id}/versions/{number}/result", "getVersionResult", providersAndAssessors) { request, context, service in
            let (submission, version) = try await service.version(try context.id("id"), try context.number("number"), for: try context.user)
            let assessment = try await service.assess(version, of: submission, asOf: try request.asOfDate())
            return JSONBody.raw(Array(try JSONReport.render(assessment).utf8))
        },
        Route(.get, "/api/v1/submissions/{id}/versions/{number}/report.html", "getVersionReport", providersAndAssessors) { request, context, service in
            let (submission, version) = try await service.version(try context.id("id"), try context.number("number"), for: try context.user)
            let assessment = try await service.assess(version, of: submission, asOf: try request.asOfDate())
            return PageResponse.html(HTMLCheckReport().render(assessment))
        },
        Route(.post, "/api/v1/submissions/{id}/versions/{number}/submit", "submitVersion", .roles([.provider])) { _, context, service in
            let user = try context.user
            let submission = try await service.submission(try context.id("id"), for: user, changing: true)
            let number = try context.number("number")
            let submitted = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.submitVersion(submissionID: submission.id, number: number, at: service.now, by: context.author)
            }
            return try JSONBody.response(submitted)
        },
    ]

    /// A version from an uploaded submission XML (`?name=` names it), checked to be a valid
    /// submission of the uploader's organisation.
    static func newVersion(_ request: Request, user: UserAccount, organisation: RegisteredNumber,
                           service: WebService) async throws -> (NewVersion, NewVersionFacts) {
        let bytes = try await BodyReader.read(request, limit: service.configuration.maxXMLBytes)
        let name = try request.uploadName(default: "submission.xml")
        let facts = try await service.withinBudget(bytes: bytes.count) {
            try service.readSubmission(bytes, name: name, organisation: organisation)
        }
        return (NewVersion(content: FileContent(bytes), fileName: name, providerName: facts.providerName, framework: facts.framework,
                           asOf: facts.asOf, uploadedBy: user.id, uploadedAt: service.now), facts)
    }
}

/// A submission as created, with its first version.
struct CreatedSubmission: Encodable {
    var submission: SubmissionRecord
    var version: SubmissionVersion
}

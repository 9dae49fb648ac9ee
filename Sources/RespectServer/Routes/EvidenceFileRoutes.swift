import Foundation
import Hummingbird
import NIOCore
import RespectStore

/// Evidence files of a submission, kept by SHA-256: uploaded by its provider, read by whoever
/// may see the submission.
enum EvidenceFileRoutes {
    static let routes: [Route] = [
        Route(.post, "/api/v1/submissions/{id}/files", "uploadEvidenceFile", .roles([.provider])) { request, context, service in
            let user = try context.user
            let submission = try await service.submission(try context.id("id"), for: user, changing: true)
            let bytes = try await BodyReader.read(request, limit: service.configuration.maxEvidenceFileBytes)
            let name = try request.uploadName(default: "evidence")
            let mediaType = request.headers[.contentType] ?? "application/octet-stream"
            let file = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.addEvidenceFile(submissionID: submission.id, content: FileContent(bytes), fileName: name,
                                                        mediaType: mediaType, at: service.now, by: context.author)
            }
            return try JSONBody.response(file, status: .created)
        },
        Route(.get, "/api/v1/submissions/{id}/files", "listEvidenceFiles", SubmissionRoutes.providersAndAssessors) { _, context, service in
            let submission = try await service.submission(try context.id("id"), for: try context.user)
            return try JSONBody.response(try await service.run { () async throws(ServiceStoreError) in
                try await service.store.evidenceFiles(submissionID: submission.id)
            })
        },
        Route(.get, "/api/v1/submissions/{id}/files/{sha256}", "getEvidenceFile", SubmissionRoutes.providersAndAssessors) { _, context, service in
            let submission = try await service.submission(try context.id("id"), for: try context.user)
            let digest = context.parameters.get("sha256") ?? ""
            let file = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.evidenceFile(submissionID: submission.id, sha256: digest)
            }
            guard let file else { throw ServiceError.notFound }
            // Served as a download, never rendered in the service's own origin.
            return Response(status: .ok,
                            headers: [.contentType: "application/octet-stream",
                                      .contentDisposition: "attachment; filename=\"\(file.sha256)\""],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await service.bytes(of: file.sha256))))
        },
    ]
}

import Foundation
import Hummingbird
import RespectAssessment
import RespectModel
import RespectReports
import RespectStore

/// `POST /api/v1/check`: a submission XML in, `respect check --format json`'s JSON out (with the
/// path to the next verdict), byte for byte, with a link to its HTML report (`Link: <…>; rel="report"`), which only the caller reads.
enum CheckRoutes {
    static let routes: [Route] = [
        Route(.post, "/api/v1/check", "check", .everyRole) { request, context, service in
            let user = try context.user
            let bytes = try await BodyReader.read(request, limit: service.configuration.maxXMLBytes)
            let name = try request.uploadName(default: "submission.xml")
            let asOf = try request.asOfDate()
            let (json, record) = try await service.withinBudget(bytes: bytes.count) {
                let checked: SubmissionAssessment
                do {
                    checked = try service.engine.plan(AssessmentRequest(submission: .bytes(bytes, name: name),
                                                                          asOf: asOf, today: service.today))
                } catch let error as AssessmentFailure {
                    throw ServiceError(error)
                }
                // Recorded first, so the upload's bytes are let go before its result is encoded.
                let record = try await service.run { () async throws(ServiceStoreError) in
                    try await service.store.recordCheck(userID: user.id, content: FileContent(bytes), fileName: name,
                                                        asOf: checked.asOf.description, at: service.now, by: context.author)
                }
                return (try JSONReport.renderData(checked.assessment), record)
            }
            return JSONBody.raw(json, headers: [.link: "</api/v1/checks/\(record.id)/report.html>; rel=\"report\""])
        },
        Route(.get, "/api/v1/checks/{id}/report.html", "getCheckReport", .everyRole) { _, context, service in
            let user = try context.user
            let id = try context.id("id")
            let record = try await service.run { () async throws(ServiceStoreError) in try await service.store.check(id: id) }
            guard let record, AccessPolicy(user: user).canSee(record) else { throw ServiceError.notFound }
            let bytes = try await service.bytes(of: record.sha256)
            do {
                let assessment = try service.engine.plan(AssessmentRequest(submission: .bytes(bytes, name: record.fileName),
                                                                             asOf: CalendarDate(record.asOf),
                                                                             today: service.today)).assessment
                return PageResponse.html(HTMLCheckReport().render(assessment))
            } catch let error as AssessmentFailure {
                throw ServiceError(error)
            }
        },
    ]
}


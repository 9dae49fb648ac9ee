import Foundation
import Hummingbird
import RespectModel
import RespectStore

/// A self-assessment's versions, newest first: when each was saved and by which route (edited
/// here or imported), whether it was submitted (then frozen), its verdict, and a form to
/// compare any two.
enum VersionsPage {
    struct View: Sendable, Encodable {
        var path: String
        var title: String
        var versions: [Row]
        var choices: [Choice]
        var canCompare: Bool
    }

    struct Row: Sendable, Encodable {
        var number: Int
        var saved: String
        var fileName: String
        var state: String
        var submitted: Bool
        var verdict: BadgeView
        var sha256: String
    }

    struct Choice: Sendable, Encodable {
        var number: Int
        var isFrom: Bool
        var isTo: Bool
    }

    static func render(_ record: SubmissionRecord, versions: [(SubmissionVersion, BadgeView)], context: RespectRequestContext,
                       service: WebService) -> Response {
        let catalogue = service.catalogue
        let rows = versions.reversed().map { version, verdict in
            Row(number: version.number, saved: PageDates.dateTime(version.uploadedAt), fileName: version.fileName,
                state: catalogue["versionState_" + version.state.rawValue], submitted: version.state == .submitted,
                verdict: verdict, sha256: version.sha256)
        }
        let latest = record.latestVersion
        let choices = (1...max(latest, 1)).reversed().map { Choice(number: $0, isFrom: $0 == max(latest - 1, 1), isTo: $0 == latest) }
        let view = View(path: "/self-assessments/\(record.id)", title: record.title, versions: rows, choices: choices,
                        canCompare: latest > 1)
        let title = catalogue.format("versions_title", ["title": record.title])
        return service.page("versions", PageFrame(title: title, context: context, catalogue: catalogue, section: "/home"), view)
    }
}

import Foundation
import Hummingbird
import RespectStore

/// The audit log, newest first, filtered by organisation and by the kind of record changed, a
/// page of entries at a time ("older" continues before the last one shown). Every change the
/// service makes is here, with who made it, from where, and digests of before and after.
enum AuditPage {
    static let pageSize = 50

    struct View: Sendable, Encodable {
        var entries: [Row]
        var hasEntries: Bool
        var organisation: String
        var kinds: [UsersPage.Option]
        var olderHref: String?
    }

    struct Row: Sendable, Encodable {
        var id: Int64
        var at: String
        var author: String
        var action: String
        var subject: String
        var organisation: String
        var before: String
        var after: String
    }

    /// The kinds of record the log names (`AuditSubject.kind`).
    static let subjectKinds = ["organisation", "user", "sign-in", "token", "submission", "version", "evidence-file", "finding",
                               "tender", "bid", "round", "run", "check"]

    static func render(_ request: Request, context: RespectRequestContext, service: WebService) async throws -> Response {
        let catalogue = service.catalogue
        var query = AuditQuery(limit: pageSize)
        let organisationText = request.query("organisation") ?? ""
        query.organisation = RegisteredNumber(organisationText)
        let kind = request.query("kind").flatMap { subjectKinds.contains($0) ? $0 : nil }
        query.subjectKind = kind
        query.before = request.query("before").flatMap { Int64($0) }
        let entries = try await service.run { () async throws(ServiceStoreError) in try await service.store.auditEntries(query) }
        let rows = entries.map { entry in
            Row(id: entry.id, at: PageDates.dateTime(entry.at), author: describe(entry.author), action: entry.action.rawValue,
                subject: "\(entry.subject.kind) \(entry.subject.id)", organisation: entry.organisation?.value ?? "—",
                before: entry.before.map { String($0.prefix(12)) + "…" } ?? "—", after: entry.after.map { String($0.prefix(12)) + "…" } ?? "—")
        }
        var older: String?
        if entries.count == pageSize, let last = entries.last {
            var components = ["before=\(last.id)"]
            if let number = query.organisation { components.append("organisation=\(number.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            if let kind { components.append("kind=\(kind)") }
            older = "/audit?" + components.joined(separator: "&")
        }
        let view = View(entries: rows, hasEntries: !rows.isEmpty, organisation: organisationText,
                        kinds: subjectKinds.map { UsersPage.Option(value: $0, label: $0, chosen: $0 == kind) }, olderHref: older)
        return service.page("audit", PageFrame(title: catalogue["audit_title"], context: context, catalogue: catalogue, section: "/audit"), view)
    }

    static func describe(_ author: ChangeAuthor) -> String {
        author.name + (author.address.map { " (\($0))" } ?? "")
    }
}

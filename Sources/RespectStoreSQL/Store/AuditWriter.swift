import Foundation
public import RespectStore

/// Appends audit entries inside the transaction of the change they record.
enum AuditWriter {
    /// Appends one entry; `before` and `after` are digested (`AuditDigest`).
    static func append(_ transaction: any SQLTransaction, at time: Date, author: ChangeAuthor, action: AuditAction,
                       subject: AuditSubject, organisation: RegisteredNumber?,
                       before: (any Encodable)? = nil, after: (any Encodable)? = nil) async throws {
        try await transaction.execute("""
            INSERT INTO audit_entry (at, author_id, author_name, author_address, action, subject_kind, subject_id,
                                     organisation, before_digest, after_digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.init(time), .init(author.userID), .text(author.name), .init(author.address), .text(action.rawValue),
                  .text(subject.kind), .text(subject.id), .init(organisation?.value),
                  .init(before.map { AuditDigest.of($0) }), .init(after.map { AuditDigest.of($0) })])
    }

    static func entry(_ row: SQLRow) throws -> AuditEntry {
        guard let action = AuditAction(rawValue: try row.text("action")) else {
            throw SQLRowError(column: "action", expected: "an audit action this engine knows")
        }
        return AuditEntry(id: try row.int64("id"), at: try row.date("at"),
                          author: ChangeAuthor(userID: try row.optionalInt64("author_id"), name: try row.text("author_name"),
                                               address: try row.optionalText("author_address")),
                          action: action,
                          subject: AuditSubject(kind: try row.text("subject_kind"), id: try row.text("subject_id")),
                          organisation: try row.optionalText("organisation").flatMap(RegisteredNumber.init),
                          before: try row.optionalText("before_digest"), after: try row.optionalText("after_digest"))
    }
}

extension SQLServiceStore {
    public func auditEntries(_ query: AuditQuery) async throws(ServiceStoreError) -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let before = query.before {
            conditions.append("id < ?")
            arguments.append(.integer(before))
        }
        if let organisation = query.organisation {
            conditions.append("organisation = ?")
            arguments.append(.text(organisation.value))
        }
        if let kind = query.subjectKind {
            conditions.append("subject_kind = ?")
            arguments.append(.text(kind))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(.integer(Int64(max(0, query.limit))))
        return try decode(try await read("SELECT * FROM audit_entry \(filter) ORDER BY id DESC LIMIT ?", arguments),
                          AuditWriter.entry)
    }
}

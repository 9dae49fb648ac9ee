public import Foundation
public import RespectStore

extension SQLServiceStore {
    public func addTender(_ new: NewTender, by author: ChangeAuthor) async throws(ServiceStoreError) -> TenderRecord {
        try await write { transaction in
            let kind = try await Self.organisationKind(new.organisation, in: transaction)
            guard kind == .commissioner else { throw ServiceStoreError.refused(.organisationKind(expected: .commissioner, found: kind)) }
            try await Self.storeContent(new.content, in: transaction)
            let row = try await transaction.queryOne("""
                INSERT INTO tender (organisation, reference, title, deadline, sha256, file_name, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [.text(new.organisation.value), .text(new.reference), .text(new.title), .text(new.deadline),
                      .text(new.content.sha256), .text(new.fileName), .integer(new.createdBy), .init(new.createdAt)])
            guard let id = try row?.int64("id") else { throw SQLDriverError(kind: .refused, message: "no tender id after insert") }
            let tender = TenderRecord(id: id, organisation: new.organisation, reference: new.reference, title: new.title,
                                      deadline: new.deadline, sha256: new.content.sha256, fileName: new.fileName,
                                      createdBy: new.createdBy, createdAt: Self.stored(new.createdAt))
            try await AuditWriter.append(transaction, at: new.createdAt, author: author, action: .tenderAdded,
                                         subject: AuditSubject(kind: "tender", id: String(id)), organisation: new.organisation,
                                         after: tender)
            return tender
        }
    }

    public func tender(id: Int64) async throws(ServiceStoreError) -> TenderRecord? {
        try decode(try await read("SELECT * FROM tender WHERE id = ?", [.integer(id)]), RowDecoding.tender).first
    }

    public func tenders(of organisation: RegisteredNumber?) async throws(ServiceStoreError) -> [TenderRecord] {
        if let organisation {
            return try decode(try await read("SELECT * FROM tender WHERE organisation = ? ORDER BY id", [.text(organisation.value)]),
                              RowDecoding.tender)
        }
        return try decode(try await read("SELECT * FROM tender ORDER BY id", []), RowDecoding.tender)
    }

    public func placeBid(tenderID: Int64, organisation: RegisteredNumber, submissionID: Int64, version: Int, at time: Date,
                         placedBy userID: Int64, by author: ChangeAuthor) async throws(ServiceStoreError) -> BidRecord {
        try await write { transaction in
            guard try await transaction.queryOne("SELECT id FROM tender WHERE id = ?", [.integer(tenderID)]) != nil else {
                throw ServiceStoreError.missing(.tender, key: String(tenderID))
            }
            let owner = try await Self.requireSubmitted(submissionID: submissionID, version: version, in: transaction)
            guard owner == organisation else { throw ServiceStoreError.refused(.bidNotOwnSubmission(submission: submissionID)) }
            let row = try await transaction.queryOne("""
                INSERT INTO bid (tender_id, organisation, submission_id, version, placed_by, placed_at) VALUES (?, ?, ?, ?, ?, ?)
                RETURNING id
                """, [.integer(tenderID), .text(organisation.value), .integer(submissionID), .init(version), .integer(userID),
                      .init(time)])
            guard let id = try row?.int64("id") else { throw SQLDriverError(kind: .refused, message: "no bid id after insert") }
            try await transaction.execute("""
                UPDATE bid SET superseded_by = ? WHERE tender_id = ? AND organisation = ? AND id <> ? AND superseded_by IS NULL
                """, [.integer(id), .integer(tenderID), .text(organisation.value), .integer(id)])
            let bid = BidRecord(id: id, tenderID: tenderID, organisation: organisation, submissionID: submissionID,
                                version: version, placedBy: userID, placedAt: Self.stored(time), supersededBy: nil)
            try await AuditWriter.append(transaction, at: time, author: author, action: .bidPlaced,
                                         subject: AuditSubject(kind: "bid", id: String(id)), organisation: organisation, after: bid)
            return bid
        }
    }

    public func bids(tenderID: Int64, current: Bool) async throws(ServiceStoreError) -> [BidRecord] {
        let filter = current ? "AND superseded_by IS NULL" : ""
        return try decode(try await read("SELECT * FROM bid WHERE tender_id = ? \(filter) ORDER BY id", [.integer(tenderID)]),
                          RowDecoding.bid)
    }
}

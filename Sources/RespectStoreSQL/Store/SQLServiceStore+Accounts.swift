public import Foundation
public import RespectStore

extension SQLServiceStore {
    // MARK: Organisations

    public func addOrganisation(_ new: Organisation, by author: ChangeAuthor) async throws(ServiceStoreError) -> Organisation {
        var organisation = new
        organisation.createdAt = Self.stored(new.createdAt)
        return try await write { [organisation] transaction in
            let inserted = try await transaction.query("""
                INSERT INTO organisation (registered_number, name, kind, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (registered_number) DO NOTHING RETURNING registered_number
                """, [.text(organisation.registeredNumber.value), .text(organisation.name),
                      .text(organisation.kind.rawValue), .init(organisation.createdAt)])
            guard !inserted.isEmpty else { throw ServiceStoreError.duplicate(.organisation, key: organisation.registeredNumber.value) }
            try await AuditWriter.append(transaction, at: organisation.createdAt, author: author, action: .organisationAdded,
                                         subject: AuditSubject(kind: "organisation", id: organisation.registeredNumber.value),
                                         organisation: organisation.registeredNumber, after: organisation)
            return organisation
        }
    }

    public func organisation(_ number: RegisteredNumber) async throws(ServiceStoreError) -> Organisation? {
        try decode(try await read("SELECT * FROM organisation WHERE registered_number = ?", [.text(number.value)]),
                   RowDecoding.organisation).first
    }

    public func organisations() async throws(ServiceStoreError) -> [Organisation] {
        try decode(try await read("SELECT * FROM organisation ORDER BY registered_number", []), RowDecoding.organisation)
    }

    // MARK: Users

    public func addUser(_ user: NewUser, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> UserAccount {
        try await write { transaction in
            let kind = try await Self.organisationKind(user.organisation, in: transaction)
            guard kind == user.role.organisationKind else {
                throw ServiceStoreError.refused(.organisationKind(expected: user.role.organisationKind, found: kind))
            }
            let inserted = try await transaction.query("""
                INSERT INTO account (email, role, organisation, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)
                ON CONFLICT (email) DO NOTHING RETURNING id
                """, [.text(user.email.value), .text(user.role.rawValue), .init(user.organisation?.value),
                      .text(user.passwordHash), .init(time)])
            guard let id = try inserted.first?.int64("id") else { throw ServiceStoreError.duplicate(.user, key: user.email.value) }
            let account = UserAccount(id: id, email: user.email, role: user.role, organisation: user.organisation,
                                      disabled: false, createdAt: Self.stored(time))
            try await AuditWriter.append(transaction, at: time, author: author, action: .userAdded,
                                         subject: AuditSubject(kind: "user", id: String(id)), organisation: user.organisation,
                                         after: account)
            return account
        }
    }

    /// The kind of a known organisation; `nil` for no organisation; `.missing` for an unknown one.
    static func organisationKind(_ number: RegisteredNumber?, in transaction: any SQLTransaction) async throws -> OrganisationKind? {
        guard let number else { return nil }
        guard let row = try await transaction.queryOne("SELECT kind FROM organisation WHERE registered_number = ?",
                                                       [.text(number.value)]) else {
            throw ServiceStoreError.missing(.organisation, key: number.value)
        }
        return try RowDecoding.known(OrganisationKind.self, row, "kind")
    }

    public func user(id: Int64) async throws(ServiceStoreError) -> UserAccount? {
        try decode(try await read("SELECT \(RowDecoding.accountColumns) FROM account WHERE id = ?", [.integer(id)]),
                   RowDecoding.user).first
    }

    public func credentials(email: EmailAddress) async throws(ServiceStoreError) -> UserCredentials? {
        try decode(try await read("SELECT \(RowDecoding.accountColumns), password_hash FROM account WHERE email = ?",
                                  [.text(email.value)])) { row in
            UserCredentials(user: try RowDecoding.user(row), passwordHash: try row.text("password_hash"))
        }.first
    }

    public func users() async throws(ServiceStoreError) -> [UserAccount] {
        try decode(try await read("SELECT \(RowDecoding.accountColumns) FROM account ORDER BY email", []), RowDecoding.user)
    }

    public func changeUser(id: Int64, _ change: UserChange, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> UserAccount {
        try await write { transaction in
            guard let row = try await transaction.queryOne("SELECT \(RowDecoding.accountColumns), password_hash FROM account WHERE id = ?",
                                                           [.integer(id)]) else {
                throw ServiceStoreError.missing(.user, key: String(id))
            }
            let before = try RowDecoding.user(row)
            let oldHash = try row.text("password_hash")
            var after = before
            if let disabled = change.disabled { after.disabled = disabled }
            let newHash = change.passwordHash ?? oldHash
            try await transaction.execute("UPDATE account SET disabled = ?, password_hash = ? WHERE id = ?",
                                          [.init(after.disabled), .text(newHash), .integer(id)])
            if after.disabled {
                try await transaction.execute("UPDATE login_session SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL",
                                              [.init(time), .integer(id)])
                try await transaction.execute("UPDATE api_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                                              [.init(time), .integer(id)])
            }
            // The digests cover the password hash too, so a password change shows in the log.
            try await AuditWriter.append(transaction, at: time, author: author, action: .userChanged,
                                         subject: AuditSubject(kind: "user", id: String(id)), organisation: before.organisation,
                                         before: AuditedUser(user: before, passwordHash: oldHash),
                                         after: AuditedUser(user: after, passwordHash: newHash))
            return after
        }
    }

    // MARK: Sessions and tokens

    public func startSession(_ session: NewSession, by author: ChangeAuthor) async throws(ServiceStoreError) {
        try await write { transaction in
            try await transaction.execute("""
                INSERT INTO login_session (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, [.text(session.idHash), .integer(session.userID), .text(session.csrfToken), .init(session.createdAt),
                      .init(session.expiresAt)])
            try await AuditWriter.append(transaction, at: session.createdAt, author: author, action: .sessionStarted,
                                         subject: AuditSubject(kind: "user", id: String(session.userID)), organisation: nil,
                                         after: ["session": session.idHash])
        }
    }

    public func signedIn(sessionHash: String, at time: Date) async throws(ServiceStoreError) -> SignedInUser? {
        try decode(try await read("""
            SELECT \(RowDecoding.accountColumns), login_session.csrf_token FROM login_session
            JOIN account ON account.id = login_session.account_id
            WHERE login_session.id_hash = ? AND login_session.ended_at IS NULL AND login_session.expires_at > ?
              AND account.disabled = 0
            """, [.text(sessionHash), .init(time)])) { row in
            SignedInUser(user: try RowDecoding.user(row),
                         credential: .session(idHash: sessionHash, csrfToken: try row.text("csrf_token")))
        }.first
    }

    public func endSession(sessionHash: String, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> Bool {
        try await write { transaction in
            let ended = try await transaction.query("""
                UPDATE login_session SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL RETURNING account_id
                """, [.init(time), .text(sessionHash)])
            guard let user = try ended.first?.int64("account_id") else { return false }
            try await AuditWriter.append(transaction, at: time, author: author, action: .sessionEnded,
                                         subject: AuditSubject(kind: "user", id: String(user)), organisation: nil,
                                         before: ["session": sessionHash])
            return true
        }
    }

    public func createToken(_ token: NewAPIToken, by author: ChangeAuthor) async throws(ServiceStoreError) -> APITokenRecord {
        try await write { transaction in
            guard try await transaction.queryOne("SELECT id FROM account WHERE id = ?", [.integer(token.userID)]) != nil else {
                throw ServiceStoreError.missing(.user, key: String(token.userID))
            }
            let row = try await transaction.queryOne("""
                INSERT INTO api_token (token_hash, account_id, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id
                """, [.text(token.hash), .integer(token.userID), .text(token.label), .init(token.createdAt), .init(token.expiresAt)])
            guard let id = try row?.int64("id") else { throw SQLDriverError(kind: .refused, message: "no token id after insert") }
            let record = APITokenRecord(id: id, userID: token.userID, label: token.label, createdAt: Self.stored(token.createdAt),
                                        expiresAt: token.expiresAt.map(Self.stored), revokedAt: nil)
            try await AuditWriter.append(transaction, at: token.createdAt, author: author, action: .tokenCreated,
                                         subject: AuditSubject(kind: "token", id: String(id)), organisation: nil, after: record)
            return record
        }
    }

    public func signedIn(tokenHash: String, at time: Date) async throws(ServiceStoreError) -> SignedInUser? {
        try decode(try await read("""
            SELECT \(RowDecoding.accountColumns), api_token.id AS token_id FROM api_token
            JOIN account ON account.id = api_token.account_id
            WHERE api_token.token_hash = ? AND api_token.revoked_at IS NULL
              AND (api_token.expires_at IS NULL OR api_token.expires_at > ?) AND account.disabled = 0
            """, [.text(tokenHash), .init(time)])) { row in
            SignedInUser(user: try RowDecoding.user(row), credential: .token(id: try row.int64("token_id")))
        }.first
    }

    public func tokens(userID: Int64) async throws(ServiceStoreError) -> [APITokenRecord] {
        try decode(try await read("SELECT * FROM api_token WHERE account_id = ? ORDER BY id", [.integer(userID)]), RowDecoding.token)
    }

    public func revokeToken(id: Int64, userID: Int64, at time: Date, by author: ChangeAuthor) async throws(ServiceStoreError) -> Bool {
        try await write { transaction in
            guard let row = try await transaction.queryOne("SELECT * FROM api_token WHERE id = ? AND account_id = ? AND revoked_at IS NULL",
                                                           [.integer(id), .integer(userID)]) else { return false }
            let before = try RowDecoding.token(row)
            try await transaction.execute("UPDATE api_token SET revoked_at = ? WHERE id = ?", [.init(time), .integer(id)])
            var after = before
            after.revokedAt = Self.stored(time)
            try await AuditWriter.append(transaction, at: time, author: author, action: .tokenRevoked,
                                         subject: AuditSubject(kind: "token", id: String(id)), organisation: nil,
                                         before: before, after: after)
            return true
        }
    }

    // MARK: Sign-in throttling

    public func recordFailedSignIn(_ keys: [ThrottleKey], at time: Date, window: TimeInterval,
                                   by author: ChangeAuthor) async throws(ServiceStoreError) -> [LoginFailures] {
        let cutoff = SQLValue(time.addingTimeInterval(-window))
        return try await write { transaction in
            var counts: [LoginFailures] = []
            for key in keys {
                // A window that has passed starts again at this failure.
                let row = try await transaction.queryOne("""
                    INSERT INTO sign_in_failure (throttle_key, failures, window_start) VALUES (?, 1, ?)
                    ON CONFLICT (throttle_key) DO UPDATE SET
                        failures = CASE WHEN sign_in_failure.window_start <= ? THEN 1 ELSE sign_in_failure.failures + 1 END,
                        window_start = CASE WHEN sign_in_failure.window_start <= ? THEN excluded.window_start
                                            ELSE sign_in_failure.window_start END
                    RETURNING failures, window_start
                    """, [.text(key.description), .init(time), cutoff, cutoff])
                guard let row else { throw SQLDriverError(kind: .refused, message: "no count after counting a failed sign-in") }
                counts.append(LoginFailures(key: key, failures: try row.int("failures"), windowStart: try row.date("window_start")))
            }
            let account = keys.first { $0.kind == .account }?.value ?? ""
            try await AuditWriter.append(transaction, at: time, author: author, action: .signInRefused,
                                         subject: AuditSubject(kind: "sign-in", id: account), organisation: nil)
            return counts
        }
    }

    public func failedSignIns(_ keys: [ThrottleKey], at time: Date, window: TimeInterval) async throws(ServiceStoreError) -> [LoginFailures] {
        let cutoff = time.addingTimeInterval(-window)
        var counts: [LoginFailures] = []
        for key in keys {
            let rows = try await read("SELECT failures, window_start FROM sign_in_failure WHERE throttle_key = ?", [.text(key.description)])
            let found = try decode(rows) { row in (try row.int("failures"), try row.date("window_start")) }.first
            if let (failures, start) = found, start > cutoff {
                counts.append(LoginFailures(key: key, failures: failures, windowStart: start))
            } else {
                counts.append(LoginFailures(key: key, failures: 0, windowStart: time))
            }
        }
        return counts
    }

    public func clearFailedSignIns(_ key: ThrottleKey) async throws(ServiceStoreError) {
        try await write { transaction in
            try await transaction.execute("UPDATE sign_in_failure SET failures = 0 WHERE throttle_key = ?", [.text(key.description)])
        }
    }

    /// A time as the store keeps it (to the millisecond), so a value returned equals one read back.
    static func stored(_ time: Date) -> Date {
        Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

/// A user with its password hash, as the audit log digests a change to it.
struct AuditedUser: Encodable {
    var user: UserAccount
    var passwordHash: String
}

import Foundation

/// The service store's schema: named, ordered migrations, the same on every database.
///
/// Times are milliseconds since 1970 (`{integer}`), flags 0 or 1, digests lowercase hexadecimal
/// SHA-256. Table names avoid words some databases reserve (`user`, `check`, `round`).
public enum ServiceSchema {
    public static let migrator = SQLMigrator([accounts, audit, submissions, reviews, runs, tenders])

    static let accounts = SQLMigration("v1-accounts") { _ in [
        """
        CREATE TABLE organisation (
            registered_number {text} PRIMARY KEY, name {text} NOT NULL, kind {text} NOT NULL,
            created_at {integer} NOT NULL)
        """,
        """
        CREATE TABLE account (
            id {id}, email {text} NOT NULL UNIQUE, role {text} NOT NULL,
            organisation {text} REFERENCES organisation (registered_number),
            password_hash {text} NOT NULL, disabled {integer} NOT NULL, created_at {integer} NOT NULL)
        """,
        """
        CREATE TABLE login_session (
            id_hash {text} PRIMARY KEY, account_id {integer} NOT NULL REFERENCES account (id),
            csrf_token {text} NOT NULL, created_at {integer} NOT NULL, expires_at {integer} NOT NULL,
            ended_at {integer})
        """,
        "CREATE INDEX login_session_by_account ON login_session (account_id)",
        """
        CREATE TABLE api_token (
            id {id}, token_hash {text} NOT NULL UNIQUE, account_id {integer} NOT NULL REFERENCES account (id),
            label {text} NOT NULL, created_at {integer} NOT NULL, expires_at {integer}, revoked_at {integer})
        """,
        "CREATE INDEX api_token_by_account ON api_token (account_id)",
        """
        CREATE TABLE sign_in_failure (
            throttle_key {text} PRIMARY KEY, failures {integer} NOT NULL, window_start {integer} NOT NULL)
        """,
    ] }

    static let audit = SQLMigration("v2-audit") { dialect in [
        """
        CREATE TABLE audit_entry (
            id {id}, at {integer} NOT NULL, author_id {integer}, author_name {text} NOT NULL, author_address {text},
            action {text} NOT NULL, subject_kind {text} NOT NULL, subject_id {text} NOT NULL, organisation {text},
            before_digest {text}, after_digest {text})
        """,
        "CREATE INDEX audit_entry_by_organisation ON audit_entry (organisation, id)",
        "CREATE INDEX audit_entry_by_subject ON audit_entry (subject_kind, id)",
    ] + dialect.appendOnlyGuard.map { $0.replacingOccurrences(of: "{table}", with: "audit_entry") } }

    static let submissions = SQLMigration("v3-submissions") { _ in [
        "CREATE TABLE file_content (sha256 {text} PRIMARY KEY, size {integer} NOT NULL, bytes {blob} NOT NULL)",
        """
        CREATE TABLE submission (
            id {id}, organisation {text} NOT NULL REFERENCES organisation (registered_number), title {text} NOT NULL,
            created_at {integer} NOT NULL, created_by {integer} NOT NULL, latest_version {integer} NOT NULL)
        """,
        "CREATE INDEX submission_by_organisation ON submission (organisation)",
        """
        CREATE TABLE submission_version (
            submission_id {integer} NOT NULL REFERENCES submission (id), number {integer} NOT NULL,
            sha256 {text} NOT NULL REFERENCES file_content (sha256), size {integer} NOT NULL, file_name {text} NOT NULL,
            provider_name {text} NOT NULL, framework {text} NOT NULL, as_of {text}, uploaded_by {integer} NOT NULL,
            uploaded_at {integer} NOT NULL, state {text} NOT NULL, submitted_at {integer}, submitted_by {integer},
            PRIMARY KEY (submission_id, number))
        """,
        "CREATE INDEX submission_version_by_state ON submission_version (state, submission_id)",
        """
        CREATE TABLE evidence_file (
            submission_id {integer} NOT NULL REFERENCES submission (id),
            sha256 {text} NOT NULL REFERENCES file_content (sha256), size {integer} NOT NULL,
            file_name {text} NOT NULL, media_type {text} NOT NULL, uploaded_by {integer} NOT NULL,
            uploaded_at {integer} NOT NULL, PRIMARY KEY (submission_id, sha256))
        """,
        """
        CREATE TABLE quick_check (
            id {id}, account_id {integer} NOT NULL REFERENCES account (id),
            sha256 {text} NOT NULL REFERENCES file_content (sha256), file_name {text} NOT NULL, as_of {text} NOT NULL,
            checked_at {integer} NOT NULL)
        """,
    ] }

    static let reviews = SQLMigration("v4-reviews") { _ in [
        """
        CREATE TABLE finding (
            id {id}, submission_id {integer} NOT NULL, version {integer} NOT NULL, kind {text} NOT NULL,
            target_id {text} NOT NULL, decision {text} NOT NULL, reason {text} NOT NULL,
            assessor_id {integer} NOT NULL REFERENCES account (id), date {text} NOT NULL, expires {text},
            file_sha256 {text}, recorded_at {integer} NOT NULL, moderator_id {integer} REFERENCES account (id),
            moderation_agrees {integer}, moderation_note {text}, moderated_at {integer},
            FOREIGN KEY (submission_id, version) REFERENCES submission_version (submission_id, number))
        """,
        "CREATE INDEX finding_by_submission ON finding (submission_id, id)",
        """
        CREATE TABLE scoring_round (
            id {id}, name {text} NOT NULL, created_by {integer} NOT NULL REFERENCES account (id),
            created_at {integer} NOT NULL)
        """,
    ] }

    /// The run store's tables (as `RespectStoreSQLite`'s `SQLiteRunStore` keeps them), and the
    /// rounds' entries that point at runs.
    static let runs = SQLMigration("v5-runs") { _ in [
        """
        CREATE TABLE run (
            id {id}, recorded_at {text} NOT NULL, assessor {text} NOT NULL, provider_name {text} NOT NULL,
            provider_key {text} NOT NULL, charity_number {text}, company_number {text}, registered_number {text},
            submission_file {text} NOT NULL, submission_sha256 {text}, framework_id {text} NOT NULL,
            framework_edition {text} NOT NULL, framework_sha256 {text}, engine_version {text} NOT NULL,
            as_of {text} NOT NULL, verdict {text} NOT NULL, outcome_id {text} NOT NULL, outcome_label {text} NOT NULL,
            result_json {text} NOT NULL)
        """,
        "CREATE INDEX run_by_provider_key ON run (provider_key)",
        "CREATE INDEX run_by_charity_number ON run (charity_number)",
        "CREATE INDEX run_by_company_number ON run (company_number)",
        """
        CREATE TABLE run_input (
            id {id}, run_id {integer} NOT NULL REFERENCES run (id), role {text} NOT NULL, path {text} NOT NULL,
            sha256 {text} NOT NULL)
        """,
        "CREATE INDEX run_input_by_run ON run_input (run_id)",
        """
        CREATE TABLE run_finding (
            id {id}, run_id {integer} NOT NULL REFERENCES run (id), kind {text} NOT NULL, target_id {text} NOT NULL,
            decision {text} NOT NULL, state {text} NOT NULL, reason {text} NOT NULL, assessor {text} NOT NULL,
            date {text} NOT NULL, expires {text}, automated {text} NOT NULL, file {text} NOT NULL, line {integer} NOT NULL)
        """,
        "CREATE INDEX run_finding_by_run ON run_finding (run_id)",
        """
        CREATE TABLE round_entry (
            id {id}, round_id {integer} NOT NULL REFERENCES scoring_round (id), submission_id {integer} NOT NULL,
            version {integer} NOT NULL, run_id {integer} REFERENCES run (id), row_json {text} NOT NULL)
        """,
        "CREATE INDEX round_entry_by_round ON round_entry (round_id, id)",
    ] }

    static let tenders = SQLMigration("v6-tenders") { _ in [
        """
        CREATE TABLE tender (
            id {id}, organisation {text} NOT NULL REFERENCES organisation (registered_number),
            reference {text} NOT NULL, title {text} NOT NULL, deadline {text} NOT NULL,
            sha256 {text} NOT NULL REFERENCES file_content (sha256), file_name {text} NOT NULL,
            created_by {integer} NOT NULL, created_at {integer} NOT NULL)
        """,
        "CREATE INDEX tender_by_organisation ON tender (organisation)",
        """
        CREATE TABLE bid (
            id {id}, tender_id {integer} NOT NULL REFERENCES tender (id),
            organisation {text} NOT NULL REFERENCES organisation (registered_number),
            submission_id {integer} NOT NULL, version {integer} NOT NULL, placed_by {integer} NOT NULL,
            placed_at {integer} NOT NULL, superseded_by {integer},
            FOREIGN KEY (submission_id, version) REFERENCES submission_version (submission_id, number))
        """,
        "CREATE INDEX bid_by_tender ON bid (tender_id, id)",
    ] }
}

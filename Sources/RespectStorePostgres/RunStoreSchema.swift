/// The run store's tables in PostgreSQL, as named, ordered migrations recorded in
/// `run_store_migration`: the same steps under the same names as the SQLite store's. Never edit
/// a migration once released; add another.
enum RunStoreSchema {
    static let migrator = PostgresMigrator(table: "run_store_migration", migrations: [
        PostgresMigration("v1-runs", ["""
            CREATE TABLE run (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                recorded_at text NOT NULL,
                assessor text NOT NULL,
                provider_name text NOT NULL,
                provider_key text NOT NULL,
                charity_number text,
                company_number text,
                submission_file text NOT NULL,
                submission_sha256 text,
                framework_id text NOT NULL,
                framework_edition text NOT NULL,
                framework_sha256 text,
                engine_version text NOT NULL,
                as_of text NOT NULL,
                verdict text NOT NULL,
                outcome_id text NOT NULL,
                outcome_label text NOT NULL,
                result_json text NOT NULL)
            """,
            "CREATE INDEX run_on_provider_key ON run (provider_key)",
            "CREATE INDEX run_on_charity_number ON run (charity_number)",
            "CREATE INDEX run_on_company_number ON run (company_number)",
        ]),
        PostgresMigration("v2-run-inputs", ["""
            CREATE TABLE run_input (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id bigint NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                role text NOT NULL,
                path text NOT NULL,
                sha256 text NOT NULL)
            """,
            "CREATE INDEX run_input_on_run_id ON run_input (run_id)",
            "CREATE INDEX run_input_on_sha256 ON run_input (sha256)",
        ]),
        PostgresMigration("v3-run-findings", ["""
            CREATE TABLE run_finding (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id bigint NOT NULL REFERENCES run (id) ON DELETE CASCADE,
                kind text NOT NULL,
                target_id text NOT NULL,
                decision text NOT NULL,
                state text NOT NULL,
                reason text NOT NULL,
                assessor text NOT NULL,
                date text NOT NULL,
                expires text,
                automated text NOT NULL,
                file text NOT NULL,
                line integer NOT NULL)
            """,
            "CREATE INDEX run_finding_on_run_id ON run_finding (run_id)",
        ]),
        // Organisations are told apart by registered number: the charity number, else the
        // company number, as runs recorded before this migration already stored them.
        PostgresMigration("v4-registered-number", [
            "ALTER TABLE run ADD COLUMN registered_number text",
            "CREATE INDEX run_on_registered_number ON run (registered_number)",
            "UPDATE run SET registered_number = COALESCE(NULLIF(charity_number, ''), NULLIF(company_number, ''))",
        ]),
    ])
}

import GRDB

/// The store's schema as named, ordered migrations. GRDB records which have run, so opening a
/// store applies only the missing ones; never edit a migration once released, add another.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs") { db in
            try db.create(table: "run") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("recordedAt", .text).notNull()
                table.column("assessor", .text).notNull()
                table.column("providerName", .text).notNull()
                table.column("providerKey", .text).notNull().indexed()
                table.column("charityNumber", .text).indexed()
                table.column("companyNumber", .text).indexed()
                table.column("submissionFile", .text).notNull()
                table.column("submissionSHA256", .text)
                table.column("frameworkID", .text).notNull()
                table.column("frameworkEdition", .text).notNull()
                table.column("frameworkSHA256", .text)
                table.column("engineVersion", .text).notNull()
                table.column("asOf", .text).notNull()
                table.column("verdict", .text).notNull()
                table.column("outcomeID", .text).notNull()
                table.column("outcomeLabel", .text).notNull()
                table.column("resultJSON", .text).notNull()
            }
        }
        migrator.registerMigration("v2-run-inputs") { db in
            try db.create(table: "runInput") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("run", onDelete: .cascade).notNull()
                table.column("role", .text).notNull()
                table.column("path", .text).notNull()
                table.column("sha256", .text).notNull().indexed()
            }
        }
        migrator.registerMigration("v3-run-findings") { db in
            try db.create(table: "runFinding") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("run", onDelete: .cascade).notNull()
                table.column("kind", .text).notNull()
                table.column("targetID", .text).notNull()
                table.column("decision", .text).notNull()
                table.column("state", .text).notNull()
                table.column("reason", .text).notNull()
                table.column("assessor", .text).notNull()
                table.column("date", .text).notNull()
                table.column("expires", .text)
                table.column("automated", .text).notNull()
                table.column("file", .text).notNull()
                table.column("line", .integer).notNull()
            }
        }
        migrator.registerMigration("v4-registered-number") { db in
            // Organisations are told apart by registered number: the charity number, else the
            // company number, as runs recorded before this migration already stored them.
            try db.alter(table: "run") { table in
                table.add(column: "registeredNumber", .text)
            }
            try db.create(index: "run_on_registeredNumber", on: "run", columns: ["registeredNumber"])
            try db.execute(sql: """
                UPDATE run SET registeredNumber = COALESCE(NULLIF(charityNumber, ''), NULLIF(companyNumber, ''))
                """)
        }
        return migrator
    }
}

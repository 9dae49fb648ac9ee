import Foundation
import RespectServer
import RespectStore
import RespectStoreSQL
import RespectTestSupport
import Testing

/// Where a fault test's `respect serve` processes keep their data: a fresh SQLite data folder,
/// or in the PostgreSQL leg (`RESPECT_DATABASE_URL` set) a fresh schema of that database. The
/// test opens the same storage in-process to add accounts and to look at the rows directly.
struct StorageUnderTest: Sendable {
    let folder: String
    let url: String?
    /// The storage opened in this process (its schema created).
    let store: SQLServiceStore

    /// Fresh storage: SQLite, or PostgreSQL in the PostgreSQL leg unless `sqlite`.
    static func fresh(sqlite: Bool = false) async throws -> StorageUnderTest {
        let folder = try TestSupport.temporaryFolder()
        let url = sqlite ? nil : try TestDatabase.url.map { _ in try TestDatabase.freshURL() }
        let store = try #require(try await ServiceDatabase.open(url: url, dataDirectory: folder) as? SQLServiceStore)
        return StorageUnderTest(folder: folder, url: url, store: store)
    }

    /// `respect serve`'s arguments for this storage.
    var arguments: [String] { url.map { ["--database", $0] } ?? ["--data", folder] }

    var isSQLite: Bool { url == nil }

    func start() async throws -> ServeProcess {
        try await ServeProcess.start(arguments)
    }

    /// Adds Eastfield (not-yet.xml's provider) with a provider user, and an assessor, with the
    /// test passphrase.
    func addAccounts() async throws {
        var configuration = ServerConfiguration()
        configuration.bcryptCost = 4
        let accounts = AccountService(store: store, configuration: configuration)
        _ = try await accounts.addOrganisation(number: ServerFixtures.eastfield, name: "Eastfield", kind: .provider,
                                               by: .commandLine("test"))
        _ = try await accounts.addUser(email: Workload.provider, role: .provider, organisation: ServerFixtures.eastfield,
                                       password: Workload.passphrase, by: .commandLine("test"))
        _ = try await accounts.addUser(email: Workload.assessor, role: .assessor, organisation: nil,
                                       password: Workload.passphrase, by: .commandLine("test"))
    }

    /// Counts of rows that would be partial records: a submission without a version or whose
    /// latest version is missing, a version or evidence file without its content, content of
    /// the wrong size or that nothing refers to (an orphan), a round entry whose run is missing,
    /// a run without its inputs. Every count is zero in a sound store.
    func partialRecords() async throws -> [String: Int] {
        let checks = [
            "submission without versions": """
                SELECT COUNT(*) AS n FROM submission s
                WHERE NOT EXISTS (SELECT 1 FROM submission_version v WHERE v.submission_id = s.id)
                """,
            "submission whose latest version is missing": """
                SELECT COUNT(*) AS n FROM submission s WHERE NOT EXISTS (
                    SELECT 1 FROM submission_version v WHERE v.submission_id = s.id AND v.number = s.latest_version)
                """,
            "version without content": """
                SELECT COUNT(*) AS n FROM submission_version v
                WHERE NOT EXISTS (SELECT 1 FROM file_content c WHERE c.sha256 = v.sha256)
                """,
            "evidence file without content": """
                SELECT COUNT(*) AS n FROM evidence_file e
                WHERE NOT EXISTS (SELECT 1 FROM file_content c WHERE c.sha256 = e.sha256)
                """,
            "content of the wrong size": "SELECT COUNT(*) AS n FROM file_content WHERE size <> LENGTH(bytes)",
            "content nothing refers to": """
                SELECT COUNT(*) AS n FROM file_content c
                WHERE NOT EXISTS (SELECT 1 FROM submission_version v WHERE v.sha256 = c.sha256)
                  AND NOT EXISTS (SELECT 1 FROM evidence_file e WHERE e.sha256 = c.sha256)
                  AND NOT EXISTS (SELECT 1 FROM quick_check q WHERE q.sha256 = c.sha256)
                """,
            "round entry whose run is missing": """
                SELECT COUNT(*) AS n FROM round_entry r
                WHERE r.run_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM run WHERE run.id = r.run_id)
                """,
            "run without inputs": """
                SELECT COUNT(*) AS n FROM run WHERE NOT EXISTS (SELECT 1 FROM run_input i WHERE i.run_id = run.id)
                """,
        ]
        var counts: [String: Int] = [:]
        for (name, sql) in checks {
            counts[name] = Int(try await store.driver.query(sql, []).first?.int64("n") ?? -1)
        }
        if isSQLite {
            let integrity = try await store.driver.query("PRAGMA integrity_check", [])
            counts["SQLite integrity check failures"] = integrity.count == 1 && (try? integrity[0].text("integrity_check")) == "ok"
                ? 0 : max(integrity.count, 1)
        }
        return counts
    }

    /// The number of rows in `table`.
    func count(_ table: String) async throws -> Int {
        return Int(try await store.driver.query("SELECT COUNT(*) AS n FROM \(table)", []).first?.int64("n") ?? -1)
    }
}

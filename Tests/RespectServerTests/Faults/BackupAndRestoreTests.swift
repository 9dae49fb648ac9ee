import Foundation
import RespectServer
import RespectStoreSQL
import RespectTestSupport
import Testing

/// `respect store backup FILE` while the server takes writes, and `respect store restore FILE`
/// into a fresh data folder: the restored service has every write acknowledged before the
/// backup began, and nothing partial. SQLite (PostgreSQL's are pg_dump and pg_restore).
@Suite("Backup and restore", .enabled(if: TestDatabase.url == nil, "SQLite's backup; the PostgreSQL leg has pg_dump"),
       .timeLimit(.minutes(10)))
struct BackupAndRestoreTests {
    @Test("a backup taken under load, restored into a fresh data folder, has every write acknowledged before it began")
    func backupUnderLoad() async throws {
        let storage = try await StorageUnderTest.fresh(sqlite: true)
        try await storage.addAccounts()
        let server = try await storage.start()
        let token = try await Workload.token(server.client, Workload.provider)
        let ledger = Workload.Ledger()
        let uploads = Task { await Workload.upload(to: server.port, token: token, uploaders: 3, ledger: ledger, tag: "backup") }
        try await Workload.waitFor(30, in: ledger)
        let before = await ledger.writes
        let backup = try TestSupport.temporaryFolder() + "/respect-backup.sqlite"
        let backedUp = try await CommandLineRunner.runPolling(["store", "backup", backup, "--data", storage.folder])
        try await Workload.waitFor(before.count + 10, in: ledger)
        await ledger.stop()
        await uploads.value
        #expect(backedUp.exitCode == 0, "\(backedUp.standardError)")
        #expect(backedUp.standardOutput.contains("backed up"))
        #expect(await ledger.failures == 0, "the server kept answering during the backup")
        #expect(await server.stop() == 0, "\(server.output)")

        let restoredFolder = try TestSupport.temporaryFolder() + "/restored"
        let restored = try await CommandLineRunner.runPolling(["store", "restore", backup, "--data", restoredFolder])
        #expect(restored.exitCode == 0, "\(restored.standardError)")
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"), "the backup is one file")
        let copy = StorageUnderTest(folder: restoredFolder, url: nil,
                                    store: try #require(try await ServiceDatabase.open(url: nil, dataDirectory: restoredFolder)
                                        as? SQLServiceStore))
        let restart = try await copy.start()
        let missing = try await Workload.missing(before, port: restart.port, token: token)
        #expect(missing.isEmpty, "acknowledged before the backup but not restored: \(missing.map(\.submission))")
        #expect(try await copy.partialRecords().filter { $0.value != 0 } == [:])
        #expect(try await copy.count("submission") >= before.filter { $0.kind == .version }.count)
        #expect(await restart.stop() == 0, "\(restart.output)")
    }

    @Test("restore refuses a data folder that already holds a database, and a file that is not a backup, changing nothing")
    func restoreRefusals() async throws {
        let storage = try await StorageUnderTest.fresh(sqlite: true)
        try await storage.addAccounts()
        let backup = try TestSupport.temporaryFolder() + "/backup.sqlite"
        let made = try await CommandLineRunner.runPolling(["store", "backup", backup, "--data", storage.folder])
        #expect(made.exitCode == 0, "\(made.standardError)")
        let database = storage.folder + "/respect.sqlite"
        let original = try Data(contentsOf: URL(fileURLWithPath: database))

        let over = try await CommandLineRunner.runPolling(["store", "restore", backup, "--data", storage.folder])
        #expect(over.exitCode == 73 && over.standardError.contains("already exists"), "\(over.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == original)

        let garbage = try TestSupport.temporaryFolder() + "/not-a-backup.sqlite"
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage))
        let fresh = try TestSupport.temporaryFolder() + "/fresh"
        let refused = try await CommandLineRunner.runPolling(["store", "restore", garbage, "--data", fresh])
        #expect(refused.exitCode == 65, "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: fresh + "/respect.sqlite"))
        let missing = try await CommandLineRunner.runPolling(["store", "backup", backup, "--data", fresh + "/nothing"])
        #expect(missing.exitCode == 66, "\(missing.standardError)")
    }
}

import Foundation
import RespectAssessment
import RespectTestSupport
import Testing

/// `respect batch` validates through the validation screen when the standards folder holds the
/// shipped schemas, and with libxml2 alone otherwise: its rows are the same either way.
@Suite("Batch validation")
struct BatchValidationTests {
    @Test("a round validates through the screen")
    func roundsAreScreened() {
        #expect(BatchScorer.screening == .whenRecognised)
    }

    @Test("a standards folder whose submission XSD is an edited copy gives every file the same row")
    func editedSchemaGivesTheSameRows() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let standards = folder + "/standards"
        try FileManager.default.copyItem(atPath: TestSupport.standardsDirectory, toPath: standards)
        let xsd = standards + "/schema/submission-v1.xsd"
        let original = try String(contentsOfFile: xsd, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "<xs:schema ", with: "<!-- a local copy: not the shipped bytes -->\n<xs:schema ")
        #expect(edited != original)
        try edited.write(toFile: xsd, atomically: true, encoding: .utf8)

        let paths = [TestSupport.fixture("batch/round"), TestSupport.examplesDirectory + "/submissions"]
        let shipped = try CommandLineRunner.run(["batch"] + paths + ["--csv", folder + "/shipped.csv"])
        let local = try CommandLineRunner.run(["batch"] + paths + ["--csv", folder + "/local.csv", "--standards", standards])
        #expect(shipped.exitCode == 65 && local.exitCode == 65)
        let shippedRows = try String(contentsOfFile: folder + "/shipped.csv", encoding: .utf8)
        // The only difference: the folder named when an edition is not installed.
        let localRows = try String(contentsOfFile: folder + "/local.csv", encoding: .utf8)
            .replacingOccurrences(of: "installed in \(standards);", with: "installed in standards;")
        #expect(CSVRecords.parse(shippedRows).count == 13)  // the header and 12 files
        #expect(shippedRows == localRows)
    }
}

import Foundation
import RespectModel
@testable import RespectXML
import RespectTestSupport
import Testing

/// The validation screen serves only the shipped schemas it is proven equal to libxml2 on,
/// recognised by the SHA-256 of their bytes, and only when asked to; every other schema, and
/// every schema by default, is validated by libxml2 alone.
@Suite struct RecognisedSchemaTests {
    static let schemaDirectory = TestSupport.standardsDirectory + "/schema"

    static func fileBytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func theListedDigestsAreThoseOfTheShippedSchemas() throws {
        #expect(RecognisedSchemas.sha256.keys.sorted() == ["crosswalk-v1.xsd", "submission-v1.xsd"])
        for (file, listed) in RecognisedSchemas.sha256.sorted(by: { $0.key < $1.key }) {
            let actual = SHA256Digest.hex(of: try Self.fileBytes(Self.schemaDirectory + "/" + file))
            #expect(actual == listed, """
                standards/schema/\(file) has changed: its SHA-256 is now \(actual), but \
                Sources/RespectXML/RecognisedSchemas.swift lists \(listed), so the engine no \
                longer screens it. To keep the screen for it, run `swift test --filter \
                ScreenDifferentialTests` (the screen must still agree with libxml2 on the new \
                schema), then change its line in RecognisedSchemas.sha256 to \
                "\(file)": "\(actual)",
                """)
        }
    }

    /// The digest fixes the whole schema only because the file brings in nothing else.
    @Test func theRecognisedSchemasAreSelfContained() throws {
        for file in RecognisedSchemas.sha256.keys.sorted() {
            let text = String(decoding: try Self.fileBytes(Self.schemaDirectory + "/" + file), as: UTF8.self)
            for part in ["include", "import", "redefine", "override"] {
                #expect(!text.contains(":" + part + " "), "\(file) has an xs:\(part)")
            }
        }
    }

    @Test func theRecognisedSchemasAreScreenedWhenAsked() throws {
        let schemas = SchemaSet(directory: Self.schemaDirectory, screening: .whenRecognised)
        let submission = try schemas.schema(for: .submission), crosswalk = try schemas.schema(for: .crosswalk)
        #expect(submission.nativeIdentityConstraints == ["evidenceId", "factId", "serviceType", "factSource"])
        #expect(submission.nativePatternTypes == ["Identifier", "SHA256"])
        #expect(crosswalk.nativeIdentityConstraints == ["targetStandard"])
        #expect(crosswalk.nativePatternTypes == ["Identifier"])
        // Not listed: validated by libxml2 alone even when screening is asked for.
        for kind in [DocumentKind.framework, .tender, .findings] {
            #expect(try schemas.schema(for: kind).screen == nil, "\(kind)")
        }
    }

    @Test func screeningIsOffByDefault() throws {
        #expect(SchemaSet(directory: Self.schemaDirectory).screening == .never)
        #expect(try SchemaSet(directory: Self.schemaDirectory).schema(for: .submission).screen == nil)
        #expect(try XMLSchema(contentsOf: Self.schemaDirectory + "/submission-v1.xsd").screen == nil)
        #expect(try XMLSchema(contentsOf: Self.schemaDirectory + "/submission-v1.xsd").nativeIdentityConstraints.isEmpty)
    }

    /// A standards folder given with `--standards` whose submission XSD differs by one comment:
    /// the engine validates against it with libxml2 alone, and still judges every file alike.
    @Test func anEditedCopyOfAShippedSchemaIsNeverScreened() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = String(decoding: try Self.fileBytes(Self.schemaDirectory + "/submission-v1.xsd"), as: UTF8.self)
        text = text.replacingOccurrences(of: "<xs:simpleType name=\"Identifier\">", with: "<!-- edited -->\n  <xs:simpleType name=\"Identifier\">")
        try text.write(toFile: folder + "/submission-v1.xsd", atomically: true, encoding: .utf8)

        let schema = try SchemaSet(directory: folder, screening: .whenRecognised).schema(for: .submission)
        #expect(schema.screen == nil)
        #expect(schema.nativeIdentityConstraints.isEmpty && schema.nativePatternTypes.isEmpty)
        let achieved = try Self.fileBytes(TestSupport.examplesDirectory + "/submissions/achieved.xml")
        let verdicts = try schema.verdicts(bytes: achieved, sourceName: "achieved.xml")
        #expect(verdicts.screen == nil)
        #expect(verdicts.full)
    }

    @Test func theScreenIsCompiledWhenTheFirstDocumentIsValidated() throws {
        let schema = try XMLSchema(contentsOf: Self.schemaDirectory + "/submission-v1.xsd", screening: .whenRecognised)
        let screen = try #require(schema.screen)
        #expect(!screen.isCompiled)
        let achieved = try Self.fileBytes(TestSupport.examplesDirectory + "/submissions/achieved.xml")
        _ = try XMLDocumentReader().read(bytes: achieved, sourceName: "achieved.xml") { _ in schema }
        #expect(screen.isCompiled)
        #expect(schema.nativeIdentityConstraints == ["evidenceId", "factId", "serviceType", "factSource"])
    }

    /// The first validations race to compile the screen (`scripts/tsan.sh` runs this under the
    /// thread sanitizer).
    @Test func documentsValidatedAtOnceShareOneScreen() async throws {
        let schema = try XMLSchema(contentsOf: Self.schemaDirectory + "/submission-v1.xsd", screening: .whenRecognised)
        let achieved = try Self.fileBytes(TestSupport.examplesDirectory + "/submissions/achieved.xml")
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (try? XMLDocumentReader().read(bytes: achieved, sourceName: "achieved.xml") { _ in schema }) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 8)
        #expect(schema.screen?.isCompiled == true)
    }
}

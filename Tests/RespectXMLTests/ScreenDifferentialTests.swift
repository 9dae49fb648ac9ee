import Foundation
import RespectCorpus
import RespectModel
@testable import RespectXML
import RespectTestSupport
import Testing

/// The guarantee behind the validation screen: the engine never accepts a document libxml2's
/// full validation rejects. Real documents (the example submissions, generated ones, the shipped
/// crosswalk and the screen's fixture documents) are mutated every way the screen could misjudge
/// (`DocumentMutations`), from a fixed seed; each mutated document must get from the engine,
/// reading it through the screen as a batch does, the verdict libxml2 gives it against the full
/// schema, in process and in `xmllint --schema`.
@Suite struct ScreenDifferentialTests {
    static let seed: UInt64 = 20_261_124
    static let schemaDirectory = TestSupport.standardsDirectory + "/schema"
    static let screenedSchemas = SchemaSet(directory: schemaDirectory, screening: .whenRecognised)
    static let fullSchemas = SchemaSet(directory: schemaDirectory)

    /// One schema loaded twice: screened, and validated by libxml2 alone.
    struct SchemaUnderTest {
        let path: String
        let screened: XMLSchema
        let full: XMLSchema

        static func shipped(_ kind: DocumentKind) throws -> SchemaUnderTest {
            SchemaUnderTest(path: screenedSchemas.path(for: kind), screened: try screenedSchemas.schema(for: kind),
                            full: try fullSchemas.schema(for: kind))
        }

        /// A fixture schema, screened although it is not a shipped one.
        static func fixture(_ name: String) throws -> SchemaUnderTest {
            let path = TestSupport.fixture("xml/identity/" + name)
            return SchemaUnderTest(path: path, screened: try XMLSchema(contentsOf: path, admitting: .anySchema),
                                   full: try XMLSchema(contentsOf: path))
        }
    }

    /// A real document to mutate.
    struct Base {
        let name: String
        let bytes: [UInt8]
        let shape: DocumentShape
    }

    static func base(_ path: String, _ shape: DocumentShape) throws -> Base {
        Base(name: (path as NSString).lastPathComponent, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), shape: shape)
    }

    /// Each mutation applied once to each base, then `combinations` documents per base with two
    /// or three mutations; every base gets its own stream of the seed.
    static func mutatedDocuments(_ bases: [Base], mutations: [DocumentMutation] = DocumentMutations.all,
                                 combinations: Int = 3) -> [(name: String, bytes: [UInt8])] {
        var documents: [(name: String, bytes: [UInt8])] = []
        for (index, base) in bases.enumerated() {
            var random = SplitMix64(seed: seed, stream: UInt64(index))
            for mutation in mutations {
                var bytes = base.bytes
                if mutation.apply(&bytes, base.shape, &random) { documents.append(("\(base.name): \(mutation.name)", bytes)) }
            }
            for number in 0..<combinations {
                var bytes = base.bytes
                var names: [String] = []
                for mutation in random.sample(mutations, count: random.int(in: 2...3)) where mutation.apply(&bytes, base.shape, &random) {
                    names.append(mutation.name)
                }
                documents.append(("\(base.name): combination \(number + 1) (\(names.joined(separator: ", ")))", bytes))
            }
        }
        return documents
    }

    /// What a run found, to show that it tested something.
    struct Tally {
        var accepted = 0
        var rejected = 0
        var passedByTheScreen = 0
    }

    /// Judges every document three ways and records each disagreement: the engine reading it
    /// through the screened schema, libxml2's full validation in process, and `xmllint`.
    static func compare(_ documents: [(name: String, bytes: [UInt8])], against schema: SchemaUnderTest) throws -> Tally {
        #expect(!schema.screened.nativeIdentityConstraints.isEmpty || !schema.screened.nativePatternTypes.isEmpty,
                "\(schema.path) is not screened: the test would compare libxml2 with itself")
        let xmllint = try XMLLintRun(schema: schema.path, documents: documents.map(\.bytes))
        var tally = Tally()
        for (index, document) in documents.enumerated() {
            let engine = (try? XMLDocumentReader().read(bytes: document.bytes, sourceName: "mutated.xml") { _ in schema.screened }) != nil
            let libxml2 = (try? schema.full.verdicts(bytes: document.bytes, sourceName: "mutated.xml"))?.full ?? false
            let screen = (try? schema.screened.verdicts(bytes: document.bytes, sourceName: "mutated.xml"))?.screen ?? nil
            #expect(engine == libxml2, "\(document.name): the engine says \(engine ? "valid" : "invalid"), libxml2 does not")
            #expect(engine == xmllint.accepted[index], "\(document.name): the engine says \(engine ? "valid" : "invalid"), xmllint does not")
            if screen == true {
                #expect(libxml2, "\(document.name): the screen passed a document the full schema rejects")
                tally.passedByTheScreen += 1
            }
            if engine { tally.accepted += 1 } else { tally.rejected += 1 }
        }
        return tally
    }

    @Test func theExampleSubmissionsMutatedGetLibxml2sVerdict() throws {
        let folder = TestSupport.examplesDirectory + "/submissions"
        let bases = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
            .map { try Self.base(folder + "/" + $0, .submission) }
        #expect(bases.count == 4)
        let documents = Self.mutatedDocuments(bases)
        let tally = try Self.compare(documents, against: .shipped(.submission))
        #expect(documents.count > 150)
        #expect(tally.accepted > 30 && tally.rejected > 30 && tally.passedByTheScreen == tally.accepted)
    }

    @Test func generatedSubmissionsMutatedGetLibxml2sVerdict() throws {
        let framework = try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        let generator = CorpusGenerator(framework: framework, seed: Self.seed)
        let bases = (1...3).map { number in
            Base(name: "generated-\(number).xml", bytes: Array(generator.submission(number: number).document.utf8), shape: .submission)
        }
        var random = SplitMix64(seed: Self.seed)
        let documents = Self.mutatedDocuments(bases, mutations: random.sample(DocumentMutations.all, count: 12), combinations: 2)
        let tally = try Self.compare(documents, against: .shipped(.submission))
        #expect(tally.accepted > 0 && tally.rejected > 0)
    }

    @Test func theShippedCrosswalkMutatedGetsLibxml2sVerdict() throws {
        let base = try Self.base(TestSupport.standardsDirectory + "/crosswalk-respect2017-ho2023.xml", .crosswalk)
        let tally = try Self.compare(Self.mutatedDocuments([base]), against: .shipped(.crosswalk))
        #expect(tally.accepted > 5 && tally.rejected > 5)
    }

    /// The fixture schemas have keys without patterns, so that white space, canonically
    /// equivalent text and combining marks reach the identity checks.
    @Test(arguments: [
        ("book.xml", "token-key.xsd"), ("register.xml", "replace-key.xsd"), ("patterned-book.xml", "patterns.xsd"),
    ])
    func theScreensFixtureDocumentsMutatedGetLibxml2sVerdict(document: String, schema: String) throws {
        let shape: DocumentShape = switch schema {
        case "token-key.xsd": .tokenBook
        case "replace-key.xsd": .register
        default: .patternedBook
        }
        let base = try Self.base(TestSupport.fixture("xml/identity/" + document), shape)
        let tally = try Self.compare(Self.mutatedDocuments([base]), against: .fixture(schema))
        #expect(tally.accepted > 5 && tally.rejected > 5 && tally.passedByTheScreen > 5)
    }
}

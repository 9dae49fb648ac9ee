import Foundation
import RespectModel
import RespectXML
import RespectTestSupport
import Testing

/// One hostile or broken input and what the engine must do with it, whichever way it is run
/// (library, `respect validate`, `respect check`; see `HostileLeg`).
struct HostileCase: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable {
        /// Checked as a submission against the workspace's standards folder (mini@1 installed).
        case submission
        /// Checked as the framework (`check --framework FILE`) of the mini submission.
        case framework
    }

    enum Source: Sendable {
        /// A committed file under `Fixtures/hostile/`.
        case fixture(String)
        /// A file generated at test time in `HostileWorkspace`.
        case generated(String)
    }

    var name: String
    var kind: Kind = .submission
    /// The path is a folder (given where a file is expected).
    var isDirectory: Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
    var source: Source
    /// Limits other than the defaults (`--max-file-size`, `--max-depth`, `--max-evidence-items`).
    var limits = XMLLimits.default
    var maxEvidenceItems = DocumentLoader.defaultMaxEvidenceItems
    /// Exit code of `respect validate FILE` (0 when the input is legal).
    var validateExit: Int32
    /// Exit code of `respect check` (the verdict's code when the input is legal); the library
    /// leg maps its result to the same code.
    var checkExit: Int32
    /// For a refused input, the line the error names (`FILE:LINE` appears in it); nil when the
    /// problem is the file as a whole (empty, too large, not a regular file).
    var line: Int?
    /// Text that must appear: in the error for a refused input, in the report for a legal one.
    var says: [String]
    /// Whether the error names the input file (a missing framework edition names the folder).
    var errorNamesFile = true

    var testDescription: String { name }

    /// The input's path.
    var path: String {
        switch source {
        case .fixture(let name): TestSupport.fixture("hostile/" + name)
        case .generated(let name): HostileWorkspace.shared.path(name)
        }
    }

    /// The limit options a user would pass for this case.
    var limitOptions: [String] {
        var options: [String] = []
        if limits.maxFileBytes != XMLLimits.default.maxFileBytes { options += ["--max-file-size", String(limits.maxFileBytes)] }
        if limits.maxDepth != XMLLimits.default.maxDepth { options += ["--max-depth", String(limits.maxDepth)] }
        if limits.maxElements != XMLLimits.default.maxElements { options += ["--max-elements", String(limits.maxElements)] }
        if maxEvidenceItems != DocumentLoader.defaultMaxEvidenceItems { options += ["--max-evidence-items", String(maxEvidenceItems)] }
        return options
    }

    /// An input that must be refused by every leg with `exit` and a located message.
    static func refused(_ name: String, _ source: Source, as kind: Kind = .submission, exit: Int32 = 65,
                        line: Int?, says: [String]) -> HostileCase {
        HostileCase(name: name, kind: kind, source: source, validateExit: exit, checkExit: exit, line: line, says: says)
    }

    /// A legal input: `validate` accepts it and `check` gives the verdict's exit code.
    /// Evaluated by `check`, but refused by `validate` (exit 65): something in it will not count.
    /// `says` must appear in both; `line` is where `validate` locates it.
    static func notCounted(_ name: String, _ source: Source, checkExit: Int32, line: Int, says: [String]) -> HostileCase {
        HostileCase(name: name, source: source, validateExit: 65, checkExit: checkExit, line: line, says: says)
    }

    static func evaluated(_ name: String, _ source: Source, checkExit: Int32, says: [String]) -> HostileCase {
        HostileCase(name: name, source: source, validateExit: 0, checkExit: checkExit, line: nil, says: says)
    }
}

/// The table. Exit codes as documented: 0 achieved, 20 not yet, 65 bad data, 66 missing input.
extension HostileCase {
    static let doctype = "DOCTYPE declarations (DTDs, entities) are not allowed"

    static let all: [HostileCase] = entities + encodings + damaged + notFiles + limitCases + references + dates + numbers + editions + fuzzFindings

    /// External and internal entities, DTDs: refused at the DOCTYPE, before anything is read or fetched.
    static let entities: [HostileCase] = [
        .refused("external entity: a local file by relative path", .fixture("xxe-local-file.xml"), line: 2, says: [doctype]),
        .refused("external entity: a local file by absolute path", .generated("xxe-absolute-path.xml"), line: 2, says: [doctype]),
        .refused("external entity: a file: URL", .generated("xxe-file-url.xml"), line: 2, says: [doctype]),
        .refused("external entity: an http URL", .fixture("xxe-url.xml"), line: 2, says: [doctype]),
        .refused("external parameter entity", .fixture("xxe-parameter-entity.xml"), line: 2, says: [doctype]),
        .refused("external DTD by URL", .fixture("external-dtd.xml"), line: 2, says: [doctype]),
        .refused("DTD, entities and parameter entity aimed at a local listener", .generated("xxe-local-listener.xml"), line: 2, says: [doctype]),
        .refused("billion laughs (nested entity expansion)", .fixture("billion-laughs.xml"), line: 2, says: [doctype]),
        .refused("quadratic blow-up (one big entity referenced 20,000 times)", .generated("quadratic-blowup.xml"), line: 2, says: [doctype]),
        .refused("DTD with default attributes that would change the verdict", .fixture("dtd-default-attributes.xml"), line: 2, says: [doctype]),
    ]

    /// UTF-8 and UTF-16 (with or without byte-order mark) are read; anything else is refused.
    static let encodings: [HostileCase] = [
        .evaluated("UTF-8 with a byte-order mark", .fixture("utf8-bom.xml"), checkExit: 0, says: ["ACHIEVED"]),
        .evaluated("UTF-16 little-endian with a byte-order mark", .fixture("utf16le-bom.xml"), checkExit: 0, says: ["ACHIEVED"]),
        .evaluated("UTF-16 big-endian without a byte-order mark", .fixture("utf16be-no-bom.xml"), checkExit: 0, says: ["ACHIEVED"]),
        .refused("invalid UTF-8", .fixture("invalid-utf8.xml"), line: 12, says: ["the text here is not UTF-8", "files must be UTF-8 or UTF-16"]),
        .refused("Latin-1 bytes declared as ISO-8859-1", .fixture("latin1-declared.xml"), line: 12, says: ["the text here is not UTF-8", "files must be UTF-8 or UTF-16"]),
    ]

    /// Files cut short, empty or not XML at all.
    static let damaged: [HostileCase] = [
        .refused("truncated file", .fixture("truncated.xml"), line: 21, says: ["the file ends before", "it may have been cut short"]),
        .refused("empty file", .fixture("empty.xml"), line: nil, says: ["the file is empty; expected an XML document"]),
        .refused("only white space", .fixture("only-whitespace.xml"), line: 3, says: ["no XML here; the file must hold one document"]),
        .refused("a root element in an unknown namespace version", .fixture("wrong-namespace.xml"), line: nil,
                 says: ["urn:respect-engine:submission:v2", "not one of the known document kinds",
                        "expected one of: <framework> in namespace urn:respect-engine:framework:v1"]),
        .refused("5,000 schema errors: the first 1,000 are listed, the rest counted", .generated("many-errors.xml"), line: 11,
                 says: ["'2026-13-01' is not a valid value", "more problem(s) not shown"]),
    ]

    /// Paths that are not regular files: refused from `stat`, never opened (a FIFO would block).
    static let notFiles: [HostileCase] = [
        .refused("a directory given as a file", .generated("folder.xml"), line: nil, says: ["this is a directory, not a regular file"]),
        .refused("a FIFO given as a file", .generated("fifo.xml"), line: nil, says: ["this is a FIFO (named pipe), not a regular file"]),
        .refused("a link to /dev/zero", .generated("zero.xml"), line: nil, says: ["this is a device, not a regular file"]),
        .refused("a symbolic link to itself", .generated("loop.xml"), line: nil,
                 says: ["the file cannot be read (Too many levels of symbolic links)"]),
        .refused("a file that does not exist", .generated("no-such-file.xml"), exit: 66, line: nil, says: ["file not found"]),
    ]

    /// Size, depth and evidence-count limits: each error names the limit and the flag that raises it.
    static let limitCases: [HostileCase] = [
        .refused("an 8 GiB file over the size limit (refused from its size, unread)", .generated("sparse-8GiB.xml"), line: nil,
                 says: ["the file is 8589934592 bytes, over the limit of 33554432 bytes", "--max-file-size"]),
        HostileCase(name: "a file just over --max-file-size 1000", source: .generated("over-small-limit.xml"),
                    limits: XMLLimits(maxFileBytes: 1000), validateExit: 65, checkExit: 65, line: nil,
                    says: ["over the limit of 1000 bytes", "--max-file-size"]),
        .refused("100,000 levels of nesting", .generated("deep-nesting.xml"), line: 6,
                 says: ["nested more than 64 levels deep", "--max-depth"]),
        .refused("a million empty elements", .generated("million-elements.xml"), line: 6,
                 says: ["the file has more than 500000 elements", "--max-elements"]),
        HostileCase(name: "a million empty elements with --max-elements 2000000", source: .generated("million-elements.xml"),
                    limits: XMLLimits(maxElements: 2_000_000), validateExit: 65, checkExit: 65, line: 6,
                    says: ["<a> is not allowed here; expected <service>"]),
        .refused("a 10 MB title", .generated("huge-text-node.xml"), line: 12,
                 says: ["is too long: 10000001 (characters, or entries in a list), and at most 2000 are allowed"]),
        .refused("20,001 evidence items, over the default limit", .generated("many-evidence.xml"), line: HostileWorkspace.firstItemPastLimitLine,
                 says: ["the submission has more than 20000 evidence items", "--max-evidence-items"]),
        HostileCase(name: "20,001 evidence items with --max-evidence-items 30000", source: .generated("many-evidence.xml"),
                    maxEvidenceItems: 30_000, validateExit: 0, checkExit: 0, line: nil, says: ["ACHIEVED"]),
    ]

    /// Duplicate ids and references to things that do not exist.
    static let references: [HostileCase] = [
        .refused("duplicate evidence ids", .fixture("duplicate-evidence-id.xml"), line: 20, says: ["the id 'E2' on <item> is used more than once"]),
        .refused("duplicate fact ids", .fixture("duplicate-fact-id.xml"), line: 43, says: ["the id 'programme-weeks' on <fact> is used more than once"]),
        .refused("duplicate indicator ids in a framework", .fixture("framework-duplicate-indicator.xml"), as: .framework, line: 45,
                 says: ["the id 'policy-current' on <indicator> is used more than once"]),
        .refused("a framework requiring an undefined evidence type", .fixture("framework-unknown-evidence-type.xml"), as: .framework, line: 75,
                 says: ["'no-such-type'"]),
        .refused("a fact sourced from unknown evidence", .fixture("unknown-evidence-source.xml"), line: 42, says: ["'E99'"]),
        .notCounted("evidence supporting an unknown indicator", .fixture("unknown-indicator.xml"), checkExit: 0, line: 16,
                    says: ["16: ", "evidence E2 supports 'no-such-indicator', which is not an indicator of mini@1"]),
        .notCounted("an item offered for 7 unknown indicators gets one warning", .fixture("unknown-indicators-many.xml"), checkExit: 0, line: 16,
                    says: ["16: ", "evidence E2 supports 'u0', 'u1', 'u2', 'u3', 'u4' and 2 more, which are not indicators of mini@1"]),
        .notCounted("2,000 items each offered for 150 unknown indicators", .generated("many-unknown-supports.xml"), checkExit: 0, line: 2010,
                    says: ["2010: ", "evidence U1999 supports 'x0', 'x1', 'x2', 'x3', 'x4' and 145 more, which are not indicators of mini@1"]),
        .refused("an item offered for 1,002 indicators", .generated("many-supports.xml"), line: 18,
                 says: ["is too long: 1002", "at most 1000 are allowed"]),
        .notCounted("an action for an unknown indicator", .fixture("action-for-unknown-indicator.xml"), checkExit: 0, line: 47,
                    says: ["47: ", "action-plan entry for 'no-such-indicator', which is not an indicator of mini@1"]),
    ]

    /// Impossible, mis-formatted and extreme dates.
    static let dates: [HostileCase] = [
        .refused("month 13", .fixture("date-month-13.xml"), line: 20,
                 says: ["'2026-13-01' is not a valid value", "Expected: A calendar date written YYYY-MM-DD"]),
        .refused("29 February in a non-leap year", .fixture("date-feb-29-non-leap.xml"), line: 20, says: ["'2026-02-29' is not a valid value"]),
        .refused("a date written MM/DD/YYYY", .fixture("date-us-format.xml"), line: 20, says: ["'01/15/2026' is not a valid value"]),
        .refused("year 0000", .fixture("date-year-0.xml"), line: 3, says: ["'0000-06-30' is not a valid value"]),
        .evaluated("evidence issued in year 9999 does not count", .fixture("date-year-9999.xml"), checkExit: 20,
                   says: ["NOT YET", "evidence E3 is dated 9999-12-31, after the as-of date 2026-06-30; it does not count"]),
        .evaluated("a review date in year 9999", .fixture("date-review-9999.xml"), checkExit: 0, says: ["ACHIEVED"]),
        .evaluated("an as-of date in year 1 (age limits reach before the calendar starts)", .fixture("date-asof-year-1.xml"), checkExit: 20,
                   says: ["NOT YET", "after the as-of date 0001-06-30"]),
    ]

    /// Numbers that overflow, are too precise, negative or in the wrong notation.
    static let numbers: [HostileCase] = [
        .refused("a fact value of 20 digits", .fixture("fact-overflow.xml"), line: 42,
                 says: ["'99999999999999999999'", "Expected: A decimal number (at most 12 digits before the point and 6 after) or true / false."]),
        .refused("a fact value with 7 decimals", .fixture("fact-too-precise.xml"), line: 42, says: ["'24.0000001'"]),
        .refused("a fact value in exponent notation", .fixture("fact-exponent.xml"), line: 42, says: ["'2.4e1'"]),
        .evaluated("a negative fact value fails its threshold", .fixture("fact-negative.xml"), checkExit: 20, says: ["NOT YET", "-24"]),
        .refused("a minimum evidence count of 20 digits", .fixture("framework-min-overflow.xml"), as: .framework, line: 47,
                 says: ["'99999999999999999999' in min on <evidence> is above the highest value allowed, 10000"]),
        .refused("an age limit past Int64", .fixture("framework-maxage-overflow.xml"), as: .framework, line: 47,
                 says: ["'9223372036854775808'", "is above the highest value allowed, 600"]),
        .refused("a negative atLeast count", .fixture("framework-negative-count.xml"), as: .framework, line: 57,
                 says: ["'-2'", "Expected: A whole number from 1 to 10000."]),
        .refused("a threshold of 20 digits", .fixture("framework-threshold-overflow.xml"), as: .framework, line: 69,
                 says: ["threshold value is '99999999999999999999'; expected a decimal number"]),
    ]

    /// A submission for an edition that is not installed: validate says so, check lists what is.
    static let editions: [HostileCase] = [
        HostileCase(name: "a submission targeting an edition that is not installed", source: .fixture("edition-not-installed.xml"),
                    validateExit: 0, checkExit: 66, line: nil,
                    says: ["framework mini@9 is not installed", "installed: mini@1", "--framework"], errorNamesFile: false),
    ]

    /// What `scripts/fuzz.sh` found, kept as regressions. (It found no crash or hang in 41
    /// minutes; the one finding was libxml2 printing raw "encoding error" lines on standard
    /// error for UTF-16 that does not decode, and reporting only a misleading "Premature end".)
    static let fuzzFindings: [HostileCase] = [
        .refused("UTF-16 with an unpaired surrogate", .fixture("utf16-bad-surrogate.xml"), line: 12,
                 says: ["the bytes 0x3D 0xDA 0x53 0x00 are not valid UTF-16 (files must be UTF-8 or UTF-16)"]),
    ]
}

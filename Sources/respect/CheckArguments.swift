import ArgumentParser
import RespectCommandSupport
import RespectModel
import RespectXML

/// `respect check`'s arguments read directly, without argument-parser's reflection, for the
/// forms people type: the submission and any of `check`'s options, each given once as
/// `--name value` (or `-o value`), `--findings` as often as wanted.
///
/// argument-parser learns a command's options by reflecting a default instance of it and
/// looking each option type's conformances up among the program's eight thousand; for `check`
/// that was 3.7 ms of a run stopping at a missing file (9.1 ms against 5.4 ms, on the README's
/// machine). This reader knows `check`'s options from `options` and fills in the same
/// `CheckRun` that `CheckCommand`, parsed by argument-parser, gives; it builds none of
/// argument-parser's property wrappers, whose first construction alone cost a short check most
/// of a millisecond.
///
/// Whatever it does not fully understand makes it return `nil`, and argument-parser then parses
/// the arguments as always, so every error message and every help text still comes from
/// argument-parser: `--help`, `--version` and other built-in flags, an unknown or repeated
/// option, `--name=value`, a missing value or one starting with `-`, a value that does not
/// convert, no submission or two, `--`, and anything a `validate()` refuses.
/// `CheckArgumentsTests` proves that the two agree on every field, and that `options` names
/// exactly the options argument-parser knows `check` by, so an option added to `check` and not
/// here fails the tests rather than being read wrong.
enum CheckArguments {
    /// How an option is written and what it takes.
    enum Kind { case flag, value, repeatable }

    /// Every name `check` accepts, with its kind.
    static let options: [(name: String, kind: Kind)] = [
        ("--framework", .value), ("--as-of", .value), ("--format", .value), ("--no-bom", .flag),
        ("-o", .value), ("--output", .value), ("--all", .flag), ("--evidence-root", .value),
        ("--crosswalk", .value), ("--standards", .value), ("--max-file-size", .value),
        ("--max-depth", .value), ("--max-evidence-items", .value), ("--max-elements", .value),
        ("--findings", .repeatable), ("--store", .value), ("--assessor", .value),
    ]

    /// The check `arguments` (those after `check`) describe, or `nil` when argument-parser
    /// must read them.
    static func parse(_ arguments: [String]) -> CheckRun? {
        var submission: String?
        var values: [(name: String, value: String)] = []
        var flags: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                guard submission == nil else { return nil }
                submission = argument
                continue
            }
            // `-o` is `--output`: one option, however it is written.
            let name = argument == "-o" ? "--output" : argument
            guard let option = options.first(where: { $0.name == argument }) else { return nil }
            switch option.kind {
            case .flag:
                guard !flags.contains(name) else { return nil }
                flags.append(name)
            case .value, .repeatable:
                guard index < arguments.endIndex, !arguments[index].hasPrefix("-") else { return nil }
                if option.kind == .value, values.contains(where: { $0.name == name }) { return nil }
                values.append((name, arguments[index]))
                index += 1
            }
        }
        guard let submission else { return nil }
        return check(submission: submission, values: values, flags: flags)
    }

    /// The check with every option set as argument-parser sets it: the value given, else the
    /// declared default. `nil` when a value does not convert or validation fails.
    private static func check(submission: String, values: [(name: String, value: String)], flags: [String]) -> CheckRun? {
        func value(_ name: String) -> String? { values.last { $0.name == name }?.value }
        // A limit given replaces the default; one that is not a number is argument-parser's to refuse.
        func number(_ name: String, else fallback: Int) -> Int? {
            guard let text = value(name) else { return fallback }
            return Int(text)
        }
        let defaults = EngineSettings()
        guard let maxFileSize = number("--max-file-size", else: defaults.maxFileSize),
              let maxDepth = number("--max-depth", else: defaults.maxDepth),
              let maxEvidenceItems = number("--max-evidence-items", else: defaults.maxEvidenceItems),
              let maxElements = number("--max-elements", else: defaults.maxElements) else { return nil }
        let engine = EngineSettings(standards: value("--standards"), maxFileSize: maxFileSize, maxDepth: maxDepth,
                                    maxEvidenceItems: maxEvidenceItems, maxElements: maxElements)
        var check = CheckRun(submission: submission)
        if let text = value("--format") {
            guard let format = CheckOutputFormat(rawValue: text) else { return nil }
            check.format = format
        }
        check.framework = value("--framework")
        check.asOf = value("--as-of")
        check.noBom = flags.contains("--no-bom")
        check.output = value("--output")
        check.all = flags.contains("--all")
        check.evidenceRoot = value("--evidence-root")
        check.crosswalk = value("--crosswalk")
        check.engine = engine
        check.assessor = AssessorSettings(findings: values.filter { $0.name == "--findings" }.map(\.value),
                                          store: value("--store"), assessor: value("--assessor"))
        do {
            try check.validate()
        } catch {
            return nil
        }
        return check
    }
}

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
/// that is a tenth of a short run (1.3 ms of 18 on the README's machine). This reader knows
/// `check`'s options from `options` and fills in the same command argument-parser would.
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

    /// The command `arguments` (those after `check`) describe, or `nil` when argument-parser
    /// must read them.
    static func parse(_ arguments: [String]) -> CheckCommand? {
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
        return command(submission: submission, values: values, flags: flags)
    }

    /// The command with every property set, as argument-parser sets them: the value given,
    /// else the declared default. `nil` when a value does not convert or validation fails.
    private static func command(submission: String, values: [(name: String, value: String)], flags: [String]) -> CheckCommand? {
        func value(_ name: String) -> String? { values.last { $0.name == name }?.value }
        func number(_ name: String, default fallback: Int) -> Int? {
            guard let text = value(name) else { return fallback }
            return Int(text)
        }
        var format = CheckOutputFormat.text
        if let text = value("--format") {
            guard let given = CheckOutputFormat(rawValue: text) else { return nil }
            format = given
        }
        guard let maxFileSize = number("--max-file-size", default: XMLLimits.default.maxFileBytes),
              let maxDepth = number("--max-depth", default: XMLLimits.default.maxDepth),
              let maxEvidenceItems = number("--max-evidence-items", default: DocumentLoader.defaultMaxEvidenceItems),
              let maxElements = number("--max-elements", default: XMLLimits.default.maxElements) else { return nil }

        var engine = EngineOptions()
        engine.standards = value("--standards")
        engine.maxFileSize = maxFileSize
        engine.maxDepth = maxDepth
        engine.maxEvidenceItems = maxEvidenceItems
        engine.maxElements = maxElements

        var spreadsheet = SpreadsheetOptions()
        spreadsheet.noBom = flags.contains("--no-bom")

        var assessor = AssessorOptions()
        assessor.findings = values.filter { $0.name == "--findings" }.map(\.value)
        assessor.store = value("--store")
        assessor.assessor = value("--assessor")

        var command = CheckCommand()
        command.submission = submission
        command.framework = value("--framework")
        command.asOf = value("--as-of")
        command.format = format
        command.spreadsheet = spreadsheet
        command.output = value("--output")
        command.all = flags.contains("--all")
        command.evidenceRoot = value("--evidence-root")
        command.crosswalk = value("--crosswalk")
        command.engine = engine
        command.assessorOptions = assessor
        do {
            try engine.validate()
            try spreadsheet.validate()
            try assessor.validate()
            try command.validate()
        } catch {
            return nil
        }
        return command
    }
}

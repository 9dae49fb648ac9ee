import ArgumentParser
import RespectModel

/// Who a submission is from, for the commands that write one (`template`, `import`).
struct ProviderOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The provider's name, as registered.", valueName: "name"))
    var provider: String?

    @Option(name: .long, help: ArgumentHelp("The provider's charity number.", valueName: "number"))
    var charityNumber: String?

    @Option(name: .long, help: ArgumentHelp("The provider's company number.", valueName: "number"))
    var companyNumber: String?

    @Option(name: .long, help: ArgumentHelp("The region the provider works in.", valueName: "region"))
    var region: String?

    func validate() throws {
        if let provider, provider.allSatisfy(\.isWhitespace) { throw ValidationError("--provider needs a name") }
        if let provider, provider.count > 2000 { throw ValidationError("--provider is longer than 2000 characters") }
    }

    /// True when any option was given.
    var isGiven: Bool { provider != nil || charityNumber != nil || companyNumber != nil || region != nil }

    /// The provider these options describe; `defaultName` when no name is given.
    func provider(defaultName: String) -> Provider {
        Provider(name: provider ?? defaultName, charityNumber: charityNumber, companyNumber: companyNumber, region: region)
    }
}

/// Whether a CSV file starts with a UTF-8 byte-order mark, so spreadsheet programs read it as
/// UTF-8: by default a file written with --output (or --csv) does, standard output does not.
struct SpreadsheetOptions: ParsableArguments {
    @Flag(name: .long, help: "CSV: leave out the UTF-8 byte-order mark that makes spreadsheet programs read a CSV file as UTF-8 (standard output never has one).")
    var noBom = false

    /// `csv` as written to `path` (`nil` or `-`: standard output).
    func csv(_ csv: String, to path: String?) -> String {
        Self.csv(csv, to: path, noBom: noBom)
    }

    /// `csv` as written to `path` (`nil` or `-`: standard output), with or without the mark.
    static func csv(_ csv: String, to path: String?, noBom: Bool) -> String {
        guard let path, path != "-", !noBom else { return csv }
        return CSVWriter.byteOrderMark + csv
    }
}

import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectModel

/// `respect export`: a submission as an evidence register to open in a spreadsheet.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        _superCommandName: "respect",
        abstract: "Write a submission as an evidence register (one CSV file) to open in a spreadsheet.",
        discussion: """
            The file has the sections Submission, Services, Evidence, Facts and Actions, in the \
            layout `respect import` reads (see examples/register/README.md): importing it, with \
            no other option, gives a submission that evaluates exactly as this one. A file \
            written with --output starts with a UTF-8 byte-order mark so that spreadsheet \
            programs read it as UTF-8 (--no-bom leaves it out).

            Exit code 0, 65 when the submission is not valid, 66 when it is missing, 73 when the \
            output cannot be written.

            Example:
              respect export examples/submissions/working-towards.xml --output register.csv
            """
    )

    @Argument(help: ArgumentHelp("The submission XML file.", valueName: "submission"))
    var submission: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write the register to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var spreadsheet: SpreadsheetOptions

    @OptionGroup var engine: EngineOptions

    func run() throws {
        do {
            try OutputDestination.checkWritable(output, inputs: [submission])
            let csv = try engine.engine().exportRegister(.file(submission))
            try OutputDestination.write(spreadsheet.csv(csv, to: output), to: output)
        } catch {
            throw RespectExit.report(error)
        }
    }
}

import ArgumentParser
import Foundation
import RespectCommandSupport

/// The `respect` command: self-assessment against the Respect Standard. `RespectProgram`
/// starts it.
struct RespectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respect",
        abstract: "Check an evidence submission against the Respect Standard and say what is missing.",
        discussion: """
            The verdict is advisory: "achieved", "working towards" and "not yet" are the engine's \
            readings in commissioners' terms, and its percentages are this project's modelling. \
            Respect's own steps are membership, a self-assessment and readiness checklist, a desk \
            review, interviews and a site visit, then an independent panel's decision. Frameworks (editions of a standard) and their XSDs are read from \
            the standards folder: --standards DIR, else $RESPECT_STANDARDS, else ./standards, \
            else the standards folder of the checkout the program was built in.

            Output files (--output, --csv, --jsonl): a regular file is replaced atomically (a \
            temporary file in its folder, renamed over it), keeping its permissions and owner, \
            so a failed run leaves the old file whole; a symbolic link is followed and its \
            target written; a device, FIFO or socket is written directly, never replaced.

            Exit codes:
              0   achieved (check, plan) / at least one compliant bid (tender) / success (other commands)
              10  working towards (check, plan)
              20  not yet (check, plan)
              30  no bid is compliant (tender)
              64  usage error: bad option or argument
              65  bad data: a file is not well formed, not valid, or inconsistent
                  (batch: at least one submission could not be scored; the others were)
              66  missing input: a file, or the framework edition it needs, is not there
              69  serve, users, tokens, organisations, store: the program respect-server,
                  which runs them, is not installed next to respect
              70  internal error
              73  an output file could not be written, or a run could not be recorded in
                  the store
            """,
        version: RespectCommandVersion.current,
        subcommands: [CheckCommand.self, PlanCommand.self, TenderCommand.self, ValidateCommand.self, FrameworksCommand.self,
                      TemplateCommand.self, ImportCommand.self, ExportCommand.self,
                      HistoryCommand.self, DiffCommand.self,
                      BatchCommand.self, GenerateCommand.self,
                      ServeForward.self, UsersForward.self, TokensForward.self, OrganisationsForward.self, StoreForward.self]
    )
}

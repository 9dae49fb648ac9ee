import ArgumentParser

/// `respect frameworks`: what is installed (`list`, the default) and what changed between two
/// editions (`diff`).
struct FrameworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameworks",
        abstract: "List the installed framework editions, show one edition's reference, or compare two editions.",
        discussion: """
            Without a subcommand, lists what is installed (the same as `respect frameworks list`).

            Examples:
              respect frameworks
              respect frameworks show respect-standard@2017 --format html \\
                  --output reference.html
              respect frameworks diff respect-standard@2012 respect-standard@2017
            """,
        subcommands: [FrameworksListCommand.self, FrameworksShowCommand.self, FrameworksDiffCommand.self],
        defaultSubcommand: FrameworksListCommand.self
    )
}

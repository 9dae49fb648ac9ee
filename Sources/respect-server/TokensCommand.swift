import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectServer
import RespectStore

/// `respect tokens create EMAIL`: a bearer token for scripts.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ServiceCommands.tokens.name,
        abstract: ServiceCommands.tokens.abstract,
        subcommands: [TokensCreateCommand.self]
    )
}

struct TokensCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a bearer token for a user and print it (shown once; only its digest is kept).",
        discussion: "Use it as `Authorization: Bearer TOKEN`. Example: respect tokens create assessor@example.org --label round-script"
    )

    @Argument(help: "The user's email address.")
    var email: String

    @Option(name: .long, help: "What the token is for.")
    var label = "command line"

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        do {
            let store = try await dataOptions.open()
            guard let address = EmailAddress(email), let credentials = try await store.credentials(email: address) else {
                throw CommandFailure(description: "no user \(email); `respect users list` lists them", exitCode: RespectExit.noInput)
            }
            let (token, _) = try await AccountService(store: store, configuration: ServerConfiguration())
                .createToken(for: credentials.user, label: label, by: DataOptions.author)
            print(token)
        } catch {
            throw RespectExit.report(error)
        }
    }
}

/// `respect organisations add NUMBER --name NAME --kind provider|commissioner`, `respect organisations list`.
struct OrganisationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ServiceCommands.organisations.name,
        abstract: ServiceCommands.organisations.abstract,
        subcommands: [OrganisationsAddCommand.self, OrganisationsListCommand.self]
    )
}

struct OrganisationsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an organisation.")

    @Argument(help: "Its registered charity number, else its company number.")
    var number: String

    @Option(name: .long, help: "Its name.")
    var name: String

    @Option(name: .long, help: "provider or commissioner.")
    var kind: OrganisationKind

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        do {
            let store = try await dataOptions.open()
            let organisation = try await AccountService(store: store, configuration: ServerConfiguration())
                .addOrganisation(number: number, name: name, kind: kind, by: DataOptions.author)
            print("added organisation \(organisation.registeredNumber): \(organisation.name) (\(organisation.kind.rawValue))")
        } catch let error as AccountError {
            throw RespectExit.report(CommandFailure(description: error.description, exitCode: RespectExit.usage))
        } catch {
            throw RespectExit.report(error)
        }
    }
}

struct OrganisationsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organisations.")

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        do {
            for organisation in try await dataOptions.open().organisations() {
                print("\(organisation.registeredNumber)\t\(organisation.kind.rawValue)\t\(organisation.name)")
            }
        } catch {
            throw RespectExit.report(error)
        }
    }
}

public import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectServer
import RespectStore

/// `respect users`: the service's accounts.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ServiceCommands.users.name,
        abstract: ServiceCommands.users.abstract,
        subcommands: [UsersAddCommand.self, UsersListCommand.self]
    )
}

/// `respect users add EMAIL --role ROLE [--organisation NUMBER] --password-stdin`.
struct UsersAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user (the password is read from standard input, never from the command line).",
        discussion: """
            Providers and commissioners belong to an organisation (its registered charity or \
            company number; add it first with `respect organisations add`); assessors and admins \
            belong to none. Example:
              printf '%s\\n' 'a long passphrase' | respect users add admin@example.org --role admin --password-stdin
            """
    )

    @Argument(help: "The user's email address (their sign-in name).")
    var email: String

    @Option(name: .long, help: "provider, assessor, commissioner or admin.")
    var role: Role

    @Option(name: .long, help: ArgumentHelp("The organisation's registered number (providers and commissioners).", valueName: "number"))
    var organisation: String?

    @Flag(name: .long, help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("give the password on standard input with --password-stdin") }
    }

    func run() async throws {
        do {
            let password = readLine(strippingNewline: true) ?? ""
            let store = try await dataOptions.open()
            let user = try await AccountService(store: store, configuration: ServerConfiguration())
                .addUser(email: email, role: role, organisation: organisation, password: password, by: DataOptions.author)
            print("added user \(user.id): \(user.email) (\(user.role.rawValue)\(user.organisation.map { ", organisation \($0)" } ?? ""))")
        } catch let error as AccountError {
            throw RespectExit.report(CommandFailure(description: error.description, exitCode: RespectExit.usage))
        } catch {
            throw RespectExit.report(error)
        }
    }
}

/// `respect users list`.
struct UsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        do {
            let store = try await dataOptions.open()
            for user in try await store.users() {
                print("\(user.id)\t\(user.email)\t\(user.role.rawValue)\t\(user.organisation?.value ?? "-")\t\(user.disabled ? "disabled" : "active")")
            }
        } catch {
            throw RespectExit.report(error)
        }
    }
}

extension Role: ExpressibleByArgument {}
extension OrganisationKind: ExpressibleByArgument {}

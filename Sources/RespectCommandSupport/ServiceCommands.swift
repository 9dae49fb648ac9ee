/// The commands of the web application: `respect serve`, `users`, `tokens`, `organisations`
/// and `store`. They are run by a second program, `respect-server`, installed next to
/// `respect`, which `respect` replaces itself with (same process, same arguments) when one of
/// them is asked for. The web server's libraries (Hummingbird, SwiftNIO, postgres-nio,
/// Mustache) are then only in the program that serves: `respect` itself starts and looks up its
/// types faster without them (a short `respect check` took a third longer with them linked in).
public enum ServiceCommands {
    /// The program that runs them, found next to `respect`.
    public static let programName = "respect-server"

    /// Each command's name and one-line summary, as `respect --help` lists it.
    public static let serve = (name: "serve", abstract: "Run the web application and its JSON API (SQLite in --data by default).")
    public static let users = (name: "users", abstract: "Add and list the web application's users.")
    public static let tokens = (name: "tokens", abstract: "Create bearer API tokens for scripts.")
    public static let organisations = (name: "organisations",
                                       abstract: "Add and list the organisations users belong to (by registered charity or company number).")
    public static let store = (name: "store", abstract: "Back up and restore the service's SQLite database.")

    /// Every command `respect-server` runs, by name (an array: a `Set` costs a short
    /// `respect check` its generic set-up at start).
    public static let names: [String] = [serve.name, users.name, tokens.name, organisations.name, store.name]
}

/// The version `respect --version` and `respect-server --version` print.
public enum RespectCommandVersion {
    public static let current = "0.1.0"
}

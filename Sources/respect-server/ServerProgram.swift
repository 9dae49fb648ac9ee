import ArgumentParser
import RespectCommandSupport
#if canImport(Glibc)
import Glibc
#endif

/// `respect-server`: the web application's commands (`serve`, `users`, `tokens`,
/// `organisations`, `store`). People run them as `respect serve …`; `respect` hands them to
/// this program in the same process (see `ServiceCommands`), so help and errors say
/// "respect serve".
@main
struct ServerProgram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respect",
        abstract: "The web application's commands; run them as `respect serve`, `respect users` and so on.",
        discussion: "See `respect --help` for every command and the exit codes.",
        version: RespectCommandVersion.current,
        subcommands: [ServeCommand.self, UsersCommand.self, TokensCommand.self, OrganisationsCommand.self, StoreCommand.self]
    )

    /// `serve` is parsed as the root of its own parse (as `respect` does for its commands);
    /// the command groups go through the whole tree.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == ServeCommand._commandName {
            tuneMalloc()
            await ServeCommand.main(Array(arguments.dropFirst()))
            return
        }
        await main(nil)
    }

    /// How glibc's malloc serves a long-running server, unless the environment says otherwise.
    ///
    /// Arenas: glibc keeps up to eight per core, each holding on to memory another thread
    /// freed; over a 100,000-request run that grew the resident size by 13%. The server keeps
    /// two per core (at least two): about one for each thread that allocates most, an event loop
    /// and a thread of the task pool per core. With two in all on two cores, those four threads
    /// shared them: at 32 connections a check answer cost 20.6 ms of CPU against 17.9 ms with
    /// four, and the server gave 84 answers a second against 98 (the means of ten interleaved
    /// rounds on a 2-core VM). With four, a soak of 127,020 checks grew the resident size by
    /// 4.1%. `MALLOC_ARENA_MAX` wins.
    ///
    /// Large blocks: after a block larger than its threshold is freed, glibc raises the
    /// threshold to that block's size (up to 32 MiB), so later bodies and results of the
    /// largest uploads came from the arenas and stayed there. With four arenas, four of the
    /// heaviest legal uploads at once took the server to 501 MB (357 MB with two arenas). With
    /// the threshold fixed at 1 MiB, every block of 1 MiB or more is mapped on its own and given
    /// back when freed: 382–383 MB (two runs), for about 2% more CPU per check answer (four
    /// interleaved rounds).
    /// `MALLOC_MMAP_THRESHOLD_`, or `mmap_threshold` in `GLIBC_TUNABLES`, wins.
    private static func tuneMalloc() {
        #if canImport(Glibc)
        if getenv("MALLOC_ARENA_MAX") == nil { _ = glibcMallopt(glibcArenaMax, Int32(mallocArenas)) }
        let tunables = getenv("GLIBC_TUNABLES").map { String(cString: $0) } ?? ""
        if getenv("MALLOC_MMAP_THRESHOLD_") == nil, !tunables.contains("mmap_threshold") {
            _ = glibcMallopt(glibcMmapThreshold, 1024 * 1024)
        }
        #endif
    }

    /// Two malloc arenas per online core, at least two.
    private static var mallocArenas: Int {
        #if canImport(Glibc)
        return max(2, 2 * sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }
}

#if canImport(Glibc)
/// glibc's `mallopt`, `M_ARENA_MAX` and `M_MMAP_THRESHOLD` (malloc.h, which the Glibc module
/// does not bring in).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let glibcArenaMax: Int32 = -8
private let glibcMmapThreshold: Int32 = -3
#endif

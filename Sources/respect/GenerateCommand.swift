import ArgumentParser
import RespectCommandSupport
import RespectAssessment
import Foundation
import RespectCorpus
import RespectModel

/// `respect generate`: write a corpus of realistic, invented submissions for trials and benchmarks.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        _superCommandName: "respect",
        abstract: "Generate realistic, invented submissions (a test corpus) against a framework edition.",
        discussion: """
            Writes COUNT submission files named submission-00001.xml, submission-00002.xml, … into \
            OUTDIR (created if needed; existing files of the same names are replaced). The same \
            count, seed and framework always give byte-identical files. Each file is built from \
            the framework's own indicators and outcome rules to receive a chosen verdict, in a \
            fixed mix: in every 8 files, 3 achieved, 3 working towards and 2 not yet (one of them \
            with a safety-critical failure such as no integrated support service for survivors). \
            Packs have 100 to 400 evidence items; providers, documents and hashes are invented. \
            A comment at the top of each file names the verdict it was built for.

            Example:
              respect generate --count 200 --seed 1 /tmp/corpus
              respect batch /tmp/corpus --csv /tmp/round.csv
            """
    )

    @Option(name: .long, help: ArgumentHelp("How many submissions to write (1 to 1,000,000).", valueName: "n"))
    var count: Int = 100

    @Option(name: .long, help: ArgumentHelp("The seed: the same seed gives the same files.", valueName: "s"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Framework file, or ID@EDITION from the standards folder.", valueName: "file|id"))
    var framework: String = "respect-standard@2017"

    @Argument(help: ArgumentHelp("The folder to write the files into.", valueName: "outdir"))
    var outdir: String

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count must be from 1 to 1000000") }
    }

    func run() async throws {
        let edition: LoadedEdition
        do {
            edition = try engine.engine().library.edition(framework)
        } catch {
            throw RespectExit.report(error)
        }
        do {
            try FileManager.default.createDirectory(atPath: outdir, withIntermediateDirectories: true)
        } catch {
            printError("respect: cannot create the folder \(outdir): \(error.localizedDescription)")
            throw RespectExit.cannotCreate
        }
        let generator = CorpusGenerator(framework: edition.framework, seed: seed)
        let progress = ProgressBar(total: count, label: "generate")
        var profiles: [CorpusProfile: Int] = [:]
        var failure: String?
        let (total, folder) = (count, outdir)
        await withTaskGroup(of: Result<CorpusProfile, CommandFailure>.self) { group in
            var next = 1
            func start() {
                let number = next
                next += 1
                group.addTask {
                    let generated = generator.submission(number: number)
                    let path = (folder as NSString).appendingPathComponent(CorpusGenerator.fileName(number: number, count: total))
                    do {
                        try Data(generated.document.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                        return .success(generated.profile)
                    } catch {
                        return .failure(CommandFailure(description: "cannot write \(path): \(error.localizedDescription)",
                                                       exitCode: RespectExit.cannotCreate))
                    }
                }
            }
            for _ in 0..<min(total, ProcessInfo.processInfo.activeProcessorCount * 4) { start() }
            var done = 0
            while let result = await group.next() {
                done += 1
                switch result {
                case .success(let profile): profiles[profile, default: 0] += 1
                case .failure(let error): failure = failure ?? error.description
                }
                progress.update(done: done)
                if failure == nil, next <= total { start() }
            }
        }
        progress.clear()
        if let failure {
            printError("respect: " + failure)
            throw RespectExit.cannotCreate
        }
        let notYet = profiles[.notYetGaps, default: 0] + profiles[.notYetUnsafe, default: 0]
        print("Wrote \(count) submission\(count == 1 ? "" : "s") to \(outdir) against \(edition.framework.identity.reference) (seed \(seed)): "
              + "built for \(profiles[.achieved, default: 0]) achieved, \(profiles[.workingTowards, default: 0]) working towards, "
              + "\(notYet) not yet (\(profiles[.notYetUnsafe, default: 0]) with a safety-critical failure).")
    }
}

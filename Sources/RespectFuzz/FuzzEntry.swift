import Foundation

#if RESPECT_FUZZ
/// libFuzzer's entry point (built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address`).
@_cdecl("LLVMFuzzerTestOneInput")
public func respectFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.checkSetUp()
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
    return 0
}
#else
/// Without libFuzzer: replays the files given as arguments through the same path, e.g. a
/// crash input saved by `scripts/fuzz.sh`. Prints one line per file; a crash is a bug.
@main
enum RespectFuzzReplay {
    static func main() {
        FuzzHarness.checkSetUp()
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            print("usage: RespectFuzz FILE... (replays fuzz inputs; scripts/fuzz.sh builds the fuzzer)")
            return
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot read")
                continue
            }
            FuzzHarness.run(Array(data))
            print("\(file): ok")
        }
    }
}
#endif

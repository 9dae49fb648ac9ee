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

/// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *, char ***, int (*)(const uint8_t *, size_t))`).
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable target's `main` to `<module>_main` (so tests can import it);
/// here that entry point hands over to libFuzzer's driver.
@_cdecl("RespectFuzz_main")
public func respectFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    // Load the fixed frameworks and submissions first, so their one-time allocations are not
    // mistaken for leaks of the first input.
    FuzzHarness.checkSetUp()
    var count = argc
    var arguments = argv
    return llvmFuzzerRunDriver(&count, &arguments) { data, size in respectFuzzTestOneInput(data, size) }
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

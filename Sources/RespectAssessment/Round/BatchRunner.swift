/// Runs a batch in parallel and hands back the results in the files' order (batch rows, or
/// validation results).
///
/// At most `parallelism` files are scored at once, and at most `window` are started ahead of
/// the next row to deliver (in flight, or finished and waiting for an earlier one), so memory
/// is bounded whatever the number of files, and the output is deterministic although the work
/// is parallel: `deliver` sees row `n` only after rows `0..<n`, on the calling task.
public enum BatchRunner {
    public static func run<Row: Sendable>(files: [String], parallelism: Int, window: Int,
                                          score: @escaping @Sendable (String) async -> Row,
                                          deliver: (Row) -> Void) async {
        let parallelism = max(1, parallelism)
        let window = max(parallelism, window)
        await withTaskGroup(of: (Int, Row).self) { group in
            var next = 0  // the next file to start
            var written = 0  // the next row to deliver
            var running = 0
            var finished: [Int: Row] = [:]
            func startMore() {
                while next < files.count, running < parallelism, next - written < window {
                    let (index, file) = (next, files[next])
                    group.addTask { (index, await score(file)) }
                    next += 1
                    running += 1
                }
            }
            startMore()
            while let (index, row) = await group.next() {
                running -= 1
                finished[index] = row
                while let ready = finished.removeValue(forKey: written) {
                    deliver(ready)
                    written += 1
                }
                startMore()
            }
        }
    }
}

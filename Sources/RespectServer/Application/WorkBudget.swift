/// How much XML the server reads and assesses at once, counted in the uploads' bytes. Reading
/// and assessing a file takes several times its size in memory (the heaviest legal submission,
/// 32 MiB, peaks near 210 MB in one assessment, its 39 MB JSON result included), so four such
/// uploads assessed together went past 550 MB. Work is let through while the bytes in hand stay
/// within the limit (the largest upload accepted): ordinary submissions, a few kilobytes each,
/// never wait; the largest are assessed one at a time, the next starting when one finishes. A
/// file larger than the limit still goes through, alone.
actor WorkBudget {
    private var inUse = 0
    private var waiting: [(bytes: Int, resume: CheckedContinuation<Void, Never>)] = []

    /// Waits until `bytes` fit within `limit` (more than the limit counts as the limit), then
    /// counts them; returns what was counted, for `release`.
    func acquire(_ bytes: Int, limit: Int) async -> Int {
        let cost = min(max(bytes, 0), limit)
        if waiting.isEmpty && inUse + cost <= limit {
            inUse += cost
        } else {
            await withCheckedContinuation { waiting.append((cost, $0)) }
        }
        return cost
    }

    /// Gives back what `acquire` counted.
    func release(_ cost: Int, limit: Int) {
        inUse -= cost
        // First come, first served: the head of the queue starts as soon as it fits.
        while let next = waiting.first, inUse + next.bytes <= limit {
            waiting.removeFirst()
            inUse += next.bytes
            next.resume.resume()
        }
    }
}

extension WebService {
    /// Runs `work`, which reads or assesses `bytes` of XML, within the server's `WorkBudget`.
    func withinBudget<Value>(bytes: Int, _ work: () async throws -> Value) async throws -> Value {
        let limit = configuration.maxXMLBytes
        let cost = await budget.acquire(bytes, limit: limit)
        do {
            let value = try await work()
            await budget.release(cost, limit: limit)
            return value
        } catch {
            await budget.release(cost, limit: limit)
            throw error
        }
    }
}

@testable import RespectServer
import Testing

/// How much XML the server reads and assesses at once.
@Suite("Work budget")
struct WorkBudgetTests {
    /// What happened, in order, across tasks.
    actor Log {
        var events: [String] = []
        func add(_ event: String) { events.append(event) }
    }

    @Test("small pieces of work run side by side within the limit")
    func smallWorkDoesNotWait() async {
        let budget = WorkBudget()
        #expect(await budget.acquire(3, limit: 10) == 3)
        #expect(await budget.acquire(3, limit: 10) == 3)
        #expect(await budget.acquire(4, limit: 10) == 4)
        // All three were let in without any release: the limit holds exactly 10.
        await budget.release(3, limit: 10)
        await budget.release(3, limit: 10)
        await budget.release(4, limit: 10)
    }

    @Test("work that does not fit waits until the work before it gives its bytes back, first come first served")
    func largeWorkWaits() async {
        let budget = WorkBudget()
        let log = Log()
        _ = await budget.acquire(10, limit: 10)
        await log.add("first in")
        let second = Task {
            _ = await budget.acquire(6, limit: 10)
            await log.add("second in")
        }
        let third = Task {
            // Fits beside the second but not before the first is done.
            _ = await budget.acquire(4, limit: 10)
            await log.add("third in")
        }
        for _ in 0..<50 { await Task.yield() }
        await log.add("first out")
        await budget.release(10, limit: 10)
        await second.value
        await third.value
        let events = await log.events
        #expect(events.prefix(2) == ["first in", "first out"])
        #expect(Set(events.dropFirst(2)) == ["second in", "third in"])
    }

    @Test("a file larger than the limit still goes through, alone")
    func oversizedWorkRunsAlone() async {
        let budget = WorkBudget()
        let log = Log()
        #expect(await budget.acquire(50, limit: 10) == 10)
        let small = Task {
            _ = await budget.acquire(1, limit: 10)
            await log.add("small in")
        }
        for _ in 0..<50 { await Task.yield() }
        await log.add("large out")
        await budget.release(10, limit: 10)
        await small.value
        #expect(await log.events == ["large out", "small in"])
    }
}

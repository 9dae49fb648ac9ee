/// Lets one transaction at a time through, in the order they asked, without blocking a thread:
/// the GRDB driver keeps a transaction open across several awaits on its single writer
/// connection, so nothing else may write on that connection meanwhile.
actor TransactionGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits for the gate; every `enter` is followed by exactly one `leave`.
    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the gate to the next in line, or opens it.
    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

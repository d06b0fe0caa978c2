/// Bounded work in flight: at most `limit` holders at once, at most `queueLimit` waiting in
/// arrival order; anyone past both is turned away at once (the caller answers 503).
actor AdmissionGate {
    let limit: Int
    let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var firstWaiting = 0

    init(limit: Int, queueLimit: Int) {
        self.limit = max(1, limit)
        self.queueLimit = max(0, queueLimit)
    }

    /// Waits for a turn; false when the queue is full too.
    func enter() async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        guard waiting.count - firstWaiting < queueLimit else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// Admits without waiting, or returns false.
    func tryEnter() -> Bool {
        guard running < limit else { return false }
        running += 1
        return true
    }

    /// Ends a turn: the longest waiter takes it over.
    func leave() {
        if firstWaiting < waiting.count {
            let next = waiting[firstWaiting]
            firstWaiting += 1
            if firstWaiting > 64 && firstWaiting * 2 > waiting.count {
                waiting.removeFirst(firstWaiting)
                firstWaiting = 0
            }
            next.resume()
        } else {
            running -= 1
        }
    }
}

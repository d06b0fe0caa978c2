import Dispatch
import Hummingbird
import LatePenalty

/// Carries a batch's output from the thread that computes it to the task that writes the
/// response, holding at most `capacity` chunks: a client that reads slowly slows the batch down
/// instead of filling memory. A client that goes away, or reads nothing for `stallSeconds`, lets
/// the batch run to its end with its output dropped (its input is already held in a temporary
/// file); the response is then cut off without its trailers, so no client takes a part for the
/// whole.
final class OutputChannel: @unchecked Sendable {
    enum Item: Sendable {
        case bytes(ByteBuffer)
        /// The end: the summary, or the reason the run stopped, and the notes on fields no
        /// regime reads (JSON Lines; a CSV header is checked before the run).
        case end(Result<Batch.Summary, Batch.FileError>, unusedFieldNotes: [String])
    }

    let items: AsyncStream<Item>
    private let continuation: AsyncStream<Item>.Continuation
    private let credits: DispatchSemaphore
    private let capacity: Int
    private let lock = DispatchQueue(label: "penalty.output-channel")
    private var abandoned = false

    private let stallSeconds: Int

    init(capacity: Int = 8, stallSeconds: Int = 120) {
        self.capacity = capacity
        self.stallSeconds = stallSeconds
        credits = DispatchSemaphore(value: capacity)
        (items, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .unbounded)
    }

    /// Called on the batch's thread: waits for room, then passes a copy of `bytes` on.
    func send(_ bytes: UnsafeRawBufferPointer) {
        if isAbandoned { return }
        guard credits.wait(timeout: .now() + .seconds(stallSeconds)) == .success else {
            abandon()  // nobody has taken a chunk for that long
            return
        }
        if isAbandoned {
            credits.signal()
            return
        }
        continuation.yield(.bytes(ByteBuffer(bytes: bytes)))
    }

    /// Called on the batch's thread when the run is over. An abandoned run ends without its
    /// summary, so that the writer cuts the response off.
    func finish(_ outcome: Result<Batch.Summary, Batch.FileError>, unusedFieldNotes: [String]) {
        if !isAbandoned { continuation.yield(.end(outcome, unusedFieldNotes: unusedFieldNotes)) }
        continuation.finish()
    }

    private var isAbandoned: Bool { lock.sync { abandoned } }

    /// Called by the writer after each chunk it has written.
    func written() { credits.signal() }

    /// Called by the writer when it can write no more: the batch is no longer held back.
    func abandon() {
        lock.sync { abandoned = true }
        for _ in 0...capacity { credits.signal() }
    }
}

import LatePenalty

/// What a server instance serves and the limits it keeps. The defaults are safe for a clerk's
/// machine: loopback only, bounded bodies, bounded work in flight.
package struct ServerSettings: Sendable {
    /// The address to listen on; loopback unless told otherwise.
    package var host = "127.0.0.1"
    /// The port; 0 asks the system for a free one (tests).
    package var port = 8080
    /// The regimes, bundled or overlaid with a rate file (`--rates`).
    package var catalog: RegimeCatalog = .bundled
    /// The largest body of a single case (`/v1/compute`).
    package var maxCaseBytes = 64 << 10
    /// The largest vector file (`/v1/verify`).
    package var maxVectorBytes = 16 << 20
    /// The largest batch body (`/v1/batch`): it is held in a temporary file, not in memory.
    package var maxBatchBytes = 4 << 30
    /// Requests handled at once; more wait in a queue.
    package var maxConcurrentRequests = 64
    /// Requests that may wait for a turn; past that, 503 with `Retry-After`.
    package var maxQueuedRequests = 256
    /// Batches run at once (each takes a thread and a temporary file); past that, 503.
    package var maxConcurrentBatches = 2
    /// Worker threads per batch.
    package var batchJobs = 1
    /// A body must arrive at this many bytes per second on average once `bodyGraceSeconds`
    /// have passed, or the request is answered 408: a client trickling a byte now and then
    /// would otherwise hold a turn (and a batch slot, and a graceful shutdown) for ever.
    package var minBodyBytesPerSecond = 64 << 10
    package var bodyGraceSeconds: Int64 = 10
    /// Seconds a connection may stay idle (also a client that stops sending) before it is closed.
    package var idleTimeoutSeconds: Int64 = 30

    package init() {}
}

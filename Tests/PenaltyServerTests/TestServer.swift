import Dispatch
import Logging
import PenaltyServer

/// Runs a real server on a free loopback port for the duration of `body`, then stops it.
func withServer<T: Sendable>(_ given: ServerSettings = ServerSettings(), _ body: (Int) async throws -> T) async throws -> T {
    var settings = given
    settings.port = 0
    let (ports, announce) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "penalty-server-test")
    // Stopping a server by cancelling its task logs the connections it cut as errors.
    logger.logLevel = .critical
    let app = PenaltyServer.application(settings: settings, logger: logger) { port in announce.yield(port) }
    let server = Task { try await app.runService(gracefulShutdownSignals: []) }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw HTTPExchange.Failure(description: "the server did not start") }
    return try await body(port)
}

/// Blocking socket work on a thread of its own, so that a test waiting for the server never
/// holds one of the threads the server's handlers run on.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result(catching: work)) }
    }
}

/// A well-formed request (see ``HTTPExchange/request(_:_:_:headers:body:)``), off the test's thread.
func http(
    _ port: Int, _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
) async throws -> HTTPExchange.Response {
    try await offThread { try HTTPExchange.request(port, method, target, headers: headers, body: body) }
}

/// A JSON request body.
func json(_ text: String) -> (headers: [(String, String)], body: [UInt8]) {
    ([("Content-Type", "application/json")], Array(text.utf8))
}

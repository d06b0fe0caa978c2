import ArgumentParser
import LatePenalty
import Logging
import PenaltyServer

/// `penalty-server`: the JSON API and the web page over HTTP.
@main
struct PenaltyServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalty-server",
        abstract: "Serve the JSON API (/v1, described at /openapi.json) and the web page (/) over HTTP.",
        discussion: """
            Listens on 127.0.0.1:8080 unless told otherwise; give --host 0.0.0.0 only behind a \
            reverse proxy that adds TLS. Stops on SIGTERM or Ctrl-C after the requests in flight \
            are answered. See docs/server.md.
            """,
        version: libraryVersion)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(help: "A rate file overlaying the bundled regimes (as penalty compute --rates).")
    var rates: String?

    @Option(name: .customLong("max-batch-mb"), help: "The largest /v1/batch body, in MiB (held in $TMPDIR, not in memory).")
    var maxBatchMiB = 4096

    @Option(name: .customLong("batches"), help: "Batches run at once; more are answered 503 with Retry-After.")
    var batches = 2

    @Option(name: .customLong("batch-jobs"), help: "Worker threads per batch, 1 to 256.")
    var batchJobs = 1

    @Option(name: .customLong("max-requests"), help: "Requests handled at once; up to four times as many wait, more are answered 503.")
    var maxRequests = 64

    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay idle (a client that stops sending included) before it is closed.")
    var idleTimeout = 30

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        guard (1...(1 << 20)).contains(maxBatchMiB) else { throw ValidationError("--max-batch-mb must be between 1 and 1048576, not \(maxBatchMiB)") }
        guard (1...64).contains(batches) else { throw ValidationError("--batches must be between 1 and 64, not \(batches)") }
        guard (1...256).contains(batchJobs) else { throw ValidationError("--batch-jobs must be between 1 and 256, not \(batchJobs)") }
        guard (1...4096).contains(maxRequests) else { throw ValidationError("--max-requests must be between 1 and 4096, not \(maxRequests)") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 3600 seconds, not \(idleTimeout)") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), not '\(logLevel)'")
        }
    }

    func run() async throws {
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.maxBatchBytes = maxBatchMiB << 20
        settings.maxConcurrentBatches = batches
        settings.batchJobs = batchJobs
        settings.maxConcurrentRequests = maxRequests
        settings.maxQueuedRequests = maxRequests * 4
        settings.idleTimeoutSeconds = Int64(idleTimeout)
        if let rates {
            do { settings.catalog = try RegimeCatalog.bundled.overlaying(regimeFileAt: rates) } catch {
                throw ValidationError("--rates \(rates): \(error.reason)")
            }
        }
        var logger = Logger(label: "penalty-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let host = settings.host
        let app = PenaltyServer.application(settings: settings, logger: logger) { port in
            print("penalty-server: listening on http://\(host):\(port)/")
        }
        try await app.runService()
    }
}

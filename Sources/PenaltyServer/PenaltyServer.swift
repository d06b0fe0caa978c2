import Hummingbird
import LatePenalty
import Logging

/// The HTTP interface: the JSON API under `/v1` (described at `/openapi.json`) and the web page
/// at `/`, on Hummingbird.
package enum PenaltyServer {
    package typealias Context = BasicRequestContext

    /// Every route, behind the middleware every request passes: the access log, the security
    /// headers, errors as problem+json, and the admission gate.
    package static func router(settings: ServerSettings) -> Router<Context> {
        let router = Router(context: Context.self, options: .autoGenerateHeadEndpoints)
        router.middlewares.add(AccessLogMiddleware())
        router.middlewares.add(SecurityHeadersMiddleware())
        router.middlewares.add(ProblemMiddleware())
        router.middlewares.add(AdmissionMiddleware(gate: AdmissionGate(limit: settings.maxConcurrentRequests, queueLimit: settings.maxQueuedRequests)))

        router.get("/healthz") { _, _ in PageRoutes.health() }
        router.get("/openapi.json") { _, _ in try PageRoutes.file("openapi.json") }
        router.get("/") { _, _ in try PageRoutes.file("index.html") }
        router.get("/page/{name}") { _, context in try PageRoutes.file(try context.parameters.require("name")) }

        let compute = ComputeRoute(settings: settings)
        router.post("/v1/compute") { request, _ in try await compute.respond(request) }
        let batch = BatchRoute(settings: settings, gate: AdmissionGate(limit: settings.maxConcurrentBatches, queueLimit: 0))
        router.post("/v1/batch") { request, _ in try await batch.respond(request) }
        let regimes = RegimeRoutes(catalog: settings.catalog)
        router.get("/v1/regimes") { _, _ in regimes.list() }
        router.get("/v1/regimes/{name}") { _, context in try regimes.show(try context.parameters.require("name")) }
        router.get("/v1/calendar/holidays") { request, _ in try CalendarRoutes.holidays(request) }
        router.get("/v1/calendar/next-open") { request, _ in try CalendarRoutes.nextOpen(request) }
        let verify = VerifyRoute(settings: settings)
        router.post("/v1/verify") { request, _ in try await verify.respond(request) }
        return router
    }

    /// The server, ready to run (`runService()` stops it gracefully on SIGTERM and SIGINT,
    /// finishing the requests in flight). `onServerRunning` is told the bound port.
    package static func application(
        settings: ServerSettings, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(settings: settings),
            server: ContinueServer.http1(settings: settings),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "penalty-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }
}
